"""Reading numbers as sources write them: "USD150 billion", "30 percent to 40 percent", "six million".

The provenance check compares a fact's ``value`` with every number parsed from its quote, so
this parser must understand the forms the archived sources use, scale words and signs included.

Number words are read by the small grammar below, not by text2num: its alpha2digit rewrites
the text, losing the offsets quotes are placed by (and makes "4.9 million" "4.9 1000000"),
and it reads neither "half a million" nor "three quarters".
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from decimal import Decimal

from briefing.facts.characters import INVISIBLE
from briefing.facts.periods import MONTH_NAMES

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
    "k": Decimal(10) ** 3,  # "20k", "4.9m", and "4.9 M", "3 B": a spaced "5 m" stays metres
    "m": Decimal(10) ** 6,
    "b": Decimal(10) ** 9,
    "mio": Decimal(10) ** 6,
    "mrd": Decimal(10) ** 9,
    "mln": Decimal(10) ** 6,  # and the scales of other languages and regions, read, so that
    "bln": Decimal(10) ** 9,  # "15 lakh" or "491万" never verifies 15 or 491
    "tn": Decimal(10) ** 12,
    "lakh": Decimal(10) ** 5,
    "lakhs": Decimal(10) ** 5,
    "crore": Decimal(10) ** 7,
    "crores": Decimal(10) ** 7,
    "千": Decimal(10) ** 3,
    "万": Decimal(10) ** 4,
    "百万": Decimal(10) ** 6,
    "千万": Decimal(10) ** 7,
    "亿": Decimal(10) ** 8,
    "万亿": Decimal(10) ** 12,
}
CURRENCIES = {"USD": "USD", "US$": "USD", "$": "USD", "CNY": "CNY", "RMB": "CNY", "EUR": "EUR"}
CURRENCIES.update({"€": "EUR", "¥": "CNY", "yuan": "CNY", "元": "CNY", "美元": "USD"})
# Every dash a typesetter uses for minus; before a digit, after no word, each one is a sign.
DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"

_SPACES = "[ \u00a0\u2009\u202f]"
# Decimal points and thousands separators of every script: digits joined by one we do not
# read ("4,91", "٤٫٩١") are not read at all, rather than read as their first part; so are
# digits joined by a fullwidth comma ("４，９１０"), which otherwise only ends a clause ("，12月")
_POINTS = ".,\uff0e\u066b\u066c"
# Thousands grouped by commas, or by spaces as in "4 910 000" (also no-break and thin spaces)
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:" + _SPACES + r"\d{3})+(?:\.\d+)?(?![\d,])"
    r"|\d+(?:\.\d+)?"
)
_CUR = r"USD|US\$|CNY|RMB|EUR|[$€¥]"
_MONTHS = "(?:" + "|".join(name.lower() for name in MONTH_NAMES) + r")\b\.?"
# A day is a date, not a count: "2025-03-11", "March 1, 2024", "1 March 2024", "2024年3月1日",
# "3月" (March); its value is its year, or the month when it names none
_DATE = (
    rf"\d{{4}}-\d\d-\d\d\b|{_MONTHS}[ \t]\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]\d{{4}}\b"
    rf"|\d{{1,2}}[ \t]{_MONTHS},?[ \t]\d{{4}}\b|(?:\d{{4}}年)?\d{{1,2}}月(?:\d{{1,2}}日)?"
)
# Number words as a grammar, so "one hundred thousand" is one number and "one two" two:
# below a hundred, then hundreds ("twelve hundred", "a hundred and five"), then a scale word,
# and another group only after a scale word ("two million three hundred thousand").
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_GAP = r"[ \t-]+"
_SMALL = rf"(?:(?:{_TENS})(?:[ -](?:{_UNITS}))?|{_TEENS}|{_UNITS}|dozen)\b"
_HALF = rf"(?:{_GAP}and{_GAP}a{_GAP}half\b)?"
_BIG = "thousand|million|billion|trillion"
_GROUP = (
    rf"(?:(?:{_SMALL}|an?){_GAP}hundred\b(?:{_GAP}(?:and{_GAP})?{_SMALL})?|{_SMALL})"
    rf"{_HALF}(?:{_GAP}(?:{_BIG})\b{_HALF})?"
    rf"|(?:an?|half{_GAP}an?){_GAP}(?:hundred|{_BIG})\b{_HALF}"
)
_AFTER_SCALE = "|".join(f"(?<={w})" for w in _BIG.split("|"))
_PHRASE = rf"(?:{_GROUP})(?:(?:{_AFTER_SCALE}),?{_GAP}(?:and{_GAP})?(?:{_GROUP}))*"
# "two thirds", "three quarters", "one fifth of": a singular part only before "of", since
# "a third plant" and "a fifth year" are ordinals and "in a quarter" a period
PARTS = {"third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_PARTS = "|".join(rf"{p}s|{p}(?=\s+of\b)" for p in PARTS)
_ORD = "|".join(ORDINALS)
_NUMBER = re.compile(
    rf"""
    (?<![{_POINTS}])(?<!\d\uff0c)(?<![^\W\u3400-\u9fff])  # not inside a word, but "销量491万辆" holds 491万
    (?<!(?-i:[A-Z])-)  # nor inside a name: "F-150", "COVID-19" (but "mid-2024", "top-10")
    (?P<sign>(?:minus|negative)\s+|[{DASHES}](?=(?:{_CUR})?\s?\d))?
    (?:(?P<cur>{_CUR})\s?)?
    (?:(?P<date>{_DATE})|(?P<frac>\d+/\d+)(?![\d/])|(?P<nth>\d+(?:st|nd|rd|th))\b
       |(?P<digits>{_DIGITS})(?![\d/]|[{_POINTS}\uff0c]\d|(?:{_SPACES}\d{{3}})+,\d)  # "4,91", "1.234.567",
                                                                # "1 234,5": numbers we do not read
       |(?P<part>(?:an?|{_UNITS})[ \t-](?:{_PARTS}))\b|(?P<word>{_PHRASE})
       |(?<!first\ )(?<!second\ )(?P<half>half)\b|(?P<ord>{_ORD})\b)
    (?:\s?(?:-\s?)?(?P<scale>(?:(?:hundred|thousand|million|billion|trillion|mn|bn|mln|bln|tn|mio|mrd
                                 |lakhs?|crores?|(?-i:[KMB]))\b|万亿|百万|千万|[千万亿])
                           (?:[ \t]+(?:thousand|million|billion)\b)*)
       |(?P<abbr>(?-i:[km]))\b)?
    (?:\s?(?:-\s?)?(?P<suffix>%|percent\b|per\ cent\b|times\b|-fold\b|fold\b|yuan\b|美?元))?
    """,
    re.VERBOSE | re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+\Z", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s+\Z", re.IGNORECASE)
_RANGE_GAP = re.compile(r"[ \t]*(?:-[ \t]*)?(?:to|-|–|—)[ \t]*\Z", re.IGNORECASE)
_AND_GAP = re.compile(r"[ \t]+and[ \t]+\Z", re.IGNORECASE)
_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)
# Digits a source holds but states no number with: a web address, a footnote mark ("sales[3]")
_INERT = re.compile(r"\b(?:https?://|www\.)\S+|(?<=[^\W\d])\[\d+\]")
# A year, not a count: "in 2024", "since 2019", "March 2024", "H1 2024", "2024年"
_YEAR_BEFORE = re.compile(
    rf"\b(?:in|since|during|until|till|before|after|by|of\ early|of\ late|mid|fy|q[1-4]|h[12]"
    rf"|{_MONTHS})[ \t-]*\Z",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number found in text: its full magnitude and what kind of number it is."""

    value: Decimal
    kind: str  # number · percent · currency · multiplier · ordinal · date · year
    text: str
    start: int
    end: int
    high: Decimal | None = None  # set for ranges such as "30 percent to 40 percent"
    currency: str | None = None
    scale: Decimal = Decimal(1)
    sign: str = ""  # the minus as written: "-", "−", "minus "

    @property
    def is_range(self) -> bool:
        return self.high is not None


