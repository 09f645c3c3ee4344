"""Periods a fact refers to: 2023 · 2024-H1 · 2025-Q1 · 2024-10 · 2024-01/2024-10 · 2025/2026,
or ``undated`` when the source gives none (shown with the date the source reported it)."""

from __future__ import annotations

import datetime as dt
import re
from importlib import resources

from ruamel.yaml import YAML

_ONE = r"\d{4}(?:-(?:H[12]|Q[1-4]|(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?))?"
PERIOD = re.compile(rf"(?P<start>{_ONE})(?:/(?P<end>{_ONE}))?")
# The package's one table of month names, its English word list's (labels abbreviate them to
# three letters), read once. Not strftime("%B"): that follows the machine's locale.
MONTH_NAMES: dict[str, int] = dict(
    YAML(typ="safe").load(
        (resources.files("briefing") / "facts" / "wordlists" / "en.yaml").read_text("utf-8")
    )["month_names"]
)  # every way a text names a month, and its number: "March", "Mar", "Sept"
MONTHS = tuple(next(k for k, v in MONTH_NAMES.items() if v == n) for n in range(1, 13))
UNDATED = "undated"
FORMS = (
    "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10, "
    "or undated when the source gives no period"
)


def is_period(text: str) -> bool:
    if text == UNDATED:
        return True
    match = PERIOD.fullmatch(text)
    if match is None:
        return False
    return not match.group("end") or match.group("start") < match.group("end")


def _label(part: str) -> str:
    year, _, rest = part.partition("-")
    if not rest:
        return year
    if rest[0] in "HQ":
        return f"{rest} {year}"
    month, _, day = rest.partition("-")
    name = MONTHS[int(month) - 1][:3]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"


def label(text: str, reported: str | None = None) -> str:
    """A reader's label: "2024-H1" -> "H1 2024", "2024-01/2024-10" -> "Jan 2024–Oct 2024";
    "undated" with the source's date ``reported`` -> "undated; reported 13 Jul 2025", so a
    reader can place a statement the source does not date."""
    if text == UNDATED:
        return f"{UNDATED}; reported {_label(reported)}" if reported else UNDATED
    start, _, end = text.partition("/")
    return f"{_label(start)}–{_label(end)}" if end else _label(start)


def sort_key(text: str) -> str:
    """Periods sort by their start, as text (the ISO-like form makes that chronological)."""
    return text.split("/")[0]


def length(text: str) -> str:
    """How long a period is, in words a chart check can compare and a message can show:
    "12 months" (a year), "6 months", "10 months", "1 day", "undated"."""
    if text == UNDATED:
        return UNDATED
    start, _, end = text.partition("/")
    if 10 in (len(start), len(end)):
        days = (_day(end or start, first=False) - _day(start, first=True)).days + 1
        return f"{days} days" if days != 1 else "1 day"
    months = _months(end or start, first=False) - _months(start, first=True) + 1
    return f"{months} months" if months != 1 else "1 month"


def _months(part: str, first: bool) -> int:
    """A period part's first (or last) month, counted from year 0."""
    year, rest = int(part[:4]), part[5:]
    if not rest:
        return year * 12 + (0 if first else 11)
    if rest[0] in "HQ":
        size = 6 if rest[0] == "H" else 3
        begin = (int(rest[1]) - 1) * size
        return year * 12 + (begin if first else begin + size - 1)
    return year * 12 + int(rest[:2]) - 1


def _day(part: str, first: bool) -> dt.date:
    """A period part's first (or last) day."""
    if len(part) == 10:
        return dt.date.fromisoformat(part)
    month = _months(part, first)
    if first:
        return dt.date(month // 12, month % 12 + 1, 1)
    following = month + 1
    return dt.date(following // 12, following % 12 + 1, 1) - dt.timedelta(days=1)
