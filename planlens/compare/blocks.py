"""A long alternation scanned in blocks of its alternatives, each behind its own guard.

A guard (`guards`) tests a whole pattern: one of its words in a text and the pattern runs, all
of its alternatives at every place a match could begin. The deadlines, the condition markers
and the negators are long alternations of words of both languages, and on a law's text a
common word of one alternative ("bis", "wenn", "nicht") lets all of them run. `Blocks` cuts
the alternation into runs of consecutive alternatives (`alternatives`), each compiled alone
with a guard of its own. A text the whole pattern's guard passes runs only the blocks whose
guards pass it, and their matches are merged as the whole pattern would have found them:

- where a match could begin, the whole pattern tries its alternatives in order, so the match
  there is that of the first block matching there (each block keeps its alternatives' order);
- `finditer` takes the leftmost match, then goes on from its end: the merge takes the leftmost
  of the blocks' next matches from that point, the first block's on a tie.

A block searched from a point sees the text before it (its look-behinds), as the whole pattern
does going on from a match. The same matches, in the same order, with the same spans: only
scans that could find nothing are left out. A match that is empty (none of the patterns here
has one) hands the rest of the text to the whole pattern, which goes on from it as `finditer`
does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import planlens.compare.patterns as rx
from planlens.compare.guards import (
    WARMUP,
    Guarded,
    guarded,
    profile,
    quick,
    strings_wanted,
)


def alternatives(pattern: str) -> list[str]:
    """Return the alternatives of `pattern` at its top level: split at each `|` outside any
    group and character class (escapes skipped).

    >>> alternatives(r"a\\|b|(?:c|d)|[|]x|e")
    ['a\\\\|b', '(?:c|d)', '[|]x', 'e']
    """
    parts: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            # A "]" first in the class (after a "^") is a character of it.
            skip = 2 if pattern.startswith("]", i + 1) else 1
            i += 3 if pattern.startswith("^]", i + 1) else skip
            continue
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
        i += 1
    parts.append(pattern[start:])
    return parts


#: Every `Blocks` made in this process, by its pattern and block size: `make patterns` compiles
#: their blocks and stores their programs.
made: dict[tuple[str, int, int], Blocks] = {}


class Blocks:
    """A pattern made by `compile` from an alternation, scanned in blocks of `size` of its
    alternatives: the matches of the whole pattern, from the blocks a text may match.

    The blocks are compiled on first use after the whole pattern has scanned `warmup`
    characters, as a guard reads its pattern (`guards.WARMUP`): a small comparison scans with
    the whole pattern and compiles no block.
    """

    __slots__ = (
        "_blocks",
        "_compile",
        "_size",
        "_source",
        "_tests",
        "_untested",
        "_whole",
        "pattern",
    )

    def __init__(
        self,
        source: str,
        compile: Callable[[str], re.Pattern[str]],
        size: int,
        warmup: int = WARMUP,
    ) -> None:
        self._source, self._compile, self._size = source, compile, size
        self.pattern = compile(source)
        self._whole = guarded(self.pattern, warmup)
        self._blocks: tuple[Guarded, ...] | None = None
        self._tests: _Tests | None = None
        self._untested = warmup
        made[self.pattern.pattern, self.pattern.flags, size] = self

    @property
    def blocks(self) -> tuple[Guarded, ...]:
        """The guarded blocks, compiled on first use."""
        if self._blocks is None:
            rx.open_blocks()  # their programs are stored apart
            parts, size = alternatives(self._source), self._size
            self._blocks = tuple(
                guarded(self._compile("|".join(parts[k : k + size])))
                for k in range(0, len(parts), size)
            )
        return self._blocks

    def possible(self, text: str) -> bool:
        """Tell whether the pattern may match `text` (False: it certainly does not)."""
        return self._whole.possible(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Return the matches of the whole pattern in `text`, as its `finditer` finds them."""
        if not self._whole.possible(text):
            return iter(())
        if self._untested > 0:
            self._untested -= len(text)
            return self._whole.scan.finditer(text)
        if self._tests is None:
            self._tests = _Tests(self.blocks)
        scans = self._tests.scans(text)
        if len(scans) == 1:
            return scans[0].finditer(text)  # no other block matches: its matches are all
        return self._merged(scans, text)

    def search(self, text: str) -> re.Match[str] | None:
        """Return the first match of the whole pattern in `text`, or None."""
        return next(self.finditer(text), None)

    def _merged(self, scans: list[re.Pattern[str]], text: str) -> Iterator[re.Match[str]]:
        found: list[re.Match[str] | None] = [scan.search(text) for scan in scans]
        at = 0
        while True:
            first: re.Match[str] | None = None
            for k, m in enumerate(found):
                if m is not None and m.start() < at:  # overlapped by the last match
                    m = found[k] = scans[k].search(text, at)
                if m is not None and (first is None or m.start() < first.start()):
                    first = m
            if first is None:
                return
            yield first
            if first.end() == first.start():
                # The whole pattern goes on from an empty match: it finds this match first.
                whole = self._whole.scan.finditer(text, first.start())
                next(whole)
                yield from whole
                return
            at = first.end()


class _Tests:
    """The guards of a pattern's blocks, tested together: each word and string of letters a
    block needs is looked for once in a text, not once for each of its blocks.

    The blocks a text passes are those whose guards it passes (`Guarded.possible`): a text
    that has a cased character beyond Latin-1 passes all, and one that passes no guard has
    none of what any match of a block needs.
    """

    __slots__ = ("_always", "_by_word", "_digit", "_letters", "_scans", "_words")

    def __init__(self, blocks: tuple[Guarded, ...]) -> None:
        self._scans = tuple(quick(block.pattern) for block in blocks)
        always: set[int] = set()
        digit: set[int] = set()
        by_word: dict[str, set[int]] = {}
        by_string: dict[tuple[str, bool], set[int]] = {}
        for k, block in enumerate(blocks):
            wanted = block.needs
            if wanted is None:
                always.add(k)
                continue
            if ("digit", "") in wanted:
                digit.add(k)
            for kind, word in wanted:
                if kind == "word":
                    by_word.setdefault(word, set()).add(k)
            for string in strings_wanted(wanted):
                by_string.setdefault(string, set()).add(k)
        self._always, self._digit = frozenset(always), frozenset(digit)
        self._by_word = {word: frozenset(ks) for word, ks in by_word.items()}
        self._words = frozenset(by_word)
        # The shortest first, as `strings_wanted` orders a guard's: the likeliest to be there.
        self._letters = tuple(
            (string, frozenset(ks), joined)
            for (string, joined), ks in sorted(
                by_string.items(), key=lambda item: (len(item[0][0]), item[0])
            )
        )

    def scans(self, text: str) -> list[re.Pattern[str]]:
        """Return the patterns of the blocks whose guards `text` passes, in their order."""
        p = profile(text)
        if not p.exact:
            return list(self._scans)
        passed = set(self._always)
        if p.digit:
            passed |= self._digit
        for word in self._words & p.words:
            passed |= self._by_word[word]
        lower, joined = p.lower, p.joined
        for letters, ks, inner in self._letters:
            if not ks <= passed and letters in (joined if inner else lower):
                passed |= ks
        return [self._scans[k] for k in sorted(passed)]
