"""Read US bills in USLM XML (the usgpo/uslm samples in the shared corpus) as plans.

Each `<section>` that is not inside another section becomes one clause: its id and `number` are
the `value` of its `<num>` (`4` for "SEC. 4."), its title the `<heading>`, and its text every
other piece of its text content with white space normalised. Sections inside `<quotedContent>`
(amendments quoting another law) stay part of the section that quotes them. USLM puts every
element in a default namespace, `http://schemas.gpo.gov/xml/uslm`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from planlens.plan.model import Clause, Plan, Source

NS = "{http://schemas.gpo.gov/xml/uslm}"
DC = "{http://purl.org/dc/elements/1.1/}"


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
    root = ET.fromstring(data)
    clauses: list[Clause] = []
    used: set[str] = set()
    for position, section in enumerate(_top_sections(root), start=1):
        num = section.find(f"{NS}num")
        heading = section.find(f"{NS}heading")
        number = num.get("value") if num is not None else None
        clause_id = _unique(number or f"s{position}", used)
        parts = [section.text or ""]
        for child in section:
            if child is not num and child is not heading:
                parts.append("".join(child.itertext()))
            parts.append(child.tail or "")
        text = _normal(" ".join(parts))
        clauses.append(
            Clause(
                id=clause_id,
                text=text or None,
                number=number,
                title=_normal("".join(heading.itertext())) if heading is not None else None,
                status="reported" if text else "unknown",
            )
        )
    title_element = root.find(f".//{DC}title")
    title = _normal(title_element.text or "") if title_element is not None else plan_id
    return Plan(
        id=plan_id,
        title=title or plan_id,
        date="",
        status="official-text",
        completeness="full",
        sources=(Source(url="https://github.com/usgpo/uslm", note=source),),
        clauses=tuple(clauses),
        language="en",
    )


def _top_sections(root: ET.Element) -> list[ET.Element]:
    """Return the sections not nested in another section or in quoted content, in order."""
    found: list[ET.Element] = []

    def visit(element: ET.Element) -> None:
        for child in element:
            if child.tag == f"{NS}section":
                found.append(child)
            elif child.tag != f"{NS}quotedContent":
                visit(child)

    visit(root)
    return found


def _unique(base: str, used: set[str]) -> str:
    candidate, k = base, 1
    while candidate in used:
        k += 1
        candidate = f"{base}-{k}"
    used.add(candidate)
    return candidate


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
