"""The redlines benchmark's contract pairs: reading a pair, its labelled blocks and their text.

A pair's folder holds `source.md`, `test.md` and `labels.yaml` as the `redlines` project keeps
them in `benchmark/corpus/hand/<pair>/` (schema `redlines/alignment-labels/1`). The labels name
blocks by their address in redlines' own block tree (`/section[1]/list_item[2]/list_item[1]`)
and anchor each with a digest: the first 16 hex digits of the SHA-256 of the block's label, a
0x1F separator and its text with whitespace collapsed (the label and separator only when the
block has a label). We do not rebuild redlines' reader to learn which text an address names:
`block_texts` finds, for every address, the text of the document whose digest is the one
recorded, among the document's lines and runs of lines, with list markers, heading marks and
labels taken off in the ways the labels show. Every labelled block must be found, exactly, or
the pair is refused: the digests are what make the text of each address certain.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

#: The eight Common Paper pairs of the benchmark (its two US bill pairs are not contracts).
PAIRS = (
    "csa-1.0-to-1.1",
    "csa-1.1-to-2.0",
    "design-partner-agreement-1.0-to-1.1",
    "dpa-1.0-to-1.1",
    "partnership-agreement-1.0-to-1.1",
    "pilot-agreement-1.0-to-1.1",
    "psa-1.0-to-1.1",
    "sla-1.0-to-2.0",
)

_MARKER = re.compile(r"^(?:(?P<n>\d{1,9})[.)]|[-*+])(?:\s+|$)")
_HASHES = re.compile(r"^#{1,6}(?:\s+|$)")
_LABEL = re.compile(r"^(?P<label>\(?[0-9A-Za-z]{1,6}(?:\.[0-9]{1,3})*\)?)[.)]?(?:\s+|$)")
_RUN = 8  # the longest run of lines a block may span


@dataclass(frozen=True)
class Truth:
    """One pair's labels as the metric reads them: links, unmatched blocks, exclusions."""

    links: frozenset[tuple[str, str]]
    inserted: frozenset[str]
    deleted: frozenset[str]
    excluded_source: frozenset[str]
    excluded_test: frozenset[str]


@dataclass(frozen=True)
class Block:
    """A labelled block: its address, its text and the line it starts on."""

    address: str
    text: str
    line: int


@dataclass(frozen=True)
class Pair:
    name: str
    source: str
    test: str
    truth: Truth
    source_blocks: tuple[Block, ...]
    test_blocks: tuple[Block, ...]


def digest(label: str | None, text: str) -> str:
    """Return the benchmark's 16-hex-digit digest of a block.

    >>> digest(None, "Cloud  Service\\nAgreement") == digest(None, "Cloud Service Agreement")
    True
    """
    content = " ".join(text.split())
    if label:
        content = f"{label}\x1f{content}"
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:16]


def _readings(text: str) -> Iterator[tuple[str | None, str]]:
    """Yield (label, text) readings of a candidate block: with and without marks and labels."""
    seen: set[tuple[str | None, str]] = set()
    stack: list[tuple[str | None, str]] = [(None, text)]
    while stack:
        label, here = stack.pop()
        if (label, here) in seen:
            continue
        seen.add((label, here))
        yield label, here
        if (marker := _MARKER.match(here)) is not None:
            stack.append((label, here[marker.end() :]))
            if marker["n"] and label is None:
                stack.append((marker["n"], here[marker.end() :]))
        if (hashes := _HASHES.match(here)) is not None:
            stack.append((label, here[hashes.end() :]))
        if label is None and (literal := _LABEL.match(here)) is not None:
            stack.append((literal["label"], here[literal.end() :]))


def _index(document: str) -> dict[str, list[tuple[int, str]]]:
    """Return every reading of every run of lines of `document`, by digest."""
    lines = [line.strip() for line in document.split("\n")]
    found: dict[str, list[tuple[int, str]]] = {}
    for start, line in enumerate(lines):
        if not line:
            continue
        for end in range(start + 1, min(start + _RUN, len(lines)) + 1):
            if not lines[end - 1]:
                break
            for label, text in _readings("\n".join(lines[start:end])):
                found.setdefault(digest(label, text), []).append((start, text))
    return found


def _resolve(document: str, anchors: dict[str, str], side: str) -> tuple[Block, ...]:
    """Return the blocks of `anchors` (address -> digest) with their text, in document order."""
    index = _index(document)
    taken: set[int] = set()
    blocks: list[Block] = []
    missing: list[str] = []
    for address, wanted in sorted(anchors.items(), key=lambda item: _order(item[0])):
        matches = [m for m in index.get(wanted, []) if m[0] not in taken] or index.get(wanted, [])
        if not matches:
            missing.append(address)
            continue
        line, text = min(matches)
        taken.add(line)
        blocks.append(Block(address, " ".join(text.split()), line))
    if missing:
        raise ValueError(f"{side}: no text has the digest of {', '.join(missing[:5])}")
    return tuple(sorted(blocks, key=lambda b: (b.line, _order(b.address))))


def _order(address: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\[(\d+)\]", address))


def load_pair(folder: Path) -> Pair:
    """Return the pair in `folder`, its documents checked against the labels' SHA-256."""
    labels = yaml.safe_load((folder / "labels.yaml").read_text(encoding="utf-8"))
    texts = {}
    for side in ("source", "test"):
        data = (folder / labels[side]["file"]).read_bytes()
        if hashlib.sha256(data).hexdigest() != labels[side]["sha256"]:
            raise ValueError(f"{folder / labels[side]['file']}: not the labelled document")
        texts[side] = data.decode("utf-8")
    anchors: dict[str, dict[str, str]] = {"source": {}, "test": {}}
    for row in labels.get("correspondences") or []:
        anchors["source"][row["source"]] = row["source_digest"]
        anchors["test"][row["test"]] = row["test_digest"]
    for row in labels.get("inserted") or []:
        anchors["test"][row["test"]] = row["test_digest"]
    for row in labels.get("deleted") or []:
        anchors["source"][row["source"]] = row["source_digest"]
    excluded: dict[str, set[str]] = {"source": set(), "test": set()}
    for row in labels.get("splits") or []:
        excluded["source"].add(row["source"])
        excluded["test"].update(row["tests"])
    for row in labels.get("merges") or []:
        excluded["source"].update(row["sources"])
        excluded["test"].add(row["test"])
    for row in labels.get("unscored") or []:
        for side in ("source", "test"):
            if row["side"] in (side, "both"):
                excluded[side].add(row["region"])
    truth = Truth(
        links=frozenset((r["source"], r["test"]) for r in labels.get("correspondences") or []),
        inserted=frozenset(r["test"] for r in labels.get("inserted") or []),
        deleted=frozenset(r["source"] for r in labels.get("deleted") or []),
        excluded_source=frozenset(excluded["source"]),
        excluded_test=frozenset(excluded["test"]),
    )
    return Pair(
        folder.name,
        texts["source"],
        texts["test"],
        truth,
        _resolve(texts["source"], anchors["source"], f"{folder.name} source"),
        _resolve(texts["test"], anchors["test"], f"{folder.name} test"),
    )


def under(address: str, prefixes: frozenset[str]) -> bool:
    """Tell whether `address` is one of `prefixes` or lies inside one."""
    return any(address == p or address.startswith(p.rstrip("/") + "/") for p in prefixes)
