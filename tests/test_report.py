"""HTML reports: gold files, the Content-Security-Policy, escaping of hostile input, structure.

Gold files live in tests/gold/ (see tests/gold/README.md): on a mismatch the actual page is written
to tests/actual/ and the test fails with a unified diff; `make update-gold` rewrites them.

The HTML helpers here (`parse_html`, `Element`) are shared with tests/test_site.py.
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import itertools
import re
import sys
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from click.testing import CliRunner
from conftest import DATA, ROOT, fuzz_settings
from hypothesis import assume, example, given
from hypothesis import strategies as st

from planlens.cli import cli
from planlens.compare import compare
from planlens.compare.model import RELATIONS
from planlens.errors import PlanFileError
from planlens.plan.check_text import hidden_in, visible
from planlens.plan.load import load_plans, parse_plan
from planlens.plan.model import Clause, Plan, Source
from planlens.render import (
    anchor_id,
    compare_page,
    markdown,
    plan_page,
    preview,
    render,
    render_compare,
)
from planlens.site import build_site

GOLD = ROOT / "tests" / "gold"
ACTUAL = ROOT / "tests" / "actual"
REPORT_DATA = DATA / "report"
HOSTILE_DATA = DATA / "hostile"

# -- parsing pages -------------------------------------------------------------------------

VOID = frozenset(
    ("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr")
)


@dataclass
class Element:
    """An element of a parsed page: enough of a DOM to check structure without regexes."""

    tag: str
    attrs: dict[str, str]
    line: int
    parent: Element | None = None
    children: list[Element | str] = field(default_factory=list)

    def iter(self) -> Iterator[Element]:
        """Yield this element and every element below it, in document order."""
        yield self
        for child in self.children:
            if isinstance(child, Element):
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.iter()
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]

    def find(self, tag: str | None = None, cls: str | None = None) -> Element:
        found = self.find_all(tag, cls)
        assert found, f"no <{tag or '*'}{'.' + cls if cls else ''}> in <{self.tag}>"
        return found[0]

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def text(self) -> str:
        """Return the text inside, with character references decoded (what a reader sees)."""
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def ancestors(self) -> Iterator[Element]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {}, 0)
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = [name for name, _ in attrs]
        assert len(names) == len(set(names)), f"duplicate attribute in <{tag}> {attrs}"
        element = Element(tag, {k: v or "" for k, v in attrs}, self.getpos()[0], self.stack[-1])
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return
        raise AssertionError(f"line {self.getpos()[0]}: </{tag}> closes nothing")

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(html: str) -> Element:
    """Parse a page into a tree of `Element`s; the returned root is the document."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def is_safe_href(href: str) -> bool:
    """Tell whether `href` is an in-page fragment, a relative path or an http(s) address."""
    parts = urlsplit(href.strip())
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return not href.startswith("//") and ":" not in href.split("#")[0].split("/")[0]


