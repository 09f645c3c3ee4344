"""What a quote's wording proposes for a new record's value, unit, period, qualifier and kind.

`briefing add` proposes what `briefing check` then accepts, so it reads the quote with the
checks' own word lists and resolver (briefing.facts.wording, briefing.facts.meaning), never with words of
its own. Each proposal comes with how it was derived, in words the editor can check against
the source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from briefing.facts import meaning
from briefing.facts.model import Source
from briefing.facts.numbers import Quantity, fits
from briefing.facts.periods import UNDATED
from briefing.facts.schema import KINDS
from briefing.facts.units import Unit, noun_after
from briefing.facts.wording import Found, Words

# What may stand between words of one period: "the first half of this year", "2024年上半年".
_JOINING = re.compile(r"[\s,]*(?:(?:of|in|the|this|for)\s+)*|年", re.IGNORECASE)


# The registry style a number of each kind is written in, when no noun says more.
_STYLE_OF_KIND = {"percent": "percent", "currency": "currency", "multiplier": "multiplier",
                  "ordinal": "rank", "year": "year", "date": "year"}  # fmt: skip
_WRITTEN_AS = {"percent": "a percent", "currency": "a sum", "multiplier": "a multiple",
               "ordinal": "an ordinal", "year": "a year", "date": "a date"}  # fmt: skip


class ProposalError(Exception):
    """A field the wording cannot decide: what to give instead."""


@dataclass(frozen=True)
class Period:
    """A proposed period, the relative words it is resolved from (if any), and how."""

    period: str
    period_from: str | None
    how: str


def is_year(q: Quantity) -> bool:
    """Whether a number names a year (or a day), not an amount: "in 2024", "2024 sales"."""
    bare = q.kind == "number" and q.scale == 1 and re.fullmatch(r"(19|20)\d\d", q.text.strip())
    return q.kind in {"year", "date"} or bool(bare)


@dataclass(frozen=True)
class Offer:
    """The numbers of a quote offered as the value, and which were skipped and why."""

    numbers: list[Quantity]
    skipped: str = ""  # "; 2024 skipped as a year, which --unit year offers"


def offered(found: list[Quantity], unit: Unit | None, dating: Sequence[Found] = ()) -> Offer:
    """The numbers of a quote offered as the value.

    A number inside words that date the record ("first" of "the first half") is never
    offered; a year only for a year unit, or when the quote states nothing else: "in 2024"
    is when, not what. A given unit offers only the numbers it can have.
    """
    inside = {q: f.words for q in found for f in dating if f.start <= q.start and q.end <= f.end}
    why = "".join(f"; {q.text.strip()} skipped as part of '{w}'" for q, w in inside.items())
    found = [q for q in found if q not in inside]
    if unit is not None and unit.style == "year":
        return Offer([q for q in found if is_year(q)], why)
    if unit is not None:
        return Offer([q for q in found if fits(q, unit.style, unit.symbol)], why)
    amounts = [q for q in found if not is_year(q)]
    years = [q.text.strip() for q in found if is_year(q)]
    if not amounts or not years:
        return Offer(amounts or found, why)
    what = "a year" if len(years) == 1 else "years"
    return Offer(amounts, f"; {', '.join(years)} skipped as {what}, which --unit year offers{why}")


def unit_of(
    units: Mapping[str, Unit], source: Source, found: list[Quantity], q: Quantity, words: Words
) -> tuple[Unit, str]:
    """The registry unit of a number: by its kind (a percent, a currency, ...), else by the
    noun after it ("million units" -> the unit with the noun "units")."""
    style = "year" if is_year(q) else _STYLE_OF_KIND.get(q.kind, "count")
    written = f"in {q.currency}" if q.currency else _WRITTEN_AS.get(q.kind, "a year")
    if q.kind == "ordinal":
        then = re.match(r"\s+([^\W\d_]+)", source.text.text[q.end : q.end + 40])
        if then and then.group(1).casefold() not in words.linking:
            style, written = "ordinal", f"an ordinal before '{then.group(1)}', not a rank"
    if style != "count":
        unit = _of_style(units.values(), style, q.currency or "")
        return unit, f"'{q.text.strip()}' is {written}: the {style} unit of facts/units.yaml"
    hit = noun_after(units.values(), source.text.text, q.end, found, words.linking)
    if hit is None:
        bare = [u for u in units.values() if u.style == "count" and not u.nouns]
        then = re.match(r"\s+([^\W\d_]+)", source.text.text[q.end : q.end + 40])
        noun = f"'{then.group(1)}'" if then else "the noun"
        missed = f"no noun of facts/units.yaml follows '{q.text.strip()}'"
        if not bare:  # nothing to fall back on: say so, not that no count unit exists
            raise ProposalError(
                f"{missed}, and it has no count unit without nouns to fall back on; give "
                f"--unit, or add {noun} to a unit's aliases in facts/units.yaml"
            )
        return bare[0], (
            f"{missed}; give --unit, or add {noun} to a unit's aliases in facts/units.yaml"
        )
    unit, noun = hit
    kind = "an alias" if noun.casefold() in (a.casefold() for a in unit.aliases) else "a noun"
    return unit, f"the noun '{noun}' after the number, {kind} of {unit.id} in facts/units.yaml"


def _of_style(units: Iterable[Unit], style: str, symbol: str = "") -> Unit:
    for unit in units:
        if unit.style == style and (not symbol or unit.symbol == symbol):
            return unit
    what = f"style {style}" + (f" and symbol {symbol}" if symbol else "")
    raise ProposalError(
        f"facts/units.yaml has no unit of {what}; add one (see README), or give --unit"
    )


@dataclass(frozen=True)
class Phrase:
    """Words of a sentence that date it, where they are, and whether they name the year."""

    said: str
    explicit: bool
    start: int
    end: int


def period(
    source: Source,
    span: tuple[int, int],
    at: int | None,
    words: Words,
    amounts: Sequence[Quantity] = (),
) -> Period:
    """The period the quote states in the sentence of the number at offset ``at`` (the
    whole quote for a claim): a year, with a half, quarter or month, as written, or resolved
    from relative words ("last year") against the source's date; else undated. Of several
    periods of a sentence, the one no other of its ``amounts`` stands between it and the
    number ("4.3 percent last year and 3.9 percent in the first quarter": last year for 4.3)."""
    first, last = _sentence_in_quote(source.text.text, span, at, words)
    found = phrases(source.text.text, first, last, words)
    if not found:
        return Period(UNDATED, None, _undated_how(source, span, words))
    near = (
        found if at is None or len(found) == 1 else [p for p in found if not _apart(p, at, amounts)]
    )
    resolved = meaning.resolve(near[0].said, words, source.published) if near else None
    if len(near) != 1 or resolved is None:
        listed = ", ".join(f'"{p.said}"' for p in found)
        raise ProposalError(
            f"the quote states more than one period ({listed}); give --period, and "
            "--period-from with the words of it if they are relative"
        )
    chosen = near[0]
    also = ", ".join(f"'{p.said}'" for p in found if p is not chosen)
    nearest = f"; nearer the number than {also}" if also else ""
    if chosen.explicit:
        return Period(resolved, None, f"'{chosen.said}' in the quote{nearest}")
    how = (
        f"'{chosen.said}' in a source published {source.published}{nearest}; written as period_from"
    )
    return Period(resolved, chosen.said, how)


def _apart(phrase: Phrase, at: int, amounts: Sequence[Quantity]) -> bool:
    """Whether another number stands between a period phrase and the number at ``at``."""
    return any(
        phrase.end <= q.start < at or at < q.start < phrase.start for q in amounts if q.start != at
    )


def phrases(text: str, first: int, last: int, words: Words) -> list[Phrase]:
    """The period phrases of the sentence ``text[first:last]``: words that date it (a year,
    "last year", "the first half", "July") joined only where nothing but "of", "in",
    "the"... stands between them, so that "4.3 percent last year and 3.9 percent in the first
    quarter" is two periods, not the first quarter of last year."""
    said = text[first:last]
    years, _, _ = meaning.stated(said, words)
    spans = [
        (m.start(), m.end(), True) for y in years for m in re.finditer(rf"(?<!\d){y}(?!\d)", said)
    ]
    spans += [(f.start, f.end, False) for f in (*words.years(said), *words.parts(said))]
    merged: list[list[Any]] = []
    for start, end, explicit in sorted(spans):
        if merged and (start <= merged[-1][1] or _JOINING.fullmatch(said[merged[-1][1] : start])):
            merged[-1][1] = max(end, merged[-1][1])
            merged[-1][2] = merged[-1][2] or explicit
        else:
            merged.append([start, end, explicit])
    return [Phrase(said[s:e], x, first + s, first + e) for s, e, x in merged]


