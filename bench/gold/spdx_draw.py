"""Draw the SPDX licence pairs for the labelled sets, by a rule fixed before any pair was read.

    bash bench/gold/fetch_spdx.sh
    .venv/bin/python bench/gold/spdx_draw.py [--second | --third | --fourth]

The rule (2026-11-27): consecutive versions within one family of the SPDX licence list
(`spdx-license-list` 6.12.0 on npm; an id's family is the id without its version); not the
`-only` / `-or-later` aliases, and no family that a labelled set of `bench/` already used
(Apache, Artistic, Creative Commons, EPL, EUPL, GFDL, GPL, LGPL, AGPL, MPL); both texts at least
4,000 characters and at least 8 clauses as `planlens.importers.import_text` splits them; of
each family only the newest such pair. The pairs are printed in the order of the SHA-256 of
`OLD--NEW`, which `freeze.SPDX_PAIRS` keeps: the first eight are the alignment set
(`bench/gold/held-out-licences/`), the rest the flags' (`held-out-8`).

The second draw (`--second`, the same day, before any pair of it was read), for more alignment
pairs: every consecutive pair of a family not in the first draw and in no labelled alignment
set, no Creative Commons licence and no AGPL (its texts are the GPL's with one section added:
twins of the GPL pairs), the same bounds; of each family one pair, the lowest SHA-256 of
`OLD--NEW`; in that order, the first eight (`freeze.SPDX_PAIRS_2`, also in
`held-out-licences/`).

The third draw (`--third`, 2026-11-27, branch heldout10, committed before it was run and before
any pair of it was read), for the flags' tenth blind set (`held-out-10`): EVERY consecutive pair
of a family (not one per family) that meets the second draw's bounds (both texts at least 4,000
characters and 8 clauses; not the `-only` / `-or-later` aliases) and that no alignment or flag
set has used: not in `SPDX_PAIRS`, `SPDX_PAIRS_2` or `LINKED`, and not one of the version pairs
the flags' turns set read from the GNU texts (`FLAGGED`: GPL 1.0 -> 2.0, GPL 2.0 -> 3.0, LGPL
2.0 -> 2.1). No AGPL (twins of the GPL pairs, as in the second draw) and no Creative Commons
licence: its variants (BY, BY-SA, BY-ND, BY-NC, ... in versions 1.0 to 4.0) share one text
with CC-BY 3.0 -> 4.0, which the development set and three earlier held-out flag sets used and
the rules were tuned on, so their links would repeat edits already labelled, many times over.
Ordered by the SHA-256 of `OLD--NEW`, as the other draws (`freeze.SPDX_PAIRS_3`).

The fourth draw (`--fourth`, 2026-11-28, branch heldout11, committed before it was run and
before any pair of it was read), for the flags' eleventh blind set (`held-out-11`), once the
third had taken every pair within the bounds: EVERY consecutive pair of a family as the third
draw defines families (not the `-only` / `-or-later` aliases; no Creative Commons licence and
no AGPL, for the third draw's reasons) that no earlier draw or set has used (not in
`SPDX_PAIRS`, `SPDX_PAIRS_2`, `SPDX_PAIRS_3`, `LINKED` or `FLAGGED`), whose two texts differ
once whitespace is folded, and that FAILS the third draw's bounds (a text under 4,000
characters or under 8 clauses) while both texts have at least 1,000 characters (`SHORT_CHARS`:
shorter ones are a paragraph). These are the short licences, most of them
permissive, a few paragraphs each. Ordered by the SHA-256 of `OLD--NEW` (`freeze.SPDX_PAIRS_4`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re

from freeze import SPDX, SPDX_PAIRS, SPDX_PAIRS_2, SPDX_PAIRS_3

from planlens.importers import import_text

USED = re.compile(r"^(Apache|Artistic|CC-|EPL|EUPL|GFDL|GPL|LGPL|AGPL|MPL)")
#: The second draw leaves out these families, and the pairs any alignment set labelled.
USED_2 = re.compile(r"^(CC-|AGPL)")
LINKED = {
    ("Apache-1.1", "Apache-2.0"),
    ("Artistic-1.0", "Artistic-2.0"),
    ("CC-BY-3.0", "CC-BY-4.0"),
    ("EPL-1.0", "EPL-2.0"),
    ("EUPL-1.1", "EUPL-1.2"),
    ("GFDL-1.2", "GFDL-1.3"),
    ("LGPL-2.1", "LGPL-3.0"),
    ("MPL-1.1", "MPL-2.0"),
}
#: The version pairs the flags' turns set read (bench/flag_turns_candidates.py), as SPDX ids.
FLAGGED = {("GPL-1.0", "GPL-2.0"), ("GPL-2.0", "GPL-3.0"), ("LGPL-2.0", "LGPL-2.1")}
SECOND_COUNT = 8
MIN_CHARS = 4000
MIN_CLAUSES = 8
#: The fourth draw's lower bound: both texts at least this many characters.
SHORT_CHARS = 1000


def version_key(version: str) -> list[int | str]:
    return [int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", version)]


def sha(pair: tuple[str, str]) -> str:
    return hashlib.sha256("--".join(pair).encode()).hexdigest()


def draw(
    texts: dict[str, str], *, second: bool = False, third: bool = False, fourth: bool = False
) -> list[tuple[str, str]]:
    """Return the drawn pairs of licence ids, in the draw's order."""
    families: dict[str, list[str]] = {}
    used = USED_2 if second or third or fourth else USED
    for licence in texts:
        if licence.endswith(("-only", "-or-later")) or used.match(licence):
            continue
        match = re.match(r"^(.*?)-(\d+(?:\.\d+)*[a-z]?)$", licence)
        if match:
            families.setdefault(match.group(1), []).append(licence)

    def clauses(licence: str) -> int:
        plan = import_text(
            texts[licence], plan_id=licence.lower(), title=licence, date="", language="en"
        )
        return sum(1 for clause in plan.clauses for _ in clause.walk())

    def enough(old: str, new: str) -> bool:
        return min(len(texts[old]), len(texts[new])) >= MIN_CHARS and (
            min(clauses(old), clauses(new)) >= MIN_CLAUSES
        )

    def short(old: str, new: str) -> bool:
        differ = " ".join(texts[old].split()) != " ".join(texts[new].split())
        long = min(len(texts[old]), len(texts[new])) >= SHORT_CHARS
        return differ and long and not enough(old, new)

    out = []
    for family, names in sorted(families.items()):
        names.sort(key=lambda name: version_key(name[len(family) + 1 :]))
        pairs = list(itertools.pairwise(names))
        if fourth:
            taken = set(SPDX_PAIRS) | set(SPDX_PAIRS_2) | set(SPDX_PAIRS_3) | LINKED | FLAGGED
            out += [p for p in pairs if p not in taken and short(*p)]
            continue
        if third:
            taken = set(SPDX_PAIRS) | set(SPDX_PAIRS_2) | LINKED | FLAGGED
            out += [p for p in pairs if p not in taken and enough(*p)]
            continue
        if second:
            left = [p for p in pairs if p not in SPDX_PAIRS and p not in LINKED and enough(*p)]
            out += sorted(left, key=sha)[:1]
            continue
        for old, new in reversed(pairs):
            if enough(old, new):
                out.append((old, new))
                break
    out.sort(key=sha)
    return out[:SECOND_COUNT] if second else out


def main(args: list[str]) -> int:
    data = json.loads(SPDX.read_text(encoding="utf-8"))
    texts = {licence: str(entry["licenseText"]) for licence, entry in data.items()}
    drawn = draw(
        texts, second="--second" in args, third="--third" in args, fourth="--fourth" in args
    )
    for number, (old, new) in enumerate(drawn):
        print(number, f"{old}--{new}")
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
