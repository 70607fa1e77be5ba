"""Word-level differences inside one pair of clause texts, as segments that rebuild both texts."""

from __future__ import annotations

import re

from planlens.compare.matcher import Matcher
from planlens.compare.model import Segment, SegmentOp

#: A token is a whole word (with inner punctuation kept: 600,000  U.S  10.a  non-aggression)
#: or one other visible character, each with the white space that follows it; white space at
#: the very start is a token of its own. Edits therefore never fall inside a word.
#: Words are tried first, as most tokens are, and every repeat is possessive: each is followed
#: by characters it cannot take, so giving any back never found another match (the tokens are
#: those of `\s+|(?:[^\W_]+(?:[.,'’:/\-][^\W_]+)*|\S)\s*`, a quarter faster).
_TOKEN_RE = re.compile(r"[^\W_]++(?:[.,'’:/\-][^\W_]++)*+\s*+|\S\s*+|\s++")

#: An equal run between two edits is absorbed into them when it is at most this many words and
#: no longer than the edits around it: "the" kept between two rewritten phrases shreds the
#: redline into confetti without telling the reader anything.
_MAX_ABSORBED_WORDS = 3


def tokenize(text: str) -> list[str]:
    """Split `text` into tokens that keep their trailing white space; they join back to `text`.

    >>> tokenize("Capped at 600,000 personnel.")
    ['Capped ', 'at ', '600,000 ', 'personnel', '.']
    >>> "".join(tokenize("  a  b\\n")) == "  a  b\\n"
    True
    """
    return _TOKEN_RE.findall(text)


def diff_words(old: str, new: str) -> tuple[Segment, ...]:
    """Return the word-level difference of `old` and `new` as segments.

    Joining the `equal` and `delete` segments gives `old`; joining `equal` and `insert` gives
    `new`. Within a change, the deletion comes first.

    >>> for s in diff_words("capped at 600,000 personnel.", "capped at 800,000 personnel."):
    ...     print(s.op, repr(s.text))
    equal 'capped at '
    delete '600,000 '
    insert '800,000 '
    equal 'personnel.'
    """
    a = tokenize(old)
    b = tokenize(new)
    keys_a = list(map(str.rstrip, a))
    keys_b = list(map(str.rstrip, b))
    # Without autojunk (`Matcher`): with it, texts of 200 tokens or more lose their common words
    # from the matching, and the diff changes character at that length.
    opcodes = Matcher(keys_a, keys_b).get_opcodes()
    blocks = _absorb_small_equalities(list(opcodes), a, b)
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in blocks:
        if tag == "equal":
            _emit_equal(a[i1:i2], b[j1:j2], out)
        else:
            _emit(out, "delete", "".join(a[i1:i2]))
            _emit(out, "insert", "".join(b[j1:j2]))
    return tuple(out)


_Block = tuple[str, int, int, int, int]


def _absorb_small_equalities(blocks: list[_Block], a: list[str], b: list[str]) -> list[_Block]:
    """Merge short equal runs that stand between two edits into one replacement.

    The leftmost run that qualifies is merged first, again and again. Whether a run qualifies
    depends only on it and its two neighbours, so a merge can make only the equal run just
    before the new replacement qualify among those already passed: the scan goes back there,
    not to the start (which made a long text with many edits quadratic), and merges the same
    runs in the same order.
    """
    k = 1
    while k < len(blocks) - 1:
        tag, i1, i2, _, _ = blocks[k]
        if tag != "equal" or blocks[k - 1][0] == "equal" or blocks[k + 1][0] == "equal":
            k += 1
            continue
        equal_text = "".join(a[i1:i2])
        words = len(equal_text.split())
        size = len(equal_text.strip())
        if (
            words <= _MAX_ABSORBED_WORDS
            and size <= _edit_size(blocks[k - 1], a, b)
            and size <= _edit_size(blocks[k + 1], a, b)
        ):
            first, last = blocks[k - 1], blocks[k + 1]
            blocks[k - 1 : k + 2] = [("replace", first[1], last[2], first[3], last[4])]
            k = max(1, k - 2)  # the equal run before the new replacement, if any
        else:
            k += 1
    return blocks


def _edit_size(block: _Block, a: list[str], b: list[str]) -> int:
    """Return the visible size of an edit: the longer of what it deletes and inserts."""
    _, i1, i2, j1, j2 = block
    return max(len("".join(a[i1:i2]).strip()), len("".join(b[j1:j2]).strip()))


def _emit_equal(old_tokens: list[str], new_tokens: list[str], out: list[Segment]) -> None:
    """Emit tokens whose words match; differing white space becomes its own small edit.

    Equal text is gathered and emitted once per run (emitting it token by token, each joined to
    the segment before, copied the growing segment at every token).
    """
    if old_tokens == new_tokens:
        _emit(out, "equal", "".join(old_tokens))  # the same white space too, as most runs
        return
    run: list[str] = []
    for old_token, new_token in zip(old_tokens, new_tokens, strict=True):
        if old_token == new_token:
            run.append(old_token)
            continue
        word = old_token.rstrip()
        run.append(word)
        _emit(out, "equal", "".join(run))
        run.clear()
        _emit(out, "delete", old_token[len(word) :])
        _emit(out, "insert", new_token[len(word) :])
    _emit(out, "equal", "".join(run))


def _emit(out: list[Segment], op: SegmentOp, text: str) -> None:
    """Append a segment, joining it to the previous one of the same kind.

    A deletion that arrives after an insertion is placed before it, so that each change reads
    deletion first, and runs of the same kind stay one segment.
    """
    if not text:
        return
    if op == "delete" and out and out[-1].op == "insert":
        inserted = out.pop()
        _emit(out, "delete", text)
        out.append(inserted)
        return
    if out and out[-1].op == op:
        out[-1] = Segment(op, out[-1].text + text)
    else:
        out.append(Segment(op, text))


def rebuild(segments: tuple[Segment, ...] | list[Segment], side: str) -> str:
    """Return the old (`side="old"`) or new text that `segments` describe.

    >>> segments = diff_words("a b c", "a x c")
    >>> rebuild(segments, "old"), rebuild(segments, "new")
    ('a b c', 'a x c')
    """
    skip = "insert" if side == "old" else "delete"
    return "".join(segment.text for segment in segments if segment.op != skip)
