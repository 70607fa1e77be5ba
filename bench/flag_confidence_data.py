"""The dataset of `bench/flag_confidence.py`: every flag raised at blind time, labelled.

For each released set of labelled flags that was measured blind (`BLIND`: its split and the
commit whose rules were measured on it before anyone tuned the rules on its errors), the flags
the rules of that commit raise on its pairs, run the way `bench/flag_accuracy.py --baseline REF`
runs an old tree's rules (a worktree of that commit, a process of its own); and the flags of
this tree's rules on the development set, a second, tuned sample. Each flag is labelled true or
false by the labels of `bench/flags/` as they stand now, and described by what a product could
work out at run time (`Row`). The sets still held out (`WITHHELD`) are never opened: the loader
skips their files by name before reading them.

The flags are cached in `bench/.cache/flag_confidence.json` (rules take minutes to run; the
cache is keyed by the commit), so that the evaluation can be rerun at once.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from flag_accuracy import FLAGS, Source, load_source
from results import ROOT

#: The released sets measured blind, and the commit whose rules were measured on each: the
#: last blind measurement where there were several (`*_HISTORY` in
#: `bench/flag_accuracy_report.py`), the rules nearest to today's that had not seen the set.
BLIND: dict[str, str] = {
    "held-out": "ccf1d9a",
    "held-out-2": "396d627",
    "held-out-3": "85d71b8",
    "held-out-4": "5242a70",
    "held-out-5": "8849e71",
    "held-out-6": "85d71b8",
    "constructed-2": "85d71b8",
}
#: The first blind measurement, where a set was measured blind more than once (`BLIND` has
#: the last): held-out-3 and constructed-2 (held-out-5 and -6 were measured blind twice with
#: the same flags but one).
FIRST_BLIND: dict[str, str] = {**BLIND, "held-out-3": "396d627", "constructed-2": "e7c1ffb"}
#: The tuned sample: the development set, with the rules of this tree.
TUNED = "development"
#: Sets still held out (or being labelled), and the kinds set, which stays held out: their
#: files are never opened here.
WITHHELD = ("held-out-7", "held-out-8", "held-out-9", "held-out-10", "held-out-11", "kinds")
CACHE = ROOT / "bench" / ".cache" / "flag_confidence.json"

#: What a flag of one pair is: [kind, old, new], as `flag_accuracy` gives them.
PairFlags = list[list[str]]


@dataclass(frozen=True)
class Row:
    """One flag raised, whether it is true, and what is known of it at run time."""

    set: str
    source: str
    pair: str
    kind: str
    true: bool
    language: str
    #: Characters of the longer of the pair's two texts.
    length: int
    #: Share of the words of both texts that difflib does not match (1 - ratio).
    changed: float
    #: How many kinds are flagged on the pair.
    kinds_on_pair: int
    #: The flag names a value on one side only (something added or removed).
    one_sided: bool
    #: Share of the words the flag names on the old side that the new text has too (on the new
    #: side where it names none on the old): the value moved or kept rather than changed.
    echoed: float
    #: difflib's ratio between the words the flag names on the old side and on the new (0 for
    #: a one-sided flag): near 1, the same phrase reworded.
    value_ratio: float
    #: Share of the word trigrams the flag names on one side that a single other clause of the
    #: other plan has (the paired clauses left out; the higher of the two sides): the value
    #: moved there from another clause rather than changed. 0 without plans or trigrams.
    elsewhere: float
    #: Words the flag names, both sides together (a word such as "nur", or a whole sentence).
    value_words: int
    #: The confidence of the link `compare` makes between the pair's clauses (None: no such
    #: one-to-one link, or no plans to compare, as in a constructed set).
    link_confidence: float | None


@dataclass(frozen=True)
class Dataset:
    """The rows of every set, and how many flags each set's labels call true."""

    rows: tuple[Row, ...]
    labelled: Mapping[str, int]


