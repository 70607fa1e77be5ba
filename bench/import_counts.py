"""Import every corpus text and print clause counts and timings as a Markdown table.

Run with `make bench` or `python bench/import_counts.py [--repeat N]`. Reads the shared corpora
beside the project (../shared/corpora) and Debian's /usr/share/common-licenses/GPL-2 and GPL-3;
files that are missing are left out. Times are the best of N runs of `import_text` alone.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from common import COMMON_LICENSES, CORPORA

from planlens.importers import import_text


def corpus_files() -> list[Path]:
    """Return the corpus files to import, in a fixed order."""
    files = sorted(CORPORA.glob("licenses/*.txt")) + sorted(CORPORA.glob("de-laws/*.md"))
    files += sorted(CORPORA.glob("us-bills/*.XML"))
    files += [COMMON_LICENSES / name for name in ("GPL-2", "GPL-3")]
    return [path for path in files if path.is_file()]


def measure(path: Path, repeat: int) -> tuple[int, int, float]:
    """Return the top-level and total clause counts of `path` and the best import time."""
    text = path.read_text(encoding="utf-8")
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        plan = import_text(text, plan_id="bench", title="", date="")
        best = min(best, time.perf_counter() - start)
    return len(plan.clauses), sum(1 for _ in plan.walk()), best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per file (default 3)")
    args = parser.parse_args()
    rows = []
    for path in corpus_files():
        top, total, seconds = measure(path, max(args.repeat, 1))
        base = CORPORA if path.is_relative_to(CORPORA) else path.parents[1]
        # USLM XML is not an import format; it is listed to show that the import copes with it.
        mark = " *" if path.suffix == ".XML" else ""
        rows.append((f"{path.relative_to(base)}{mark}", top, total, seconds))
    width = max((len(row[0]) for row in rows), default=4)
    print(f"| {'file':<{width}} | top-level | total | seconds |")
    print(f"| {'-' * width} | --------: | ----: | ------: |")
    for name, top, total, seconds in rows:
        print(f"| {name:<{width}} | {top:>9,} | {total:>5,} | {seconds:>7.3f} |")
    total_seconds = sum(row[3] for row in rows)
    if any(row[0].endswith(" *") for row in rows):
        print(
            "\n\\* USLM XML is not a text format: the import falls back to a clause per paragraph."
        )
    print(f"\n{len(rows)} files, {total_seconds:.2f} s in all (best of {args.repeat} runs each)")


if __name__ == "__main__":
    main()
