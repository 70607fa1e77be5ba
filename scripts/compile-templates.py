"""Rewrite planlens/render/compiled-templates.json: the Python jinja2 writes for each template.

Run by `make templates` after a template, the jinja2 environment or jinja2 itself changes;
`tests/test_precompiled.py` fails until it is run. See `planlens.render.precompiled`.
"""

from __future__ import annotations

import sys

from planlens.render.html import compiled_templates
from planlens.render.precompiled import STORE
from planlens.write import write_text


def main() -> int:
    text = compiled_templates()
    old = STORE.read_text(encoding="utf-8") if STORE.exists() else None
    if text == old:
        print(f"{STORE}: up to date")
        return 0
    write_text(STORE, text, force=True)
    print(f"{STORE}: written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
