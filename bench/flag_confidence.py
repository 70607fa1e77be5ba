"""Research: can a confidence per flag make the flags a reader trusts precise on unseen text?

    .venv/bin/python bench/flag_confidence.py [--target 0.95] [--with-tuned] [--per-set RULE]
        [--dump FILE]

The dataset (`bench/flag_confidence_data.py`) is every flag the rules raised on a released set
at the time it was measured blind (the rules of the commit that was measured on it), labelled
true or false by today's labels, plus this tree's flags on the development set (a tuned
sample). Each rule here turns what a product knows of a flag at run time into a score, and
calls a flag "sure" when its score reaches a threshold, "check this" otherwise. The threshold
is the lowest at which the sure flags of the training sets are still at least `--target`
precise (ties kept together), so a rule is fitted on the training sets alone.

Leave one set out: for each blind set, fit every rule on the other blind sets (with the
development set too under `--with-tuned`) and apply it to the left-out one. Per rule, pooled
over the left-out sets (and per left-out set for `--per-set`): the precision of sure flags, the
share of the true flags raised that stay sure, that share against every labelled flag (the
recall of sure flags), the precision of the check-this flags, and the recall of all flags.

The rules (`RULES`): `all` (today: every flag sure), `kind` (the training precision of the
flag's kind), `length` (the longer text, shorter or longer as the training sets prefer),
`words` (how many words the flag names), `kind+words` (the training precision of the flag's
kind within its band of named words), `logistic` (a logistic regression on every feature).
"""

from __future__ import annotations

import argparse
import json
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flag_accuracy_report import KINDS
from flag_confidence_data import (
    BLIND,
    FIRST_BLIND,
    TUNED,
    Dataset,
    Row,
    as_records,
    build,
    log_length,
)

#: A fitted rule: a flag -> its score (higher: surer).
Scorer = Callable[[Row], float]
#: Bands of the words a flag names, lower bounds: a word, two to four, five to nine, ten to 24,
#: 25 and more.
WORD_BANDS = (0, 2, 5, 10, 25)


def _precision(rows: Iterable[Row], prior: float = 1.0) -> float:
    """Return the share of true rows, smoothed towards 1/2 by `prior` true and false ones."""
    rows = list(rows)
    return (sum(r.true for r in rows) + prior) / (len(rows) + 2 * prior)


def _by(key: Callable[[Row], object], train: Sequence[Row]) -> Scorer:
    """Return a scorer that gives each flag the smoothed training precision of its group."""
    groups: dict[object, list[Row]] = defaultdict(list)
    for row in train:
        groups[key(row)].append(row)
    table = {k: _precision(v) for k, v in groups.items()}
    pooled = _precision(train)
    return lambda row: table.get(key(row), pooled)


def band(words: int) -> int:
    """Return the band (`WORD_BANDS`) of a count of words named.

    >>> [band(n) for n in (0, 1, 2, 9, 10, 30)]
    [0, 0, 1, 2, 3, 4]
    """
    return max(k for k, low in enumerate(WORD_BANDS) if words >= low)


def fit_all(train: Sequence[Row], target: float) -> Scorer:
    """Today's product: every flag is sure (a score no threshold is fitted to: `TODAY`)."""
    return lambda row: 1.0


def fit_kind(train: Sequence[Row], target: float) -> Scorer:
    """The training precision of the flag's kind."""
    return _by(lambda row: row.kind, train)


def fit_length(train: Sequence[Row], target: float) -> Scorer:
    """The length of the longer text, in the direction that keeps more true flags sure."""
    up: Scorer = log_length
    down: Scorer = lambda row: -log_length(row)  # noqa: E731
    return max((up, down), key=lambda s: _kept(train, s, target))


def fit_words(train: Sequence[Row], target: float) -> Scorer:
    """How many words the flag names."""
    return lambda row: float(row.value_words)


def fit_kind_words(train: Sequence[Row], target: float) -> Scorer:
    """The training precision of the flag's kind within its band of named words."""
    return _by(lambda row: (row.kind, band(row.value_words)), train)


def vector(row: Row) -> list[float]:
    """Return the features of a flag for the logistic regression (`FEATURES` names them)."""
    confidence = row.link_confidence
    return [
        *(float(row.kind == k) for k in KINDS),
        math.log10(row.value_words + 1),
        log_length(row),
        row.changed,
        row.echoed,
        float(row.echoed >= 0.99),
        float(row.one_sided),
        row.value_ratio,
        row.elsewhere,
        float(row.kinds_on_pair),
        float(row.language == "de"),
        1.0 if confidence is None else confidence,
        float(confidence is None),
    ]