def sha256_source(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def csp_directives(doc: Element) -> dict[str, list[str]]:
    metas = [
        m
        for m in doc.find_all("meta")
        if m.attrs.get("http-equiv", "").lower() == "content-security-policy"
    ]
    assert len(metas) == 1, "exactly one Content-Security-Policy <meta>"
    policy: dict[str, list[str]] = {}
    for directive in metas[0].attrs["content"].split(";"):
        name, *values = directive.split()
        assert name not in policy, f"directive {name} given twice"
        policy[name] = values
    return policy


# -- building the pages under test --------------------------------------------------------


def build(source: Path, out: Path) -> dict[str, str]:
    """Build the site for the plans in `source` into `out`; return {path: html} of its pages."""
    build_site(load_plans([source], closed=True), out)
    return {
        p.relative_to(out).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(out.rglob("*.html"))
    }


@pytest.fixture(scope="module")
def report_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build(REPORT_DATA, tmp_path_factory.mktemp("report-site"))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return build(HOSTILE_DATA, tmp_path_factory.mktemp("hostile-site"))


@pytest.fixture(scope="module")
def standalone(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The page `planlens report` writes on its own, outside a site."""
    out = tmp_path_factory.mktemp("standalone") / "report.html"
    result = CliRunner().invoke(
        cli, ["--plans", str(REPORT_DATA), "report", "report-v1", "report-v2", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def every_page(
    report_site: dict[str, str], hostile_site: dict[str, str], standalone: str
) -> dict[str, str]:
    pages = {f"report/{k}": v for k, v in report_site.items()}
    pages |= {f"hostile/{k}": v for k, v in hostile_site.items()}
    pages["standalone/report.html"] = standalone
    return pages


# -- gold files ----------------------------------------------------------------------------

GOLD_PAGES = (
    "compare/report-v1--report-v2.html",
    "compare/report-v2--report-v3.html",
    "plans/report-v2.html",
    "plans/report-v3.html",
)


def assert_gold(name: str, actual: str, update: bool) -> None:
    """Compare `actual` with the gold file `name`, or rewrite the gold file when `update`."""
    __tracebackhide__ = True
    gold = GOLD / name
    actual_path = ACTUAL / name
    if update:
        gold.parent.mkdir(parents=True, exist_ok=True)
        gold.write_text(actual, encoding="utf-8", newline="\n")
        actual_path.unlink(missing_ok=True)
        return
    expected = gold.read_text(encoding="utf-8") if gold.exists() else ""
    if actual == expected:
        actual_path.unlink(missing_ok=True)
        return
    actual_path.parent.mkdir(parents=True, exist_ok=True)
    actual_path.write_text(actual, encoding="utf-8", newline="\n")
    diff = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            f"tests/gold/{name}",
            f"tests/actual/{name}",
        )
    )
    shown = "".join(diff[:200]) + (
        f"\n... {len(diff) - 200} more diff lines" if len(diff) > 200 else ""
    )
    missing = "" if gold.exists() else " (there is no gold file yet)"
    pytest.fail(
        f"tests/gold/{name} differs from the output{missing}; the output is in "
        f"tests/actual/{name}. If the change is intended, run `make update-gold` and review "
        f"it with `git diff tests/gold` (see tests/gold/README.md).\n{shown}",
        pytrace=False,
    )


@pytest.mark.parametrize("name", GOLD_PAGES)
def test_gold(name: str, report_site: dict[str, str], update_gold: bool) -> None:
    assert_gold(f"site/{name}", report_site[name], update_gold)


def test_gold_inputs_cover_every_relation() -> None:
    # The gold pages are only worth their churn if they show every kind of change.
    plans = {p.id: p for p in load_plans([REPORT_DATA], closed=True)}
    changes = [
        change
        for old, new in (("report-v1", "report-v2"), ("report-v2", "report-v3"))
        for change in compare(plans[old], plans[new]).walk()
    ]
    assert {c.relation for c in changes} == set(RELATIONS)
    assert any(c.moved for c in changes)
    assert any(c.renumbered for c in changes)
    assert any(c.flags for c in changes)
    assert any(c.relation == "modified" and "." in c.new[0] for c in changes if c.new)
    assert plans["report-v3"].dropped and plans["report-v3"].completeness == "partial"


def test_markdown_is_rendered(report_site: dict[str, str]) -> None:
    plan = parse_html(report_site["plans/report-v2.html"])
    main_ = plan.find("main")
    assert [li.text() for li in main_.find("ul").find_all("li")] == [
        "points were renumbered after point 1;",
        "the frozen-assets point moved to the end.",
    ]
    assets = next(s for s in main_.find_all("section", "clause") if s.attrs["id"] == "clause-10")
    assert assets.find("em").text() == "Party A"
    assert assets.find("a").attrs["href"] == "https://example.org/annex"
    assert assets.find("div", "notes").find("strong").text() == "size"
    assert any(c.text() == "ten years" for c in main_.find_all("code"))
    v3 = parse_html(report_site["plans/report-v3.html"])
    autolinks = [a for a in v3.find("main").find_all("a") if a.text() == a.attrs["href"]]
    assert [a.attrs["href"] for a in autolinks] == ["https://example.org/news/third-draft"]
    # On the comparison, an unchanged clause is shown as rendered Markdown ...
    report = parse_html(report_site["compare/report-v1--report-v2.html"])
    same = [td for td in report.find_all("td", "same") if td.find_all("em")]
    assert same and same[0].find("a").attrs["href"] == "https://example.org/annex"
    # ... and a changed one as its source text, with the changed words marked (never
    # re-parsed, so diff markup and Markdown cannot mix).
    split = next(tr for tr in report.find_all("tr", "r-split"))
    assert split.find("td", "new").find_all("ins")


# -- the Content-Security-Policy and self-containment ------------------------------------


def test_csp_hashes_match_the_inline_style_and_script(every_page: dict[str, str]) -> None:
    for name, html in every_page.items():
        doc = parse_html(html)
        head = doc.find("head")
        styles, scripts = doc.find_all("style"), doc.find_all("script")
        assert len(styles) == 1 and len(scripts) == 1, name
        policy = csp_directives(doc)
        assert policy.get("default-src") == ["'none'"], name
        assert policy.get("style-src") == [sha256_source(styles[0].text())], name
        # A site's page also loads the search index beside it ('self'); a single report cannot.
        searchable = any(f.attrs.get("id") == "site-search" for f in doc.find_all("form"))
        own = ["'self'"] if searchable else []
        assert policy.get("script-src") == [*own, sha256_source(scripts[0].text())], name
        assert policy.get("base-uri") == ["'none'"] and policy.get("form-action") == ["'none'"]
        for values in policy.values():
            assert not {"'unsafe-inline'", "'unsafe-eval'", "*", "data:", "blob:"} & set(values)
        # The policy must come first: a <meta> policy covers only what follows it.
        csp_meta = next(m for m in head.find_all("meta") if "http-equiv" in m.attrs)
        assert csp_meta.line < styles[0].line < scripts[0].line, name
        assert styles[0].parent is head, name
        # Inline style attributes and event handlers would need 'unsafe-inline'.
        for element in doc.iter():
            assert "style" not in element.attrs, (name, element.tag, element.line)
            assert not [a for a in element.attrs if a.startswith("on")], (name, element.attrs)


def test_no_external_resources(every_page: dict[str, str]) -> None:
    for name, html in every_page.items():
        doc = parse_html(html)
        for element in doc.iter():
            assert element.tag not in ("link", "base", "img", "iframe", "object", "embed"), (
                name,
                element.tag,
            )
            for attr in ("src", "srcset", "poster", "data", "action", "xlink:href", "background"):
                assert attr not in element.attrs, (name, element.tag, attr)
            if "href" in element.attrs:
                assert element.tag == "a", (name, element.tag, element.attrs)
                assert is_safe_href(element.attrs["href"]), (name, element.attrs["href"])
        css = doc.find("style").text()
        assert "url(" not in css and "@import" not in css and "@font-face" not in css
        assert "fetch(" not in doc.find("script").text()
        assert "XMLHttpRequest" not in doc.find("script").text()


def test_external_links_are_only_sources_and_markdown(report_site: dict[str, str]) -> None:
    # Only http(s) links leave a page: cited sources and links written in Markdown.
    for name, html in report_site.items():
        for a in parse_html(html).find_all("a"):
            href = a.attrs["href"]
            if urlsplit(href).scheme:
                assert href.startswith("https://example.org/"), (name, href)


def test_is_safe_href() -> None:
    safe = ["#old-1", "../plans/a.html#clause-1", "a.html", "https://example.org/x"]
    unsafe = ["javascript:alert(1)", " JavaScript:x", "data:text/html,x", "//evil.example/x"]
    assert all(map(is_safe_href, safe)) and not any(map(is_safe_href, unsafe))


# -- hostile input -------------------------------------------------------------------------

EXECUTABLE_TAGS = ("script", "img", "svg", "iframe", "textarea", "object", "embed", "style")
#: The classes of the <svg> drawings planlens makes itself: the summary bar, the lineage flow.
OWN_SVG = {"bar", "lin-svg"}


def test_hostile_plans_load() -> None:
    # The fixture is only a test if the loader accepts it: every payload reaches the pages.
    plans = load_plans([HOSTILE_DATA], closed=True)
    assert [p.id for p in plans] == ["hostile-a", "hostile-b"]


def test_hostile_pages_render_inert(hostile_site: dict[str, str]) -> None:
    assert {
        "compare/hostile-a--hostile-b.html",
        "index.html",
        "plans/hostile-a.html",
        "plans/hostile-b.html",
    } <= set(hostile_site)
    for name, html in hostile_site.items():
        doc = parse_html(html)
        assert len(re.findall(r"<script", html, re.IGNORECASE)) == 1, name
        assert len(re.findall(r"<style", html, re.IGNORECASE)) == 1, name
        assert not re.search(r"<(img|iframe|textarea|b )", html, re.IGNORECASE), name
        for element in doc.iter():
            handlers = [a for a in element.attrs if a.startswith("on")]
            assert not handlers, (name, element.line, element.tag, element.attrs)
            href = element.attrs.get("href", "")
            assert is_safe_href(href), (name, element.line, href)
            assert not re.match(r"\s*(javascript|data|vbscript):", href, re.IGNORECASE)
            if element.tag in EXECUTABLE_TAGS:
                # Only planlens's own script and style, and its own drawings.
                own = element.tag in ("script", "style") or bool(OWN_SVG & set(element.classes))
                assert own, (name, element.line, element.tag)
        # The payloads are shown as text, not dropped: a reader can see what the plan says.
        assert "<script>alert(1)</script>" in doc.text(), name
    compare_doc = parse_html(hostile_site["compare/hostile-a--hostile-b.html"])
    shown = compare_doc.find("main").text()
    for payload in (
        "<script>window.__pwned = 'text'</script>",
        "<img src=x onerror=alert(1)>",
        '"><svg onload=alert(1)>',
        "</textarea><script>alert(1)</script>",
        "[added](javascript:alert(1))",
    ):
        assert payload in shown, payload
    title = compare_doc.find("title").text()
    assert title.startswith("<script>alert(1)</script><script>window.__pwned = 'title'</script>")


def test_hostile_markdown_links_are_not_links(hostile_site: dict[str, str]) -> None:
    doc = parse_html(hostile_site["plans/hostile-a.html"])
    notes = doc.find("main").find("section")
    assert notes.find("h2").text() == "Notes"
    hrefs = [a.attrs["href"] for a in notes.find_all("a")]
    # Of the notes' links only the http(s) ones became links (the image is a plain link).
    assert hrefs == ["https://example.org/x.png", "https://example.org/%22onmouseover=%22alert(1)"]
    for text in ("[plain](javascript:alert(1))", "[upper](JAVASCRIPT:alert(1))", "[vbs]"):
        assert text in notes.text()


BAD_URLS = (
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//example.org/no-scheme",
    "https:alert(1)",
    "http://exa mple.org/",
    "https://example.org/\njavascript:alert(1)",
)


def hostile_plan_text(where: str, url: str) -> str:
    quoted = '"' + url.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t") + '"'
    quoted = quoted.replace("\n", "\\n")
    plan_source = quoted if where == "plan" else '"https://example.org/ok"'
    clause_sources = f"\n    sources: [{{url: {quoted}}}]" if where == "clause" else ""
    dropped = (
        f"\ndropped:\n  - clause: other#1\n    source: {{url: {quoted}}}"
        if where == "dropped"
        else ""
    )
    return (
        "id: hostile-url\ntitle: Hostile url\ndate: 2025-11-20\nstatus: draft\n"
        f"completeness: full\nsources: [{{url: {plan_source}}}]\n"
        f'clauses:\n  - id: "1"\n    text: Fine.{clause_sources}{dropped}\n'
    )


@pytest.mark.parametrize("where", ["plan", "clause", "dropped"])
@pytest.mark.parametrize("url", BAD_URLS)
def test_loader_rejects_non_http_urls(where: str, url: str) -> None:
    with pytest.raises(PlanFileError) as info:
        parse_plan(hostile_plan_text(where, url), "hostile.yaml")
    assert "must be an http:// or https:// address" in str(info.value)


def test_loader_accepts_http_urls() -> None:
    # The counterpart of the test above: the same plan with a good address loads.
    for where in ("plan", "clause", "dropped"):
        plan = parse_plan(hostile_plan_text(where, "https://example.org/x?a=<b>"), "ok.yaml")
        assert plan.id == "hostile-url"


# -- escaping, as a property ---------------------------------------------------------------

MARKDOWN_TAGS = {
    "p": set(),
    "em": set(),
    "strong": set(),
    "code": {"class"},
    "pre": set(),
    "a": {"href", "title"},
    "ul": set(),
    "ol": {"start"},
    "li": set(),
    "blockquote": set(),
    "hr": set(),
    "br": set(),
    **{f"h{n}": set() for n in range(1, 7)},
}


def _plan(plan_id: str, text: str, **extra: object) -> Plan:
    return Plan(
        id=plan_id,
        title=plan_id,
        date="2025-11-20",
        status="draft",
        completeness="full",
        sources=(Source(url="https://example.org/"),),
        clauses=(Clause(id="1", number="1", text=text, **extra),),  # type: ignore[arg-type]
    )


def _assert_no_markup_but_ours(doc: Element) -> None:
    __tracebackhide__ = True
    assert len(doc.find_all("script")) == 1 and len(doc.find_all("style")) == 1
    for element in doc.iter():
        assert not [a for a in element.attrs if a.startswith("on")], element.attrs
        assert is_safe_href(element.attrs.get("href", "")), element.attrs


def _assert_markdown_only(cell: Element, *, skip: tuple[str, ...] = ()) -> None:
    """Assert that the children of `cell` (but those of class `skip`) are Markdown's markup."""
    __tracebackhide__ = True
    for child in cell.children:
        if isinstance(child, str) or set(child.classes) & set(skip):
            continue
        for element in child.iter():
            assert element.tag in MARKDOWN_TAGS, element.tag
            assert set(element.attrs) <= MARKDOWN_TAGS[element.tag], (element.tag, element.attrs)
            if element.tag == "a":
                assert element.attrs["href"].startswith(("http://", "https://"))


#: Pieces of markup, so that examples often hold what could become an element or a link.
PIECES = (
    "<",
    ">",
    "&",
    '"',
    "'",
    "`",
    "\n",
    "\n\n",
    "*",
    "_",
    "<script>",
    "</textarea>",
    "<img ",
    "onerror=",
    "[a](",
    ")",
    "](",
    "javascript:",
    "JavaScript&#58;",
    "http://x.org",
    "<https://x.org>",
    "[a](javascript:alert(1))",
    "[a](JAVASCRIPT:x)",
    "<javascript:x>",
    "[a](data:x)",
    "<b>",
    "&lt;",
    "&#60;",
    "<!--",
    "-->",
    "<![CDATA[",
    "    ",
    "```",
    "> ",
    "- ",
    "1. ",
)
TEXTS = st.text() | st.lists(st.sampled_from(PIECES) | st.text(max_size=4)).map("".join)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Derandomized, so that CI runs the same examples every time; the examples pinned below are
# cases a random run found only now and then (`make fuzz` runs it with random seeds).
@fuzz_settings(200)
@given(TEXTS)
@example("\u0f93")  # shown in NFC, as U+0F92 U+0FB7 (found by make fuzz)
@example("[]()")  # markdown-it skips its link check for an empty target: <a href="">
@example("[x]() and [y](javascript:alert(1))")
@example("[a]( )")
@example("[**b**]()\n\n[c](<>)")
@example("600,000 \u202e000,008\u202c")  # shown with markers, never applied
@example("\x1b]0;title\x07 \x1b]8;;https://x.org\x1b\\link\x1b]8;;\x1b\\")
def test_clause_text_never_becomes_markup(text: str) -> None:
    assume(text.strip())
    # Changed text is shown through the word diff: exactly the text, no element but del/ins;
    # hidden characters (controls, bidi overrides) as visible markers.
    new_text = text + " extra words"
    html = render_compare(compare_page(compare(_plan("a", text), _plan("b", new_text))))
    assert not hidden_in(html)
    doc = parse_html(html)
    _assert_no_markup_but_ours(doc)
    for side, expected in (("old", visible(text)), ("new", visible(new_text))):
        cells = [td.find("p", "text") for td in doc.find_all("td", side) if td.find_all("p")]
        # Texts are compared, and their word diff shown, in Unicode NFC: the same characters.
        assert [nfc(c.text()) for c in cells] == [nfc(expected)]
        assert {e.tag for c in cells for e in c.iter()} <= {"p", "del", "ins"}
    # Unchanged text is shown as Markdown: only Markdown's own elements, no raw HTML.
    doc = parse_html(render_compare(compare_page(compare(_plan("a", text), _plan("b", text)))))
    _assert_no_markup_but_ours(doc)
    (cell,) = doc.find_all("td", "same")
    # Collapsed to a one-line preview: plain text in the summary, Markdown in the body.
    (details,) = [c for c in cell.children if not isinstance(c, str) and c.tag == "details"]
    summary = details.find("summary")
    assert {(e.tag, tuple(e.classes)) for e in summary.iter()} <= {
        ("summary", ()),
        ("span", ("label",)),
        ("span", ("preview",)),
    }
    assert nfc(summary.find("span", "preview").text()) == nfc(visible(preview(text)))
    for child in details.children:
        if isinstance(child, str) or child is summary:
            continue
        for element in child.iter():
            assert element.tag in MARKDOWN_TAGS, element.tag
            assert set(element.attrs) <= MARKDOWN_TAGS[element.tag], (element.tag, element.attrs)
    # The plan page shows it as Markdown too, and as plain text where it is a title.
    one = _plan("a", text, title=text, notes=text)
    doc = parse_html(render("plan.html", plan_page(one, {"a"})))
    _assert_no_markup_but_ours(doc)
    section = doc.find("section", "clause")
    assert section.find("h3").text() == f"1. {visible(text)} "
    assert not section.find("h3").find_all("span")
    _assert_markdown_only(section, skip=("notes", "clause-tools"))
    _assert_markdown_only(section.find("div", "notes"))


# -- structure and accessibility -----------------------------------------------------------


def _headings(doc: Element) -> list[int]:
    return [int(e.tag[1]) for e in doc.iter() if re.fullmatch(r"h[1-6]", e.tag)]


@fuzz_settings(500)
@given(
    st.lists(st.sampled_from(["a", "bc", " ", "  ", "\n", "\n\n", "\t", "\xa0"])).map("".join),
    st.sampled_from([0, 1, 5, 20, 90]),
)
@example("word " * 30 + "\n" * 400 + "end", 90)  # the start alone is not long enough
@example(" " * 400 + "x" * 100, 90)
def test_preview_is_the_start_of_the_flat_text(text: str, width: int) -> None:
    # `preview` reads only the start of a long text: it must give what the whole text made
    # flat (its words joined by single spaces) gives, cut at a space before `width`.
    flat = " ".join(text.split())
    expected = flat if len(flat) <= width else flat[:width].rsplit(" ", 1)[0] + "…"
    assert preview(text, width) == expected


def test_structure_and_accessibility(every_page: dict[str, str]) -> None:
    for name, html in every_page.items():
        doc = parse_html(html)
        assert html.startswith("<!DOCTYPE html>\n"), name
        (root,) = doc.find_all("html")
        assert root.attrs.get("lang") == "en", name
        assert doc.find("meta").attrs == {"charset": "utf-8"}, name
        viewport = [m for m in doc.find_all("meta") if m.attrs.get("name") == "viewport"]
        assert viewport and "width=device-width" in viewport[0].attrs["content"], name
        # Landmarks: one of each, and the skip link leads to the main content.
        body = doc.find("body")
        tags = [e.tag for e in body.children if isinstance(e, Element)]
        # A site's page has its search form (role=search) after the skip link.
        if tags[1:2] == ["form"]:
            tags.pop(1)
        assert tags in (
            ["a", "header", "main", "footer", "script"],
            ["a", "header", "nav", "main", "footer", "script"],
        ), (name, tags)
        assert len(doc.find_all("main")) == 1 and doc.find("main").attrs["id"] == "main"
        assert doc.find("a", "skip").attrs["href"] == "#main", name
        assert len(doc.find_all("footer")) == 1, name
        # Headings: one h1, first, and no level skipped on the way down.
        levels = _headings(doc)
        assert levels[0] == 1 and levels.count(1) == 1, (name, levels)
        assert all(b <= a + 1 for a, b in itertools.pairwise(levels)), (name, levels)
        # Ids are unique.
        ids = [e.attrs["id"] for e in doc.iter() if "id" in e.attrs]
        assert len(ids) == len(set(ids)), (name, sorted(i for i in ids if ids.count(i) > 1))
        # Tables: a caption, and every header cell says what it heads.
        for table in doc.find_all("table"):
            assert table.find_all("caption"), (name, table.line)
            assert all(th.attrs.get("scope") in ("col", "row") for th in table.find_all("th"))
        # Form controls have labels; buttons say what they do.
        for control in [*doc.find_all("input"), *doc.find_all("select")]:
            labelled = any(a.tag == "label" for a in control.ancestors())
            assert labelled or "aria-label" in control.attrs, (name, control.attrs)
        for button in doc.find_all("button"):
            assert button.text().strip() and button.attrs.get("type") == "button", name
        for fieldset in doc.find_all("fieldset"):
            assert fieldset.find_all("legend"), name
        for svg in doc.find_all("svg"):
            # A picture of links is a group (links inside role=img are hidden from readers).
            role = "group" if svg.find_all("a") else "img"
            assert svg.attrs.get("role") == role and "aria-labelledby" in svg.attrs, name


def test_stylesheet_covers_dark_print_phone_and_focus(report_site: dict[str, str]) -> None:
    css = parse_html(report_site["index.html"]).find("style").text()
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert re.search(r"@media \(max-width: \d+(rem|px)\)", css)
    assert re.search(r":focus-visible\s*\{[^}]*outline:", css)
    # Without scripts the filters are hidden, since they could not work.
    assert ".no-js .js-only { display: none; }" in css


def test_compare_filters_match_the_rows(report_site: dict[str, str]) -> None:
    doc = parse_html(report_site["compare/report-v1--report-v2.html"])
    form = next(f for f in doc.find_all("form") if f.attrs.get("id") == "filters")
    assert "js-only" in form.classes
    boxes = [i.attrs["value"] for i in form.find_all("input") if i.attrs["name"] == "relation"]
    assert boxes == list(RELATIONS)
    rows = doc.find("table", "clauses").find("tbody").find_all("tr")
    assert {r.attrs["data-relation"] for r in rows} <= set(RELATIONS)
    topics = {t for r in rows for t in r.attrs.get("data-topics", "").split()}
    options = [o.attrs["value"] for o in form.find("select").find_all("option")]
    assert options == ["", *sorted(topics)]


def test_compare_page_links_to_the_index(report_site: dict[str, str]) -> None:
    doc = parse_html(report_site["compare/report-v1--report-v2.html"])
    kicker = doc.find("p", "kicker").find("a")
    assert kicker.attrs["href"] == "../index.html"


def test_weak_links_are_marked_check_this_with_their_confidence() -> None:
    plans = {p.id: p for p in load_plans([REPORT_DATA], closed=True)}
    diff = compare(plans["report-v1"], plans["report-v2"])
    paired = next(c for c in diff.walk() if c.old and c.new and c.matched_by == "order")
    weak = replace(paired, confidence=0.4)
    page = render_compare(compare_page(replace(diff, changes=(weak,))))
    assert '<span class="badge b-check">check this</span>' in page
    assert "confidence 0.40." in page
    sure = render_compare(compare_page(replace(diff, changes=(replace(paired, confidence=0.9),))))
    assert "b-check" not in sure.split("</style>", 1)[1]


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("[x]()", "<p>x</p>\n"),
        ("[x](<>)", "<p>[x](&lt;&gt;)</p>\n"),
        ("a [x]() and [y](https://y.org) z", '<p>a x and <a href="https://y.org">y</a> z</p>\n'),
        ("[x](mailto:a@b.org)", "<p>[x](mailto:a@b.org)</p>\n"),
    ],
)
def test_only_http_links_reach_a_page(text: str, html: str) -> None:
    assert str(markdown(text)) == html


