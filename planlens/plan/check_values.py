"""The value rules of a plan file: dates, URLs, plan ids, languages, statuses, topics, counts.

`ValueChecker` adds to the shape checks of `StructureChecker` the rules a well-shaped string or
number must also meet: a real ISO date, an http(s) address, a slug, a language tag, one of a
vocabulary (statuses, completeness, topics), and a clause count that agrees with the plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from yaml.nodes import Node, ScalarNode

from planlens.plan.across import did_you_mean
from planlens.plan.check_structure import StructureChecker
from planlens.plan.model import TOPICS
from planlens.plan.schema import DATE_RE, LANGUAGE_RE, SLUG_RE
from planlens.plan.yaml_nodes import BOOL_TAG, INT_TAG, TIMESTAMP_TAG, describe


class ValueChecker(StructureChecker):
    """Reads strings and numbers that must follow a rule, reporting those that do not."""

    def date(self, node: Node, name: str, what: str) -> str | None:
        """Return an ISO date (YYYY, YYYY-MM or YYYY-MM-DD); YAML may read it as a date."""
        if isinstance(node, ScalarNode) and node.tag in (TIMESTAMP_TAG, INT_TAG):
            value: str | None = str(node.value)  # 2025-11-20, or a bare year such as 2014
        else:
            value = self.scalar(node, name, what)
        if value is None:
            return None
        if not DATE_RE.match(value) or not _real_date(value):
            self.problem(
                node,
                f"'{name}' in {what} must be an ISO date "
                f"(YYYY-MM-DD, YYYY-MM or YYYY), not '{value}'",
            )
            return None
        return value

    def choice(self, node: Node, name: str, what: str, choices: Sequence[str]) -> str | None:
        value = self.scalar(node, name, what)
        if value is None:
            return None
        if value not in choices:
            self.problem(
                node,
                f"'{name}' in {what} must be one of {', '.join(choices)}, not '{value}'"
                f"{did_you_mean(value, choices)}",
            )
            return None
        return value

    def url(self, node: Node, what: str) -> str | None:
        value = self.text(node, "url", what)
        if value is None:
            return None
        try:
            parts = urlsplit(value)
        except ValueError:  # "http://[example.org": an IPv6 address never closed
            parts = urlsplit("")
        if (
            parts.scheme not in ("http", "https")
            or not parts.netloc
            or value.split() != [value]  # any white space (what str.isspace calls so)
        ):
            self.problem(node, f"url '{value}' in {what} must be an http:// or https:// address")
            return None
        return value

    def slug(self, node: Node | None) -> str | None:
        if node is None:
            return None
        value = self.scalar(node, "id", "the plan")
        if value is None:
            return None
        if not SLUG_RE.match(value):
            self.problem(
                node,
                f"plan id '{value}' is not a slug: "
                "use lower-case letters, digits, '-', '_' and '.'",
            )
            return None
        return value

    def language(self, node: Node) -> str | None:
        """Return a language tag (BCP 47 shape: en, de, pt-BR); pages use it as their lang."""
        value = self.text(node, "language", "the plan")
        if value is not None and not LANGUAGE_RE.match(value):
            self.problem(
                node, f"'language' must be a language tag such as en, de or pt-BR, not '{value}'"
            )
            return None
        return value

    def flag(self, node: Node, name: str) -> bool:
        if not isinstance(node, ScalarNode) or node.tag != BOOL_TAG:
            self.problem(node, f"'{name}' must be true or false, not {describe(node)}")
            return False
        return str(node.value).lower() in ("true", "yes", "on")

    def expected(self, node: Node) -> int | None:
        if not isinstance(node, ScalarNode) or node.tag != INT_TAG:
            self.problem(node, f"'expected_clauses' must be a whole number, not {describe(node)}")
            return None
        value = int(str(node.value).replace("_", ""), 0)
        if value < 1:
            self.problem(node, f"'expected_clauses' must be at least 1, not {value}")
            return None
        return value

    def check_count(self, node: Node, completeness: str, count: int, expected: int) -> None:
        if completeness == "full" and count != expected:
            self.problem(
                node,
                f"a full plan must have expected_clauses top-level clauses: it has {count}, "
                f"expected_clauses is {expected}",
            )
        elif count > expected:
            self.problem(
                node,
                f"the plan has {count} top-level clauses, more than expected_clauses ({expected})",
            )

    def topics(self, node: Node, what: str) -> tuple[str, ...]:
        topics: list[str] = []
        for item in self.sequence(node, "topics", what):
            value = self.scalar(item, "topics", what)
            if value is None:
                continue
            if value not in TOPICS:
                self.problem(
                    item, f"unknown topic '{value}' in {what}{did_you_mean(value, TOPICS)}"
                )
            elif value in topics:
                self.problem(item, f"topic '{value}' is listed twice in {what}")
            else:
                topics.append(value)
        return tuple(topics)


def _real_date(value: str) -> bool:
    """Tell whether an ISO-shaped `value` names a real date (no 2025-02-30)."""
    parts = [int(part) for part in value.split("-")]
    try:
        dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True
