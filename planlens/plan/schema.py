"""The plan file format in one place: its keys, and the JSON Schema published for editors.

The loader (`planlens.plan.check_plan`) takes the allowed and required keys from here, so the
schema that `planlens schema` prints and the checks the loader makes cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from planlens.plan.model import CLAUSE_STATUSES, COMPLETENESS, PLAN_STATUSES, TOPICS

SCHEMA_ID = "https://planlens.invalid/schema/plan-1.json"

#: A plan id: lower-case, so that ids work as file names, anchors and URL parts unchanged.
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
#: ISO 8601 calendar dates, allowing reduced precision (a year, or a year and month).
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
#: A clause reference: `plan-id#clause-id`.
REF_RE = re.compile(r"^([a-z0-9][a-z0-9._-]*)#(.+)$")
#: A language tag, in the shape of BCP 47: a primary language and optional subtags.
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
MAX_PLAN_BYTES = 16 * 1024 * 1024
#: The source address `planlens import` writes when it is given none, for the user to replace;
#: `planlens validate` warns about any source address holding `PLACEHOLDER_MARK`.
PLACEHOLDER_URL = "https://example.org/REPLACE-ME"
PLACEHOLDER_MARK = "REPLACE-ME"


@dataclass(frozen=True, slots=True)
class Key:
    """One key of a mapping in the plan format."""

    name: str
    required: bool
    description: str


PLAN_KEYS: tuple[Key, ...] = (
    Key("id", True, "Slug identifying this version, unique among plans."),
    Key("title", True, "The document's title."),
    Key("date", True, "ISO date of this version (YYYY-MM-DD, YYYY-MM or YYYY)."),
    Key("status", True, "What kind of text this is."),
    Key("version", False, "The version label as printed; always a string."),
    Key("parties", False, "Parties: authors or signatories."),
    Key("language", False, "Language tag of the clause texts, such as 'en'."),
    Key("follows", False, "Id or ids of the version(s) this one revises."),
    Key(
        "standalone", False, "true for a document of its own, which no version revises or follows."
    ),
    Key("completeness", True, "'full' if every clause is present, 'partial' otherwise."),
    Key("expected_clauses", False, "How many top-level clauses the document has, where known."),
    Key("sources", True, "Where the text comes from; at least one."),
    Key("notes", False, "Markdown notes on this version."),
    Key("clauses", True, "The ordered clauses."),
    Key("dropped", False, "Clauses of earlier versions that reports say this version removed."),
)

CLAUSE_KEYS: tuple[Key, ...] = (
    Key("id", True, "Unique in the plan; a string: '7', '10.a', '14.2'."),
    Key("number", False, "The label as printed in the document."),
    Key("title", False, "The clause heading as printed."),
    Key("text", False, "The clause text in Markdown; required unless status is 'unknown'."),
    Key("topics", False, "Topics from the planlens vocabulary."),
    Key("status", False, "'reported' (default), 'uncertain' or 'unknown' (text never published)."),
    Key("sources", False, "Sources for this clause in particular."),
    Key("notes", False, "Markdown notes: uncertainty, outlet differences, context."),
    Key("same_as", False, "'plan-id#clause-id': this clause is that clause of another version."),
    Key("derived_from", False, "List of 'plan-id#clause-id' this clause was made from."),
    Key("clauses", False, "Nested sub-clauses."),
)

SOURCE_KEYS: tuple[Key, ...] = (
    Key("url", True, "An http or https address."),
    Key("title", False, "Title of the page or document."),
    Key("publisher", False, "Outlet or publisher."),
    Key("date", False, "Publication date (ISO)."),
    Key("accessed", False, "Date the source was read (ISO)."),
    Key("note", False, "What this source supports, or how it differs from others."),
)

DROPPED_KEYS: tuple[Key, ...] = (
    Key("clause", True, "'plan-id#clause-id' of the removed clause."),
    Key("source", False, "The source reporting the removal."),
    Key("note", False, "Context for the removal."),
)


def _object(keys: tuple[Key, ...], properties: dict[str, Any]) -> dict[str, Any]:
    """Return a closed JSON Schema object whose properties carry the keys' descriptions."""
    described = {key.name: {**properties[key.name], "description": key.description} for key in keys}
    return {
        "type": "object",
        "properties": described,
        "required": [key.name for key in keys if key.required],
        "additionalProperties": False,
    }


def plan_schema() -> dict[str, Any]:
    """Return the JSON Schema (draft 2020-12) of a plan file.

    >>> schema = plan_schema()
    >>> schema["required"]
    ['id', 'title', 'date', 'status', 'completeness', 'sources', 'clauses']
    >>> schema["$defs"]["clause"]["properties"]["id"]["type"]
    'string'
    """
    text = {"type": "string", "minLength": 1, "pattern": r"\S"}
    date = {"type": "string", "pattern": DATE_RE.pattern}
    slug = {"type": "string", "pattern": SLUG_RE.pattern}
    ref = {"type": "string", "pattern": REF_RE.pattern}
    source = _object(
        SOURCE_KEYS,
        {
            "url": {"type": "string", "pattern": r"^https?://[^\s/?#]+"},
            "title": text,
            "publisher": text,
            "date": date,
            "accessed": date,
            "note": text,
        },
    )
    sources = {"type": "array", "items": {"$ref": "#/$defs/source"}}
    clause = _object(
        CLAUSE_KEYS,
        {
            "id": text,
            "number": text,
            "title": text,
            "text": text,
            "topics": {"type": "array", "items": {"enum": list(TOPICS)}, "uniqueItems": True},
            "status": {"enum": list(CLAUSE_STATUSES)},
            "sources": sources,
            "notes": text,
            "same_as": ref,
            "derived_from": {"type": "array", "items": ref, "minItems": 1},
            "clauses": {"type": "array", "items": {"$ref": "#/$defs/clause"}, "minItems": 1},
        },
    )
    # An unknown clause never had its text published; every other clause must have text.
    clause["if"] = {"properties": {"status": {"const": "unknown"}}, "required": ["status"]}
    clause["then"] = {"not": {"required": ["text"]}}
    clause["else"] = {"required": ["text"]}
    dropped = _object(
        DROPPED_KEYS, {"clause": ref, "source": {"$ref": "#/$defs/source"}, "note": text}
    )
    plan = _object(
        PLAN_KEYS,
        {
            "id": slug,
            "title": text,
            "date": date,
            "status": {"enum": list(PLAN_STATUSES)},
            "version": text,
            "parties": {"type": "array", "items": text},
            "language": {"type": "string", "pattern": LANGUAGE_RE.pattern},
            "follows": {"oneOf": [slug, {"type": "array", "items": slug, "minItems": 1}]},
            "standalone": {"type": "boolean"},
            "completeness": {"enum": list(COMPLETENESS)},
            "expected_clauses": {"type": "integer", "minimum": 1},
            "sources": {**sources, "minItems": 1},
            "notes": text,
            "clauses": {"type": "array", "items": {"$ref": "#/$defs/clause"}, "minItems": 1},
            "dropped": {"type": "array", "items": {"$ref": "#/$defs/dropped"}},
        },
    )
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "planlens plan file",
        "description": "One version of a clause-structured document, for planlens.",
        **plan,
        "$defs": {"clause": clause, "source": source, "dropped": dropped},
    }