# -- reported removals ----------------------------------------------------------------------


def test_reported_removal_is_on_the_comparison(report_site: dict[str, str]) -> None:
    doc = parse_html(report_site["compare/report-v2--report-v3.html"])
    assert "#reported" in [a.attrs["href"] for a in doc.find("nav", "toc").find_all("a")]
    item = doc.find("ul", "reported").find("li")
    assert item.find("a").attrs["href"] == "#old-2"
    assert "reported dropped in report-v3" in item.text()
    assert "The amnesty point was reported as removed." in item.text()
    assert "https://example.org/news/amnesty" in [a.attrs["href"] for a in item.find_all("a")]
    # The row of the removed clause carries the report too.
    row = next(
        tr
        for tr in doc.find_all("tr", "row")
        if any(e.attrs.get("id") == "old-2" for e in tr.iter())
    )
    assert row.attrs["data-relation"] == "removed"
    report = row.find("p", "report")
    assert "The amnesty point was reported as removed." in report.text()
    assert report.find("a").attrs["href"] == "https://example.org/news/amnesty"
    # Only that row: no other row has a report.
    assert len(doc.find_all("p", "report")) == 1
    # A comparison whose versions report nothing has no such section.
    assert 'id="reported"' not in report_site["compare/report-v1--report-v2.html"]


