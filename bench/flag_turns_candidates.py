"""The turns set of the substance-flag benchmark: clause pairs where negation or modality can turn.

    .venv/bin/python bench/flag_turns_candidates.py   # writes missing files only

Writes `bench/flags/NAME.turns.yaml` (split `turns`, only `negation` and `modality` labelled),
with both texts frozen and `flags: {}` to be filled in by reading. A file that exists is never
touched. The kinds set (`--kinds` of `flag_accuracy_candidates.py`) drew whole clauses whose
negation or modal words differ, and found them nearly all rewrites: 2 true flags in 70 pairs.
This set looks where a provision stays and its force or polarity may turn, in the same
provision on both sides, by a fixed rule that does not depend on planlens's flag rules:

- the peace plans of `bench/gold/held-out-peace/` (e3-28 -> framework-20, the Istanbul
  communiqué -> draft treaty, the Minsk memorandum -> the package of measures), which no file
  of `bench/flags/` drew from: every changed link, splits and merges as one pair, as the
  other sets take the plans' links; the pair is kept when its two texts differ in the multiset
  of negation words or of modal words (`kind_words` of `flag_accuracy_candidates.py`);
- sentences kept in place: in every § of BGB and StGB 2012 -> 2022 with the same number whose
  texts differ, not repealed, and not in a file of a set still held out (`held-out-3`,
  `kinds`); in GPL-1.0 -> GPL-2, GPL-2 -> GPL-3 and LGPL-2 -> LGPL-2.1 (licence pairs no
  earlier set drew from; GPL-1.0 from `../shared/corpora/licenses`, the others from
  `/usr/share/common-licenses`) as whole texts: each text cut into sentences (`_SENTENCE`,
  at ".", ";" or ":" before a capital or "("), those of 5 words to `SENTENCE_MAX` characters;
  an old sentence and a new one are a pair when each is the other's best match by the word
  ratio of difflib (`SequenceMatcher` over their words) and it is at least `SENTENCE_SAME`,
  their texts differ, and they differ in the multiset of negation or modal words.

A pair whose two texts another file of `bench/flags/` has already is left out (one StGB §
that is a single sentence, 74a). The limits were fixed before the pairs they yield were looked
at (only their counts were). The rule first had the peace plans, BGB, StGB and the licences:
44 pairs, which held 5 modality turns and no negation turn when read; TKG was then added, by
the same sentence rule, for more (50 pairs, read the same way; the faster search written for
it leaves sentences both texts have out of the matching, which took one LGPL-2 pair). 92 pairs
in all: 7, 6 and 2 peace-plan links, 11 BGB, 9 StGB and 50 TKG sentence pairs, 3, 3 and 1 of
the licences. Only
`negation` and `modality` are labelled, by reading both texts, before the rules of branch
modal6 were written or run on them (the `labelled` field has the sha256 of the rule files
then).
"""

from __future__ import annotations

import difflib
import re
import sys
from collections import Counter

import yaml
from common import COMMON_LICENSES, LICENCES, load_law
from flag_accuracy_candidates import (
    FLAGS,
    KINDS_LABELLED,
    LAW_PAIRS,
    Candidate,
    _norm,
    drawn_before,
    gold_candidates,
    kind_words,
)
from gold_pairs import GOLD, load_pair

PEACE = GOLD / "held-out-peace"
#: Two sentences are one provision kept in place from this word ratio (difflib).
SENTENCE_SAME = 0.6
SENTENCE_MIN_WORDS = 5
SENTENCE_MAX = 600
#: Licence pairs as whole texts: (name, old file, new file).
LICENCE_TEXTS = (
    ("gpl-1.0--gpl-2", LICENCES / "GPL-1.0-only.txt", COMMON_LICENSES / "GPL-2"),
    ("gpl-2--gpl-3", COMMON_LICENSES / "GPL-2", COMMON_LICENSES / "GPL-3"),
    ("lgpl-2--lgpl-2.1", COMMON_LICENSES / "LGPL-2", COMMON_LICENSES / "LGPL-2.1"),
)
_SENTENCE = re.compile(r"(?<=[.;:])\s+(?=[(A-ZÄÖÜ])")
HELD = ("held-out-3", "kinds")


def sentences(text: str) -> list[str]:
    """Return the sentences of `text` within the limits.

    >>> sentences("Er muss zahlen. Sie kann noch lange warten; (2) Der Vertrag ist nichtig.")
    ['Sie kann noch lange warten;', '(2) Der Vertrag ist nichtig.']
    """
    return [
        s
        for s in _SENTENCE.split(_norm(text))
        if len(s.split()) >= SENTENCE_MIN_WORDS and len(s) <= SENTENCE_MAX
    ]


def _best(i: int, mine: list[list[str]], theirs: list[list[str]]) -> int | None:
    """Return the index of the best match of sentence `i` of `mine` among `theirs` by difflib's
    word ratio, if it reaches `SENTENCE_SAME` (the first of equals; two upper bounds of the
    ratio skip most sentences cheaply, the same result)."""
    best, score = None, SENTENCE_SAME
    words, n = Counter(mine[i]), len(mine[i])
    for j, other in enumerate(theirs):
        m = len(other)
        if 2 * min(n, m) / (n + m) < score:
            continue
        if 2 * sum((words & Counter(other)).values()) / (n + m) < score:
            continue
        r = difflib.SequenceMatcher(None, mine[i], other, autojunk=False).ratio()
        if r >= score and (best is None or r > score):
            best, score = j, r
    return best


