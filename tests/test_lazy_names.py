"""Packages whose names are imported on first use (`planlens.perf.names_on_first_use`)."""

from __future__ import annotations

import importlib
import importlib.util
import subprocess
import sys

import pytest
from conftest import ROOT

LAZY = ("planlens.plan", "planlens.render", "planlens.site")


@pytest.mark.parametrize("package", LAZY)
def test_every_public_name_resolves_and_is_kept(package: str) -> None:
    module = importlib.import_module(package)
    for name in module.__all__:
        value = getattr(module, name)
        assert vars(module)[name] is value
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