SUFFIXES = {"%": "percent", "percent": "percent", "per cent": "percent", "times": "multiplier"}
SUFFIXES.update({"-fold": "multiplier", "fold": "multiplier", "yuan": "currency"})
SUFFIXES.update({"元": "currency", "美元": "currency"})


def _one(match: re.Match[str]) -> Quantity | None:
    """The number one match states, or None when it states none.

    None for "1/0", and for words that only look like ours: matching ignores case the Unicode
    way, so "ſix" (long s) or "fıve" (dotless i) match the pattern but are no words we read.
    """
    g = match.groupdict()
    start, end = match.start(), match.end()
    if g["date"]:
        year = re.search(r"\d{4}", g["date"]) or re.search(r"\d+", g["date"])
        return Quantity(Decimal(year.group(0) if year else 0), "date", match.group(0), start, end)
    suffix = (g["suffix"] or "").lower()
    if suffix and suffix not in SUFFIXES:
        return None
    scaled = g["scale"] or g["abbr"]
    scale = Decimal(1)
    for word in (scaled or "").lower().split():  # "5 hundred thousand" is 500,000
        if word not in SCALES:
            return None
        scale *= SCALES[word]
    step = scale
    if g["frac"]:
        top, bottom = (Decimal(part) for part in g["frac"].split("/"))
        if not bottom:
            return None
        base = Decimal(100) * top / bottom
    elif g["nth"]:
        base = Decimal(g["nth"][:-2])
    elif g["digits"]:
        base = Decimal(re.sub(r"[^\d.]", "", g["digits"]))
    elif g["word"]:
        said = _words(g["word"])
        if said is None:
            return None
        base, last = said
        step = scale if scaled else last
    elif g["part"]:
        count, part = (w.lower() for w in re.split(r"[ \t-]", g["part"]))
        parts = 1 if count in {"a", "an"} else WORDS.get(count)
        whole = PARTS.get(part.removesuffix("s"))
        if parts is None or whole is None:
            return None
        base = Decimal(100 * parts) / whole
    elif g["half"]:
        base = Decimal(50)
    elif g["ord"].lower() in ORDINALS:
        base = Decimal(ORDINALS[g["ord"].lower()])
    else:
        return None
    currency = CURRENCIES.get(g["cur"] or "") or CURRENCIES.get(suffix)
    if g["ord"] or g["nth"]:
        kind = "ordinal"
    elif g["half"] or g["frac"] or g["part"]:
        kind = "percent"
    else:
        kind = SUFFIXES.get(suffix) or ("currency" if currency else "number")
    if kind == "number" and _is_year(match, scaled):
        kind = "year"
    sign = g["sign"] or ""
    value = -base * scale if sign else base * scale
    return Quantity(value, kind, match.group(0), start, end, None, currency, step, sign)


