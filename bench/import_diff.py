"""Which clauses an importer change changes: `import_text` at a baseline commit and here.

    .venv/bin/python bench/import_diff.py [--baseline REF] [--all-spdx] [--list]

Imports the SPDX licences of the alignment sets (`bench/gold/freeze.py`'s SPDX_PAIRS and
SPDX_PAIRS_2; `--all-spdx`: every licence of the list) and the texts of ../shared/corpora
(licences and laws), once with the baseline commit's planlens, checked out into a temporary
git worktree, and once with this tree's, each in a fresh process. Prints, per document, the
clauses before and after and how many clauses (by id) went, came or changed (number, title or
text); `--list` names them. The SPDX texts need `bash bench/gold/fetch_spdx.sh` first; missing
files are left out.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from common import worktree

ROOT = Path(__file__).resolve().parents[1]

#: Run in a fresh process with the planlens of `root` first on `sys.path`: prints every
#: document's clauses, depth first, as JSON {name: [[id, number, title, text], ...]}.
WORKER = r"""
import importlib.util, json, sys
from pathlib import Path
root, here, all_spdx = sys.argv[1], Path(sys.argv[2]), sys.argv[3] == "1"
sys.path.insert(0, root)
import planlens
assert planlens.__file__.startswith(root), planlens.__file__
from planlens.importers import import_text
spec = importlib.util.spec_from_file_location("freeze", here / "bench" / "gold" / "freeze.py")
freeze = importlib.util.module_from_spec(spec)
sys.modules["freeze"] = freeze
spec.loader.exec_module(freeze)
docs = {}
if freeze.SPDX.is_file():
    spdx = json.loads(freeze.SPDX.read_text(encoding="utf-8"))
    pairs = freeze.SPDX_PAIRS + freeze.SPDX_PAIRS_2
    names = spdx if all_spdx else dict.fromkeys(name for pair in pairs for name in pair)
    for name in names:
        if text := spdx[name].get("licenseText"):
            docs["spdx:" + name] = text
corpora = here.parent / "shared" / "corpora"
for path in sorted(corpora.glob("licenses/*.txt")) + sorted(corpora.glob("de-laws/*.md")):
    docs[str(path.relative_to(corpora))] = path.read_text(encoding="utf-8")
out = {}
for name, text in docs.items():
    plan = import_text(text, plan_id="doc", title="", date="")
    out[name] = [[c.id, c.number, c.title, c.text] for c in plan.walk()]
print(json.dumps(out))
"""

Clauses = dict[str, list[list[str | None]]]


def run(root: Path, all_spdx: bool) -> Clauses:
    """Return every document's clauses imported with the planlens of `root`."""
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(root), str(ROOT), "1" if all_spdx else "0"],
        capture_output=True,
        text=True,
        check=True,
    )
    data: Clauses = json.loads(done.stdout)
    return data


def differences(
    old: list[list[str | None]], new: list[list[str | None]]
) -> tuple[list[str], list[str], list[str]]:
    """Return the ids of the clauses that went, came, and changed, in document order.

    >>> differences([["1", "1", None, "a"], ["2", "2", None, "b"]], [["1", "1", None, "A"]])
    (['2'], [], ['1'])
    """
    before = {str(row[0]): row for row in old}
    after = {str(row[0]): row for row in new}
    went = [key for key in before if key not in after]
    came = [key for key in after if key not in before]
    changed = [key for key in before if key in after and before[key] != after[key]]
    return went, came, changed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--baseline", default="main", help="git ref to compare with")
    parser.add_argument("--all-spdx", action="store_true", help="every SPDX licence")
    parser.add_argument("--list", action="store_true", help="name the clauses that differ")
    args = parser.parse_args(argv)
    with worktree(args.baseline) as base:
        assert base is not None, "--baseline none: nothing to compare with"
        before = run(base, args.all_spdx)
    after = run(ROOT, args.all_spdx)
    width = max((len(name) for name in before), default=8)
    print(f"| {'document':<{width}} | before | after | went | came | changed |")
    print(f"| {'-' * width} | -----: | ----: | ---: | ---: | ------: |")
    total = documents = 0
    for name, old in before.items():
        new = after.get(name, [])
        went, came, changed = differences(old, new)
        count = len(went) + len(came) + len(changed)
        total += count
        documents += bool(count)
        if count or not args.all_spdx:
            print(
                f"| {name:<{width}} | {len(old):>6} | {len(new):>5} | {len(went):>4} "
                f"| {len(came):>4} | {len(changed):>7} |"
            )
        if args.list and count:
            print(f"  went {went}\n  came {came}\n  changed {changed}")
    print(f"\n{documents} of {len(before)} documents differ, {total} clauses in all")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
