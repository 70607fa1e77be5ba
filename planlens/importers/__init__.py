"""Importers: turn a document someone sent (text, Markdown, ...) into a plan skeleton to finish.

- `text`: plain text and Markdown with numbered points or headings.

Every importer returns a `Plan`; the CLI writes it as YAML with `planlens.plan.serialize`.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`.
"""

from planlens.importers.text import PLACEHOLDER_SOURCE, import_text, parse_label

__all__ = ["PLACEHOLDER_SOURCE", "import_text", "parse_label"]