def resolving_to(
    wanted: str, source: Source, span: tuple[int, int], at: int | None, words: Words
) -> str | None:
    """The relative words of the number's sentence that resolve to the period the editor
    gave ("last year" for 2024, in a 2025 source): the check needs them as period_from."""
    first, last = _sentence_in_quote(source.text.text, span, at, words)
    for phrase in phrases(source.text.text, first, last, words):
        if not phrase.explicit and meaning.resolve(phrase.said, words, source.published) == wanted:
            return phrase.said
    return None


def dating(text: str, span: tuple[int, int], words: Words) -> list[Found]:
    """Where, in the source, the quote's words that date it are ("the first half", "last
    year"): a number inside them ("first") is no value."""
    quote = text[span[0] : span[1]]
    found = [*words.parts(quote), *words.years(quote)]
    return [Found(f.meaning, f.words, span[0] + f.start, span[0] + f.end) for f in found]


def _sentence_in_quote(
    text: str, span: tuple[int, int], at: int | None, words: Words
) -> tuple[int, int]:
    """Where, in the source, the quote's sentence holding offset ``at`` lies (cut to the
    quote): a year of the sentence before is not the number's."""
    quote = text[span[0] : span[1]]
    if at is None:
        return span
    for first, last in meaning.sentences(quote, words):
        if span[0] + first <= at < span[0] + last:
            return span[0] + first, span[0] + last
    return span


