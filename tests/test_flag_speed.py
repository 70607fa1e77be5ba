"""The substance flags' shortcuts give exactly what the plain computations give.

Each shortcut is checked against the code it replaced, kept here: the guards of `guards`
against running every pattern, and the faster helpers of `statements`, `conditions` and
`substance` against their former versions.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import planlens.compare.lexicon as lx
from planlens.compare import (
    actors,
    conditions,
    extent,
    modality,
    necessary,
    phrases,
    polarity,
    statements,
    substance,
)
from planlens.compare.guards import (
    Guarded,
    guarded,
    lead,
    needs,
    profile,
    quick,
    strings_wanted,
    words_of,
)

# -- texts of the words the patterns look for, in every case, with the characters on which case
# -- rules disagree (long s, Kelvin sign, dotted I, micro sign, capital sharp s)

_LEXICON_WORDS = sorted(
    {
        w
        for text in (
            [p for _, p in lx.SCOPE_CLASSES]
            + [p for _, p in lx.MODAL_FORCES]
            + [p for _, p in lx.PARTIES]
            + [
                lx.NEGATORS,
                lx.NEGATION_IDIOMS,
                lx.PLACES,
                conditions.CONDITION_MARKERS,
                conditions.FIXED_CONDITIONS,
                lx.DEADLINES,
                lx.REFERENCE_WORDS,
                lx.BOTH,
                lx.ONE_BEFORE_UNIT,
            ]
            + list(lx.NUMBER_WORDS)
        )
        for w in re.findall(r"[A-Za-zäöüßÄÖÜ]+", text)
    }
)
_ODD = ["ſ", "K", "İ", "ı", "µ", "ẞ", "ß", "Å", "ς", "Σ", "–", "§", "'", "’", "/", "(", ")"]
_words = st.one_of(
    st.sampled_from(_LEXICON_WORDS).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.lower(), w.title(), w.replace("s", "ſ")])
    ),
    st.text(alphabet="abcdefghiklmnorstuvwyzäöüAEIKSU" + "".join(_ODD), min_size=1, max_size=8),
    st.from_regex(r"\d{1,4}([.,:/]\d{1,3})?", fullmatch=True),
)
texts = st.lists(_words, max_size=25).flatmap(
    lambda ws: st.lists(
        st.sampled_from([" ", " ", "-", ", ", ". ", "\n", ""]), min_size=len(ws), max_size=len(ws)
    ).map(lambda seps: "".join(w + s for w, s in zip(ws, seps, strict=True)))
)

_PATTERNS: dict[str, re.Pattern[str]] = {
    **{f"scope {name}": g.pattern for name, g in extent._SCOPES},
    **{f"force {name}": g.pattern for name, g in modality.FORCES},
    "negator": polarity.NEGATOR_RE.pattern,
    "idiom": polarity.NEGATION_IDIOM_RE.pattern,
    "both": substance._BOTH_RE.pattern,
    "proposal": modality.PROPOSAL_RE.pattern,
    "subordinate": polarity.SUBORDINATE_RE.pattern,
    "year": statements._YEAR_RE,
    "url": statements.URL_RE,
    "number": statements._NUMBER_RE,
    "number word": statements._NUMBER_WORD_RE,
    "ratio": statements._RATIO_RE,
    "fixed condition": conditions._FIXED_CONDITION_RE,
    "place": statements.PLACE_RE,
    "deadline": statements._DEADLINE_RE,
    "condition": conditions.CONDITION_RE,
    "verb first": conditions._VERB_FIRST_RE,
    "reference": statements._REF_START_RE,
    "party": statements._party_pattern(("Donetsk People's Republic", "İstanbul Group"))[1].pattern,
    "one": statements._ONE_RE,
    "contrast": extent._CONTRAST_RE.pattern,
    "only if": necessary.ONLY_IF_RE.pattern,
    "pairing": substance._PAIRING_RE.pattern,
    "form": substance._FORM_RE.pattern,
}


@pytest.mark.parametrize("name", sorted(_PATTERNS))
@settings(max_examples=150, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_a_guarded_pattern_finds_what_the_pattern_finds(name: str, text: str) -> None:
    pattern = _PATTERNS[name]
    want = [(m.span(), m.group(), m.groupdict()) for m in pattern.finditer(text)]
    found = guarded(pattern, 0).finditer(text)
    assert [(m.span(), m.group(), m.groupdict()) for m in found] == want  # groups kept
    assert bool(guarded(pattern, 0).search(text)) == bool(pattern.search(text))


@pytest.mark.parametrize("name", sorted(_PATTERNS))
@settings(max_examples=60, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_text_the_pattern_matches_passes_its_guard(name: str, data: st.DataObject) -> None:
    """Strings made from the pattern itself (with text around them) always pass its guard."""
    pattern = _PATTERNS[name]
    made = data.draw(st.from_regex(pattern, fullmatch=False))
    if pattern.search(made):
        assert guarded(pattern, 0).possible(made)


def _now(g: Guarded) -> Guarded:
    """The guard of `g`'s pattern without its warm-up."""
    return guarded(g.pattern, 0)


