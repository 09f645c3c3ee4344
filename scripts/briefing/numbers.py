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
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_WORD = rf"(?:{_TENS})-(?:{_UNITS})|" + "|".join(sorted(WORDS, key=len, reverse=True))
_ORD = "|".join(ORDINALS)
_NUMBER = re.compile(
    rf"""
    (?<![\w.,])
    (?:(?P<cur>USD|US\$|CNY|RMB|EUR|[$€¥])\s?)?
    (?:(?P<date>\d{{4}}-\d\d-\d\d)\b|(?P<frac>\d+/\d+)(?![\d/])|(?P<nth>\d+(?:st|nd|rd|th))\b
       |(?P<digits>{_DIGITS})(?![\d/])|(?P<word>{_WORD})\b
       |(?<!first\ )(?<!second\ )(?P<half>half)\b|(?P<ord>{_ORD})\b
       |(?P<one>an?)(?=\s(?:hundred|thousand|million|billion)\b))
    (?:\s?(?:-\s?)?(?P<scale>hundred|thousand|million|billion|trillion|mn|bn)\b)?
    (?:\s?(?:-\s?)?(?P<suffix>%|percent\b|per\ cent\b|times\b|-fold\b|fold\b|yuan\b))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_RANGE_GAP = re.compile(r"[ \t]*(?:-[ \t]*)?(?:to|-|–|—)[ \t]*\Z", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its full magnitude and what kind of number it is."""

    value: Decimal
    kind: str  # number · percent · currency · multiplier · ordinal · date
    text: str
    start: int
    end: int
    high: Decimal | None = None  # set for ranges such as "30 percent to 40 percent"
    currency: str | None = None
    scale: Decimal = Decimal(1)

    @property
    def is_range(self) -> bool:
        return self.high is not None


SUFFIXES = {"%": "percent", "percent": "percent", "per cent": "percent", "times": "multiplier"}
SUFFIXES.update({"-fold": "multiplier", "fold": "multiplier", "yuan": "currency"})


def _one(match: re.Match[str]) -> Quantity | None:
    """The number one match states, or None when it states none.

    None for "1/0", and for words that only look like ours: matching ignores case the Unicode
    way, so "ſix" (long s) or "fıve" (dotless i) match the pattern but are no words we read.
    """
    g = match.groupdict()
    if g["date"]:
        year = Decimal(g["date"][:4])
        return Quantity(year, "date", match.group(0), match.start(), match.end())
    words = [w.lower() for w in (g["word"] or "").split("-") if w]
    suffix = (g["suffix"] or "").lower()
    scale = SCALES.get(g["scale"].lower()) if g["scale"] else Decimal(1)
    if not all(w in WORDS for w in words) or (suffix and suffix not in SUFFIXES) or not scale:
        return None
    if g["frac"]:
        top, bottom = (Decimal(part) for part in g["frac"].split("/"))
        if not bottom:
            return None
        base = Decimal(100) * top / bottom
    elif g["nth"]:
        base = Decimal(g["nth"][:-2])
    elif g["digits"]:
        base = Decimal(g["digits"].replace(",", ""))
    elif words:
        base = sum((Decimal(WORDS[w]) for w in words), Decimal())
    elif g["half"] or g["one"]:
        base = Decimal(50 if g["half"] else 1)
    elif g["ord"].lower() in ORDINALS:
        base = Decimal(ORDINALS[g["ord"].lower()])
    else:
        return None
    currency = CURRENCIES.get(g["cur"] or "") or ("CNY" if suffix == "yuan" else None)
    if g["ord"] or g["nth"]:
        kind = "ordinal"
    elif g["half"] or g["frac"]:
        kind = "percent"
    else:
        kind = SUFFIXES.get(suffix) or ("currency" if currency else "number")
    return Quantity(
        base * scale, kind, match.group(0), match.start(), match.end(), None, currency, scale
    )


def parse_numbers(text: str) -> list[Quantity]:
    """Every number in ``text``; two joined by "to" or a dash are one range, not two numbers.

    In "12 to 15 million" or "30 to 40 percent" the scale and suffix of the second number
    apply to the first (unless that puts the range out of order: "500,000 to 3 million"), and
    in "USD 3-5 billion" the currency of the first applies to the second. "From 39% to 53%" is
    a change between two numbers, not a range, and "3.7 percent to 31.28 million" joins numbers
    of different kinds, so neither is a range.
    """
    singles = [q for q in map(_one, _NUMBER.finditer(text)) if q is not None]
    found: list[Quantity] = []
    joined: set[int] = set()
    for left, right in itertools.pairwise(singles):
        if not _RANGE_GAP.match(text[left.end : right.start]) or _FROM.search(text[: left.start]):
            continue
        span = _range(left, right, text[left.start : right.end])
        if span is not None:
            found.append(span)
            joined.update((left.start, right.start))
    found.extend(q for q in singles if q.start not in joined)
    return sorted(found, key=lambda q: (q.start, q.end))


def _range(left: Quantity, right: Quantity, text: str) -> Quantity | None:
    """``left`` to ``right`` as one range, or None when they are two numbers."""
    if "date" in (left.kind, right.kind) or ("ordinal" in (left.kind, right.kind)) != (
        left.kind == right.kind == "ordinal"
    ):
        return None  # "the first 10 months", "2025-03-11 - 2024" are not ranges
    kind, currency = right.kind, right.currency
    if left.kind == "currency" and right.kind == "number" and right.currency is None:
        kind, currency = "currency", left.currency  # "USD 3-5 billion"
    elif left.kind not in {"number", kind}:
        return None  # "3.7 percent to 31.28 million"
    low = left.value
    if left.scale == 1 and right.scale != 1 and left.value * right.scale < right.value:
        low = left.value * right.scale  # "12 to 15 million"
    if not low < right.value:
        return None
    return Quantity(low, kind, text, left.start, right.end, right.value, currency)


def digits(value: float | int | Decimal) -> str:
    """A value's exact digits without exponent or trailing zeros: 4.30 -> "4.3", 4.91E+6 -> "4910000"."""
    return format(to_decimal(value).normalize(), "f")


def to_decimal(value: float | int | Decimal) -> Decimal:
    """A YAML number as an exact decimal (4.3 stays 4.3, not 4.29999…)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def fits(q: Quantity, style: str, symbol: str = "") -> bool:
    """Whether a number of this kind can state a value in a unit of this style."""
    if style == "percent":
        return q.kind == "percent"
    if style == "currency":
        return q.kind == "currency" and (q.currency in (None, symbol))
    if style == "multiplier":
        return q.kind == "multiplier"
    if style == "rank":
        return q.kind in {"ordinal", "number"}
    if style == "ordinal":
        return q.kind == "ordinal"
    if style == "count" and q.kind == "ordinal":
        return q.text[:1].isdigit()  # "the 22nd show" also counts the shows so far; "second" not
    return q.kind == "number"


def matches(value: object, quantities: list[Quantity], style: str, symbol: str = "") -> bool:
    """Whether a fact's value (number or [low, high]) is a number the quote states, of its kind."""
    wanted = [q for q in quantities if fits(q, style, symbol)]
    if isinstance(value, list):
        low, high = (to_decimal(v) for v in value)
        return any(q.is_range and q.value == low and q.high == high for q in wanted)
    number = to_decimal(value)  # type: ignore[arg-type]
    return any(not q.is_range and q.value == number for q in wanted)