def _is_year(match: re.Match[str], scaled: str | None) -> bool:
    """Whether plain digits name a year by the words around them ("in 2024", "2024年"), so
    the year of a sentence never verifies a count of 2024."""
    said = match.group("digits")
    if scaled or match.group("sign") or not said or not re.fullmatch(r"1[89]\d\d|2[01]\d\d", said):
        return False
    start = match.start()
    return match.string.startswith("年", match.end()) or (
        _YEAR_BEFORE.search(match.string, max(0, start - 16), start) is not None
    )


def _words(phrase: str) -> tuple[Decimal, Decimal] | None:
    """The value of number words ("two hundred million", "one and a half thousand") and the
    scale of their last word (for ranges), or None for a word we do not read."""
    total = current = Decimal(0)
    last = Decimal(1)
    for token in (t.lower() for t in _TOKEN.findall(phrase)):
        if token in WORDS:
            current, last = current + WORDS[token], Decimal(1)
        elif token == "half" and total and not current:
            total += last / 2  # "a million and a half"
        elif token == "half":
            current += Decimal("0.5")
        elif token == "hundred":
            current, last = (current or 1) * SCALES[token], SCALES[token]
        elif token in SCALES:
            total, current, last = total + (current or 1) * SCALES[token], Decimal(0), SCALES[token]
        elif token not in {"a", "an", "and"}:
            return None
    return total + current, last