FEATURES = (
    *(f"kind={k}" for k in KINDS),
    "log10(words named + 1)",
    "log10(length)",
    "share changed",
    "share of named words on the other side",
    "all named words on the other side",
    "one-sided",
    "ratio of the two named values",
    "share named in another clause",
    "kinds on the pair",
    "German",
    "link confidence",
    "no link",
)


@dataclass(frozen=True)
class Logistic:
    """A logistic regression on standardised features, L2-penalised, fitted by gradient."""

    means: tuple[float, ...]
    scales: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float

    def __call__(self, row: Row) -> float:
        z = self.bias + sum(
            w * (x - m) / s
            for w, x, m, s in zip(self.weights, vector(row), self.means, self.scales, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def fit_logistic(
    train: Sequence[Row], target: float = 0.0, penalty: float = 1.0, steps: int = 400
) -> Logistic:
    """Fit `Logistic` on `train` (full-batch gradient descent on the mean log loss plus
    `penalty` / n times the squared weights); `target` plays no part."""
    xs = [vector(r) for r in train]
    ys = [float(r.true) for r in train]
    n, d = len(xs), len(xs[0])
    means = [sum(x[j] for x in xs) / n for j in range(d)]
    scales = [math.sqrt(sum((x[j] - means[j]) ** 2 for x in xs) / n) or 1.0 for j in range(d)]
    zs = [[(x[j] - means[j]) / scales[j] for j in range(d)] for x in xs]
    weights, bias, rate = [0.0] * d, 0.0, 0.5
    for _ in range(steps):
        grad, grad_bias = [penalty / n * w for w in weights], 0.0
        for z, y in zip(zs, ys, strict=True):
            t = bias + sum(w * v for w, v in zip(weights, z, strict=True))
            error = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, t)))) - y
            grad_bias += error / n
            for j in range(d):
                grad[j] += error * z[j] / n
        weights = [w - rate * g for w, g in zip(weights, grad, strict=True)]
        bias -= rate * grad_bias
    return Logistic(tuple(means), tuple(scales), tuple(weights), bias)


RULES: dict[str, Callable[[Sequence[Row], float], Scorer]] = {
    "all": fit_all,
    "kind": fit_kind,
    "length": fit_length,
    "words": fit_words,
    "kind+words": fit_kind_words,
    "logistic": fit_logistic,
}
#: The targets the frontier (`frontier`) fits the threshold to.
FRONTIER = (0.8, 0.85, 0.9, 0.95, 0.97)
#: The rule that is today's product: every flag sure, no threshold fitted.
TODAY = "all"


def threshold(train: Sequence[Row], scorer: Scorer, target: float) -> float:
    """Return the lowest score at which the training flags scored at least that high are at
    least `target` precise; above every score (nothing sure) when there is none."""
    return lowest_level([(scorer(r), r.true) for r in train], target)


def lowest_level(scored: Iterable[tuple[float, bool]], target: float) -> float:
    """Return the lowest score at which the (score, true) items scored at least that high are
    at least `target` precise (math.inf when none is).

    >>> lowest_level([(0.9, True), (0.8, True), (0.7, False), (0.6, True)], 0.75)
    0.6
    >>> lowest_level([(0.9, True), (0.8, False), (0.7, False), (0.6, True)], 0.75)
    0.9
    >>> lowest_level([(0.9, False)], 0.5)
    inf
    """
    scored = sorted(scored, reverse=True)
    best, hits, k = math.inf, 0, 0
    while k < len(scored):
        level = scored[k][0]
        while k < len(scored) and scored[k][0] == level:
            hits += scored[k][1]
            k += 1
        if hits / k >= target:
            best = level
    return best


def _kept(train: Sequence[Row], scorer: Scorer, target: float) -> int:
    """Return how many true training flags a scorer keeps sure at `target`."""
    level = threshold(train, scorer, target)
    return sum(r.true and scorer(r) >= level for r in train)


@dataclass
class Outcome:
    """Counts of the flags of one or more left-out sets under one rule."""

    sure_true: int = 0
    sure_false: int = 0
    check_true: int = 0
    check_false: int = 0
    labelled: int = 0

    def add(self, other: Outcome) -> None:
        self.sure_true += other.sure_true
        self.sure_false += other.sure_false
        self.check_true += other.check_true
        self.check_false += other.check_false
        self.labelled += other.labelled

    def figures(self) -> list[str]:
        """Return: flags true/false; sure n, precision, true kept sure, recall; check n,
        precision; recall of all flags."""
        true = self.sure_true + self.check_true
        sure = self.sure_true + self.sure_false
        check = self.check_true + self.check_false
        return [
            f"{true} / {self.sure_false + self.check_false}",
            str(sure),
            _ratio(self.sure_true, sure),
            _ratio(self.sure_true, true),
            _ratio(self.sure_true, self.labelled),
            str(check),
            _ratio(self.check_true, check),
            _ratio(true, self.labelled),
        ]