def test_reported_removals_of_the_versions_between() -> None:
    plans = {p.id: p for p in load_plans([REPORT_DATA], closed=True)}
    v1, v3 = plans["report-v1"], plans["report-v3"]
    diff = compare(v1, v3, corpus=plans.values())
    # Without a corpus: the new version's own reports. report-v3 names report-v2#2, a clause
    # report-v1 does not have, so it has no row here, and no page to link to.
    page = compare_page(diff)
    assert [(r.label, r.version, r.href, r.old_id) for r in page.reported] == [
        ("report-v2#2", "report-v3", "", "")
    ]
    assert page.between == ()
    assert not any(row.reports for row in page.rows)
    # With the corpus: report-v2 lies between, and plan pages are linked where there are any.
    linked = compare_page(diff, corpus=plans.values(), plan_href=lambda pid: f"../plans/{pid}.html")
    assert linked.between == (("report-v2", "../plans/report-v2.html"),)
    assert [r.href for r in linked.reported] == ["../plans/report-v2.html#clause-2"]
    html = render_compare(linked)
    assert 'Between them: <a href="../plans/report-v2.html">report-v2</a>.' in html
    # No reports at all: no section.
    bare = replace(v3, dropped=())
    assert 'id="reported"' not in render_compare(compare_page(compare(v1, bare)))


