"""Characters that must never reach a reader unseen: control and invisible formatting characters.

A plan is read by people, in a browser or a terminal, and its point is figures they can trust.
Some characters change what is shown without being shown themselves: a right-to-left override
(U+202E) makes "000,008" display as "800,000"; ESC and BEL start terminal sequences that retitle
a window or make a link; a soft hyphen or a zero-width space makes two texts that look the same
compare different. `hidden_character` says which characters those are:

- C0 and C1 control characters and DEL, except tab and line feed;
- Unicode format characters (category Cf: bidirectional embeddings, overrides, isolates and
  marks, zero-width spaces, soft hyphens, the byte-order mark inside text, tags, ...) except
  ZERO WIDTH NON-JOINER and ZERO WIDTH JOINER, which Persian, Indic scripts and emoji need and
  which never reorder or hide text;
- the line and paragraph separators U+2028 and U+2029, and unpaired surrogates.

`hidden_character_problems` finds them in every string of a plan file's node tree, with the line
and column of the character itself (or of the escape that wrote it, such as `"\\u202e"`): the
loader refuses them. `visible` replaces them with a marker such as `⟦U+202E⟧` wherever text is
shown, so text made without the loader (a `Plan` built in Python) is never shown with them
applied either.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from planlens.errors import Location, Problem

if TYPE_CHECKING:
    from yaml.nodes import Node, ScalarNode

#: Format characters that are part of writing some scripts, and allowed.
ALLOWED_FORMAT = frozenset("\u200c\u200d")


def hidden_character(char: str) -> bool:
    """Say whether `char` is a control or invisible formatting character planlens refuses.

    >>> [hidden_character(c) for c in ("a", "\\t", "\\n", "\\x1b", "\\u202e", "\\u200d", "\\u00ad")]
    [False, False, False, True, True, False, True]
    """
    if char in "\t\n":
        return False
    category = unicodedata.category(char)
    if category == "Cf":
        return char not in ALLOWED_FORMAT
    return category in ("Cc", "Cs", "Zl", "Zp")


#: Every character `hidden_character` refuses, and a few more of the same blocks (a search is
#: confirmed with `hidden_character`): whole blocks, so that a newer Unicode database, which adds
#: format characters inside them, is still covered. A test checks it against the database.
CANDIDATES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890-\u089f\u08e2"
    "\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ud800-\udfff\ufeff\ufff0-\ufffb"
    "\U000110bd\U000110cd\U00013430-\U0001345f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0000-\U000e007f]"
)


def hidden_in(text: str) -> list[str]:
    """Return the hidden characters of `text`, in order.

    >>> hidden_in("a\u200db\u202ec")
    ['\u202e']
    """
    return [char for char in CANDIDATES.findall(text) if hidden_character(char)]


def marker(char: str) -> str:
    """Return the visible stand-in for a hidden character: `⟦U+202E⟧`."""
    return f"⟦U+{ord(char):04X}⟧"


def _printable(text: str) -> bool:
    """Say whether `text` has no character but printable ones, tabs and line breaks.

    Every hidden character (categories Cc, Cf, Cs, Zl, Zp) is one that `str.isprintable`
    refuses, so such a text has none; a C loop over the text, where `CANDIDATES.search` costs
    several times more on the megabytes a report prints (it is still the test when this fails).
    """
    return text.isprintable() or text.replace("\n", " ").replace("\t", " ").isprintable()


def visible(text: str) -> str:
    """Return `text` with every hidden character replaced by its visible marker.

    >>> visible("600,000 \\u202e000,008\\u202c and \\x1b]0;x\\x07")
    '600,000 ⟦U+202E⟧000,008⟦U+202C⟧ and ⟦U+001B⟧]0;x⟦U+0007⟧'
    """
    if _printable(text) or not CANDIDATES.search(text):
        return text
    return CANDIDATES.sub(
        lambda m: marker(m.group()) if hidden_character(m.group()) else m.group(), text
    )


#: Names for the control characters, which have none in the Unicode database.
_CONTROL_NAMES = {
    0x00: "NULL",
    0x07: "BELL",
    0x08: "BACKSPACE",
    0x0B: "LINE TABULATION",
    0x0C: "FORM FEED",
    0x0D: "CARRIAGE RETURN",
    0x1B: "ESCAPE",
    0x7F: "DELETE",
    0x85: "NEXT LINE",
    0x9B: "CONTROL SEQUENCE INTRODUCER",
}


def character_name(char: str) -> str:
    """Return `U+XXXX NAME` for a character, for messages.

    >>> character_name("\\u202e"), character_name("\\x1b")
    ('U+202E RIGHT-TO-LEFT OVERRIDE', 'U+001B ESCAPE')
    """
    code = ord(char)
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(code, "")
    return f"U+{code:04X} {name}".rstrip()


def _kind(char: str) -> str:
    category = unicodedata.category(char)
    if category == "Cc":
        return "a control character, which can change what a terminal shows"
    if category == "Cs":
        return "an unpaired surrogate, which is not text"
    return "an invisible formatting character, which can make text display differently"


def hidden_character_problems(root: Node, text: str, path: str) -> list[Problem]:
    """Return a problem for each string in the node tree that holds a hidden character.

    The problem points at the first such character of the string (or at the escape that wrote
    it) and names the others. The tree is walked without recursion, unless the file's text can
    hold none: every string of the file is its text, or written by an escape.
    """
    if not has_candidate(text) and not _HIDING_ESCAPE.search(text):
        return []
    return _walk_for_hidden(root, text, path)


#: The ASCII characters `CANDIDATES` does not match: most of the bytes of most files.
_PLAIN_ASCII = bytes(c for c in range(128) if not CANDIDATES.match(chr(c)))


def has_candidate(text: str) -> bool:
    """Tell whether `text` holds a character `CANDIDATES` matches, as `CANDIDATES.search` does.

    A large file is mostly ASCII that cannot match: its UTF-8 bytes less those (a C loop) are
    the few characters left to search, a fifth of the time of the distinct characters of the
    whole text. Text that UTF-8 cannot hold (a lone surrogate, itself a candidate) is searched
    by its distinct characters, a few hundred in a large file.

    >>> has_candidate("Ehe \u00e4 § 1"), has_candidate("Ehe\u200b"), has_candidate("a\x1bb")
    (False, True, True)
    """
    try:
        rest = text.encode("utf-8").translate(None, _PLAIN_ASCII).decode("utf-8")
    except UnicodeEncodeError:
        rest = "".join(set(text))
    return CANDIDATES.search(rest) is not None


def _walk_for_hidden(root: Node, text: str, path: str) -> list[Problem]:
    """`hidden_character_problems`, looking at every string of the tree."""
    # Here, not at the top: `visible` and friends serve the command line, which should not
    # import YAML to print a message.
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    problems: list[Problem] = []
    stack: list[tuple[Node, str]] = [(root, "a value")]
    while stack:
        node, what = stack.pop()
        if isinstance(node, MappingNode):
            for key, value in reversed(node.value):
                name = f"'{visible(key.value)}'" if isinstance(key, ScalarNode) else what
                stack.extend(((value, name), (key, "a key")))
        elif isinstance(node, SequenceNode):
            stack.extend((item, what) for item in reversed(node.value))
        elif isinstance(node, ScalarNode):
            found = hidden_in(node.value)
            if found:
                problems.append(_problem(node, what, found, text, path))
    return problems


def _problem(node: ScalarNode, what: str, found: list[str], text: str, path: str) -> Problem:
    first = found[0]
    message = f"{what} holds {character_name(first)}, {_kind(first)}; remove it"
    others = list(dict.fromkeys(f"U+{ord(char):04X}" for char in found[1:]))
    if others:
        shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
        message += f" (and {len(found) - 1} more: {shown})"
    start, end = node.start_mark.index, node.end_mark.index
    offset = _source_offset(text, start, end, node.style == '"')
    line, column = node.start_mark.line, node.start_mark.column
    for char, after in zip(text[start:offset], text[start + 1 : offset + 1], strict=False):
        # Count lines as YAML does: CR LF, CR, LF, NEL, LS and PS each end one.
        if char in "\n\x85\u2028\u2029" or (char == "\r" and after != "\n"):
            line, column = line + 1, 0
        elif char != "\ufeff":
            column += 1
    return Problem(Location(path, line + 1, column + 1), message)


#: The escapes of YAML's double-quoted strings: one character, or a hexadecimal code.
_ESCAPES = {
    "0": "\0",
    "a": "\x07",
    "b": "\x08",
    "t": "\t",
    "\t": "\t",
    "n": "\n",
    "v": "\x0b",
    "f": "\x0c",
    "r": "\r",
    "e": "\x1b",
    "N": "\x85",
    "L": "\u2028",
    "P": "\u2029",
}
_CODE_LENGTHS = {"x": 2, "u": 4, "U": 8}
#: A backslash escape that may write a hidden character in a double-quoted string (`\e`,
#: `\u202e`); in other strings a backslash is itself, and this only costs a closer look.
_HIDING_ESCAPE = re.compile(
    r"\\["
    + "".join(sorted(code for code, char in _ESCAPES.items() if hidden_character(char)))
    + "".join(_CODE_LENGTHS)
    + "]"
)


def _source_offset(text: str, start: int, end: int, double_quoted: bool) -> int:
    """Return where in `text[start:end]` the first hidden character is written (else `start`)."""
    index = start
    while index < end:
        char = text[index]
        if double_quoted and char == "\\" and index + 1 < end:
            code = text[index + 1]
            if code in _CODE_LENGTHS:
                digits = text[index + 2 : index + 2 + _CODE_LENGTHS[code]]
                try:
                    decoded = chr(int(digits, 16))
                except ValueError:  # not hexadecimal, or beyond Unicode: YAML said so already
                    decoded = ""
                if decoded and hidden_character(decoded):
                    return index
                index += 2 + _CODE_LENGTHS[code]
                continue
            if hidden_character(_ESCAPES.get(code, "a")):
                return index
            index += 2
            continue
        if hidden_character(char):
            return index
        index += 1
    return start
