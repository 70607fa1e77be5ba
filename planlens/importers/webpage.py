"""Read saved web pages (.html) into a plan skeleton: the article's points and its metadata.

A news page or a government page holds much besides the text: menus, "top stories", "related"
lists, footers, often as numbered lists of their own. trafilatura (the `import` extra), made to
extract the main text of web pages, keeps the article's main content only; its numbered lists
and its numbered paragraphs are the points, read by the shared outline builder
(`planlens.importers.paragraphs`):

- before the extraction, each item of an ordered list (`<ol>`) gets the number a browser shows
  before it written into its text (`start`, `reversed`, `type` or `list-style-type`, and an
  item's `value`), since the extracted text would lose it; an ordered list inside an item of a
  list numbered alike is numbered under it (`2.1`), as the ids will read;
- items are indented by their depth, so sub-items nest; line breaks (`<br>`) inside a
  paragraph separate paragraphs ("1. ...<br>2. ..." is two points).

The page's metadata fills the plan: title (`og:title`, the headline, `<title>`), publication
date (`article:published_time` and the like, found by htmldate) and canonical address
(`<link rel="canonical">`, `og:url`, or the "saved from url" comment a browser writes), with
`accessed` the date given or today. A page whose main content has no numbered point is refused.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from planlens.errors import PlanlensError
from planlens.importers.extras import need
from planlens.importers.labels import parse_label
from planlens.importers.paragraphs import Paragraph, outline_of
from planlens.importers.skeleton import (
    PLACEHOLDER_SOURCE,
    check_import_options,
    read_document,
    skeleton_plan,
)
from planlens.importers.word_numbering import format_number
from planlens.plan.model import Plan, Source
from planlens.plan.schema import DATE_RE, LANGUAGE_RE

#: A saved page larger than this is refused: pages with their images inlined stay far below.
MAX_PAGE_BYTES = 64 * 1024 * 1024
#: How deep items of nested lists are indented, in characters per level.
_INDENT = 4
_SAVED_FROM = re.compile(rb"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([a-z-]+)", re.I)
#: `<ol type>` and CSS `list-style-type` -> the Word number format of the same look.
_FORMATS = {
    "1": "decimal",
    "a": "lowerLetter",
    "A": "upperLetter",
    "i": "lowerRoman",
    "I": "upperRoman",
    "decimal": "decimal",
    "lower-alpha": "lowerLetter",
    "lower-latin": "lowerLetter",
    "upper-alpha": "upperLetter",
    "upper-latin": "upperLetter",
    "lower-roman": "lowerRoman",
    "upper-roman": "upperRoman",
}


@dataclass(frozen=True, slots=True)
class WebPage:
    """What `read_webpage` found: the main content's paragraphs and the page's metadata."""

    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None
    language: str | None = None


def import_webpage(
    path: Path,
    *,
    plan_id: str,
    title: str,
    date: str,
    source_url: str | None = None,
    language: str | None = None,
    accessed: str | None = None,
) -> Plan:
    """Return a draft plan skeleton made from the saved web page at `path` (the registry's reader).

    The plan's source is the page's canonical address (or `source_url`), with its title,
    site, publication date and `accessed` (today if not given). Raise `PlanlensError`,
    naming the file, if the page cannot be read or its main content has no numbered point.
    """
    check_import_options(plan_id, date, source_url)
    if accessed is not None and not DATE_RE.match(accessed):
        raise PlanlensError(f"accessed date '{accessed}' is not an ISO date (YYYY-MM-DD)")
    data = read_document(path)
    if len(data) > MAX_PAGE_BYTES:
        raise PlanlensError(f"{path}: the page is larger than 64 MiB")
    page = read_webpage(data)
    numbered = any(
        (label := parse_label(p.printed)) is not None and label.style != "bullet"
        for p in page.paragraphs
        if not p.heading
    )
    if not numbered:
        raise PlanlensError(
            f"{path}: the page's main content has no numbered points (numbered lists or"
            " paragraphs starting with 1., (a), ...)"
        )
    clauses = outline_of(page.paragraphs)
    plan = skeleton_plan(
        clauses,
        None,
        plan_id=plan_id,
        title=title.strip() or page.title or "",
        date=date or page.date or "",
        source_url=None,
        language=language or page.language,
    )
    url = source_url or page.url
    source = Source(
        url=url or PLACEHOLDER_SOURCE.url,
        title=page.title,
        publisher=page.site,
        date=page.date,
        accessed=accessed or datetime.date.today().isoformat(),
        note=None if url else PLACEHOLDER_SOURCE.note,
    )
    return replace(plan, sources=(source,))


def read_webpage(data: bytes) -> WebPage:
    """Return the paragraphs of the main content of the page `data` and its metadata."""
    trafilatura = need("trafilatura", "web pages")
    from trafilatura.utils import load_html  # the import extra is there: see need()

    tree = load_html(data)
    if tree is None:
        return WebPage(())
    language = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    _number_lists(tree)
    document = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=False,
        include_links=False,
        include_images=False,
        favor_recall=True,
        output_format="python",
    )
    if document is None or document.body is None:
        return WebPage(())
    saved_from = _SAVED_FROM.search(data[:4096])
    url = _http(document.url) or (saved_from[1].decode("ascii", "replace") if saved_from else None)
    if not isinstance(language, str):
        language = document.language if isinstance(document.language, str) else None
    return WebPage(
        paragraphs=tuple(_paragraphs(document.body, 0)),
        title=_clean(document.title),
        date=document.date
        if isinstance(document.date, str) and DATE_RE.match(document.date)
        else None,
        url=url,
        site=_clean(document.sitename) or _clean(document.hostname),
        language=language.split("-")[0].lower()
        if language and LANGUAGE_RE.match(language)
        else None,
    )


def _clean(value: Any) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _http(value: Any) -> str | None:
    return value if isinstance(value, str) and re.match(r"^https?://\S+$", value) else None


# -- numbering ordered lists as a browser does ----------------------------------------------


def _number_lists(tree: Any) -> None:
    """Write before each item of each `<ol>` the number a browser shows for it."""
    for ol in list(tree.iter("ol")):
        items = [li for li in ol if getattr(li, "tag", None) == "li"]
        if not items:
            continue
        fmt = _list_format(ol)
        reverse = ol.get("reversed") is not None
        value = _integer(ol.get("start"), len(items) if reverse else 1)
        outer = _enclosing_label(ol)
        for li in items:
            value = _integer(li.get("value"), value)
            number = format_number(value, fmt)
            label = f"{outer[0]}.{number}" if outer and outer[1] == fmt else f"{number}."
            li.set("data-planlens-label", label)
            li.text = f"{label} {li.text or ''}"
            value += -1 if reverse else 1


def _list_format(ol: Any) -> str:
    style = _LIST_STYLE.search(ol.get("style") or "")
    if style and style[1].lower() in _FORMATS:
        return _FORMATS[style[1].lower()]
    return _FORMATS.get(ol.get("type") or "1", "decimal")


def _integer(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _enclosing_label(ol: Any) -> tuple[str, str] | None:
    """Return the label and format of the `<ol>` item this list sits in, if it sits in one."""
    parent = ol.getparent()
    while parent is not None and parent.tag != "li":
        parent = parent.getparent()
    if parent is None or parent.get("data-planlens-label") is None:
        return None
    label = parent.get("data-planlens-label").rstrip(".")
    outer_ol = parent.getparent()
    return label, _list_format(outer_ol) if outer_ol is not None else "decimal"


# -- the extracted main content -> paragraphs -------------------------------------------------


def _paragraphs(element: Any, depth: int) -> Iterator[Paragraph]:
    """Yield the paragraphs of trafilatura's main content (`head`, `p`, `list`, ...)."""
    for child in element:
        tag = child.tag
        if tag == "head":
            rend = child.get("rend") or "h2"
            level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
            yield Paragraph(_text(child), heading=level)
        elif tag == "list":
            ordered = child.get("rend") == "ol"
            for item in child:
                if item.tag != "item":
                    continue
                lines = _lines(item)
                first = lines[0] if lines else ""
                if not ordered and parse_label(first) is None:
                    first = f"- {first}"
                yield Paragraph(first, indent=depth * _INDENT)
                for more in lines[1:]:
                    yield Paragraph(more, indent=depth * _INDENT + 2)
                yield from _paragraphs(_sublists(item), depth + 1)
        elif tag in ("quote", "div", "table", "row"):
            yield from _paragraphs(child, depth)
        else:  # p, cell, code, and anything unexpected: text, split at line breaks
            for line in _lines(child):
                yield Paragraph(line, indent=depth * _INDENT)


def _sublists(item: Any) -> list[Any]:
    return [child for child in item if child.tag == "list"]


def _lines(element: Any) -> list[str]:
    """Return the text of `element` without nested lists, cut at line breaks (`<lb/>`)."""
    lines: list[str] = [""]

    def visit(node: Any) -> None:
        lines[-1] += node.text or ""
        for child in node:
            if child.tag == "lb":
                lines.append("")
            elif child.tag == "p" and lines[-1].strip() and not _only_label(lines[-1]):
                lines.append("")
                visit(child)
            elif child.tag != "list":
                visit(child)
            lines[-1] += child.tail or ""

    visit(element)
    return [" ".join(line.split()) for line in lines if line.strip()]


def _only_label(text: str) -> bool:
    """Tell whether `text` is a label alone (`4.`), to be followed by the item's paragraph."""
    label = parse_label(text.strip() + " x")
    return label is not None and label.rest.strip() == "x"


def _text(element: Any) -> str:
    return " ".join(" ".join(_lines(element)).split())
