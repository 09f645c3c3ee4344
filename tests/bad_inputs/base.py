"""What every case of the bad-input corpus is made of: the tiny project's files and edits.

facts/market.yaml (FACTS) by line: 1 id · 2 subject · 3 value · 4 unit · 5 period · 6 kind
7 geo · 8 source · 9 quote of market.production.2024; 10-19 the same keys of
parts.exports.2024, with qualifier on 19.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import pairwise

from conftest import CITES_ALL, FACTS, SEED_TEXT, UNITS

MARKET = "facts/market.yaml"
SOURCES = "facts/sources.yaml"
INDEX = "docs/index.md"
PROD = "fact 'market.production.2024'"
PARTS = "fact 'parts.exports.2024'"
KEYS = (
    "id, subject, value, unit, period, kind, geo, source, quote, context, cell, qualifier, note, "
    "said_by, data_from, period_from, reading, tags, derived_from, operation"
)
PERIODS = (
    "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10, "
    "or undated when the source gives no period"
)
ONLY = (
    'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
    '{{ chart("id") }} and {{ table("source", "column", …) }}'
)
SYNTAX = 'write {{ fact("id") }}, or {% raw %}…{% endraw %} around literal braces'
PRODUCTION = FACTS[: FACTS.index("- id: parts")]  # lines 1-9
PARTS_FACT = FACTS[len(PRODUCTION) :]  # lines 10-19
UNIT_LINES = UNITS.read_text("utf-8").count("\n")
CHANGED_SEED = SEED_TEXT.replace("3.7 percent", "3.8 percent")
LATIN1_SEED = SEED_TEXT.encode() + "café\n".encode("latin-1")
OVERSIZED = FACTS + "#" * 2_000_000 + "\n"
BOMB = (  # billion laughs: nine levels of nine aliases, 9**9 values if expanded
    'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in pairwise("abcdefghi"))
)


@dataclass(frozen=True)
class Case:
    """One mistake: files written over the tiny project (None deletes one), lines expected."""

    name: str
    files: dict[str, str | bytes | None]
    expected: tuple[str, ...]


def case(name: str, files: dict[str, str | bytes | None], *expected: str) -> Case:
    """A case expecting the given lines, in the order check prints them."""
    return Case(name, files, expected)


def edit(old: str, new: str, text: str) -> str:
    """``text`` with ``old`` replaced by ``new``; ``old`` must occur exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def market(old: str, new: str) -> dict[str, str | bytes | None]:
    """facts/market.yaml with one edit to its first fact, market.production.2024."""
    return {MARKET: edit(old, new, PRODUCTION) + PARTS_FACT}


# market.production.2024 without source and quote (lines 1-7), as a derived fact is written
UNQUOTED = edit(
    '  source: demo\n  quote: "31.28 million and 31.44 million units"\n', "", PRODUCTION
)


def sha(data: str | bytes) -> str:
    return hashlib.sha256(data.encode() if isinstance(data, str) else data).hexdigest()


def page(extra: str) -> dict[str, str | bytes | None]:
    """docs/index.md citing both facts (lines 1-3), then ``extra`` from line 4."""
    return {INDEX: CITES_ALL + extra}
