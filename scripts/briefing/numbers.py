"""Reading numbers as sources write them: "USD150 billion", "30 percent to 40 percent", "six million".

The provenance check compares a fact's ``value`` with every number parsed from its quote, so
this parser must understand the forms the archived sources use, scale words included.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip
SCALES = {
    "hundred": Decimal(100),
    "thousand": Decimal(10) ** 3,
    "million": Decimal(10) ** 6,
    "mn": Decimal(10) ** 6,
    "billion": Decimal(10) ** 9,
    "bn": Decimal(10) ** 9,
    "trillion": Decimal(10) ** 12,
}
CURRENCIES = {"USD": "USD", "US$": "USD", "$": "USD", "CNY": "CNY", "RMB": "CNY", "EUR": "EUR"}
CURRENCIES.update({"€": "EUR", "¥": "CNY", "yuan": "CNY"})

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORD = "|".join(sorted(WORDS, key=len, reverse=True))
_ORD = "|".join(ORDINALS)
_NUMBER = re.compile(
    rf"""
    (?<![\w.,])
    (?:(?P<cur>USD|US\$|CNY|RMB|EUR|[$€¥])\s?)?
    (?:(?P<digits>{_DIGITS})|(?P<word>{_WORD})\b|(?P<half>half)\b|(?P<ord>{_ORD})\b
       |(?P<one>an?)(?=\s(?:hundred|thousand|million|billion)\b))
    (?:\s?(?:-\s?)?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn)\b)?
    (?:\s?(?:-\s?)?(?P<suffix>%|percent\b|per\ cent\b|times\b|-fold\b|fold\b|yuan\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_RANGE_GAP = re.compile(r"\s*(?:-\s*)?(?:to|-|–|—)\s*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its full magnitude and what kind of number it is."""

    value: Decimal
    kind: str  # number · percent · currency · multiplier · ordinal
    text: str
    start: int
    end: int
    high: Decimal | None = None  # set for ranges such as "30 percent to 40 percent"
    currency: str | None = None
    scale: Decimal = Decimal(1)

    @property
    def is_range(self) -> bool:
        return self.high is not None


def _kind(suffix: str | None, currency: str | None, ordinal: bool, half: bool) -> str:
    if ordinal:
        return "ordinal"
    if half:
        return "percent"
    if suffix:
        low = suffix.lower()
        if low in {"%", "percent", "per cent"}:
            return "percent"
        if low in {"times", "-fold", "fold"}:
            return "multiplier"
        return "currency"
    return "currency" if currency else "number"


def _one(match: re.Match[str]) -> Quantity:
    g = match.groupdict()
    if g["digits"]:
        base = Decimal(g["digits"].replace(",", ""))
    elif g["word"]:
        base = Decimal(WORDS[g["word"].lower()])
    elif g["half"]:
        base = Decimal(50)
    elif g["one"]:
        base = Decimal(1)
    else:
        base = Decimal(ORDINALS[g["ord"].lower()])
    scale = SCALES[g["scale"].lower()] if g["scale"] else Decimal(1)
    suffix = g["suffix"]
    currency = CURRENCIES.get(g["cur"] or "") or (
        "CNY" if suffix and suffix.lower() == "yuan" else None
    )
    kind = _kind(suffix, currency, bool(g["ord"]), bool(g["half"]))
    return Quantity(
        base * scale, kind, match.group(0), match.start(), match.end(), None, currency, scale
    )


def parse_numbers(text: str) -> list[Quantity]:
    """Every number in ``text``, plus a range wherever two are joined by "to" or a dash.

    In "12 to 15 million" or "30 to 40 percent" the scale and suffix of the second number
    apply to the first as well, so both the bare and the scaled reading are offered.
    """
    singles = [_one(m) for m in _NUMBER.finditer(text)]
    found = list(singles)
    for left, right in itertools.pairwise(singles):
        if left.kind == "ordinal" or right.kind == "ordinal":
            continue
        if not _RANGE_GAP.match(text[left.end : right.start]):
            continue
        low = left
        promote = left.kind == "number" and right.kind != "number"
        if left.scale == 1 and (right.scale != 1 or promote):
            kind = right.kind if promote else left.kind
            low = Quantity(left.value * right.scale, kind, left.text, left.start, left.end)
            found.append(low)
        span = text[left.start : right.end]
        found.append(
            Quantity(low.value, low.kind, span, left.start, right.end, right.value, right.currency)
        )
    return found


def to_decimal(value: float | int | Decimal) -> Decimal:
    """A YAML number as an exact decimal (4.3 stays 4.3, not 4.29999…)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def matches(value: object, quantities: list[Quantity], percent: bool) -> bool:
    """Whether a fact's value (number or [low, high]) is a number stated in the quote."""
    wanted = [q for q in quantities if (q.kind == "percent") == percent or q.kind == "ordinal"]
    if isinstance(value, list):
        low, high = (to_decimal(v) for v in value)
        return any(q.is_range and q.value == low and q.high == high for q in wanted)
    number = to_decimal(value)  # type: ignore[arg-type]
    return any(not q.is_range and q.value == number for q in wanted)
