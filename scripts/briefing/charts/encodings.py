"""Encodings every chart shares, declared or drawn by a chart function: hover, axis titles,
the value axis in the unit's style and how a fact's kind is drawn.

Altair is imported inside ``tooltip``: a chart function's module is imported to validate
charts.yaml on every build, while Altair is needed only when a chart is drawn.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from briefing.facts.model import Fact
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


# Kinds a source measured; any other (a forecast, an estimate, a target, a plan) is drawn
# lighter and dashed, with a legend entry, so it never passes for an actual.
MEASURED = ("actual", "rank")


def drawn_as(kind: str) -> str:
    """How a fact of ``kind`` is drawn, as its legend entry says: "Actual", "Forecast"."""
    return "Actual" if kind in MEASURED else kind.capitalize()


def kind_encodings(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Opacity and dash by the rows' ``drawn`` field (see ``drawn_as``), with a legend;
    none when every row is an actual (a legend of one entry says nothing)."""
    import altair as alt

    from briefing.charts import theme

    kinds = list(dict.fromkeys(str(row["drawn"]) for row in rows))
    if kinds == ["Actual"]:
        return {}
    kinds.sort(key=lambda k: k != "Actual")
    actual = [k == "Actual" for k in kinds]
    legend = alt.Legend(
        title=None,
        symbolFillColor=theme.PALETTE[0],
        symbolStrokeColor=theme.PALETTE[0],
    )
    return {
        "opacity": alt.Opacity(  # not fillOpacity: Vega-Lite draws no legend for it
            "drawn:N",
            scale=alt.Scale(domain=kinds, range=[1 if a else theme.KIND_OPACITY for a in actual]),
            legend=legend,
        ),
        "strokeDash": alt.StrokeDash(
            "drawn:N",
            scale=alt.Scale(domain=kinds, range=[[1, 0] if a else theme.KIND_DASH for a in actual]),
            legend=legend,  # merged with the opacity's into one (None would drop both)
        ),
    }


def value_axis(channel: str, facts: Sequence[Fact], title: str | None = None) -> Any:
    """The value axis: ticks in the unit's style, one scale for the axis ("0", "10m", "20m";
    "USD 50bn"; "20%"), from the largest value of ``facts``; the unit is in the subtitle."""
    import altair as alt

    from briefing.charts.formats import axis_expr

    values = [float(f.value) for f in facts if not isinstance(f.value, list)]
    axis = alt.Axis(labelExpr=axis_expr(facts[0].unit, values), tickCount=4, labelFlush=False)
    cls = alt.X if channel == "x" else alt.Y
    return cls("value:Q", title=title, axis=axis, scale=alt.Scale(nice=True))
