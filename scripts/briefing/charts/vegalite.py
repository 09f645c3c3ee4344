"""The Vega-Lite spec of a chart, built with Altair from its validated rows.

Imported only when a chart must be drawn (its render is not cached): Altair costs a third of a
second to import, which a warm build should not pay.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt

from briefing.charts.encodings import tooltip, unit_title
from briefing.charts.registry import load_module
from briefing.charts.specs import ChartSpec
from briefing.facts.model import Source
from briefing.problems import visible

# Liberation Sans has Arial's metrics, so labels measured here fit where a reader's browser
# draws them in Arial or Helvetica; it also draws in half the time of a CJK font (a third of
# a cold build). A chart that shows Chinese, Japanese or Korean text is drawn in Noto Sans CJK
# instead: a font list is not a per-glyph fallback for vl-convert, which would set the whole
# label in a serif CJK face.
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
CJK_FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
# Mid-tone hues that read on the light and the dark palette alike (text is restyled by CSS).
PALETTE = ["#5c6bc0", "#e57373", "#26a69a", "#ffa726", "#ab47bc", "#8d6e63", "#78909c"]
RULE_COLOR = "#d32f2f"
WIDTH, HEIGHT = 560, 280


def vega_lite(spec: ChartSpec, sources: Mapping[str, Source], font: str = FONT) -> dict[str, Any]:
    """The Vega-Lite spec (a dict) for a chart, its data inline."""
    data = alt.Data(values=_shown(spec.rows(dict(sources))))
    if spec.function and spec.module:
        chart = load_module(spec.module)[spec.function](spec, data)
    else:
        chart = _declared(spec, data)
        if spec.rule is not None:
            chart = alt.layer(chart, *_rule(spec, _shown(spec.rule_rows(dict(sources)))))
    chart = chart.properties(title=visible(spec.title))
    chart = chart.configure(font=font, background="transparent").configure_view(stroke=None)
    chart = chart.configure_range(category=PALETTE).configure_mark(color=PALETTE[0])
    return chart.to_dict()  # type: ignore[no-any-return]


def _shown(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows whose text shows its control characters, as the page around the chart does
    (the data files keep the text as it is)."""
    return [{k: visible(v) if isinstance(v, str) else v for k, v in row.items()} for row in rows]


def _declared(spec: ChartSpec, data: alt.Data) -> alt.Chart | alt.LayerChart:
    base = alt.Chart(data)
    value_title = _value_title(spec)
    if spec.mark == "arc":
        pie: alt.Chart = (
            base.mark_arc(innerRadius=60, stroke="#fff")
            .encode(
                theta=alt.Theta("value:Q", stack=True),
                color=alt.Color(f"{spec.x}:N", sort=None, title=None),
                order=alt.Order("order:Q"),
                tooltip=tooltip(),
            )
            .transform_window(order="row_number()")
            .properties(width=HEIGHT, height=HEIGHT)
        )
        return pie
    enc: dict[str, Any] = {
        "x": _axis("x", spec.x, value_title),
        "y": _axis("y", spec.y, value_title),
        "tooltip": tooltip(),
    }
    if spec.color:
        enc["color"] = alt.Color(f"{spec.color}:N", sort=None, title=None)
        category = spec.x if spec.y == "value" else spec.y
        if spec.mark == "bar" and spec.color != category:  # grouped bars, side by side
            if spec.y == "value":
                enc["xOffset"] = alt.XOffset(f"{spec.color}:N", sort=None)
            else:
                enc["yOffset"] = alt.YOffset(f"{spec.color}:N", sort=None)
    if spec.mark == "line":
        # A line's tooltip shows its first point's datum wherever it is hovered: only the
        # points, drawn over the line, carry one (each its own).
        line = base.mark_line().encode(**{k: v for k, v in enc.items() if k != "tooltip"})
        points = base.mark_point(filled=True, opacity=1).encode(**enc)
        return alt.LayerChart(layer=[line, points]).properties(width=WIDTH, height=HEIGHT)
    mark = getattr(base, f"mark_{spec.mark}")()
    return mark.encode(**enc).properties(width=WIDTH, height=HEIGHT)  # type: ignore[no-any-return]


def _axis(channel: str, field: str, value_title: str) -> Any:
    cls = alt.X if channel == "x" else alt.Y
    if field == "value":
        return cls("value:Q", title=value_title, axis=alt.Axis(format="~s"))
    axis = alt.Axis(labelAngle=0, labelLimit=160) if channel == "x" else alt.Axis(labelLimit=240)
    return cls(f"{field}:N", sort=None, title=None, axis=axis)


def _rule(spec: ChartSpec, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    """The reference line (a threshold, a target) with its label, from the rule fact."""
    base = alt.Chart(alt.Data(values=rows))
    line = base.mark_rule(color=RULE_COLOR, strokeDash=[6, 4], size=1.5)
    text = base.mark_text(color=RULE_COLOR, fontSize=11, align="right", dy=-6)
    if spec.y == "value":  # a horizontal line, labelled at its right end
        return [
            line.encode(y="value:Q"),
            text.encode(y="value:Q", x=alt.value(WIDTH), text="label:N"),
        ]
    text = base.mark_text(color=RULE_COLOR, fontSize=11, align="left", dx=4)
    return [line.encode(x="value:Q"), text.encode(x="value:Q", y=alt.value(0), text="label:N")]


def _value_title(spec: ChartSpec) -> str:
    return unit_title(spec.facts[0].unit) if spec.facts else ""
