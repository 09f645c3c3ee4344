"""Encodings every chart shares, declared or drawn by a chart function: hover and axis titles.

Altair is imported inside ``tooltip``: a chart function's module is imported to validate
charts.yaml on every build, while Altair is needed only when a chart is drawn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.facts.units import Unit
from briefing.problems import visible

if TYPE_CHECKING:
    import altair as alt


def tooltip() -> list[alt.Tooltip]:
    """What a reader sees on hover: the fact as written, its period and its source."""
    import altair as alt

    return [
        alt.Tooltip("label:N", title="What"),
        alt.Tooltip("text:N", title="Value"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("source:N", title="Source"),
    ]


def unit_title(unit: Unit) -> str:
    """An axis title for values in ``unit``: "tonnes", "percent", "USD", its control
    characters shown as in the facts' text (an axis title is the chart's text and its label)."""
    return visible(unit.plural or unit.symbol or unit.id.replace("_", " "))
