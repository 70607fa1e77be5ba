"""Comparing two plans: align their clauses, diff the words of each pair -> `PlanDiff`.

- `model`: the result, as frozen data (`PlanDiff`, `Change`, `Segment`, `Flag`).
- `similarity`: how alike two texts are, and the candidate index that keeps large laws linear.
- `stemming`: word stems per language (Snowball), for the overlap measures.
- `matcher`: difflib's `SequenceMatcher` with a faster search for the longest match, same results.
- `units`: the clauses as units in document order, and the links between them.
- `pins`: analyst pins between two plans, direct or composed through the versions between.
- `align`: which clauses of the old plan became which clauses of the new one: the passes, in order.
- `assignment`: the assignment problem (our own small Hungarian solver, not scipy's).
- `structure`: links from structure: headings by their points, points by number and place.
- `matching`: the similarity scorer, and the passes for moved, split and merged clauses.
- `residual`: what those passes leave: paired jointly, by mutual best match, as paraphrased parts.
- `learned`: the last pass, a logistic regression (fitted by bench/train_links.py) deciding the
  pairs the rules left: rewritten clauses, and extra parts of splits and merges.
- `perhaps`: for a clause left unlinked, the counterpart that pass found likeliest but not
  likely enough to link: a hint for the reader ("perhaps now 4.a?"), never a link.
- `subtrees`: a clause with all its sub-clauses as one bag of words, for that pass: how much better
  a clause matches a whole subtree around the other than the other clause alone.
- `textdiff`: word-level segments inside one pair of texts.
- `lexicon`: the curated words of substance (English, German): forces, negators, scope,
  dates and deadlines, references, units, parties, places.
- `phrases`: the phrases of two texts and which of them are versions of each other.
- `citations`: the citations of other acts (an EU act's adoption, its publication in the
  Official Journal), whose dates and figures are part of a reference, and the numbers that
  name a text (a version, a copyright notice's years), for `statements`.
- `statements`: what a text states: figures, dates, references, parties.
- `conditions`: the conditions of a text: their words (markers, German conditions that open
  with their verb), where each starts and ends, and the content stems of each.
- `listed_conditions`: a clause added to or dropped from an item of a condition that lists its
  cases as numbered items ("wenn der Täter 1. ..., 2. ..."), for `condition`.
- `provisos`: a further requirement of a proviso ("provided that ..., and that ..."), a
  condition of its own, for `conditions`.
- `guards`: a cheap test before a costly regex: the words any of its matches must contain.
- `reading`: what any match of a pattern needs (whole words, a word's first or last letters,
  letters anywhere, a digit), read off the parsed pattern for `guards`.
- `windows`: patterns that match only beside a number (references, figures, list markers,
  years) searched only in a window at each number, with the whole scan's matches.
- `blocks`: a long alternation scanned in blocks of its alternatives, each behind its own
  guard, with the whole pattern's matches.
- `patterns`: the flag rules' patterns compiled ahead of time: the programs Python's regex
  compiler writes for them, kept in `compiled-patterns.json` (`make patterns`; those of
  `blocks` in `compiled-blocks.json`).
- `numbered`: the items of a numbered list one text has and the other lacks, for `extent`.
- `extensions`: sentences that carry a provision over to more cases ("Die Sätze 1 bis 4
  gelten auch für ..."), for `scope`.
- `extent`: the extent of a provision for `scope`: words of extent, places, items of an
  enumeration (and of an exclusion: "nicht aber", "but not").
- `necessary`: the "only" of a necessary condition ("nur, wenn", "wird ... nur verfolgt,
  wenn", "only if"): `condition`'s, no word of extent for `scope`.
- `qualifiers`: the qualifiers of a noun for `scope` (German compounds, also with a hyphen,
  and adjectives), not the texts' own term said in full or in short.
- `ranges`: ranges "X bis Y" for `scope`: a range of provisions that loses an end (a repeal
  elsewhere), a "bis zu" that ends a range of figures or names a time (no bound).
- `renumbering`: which clause became which, as the numbers references say (from the
  alignment), for `scope`: a reference renumbered with the provision it names is no change.
- `items`: the items of a list added or dropped: how a run of tokens holds them (a run set off
  by commas, one English name, an item cut at its conjunction made whole), and those that
  change no `scope`: stated in the other text anyway, or clauses with a verb of their own.
- `deadlines`: the key a date or deadline is compared by (one time limit however bounded), and
  when a provision added or removed whole holds ("zur Zeit der Verletzung"; not in a definition).
- `actors`: the actors of a law by their role (professions, officials, the persons a rule binds
  or entitles), whose compounds and adjectives name other actors, and where a name binds no one
  (cited, in a definition, in the act of an offence): for `party`.
- `party_changes`: the parties one side's changed phrases name and the other text does not
  (`party`), a third party for persons in general and one in an offence none.
- `negation_forms`: negations said in other forms: a word negated by its prefix
  ("non-sublicenseable"), and "only" for negators ("außer ... nicht" / "nur").
- `polarity`: the polarity of a statement, compared within aligned phrases (`negation`), and
  the statement masked of its conditions, dates and describing clauses.
- `modality`: the force of a statement's modal verbs, compared within aligned phrases
  (`modality`), and a turn between an arrangement and an open position.
- `remarks`: what a text says to its reader rather than as a term: a purpose, what some laws
  allow, a note set off as one; no provision.
- `substance`: changes of substance between two aligned texts, one flag per kind.
- `diff`: `compare(old, new)`, which runs the above and builds the tree of changes.
- `key_changes`: the key changes of a diff as short sentences for readers (figures, deadlines,
  conditions, modality, points dropped, with the reports that say so, and points added).
- `formats`: a `PlanDiff` as JSON data (the `planlens.diff/1` contract), text, Markdown or
  CSV.

May import: `planlens.errors`, `planlens.perf`, `planlens.plan`.
"""

from planlens.compare.align import GAP_MIN
from planlens.compare.diff import compare
from planlens.compare.formats import (
    DIFF_SCHEMA,
    csv_text,
    diff_csv,
    diff_markdown,
    diff_text,
    diff_to_data,
)
from planlens.compare.matching import MOVE_MARGIN, MOVE_MIN, WEAK_MIN
from planlens.compare.model import (
    FLAG_TYPES,
    RELATIONS,
    Change,
    Flag,
    FlagType,
    MatchedBy,
    Perhaps,
    PlanDiff,
    Relation,
    Segment,
    SegmentOp,
)
from planlens.compare.perhaps import PERHAPS_MIN
from planlens.compare.residual import MUTUAL_MIN

__all__ = [
    "DIFF_SCHEMA",
    "FLAG_TYPES",
    "GAP_MIN",
    "MOVE_MARGIN",
    "MOVE_MIN",
    "MUTUAL_MIN",
    "PERHAPS_MIN",
    "RELATIONS",
    "WEAK_MIN",
    "Change",
    "Flag",
    "FlagType",
    "MatchedBy",
    "Perhaps",
    "PlanDiff",
    "Relation",
    "Segment",
    "SegmentOp",
    "compare",
    "csv_text",
    "diff_csv",
    "diff_markdown",
    "diff_text",
    "diff_to_data",
]
