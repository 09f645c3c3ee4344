"""Numbers typed by hand in chapters: a figure with a unit or percent that is not a fact.

Years, chapter numbers and list counts are fine; "12 percent", "USD 3 billion", "2 million
vehicles" or "3.5 times" in prose are not, because no quote backs them.
"""

from __future__ import annotations

import re

from briefing.numbers import parse_numbers
from briefing.problems import Problem

_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_HTML_TAG = re.compile(r"<[^>\n]*>")
UNIT_WORDS = re.compile(
    r"\s*(?:vehicles?|units?|cars?|brands?|companies|people|points|km|kilometres|minutes|"
    r"years? (?:old|of)|square met(?:re|er)s|watt-hours|Wh/kg|V)\b",
    re.IGNORECASE,
)


def _blank(match: re.Match[str]) -> str:
    """Replace a span by spaces, keeping its newlines so line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _narrative(token: str) -> bool:
    """Spelled small numbers ("five brands") and years read as prose, not as data."""
    token = token.strip()
    return not token[:1].isdigit() or bool(re.fullmatch(r"(19|20)\d\d", token))


PAGE_ADVICE = 'cite a fact instead: {{ fact("id") }}'


def typed_numbers(
    markdown: str, path: str, advice: str = PAGE_ADVICE, first_line: int = 1
) -> list[Problem]:
    """Every hand-typed quantity in a page (or a text starting at ``first_line``), by line."""
    text = _JINJA.sub(_blank, markdown)
    text = _CODE.sub(_blank, text)
    text = _HTML_TAG.sub(_blank, text)
    problems = []
    for q in parse_numbers(text):
        if q.is_range or q.kind == "ordinal" or q.text.strip().lower() == "half":
            continue  # "the first half of 2025" is a period, not a figure
        quantity = q.kind in {"percent", "currency", "multiplier"} or q.scale != 1
        if not quantity and (_narrative(q.text) or not UNIT_WORDS.match(text, q.end)):
            continue
        line = first_line + text.count("\n", 0, q.start)
        problems.append(Problem(path, line, f'number "{q.text.strip()}" typed by hand; {advice}'))
    return problems