def test_standalone_report_shows_removals_reported_between(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    args = ["--plans", str(ROOT / "plans"), "report", "us-28", "framework-20", "-o", str(out)]
    result = CliRunner().invoke(cli, args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"wrote {out}\n")
    doc = parse_html(out.read_text("utf-8"))
    assert "Between them: geneva-19." in " ".join(doc.find("p", "between").text().split())
    items = [li.text() for li in doc.find("ul", "reported").find_all("li")]
    assert any("reported dropped in geneva-19" in t and "amnesty" in t for t in items)
    assert any("reported dropped in framework-20" in t for t in items)


# -- Markdown without the parser ----------------------------------------------------------------

#: Pieces that are, or are next to, Markdown syntax at a line's start, inside it, or as space.
MARKDOWN_PIECES = (
    *"abc(§):.,;?'\"|/%$@{}",
    *"-+*#>=_~`0123456789",
    *"\\[]<>&!",
    *" \n\n\t\r\x00\u00a0\u2028\u3000\x0b\x0c\x85",
    "ä",
    "1. ",
    "1) ",
    "- ",
    "---",
    "===",
    "    ",
    "  \n",
    "&amp;",
    "[x]: http://a.b",
)
MARKDOWN_TEXTS = (
    st.text()
    | st.lists(st.sampled_from(MARKDOWN_PIECES), max_size=30).map("".join)
    | st.lists(st.sampled_from((*MARKDOWN_PIECES[:21], " ", "\n")), max_size=40).map("".join)
    # Prose with, now and then, what starts a block: most texts are near the shortcut's edge.
    | st.lists(
        st.sampled_from(("a", "b c", " ", "\n", "\n\n", "(1)", '"', *MARKDOWN_PIECES[21:40])),
        max_size=20,
    ).map("".join)
)


@fuzz_settings(500)
@given(MARKDOWN_TEXTS)
@example('Der "Vertrag"\ngilt.\n\n\n(2) Weiter.\n')
@example("a\n \nb")  # a line of one space is blank to markdown-it: the parser decides
@example("a\n===")  # a setext heading
@example("a\n1) b")  # a list that interrupts a paragraph
@example("- a\n\n# b\n\n> c\n\n```\nd\n```")
def test_plain_paragraphs_render_as_markdown_it_does(text: str) -> None:
    """The shortcut for plain paragraphs gives markdown-it's HTML, byte for byte, or declines."""
    from planlens.render.html import _markdown, plain_paragraphs

    fast = plain_paragraphs(text)
    if fast is not None:
        assert fast == _markdown().render(text)


def test_plain_paragraphs_take_the_real_texts() -> None:
    """Every clause text of our plans renders the same, and the shortcut takes most of them."""
    from planlens.render.html import _markdown, plain_paragraphs

    texts = [c.text for plan in load_plans([ROOT / "plans"]) for c in plan.walk() if c.text]
    fast = [(text, plain_paragraphs(text)) for text in texts]
    assert all(html == _markdown().render(text) for text, html in fast if html is not None)
    assert sum(html is not None for _, html in fast) > len(texts) / 2


def test_only_the_space_is_printable_white_space() -> None:
    # `plain_paragraphs` skips its scan for white space other than spaces and line breaks when
    # the text is printable with its line breaks made spaces: no such white space may be.
    from planlens.render.html import _OTHER_SPACE, plain_paragraphs

    printable_space = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if _OTHER_SPACE.match(c) and c.replace("\n", " ").isprintable()
    ]
    assert printable_space == []
    # And a text with such white space (a no-break space) still goes to markdown-it.
    assert plain_paragraphs("Art.\xa01 gilt.") is None
    assert plain_paragraphs("Art. 1 gilt.") == "<p>Art. 1 gilt.</p>\n"


