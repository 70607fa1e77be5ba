"""Progress bars on standard error for long work (`build`, `report`): click's own progress bar,
drawn only when stderr is a terminal and the work is big, and silent otherwise.

The library knows nothing of them: `build_site` calls back with the pages it is about to write
and then once per page (`PageProgress`), and `report` advances its bar between the library calls
it makes (`Stages`). click's `progressbar` is used because click is already the CLI's one
dependency and draws, sizes and clears the bar itself; it prints its label once when the stream
is not a terminal, so it is not even made then.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any, TextIO

import click

#: A build that writes more pages than this shows a bar (a few pages take well under a second).
MIN_PAGES = 5
#: A report whose two plans have at least this many clauses together, at every depth, shows a
#: bar: about a second of work (BGB, 2,408 and 2,527 clauses, takes 2 s; us-28 and
#: framework-20, 57 and 31, a fifth of one, most of it starting Python).
MIN_CLAUSES = 500


def terminal() -> TextIO | None:
    """Return standard error if it is a terminal, else None: progress is for people watching."""
    stream = sys.stderr
    try:
        return stream if stream.isatty() else None
    except (AttributeError, ValueError):  # no stream, or a closed one
        return None


class _Bar:
    """A click progress bar on a terminal, finished (its line ended) exactly once."""

    def __init__(self, stream: TextIO, length: int, label: str, **options: Any) -> None:
        self.bar: Any = click.progressbar(length=length, label=label, file=stream, **options)
        self.bar.__enter__()
        self.open = True

    def advance(self, steps: int = 1) -> None:
        """Move the bar on by `steps`, or, with 0, draw it again (its item may have changed)."""
        if not self.open:
            return
        if steps:
            self.bar.update(steps)
        else:
            self.bar.render_progress()

    def finish(self) -> None:
        if self.open:
            self.open = False
            self.bar.__exit__(None, None, None)


class PageProgress:
    """The `progress` callback of `build_site`: a bar of the pages being written, on a terminal,
    when there are more than `MIN_PAGES`.

    Used as a context manager, so that the bar's line is ended before an error is printed.
    """

    def __init__(self, label: str = "building") -> None:
        self.label = label
        self.bar: _Bar | None = None

    def __call__(self, paths: Sequence[str]) -> Callable[[str], None]:
        stream = terminal()
        if stream is None or len(paths) <= MIN_PAGES:
            return lambda _path: None
        bar = self.bar = _Bar(stream, len(paths), self.label)

        def tick(_path: str) -> None:
            bar.advance()
            if bar.bar.finished:
                bar.finish()

        return tick

    def __enter__(self) -> PageProgress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            self.bar.finish()


class Stages:
    """A bar of the named steps of one piece of work (compare, lay out, render, write), on a
    terminal, when `big`; the name of the step under way is shown beside the bar.

    `next(name)` starts a step, completing the one before; leaving the `with` block ends the
    bar's line, also on an error.
    """

    def __init__(self, label: str, steps: Sequence[str], *, big: bool) -> None:
        stream = terminal() if big else None
        self.now: str | None = None
        self.done = -1
        self.bar = (
            _Bar(
                stream,
                len(steps),
                label,
                show_eta=False,
                item_show_func=lambda _item: self.now,
            )
            if stream is not None
            else None
        )

    def next(self, name: str) -> None:
        self.now = name
        self.done += 1
        if self.bar is not None:
            self.bar.advance(1 if self.done else 0)

    def __enter__(self) -> Stages:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.bar is not None:
            if kind is None:
                self.now = None
                self.bar.advance()
            self.bar.finish()
