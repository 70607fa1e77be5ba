"""The plan skeleton every importer returns: a draft `Plan` around the clauses it found.

`check_import_options` refuses a malformed plan id, date or source address before any work is
done; `skeleton_plan` wraps clauses and notes in a `Plan` with status `draft`, completeness
`full` and `expected_clauses` counting the top-level clauses (the `preamble` too, as the plan
format counts them), for the user to finish by hand; `with_follows` names the version an
imported plan revises (`planlens import --follows ID`).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from planlens.errors import PlanlensError
from planlens.plan.model import Clause, Plan, Source
from planlens.plan.schema import DATE_RE, PLACEHOLDER_URL, SLUG_RE

#: The source an import gets when no `source_url` is given: the format needs at least one, and a
#: placeholder that fails review is better than a made-up address (`planlens validate` warns
#: about it).
PLACEHOLDER_SOURCE = Source(url=PLACEHOLDER_URL, note="placeholder: replace with the real source")


def check_import_options(plan_id: str, date: str, source_url: str | None) -> None:
    """Raise `PlanlensError` if `plan_id`, `date` (unless empty) or `source_url` is malformed."""
    if not SLUG_RE.match(plan_id):
        raise PlanlensError(
            f"plan id '{plan_id}' is not a slug: use lower-case letters, digits, '-', '_' and '.'"
        )
    if date and not DATE_RE.match(date):
        raise PlanlensError(f"date '{date}' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)")
    if source_url is not None and not re.match(r"^https?://\S+$", source_url):
        raise PlanlensError(f"source url '{source_url}' must be an http:// or https:// address")


def skeleton_plan(
    clauses: tuple[Clause, ...],
    notes: str | None,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None,
    language: str | None,
) -> Plan:
    """Return a draft plan of `clauses`, with `notes` for the text outside every clause.

    An empty `title` becomes the plan id; an empty `date` stays empty for the user to fill in.
    The plan's one source is `source_url`, or `PLACEHOLDER_SOURCE` for the user to replace.
    """
    source = Source(url=source_url) if source_url else PLACEHOLDER_SOURCE
    return Plan(
        id=plan_id,
        title=title or plan_id,
        date=date,
        status="draft",
        completeness="full",
        sources=(source,),
        clauses=clauses,
        language=language,
        expected_clauses=len(clauses),
        notes=notes,
    )


def with_follows(plan: Plan, follows: str | None) -> Plan:
    """Return `plan` as a revision of the plan with id `follows` (`plan` itself for None).

    Raise `PlanlensError` if `follows` is not a plan id, or is the plan's own.

    >>> from planlens.plan.model import Clause
    >>> plan = skeleton_plan((Clause(id="1", text="One."),), None, plan_id="v2", title="",
    ...                      date="", source_url=None, language=None)
    >>> with_follows(plan, "v1").follows
    ('v1',)
    """
    if follows is None:
        return plan
    if not SLUG_RE.match(follows):
        raise PlanlensError(f"--follows '{follows}' is not a plan id")
    if follows == plan.id:
        raise PlanlensError(f"--follows '{follows}': a plan cannot follow itself")
    return dataclasses.replace(plan, follows=(follows,))


def read_document(path: Path) -> bytes:
    """Return the bytes of the document at `path`, or a one-line error naming it."""
    try:
        return path.read_bytes()
    except OSError as err:
        raise PlanlensError(f"{path}: cannot read: {err.strerror or err}") from None
