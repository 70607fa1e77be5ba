"""The optional libraries that some readers need, and the one message when one is missing.

Word documents, PDFs and web pages are read with libraries made for each format (python-docx,
pdfplumber, trafilatura; see the README for why each). They are heavy, so they are not
dependencies of planlens itself but of its `import` extra (`pip install 'planlens[import]'`).
`need` imports one of them where a reader first uses it, and turns a missing library into a
`PlanlensError` that names the extra, never a traceback.
"""

from __future__ import annotations

import importlib
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
    except ImportError:
        package = PACKAGES.get(module, module.split(".")[0])
        raise PlanlensError(
            f"reading {reading} needs {package}, which is not installed:"
            f" pip install 'planlens[{EXTRA}]'"
        ) from None
