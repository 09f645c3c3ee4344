"""``briefing add``: turn a quote from a source into a proposed fact, verified before it is written.

Each field the editor does not give is proposed by the rules `briefing check` applies, and the
proposal says how it was derived, so the editor reviews reasons rather than guesses. The entry
is appended with ruamel.yaml's round-trip mode, so the topic file keeps its comments, order and
quoting.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing import yamlio
from briefing.model import Fact, FactBook, Source
from briefing.numbers import Quantity, fits
from briefing.quotes import QuoteError, locate
from briefing.units import Unit, named_by

# The registry style a number of each kind is written in, when no noun says more.
_STYLE_OF_KIND = {"percent": "percent", "currency": "currency", "multiplier": "multiplier",
                  "ordinal": "rank", "year": "year", "date": "year"}  # fmt: skip
# Words after a number that end the search for its noun: the noun is not this number's.
_NOT_DESCRIBING = {"a", "an", "the", "in", "into", "to", "of", "from", "for", "by", "with", "at",
                   "than", "on", "as", "per"}  # fmt: skip
_THEN_ANOTHER = re.compile(
    r"\s*(?:,\s*)?(?:and|or|to)\s+"
)  # "31.28 million and 31.44 million units"


class AddError(Exception):
    """Why a proposed fact cannot be added, in words that say what to do."""


@dataclass(frozen=True)
class Given:
    """What the editor gives on the command line; each field left None is proposed."""

    source: str
    quote: str
    id: str
    subject: str
    number: int | None = None
    context: str = ""
    unit: str | None = None
    period: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    geo: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()


@dataclass
class Proposal:
    """The entry to append and, for each proposed field, how it was derived."""

    entry: CommentedMap
    how: dict[str, str] = field(default_factory=dict)

    def set(self, key: str, value: Any, how: str = "") -> None:
        """Write a field; ``how`` it was derived, for a field the editor did not give."""
        self.entry[key] = value
        if how:
            self.how[key] = how


def yaml_number(number: Decimal) -> int | float:
    """A parsed number as YAML writes it: 31400000, not 31400000.0; 4.5 as 4.5."""
    as_float = float(number)
    return int(as_float) if as_float.is_integer() else as_float


def is_year(q: Quantity) -> bool:
    """Whether a number names a year (or a day), not an amount: "in 2024", "2024 sales"."""
    bare = q.kind == "number" and q.scale == 1 and re.fullmatch(r"(19|20)\d\d", q.text.strip())
    return q.kind in {"year", "date"} or bool(bare)


def offered(found: list[Quantity], unit: Unit | None) -> tuple[list[Quantity], list[Quantity]]:
    """The numbers of a quote offered as the value, and the years skipped.

    A year is offered only for a year unit, or when the quote states nothing else: "in 2024"
    is when, not what. A given unit offers only the numbers it can have.
    """
    if unit is not None and unit.style == "year":
        return [q for q in found if is_year(q)], []
    if unit is not None:
        return [q for q in found if fits(q, unit.style, unit.symbol)], []
    amounts = [q for q in found if not is_year(q)]
    return (amounts, [q for q in found if is_year(q)]) if amounts else (found, [])


def propose(book: FactBook, given: Given) -> Proposal:
    """A fact entry for ``given.quote`` (after ``given.context``, when the source has it more
    than once), verified against the source as `briefing check` will; raises AddError otherwise."""
    source = book.sources.get(given.source)
    if source is None:
        raise AddError(f"unknown source '{given.source}'; known: {', '.join(sorted(book.sources))}")
    if given.id in book.facts:
        raise AddError(
            f"fact id '{given.id}' exists already ({book.facts[given.id].path}); choose another"
        )
    if not given.quote.strip():
        raise AddError("--quote is empty; copy the sentence that states the number from the source")
    unit = _given_unit(book, given.unit)
    try:
        span = locate(source.text, source.archive, given.quote, given.context)
    except QuoteError as err:
        raise AddError(err.message.replace("'context'", "--context")) from None
    found = source.text.numbers_in(*span)
    if not found:
        raise AddError("the quote states no number; quote the sentence that does")
    choices, years = offered(found, unit)
    q = _chosen(found, choices, years, given.number, unit)
    proposal = Proposal(CommentedMap())
    proposal.set("id", given.id)
    proposal.set("subject", given.subject)
    proposal.set("value", _value(q), _value_how(q, years, given.number))
    unit, unit_how = (unit, "") if unit else _unit(book, source, found, q)
    proposal.set("unit", unit.id, unit_how)
    period, period_how = _period(source, given)
    proposal.set("period", DoubleQuotedScalarString(period), period_how)
    kind = given.kind or ("rank" if unit.style == "rank" else "actual")
    proposal.set("kind", kind, "" if given.kind else "the unit's style")
    if given.qualifier:
        proposal.set("qualifier", given.qualifier)
    proposal.set("geo", *_geo(book, given))
    proposal.set("source", given.source)
    proposal.set("quote", DoubleQuotedScalarString(given.quote))
    if given.context:
        proposal.set("context", DoubleQuotedScalarString(given.context))
    if given.note:
        proposal.set("note", DoubleQuotedScalarString(given.note))
    if given.tags:
        tags = CommentedSeq(given.tags)
        tags.fa.set_flow_style()
        proposal.set("tags", tags)
    return proposal


def _given_unit(book: FactBook, name: str | None) -> Unit | None:
    if name is None:
        return None
    unit = book.units.get(name)
    if unit is None:
        raise AddError(
            f"--unit {name}: no such unit in facts/units.yaml; known: {', '.join(book.units)}"
        )
    return unit


def _chosen(
    found: list[Quantity],
    choices: list[Quantity],
    years: list[Quantity],
    number: int | None,
    unit: Unit | None,
) -> Quantity:
    """The number the editor means: the only one offered, or the one --number picks."""
    if not choices:
        stated = "; ".join(q.text.strip() for q in found)
        assert unit is not None  # only a given unit offers none of a quote's numbers
        raise AddError(
            f"--unit {unit.id}: the quote states no {unit.style} number (it states: {stated}); "
            "give another --unit, or none to have it proposed"
        )
    skipped = _skipped(years)
    if number is None and len(choices) > 1:
        listed = "; ".join(f"{i}: {q.text.strip()}" for i, q in enumerate(choices, 1))
        raise AddError(
            f"the quote states several numbers: {listed}{skipped}; pick one with --number N"
        )
    if number is not None and not 1 <= number <= len(choices):
        raise AddError(
            f"--number {number}: the quote offers {len(choices)} number(s){skipped}; give "
            f"--number 1 to {len(choices)}"
        )
    return choices[(number or 1) - 1]


def _skipped(years: list[Quantity]) -> str:
    if not years:
        return ""
    named = ", ".join(q.text.strip() for q in years)
    return (
        f"; {named} skipped as {'a year' if len(years) == 1 else 'years'}: --unit year offers them"
    )


def _value(q: Quantity) -> Any:
    if q.high is None:
        return yaml_number(q.value)
    value = CommentedSeq([yaml_number(q.value), yaml_number(q.high)])
    value.fa.set_flow_style()  # written [low, high], as editors write ranges
    return value


def _value_how(q: Quantity, years: list[Quantity], number: int | None) -> str:
    which = f"number {number} the quote offers" if number else "the only number the quote offers"
    return f"{which}, '{q.text.strip()}'{_skipped(years)}"


def _unit(book: FactBook, source: Source, found: list[Quantity], q: Quantity) -> tuple[Unit, str]:
    """The registry unit of a number: by its kind (a percent, a currency, ...), else by the
    noun after it ("million units" -> the unit with the noun "units")."""
    style = _STYLE_OF_KIND.get(q.kind, "count")
    if style != "count":
        unit = _of_style(book.units.values(), style, q.currency or "")
        written = f"in {q.currency}" if q.currency else f"a {q.kind} number"
        return unit, f"'{q.text.strip()}' is {written}: the {style} unit of facts/units.yaml"
    hit = noun_after(book.units.values(), source.text.text, q.end, found)
    if hit is None:
        unit = _of_style((u for u in book.units.values() if not u.nouns), "count")
        return unit, (
            f"no noun of facts/units.yaml follows '{q.text.strip()}'; give --unit, or add the "
            "noun to a unit's aliases in facts/units.yaml"
        )
    unit, noun = hit
    kind = "an alias" if noun.casefold() in (a.casefold() for a in unit.aliases) else "a noun"
    return unit, f"the noun '{noun}' after the number, {kind} of {unit.id} in facts/units.yaml"


def _of_style(units: Iterable[Unit], style: str, symbol: str = "") -> Unit:
    for unit in units:
        if unit.style == style and (not symbol or unit.symbol == symbol):
            return unit
    what = f"style {style}" + (f" and symbol {symbol}" if symbol else "")
    raise AddError(f"facts/units.yaml has no unit of {what}; add one (see README), or give --unit")


def noun_after(
    units: Iterable[Unit], text: str, at: int, numbers: list[Quantity]
) -> tuple[Unit, str] | None:
    """The unit the noun after a number names: the next word, or after up to two words
    describing it ("5.8 million new energy vehicles"), or the noun of the number it is listed
    with ("31.28 million and 31.44 million units"). None when a word such as "in" or "of"
    comes first: what follows it is not this number's noun."""
    units = tuple(units)
    starts = {q.start: q for q in numbers}
    for _ in range(3):
        rest = text[at:].lstrip()
        at = len(text) - len(rest)
        hit = named_by(units, rest[:80])
        if hit is not None:
            return hit
        then = _THEN_ANOTHER.match(text, at)
        if then and then.end() in starts:
            at = starts[then.end()].end
            continue
        word = re.match(r"[^\W\d_]+(?:-[^\W\d_]+)*", rest)
        if word is None or word.group().casefold() in _NOT_DESCRIBING:
            return None
        at += word.end()
    return None