def test_guards_skip_texts_without_the_words() -> None:
    """The guards do skip: a plain sentence cannot hold a word of scope, force or place.

    (Not "... den Preis": "is" stands in "Preis", and the obligation's "is to" is looked for
    by its letters anywhere.)"""
    text = "Der Käufer zahlt den vereinbarten Betrag."
    assert not any(_now(g).possible(text) for _, g in extent._SCOPES)
    assert not any(_now(g).possible(text) for _, g in modality.FORCES)
    assert not _now(statements.PLACE).possible(text)
    assert not _now(statements._NUMBER).possible(text)
    assert _now(statements._NUMBER).possible("zahlt 30 Euro")
    assert _now(extent._SCOPES[1][1]).possible("Jeder Käufer zahlt.")  # "all": jeder


def test_a_guard_tests_only_after_its_warm_up() -> None:
    """A small comparison does not pay for reading the pattern: the first texts are scanned."""
    g = guarded(re.compile(r"(?<!\w)Preis(?!\w)"), warmup=18)
    assert [g.possible("nichts") for _ in range(4)] == [True, True, True, False]
    assert g.possible("der Preis")


def test_needs_are_found_for_the_lexicon_and_none_where_unknown() -> None:
    scope_all = needs(extent._SCOPES[1][1].pattern)
    assert scope_all is not None and ("prefix", "jede") in scope_all
    assert needs(re.compile(r"\w+")) is None  # any word: nothing to test
    assert needs(re.compile(r"(?:ab)?c|d")) == {("text", "c"), ("text", "d")}
    assert needs(re.compile(r"(?<!\w)(?:Absatz|§)\s*\d")) == {("prefix", "absatz"), ("text", "§")}
    assert needs(re.compile(r"(?:ab)?\w+|d")) is None  # one alternative needs nothing known
    assert needs(re.compile(r"x(?:ab)?")) == {("text", "x")}
    assert Guarded(re.compile(r"\w+"), 0).possible("")
    # Whole words where the pattern ends with a look-ahead no letter may pass, and a word's
    # first letters joined to the group after them ("G" + "7|8|20").
    party = re.compile(r"(?<![\w-])(?:UN(?! Security)|US|G7|G8|G20|U\.S\.)(?![\w-])")
    assert needs(party) == {
        ("word", "un"),
        ("word", "us"),
        ("word", "g7"),
        ("word", "g8"),
        ("word", "g20"),
        ("text", "u.s."),
    }
    assert not guarded(party, 0).possible("und unter G70 usw")
    assert guarded(party, 0).possible("the UN, G20 and")


@pytest.mark.parametrize(
    "text", ["ſome", "ſolely", "İnterim", "only K", "µ", "SOME", "Some", "Σome", "nur ẞ"]
)
def test_characters_whose_case_rules_differ_are_always_scanned(text: str) -> None:
    for _, g in extent._SCOPES:
        want = [m.span() for m in g.pattern.finditer(text)]
        assert [m.span() for m in _now(g).finditer(text)] == want
    exact = profile(text).exact
    assert exact == all(ord(c) <= 0xFF or c.lower() == c.upper() for c in text)


