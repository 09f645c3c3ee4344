"""The unit registry (facts/units.yaml) and how values are written for readers."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal

from briefing.facts.numbers import Quantity, digits, to_decimal

STYLES = ("count", "percent", "currency", "multiplier", "rank", "ordinal", "year")
# Styles that place a statement (when, in what order) rather than weigh it: cited quietly,
# without the bold a key figure gets.
QUIET_STYLES = ("rank", "ordinal", "year")
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}
QUALIFIERS = ("about", "nearly", "over", "under", "at least", "at most")
_THEN_ANOTHER = re.compile(
    r"\s*(?:,\s*)?(?:and|or|to)\s+"
)  # "31.28 million and 31.44 million units"
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_SCALES = (
    (Decimal(10) ** 12, "trillion"),
    (Decimal(10) ** 9, "billion"),
    (Decimal(10) ** 6, "million"),
)


@dataclass(frozen=True)
class Unit:
    """How one unit is written: its style and, for counts, its nouns."""

    id: str
    style: str
    singular: str = ""
    plural: str = ""
    symbol: str = ""
    aliases: tuple[str, ...] = ()  # more nouns meaning it after a number: "t" of tonnes

    @property
    def nouns(self) -> tuple[str, ...]:
        """The words that name this unit after a number: singular, plural and aliases."""
        return tuple(dict.fromkeys(n for n in (self.singular, self.plural, *self.aliases) if n))


def named_by(units: Iterable[Unit], text: str) -> tuple[Unit, str] | None:
    """The unit a noun at the start of ``text`` names, with the noun as written there.

    The longest noun wins ("percentage points" over "points"), and a noun ending in a
    letter must end a word ("units" is not "unit" + "s"; "辆" needs no space after it).
    """
    folded = text.casefold()
    best: tuple[Unit, str] | None = None
    for unit in units:
        for noun in unit.nouns:
            size = len(noun)
            if not folded.startswith(noun.casefold()) or (best and size <= len(best[1])):
                continue
            if noun[-1].isascii() and text[size : size + 1].isalnum():
                continue
            best = (unit, text[:size])
    return best


def noun_after(
    units: Iterable[Unit], text: str, at: int, numbers: list[Quantity], linking: Collection[str]
) -> tuple[Unit, str] | None:
    """The unit the noun after a number (ending at ``at`` in ``text``) names, and the noun.

    The next word, or after up to two words describing it ("5.8 million new rental
    homes", "a 3-month window"), or the noun of the number it is listed with ("31.28 million and 31.44 million
    tonnes"); of nouns in a row the last, the head ("5 shipping companies" are companies). None when
    one of the ``linking`` words (casefolded: "in", "of", from the word lists of the source's
    language) comes first: what follows it is not this number's noun.
    """
    units = tuple(units)
    starts = {q.start: q for q in numbers}
    for _ in range(3):
        rest = text[at:].lstrip().removeprefix("-").lstrip()  # "a 3-month window"
        at = len(text) - len(rest)
        hit = named_by(units, rest[:80])
        while hit is not None:
            at += len(hit[1])
            rest = text[at:].lstrip()
            head = named_by(units, rest[:80])
            if head is None:
                return hit
            at, hit = len(text) - len(rest), head
        then = _THEN_ANOTHER.match(text, at)
        if then and then.end() in starts:
            at = starts[then.end()].end
            continue
        word = _WORD.match(rest)
        if word is None or word.group().casefold() in linking:
            return None
        at += word.end()
    return None


def grouped(number: Decimal) -> str:
    """Exact decimal digits with thousands separators: 400000 -> "400,000", 4.30 -> "4.3";
    a negative with a minus sign, -3.2 -> "−3.2", as typeset (and read back as negative)."""
    text = digits(number)
    whole, _, frac = text.partition(".")
    sign = "\u2212" if whole.startswith("-") else ""
    thousands = f"{int(whole.lstrip('-') or 0):,}"
    return sign + thousands + (f".{frac}" if frac else "")


def scaled(number: Decimal) -> tuple[str, str]:
    """Digits and scale word for large magnitudes: 4910000 -> ("4.91", "million")."""
    for size, word in _SCALES:
        if abs(number) >= size:
            return grouped(number / size), word
    return grouped(number), ""


def _join(digits: str, word: str) -> str:
    return f"{digits} {word}" if word else digits


def format_value(value: object, unit: Unit, qualifier: str | None = None) -> str:
    """The reader's text for a value: "4.91 million tonnes", "4.3%", "USD 150 billion"."""
    if isinstance(value, list):
        low, high = (to_decimal(v) for v in value)
        text = _format_range(low, high, unit)
    else:
        text = _format_one(to_decimal(value), unit)  # type: ignore[arg-type]
    return f"{qualifier} {text}" if qualifier else text


def _noun(number: Decimal, unit: Unit) -> str:
    return unit.singular if number == 1 else unit.plural


def _format_one(number: Decimal, unit: Unit) -> str:
    if unit.style == "percent":
        return f"{grouped(number)}%"
    if unit.style == "year":
        return digits(number)
    if unit.style == "rank":
        return f"No. {grouped(number)}"
    if unit.style == "ordinal":
        whole = int(number)
        suffix = "th" if 10 <= whole % 100 <= 20 else _SUFFIX.get(whole % 10, "th")
        return f"{whole}{suffix}"
    if unit.style == "multiplier":
        return f"{grouped(number)} times"
    shown, word = scaled(number)
    if unit.style == "currency":
        return f"{unit.symbol} {_join(shown, word)}"
    return _join(_join(shown, word), _noun(number, unit))


def _format_range(low: Decimal, high: Decimal, unit: Unit) -> str:
    """A range the number parser reads back as one range, as a reader would.

    "12–15 million tonnes", "No. 1–3", "4.91 million to 12 billion tonnes". A low end
    without a scale word is written with a high end without one ("500,000 to 3,000,000"):
    in "1 to 3 million", "1" is read as 1 million.
    """
    if unit.style == "rank":
        return f"No. {grouped(low)}–{grouped(high)}"
    if unit.style in {"year", "ordinal"}:
        return f"{_format_one(low, unit)}–{_format_one(high, unit)}"
    (lo_digits, lo_word), (hi_digits, hi_word) = scaled(low), scaled(high)
    if lo_word == hi_word and low >= 0:
        span = f"{lo_digits}–{_join(hi_digits, hi_word)}"
    elif lo_word == hi_word:  # "−5 to −3%", not "−5–−3%"
        span = f"{lo_digits} to {_join(hi_digits, hi_word)}"
    elif lo_word:
        span = f"{_join(lo_digits, lo_word)} to {_join(hi_digits, hi_word)}"
    else:
        span = f"{grouped(low)} to {grouped(high)}"
    if unit.style == "percent":
        return f"{span}%"
    if unit.style == "multiplier":
        return f"{span} times"
    if unit.style == "currency":
        return f"{unit.symbol} {span}"
    return _join(span, unit.plural)
