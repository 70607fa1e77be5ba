"""The house rules of the code's layout, checked so that the layout stays as the README says.

Packages follow the data flow, and a module never imports one later in it:

    foundation (errors, perf, _version) -> plan -> importers -> compare -> lineage -> render
    -> write (and the caches) -> site -> cli

Inside a package, modules import each other by full module path, never through the package's
own `__init__` (which re-exports for the packages after it). Third-party libraries stay in the
layer that owns their job: YAML in `plan`, jinja2 and Markdown in `render`, click in `cli`. No
module grows past 500 lines.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "planlens"

#: The layers in flow order; a module may import its own layer and the layers before it.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("planlens._version", "planlens.errors", "planlens.perf"),
    ("planlens.plan",),
    ("planlens.importers",),
    ("planlens.compare",),
    ("planlens.lineage",),
    ("planlens.render",),
    ("planlens.write", "planlens.cache", "planlens.text_cache"),
    ("planlens.site",),
    ("planlens.cli",),
)

#: The facade: the public API and `python -m planlens` may import anything.
FACADE = ("planlens", "planlens.__main__")

#: Third-party libraries and the only layers that may import them.
OWNERS: dict[str, tuple[str, ...]] = {
    "yaml": ("planlens.plan",),
    "jinja2": ("planlens.render",),
    "markdown_it": ("planlens.render",),
    "markupsafe": ("planlens.render",),
    "click": ("planlens.cli",),
}

MAX_LINES = 500


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    target: str  # the imported module (or package), absolute
    names: tuple[str, ...]  # names imported from it ("from X import a, b"); empty for "import X"
    line: int

    def __str__(self) -> str:
        names = f" ({', '.join(self.names)})" if self.names else ""
        return f"{self.module}:{self.line} imports {self.target}{names}"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path, root: Path) -> list[Import]:
    """Every import in the file, top level or inside a function (lazy imports count too)."""
    module = module_name(path, root)
    is_package = path.name == "__init__.py"
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, (), node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            target = node.module or ""
            if node.level:  # relative: resolve against the importing module's package
                base = module.split(".") if is_package else module.split(".")[:-1]
                base = base[: len(base) - node.level + 1]
                target = ".".join([*base, target] if target else base)
            names = tuple(alias.name for alias in node.names)
            found.append(Import(module, target, names, node.lineno))
    return found


def layer_of(module: str) -> int | None:
    for index, layer in enumerate(LAYERS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in layer):
            return index
    return None


def package_of(module: str) -> str:
    """The top-level part a module belongs to: `planlens.compare.align` -> `planlens.compare`."""
    return ".".join(module.split(".")[:2])


def violations(root: Path) -> list[str]:
    """Return every broken layout rule in the package at `root`, one line each."""
    problems = []
    for path in sorted(root.rglob("*.py")):
        module = module_name(path, root)
        if module not in FACADE and layer_of(module) is None:
            problems.append(f"{module}: in no layer; add it to LAYERS in tests/test_layout.py")
            continue
        for imp in imports_of(path, root):
            problems += _check_import(imp)
    return problems


def _check_import(imp: Import) -> list[str]:
    top = imp.target.split(".")[0]
    if top in OWNERS and imp.module not in FACADE:
        owners = OWNERS[top]
        if layer_of(imp.module) not in {layer_of(owner) for owner in owners}:
            return [f"{imp}: {top} belongs to {', '.join(owners)}"]
        return []
    if top != "planlens" or imp.module in FACADE:
        return []
    if imp.target == "planlens":
        return [f"{imp}: import from the module that defines it, not the planlens facade"]
    source, target = layer_of(imp.module), layer_of(imp.target)
    if target is None:
        return [f"{imp}: {imp.target} is in no layer"]
    assert source is not None
    if target > source:
        return [f"{imp}: {package_of(imp.target)} comes later in the flow than {imp.module}"]
    own = package_of(imp.module)
    if imp.target == own and imp.module.startswith(own + "."):
        return [f"{imp}: inside {own}, import the sibling module, not the package"]
    return []


def test_the_package_keeps_its_layers() -> None:
    assert violations(PACKAGE) == []


def test_every_layer_exists() -> None:
    # A layer named here but gone from the code would make the rules above silently weaker.
    for layer in LAYERS:
        for name in layer:
            relative = Path(*name.split(".")[1:])
            assert (PACKAGE / relative).is_dir() or (PACKAGE / relative).with_suffix(
                ".py"
            ).is_file(), name


def write_module(root: Path, name: str, text: str) -> None:
    path = root.parent.joinpath(*name.split(".")).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    for parent in path.parents:
        if parent == root.parent:
            break
        (parent / "__init__.py").touch()
    path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("module", "text", "expected"),
    [
        (
            "planlens.plan.model",
            "from planlens.render.html import render\n",
            "planlens.plan.model:1 imports planlens.render.html (render): planlens.render comes "
            "later in the flow than planlens.plan.model",
        ),
        (
            "planlens.compare.align",
            "def f():\n    import planlens.site.build\n",
            "planlens.compare.align:2 imports planlens.site.build: planlens.site comes later in "
            "the flow than planlens.compare.align",
        ),
        (
            "planlens.lineage.blame",
            "from ..cli import main\n",
            "planlens.lineage.blame:1 imports planlens.cli (main): planlens.cli comes later in "
            "the flow than planlens.lineage.blame",
        ),
        (
            "planlens.compare.diff",
            "from planlens.compare import align\n",
            "planlens.compare.diff:1 imports planlens.compare (align): inside planlens.compare, "
            "import the sibling module, not the package",
        ),
        (
            "planlens.compare.diff",
            "import jinja2\n",
            "planlens.compare.diff:1 imports jinja2: jinja2 belongs to planlens.render",
        ),
        (
            "planlens.render.html",
            "from planlens import __version__\n",
            "planlens.render.html:1 imports planlens (__version__): import from the module that "
            "defines it, not the planlens facade",
        ),
        ("planlens.newthing", "x = 1\n", "planlens.newthing: in no layer"),
    ],
)
def test_a_back_import_is_caught(tmp_path: Path, module: str, text: str, expected: str) -> None:
    root = tmp_path / "planlens"
    root.mkdir()
    (root / "__init__.py").write_text("from planlens.cli import main\n", encoding="utf-8")
    write_module(root, "planlens.cli", "import click\nfrom planlens.plan import load\n")
    write_module(root, "planlens.plan.load", "import yaml\nfrom planlens.errors import E\n")
    assert violations(root) == []  # the facade and forward imports are fine
    write_module(root, module, text)
    found = violations(root)
    assert len(found) == 1
    assert found[0].startswith(expected)


def test_no_module_is_too_long() -> None:
    long = {
        str(path.relative_to(ROOT)): lines
        for path in PACKAGE.rglob("*.py")
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_package_says_what_it_holds_and_may_import() -> None:
    for init in sorted(PACKAGE.glob("*/__init__.py")):
        doc = ast.get_docstring(ast.parse(init.read_text("utf-8"))) or ""
        assert "May import" in doc, init
        for module in sorted(init.parent.glob("*.py")):
            if module.name != "__init__.py":
                assert f"`{module.stem}`" in doc, f"{init} does not mention {module.stem}"
