"""Experiment: character n-grams as one more feature of the learned link decision.

    .venv/bin/python bench/chargram_feature.py [--sizes 3,4,5]

Word stems miss what compounds and inflections share ("Reisevertrag" and "Vertrag über Reisen"
share no stem). This adds, to the learned pass's 15 features, the tf-idf cosine of the two
clauses' character n-grams (lower-cased, spaces collapsed, n-grams across word boundaries;
idf over the clauses of both documents) and judges the decision as `train_links.py
--train-also bench/gold/redrafts --lopo-all` does: each of the 18 development pairs left out in
turn, the model refitted on the other 17 and its threshold chosen on their out-of-fold scores
at pooled precision >= 0.97. Beside it, in the same run, the 15 features alone. planlens is not
changed; the table in bench/RESULTS.md ("Character n-grams for the learned pass: tried") was
written from this script's output.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import re
import sys
from collections import Counter
from collections.abc import Sequence

import train_links
from gold_pairs import GOLD, gold_files, load_pair
from real_pairs import REDRAFTS, Counts, fmt

#: The real pairs come first in the data: the first `REAL` of it.
REAL = len(gold_files(GOLD))


def grams(text: str, size: int) -> Counter[str]:
    """Return the character n-grams of `text`, lower-cased with its spaces collapsed.

    >>> sorted(grams("Ab  c", 3))
    [' ab', ' c ', 'ab ', 'b c']
    """
    padded = " " + re.sub(r"\s+", " ", text.lower()) + " "
    return Counter(padded[k : k + size] for k in range(len(padded) - size + 1))


def with_cosine(d: train_links.PairData, size: int, idf_on: bool = True) -> train_links.PairData:
    """Return `d` with each candidate's features extended by its n-gram tf-idf cosine (plain
    counts without `idf_on`)."""
    old = [grams(u.clause.text or "", size) for u in d.old]
    new = [grams(u.clause.text or "", size) for u in d.new]
    df: Counter[str] = Counter()
    for g in old + new:
        df.update(g.keys())
    total = len(old) + len(new)
    idf = {gram: math.log((total + 1) / (n + 1)) + 1.0 if idf_on else 1.0 for gram, n in df.items()}

    def vector(g: Counter[str]) -> tuple[dict[str, float], float]:
        v = {gram: count * idf[gram] for gram, count in g.items()}
        return v, math.sqrt(sum(x * x for x in v.values())) or 1.0

    vo, vn = [vector(g) for g in old], [vector(g) for g in new]
    rows = []
    for c in d.rows:
        (a, na), (b, nb) = vo[c.old], vn[c.new]
        if len(a) > len(b):
            a, b = b, a
        cosine = sum(x * b.get(gram, 0.0) for gram, x in a.items()) / (na * nb)
        rows.append(dataclasses.replace(c, features=(*c.features, cosine)))
    return dataclasses.replace(d, rows=rows)


def judged(data: Sequence[train_links.PairData]) -> tuple[Counts, Counts]:
    """Return the leave-one-pair-out counts, over all pairs and over the real ones."""
    every, real = Counts(), Counts()
    for k, d in enumerate(data):
        rest = [e for m, e in enumerate(data) if m != k]
        predict = train_links.fit_on(rest, "lr")
        threshold = train_links.choose_threshold(rest, train_links.out_of_fold(rest, "lr"))
        held = train_links.apply(d, [predict(c.features) for c in d.rows], threshold)
        every += held
        if k < REAL:
            real += held
    return every, real


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="3,4,5", help="n-gram sizes, comma-separated")
    parser.add_argument("--no-idf", action="store_true", help="plain counts, no idf weights")
    args = parser.parse_args(argv)
    pairs = [load_pair(p) for p in gold_files(GOLD)] + [load_pair(p) for p in gold_files(REDRAFTS)]
    base = [train_links.prepare(pair) for pair in pairs]
    print("| features | 18 pairs, LOPO P / R / F1 | 12 real pairs, LOPO P / R / F1 |")
    print("| --- | --- | --- |")
    every, real = judged(base)
    print(f"| the 15 of planlens | {fmt(every)} | {fmt(real)} |", flush=True)
    for size in (int(s) for s in args.sizes.split(",")):
        every, real = judged([with_cosine(d, size, not args.no_idf) for d in base])
        kind = "count" if args.no_idf else "tf-idf"
        print(f"| + character {size}-gram {kind} cosine | {fmt(every)} | {fmt(real)} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