def test_a_report_is_laid_out_and_rendered_with_the_collector_paused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A large law's page is hundreds of thousands of small objects and no cycles.
    import gc
    import importlib

    from planlens.render import html

    page_module = importlib.import_module("planlens.render.compare_report")

    seen: list[tuple[str, bool]] = []
    real_rows, real_assets = page_module._rows, html._assets

    def rows(*args: object) -> object:
        seen.append(("lay out", gc.isenabled()))
        return real_rows(*args)  # type: ignore[arg-type]

    def assets(*args: object) -> object:
        seen.append(("render", gc.isenabled()))
        return real_assets(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(page_module, "_rows", rows)
    monkeypatch.setattr(html, "_assets", assets)
    plans = load_plans([ROOT / "plans"])
    assert gc.isenabled()
    render_compare(compare_page(compare(plans[0], plans[1])))
    assert seen == [("lay out", False), ("render", False)]
    assert gc.isenabled()


def whole_text_preview(text: str | None, width: int = 90) -> str:
    """`preview` as it was, flattening the whole text: what the one that reads the start gives."""
    flat = " ".join((text or "").split())
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0] + "…"


@fuzz_settings(500)
@given(
    st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u2028xyz"), max_size=120),
    st.integers(min_value=1, max_value=30),
)
@example("a" * 400 + " b", 90)
@example(" " * 400 + "word", 90)
@example("word " * 18 + "x" * 300, 90)
def test_the_preview_reads_the_start_of_a_text_as_the_whole_text_gives(
    text: str, width: int
) -> None:
    assert preview(text, width) == whole_text_preview(text, width)