def _period(source: Source, given: Given) -> tuple[str, str]:
    if given.period:
        return given.period, ""
    year = re.search(r"\b(19|20)\d\d\b", given.quote)
    if year:
        return year.group(0), "the year the quote states"
    return source.published[:4], f"the year of the source's date, {source.published}"


def _geo(book: FactBook, given: Given) -> tuple[str, str]:
    """The given geo, else the most common of the source's facts, else of the book's."""
    if given.geo:
        return given.geo, ""
    mine = book.facts_from(given.source)
    for facts, whose in ((mine, "the source's facts"), (list(book.facts.values()), "all facts")):
        common = _most_common(facts)
        if common:
            geo, count = common
            return geo, f"the most common geo of {whose}, {count} of {len(facts)}; else give --geo"
    raise AddError(
        "no fact has a geo to propose yet; give --geo, the country or region it is about"
    )


def _most_common(facts: list[Fact]) -> tuple[str, int] | None:
    counts = Counter(fact.geo for fact in facts)
    return counts.most_common(1)[0] if counts else None


def append(path: Path, entry: CommentedMap) -> None:
    """Append to a facts file, keeping its comments, order and quoting."""
    yaml = yamlio.new_yaml()
    data = yaml.load(path.read_text("utf-8")) if path.is_file() else None
    if data is None:
        data = CommentedSeq()
    data.append(entry)
    with path.open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
