"""The templates compiled ahead of time (`planlens.render.precompiled`): used when they match,
ignored when they do not, and the committed file kept up to date."""

from __future__ import annotations

import json
from pathlib import Path

import jinja2
import pytest

from planlens.render import html
from planlens.render.precompiled import STORE, PrecompiledTemplates, settings, store_text


def _environment(templates: dict[str, str], store: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        autoescape=True,
        bytecode_cache=PrecompiledTemplates(store),
    )


def _no_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make jinja2's own compiling of a template fail, so only precompiled Python loads."""

    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("jinja2 compiled a template")

    monkeypatch.setattr(jinja2.Environment, "_generate", refuse)


def test_the_committed_file_is_up_to_date() -> None:
    committed = json.loads(STORE.read_text(encoding="utf-8"))
    if committed["settings"] != settings(html._environment()):
        pytest.skip(f"written with other settings or jinja2 than {jinja2.__version__}'s")
    assert STORE.read_text(encoding="utf-8") == html.compiled_templates(), (
        "a template changed: run `make templates`"
    )


def test_every_template_loads_without_compiling(monkeypatch: pytest.MonkeyPatch) -> None:
    env = html._environment()
    if json.loads(STORE.read_text(encoding="utf-8"))["settings"] != settings(env):
        pytest.skip(f"written with other settings or jinja2 than {jinja2.__version__}'s")
    fresh = env.overlay()  # the same settings, filters and store, with a cache of its own
    fresh.cache = {}
    _no_compiling(monkeypatch)
    for name in env.list_templates():
        loaded = fresh.get_template(name)
        assert loaded.filename is not None and loaded.filename.endswith(name)


def test_precompiled_code_is_what_jinja2_compiles(tmp_path: Path) -> None:
    templates = {"page.html": "<p>{{ text }}</p>{% for x in xs %}<i>{{ x }}</i>{% endfor %}"}
    store = tmp_path / "store.json"
    store.write_text(store_text(_environment(templates, store)), encoding="utf-8")
    env = _environment(templates, store)
    bucket = env.bytecode_cache.get_bucket(env, "page.html", None, templates["page.html"])  # type: ignore[union-attr]
    assert bucket.code == env.compile(templates["page.html"], "page.html", "page.html")
    page = env.get_template("page.html").render(text="<b>", xs=[1, 2])
    assert page == "<p>&lt;b&gt;</p><i>1</i><i>2</i>"


def test_a_changed_template_is_compiled_afresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = tmp_path / "store.json"
    store.write_text(store_text(_environment({"a.html": "old {{ x }}"}, store)), encoding="utf-8")
    assert _environment({"a.html": "new {{ x }}"}, store).get_template("a.html").render(x=1) == (
        "new 1"
    )
    _no_compiling(monkeypatch)
    assert _environment({"a.html": "old {{ x }}"}, store).get_template("a.html").render(x=1) == (
        "old 1"
    )


@pytest.mark.parametrize(
    "text",
    ["", "not json", "[]", '{"settings": "other", "templates": {}}', '{"templates": 5}'],
)
def test_a_store_that_does_not_fit_is_ignored(tmp_path: Path, text: str) -> None:
    store = tmp_path / "store.json"
    store.write_text(text, encoding="utf-8")
    env = _environment({"a.html": "{{ x }}!"}, store)
    assert env.get_template("a.html").render(x="<y>") == "&lt;y&gt;!"


def test_a_store_of_other_settings_is_ignored(tmp_path: Path) -> None:
    store = tmp_path / "store.json"
    templates = {"a.html": "  {% if x %}\n{{ x }}\n  {% endif %}\n"}
    store.write_text(store_text(_environment(templates, store)), encoding="utf-8")
    trimmed = jinja2.Environment(
        loader=jinja2.DictLoader(templates),
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=PrecompiledTemplates(store),
    )
    assert trimmed.get_template("a.html").render(x=1) == "1\n"


def test_a_missing_store_is_ignored(tmp_path: Path) -> None:
    env = _environment({"a.html": "{{ x }}"}, tmp_path / "none.json")
    assert env.get_template("a.html").render(x=2) == "2"
    assert not (tmp_path / "none.json").exists()  # nothing is ever written
