"""The templates compiled ahead of time: the Python jinja2 writes for each, kept in a file.

Compiling the nine templates (jinja2 parses each and writes Python for it) costs about 90 ms
of CPU, paid by every process that renders a page: most of `planlens report`'s rendering of a
small plan, and a serial part of every site build. `compiled-templates.json`, beside this
module, holds the Python that jinja2 wrote for each template; `PrecompiledTemplates`, jinja2's
own hook for compiled code (a bytecode cache that reads and never writes), hands it to jinja2,
which then only runs Python's `compile` on it (a few ms).

The Python is used only where it was written from the same template text (checked by the
template's checksum, as jinja2's caches do), by the same jinja2 version and with the same
environment settings; otherwise jinja2 compiles the template as usual. So a stale file costs
time, never correctness; `tests/test_precompiled.py` fails when the file is stale, and `make
templates` rewrites it from `store_text` (`scripts/compile-templates.py`).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, BytecodeCache

#: The compiled templates, beside this module (package data).
STORE = Path(__file__).with_name("compiled-templates.json")


def settings(env: jinja2.Environment) -> str:
    """Return what, beside a template's text, decides the Python jinja2 writes for it."""
    return repr(
        (
            jinja2.__version__,
            env.block_start_string,
            env.block_end_string,
            env.variable_start_string,
            env.variable_end_string,
            env.comment_start_string,
            env.comment_end_string,
            env.line_statement_prefix,
            env.line_comment_prefix,
            env.trim_blocks,
            env.lstrip_blocks,
            env.newline_sequence,
            env.keep_trailing_newline,
            env.finalize is not None,
            env.optimized,
            sorted(env.extensions),
        )
    )


class PrecompiledTemplates(BytecodeCache):
    """jinja2's bytecode-cache hook, serving the Python of `STORE`; it never writes."""

    def __init__(self, store: Path = STORE) -> None:
        self.store = store
        self.filenames: dict[str, str | None] = {}

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        self.filenames[name] = filename
        return name

    def load_bytecode(self, bucket: Bucket) -> None:
        entry = _read(self.store, settings(bucket.environment)).get(bucket.key)
        if entry is not None and entry["checksum"] == bucket.checksum:
            filename = self.filenames.get(bucket.key) or bucket.key
            bucket.code = compile(entry["python"], filename, "exec", dont_inherit=True)

    def dump_bytecode(self, bucket: Bucket) -> None:
        """Keep nothing: the store changes only by `write_store`."""


@cache
def _read(store: Path, wanted: str) -> dict[str, Any]:
    """Return the store's templates if it was written with these settings, else nothing."""
    try:
        data = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("settings") != wanted:
        return {}
    templates = data.get("templates")
    return templates if isinstance(templates, dict) else {}


def store_text(env: jinja2.Environment) -> str:
    """Return the store for `env`'s templates: the Python jinja2 writes for each, as JSON."""
    assert env.loader is not None
    checksum = PrecompiledTemplates().get_source_checksum
    templates = {}
    for name in env.list_templates():
        source, filename, _ = env.loader.get_source(env, name)
        templates[name] = {
            "checksum": checksum(source),
            "python": env.compile(source, name, filename, raw=True),
        }
    data = {"settings": settings(env), "templates": templates}
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