HEADER = (
    "| flags true / false | sure | sure P | true kept sure | sure R | check this"
    " | check-this P | all flags R |"
)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "-"


def apply(rows: Iterable[Row], scorer: Scorer, level: float, labelled: int) -> Outcome:
    """Return how a fitted rule sorts `rows` (one set's flags; `labelled` true kinds)."""
    out = Outcome(labelled=labelled)
    for row in rows:
        sure = scorer(row) >= level
        out.sure_true += sure and row.true
        out.sure_false += sure and not row.true
        out.check_true += not sure and row.true
        out.check_false += not sure and not row.true
    return out


def folds(sets: Iterable[str], with_tuned: bool) -> list[tuple[str, list[str]]]:
    """Return (left-out set, training sets) for each blind set: every other blind set, and
    the tuned sample too when `with_tuned`.

    >>> folds(["a", "b", "c"], False)
    [('a', ['b', 'c']), ('b', ['a', 'c']), ('c', ['a', 'b'])]
    >>> folds(["a", "b"], True)
    [('a', ['b', 'development']), ('b', ['a', 'development'])]
    """
    blind = list(sets)
    return [(s, [t for t in blind if t != s] + ([TUNED] if with_tuned else [])) for s in blind]


@dataclass
class Run:
    """What leave-one-set-out gives: target -> rule -> left-out set -> outcome, and each
    rule's out-of-fold scores (score, true) of the left-out flags."""

    outcomes: dict[float, dict[str, dict[str, Outcome]]]
    scores: dict[str, list[tuple[float, bool]]]


def leave_one_set_out(
    data: Dataset,
    targets: Sequence[float],
    with_tuned: bool,
    blind: Sequence[str] = tuple(BLIND),
) -> Run:
    """Fit every rule on each fold's training sets and sort the left-out set's flags, with
    the threshold fitted to each of `targets`."""
    by_set: Mapping[str, list[Row]] = _group(data.rows)
    run = Run({t: {name: {} for name in RULES} for t in targets}, defaultdict(list))
    for held, training in folds(blind, with_tuned):
        train = [r for s in training for r in by_set.get(s, [])]
        left = by_set.get(held, [])
        for name, fit in RULES.items():
            for k, target in enumerate(targets):
                if k == 0 or name == "length":  # the only rule whose score needs a target
                    scorer = fit(train, target)
                level = -math.inf if name == TODAY else threshold(train, scorer, target)
                found = apply(left, scorer, level, data.labelled[held])
                run.outcomes[target][name][held] = found
            run.scores[name] += [(scorer(r), r.true) for r in left]
    return run


def auc(scored: Sequence[tuple[float, bool]]) -> float | None:
    """Return the chance that a true item scores above a false one (ties count a half).

    >>> auc([(0.9, True), (0.5, False), (0.5, True)])
    0.75
    """
    true = [s for s, t in scored if t]
    false = [s for s, t in scored if not t]
    if not true or not false:
        return None
    wins = sum((a > b) + 0.5 * (a == b) for a in true for b in false)
    return wins / (len(true) * len(false))


def hindsight(scores: Mapping[str, Sequence[tuple[float, bool]]], target: float) -> list[str]:
    """Return, per rule, the separation of its out-of-fold scores (AUC) and the share of the
    true flags it could keep sure at `target` precision had the threshold been chosen on the
    left-out flags themselves (an upper bound no fitted rule reaches)."""
    lines = [
        f"Out-of-fold scores (each left-out set scored by the rule fitted without it): AUC, and"
        f" the best share of true flags kept sure at precision >= {target} with the threshold"
        " chosen in hindsight on the pooled left-out flags:",
        "",
        "| rule | AUC | true kept sure (hindsight) |",
        "|---|---|---|",
    ]
    for name, scored in scores.items():
        if name == TODAY:
            continue
        level = lowest_level(scored, target)
        kept = sum(t and s >= level for s, t in scored)
        separation = auc(scored)
        shown = "-" if separation is None else f"{separation:.2f}"
        lines.append(f"| {name} | {shown} | {_ratio(kept, sum(t for _, t in scored))} |")
    return lines