def _undated_how(source: Source, span: tuple[int, int], words: Words) -> str:
    """Why a record is undated, and the words of its sentence outside the quote that may
    date it (the quote then needs them)."""
    text = source.text.text
    first, last = meaning.sentence(text, span, words)
    outside = text[first : span[0]] + " " + text[span[1] : last]
    years, parts, relatives = meaning.stated(outside, words)
    said = [*map(str, sorted(years)), *parts.values(), *(f.words for f in relatives)]
    if said:
        listed = ", ".join(f"'{w}'" for w in dict.fromkeys(said))
        return (
            f"the quote states no period, but its sentence says {listed}: quote those words "
            "too to date it, or give --period"
        )
    return (
        "the quote states no year, half, quarter or month, nor words such as 'last year'; "
        "give --period if the source dates it elsewhere, and quote the words that do"
    )


def qualifier(
    text: str, span: tuple[int, int], q: Quantity, words: Words
) -> tuple[str | None, str]:
    """The qualifier the words just before the number say ("more than" -> over)."""
    window = max(0, q.start - 60)
    before = words.qualifier_before(text[window : q.start])
    if before is None:
        return None, ""
    if window + before.start < span[0]:
        raise ProposalError(
            f'the source says "{before.words}" just before {q.text.strip()}, outside the '
            "quote; start the quote with it, so that the quote states the qualifier"
        )
    return before.meaning, f"'{before.words}' just before the number"


def kind(text: str, span: tuple[int, int], unit_style: str, words: Words) -> tuple[str, str]:
    """The kind the wording says: a hedge in the quote's sentence, or a future tense in the
    quote, is no 'actual'."""
    if unit_style == "rank":
        return "rank", "the number is a rank"
    first, last = meaning.sentence(text, span, words)
    hedges = words.hedges(text[first:last])
    if hedges:
        named = _kind_named(hedges)
        other = "estimate, target, plan or aspiration" if named == "forecast" else "forecast"
        return named, (
            f"the quote's sentence hedges it: {_listed(hedges)}; give "
            f"--kind {other} if it says that, or --kind actual and --reading if the hedge is "
            "another clause's"
        )
    future = words.future(text[span[0] : span[1]])
    if future:
        return "forecast", (
            f"the quote is in the future tense: {_listed(future)}; if it reports what "
            "happened, as a translation may, give --kind actual and --reading saying so"
        )
    return "actual", "no hedge in the quote's sentence, no future tense in the quote"


def _listed(found: list[str]) -> str:
    return ", ".join(f"'{w}'" for w in found)


def _kind_named(hedges: list[str]) -> str:
    """The kind a hedge names itself ("estimated" an estimate, "plans" a plan), else forecast."""
    for hedge in hedges:
        for kind in KINDS:
            if kind != "actual" and hedge.casefold().startswith(kind[:4]):
                return kind
    return "forecast"
