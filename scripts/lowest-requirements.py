"""Print pip constraints that pin every dependency to the lowest version pyproject.toml allows.

    python scripts/lowest-requirements.py test browser > lowest.txt
    pip install -c lowest.txt -e '.[test,browser]'

Each requirement's lower bound (`>=X`) becomes `==X`; the runtime dependencies are always
included, and the optional extras named on the command line. `make test-lowest` uses it, so a
release inside our own ranges (markdown-it-py 3 -> 4 was one) cannot break users unseen.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
_LOWER = re.compile(r"^\s*([A-Za-z0-9_.-]+)(\[[^\]]*\])?\s*(?:[^;]*?)>=\s*([^,;\s]+)")


def lowest(extras: list[str]) -> list[str]:
    project = tomllib.loads(PYPROJECT.read_text("utf-8"))["project"]
    requirements = list(project["dependencies"])
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            raise SystemExit(f"lowest-requirements: no extra '{extra}' in {PYPROJECT.name}")
        requirements += optional[extra]
    pins = []
    for requirement in requirements:
        match = _LOWER.match(requirement)
        if match is None:
            raise SystemExit(f"lowest-requirements: '{requirement}' has no lower bound (>=)")
        pins.append(f"{match[1]}=={match[3]}")
    return pins


if __name__ == "__main__":
    print("\n".join(lowest(sys.argv[1:])))
