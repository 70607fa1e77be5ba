"""JSON indented by two spaces, the text `json.dumps(data, ensure_ascii=False, indent=2)` gives.

With `indent`, the standard library writes JSON in Python, a generator per list and mapping:
for the diff of a large law (2.7 MB of JSON) that is 0.05 s of CPU, more than the rest of the
output. `indented_json` writes the same text from the same pieces (json's own C string
encoder, `int.__repr__`, `float.__repr__`) into one list, and leaves to `json.dumps` any data
with a value of another type (a subclass of str, a key that is not a string, NaN...), so
that its text is the standard library's in every case; `tests/test_output.py` compares them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

#: The types written here; a subclass (an enum, `Markup`) goes to `json.dumps`.
_SCALARS: dict[type, Callable[[Any], str]] = {
    str: encode_basestring,
    int: int.__repr__,
    bool: {True: "true", False: "false"}.__getitem__,
    type(None): lambda _: "null",
}


class _Other(Exception):
    """Raised by the writer on a value it leaves to `json.dumps`."""


def indented_json(data: Any) -> str:
    """Return `json.dumps(data, ensure_ascii=False, indent=2)`, written faster for plain data.

    >>> print(indented_json({"a": [1, 2.5, "x\\n"], "b": {}, "c": (), "d": None}))
    {
      "a": [
        1,
        2.5,
        "x\\n"
      ],
      "b": {},
      "c": [],
      "d": null
    }
    """
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except (_Other, RecursionError):  # json.dumps says what is wrong with a cycle
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(out)


def _write(value: Any, indent: str, out: list[str]) -> None:
    """Append the JSON of `value` to `out`, its lines after the first indented by `indent`."""
    kind = type(value)
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        out.append(scalar(value))
    elif kind is float:
        out.append(_float(value))
    elif kind is dict:
        if not value:
            out.append("{}")
            return
        inner = indent + "  "
        separator = "{" + inner
        for key, item in value.items():
            if type(key) is not str:
                raise _Other
            out.append(separator)
            out.append(encode_basestring(key))
            out.append(": ")
            if type(item) is str:
                out.append(encode_basestring(item))
            else:
                _write(item, inner, out)
            separator = "," + inner
        out.append(indent)
        out.append("}")
    elif kind is list or kind is tuple:
        if not value:
            out.append("[]")
            return
        inner = indent + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            if type(item) is str:
                out.append(encode_basestring(item))
            else:
                _write(item, inner, out)
            separator = "," + inner
        out.append(indent)
        out.append("]")
    else:
        raise _Other


def _float(value: float) -> str:
    """A finite float as JSON writes it; NaN and infinities go to `json.dumps`."""
    if value != value or value in (float("inf"), float("-inf")):
        raise _Other
    return float.__repr__(value)
