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
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from planlens._version import __version__
from planlens.plan.check_text import visible


def anchor_id(prefix: str, clause_id: str) -> str:
    """Return an HTML id for a clause: stable, and safe in a URL fragment.

    >>> anchor_id("new", "10.a"), anchor_id("old", "§ 5")
    ('new-10.a', 'old-_a7__20_5')
    """
    return f"{prefix}-" + re.sub(
        r"[^A-Za-z0-9.-]", lambda m: f"_{ord(m.group()):x}_", clause_id
    ).rstrip("_")


def _link_allowed(url: str) -> bool:
    return url.strip().lower().startswith(("http://", "https://"))


@cache
def _markdown() -> MarkdownIt:
    """Return the one Markdown renderer: no raw HTML, no images, links to http(s) only."""
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable("image")
    md.validateLink = _link_allowed  # type: ignore[method-assign]
    md.core.ruler.push("planlens_links", _unlink_refused)
    return md


def _unlink_refused(state: Any) -> None:
    """Turn every link whose target is refused back into its text, as `[x]()`.

    markdown-it checks a link's target with `validateLink`, except an empty one: `[x]()` would
    become `<a href="">`, a link to the page itself. This rule, run after inline parsing,
    catches that case and any other link past the check.
    """
    for block in state.tokens:
        for index, token in enumerate(block.children or ()):
            if token.type == "link_open" and not _link_allowed(str(token.attrGet("href") or "")):
                href = str(token.attrGet("href") or "")
                token.type, token.tag, token.nesting, token.content = "text", "", 0, "["
                token.attrs = {}
                close = next(t for t in block.children[index:] if t.type == "link_close")
                close.type, close.tag, close.nesting = "text", "", 0
                close.content = f"]({href})"


def markdown(text: str | None) -> Markup:
    """Render Markdown `text` to HTML that is safe to place in a page.

    >>> str(markdown("**bold** <script>x</script> [a](javascript:alert(1))"))
    '<p><strong>bold</strong> &lt;script&gt;x&lt;/script&gt; [a](javascript:alert(1))</p>\\n'
    """
    if not text:
        return Markup("")
    return Markup(_markdown().render(text))  # markdown-it escapes; html is off


def shown(value: Any) -> Any:
    """Return a value as a template prints it: hidden characters made visible markers.

    Applied by jinja2 to every `{{ ... }}` of every template, before escaping; a marker has no
    character that markup treats specially, so rendered Markdown stays `Markup`.

    >>> shown("600,000 \\u202e000,008\\u202c"), shown(Markup("<p>\\x1b</p>"))
    ('600,000 ⟦U+202E⟧000,008⟦U+202C⟧', Markup('<p>⟦U+001B⟧</p>'))
    """
    if isinstance(value, Markup):
        return Markup(visible(str(value)))
    if isinstance(value, str):
        return visible(value)
    return value


def preview(text: str | None, width: int = 90) -> str:
    """Return the start of `text` on one line, for a collapsed unchanged clause.

    >>> preview("The parties   agree to everything said here.", 20)
    'The parties agree…'
    """
    flat = " ".join((text or "").split())
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
    )
    env.filters["markdown"] = markdown
    env.filters["preview"] = preview
    env.filters["anchor"] = anchor_id
    return env


@cache
def _assets() -> tuple[Markup, Markup, str]:
    """Return the inline CSS, the inline script and the Content-Security-Policy allowing them."""
    env = _environment()
    # Our own static files: trusted, and they must reach the page unescaped for their hashes
    # (and the browser) to see exactly these bytes.
    css = Markup(env.get_template("style.css").render())
    js = Markup(env.get_template("script.js").render())
    csp = (
        "default-src 'none'; "
        f"style-src '{_sha(css)}'; script-src '{_sha(js)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return css, js, csp


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode(
        "ascii"
    )


def render(template: str, page: Any, *, lang: str | None = None, **extra: Any) -> str:
    """Render `page` (a view model) with the named template; returns the whole HTML document.

    `lang` is the page's language (default: the page's own `lang`, else English).
    """
    css, js, csp = _assets()
    lang = lang or getattr(page, "lang", None) or "en"
    return (
        _environment()
        .get_template(template)
        .render(page=page, css=css, js=js, csp=csp, version=__version__, lang=lang, **extra)
    )
