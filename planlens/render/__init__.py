"""Rendering: view models built from plans, diffs and lineages, and the HTML or Word made of them.

As in coverage.py's HTML report, each page is made in two steps: a `*_page()` function returns
plain view-model dataclasses (no markup), and `render()` fills a jinja2 template with one, so
every string is escaped in one place.

- `html`: the jinja2 environment, Markdown (raw HTML off, http(s) links only), inline assets.
- `views`: pieces the pages share (a version's header, its sources, relation colours, the
  anchors and labels of clause forms).
- `compare_report`: the comparison report (`compare_page`, `render_compare`), with the reported
  removals (`dropped`) behind it.
- `many_rows`: reports of many rows (`MANY_ROWS`), which let the browser skip the rows off
  screen (`templates/many.css`), and each row's estimated height (`row_lines`).
- `docx_redline`: the comparison as a Word redline: its view model, and the document with the
  word changes as tracked changes (`w:del`, `w:ins`).
- `docx_package`: a minimal .docx package written with zipfile (deterministic bytes), and the
  escaping of text into its XML.
- `site_pages`: a plan's page (with each clause's echoes in other plans, and its comparisons
  with every other version of its lineage) and the site's index.
- `alluvial_layout`: the alluvial picture's view model and geometry (columns, boxes, bands).
- `alluvial`: the alluvial picture of a lineage: which boxes it has and which bands join them.
- `lineage_report`: the lineage page (`lineage_page`, `render_lineage`): versions, the matrix,
  each family's history.
- `search`: the site's search index (`search-index.js`: every clause of every plan, with a
  word index), which the search box on each page of a site loads, also from `file://`.
- `templates/`: the jinja2 templates, the stylesheets and the script.
- `precompiled`: the Python jinja2 writes for each template, kept in `compiled-templates.json`
  (rewritten by `make templates`) so that no run pays for compiling them.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`, `planlens.compare`,
`planlens.lineage`. It writes nothing: `planlens.write` and `planlens.site` do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from planlens.perf import names_on_first_use

if TYPE_CHECKING:
    from planlens.render.alluvial import picture
    from planlens.render.compare_report import (
        ComparePage,
        Reported,
        Row,
        compare_page,
        render_compare,
    )
    from planlens.render.docx_redline import Redline, RedlineSection, redline, render_docx
    from planlens.render.html import anchor_id, load_templates, markdown, preview, render
    from planlens.render.lineage_report import LineagePage, lineage_page, render_lineage
    from planlens.render.search import SEARCH_INDEX, search_index
    from planlens.render.site_pages import (
        CompareLink,
        EchoLink,
        IndexPage,
        PlanPage,
        compare_href,
        compare_links,
        echo_links,
        index_page,
        lineage_href,
        plan_href,
        plan_page,
    )
    from planlens.render.views import (
        RELATION_COLOURS,
        PlanHeader,
        SourceLink,
        form_anchor,
        plan_header,
    )

#: The module each name comes from, imported on first use (as in `planlens.plan`): a report
#: does not import the lineage page, the alluvial picture or the Word redline.
_HOMES = {
    "CompareLink": "planlens.render.site_pages",
    "ComparePage": "planlens.render.compare_report",
    "EchoLink": "planlens.render.site_pages",
    "IndexPage": "planlens.render.site_pages",
    "LineagePage": "planlens.render.lineage_report",
    "PlanHeader": "planlens.render.views",
    "PlanPage": "planlens.render.site_pages",
    "RELATION_COLOURS": "planlens.render.views",
    "Redline": "planlens.render.docx_redline",
    "RedlineSection": "planlens.render.docx_redline",
    "Reported": "planlens.render.compare_report",
    "Row": "planlens.render.compare_report",
    "SEARCH_INDEX": "planlens.render.search",
    "SourceLink": "planlens.render.views",
    "anchor_id": "planlens.render.html",
    "compare_href": "planlens.render.site_pages",
    "compare_links": "planlens.render.site_pages",
    "compare_page": "planlens.render.compare_report",
    "echo_links": "planlens.render.site_pages",
    "form_anchor": "planlens.render.views",
    "index_page": "planlens.render.site_pages",
    "lineage_href": "planlens.render.site_pages",
    "lineage_page": "planlens.render.lineage_report",
    "load_templates": "planlens.render.html",
    "markdown": "planlens.render.html",
    "picture": "planlens.render.alluvial",
    "plan_header": "planlens.render.views",
    "plan_href": "planlens.render.site_pages",
    "plan_page": "planlens.render.site_pages",
    "preview": "planlens.render.html",
    "redline": "planlens.render.docx_redline",
    "render": "planlens.render.html",
    "render_compare": "planlens.render.compare_report",
    "render_docx": "planlens.render.docx_redline",
    "render_lineage": "planlens.render.lineage_report",
    "search_index": "planlens.render.search",
}

__all__ = [
    "RELATION_COLOURS",
    "SEARCH_INDEX",
    "CompareLink",
    "ComparePage",
    "EchoLink",
    "IndexPage",
    "LineagePage",
    "PlanHeader",
    "PlanPage",
    "Redline",
    "RedlineSection",
    "Reported",
    "Row",
    "SourceLink",
    "anchor_id",
    "compare_href",
    "compare_links",
    "compare_page",
    "echo_links",
    "form_anchor",
    "index_page",
    "lineage_href",
    "lineage_page",
    "load_templates",
    "markdown",
    "picture",
    "plan_header",
    "plan_href",
    "plan_page",
    "preview",
    "redline",
    "render",
    "render_compare",
    "render_docx",
    "render_lineage",
    "search_index",
]


if not TYPE_CHECKING:  # mypy reads the imports above
    __getattr__, __dir__ = names_on_first_use("planlens.render", _HOMES, __all__, globals())