def frontier(run: Run, rules: Sequence[str]) -> list[str]:
    """Return the pooled sure precision and true flags kept sure at each fitted target."""
    lines = [
        "What a lower target costs, pooled over the left-out sets (sure P / true kept sure /"
        " check-this P):",
        "",
        "| target on the training sets | " + " | ".join(rules) + " |",
        "|---" * (len(rules) + 1) + "|",
    ]
    for target, results in run.outcomes.items():
        cells = []
        for name in rules:
            pooled = _pooled(results[name].values())
            figures = pooled.figures()
            cells.append(f"{figures[2]} / {figures[3]} / {figures[6]}")
        lines.append(f"| {target} | " + " | ".join(cells) + " |")
    return lines


def _pooled(outcomes: Iterable[Outcome]) -> Outcome:
    pooled = Outcome()
    for outcome in outcomes:
        pooled.add(outcome)
    return pooled


def _group(rows: Iterable[Row]) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        groups[row.set].append(row)
    return groups


def report(
    results: Mapping[str, Mapping[str, Outcome]], per_set: Sequence[str], target: float
) -> list[str]:
    """Return markdown tables: every rule pooled over the left-out sets, then per set."""
    lines = [
        f"Pooled over the left-out sets (threshold fitted to {target} on the training sets):",
        "",
        "| rule " + HEADER,
        "|---" * 9 + "|",
    ]
    for name, outcomes in results.items():
        lines.append(f"| {name} | " + " | ".join(_pooled(outcomes.values()).figures()) + " |")
    for name in per_set:
        lines += ["", f"Rule `{name}`, per left-out set:", "", "| left out " + HEADER]
        lines.append("|---" * 9 + "|")
        for held, outcome in results[name].items():
            lines.append(f"| {held} | " + " | ".join(outcome.figures()) + " |")
    return lines


def explain(data: Dataset, target: float) -> list[str]:
    """Return the logistic regression and the kind+words table fitted on every blind set."""
    train = [r for r in data.rows if r.set in BLIND]
    model = fit_logistic(train)
    level = threshold(train, model, target)
    lines = ["", f"Logistic regression on every blind set (sure at score >= {level:.3f}):", ""]
    lines += ["| feature (standardised) | weight |", "|---|---|"]
    lines += [
        f"| {name} | {weight:+.2f} |"
        for name, weight in sorted(
            zip(FEATURES, model.weights, strict=True), key=lambda fw: -abs(fw[1])
        )
    ]
    lines += ["", "Blind flags by kind and band of words named (true / all):", ""]
    bands = [f"{low}+" for low in WORD_BANDS]
    lines += ["| kind | " + " | ".join(bands) + " |", "|---" * (len(bands) + 1) + "|"]
    for kind in KINDS:
        cells = []
        for k in range(len(WORD_BANDS)):
            rows = [r for r in train if r.kind == kind and band(r.value_words) == k]
            cells.append(f"{sum(r.true for r in rows)} / {len(rows)}" if rows else "")
        lines.append(f"| {kind} | " + " | ".join(cells) + " |")
    return lines


def sizes(data: Dataset, commits: Mapping[str, str]) -> list[str]:
    """Return the dataset's true and false flags and labelled kinds per set."""
    lines = ["| set | rules of | true flags | false flags | labelled |", "|---|---|---|---|---|"]
    for name, rows in _group(data.rows).items():
        true = sum(r.true for r in rows)
        commit = commits.get(name, "this tree")
        lines.append(f"| {name} | {commit} | {true} | {len(rows) - true} | {data.labelled[name]} |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--with-tuned", action="store_true", help="train on development too")
    parser.add_argument("--per-set", nargs="*", default=["words", "kind+words", "logistic"])
    parser.add_argument(
        "--first-blind",
        action="store_true",
        help="the rules of each set's first blind measurement (FIRST_BLIND), not its last",
    )
    parser.add_argument("--dump", type=Path, help="write the dataset's rows as JSON")
    args = parser.parse_args(argv)
    commits = FIRST_BLIND if args.first_blind else BLIND
    data = build(commits=commits)
    if args.dump:
        args.dump.write_text(json.dumps(as_records(data.rows), indent=1), "utf-8")
    targets = sorted({args.target, *FRONTIER})
    run = leave_one_set_out(data, targets, args.with_tuned)
    lines = [
        *sizes(data, commits),
        "",
        *report(run.outcomes[args.target], args.per_set, args.target),
    ]
    lines += ["", *hindsight(run.scores, args.target)]
    lines += ["", *frontier(run, ["words", "kind+words", "logistic"])]
    lines += explain(data, args.target)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
