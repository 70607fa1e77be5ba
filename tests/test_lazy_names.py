"""Packages whose names are imported on first use (`planlens.perf.names_on_first_use`)."""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import subprocess
import sys
import types

import pytest
from conftest import ROOT

LAZY = ("planlens.plan", "planlens.render", "planlens.site")


@pytest.mark.parametrize("package", LAZY)
def test_every_public_name_resolves_and_is_kept(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert vars(module)[name] is value
        assert not isinstance(value, types.ModuleType), name
    assert set(module.__all__) <= set(dir(module))


@pytest.mark.parametrize("package", LAZY)
def test_an_unknown_name_is_an_attribute_error(package: str) -> None:
    module = importlib.import_module(package)
    with pytest.raises(AttributeError, match=f"module '{package}' has no attribute 'nothing'"):
        module.nothing  # noqa: B018


@pytest.mark.parametrize(
    ("package", "name", "unloaded"),
    [
        ("planlens.site", "build_folder", "planlens.compare"),
        ("planlens.render", "render_compare", "planlens.render.docx_redline"),
        ("planlens.plan", "file_sha256", "yaml"),
    ],
)
def test_a_name_imports_only_its_module(package: str, name: str, unloaded: str) -> None:
    assert importlib.util.find_spec(unloaded) is not None  # a module that exists
    code = f"import sys; from {package} import {name}; print({unloaded!r} in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False", out.stderr


PACKAGES = sorted(
    info.name for info in pkgutil.walk_packages([str(ROOT / "planlens")], "planlens.") if info.ispkg
)


@pytest.mark.parametrize("package", ["planlens", *PACKAGES])
def test_a_public_name_is_no_module_once_every_module_is_imported(package: str) -> None:
    """Importing a submodule sets the package's attribute of its name to the module: a function
    of that name that a package exports on first use is then the module whenever the submodule
    was imported before the name was asked for (`from planlens.render import render_compare,
    compare_page` gave the module `compare_page` when the report's module had that name). A
    package that imports its modules itself binds the function after them."""
    code = (
        "import importlib, pkgutil, types\n"
        f"package = importlib.import_module({package!r})\n"
        "for info in pkgutil.iter_modules(package.__path__, package.__name__ + '.'):\n"
        "    if not info.name.endswith('.__main__'):  # that one runs the command line\n"
        "        importlib.import_module(info.name)\n"
        "print([n for n in getattr(package, '__all__', ())\n"
        "       if isinstance(getattr(package, n), types.ModuleType)])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stderr


@pytest.mark.parametrize("package", LAZY)
def test_names_asked_for_in_any_order_are_what_the_package_exports(package: str) -> None:
    module = importlib.import_module(package)
    code = (
        f"import sys, types; from {package} import {', '.join(reversed(module.__all__))}; "
        f"print([n for n in {module.__all__!r} if isinstance(globals()[n], types.ModuleType)])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]", out.stderr
