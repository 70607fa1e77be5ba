"""Draw the SPDX licence pairs for the labelled sets, by a rule fixed before any pair was read.

    bash bench/gold/fetch_spdx.sh && .venv/bin/python bench/gold/spdx_draw.py

The rule (2026-11-27): consecutive versions within one family of the SPDX licence list
(`spdx-license-list` 6.12.0 on npm; an id's family is the id without its version); not the
`-only` / `-or-later` aliases, and no family that a labelled set of `bench/` already used
(Apache, Artistic, Creative Commons, EPL, EUPL, GFDL, GPL, LGPL, AGPL, MPL); both texts at least
4,000 characters and at least 8 clauses as `planlens.importers.import_text` splits them; of
each family only the newest such pair. The pairs are printed in the order of the SHA-256 of
`OLD--NEW`, which `freeze.SPDX_PAIRS` keeps: the first eight are the alignment set
(`bench/gold/held-out-licences/`), the rest the flags' (`held-out-8`).
"""

from __future__ import annotations

import hashlib
import itertools
import json
import re

from freeze import SPDX

from planlens.importers import import_text

USED = re.compile(r"^(Apache|Artistic|CC-|EPL|EUPL|GFDL|GPL|LGPL|AGPL|MPL)")
MIN_CHARS = 4000
MIN_CLAUSES = 8


def version_key(version: str) -> list[int | str]:
    return [int(x) if x.isdigit() else x for x in re.findall(r"\d+|[a-z]+", version)]


def draw(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Return the drawn pairs of licence ids, in the draw's order."""
    families: dict[str, list[str]] = {}
    for licence in texts:
        if licence.endswith(("-only", "-or-later")) or USED.match(licence):
            continue
        match = re.match(r"^(.*?)-(\d+(?:\.\d+)*[a-z]?)$", licence)
        if match:
            families.setdefault(match.group(1), []).append(licence)

    def clauses(licence: str) -> int:
        plan = import_text(
            texts[licence], plan_id=licence.lower(), title=licence, date="", language="en"
        )
        return sum(1 for clause in plan.clauses for _ in clause.walk())

    out = []
    for family, names in sorted(families.items()):
        names.sort(key=lambda name: version_key(name[len(family) + 1 :]))
        for old, new in reversed(list(itertools.pairwise(names))):
            if min(len(texts[old]), len(texts[new])) >= MIN_CHARS and (
                min(clauses(old), clauses(new)) >= MIN_CLAUSES
            ):
                out.append((old, new))
                break
    return sorted(out, key=lambda pair: hashlib.sha256("--".join(pair).encode()).hexdigest())


def main() -> int:
    data = json.loads(SPDX.read_text(encoding="utf-8"))
    texts = {licence: str(entry["licenseText"]) for licence, entry in data.items()}
    for number, (old, new) in enumerate(draw(texts)):
        print(number, f"{old}--{new}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