# -- referenced(): the numbers of provisions, without those of their parts -------------------


def _referenced_before(text: str) -> set[str]:
    """`statements.referenced` by its definition, read token by token: a provision's number
    counts, the numbers after a part's name ("Absatz 3 und 4") do not, until a provision is
    named again ("Satz 1 und des § 74b")."""
    part = (
        r"(?:Absatz(?:es)?|Absätzen?|Abs\.|Satz(?:es)?|Sätzen?|Nummer[n]?|Nr\.|Buchstaben?|"
        r"Halbsatz(?:es)?|Unterabsatz(?:es)?|lit\.)"
    )
    token = rf"(?<!\w)(?:{lx.REFERENCE_WORDS})|(?<![\w.])\d+[a-z]?(?:\.\d+)*"
    out = set()
    for a, b in statements.references(text):
        in_part = False
        for m in re.finditer(token, text[a:b], re.IGNORECASE):
            if m.group()[0].isdigit():
                if not in_part:
                    out.add(m.group())
            else:
                in_part = re.fullmatch(part, m.group()) is not None
    return out


_reference_tokens = st.sampled_from(
    [
        *["§", "§§", "Art.", "Artikel", "Section", "Absatz", "Abs.", "Satz", "Nummer", "Nr."],
        *["Absatzes", "bis", "und", "oder", ",", "-", "and", "to", "in", "der", "Frist", "("],
        *[")", "(2)", "\n", "1", "2", "3", "12", "1a", "226a", "8.1", "8.2", "3.1.2", "2015"],
        *["1 2", "Satz1"],
    ]
)


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(words=st.lists(_reference_tokens, max_size=20), seps=st.sampled_from([" ", "  ", "\u00a0"]))
def test_referenced_is_its_definition(words: list[str], seps: str) -> None:
    text = seps.join(words)
    assert statements.referenced(text) == _referenced_before(text)


@pytest.mark.parametrize(
    "text",
    [
        "§§ 223 bis 226a, § 12 Absatz 3 and Sections 8.1 or 8.2",
        "§ 12 Absatz 1 Satz 2 Nr. 3 und § 1 Abs. 12",
        "nach § 5 Abs.3 und § 3",
        "Artikel 2 Absatz 2 und Absatz 22",
        "§ 113 Absatz 3 und 4 gilt entsprechend",
        "die Absätze 2 und 3 gelten",
        "in Satz 1 Nr. 2 bezeichneten Art",
        "§ 74 Absatz 3 Satz 1 und des § 74b",
    ],
)
def test_referenced_table(text: str) -> None:
    assert statements.referenced(text) == _referenced_before(text)


# -- conditions(): the references in a condition's clause blanked -------------------------------


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(
    text=st.text(alphabet="ab §1", max_size=30),
    spans=st.lists(st.tuples(st.integers(0, 32), st.integers(0, 32)), max_size=4),
    cut=st.tuples(st.integers(0, 32), st.integers(0, 32)),
)
def test_blanked_is_the_former_character_loop(
    text: str, spans: list[tuple[int, int]], cut: tuple[int, int]
) -> None:
    a, b = min(cut), min(max(cut), len(text))
    a = min(a, b)
    refs = [(min(s), max(s)) for s in spans]
    before = "".join(" " if statements.inside((k, k + 1), refs) else text[k] for k in range(a, b))
    assert conditions._blanked(text, a, b, refs) == before


def test_conditions_blank_their_references() -> None:
    [c] = conditions.conditions("Ist die Tat nach § 12 Absatz 3 begangen, so gilt dies.", "de")
    assert c.shown == "Ist die Tat nach § 12 Absatz 3 begangen"
    assert not any(w.startswith("absatz") for w in c.words)


# -- conditions: a verb-first condition after a semicolon, tried only where one may start ------

