"""The optional libraries that some readers need, and the one message when one is missing.

Word documents, PDFs and web pages are read with libraries made for each format (python-docx,
pdfplumber, trafilatura; see the README for why each). They are heavy, so they are not
dependencies of planlens itself but of its `import` extra (`pip install 'planlens[import]'`).
`need` imports one of them where a reader first uses it, and turns a missing library into a
`PlanlensError` that names the extra, never a traceback.
"""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from planlens.errors import PlanlensError

#: The extra that brings the readers' libraries.
EXTRA = "import"

#: The Python package of each library a reader needs, by module name: for the message.
PACKAGES = {"docx": "python-docx", "pdfplumber": "pdfplumber", "trafilatura": "trafilatura"}


def need(module: str, reading: str) -> ModuleType:
    """Return the module `module`, imported; raise `PlanlensError` if it is not installed.

    `reading` completes "reading ... needs": what the library is for ("Word documents").

    >>> need("json", "JSON").__name__
    'json'
    """
    try:
        return importlib.import_module(module)
    except ImportError as err:
        package = PACKAGES.get(module, module.split(".")[0])
        if err.name != module and _installed(module):
            # Installed, but something it imports is not: say what, not "not installed".
            raise PlanlensError(
                f"reading {reading} needs {package}, which is installed but cannot be"
                f" imported: {err}; pip install --upgrade 'planlens[{EXTRA}]'"
            ) from None
        raise PlanlensError(
            f"reading {reading} needs {package}, which is not installed:"
            f" pip install 'planlens[{EXTRA}]'"
        ) from None


def _installed(module: str) -> bool:
    """Tell whether `module` is installed, whether or not it imports."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False
