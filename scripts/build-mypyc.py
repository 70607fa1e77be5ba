"""Build a copy of planlens with some of its modules compiled by mypyc (an experiment, opt-in).

    python scripts/build-mypyc.py [--out build/mypyc] [--modules flags|align|all|NAME,...]

Copies the `planlens` package (sources and package data) to `OUT/planlens` and compiles the
chosen modules of `planlens/compare` there with mypyc (the `mypy` package of the `lint` extra;
it needs a C compiler and Python's headers): each becomes an extension module (`NAME.*.so`)
beside its source, with one shared library of their code in `OUT`. Nothing in the source tree
changes, and the pure-Python package stays what `make` installs and tests.

Run planlens compiled by putting `OUT` first on the path, before the editable install:

    PYTHONPATH=build/mypyc .venv/bin/planlens diff old.yaml new.yaml
    PYTHONPATH=build/mypyc .venv/bin/python -m pytest -q -p no:cacheprovider tests

`planlens.compare.diff.substance_flags.__module__` and the module's `__file__` tell which one is
running. The compiled modules give the same output as the pure ones (bench/README.md,
"Compiled with mypyc"); they are for speed only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: The modules of the substance flags and the rules they use.
FLAGS = [
    "substance",
    "statements",
    "guards",
    "extent",
    "polarity",
    "conditions",
    "phrases",
    "modality",
    "actors",
    "citations",
    "numbered",
    "lexicon",
    "patterns",
    "stemming",
]
#: The alignment's modules and the diff around it.
ALIGN = [
    "align",
    "matching",
    "similarity",
    "matcher",
    "assignment",
    "units",
    "residual",
    "diff",
    "textdiff",
]
SETS = {"flags": FLAGS, "align": ALIGN, "all": FLAGS + ALIGN}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "mypyc")
    parser.add_argument("--modules", default="flags", help="flags, align, all, or NAME,NAME")
    parser.add_argument("--opt-level", default="3", help="MYPYC_OPT_LEVEL (default 3)")
    args = parser.parse_args()
    names = SETS.get(args.modules) or args.modules.split(",")
    out: Path = args.out.resolve()
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    shutil.copytree(
        ROOT / "planlens", out / "planlens", ignore=shutil.ignore_patterns("__pycache__", "*.so")
    )
    # mypyc reads mypy's settings (strict, the stubs it may ignore) from the project's file;
    # only those: setuptools, which builds the extensions, would read (and refuse) the rest.
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (out / "pyproject.toml").write_text(project[project.index("[tool.mypy]") :], encoding="utf-8")
    sources = [f"planlens/compare/{name}.py" for name in names]
    mypyc = Path(sys.executable).with_name("mypyc")
    start = time.perf_counter()
    env = {**os.environ, "MYPYC_OPT_LEVEL": args.opt_level}
    done = subprocess.run([str(mypyc), *sources], cwd=out, env=env, check=False)
    took = time.perf_counter() - start
    if done.returncode != 0:
        print(f"mypyc failed ({done.returncode})", file=sys.stderr)
        return done.returncode
    shutil.rmtree(out / "build", ignore_errors=True)
    built = sorted(out.rglob("*.so"))
    size = sum(p.stat().st_size for p in built)
    print(f"{len(names)} modules compiled in {took:.0f} s: {len(built)} .so, {size / 1e6:.1f} MB")
    print(f"run with PYTHONPATH={out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
