"""What the benchmarks' reports share: figure formats, verdicts, the command, and RESULTS.md.

`bench/speed.py` writes the whole of `RESULTS` and `bench/report_scale.py` one section of it
(`write_section`); both print their figures with the formats here, so that a second, a ratio or a
verdict reads the same in every table. Standard library only: `bench/report_scale.py` imports this
in its worker processes before their clock starts.
"""

from __future__ import annotations

import shlex
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "RESULTS.md"


def seconds(value: float | str | None, timeout: float | None = None) -> str:
    """Return seconds with 3 decimals below 10 s and 1 above; a string (an error) as it is.

    >>> seconds(1.23456), seconds(61.94), seconds(None), seconds("timeout", 60.0)
    ('1.235', '61.9', '-', 'timeout (60 s)')
    """
    if value is None:
        return "-"
    if isinstance(value, str):
        return f"{value} ({timeout:.0f} s)" if value == "timeout" and timeout else value
    return f"{value:.3f}" if value < 10 else f"{value:.1f}"


def ms(value: float | None) -> str:
    """Return milliseconds rounded to whole ones, with thousands separators.

    >>> ms(1517.7), ms(None)
    ('1,518', '-')
    """
    return "-" if value is None else f"{value:,.0f}"


def mb(value: int | None) -> str:
    """Return a number of bytes in megabytes (10^6 bytes), 2 decimals.

    >>> mb(3_270_123), mb(None)
    ('3.27', '-')
    """
    return "-" if value is None else f"{value / 1e6:.2f}"


def speedup(other: float | str | None, ours: float | None, timeout: float | None = None) -> str:
    """Return `other / ours` as "12.3x"; a timeout after `timeout` s gives a lower bound.

    Above 1x, ours is faster (or smaller). A string other than "timeout" (an error) gives "-".

    >>> speedup(8.402, 2.201), speedup(0.032, 0.043), speedup("timeout", 1.5, 60.0)
    ('3.8x', '0.74x', '> 40x')
    >>> speedup(None, 1.0), speedup(1.0, None), speedup("ValueError: no", 1.0)
    ('-', '-', '-')
    """
    if not ours or other is None:
        return "-"
    if isinstance(other, str):
        return f"> {timeout / ours:.0f}x" if other == "timeout" and timeout else "-"
    ratio = other / ours
    return f"{ratio:.1f}x" if ratio >= 0.995 else f"{ratio:.2f}x"


def verdict(ok: bool | None) -> str:
    """Return the verdict on an acceptance target: None means it could not be measured.

    >>> verdict(True), verdict(False), verdict(None)
    ('MET', 'NOT MET', 'NO DATA')
    """
    return "NO DATA" if ok is None else ("MET" if ok else "NOT MET")


def median_of(values: Sequence[float | None]) -> float | None:
    """Return the median of the values that are there, None if none is.

    >>> median_of([3.0, None, 1.0, 2.0]), median_of([None])
    (2.0, None)
    """
    present = [v for v in values if v is not None]
    return float(statistics.median(present)) if present else None


def command_line(script: str, argv: Sequence[str]) -> str:
    """Return the command that ran `script` (a path from the project root) with `argv`.

    The interpreter is named relative to the project root when it is inside it (`.venv/...`).
    """
    python = Path(sys.executable)
    if python.is_relative_to(ROOT):
        python = python.relative_to(ROOT)
    return f"{python} {script}" + "".join(f" {shlex.quote(a)}" for a in argv)


def write_report(
    script: str, argv: Sequence[str] | None, doc: str, lines: Sequence[str], section: str
) -> None:
    """Write a benchmark's section of RESULTS: its heading, the command, the part of the
    script's docstring `doc` after its first two paragraphs, and its report `lines`."""
    command = command_line(script, list(argv if argv is not None else sys.argv[1:]))
    about = doc.split("\n\n", 2)[2].strip()
    write_section("\n".join([section, "", f"`{command}`", "", about, "", *lines]), section)
    print(f"wrote the section {section!r} of bench/RESULTS.md")


def write_section(text: str, section: str, path: Path = RESULTS) -> None:
    """Replace the section starting at the heading `section` in `path` up to the next "## "
    heading (or the end), or append it; keep everything else as it was."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    lines = old.splitlines(keepends=True)
    start = next((k for k, line in enumerate(lines) if line.rstrip() == section), None)
    body = text.rstrip("\n") + "\n"
    if start is None:
        head = old.rstrip("\n")
        new = (head + "\n\n" if head else "") + body
    else:
        end = next(
            (k for k in range(start + 1, len(lines)) if lines[k].startswith("## ")), len(lines)
        )
        before = "".join(lines[:start])
        after = "".join(lines[end:])
        new = before + body + ("\n" + after if after else "")
    path.write_text(new, encoding="utf-8")