def split_of(path: Path) -> str:
    """Return the split a flag file's name gives (`OLD--NEW.SPLIT.yaml`; none: development).

    A plan id may hold dots (cc-by-3.0): the split is a last part that starts with a letter.

    >>> split_of(Path("bgb-2012--bgb-2022.held-out-5.yaml")), split_of(Path("a--b.yaml"))
    ('held-out-5', 'development')
    >>> split_of(Path("cc-by-3.0--cc-by-4.0.yaml")), split_of(Path("x-1.0--y-2.0.kinds.yaml"))
    ('development', 'kinds')
    """
    last = path.name.removesuffix(".yaml").rsplit(".", 1)[-1]
    return last if last[:1].isalpha() and "--" not in last else "development"


def load_sets(splits: Iterable[str], folder: Path = FLAGS) -> list[Source]:
    """Return the flag files of `splits`; a file of a withheld split is not even read."""
    wanted = set(splits) - set(WITHHELD)
    sources = []
    for path in sorted(folder.glob("*--*.yaml")):
        if split_of(path) in WITHHELD or split_of(path) not in wanted:
            continue
        source = load_source(path)
        if source.split != split_of(path):
            raise ValueError(f"{path.name}: its split is {source.split!r}, its name says not")
        sources.append(source)
    return sources


def features(
    source: Source,
    flags: Sequence[PairFlags],
    confidences: Mapping[str, float | None],
    elsewhere: Mapping[str, float] | None = None,
) -> list[Row]:
    """Return a row for every flag of `source`, labelled by the pair's true kinds;
    `elsewhere` maps `flag_key` to the flag's `Row.elsewhere`."""
    from planlens.compare.similarity import ratio, word_list

    rows = []
    for pair, found in zip(source.pairs, flags, strict=True):
        old_words, new_words = word_list(pair.old), word_list(pair.new)
        changed = 1.0 - ratio(old_words, new_words)
        for kind, old, new in found:
            rows.append(
                Row(
                    set=source.split,
                    source=source.name,
                    pair=pair.ids,
                    kind=kind,
                    true=kind in pair.truth,
                    language=source.language,
                    length=max(len(pair.old), len(pair.new)),
                    changed=round(changed, 4),
                    kinds_on_pair=len({k for k, _, _ in found}),
                    one_sided=not old or not new,
                    echoed=round(_echoed(old, new_words) if old else _echoed(new, old_words), 4),
                    value_ratio=round(ratio(word_list(old), word_list(new)), 4)
                    if old and new
                    else 0.0,
                    elsewhere=(elsewhere or {}).get(flag_key(pair.ids, kind), 0.0),
                    value_words=len(word_list(old)) + len(word_list(new)),
                    link_confidence=confidences.get(pair.ids),
                )
            )
    return rows


def _echoed(value: str, other: Sequence[str]) -> float:
    """Return the share of the words of `value` that occur among the words `other`."""
    from planlens.compare.similarity import word_list

    words = word_list(value)
    if not words:
        return 0.0
    seen = set(other)
    return sum(w in seen for w in words) / len(words)


def link_confidences(name: str) -> dict[str, float | None]:
    """Return pair ids ("a -> b") -> the confidence of the link `compare` makes between those
    clauses of the source's two plans, for every link of changed text; {} without plans."""
    from common import plans_of
    from flag_accuracy import plan_ids

    from planlens.compare import compare

    plans = plans_of(plan_ids(name))
    if plans is None:
        return {}
    return {
        f"{'+'.join(c.old)} -> {'+'.join(c.new)}": c.confidence
        for c in compare(*plans).walk()
        if c.old and c.new and c.confidence is not None
    }


def flag_key(pair: str, kind: str) -> str:
    """Return the key of a flag (a pair has at most one of each kind)."""
    return f"{pair}|{kind}"


class Trigrams:
    """An index of the word trigrams of every clause of a plan, by clause id."""

    def __init__(self, clauses: Iterable[tuple[str, str]]) -> None:
        self.where: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for clause_id, text in clauses:
            for gram in trigrams(text):
                self.where[gram].add(clause_id)

    def share(self, value: str, leave_out: Iterable[str]) -> float:
        """Return the largest share of the trigrams of `value` that one clause has, the
        clauses `leave_out` aside (0 for a value of fewer than three words)."""
        grams = trigrams(value)
        if not grams:
            return 0.0
        skip = set(leave_out)
        counts: Counter[str] = Counter()
        for gram in grams:
            counts.update(self.where.get(gram, set()) - skip)
        return max(counts.values(), default=0) / len(grams)


