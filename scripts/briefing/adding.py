"""``briefing add``: turn a quote from a source into a proposed fact, verified before it is written.

The entry is appended with ruamel.yaml's round-trip mode, so the topic file keeps its
comments, order and quoting.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing import periods, yamlio
from briefing.model import FactBook
from briefing.numbers import Quantity
from briefing.quotes import QuoteError, locate

_YEAR = re.compile(r"\b(19|20)\d\d\b")
_NOUNS = {"vehicle": "vehicles", "unit": "vehicles", "car": "cars", "brand": "brands",
          "compan": "companies", "people": "people", "point": "points"}  # fmt: skip
CURRENCY_UNITS = {"USD": "usd", "CNY": "cny", "EUR": "eur"}


class AddError(Exception):
    """Why a proposed fact cannot be added, in words that say what to do."""


def _plain(number: Any) -> int | float:
    as_float = float(number)
    return int(as_float) if as_float.is_integer() else as_float


def guess_unit(text: str, q: Quantity) -> str:
    """The registry unit a number parsed from ``text`` most likely has (by the word after it)."""
    if q.kind == "percent":
        return "percent"
    if q.kind == "currency":
        return CURRENCY_UNITS.get(q.currency or "", "usd")
    if q.kind == "multiplier":
        return "times"
    if q.kind == "ordinal":
        return "rank"
    if q.kind == "year":
        return "year"
    after = text[q.end : q.end + 20].lower()
    for stem, unit in _NOUNS.items():
        if after.lstrip().startswith(stem):
            return unit
    return "count"


def propose(
    book: FactBook,
    source_id: str,
    quote: str,
    fact_id: str,
    subject: str,
    choice: int | None,
    context: str = "",
) -> CommentedMap:
    """A fact entry for ``quote`` (after ``context``, when the source has it more than once),
    verified against the source as `briefing check` will; raises AddError otherwise."""
    source = book.sources.get(source_id)
    if source is None:
        raise AddError(f"unknown source '{source_id}'; known: {', '.join(sorted(book.sources))}")
    if fact_id in book.facts:
        raise AddError(
            f"fact id '{fact_id}' exists already ({book.facts[fact_id].path}); choose another"
        )
    if not quote.strip():
        raise AddError("--quote is empty; copy the sentence that states the number from the source")
    try:
        span = locate(source.text, source.archive, quote, context)
    except QuoteError as err:
        raise AddError(err.message.replace("'context'", "--context")) from None
    found = source.text.numbers_in(*span)
    if not found:
        raise AddError("the quote states no number; quote the sentence that does")
    if choice is None and len(found) > 1:
        listed = "; ".join(f"{i}: {q.text.strip()}" for i, q in enumerate(found, 1))
        raise AddError(f"the quote states several numbers ({listed}); pick one with --number N")
    if choice is not None and not 1 <= choice <= len(found):
        raise AddError(
            f"--number {choice}: the quote states {len(found)} number(s); give --number 1 to "
            f"{len(found)}"
        )
    q = found[(choice or 1) - 1]
    value: Any = _plain(q.value)
    if q.high is not None:
        value = CommentedSeq([_plain(q.value), _plain(q.high)])
        value.fa.set_flow_style()  # written [low, high], as editors write ranges
    year = _YEAR.search(quote)
    period = year.group(0) if year else periods.UNDATED  # the check accepts no invented year
    entry = CommentedMap()
    entry["id"] = fact_id
    entry["subject"] = subject
    entry["value"] = value
    entry["unit"] = guess_unit(source.text.text, q)
    entry["period"] = DoubleQuotedScalarString(period)
    entry["kind"] = "rank" if q.kind == "ordinal" else "actual"
    entry["geo"] = "China"
    entry["source"] = source_id
    entry["quote"] = DoubleQuotedScalarString(quote)
    if context:
        entry["context"] = DoubleQuotedScalarString(context)
    if not year:
        entry["note"] = DoubleQuotedScalarString(
            "The quote states no year; if its words give the period relative to the source's "
            "date, write the period and those words as period_from."
        )
    return entry


def append(path: Path, entry: CommentedMap) -> None:
    """Append to a facts file, keeping its comments, order and quoting."""
    yaml = yamlio.new_yaml()
    data = yaml.load(path.read_text("utf-8")) if path.is_file() else None
    if data is None:
        data = CommentedSeq()
    data.append(entry)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