_SEMICOLON_PARTS = st.sampled_from(
    ["; ", ";", ";\n", " ", ",", "ist der Käufer", "betreibt der Pächter Landwirtschaft",
     ", so gilt", ", erstreckt sich das Recht", "Der Vertrag", "in der Sache", "; war ihm", "x"]
)  # fmt: skip


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(parts=st.lists(_SEMICOLON_PARTS, max_size=12))
def test_after_semicolons_finds_what_a_search_finds(parts: list[str]) -> None:
    text = "".join(parts)
    pattern = conditions._VERB_FIRST_AFTER_SEMICOLON_RE
    want = [(m.span(), m.span("condition")) for m in pattern.finditer(text)]
    assert [(m.span(), m.span("condition")) for m in conditions._after_semicolons(text)] == want


# -- the guards' test: a word's first letters looked for anywhere -----------------------------


def _possible_by_first_letters(pattern: re.Pattern[str], text: str) -> bool:
    """The guards' test as it was: a prefix need passed only where a word of the text begins
    with its letters (each text's words and their first 1 to 4 letters, as a set)."""
    wanted = needs(pattern)
    if wanted is None:
        return True
    lower = text.lower()
    words = frozenset(re.findall(r"\w+", lower))
    prefixes = set(words)
    for k in range(1, 5):
        prefixes.update(w[:k] for w in words)
    return (
        not profile(text).exact
        or (("digit", "") in wanted and re.search(r"\d", text) is not None)
        or any(
            (kind == "word" and s in words)
            or (kind == "prefix" and s in prefixes)
            or (kind == "text" and s in lower)
            for kind, s in wanted
        )
    )


@pytest.mark.parametrize("name", sorted(_PATTERNS))
@settings(max_examples=150, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_a_guard_runs_every_scan_the_first_letters_test_ran(name: str, text: str) -> None:
    """Looking for a word's first letters anywhere is looser than at a word's start: it skips
    no text the former test let through (and so, with it, none the pattern matches)."""
    pattern = _PATTERNS[name]
    if _possible_by_first_letters(pattern, text):
        assert guarded(pattern, 0).possible(text)


def test_a_guard_looks_for_first_letters_at_the_start_of_a_word() -> None:
    """A prefix need passes where a word begins with the letters, not where they stand inside
    a word only (where no match can begin)."""
    g = guarded(re.compile(r"(?<![\w-])Gläu\w*"), 0)
    assert needs(g.pattern) == {("prefix", "gläu")}
    assert g.possible("des Gläubigers")
    assert list(g.finditer("Mitgläubiger")) == []
    assert not g.possible("Mitgläubiger")
    assert not g.possible("Der Schuldner haftet.")


_need = st.tuples(
    st.sampled_from(["prefix", "suffix"]), st.text(alphabet="abcdeäß", min_size=1, max_size=4)
) | st.tuples(st.just("text"), st.text(alphabet="abcdeäß §.", min_size=1, max_size=4))


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts, wanted=st.lists(_need, max_size=12))
def test_the_strings_kept_are_found_where_any_need_is_met(
    text: str, wanted: list[tuple[str, str]]
) -> None:
    """Looking for the strings kept, each where `strings_wanted` says, finds one exactly where
    the text meets one of the needs: letters anywhere, a word that begins or ends with them."""
    extra = [s for _, s in wanted[::2]]  # some of them in the text, for the test to be met
    p = profile(text + " " + " ".join(extra))
    kept = strings_wanted(frozenset(wanted))
    written = {f" {s}" if k == "prefix" else f"{s} " if k == "suffix" else s for k, s in wanted}
    assert {s for s, _ in kept} <= written
    met = any(
        (kind == "text" and s in p.lower)
        or (kind == "prefix" and any(w.startswith(s) for w in p.words))
        or (kind == "suffix" and any(w.endswith(s) for w in p.words))
        for kind, s in wanted
    )
    assert any(s in (p.joined if joined else p.lower) for s, joined in kept) == met


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_a_profile_has_every_word(text: str) -> None:
    p = profile(text)
    assert p.words == frozenset(re.findall(r"\w+", text.lower()))
    assert p.lower == text.lower()
    assert p.digit == (re.search(r"\d", text) is not None)


latin1_texts = st.text(
    alphabet=st.characters(max_codepoint=0x17F) | st.sampled_from("„“–€ſ\u212a²¼_ "), max_size=40
)