def parse_numbers(text: str) -> list[Quantity]:
    """Every number in ``text``; two joined by "to" or a dash are one range, not two numbers.

    In "12 to 15 million" or "30 to 40 percent" the scale and suffix of the second number
    apply to the first (unless that puts the range out of order: "500,000 to 3 million"), and
    in "USD 3-5 billion" the currency of the first applies to the second. "From 39% to 53%" is
    a change between two numbers, not a range, and "3.7 percent to 31.28 million" joins numbers
    of different kinds, so neither is a range; "between 30 and 40 percent" is. A dash before a
    digit is a minus ("fell to -3.2 percent"), except as the dash of a range ("3 -5 percent").
    Invisible characters are left out of the reading, so a number spans them as a reader sees.
    """
    hidden = [m.start() for m in INVISIBLE.finditer(text)]
    if hidden:  # read what a reader sees: "4.9\u200b1 million" is 4.91 million, not 1 million
        seen = _parse(INVISIBLE.sub("", text))
        shown = [at - n for n, at in enumerate(hidden)]  # where each hidden one would be seen
        place = [
            (a + bisect.bisect_right(shown, a), b + bisect.bisect_left(shown, b))
            for a, b in ((q.start, q.end) for q in seen)
        ]
        return [
            replace(q, text=text[a:b], start=a, end=b)
            for q, (a, b) in zip(seen, place, strict=True)
        ]
    return _parse(text)


def _parse(text: str) -> list[Quantity]:
    inert = [m.span() for m in _INERT.finditer(text)]
    singles = [
        q for q in map(_one, _NUMBER.finditer(text)) if q is not None and not _inside(inert, q)
    ]
    found: list[Quantity] = []
    joined: set[int] = set()
    for left, written in itertools.pairwise(singles):
        right = written
        if (
            right.sign
            and right.sign[0] in DASHES
            and not _RANGE_GAP.match(text[left.end : right.start])
        ):
            right = _unsigned(right)
        gap = text[left.end : right.start]
        between = _AND_GAP.match(gap) and _ends(_BETWEEN, text, left.start)
        if not (_RANGE_GAP.match(gap) or between) or _ends(_FROM, text, left.start):
            continue
        span = _range(left, right, text[left.start : right.end])
        if span is not None:
            found.append(span)
            joined.update((left.start, written.start))
    found.extend(q for q in singles if q.start not in joined)
    return sorted(found, key=lambda q: (q.start, q.end))


def _inside(spans: list[tuple[int, int]], q: Quantity) -> bool:
    """Whether a number starts inside one of the (ordered, disjoint) spans."""
    at = bisect.bisect_right(spans, q.start, key=lambda span: span[0]) - 1
    return at >= 0 and q.start < spans[at][1]


def _ends(word: re.Pattern[str], text: str, at: int) -> bool:
    """Whether the text just before ``at`` ends with ``word`` (a window, not the whole text
    before, so pairing every number of a long source stays linear)."""
    return word.search(text, max(0, at - 40), at) is not None


def _unsigned(q: Quantity) -> Quantity:
    """A signed number read without its sign: the dash was the dash of a range."""
    cut = len(q.sign)
    return replace(q, value=-q.value, text=q.text[cut:], start=q.start + cut, sign="")


def _range(left: Quantity, right: Quantity, text: str) -> Quantity | None:
    """``left`` to ``right`` as one range, or None when they are two numbers."""
    if "date" in (left.kind, right.kind) or ("ordinal" in (left.kind, right.kind)) != (
        left.kind == right.kind == "ordinal"
    ):
        return None  # "the first 10 months", "2025-03-11 - 2024" are not ranges
    kind, currency = right.kind, right.currency
    if left.kind == "year" and right.kind == "number":
        kind = "year"  # "in 2025-2026"
    elif left.kind == "currency" and right.kind == "number" and right.currency is None:
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
    if style == "year":
        return q.kind in {"year", "date", "number"}
    if style == "count" and q.kind == "ordinal":
        return q.text[:1].isdigit()  # "the 22nd show" also counts the shows so far; "second" not
    return q.kind == "number"


def matches(value: object, quantities: list[Quantity], style: str, symbol: str = "") -> bool:
    """Whether a fact's value (number or [low, high]) is a number the quote states, of its kind."""
    return bool(matching(value, quantities, style, symbol))


def matching(
    value: object, quantities: list[Quantity], style: str, symbol: str = ""
) -> list[Quantity]:
    """The numbers of ``quantities`` that state a fact's value (number or [low, high])."""
    wanted = [q for q in quantities if fits(q, style, symbol)]
    if isinstance(value, list):
        low, high = (to_decimal(v) for v in value)
        return [q for q in wanted if q.is_range and q.value == low and q.high == high]
    number = to_decimal(value)  # type: ignore[arg-type]
    return [q for q in wanted if not q.is_range and q.value == number]