def sentence_pairs(old: str, new: str, language: str) -> list[tuple[str, str]]:
    """Return the sentence pairs of two texts that the rule keeps (module docstring).

    >>> sentence_pairs("Er soll vor der Zahlung klagen.", "Er darf vor der Zahlung klagen.", "de")
    [('Er soll vor der Zahlung klagen.', 'Er darf vor der Zahlung klagen.')]
    """
    olds, news = sentences(old), sentences(new)
    olds, news = [s for s in olds if s not in news], [s for s in news if s not in olds]
    a, b = [s.split() for s in olds], [s.split() for s in news]
    out = []
    for i, s in enumerate(olds):
        j = _best(i, a, b)
        if j is None or _best(j, b, a) != i:
            continue
        if kind_words(s, language) != kind_words(news[j], language):
            out.append((s, news[j]))
    return out


def _held() -> tuple[set[tuple[str, str]], list[str]]:
    """Return (old plan, old id) of every pair in a file of a set still held out, and the
    texts of those pairs."""
    held, texts = set(), []
    for path in sorted(FLAGS.glob("*--*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if data.get("split") in HELD:
            held |= {(str(data["old"]), str(i)) for p in data["pairs"] for i in p["old_ids"]}
            texts += [_norm(p[side]) for p in data["pairs"] for side in ("old", "new")]
    return held, texts


def _whole(name: str) -> str:
    return "\n\n".join(c.text for c in load_law(name).walk() if c.text)


def write(name: str, old: str, new: str, language: str, parties: list[str], how: str,
          found: list[Candidate]) -> None:  # fmt: skip
    path = FLAGS / f"{name}.turns.yaml"
    if not found:
        return
    if path.exists():
        print(f"{path.name}: exists, left alone")
        return
    data = {
        "old": old,
        "new": new,
        "language": language,
        "parties": parties,
        "split": "turns",
        "labelled_kinds": list(KINDS_LABELLED),
        "selected": how,
        "labelled": "",
        "pairs": [
            {"old_ids": list(a), "new_ids": list(b), "old": x, "new": y, "flags": {}}
            for a, b, x, y in found
        ],
    }
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
    print(f"{path.name}: {len(found)} pairs")


def main() -> int:
    keys, texts = drawn_before()
    words = "differing in the multiset of negation or modal words (kind_words)"
    for path in sorted(PEACE.glob("*--*.yaml")):
        pair = load_pair(path)
        found = [
            c
            for c in gold_candidates(pair, limit=None)
            if (pair.old.id, pair.new.id, *c[0], "->", *c[1]) not in keys
            and (_norm(c[2]), _norm(c[3])) not in texts
            and kind_words(c[2], "en") != kind_words(c[3], "en")
        ]
        parties = sorted(dict.fromkeys([*pair.old.parties, *pair.new.parties]))
        how = f"every changed link of bench/gold/held-out-peace/{path.name}; {words}"
        write(path.stem, pair.old.id, pair.new.id, "en", parties, how, found)
    held, held_texts = _held()
    sentence_rule = (
        f"sentence pairs ({SENTENCE_MIN_WORDS} words to {SENTENCE_MAX} characters, each the"
        f" other's best match by difflib's word ratio, at least {SENTENCE_SAME}) {words}"
    )
    for old_name, new_name in LAW_PAIRS:
        old, new = load_law(old_name), load_law(new_name)
        by_id = {c.id: c for c in new.walk()}
        found = []
        for clause in old.walk():
            other = by_id.get(clause.id)
            if other is None or not clause.text or not other.text:
                continue
            a, b = _norm(clause.text), _norm(other.text)
            if a == b or "weggefallen" in a + b or (old_name, clause.id) in held:
                continue
            found += [
                ((clause.id,), (other.id,), s, t)
                for s, t in sentence_pairs(a, b, "de")
                if (s, t) not in texts
            ]
        how = (
            f"every § of {old_name} and {new_name} with the same number whose texts differ, not"
            f" repealed, in no file of {' or '.join(HELD)}: {sentence_rule}"
        )
        write(f"{old_name}--{new_name}", old_name, new_name, "de", [], how, found)
    # TKG 2004 -> 2021 renumbered its §: as whole texts, leaving out any sentence that a
    # pair of a set still held out holds.
    pairs = [
        (s, t)
        for s, t in sentence_pairs(_whole("tkg-2004"), _whole("tkg-2021"), "de")
        if not any(s in text or t in text for text in held_texts) and (s, t) not in texts
    ]
    found = [((f"s{k}",), (f"s{k}",), s, t) for k, (s, t) in enumerate(pairs, 1)]
    how = (
        "tkg-2004 -> tkg-2021 as whole texts (renumbered), no sentence that a pair of"
        f" {' or '.join(HELD)} holds: {sentence_rule}"
    )
    write("tkg-2004--tkg-2021", "tkg-2004", "tkg-2021", "de", [], how, found)
    for name, old_path, new_path in LICENCE_TEXTS:
        old_text = old_path.read_text(encoding="utf-8")
        new_text = new_path.read_text(encoding="utf-8")
        pairs = [p for p in sentence_pairs(old_text, new_text, "en") if p not in texts]
        found = [((f"s{k}",), (f"s{k}",), s, t) for k, (s, t) in enumerate(pairs, 1)]
        old_id, new_id = name.split("--")
        how = f"{old_path.name} -> {new_path.name} as whole texts: {sentence_rule}"
        write(name, old_id, new_id, "en", [], how, found)
    return 0


if __name__ == "__main__":
    sys.exit(main())
