"""``briefing add``: turn a quote from a source into a proposed fact, verified before it is written.

Each field the editor does not give is proposed by the rules `briefing check` applies, and the
proposal says how it was derived, so the editor reviews reasons rather than guesses. The entry
is appended with ruamel.yaml's round-trip mode, so the topic file keeps its comments, order and
quoting.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from briefing.curation import proposals
from briefing.facts import meaning, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Fact, FactBook, Source
from briefing.facts.numbers import Quantity
from briefing.facts.quotes import QuoteError, locate
from briefing.facts.units import Unit
from briefing.facts.wording import Wording, Words
from briefing.problems import Problem


class AddError(Exception):
    """Why a proposed fact cannot be added, in words that say what to do."""


@dataclass(frozen=True)
class Given:
    """What the editor gives on the command line; each field left None is proposed."""

    source: str
    quote: str
    id: str
    subject: str | None = None
    claim: str | None = None  # a claim's statement: propose a claim, not a fact
    number: int | None = None
    context: str = ""
    unit: str | None = None
    period: str | None = None
    kind: str | None = None
    qualifier: str | None = None
    geo: str | None = None
    said_by: str | None = None
    data_from: str | None = None
    period_from: str | None = None
    reading: str | None = None
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


def propose(book: FactBook, given: Given, wording: Wording) -> Proposal:
    """A fact entry for ``given.quote`` (after ``given.context``, when the source has it more
    than once), verified against the source as `briefing check` will; raises AddError otherwise.
    The quote is read by ``wording``, the word lists the meaning checks read it by."""
    if not given.subject:
        raise AddError(
            "--subject is required for a fact: what is measured, as a reader would say it"
        )
    source, span = _located(book, given)
    words = wording.of(source.language)
    unit = _given_unit(book, given.unit)
    found = source.text.numbers_in(*span)
    if not found:
        raise AddError("the quote states no number; quote the sentence that does")
    offer = proposals.offered(found, unit, proposals.dating(source.text.text, span, words))
    q = _chosen(found, offer, given.number, unit)
    proposal = Proposal(CommentedMap())
    proposal.set("id", given.id)
    proposal.set("subject", given.subject)
    proposal.set("value", _value(q), _value_how(q, offer, given.number))
    try:
        unit, unit_how = (unit, "") if unit else proposals.unit_of(book.units, source, found, q)
        proposal.set("unit", unit.id, unit_how)
        _period(proposal, source, span, q.start, given, words, offer.numbers)
        text = source.text.text
        kind, kind_how = (
            (given.kind, "") if given.kind else proposals.kind(text, span, unit.style, words)
        )
        proposal.set("kind", kind, kind_how)
        said, said_how = (
            (given.qualifier, "") if given.qualifier else proposals.qualifier(text, span, q, words)
        )
    except proposals.ProposalError as err:
        raise AddError(str(err)) from None
    if said:
        proposal.set("qualifier", said, said_how)
    proposal.set("geo", *_geo(book, given))
    _sourced(proposal, given)
    _meaning_checked(proposal, f"fact '{given.id}' as proposed", source, span, words, q)
    return proposal


def propose_claim(book: FactBook, given: Given, wording: Wording) -> Proposal:
    """A claim entry stating ``given.claim`` from ``given.quote``, its period and kind read
    from the quote's words as for a fact; it has no number, so no value, unit or qualifier."""
    given_number = [o for o, v in (("--number", given.number), ("--unit", given.unit),
                                   ("--qualifier", given.qualifier)) if v is not None]  # fmt: skip
    if given_number:
        raise AddError(f"a claim states no number; remove {', '.join(given_number)}")
    source, span = _located(book, given)
    words = wording.of(source.language)
    proposal = Proposal(CommentedMap())
    proposal.set("id", given.id)
    proposal.set("claim", DoubleQuotedScalarString(given.claim or ""))
    if given.subject:
        proposal.set("subject", given.subject)
    try:
        _period(proposal, source, span, None, given, words)
        kind = (given.kind, "") if given.kind else proposals.kind(source.text.text, span, "", words)
    except proposals.ProposalError as err:
        raise AddError(str(err)) from None
    proposal.set("kind", *kind)
    if given.geo:
        proposal.set("geo", given.geo)
    _sourced(proposal, given)
    _meaning_checked(proposal, f"claim '{given.id}' as proposed", source, span, words, None)
    return proposal


def _meaning_checked(
    proposal: Proposal,
    what: str,
    source: Source,
    span: tuple[int, int],
    words: Words,
    q: Quantity | None,
) -> None:
    """Raise what the meaning checks would report on the proposal, before anything is
    written or shown as fit: a case the proposal's reading missed, or an option at odds."""
    problems: list[Problem] = []
    meaning.check_record(
        Checker(source.archive, problems), dict(proposal.entry), what, source, span, words, q
    )
    if problems:
        raise AddError("\nbriefing add: ".join(p.message for p in problems))