@settings(max_examples=500, derandomize=True)
@given(text=latin1_texts)
def test_words_are_those_of_the_regex_in_and_beyond_latin_1(text: str) -> None:
    # Every Latin-1 character, some beyond it (the byte translation leaves those to the regex).
    assert words_of(text) == frozenset(re.findall(r"\w+", text))
    assert words_of(text.lower()) == frozenset(re.findall(r"\w+", text.lower()))


def test_every_latin_1_character_is_read_as_the_regex_reads_it() -> None:
    every = " ".join(chr(c) for c in range(256)) + "".join(chr(c) for c in range(256))
    assert words_of(every) == frozenset(re.findall(r"\w+", every))


# -- phrases: the sentence splitter reads the last word only -----------------------------------


def _sentences_before(text: str) -> list[str]:
    """`phrases._sentences` as it was written first, splitting the whole sentence so far at each
    end (with its later rule: an abbreviation after an opening bracket, "(Sect. 11)")."""
    from planlens.compare.phrases import _ABBREVIATIONS, _END

    out: list[str] = []
    start = 0
    for match in _END.finditer(text):
        before = text[start : match.start()].rstrip("\"'”’)")
        last = before.split()[-1] if before.split() else ""
        word = last.rstrip(".").lstrip("([\"'“‘").casefold()
        if before.endswith(".") and (word in _ABBREVIATIONS or len(word) == 1):
            continue
        if before.endswith(".") and word.isdigit() and len(word) <= 3:
            continue
        out.append(text[start : match.end()])
        start = match.end()
    out.append(text[start:])
    return out


_sentence_words = st.sampled_from(
    [
        *["Abs.", "Nr.", "z.B.", "1.", "12.", "2024.", "a.", "Ende.", "Satz", "(2)", "§"],
        *["gilt;", "Frist:", "“Zitat.”", "'Ja.'", "Ende.)", "\n\n", " ", "\u00a0", "\t"],
        *["Der", "(b)", "§ 3.", "(Sect.", "(a.", "“Art."],
    ]
)


@settings(max_examples=400, derandomize=True, suppress_health_check=list(HealthCheck))
@given(words=st.lists(_sentence_words, max_size=30), seps=st.sampled_from([" ", "  ", "\n"]))
def test_sentences_are_split_as_before(words: list[str], seps: str) -> None:
    from planlens.compare.phrases import _sentences

    text = seps.join(words)
    assert _sentences(text) == _sentences_before(text)


# -- quick(): a test of the first character before the pattern ---------------------------------

#: The patterns as they were written, before `quick` (those compiled quick in the package).
_WRITTEN = {
    "sentence end": re.compile(
        r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-ZÄÖÜ0-9§(\[])|(?<=[;:])\s+|(?<=[.!?)])\s*\n\s*\n"
    ),
    "list marker": re.compile(r"\(\d{1,2}\)|(?:^|(?<=\s))(?<!d[ae][mnrs]\s)\d{1,2}\.(?=\s)"),
    "case inside": re.compile(r"(?<!\w)(?:(?i:two|ſix)|[a-zäöüß]*(?:zig|ßig))(?!\w)"),
    "optional head": re.compile(r"(?P<cur>US\$|\$|€|£)?\s?(?P<num>\d+)"),
}


def test_the_written_patterns_are_those_of_the_package() -> None:
    assert phrases._END.pattern.endswith(f"(?:{_WRITTEN['sentence end'].pattern})")
    assert statements._LIST_MARKER_RE.pattern.endswith(f"(?:{_WRITTEN['list marker'].pattern})")


@pytest.mark.parametrize("name", sorted(_PATTERNS) + sorted(_WRITTEN))
@settings(max_examples=150, derandomize=True, suppress_health_check=list(HealthCheck))
@given(text=texts)
def test_a_quick_pattern_finds_what_the_pattern_finds(name: str, text: str) -> None:
    pattern = _PATTERNS.get(name) or _WRITTEN[name]
    fast = quick(pattern)
    assert [(m.span(), m.groups()) for m in fast.finditer(text)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text)
    ]


