"""What a quote's wording proposes for a new record's period, qualifier and kind.

`briefing add` proposes what `briefing check` then accepts, so it reads the quote with the
checks' own word lists and resolver (briefing.wording, briefing.meaning), never with words of
its own. Each proposal comes with how it was derived, in words the editor can check against
the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from briefing import meaning
from briefing.model import Source
from briefing.numbers import Quantity
from briefing.periods import UNDATED
from briefing.schema import KINDS
from briefing.wording import Found, Words

# What may stand between words of one period: "the first half of this year", "2024年上半年".
_JOINING = re.compile(r"[\s,]*(?:(?:of|in|the|this|for)\s+)*|年", re.IGNORECASE)


class ProposalError(Exception):
    """A field the wording cannot decide: what to give instead."""


@dataclass(frozen=True)
class Period:
    """A proposed period, the relative words it is resolved from (if any), and how."""

    period: str
    period_from: str | None
    how: str


def period(source: Source, span: tuple[int, int], at: int | None, words: Words) -> Period:
    """The period the quote states in the sentence of the number at offset ``at`` (the
    whole quote for a claim): a year, with a half, quarter or month, as written, or resolved
    from relative words ("last year") against the source's date; else undated."""
    first, last = _sentence_in_quote(source.text.text, span, at, words)
    found = phrases(source.text.text[first:last], words)
    if not found:
        return Period(UNDATED, None, _undated_how(source, span, words))
    resolved = meaning.resolve(found[0][0], words, source.published)
    if len(found) > 1 or resolved is None:
        listed = ", ".join(f'"{said}"' for said, _ in found)
        raise ProposalError(
            f"the quote states more than one period ({listed}); give --period, and "
            "--period-from with the words of it if they are relative"
        )
    said, explicit = found[0]
    if explicit:
        return Period(resolved, None, f"'{said}' in the quote")
    return Period(
        resolved, said, f"'{said}' in a source published {source.published}; written as period_from"
    )


def phrases(said: str, words: Words) -> list[tuple[str, bool]]:
    """The period phrases of a sentence, each with whether it names its year: words that
    date it (a year, "last year", "the first half", "July") joined only where nothing but
    "of", "in", "the"... stands between them, so that "4.3 percent last year and 3.9 percent
    in the first quarter" is two periods, not the first quarter of last year."""
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
    return [(said[start:end], explicit) for start, end, explicit in merged]


def resolving_to(
    wanted: str, source: Source, span: tuple[int, int], at: int | None, words: Words
) -> str | None:
    """The relative words of the number's sentence that resolve to the period the editor
    gave ("last year" for 2024, in a 2025 source): the check needs them as period_from."""
    first, last = _sentence_in_quote(source.text.text, span, at, words)
    for said, explicit in phrases(source.text.text[first:last], words):
        if not explicit and meaning.resolve(said, words, source.published) == wanted:
            return said
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