def _located(book: FactBook, given: Given) -> tuple[Source, tuple[int, int]]:
    """The source and where the quote is in it; the id is new and the quote not empty."""
    source = book.sources.get(given.source)
    if source is None:
        raise AddError(f"unknown source '{given.source}'; known: {', '.join(sorted(book.sources))}")
    taken = book.record(given.id)
    if taken is not None:
        raise AddError(f"id '{given.id}' exists already ({taken.path}); choose another")
    if not given.quote.strip():
        stating = "it" if given.claim else "the number"
        raise AddError(f"--quote is empty; copy the sentence that states {stating} from the source")
    try:
        return source, locate(source.text, source.archive, given.quote, given.context)
    except QuoteError as err:
        raise AddError(err.message.replace("'context'", "--context")) from None


def _sourced(proposal: Proposal, given: Given) -> None:
    """The fields the editor gives as they are: where the record comes from, and notes."""
    proposal.set("source", given.source)
    proposal.set("quote", DoubleQuotedScalarString(given.quote))
    if given.context:
        proposal.set("context", DoubleQuotedScalarString(given.context))
    for key in ("said_by", "data_from", "reading", "note"):
        if getattr(given, key):
            proposal.set(key, DoubleQuotedScalarString(getattr(given, key)))
    if given.tags:
        tags = CommentedSeq(given.tags)
        tags.fa.set_flow_style()
        proposal.set("tags", tags)


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
    found: list[Quantity], offer: proposals.Offer, number: int | None, unit: Unit | None
) -> Quantity:
    """The number the editor means: the only one offered, or the one --number picks."""
    choices = offer.numbers
    if not choices:
        stated = "; ".join(q.text.strip() for q in found)
        wanted = f"no {unit.style} number" if unit else "no number but the period's"
        raise AddError(
            f"the quote states {wanted} (it states: {stated}{offer.skipped}); "
            + (
                "give another --unit, or none to have it proposed"
                if unit
                else "quote the sentence that states the number"
            )
        )
    if number is None and len(choices) > 1:
        listed = "; ".join(f"{i}: {q.text.strip()}" for i, q in enumerate(choices, 1))
        raise AddError(
            f"the quote states several numbers: {listed}{offer.skipped}; pick one with --number N"
        )
    if number is not None and not 1 <= number <= len(choices):
        raise AddError(
            f"--number {number}: the quote offers {len(choices)} number(s){offer.skipped}; give "
            f"--number 1 to {len(choices)}"
        )
    return choices[(number or 1) - 1]


def _value(q: Quantity) -> Any:
    if q.high is None:
        return yaml_number(q.value)
    value = CommentedSeq([yaml_number(q.value), yaml_number(q.high)])
    value.fa.set_flow_style()  # written [low, high], as editors write ranges
    return value


def _value_how(q: Quantity, offer: proposals.Offer, number: int | None) -> str:
    which = f"number {number} the quote offers" if number else "the only number the quote offers"
    return f"{which}, '{q.text.strip()}'{offer.skipped}"


def _period(
    proposal: Proposal,
    source: Source,
    span: tuple[int, int],
    at: int | None,
    given: Given,
    words: Words,
    amounts: Sequence[Quantity] = (),
) -> None:
    """period (and period_from): as given, resolved from --period-from, or from the quote
    (the phrase of the number's sentence nearest it, of several: see proposals.period)."""
    if given.period_from:
        period = given.period or meaning.resolve(given.period_from, words, source.published)
        if period is None:
            raise AddError(
                f'--period-from "{given.period_from}" names no period the word lists read; '
                'give --period too, or the quote\'s words such as "last year"'
            )
        how = f"--period-from in a source published {source.published}"
        proposal.set("period", DoubleQuotedScalarString(period), "" if given.period else how)
        proposal.set("period_from", DoubleQuotedScalarString(given.period_from))
        return
    if given.period:
        proposal.set("period", DoubleQuotedScalarString(given.period))
        relative = proposals.resolving_to(given.period, source, span, at, words)
        if relative:
            how = f"the quote's words for --period {given.period} in a source published "
            proposal.set("period_from", DoubleQuotedScalarString(relative), how + source.published)
        return
    found = proposals.period(source, span, at, words, amounts)
    proposal.set("period", DoubleQuotedScalarString(found.period), found.how)
    if found.period_from:
        proposal.set("period_from", DoubleQuotedScalarString(found.period_from))


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
        "no fact has a geo to propose yet; give --geo, the country or region the number is about"
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