@pytest.mark.parametrize("name", sorted(_PATTERNS) + sorted(_WRITTEN))
@settings(max_examples=60, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_quick_pattern_finds_the_strings_of_the_pattern(name: str, data: st.DataObject) -> None:
    """Strings made from the pattern itself, with text before and after them."""
    pattern = _PATTERNS.get(name) or _WRITTEN[name]
    made = data.draw(st.from_regex(pattern, fullmatch=False))
    assert [m.span() for m in quick(pattern).finditer(made)] == [
        m.span() for m in pattern.finditer(made)
    ]


def test_quick_tests_the_first_character_or_leaves_the_pattern() -> None:
    assert quick(re.compile(r"(?<![\w-])(?:shall|must)(?!\w)", re.I)).pattern.startswith("(?=[ms])")
    # Case ignored inside a pattern that minds it: the test ignores case too.
    assert quick(_WRITTEN["case inside"]).pattern.startswith("(?=(?i:[")
    assert quick(_WRITTEN["case inside"]).search("SIX") is not None
    assert quick(_WRITTEN["case inside"]).search("\u017fix") is not None  # long s
    # Left as it is: the same pattern (equal, not always the same object: `quick` is cached by
    # equality, and an equal pattern from the stored programs may have asked first).
    for anything in (r"\w+", r"a?", r"(?=x)", r".b", r"[^a]b", r"\W"):
        pattern = re.compile(anything)
        assert quick(pattern) == pattern and quick(pattern).pattern == anything
    assert quick(statements._DEADLINE_RE) == statements._DEADLINE_RE  # "\w*frist": any letter
    g = guarded(statements._NUMBER_RE, 0)
    g.possible("1")
    assert g.scan is quick(statements._NUMBER_RE) is not statements._NUMBER_RE


def _party_without_leads(parties: tuple[str, ...]) -> re.Pattern[str]:
    """The parties' pattern as `statements._party_pattern` wrote it before `lead`."""
    names, _ = statements._party_pattern(parties)
    patterns = [pattern for _, pattern in (*lx.PARTIES, *statements.ACTORS)]
    patterns += [re.escape(name) for name in names[len(patterns) :]]
    alternatives = "|".join(f"(?P<p{k}>{p})" for k, p in enumerate(patterns))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")


_PARTIES = ("Donetsk People's Republic", "İstanbul Group", "Board (interim)")


@settings(max_examples=300, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_the_parties_pattern_with_leads_finds_what_it_found_without(data: st.DataObject) -> None:
    # Each alternative behind the look-ahead for its first characters: the same matches and
    # the same group (the party), in any text and in text made from the pattern itself.
    for parties in ((), _PARTIES):
        before = _party_without_leads(parties)
        now = statements._party_pattern(parties)[1]
        text = data.draw(texts | st.from_regex(before, fullmatch=False))
        want = [(m.span(), m.lastgroup) for m in before.finditer(text)]
        assert [(m.span(), m.lastgroup) for m in now.pattern.finditer(text)] == want
        assert [(m.span(), m.lastgroup) for m in now.finditer(text)] == want


@pytest.mark.parametrize("name", sorted(_PATTERNS) + sorted(_WRITTEN))
@settings(max_examples=60, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_pattern_behind_its_lead_finds_what_it_finds(name: str, data: st.DataObject) -> None:
    pattern = _PATTERNS.get(name) or _WRITTEN[name]
    led = re.compile(f"{lead(pattern)}(?:{pattern.pattern})", pattern.flags)
    text = data.draw(texts | st.from_regex(pattern, fullmatch=False))
    assert [(m.span(), m.groups()) for m in led.finditer(text)] == [
        (m.span(), m.groups()) for m in pattern.finditer(text)
    ]


def test_a_lead_is_the_look_ahead_of_the_quick_form() -> None:
    assert lead(re.compile(r"(?<![\w-])(?:shall|must)(?!\w)", re.I)) == "(?=[ms])"
    assert lead(re.compile(r"\w+")) == lead(re.compile(r"a?")) == ""
    assert statements._party_pattern(())[1].pattern.pattern.startswith(
        r"(?<![\w-])(?:(?=[UW])(?P<p0>United States"
    )


def test_a_word_before_a_space_is_a_whole_word() -> None:
    """ "ab\\s+dem" needs the word "ab": "Absatz" and "bisher" are no reason to scan."""
    pattern = re.compile(r"(?<![\w-])(?:ab\s+dem|bis\s+(?:zum|zur))(?![\w])", re.I)
    assert needs(pattern) == {("word", "ab"), ("word", "bis")}
    assert not guarded(pattern, 0).possible("Absatz 3 gilt bisher")
    assert guarded(pattern, 0).possible("ab dem Tag")
    assert ("word", "ab") in (needs(statements._DEADLINE_RE) or ())


@settings(max_examples=1000, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(".!?;:)(\"'”’“‘ \n\tAÄ0§[ab,"), max_size=40))
@example(text="siehe (a)\n\nweiter")  # a blank line after a parenthesis
@example(text="Ende.) Neu; weiter: so.\n \nAbs")
def test_sentence_ends_are_found_where_they_may_begin_as_everywhere(text: str) -> None:
    from planlens.compare.phrases import _END, _ends

    assert [m.span() for m in _ends(text)] == [m.span() for m in _END.finditer(text)]


# The German actors' pattern as `actors` wrote it before: the adjective and head for each head.
_OLD_ADJECTIVE = r"(?:[A-ZÄÖÜ][a-zäöüß]*(?:isch|lich)e[nmrs]?\s+)?"
_OLD_AKTEUR = "|".join(
    rf"{_OLD_ADJECTIVE}(?:[A-ZÄÖÜ][a-zäöüß]*{head[0]}|{head[0].upper()}){head[1:]}"
    for _, head in actors._GERMAN
)
_ROLE_WORDS = st.sampled_from(
    [w for _, h in actors._GERMAN for w in re.findall(r"[a-zäöüß]+", h)]
    + ["Europäische", "Psychologischer", "Ärzt", "Zahlungs", "ische", "liche", "n", "innen", "A"]
)
_ROLE_TEXTS = st.lists(
    st.one_of(_ROLE_WORDS, _ROLE_WORDS.map(str.capitalize), st.sampled_from(" -.,\n\tXé1ß")),
    max_size=12,
).map("".join)


@settings(max_examples=200, derandomize=True)
@given(data=st.data())
def test_no_head_of_a_role_ends_as_an_adjective_does(data: st.DataObject) -> None:
    """What makes the adjective once, before all heads, match as before: a word is an
    adjective or a head, never both (see `actors._german`)."""
    for _, head in actors._GERMAN:
        spelled = data.draw(st.from_regex(rf"(?:{head})", fullmatch=True))
        assert not re.search(r"(?:isch|lich)e[nmrs]?$", spelled), head
        for a in ("isch", "lich"):
            for tail in ("e", "en", "em", "er", "es"):
                word = a + tail
                assert not any(re.fullmatch(head, word[i:]) for i in range(len(word))), head


@settings(max_examples=1500, derandomize=True, suppress_health_check=list(HealthCheck))
@given(data=st.data())
@example(data=None)
def test_the_german_actors_pattern_finds_what_it_found_per_head(data: st.DataObject | None) -> None:
    old = re.compile(rf"(?<![\w-])(?:(?P<a>{_OLD_AKTEUR})|(?P<b>officials?))(?![\w-])")
    new = re.compile(rf"(?<![\w-])(?:(?P<a>{actors.ACTORS[0][1]})|(?P<b>officials?))(?![\w-])")
    if data is None:
        text = "Europäischer Amtsträger, Psychologische Psychotherapeutinnen und die Ärztin; "
        text += "Zahlungsauslösedienstleisters, Rechtliche Richterx und Amtlicher Arztes-Sache"
    else:
        text = data.draw(_ROLE_TEXTS | texts | st.from_regex(old, fullmatch=False))
    want = [(m.span(), m.lastgroup) for m in old.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in new.finditer(text)] == want
    if data is None:
        assert len(want) == 4
