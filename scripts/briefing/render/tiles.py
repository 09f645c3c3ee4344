"""Key-figure tiles (``{{ tiles("id", …) }}``): each fact's newest value, its change on the
previous period, its period and kind, and its citation.

The change is computed from facts, never typed: the previous period's fact of the same
measure (subject, place, unit, length of period), and the change rests on both, so its
marker cites both. No previous fact, a range or a unit that has no change (a rank, a year):
no change is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from briefing.facts import periods
from briefing.facts.model import Fact, FactBook
from briefing.facts.numbers import to_decimal
from briefing.facts.units import grouped

CHANGING = ("count", "currency", "percent", "multiplier")  # styles whose change means something
TENTH = Decimal("0.1")


@dataclass(frozen=True)
class Change:
    """How a fact's value moved on its previous period's: ``amount`` signed as typeset
    ("+21.1", "−3.2"), in percent of the earlier value, or in points for a share."""

    previous: Fact
    amount: str
    points: bool  # a share's change: the difference in percentage points
    approximate: bool  # either value is qualified ("nearly", "about")


def previous(book: FactBook, fact: Fact) -> Fact | None:
    """The newest earlier fact of the same measure over a period as long, of the same kind
    or an actual; among several for that period, one of the same source, then the first id."""
    if fact.period == periods.UNDATED or isinstance(fact.value, list):
        return None
    span = periods.length(fact.period)
    start = periods.sort_key(fact.period)
    earlier = [
        other
        for other in book.facts.values()
        if other.subject.casefold() == fact.subject.casefold()
        and other.geo.casefold() == fact.geo.casefold()
        and other.unit.id == fact.unit.id
        and other.kind in (fact.kind, "actual")
        and other.period != periods.UNDATED
        and not isinstance(other.value, list)
        and periods.length(other.period) == span
        and periods.sort_key(other.period) < start
    ]
    if not earlier:
        return None
    newest = max(periods.sort_key(o.period) for o in earlier)
    at = [o for o in earlier if periods.sort_key(o.period) == newest]
    return min(at, key=lambda o: (o.source != fact.source, o.id))


def change(book: FactBook, fact: Fact) -> Change | None:
    """The change of ``fact`` on its previous period, or None where there is none to show."""
    if fact.unit.style not in CHANGING:
        return None
    before = previous(book, fact)
    if before is None:
        return None
    new, old = to_decimal(fact.value), to_decimal(before.value)
    points = fact.unit.style == "percent"
    if points:
        moved = new - old
    elif old == 0:
        return None
    else:
        moved = ((new - old) / old * 100).quantize(TENTH, rounding=ROUND_HALF_UP)
    sign = "+" if moved > 0 else ""
    return Change(
        previous=before,
        amount=sign + grouped(moved.normalize() if points else moved),
        points=points,
        approximate=bool(fact.qualifier or before.qualifier),
    )