def test_the_clause_table_writes_badges_and_clause_tools_as_the_macros_do() -> None:
    # compare.html writes them out in its row loop (a macro call per row costs more than the
    # rest of the row); every row's cell must hold what `badge` and `clause_tools` write.
    from planlens.render.html import _environment

    macros = _environment().get_template("_macros.html").module
    plans = {p.id: p for p in load_plans([REPORT_DATA, HOSTILE_DATA], closed=False)}
    pairs = [("report-v1", "report-v2"), ("report-v2", "report-v3")]
    pairs += [(a, b) for a, b in itertools.pairwise(sorted(plans)) if "report" not in a + b]
    checked = 0
    for old, new in pairs:
        diff = compare(plans[old], plans[new])
        weak = tuple(replace(c, confidence=0.4) for c in diff.changes)  # "check this" badges
        for one in (diff, replace(diff, changes=weak)):
            page = compare_page(one)
            html = render_compare(page)
            for row in page.rows:
                if row.kind == "ghost":
                    continue
                badges = "".join(f"{macros.badge(b)} " for b in row.badges)
                name = row.new_label or row.old_label
                tools = macros.clause_tools(row.permalink, name, row.cites)
                assert visible(f'<td class="what">{badges}') in html
                assert visible(str(tools)) in html
                checked += bool(tools) and "check" in row.badges
    assert checked


@pytest.mark.parametrize(
    "clause_id", ["", "7", "10.a", "A-b.9", "_", "a_", "§ 5", "ä", "x y_", "1\u202e"]
)
def test_an_anchor_is_the_id_with_every_other_character_written_out(clause_id: str) -> None:
    written = re.sub(r"[^A-Za-z0-9.-]", lambda m: f"_{ord(m.group()):x}_", clause_id)
    assert anchor_id("new", clause_id) == f"new-{written}".rstrip("_")
