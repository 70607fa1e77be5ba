"""Turn view models into HTML: the one jinja2 environment, Markdown, and the inline assets.

Every string reaches a page through jinja2's autoescaping; the only markup made outside the
templates is Markdown rendered by markdown-it-py with raw HTML, images and non-http(s) links
disabled. Every value a template prints also passes `shown`, which turns control and invisible
formatting characters (a right-to-left override, ESC) into visible markers such as `⟦U+202E⟧`,
so none is ever applied. Each page inlines its CSS and script, allowed by a
Content-Security-Policy hash, so it loads nothing from the network.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from planlens._version import __version__
from planlens.perf import collector_paused
from planlens.plan.check_text import visible
from planlens.render.many_rows import row_lines
from planlens.render.precompiled import PrecompiledTemplates, store_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

#: The site's search index, below its root (written by `planlens.render.search`).
SEARCH_INDEX = "search-index.js"


def anchor_id(prefix: str, clause_id: str) -> str:
    """Return an HTML id for a clause: stable, and safe in a URL fragment.

    >>> anchor_id("new", "10.a"), anchor_id("old", "§ 5")
    ('new-10.a', 'old-_a7__20_5')
    """
    if not _NOT_IN_ID.search(clause_id):  # most ids: nothing to replace, no "_" to strip
        return f"{prefix}-{clause_id}"
    return f"{prefix}-" + _NOT_IN_ID.sub(lambda m: f"_{ord(m.group()):x}_", clause_id).rstrip("_")


#: The characters `anchor_id` writes as their code point between underscores.
_NOT_IN_ID = re.compile(r"[^A-Za-z0-9.-]")


@cache
def _markdown() -> MarkdownIt:
    """Return the one Markdown renderer: no raw HTML, no images, links to http(s) only.

    markdown-it is imported here, at the first text that needs it: most clause texts are plain
    paragraphs (`plain_paragraphs`), and a report of short plans may have none that is not.
    """
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = lambda url: _http(url)  # type: ignore[method-assign]
    # markdown-it does not call validateLink for an empty target ("[x]()"): drop such links
    # after parsing, keeping their text, so that no link but an http(s) one ever reaches a page.
    md.core.ruler.push("http_links_only", _drop_other_links)
    return md


def _http(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


def _drop_other_links(state: StateCore) -> None:
    for block in state.tokens:
        if block.type != "inline" or not block.children:
            continue
        kept: list[Token] = []
        dropped = 0
        for token in block.children:
            if token.type == "link_open" and not _http(str(token.attrGet("href") or "")):
                dropped += 1
                continue
            if token.type == "link_close" and dropped:
                dropped -= 1
                continue
            kept.append(token)
        block.children = kept


def markdown(text: str | None) -> Markup:
    """Render Markdown `text` to HTML that is safe to place in a page.

    >>> str(markdown("**bold** <script>x</script> [a](javascript:alert(1))"))
    '<p><strong>bold</strong> &lt;script&gt;x&lt;/script&gt; [a](javascript:alert(1))</p>\\n'
    """
    if not text:
        return Markup("")
    plain = plain_paragraphs(text)
    if plain is not None:
        return Markup(plain)
    return Markup(_markdown().render(text))  # markdown-it escapes; html is off


#: Characters with a meaning anywhere in a line of CommonMark (emphasis, code, links, escapes,
#: entities, HTML, autolinks) or that markdown-it rewrites (carriage returns, NUL).
_INLINE_SYNTAX = re.compile(r"[\\`*_\[\]<>&~!\r\x00]")
#: What may start a block other than a paragraph: lists (also numbered), headings, quotes, code
#: fences, thematic breaks and setext underlines.
_BLOCK_START = re.compile(r"^[-+*#>=_~`0-9]", re.MULTILINE)
#: White space other than a space or a line break (tabs, no-break spaces, line separators...).
_OTHER_SPACE = re.compile(r"[^\S \n]")


def plain_paragraphs(text: str) -> str | None:
    """Return what markdown-it renders for `text` if it is plain paragraphs, else None.

    Most clause texts are prose with no Markdown syntax: paragraphs separated by blank lines.
    Such a text renders as each paragraph in `<p>`, its lines joined by line breaks and `"`
    escaped, without running the parser (a large law has thousands of them). Anything that could
    mean more (see `_INLINE_SYNTAX`, `_BLOCK_START`, a line with white space at either end)
    returns None and goes to markdown-it; `tests/test_report.py` checks that the two agree.

    >>> plain_paragraphs('Der "Vertrag" gilt.\\nAuch hier.\\n\\n\\n(2) Weiter.')
    '<p>Der &quot;Vertrag&quot; gilt.\\nAuch hier.</p>\\n<p>(2) Weiter.</p>\\n'
    >>> plain_paragraphs("1. a list") is None, plain_paragraphs("*emphasis*") is None
    (True, True)
    """
    if _INLINE_SYNTAX.search(text) or _BLOCK_START.search(text):
        return None
    # `str.isprintable` refuses every white space but the space: a text printable once its line
    # breaks are spaces has no other white space, told without the slower `_OTHER_SPACE` scan.
    if not text.replace("\n", " ").isprintable() and _OTHER_SPACE.search(text):
        return None
    paragraphs: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        if not line:
            if lines:
                paragraphs.append("\n".join(lines))
                lines = []
            continue
        if line[0] == " " or line[-1] == " ":
            return None
        lines.append(line)
    if lines:
        paragraphs.append("\n".join(lines))
    return "".join(f"<p>{p}</p>\n" for p in paragraphs).replace('"', "&quot;")


def shown(value: Any) -> Any:
    """Return a value as a template prints it: hidden characters made visible markers.

    Applied by jinja2 to every `{{ ... }}` of every template, before escaping; a marker has no
    character that markup treats specially, so rendered Markdown stays `Markup`.

    >>> shown("600,000 \\u202e000,008\\u202c"), shown(Markup("<p>\\x1b</p>"))
    ('600,000 ⟦U+202E⟧000,008⟦U+202C⟧', Markup('<p>⟦U+001B⟧</p>'))
    """
    if isinstance(value, str) and value.isprintable():
        return value  # most values: nothing to make visible, as `visible` would find (a C loop)
    if isinstance(value, Markup):
        text = str(value)
        marked = visible(text)
        # Unchanged, as nearly always: the value itself, not a copy made again into Markup.
        return value if marked is text else Markup(marked)
    if isinstance(value, str):
        return visible(value)
    return value


def preview(text: str | None, width: int = 90) -> str:
    """Return the start of `text` on one line, for a collapsed unchanged clause.

    >>> preview("The parties   agree to everything said here.", 20)
    'The parties agree…'
    """
    text = text or ""
    # The start of a long text is enough: its words joined are the start of all the words
    # joined (the last word perhaps cut short), and when they are longer than `width` the cut
    # is the same. Clauses of a law run to pages; the rows show 90 characters.
    head = " ".join(text[: 4 * width].split())
    if len(head) > width:
        return head[:width].rsplit(" ", 1)[0] + "…"
    flat = " ".join(text.split()) if len(text) > 4 * width else head
    if len(flat) <= width:
        return flat
    return flat[:width].rsplit(" ", 1)[0] + "…"


@cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("planlens.render"),
        autoescape=jinja2.select_autoescape(["html"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=shown,
        bytecode_cache=PrecompiledTemplates(),
    )
    env.filters["markdown"] = markdown
    env.filters["preview"] = preview
    env.filters["anchor"] = anchor_id
    env.globals["row_lines"] = row_lines
    return env


def compiled_templates() -> str:
    """Return what `compiled-templates.json` holds for the templates as they are now
    (`planlens.render.precompiled`)."""
    return store_text(_environment())


def load_templates() -> None:
    """Compile every template, the assets and the Markdown renderer now, not at first use (a
    site build does, before it forks the processes that render its pages)."""
    env = _environment()
    for name in env.list_templates():
        env.get_template(name)
    for search in (False, True):
        for many in (False, True):
            _assets(search, many)
    _markdown()


@cache
def _assets(search: bool = False, many: bool = False) -> tuple[Markup, Markup, str]:
    """Return the inline CSS, the inline script and the Content-Security-Policy allowing them.

    With `search`, the policy also allows scripts from the page's own origin (`'self'`): the
    site's search index, `search-index.js`, which the search box loads from beside the page
    (`file://` pages can load a script, not fetch a file). Inline scripts still need the hash.
    With `many` (a report of more than `MANY_ROWS` rows), the CSS ends with `many.css`, which
    lets the browser skip the rows off screen; other pages do without it.
    """
    env = _environment()
    # Our own static files: trusted, and they must reach the page unescaped for their hashes
    # (and the browser) to see exactly these bytes.
    names = ("style.css", "many.css") if many else ("style.css",)
    css = Markup("".join(env.get_template(name).render() for name in names))
    js = Markup(env.get_template("script.js").render())
    own = "'self' " if search else ""
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha(css)}'; script-src {own}'{_sha(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return css, js, csp


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii"
    )


@collector_paused()  # a large law's page: many small objects, no cycles (planlens.perf)
def render(
    template: str, page: Any, *, lang: str | None = None, search: str | None = None, **extra: Any
) -> str:
    """Render `page` (a view model) with the named template; returns the whole HTML document.

    `lang` is the page's language (default: the page's own `lang`, else English). `search` is
    the path from the page to the site's root (`""`, `"../"`): a page of a site gets a search
    box over every version, which loads the site's index from there; a single report has none.
    """
    # A report of many rows (`ComparePage.many`) gets the CSS that lets the browser skip rows.
    css, js, csp = _assets(search is not None, getattr(page, "many", False) is True)
    lang = lang or getattr(page, "lang", None) or "en"
    return (
        _environment()
        .get_template(template)
        .render(
            page=page,
            css=css,
            js=js,
            csp=csp,
            version=__version__,
            lang=lang,
            search=search,
            search_index=SEARCH_INDEX,
            **extra,
        )
    )
