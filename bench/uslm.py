"""Read US bills in USLM XML (the usgpo/uslm samples in the shared corpus) for the benchmarks.

The reading is planlens's own (`planlens.importers.uslm`, what `planlens import` uses for USLM);
the benchmarks keep their own shape of plan, fixed since their first results: each `<section>`
that is not inside another section or in quoted content becomes one clause, whose id and
`number` are the `value` of its `<num>` (`4` for "SEC. 4."), whose title is the `<heading>`,
and whose text is all the rest of the section, its subsections run together
(`planlens.importers.uslm.flat_text`), so that scores stay comparable across runs. The plan is
the `official-text`, titled by the bill's `dc:title`.
"""

from __future__ import annotations

from pathlib import Path

from common import BILLS

from planlens.importers.legal_xml import child, normal, parse_xml
from planlens.importers.uslm import document_title, flat_text, top_sections
from planlens.plan.model import Clause, Plan, Source

#: The US bills of the shared corpus the benchmarks read as plans: plan id -> file.
BILL_FILES: dict[str, str] = {
    "hjres37-rh": "HJ37_RH.XML",
    "hjres37-rfs": "HJ37_RFS.XML",
    "hr264-pcs": "H264_PCS.XML",
    "hr264-eh": "h264_eh.XML",
}


def load_bill(plan_id: str) -> Plan:
    """Return the bill `plan_id` (a key of `BILL_FILES`) of `../shared/corpora/us-bills`."""
    return load_uslm(BILLS / BILL_FILES[plan_id], plan_id)


def load_uslm(path: Path, plan_id: str) -> Plan:
    """Return the bill in the USLM file at `path` as a plan with one clause per section."""
    return parse_uslm(path.read_bytes(), plan_id, source=path.name)


def parse_uslm(data: bytes | str, plan_id: str, *, source: str = "uslm") -> Plan:
    """Return the USLM document `data` as a plan with one clause per top-level section.

    >>> xml = (
    ...     '<bill xmlns="http://schemas.gpo.gov/xml/uslm"><main>'
    ...     '<section><num value="1">SECTION 1. </num><heading>SHORT TITLE.</heading>'
    ...     "<content>This Act may be cited as\\n the Example Act.</content></section>"
    ...     "</main></bill>"
    ... )
    >>> clause = parse_uslm(xml, "example").clauses[0]
    >>> clause.id, clause.number, clause.title, clause.text
    ('1', '1', 'SHORT TITLE.', 'This Act may be cited as the Example Act.')
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    root = parse_xml(raw, Path(source))
    clauses: list[Clause] = []
    used: set[str] = set()
    for position, section in enumerate(top_sections(root), start=1):
        num, heading = child(section, "num"), child(section, "heading")
        number = num.get("value") if num is not None else None
        text = flat_text(section)
        clauses.append(
            Clause(
                id=_unique(number or f"s{position}", used),
                text=text or None,
                number=number,
                title=normal("".join(heading.itertext())) if heading is not None else None,
                status="reported" if text else "unknown",
            )
        )
    return Plan(
        id=plan_id,
        title=document_title(root) or plan_id,
        date="",
        status="official-text",
        completeness="full",
        sources=(Source(url="https://github.com/usgpo/uslm", note=source),),
        clauses=tuple(clauses),
        language="en",
    )


def _unique(base: str, used: set[str]) -> str:
    candidate, k = base, 1
    while candidate in used:
        k += 1
        candidate = f"{base}-{k}"
    used.add(candidate)
    return candidate