def trigrams(text: str) -> set[tuple[str, ...]]:
    """Return the word trigrams of `text` (lower-cased words).

    >>> sorted(trigrams("A b c d"))
    [('a', 'b', 'c'), ('b', 'c', 'd')]
    """
    from planlens.compare.similarity import word_list

    words = [w.lower() for w in word_list(text)]
    return {tuple(words[k : k + 3]) for k in range(len(words) - 2)}


_TRIGRAMS: dict[str, Trigrams] = {}


def elsewhere_shares(source: Source, flags: Sequence[PairFlags]) -> dict[str, float]:
    """Return `flag_key` -> how much of what the flag names another clause of the other plan
    has (`Row.elsewhere`); {} without plans."""
    from common import plans_of
    from flag_accuracy import plan_ids

    key = plan_ids(source.name)
    if not all(k in _TRIGRAMS for k in key):
        plans = plans_of(key)
        if plans is None:
            return {}
        for plan_id, plan in zip(key, plans, strict=True):
            _TRIGRAMS[plan_id] = Trigrams((c.id, c.text or "") for c in plan.walk())
    old_plan, new_plan = (_TRIGRAMS[k] for k in key)
    out = {}
    for pair, found in zip(source.pairs, flags, strict=True):
        old_ids, new_ids = (side.split("+") for side in pair.ids.split(" -> "))
        for kind, old, new in found:
            out[flag_key(pair.ids, kind)] = round(
                max(new_plan.share(old, new_ids), old_plan.share(new, old_ids)), 4
            )
    return out


def _flags_of(split: str, sources: Sequence[Source], commit: str | None) -> dict[str, Any]:
    """Return the flags of the rules that stand for `split`: those of `commit`, or this
    tree's (None) for the tuned sample."""
    from flag_accuracy import baseline_flags, current_flags

    if commit is not None:
        return baseline_flags(commit, sources)
    return current_flags(sources)


def build(
    cache: Path = CACHE,
    splits: Sequence[str] = (*BLIND, TUNED),
    commits: Mapping[str, str] = BLIND,
) -> Dataset:
    """Return the dataset of `splits`, each flagged by the rules of its commit in `commits`
    (this tree's where it has none), running the rules only where `cache` lacks their flags
    (keyed by split and commit) and the link confidences only where it lacks those."""
    stored: dict[str, Any] = json.loads(cache.read_text("utf-8")) if cache.is_file() else {}
    rows: list[Row] = []
    labelled: dict[str, int] = {}
    for split in splits:
        sources = load_sets([split])
        key = f"{split}@{commits.get(split, 'this tree')}"
        if key not in stored:
            stored[key] = _flags_of(split, sources, commits.get(split))
        for s in sources:
            if f"links:{s.name}" not in stored:
                stored[f"links:{s.name}"] = link_confidences(s.name)
            if f"elsewhere:{key}:{s.name}" not in stored:
                stored[f"elsewhere:{key}:{s.name}"] = elsewhere_shares(s, stored[key][s.name])
            rows += features(
                s,
                stored[key][s.name],
                stored[f"links:{s.name}"],
                stored[f"elsewhere:{key}:{s.name}"],
            )
        labelled[split] = sum(len(p.truth & set(s.kinds)) for s in sources for p in s.pairs)
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(stored), "utf-8")
    return Dataset(tuple(rows), labelled)


def as_records(rows: Iterable[Row]) -> list[dict[str, Any]]:
    """Return the rows as plain dictionaries (for a JSON dump of the dataset)."""
    return [asdict(r) for r in rows]


def log_length(row: Row) -> float:
    """Return the log10 of the characters of the pair's longer text (1 for an empty one)."""
    return math.log10(max(row.length, 10))
