"""The Vega-Lite spec of a chart, built with Altair from its validated rows, in the house style.

Imported only when a chart must be drawn (its render is not cached): Altair costs a third of a
second to import, which a warm build should not pay.

Every chart gets the same frame: the title (the declaration's, which states the takeaway), a
subtitle naming the unit, the source line drawn under the chart, and ``theme.config``. A declared
chart gets value labels; a forecast, estimate or target is drawn lighter, with a legend entry;
a bound ("over 80%") is marked open at its end and labelled as the bound it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import altair as alt

from briefing.charts import theme
from briefing.charts.encodings import drawn_as, kind_encodings, tooltip, unit_title, value_axis
from briefing.charts.formats import bound_of, short_value
from briefing.charts.registry import load_module
from briefing.charts.specs import ChartSpec
from briefing.facts.model import Fact, Source
from briefing.problems import visible

# Liberation Sans has Arial's metrics, so labels measured here fit where a reader's browser
# draws them in Arial or Helvetica; it also draws in half the time of a CJK font (a third of
# a cold build). A chart that shows Chinese, Japanese or Korean text is drawn in Noto Sans CJK
# instead: a font list is not a per-glyph fallback for vl-convert, which would set the whole
# label in a serif CJK face.
FONT = "Liberation Sans, Arial, Helvetica, sans-serif"
CJK_FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
BOUND_LABELS = {"lower": "At least the value shown", "upper": "At most the value shown"}
_SHAPES = {  # the open end of a bound, by the direction the value axis runs
    "x": {"lower": "triangle-right", "upper": "triangle-left"},
    "y": {"lower": "triangle-up", "upper": "triangle-down"},
}


def vega_lite(
    spec: ChartSpec, sources: Mapping[str, Source], font: str = FONT, squeeze: int = 0
) -> dict[str, Any]:
    """The Vega-Lite spec (a dict) for a chart, its data inline, framed in the house style;
    ``squeeze`` px narrower than the house width (for a chart whose labels take more room)."""
    rows = _shown(spec, spec.rows(dict(sources)), spec.facts)
    data = alt.Data(values=rows)
    if spec.function and spec.module:
        chart = load_module(spec.module)[spec.function](spec, data)
    else:
        chart = _declared(spec, rows, data, squeeze)
        if spec.rule is not None:
            rule = spec.rule_rows(dict(sources))
            chart = alt.layer(chart, *_rule(spec, _shown(spec, rule, (spec.rule,), wrap=False)))
    rule_rows = spec.rule_rows(dict(sources))
    framed = alt.vconcat(
        chart.properties(title=theme.source_title(_source_lines(rows + rule_rows)))
    )
    framed = framed.properties(
        title=alt.TitleParams(
            text=theme.wrap(visible(spec.title), theme.TITLE_CHARS), subtitle=_subtitle(spec)
        )
    )
    drawn: dict[str, Any] = framed.to_dict()
    drawn["config"] = {**drawn.get("config", {}), **theme.config(font)}
    return drawn


def _shown(
    spec: ChartSpec, rows: list[dict[str, Any]], facts: tuple[Fact, ...], wrap: bool = True
) -> list[dict[str, Any]]:
    """Rows as the chart draws them: text showing its control characters, as the page around
    the chart does (the data files keep the text as it is); a long label in lines; each value
    with its short label, how it is drawn (its kind) and which end it leaves open (a bound)."""
    under = spec.y == "value" and not spec.function  # labels under vertical bars
    chars = theme.BAND_CHARS if under else theme.LABEL_CHARS
    shown = []
    for row, fact in zip(rows, facts, strict=True):
        row = {k: visible(v) if isinstance(v, str) else v for k, v in row.items()}
        if wrap:
            row["label"] = "\n".join(theme.wrap(row["label"], chars))
        bound = bound_of(fact.qualifier)
        row["short"] = short_value(row["value"], fact.unit, fact.qualifier)
        row["drawn"] = drawn_as(fact.kind)
        row["bound"] = BOUND_LABELS[bound] if bound else ""
        lines = theme.wrap(row["label"], theme.LINE_CHARS // 2)
        row["lines"] = lines if len(lines) > 1 else lines[0]
        shown.append(row)
    return shown


def _subtitle(spec: ChartSpec) -> list[str]:
    """The declared subtitle, and the unit the values are in (each unit, for a chart of two)."""
    units = list(dict.fromkeys(unit_title(f.unit) for f in spec.facts))
    unit = " and ".join(units)
    text = f"{spec.subtitle}; {unit}" if spec.subtitle else unit[:1].upper() + unit[1:]
    return theme.wrap(visible(text))


def _source_lines(rows: list[dict[str, Any]]) -> list[str]:
    names = list(dict.fromkeys(str(row["source"]) for row in rows))
    return theme.wrap(f"Source{'s' if len(names) > 1 else ''}: {'; '.join(names)}")


def _declared(spec: ChartSpec, rows: list[dict[str, Any]], data: alt.Data, squeeze: int) -> Any:
    base = alt.Chart(data)
    if spec.mark == "arc":
        return _pie(spec, base)
    value_channel = "x" if spec.x == "value" else "y"
    category = spec.y if value_channel == "x" else spec.x
    enc: dict[str, Any] = {
        value_channel: value_axis(value_channel, spec.facts),
        ("y" if value_channel == "x" else "x"): _category_axis(value_channel, category),
        "tooltip": tooltip(),
    }
    if spec.color:
        enc["color"] = alt.Color(f"{spec.color}:N", sort=None, title=None)
        if spec.mark == "bar" and spec.color != category:  # grouped bars, side by side
            offset = alt.XOffset if value_channel == "y" else alt.YOffset
            enc[f"{'x' if value_channel == 'y' else 'y'}Offset"] = offset(
                f"{spec.color}:N", sort=None
            )
    kinds = kind_encodings(rows)
    if spec.mark == "line":
        return _lines(base, enc, kinds, squeeze)
    if spec.mark != "bar":
        mark = getattr(base, f"mark_{spec.mark}")()
        return mark.encode(**enc, **kinds).properties(**_size(spec, rows, value_channel, squeeze))
    stroke = {"stroke": alt.Stroke(f"{spec.color}:N", sort=None, title=None)} if spec.color else {}
    bars = base.mark_bar(strokeWidth=1.5, stroke=None if spec.color else theme.PALETTE[0])
    layers = [bars.encode(**enc, **kinds, **stroke)]
    layers += _value_labels(base, enc, value_channel)
    if any(row["bound"] for row in rows):
        layers.append(_bound_marks(base, enc, value_channel))
    return alt.layer(*layers).properties(**_size(spec, rows, value_channel, squeeze))


def _category_axis(value_channel: str, field: str) -> Any:
    """The axis of the bars' labels: each label whole, in its lines (``split`` of the "\\n"
    the rows' labels were wrapped with)."""
    axis = alt.Axis(labelExpr="split(datum.value, '\\n')", ticks=False, domain=False)
    if value_channel == "y":
        axis = alt.Axis(
            labelExpr="split(datum.value, '\\n')", labelAngle=0, ticks=False, labelBaseline="top"
        )
    cls = alt.Y if value_channel == "x" else alt.X
    return cls(f"{field}:N", sort=None, title=None, axis=axis)


def _size(
    spec: ChartSpec, rows: list[dict[str, Any]], value_channel: str, squeeze: int
) -> dict[str, Any]:
    groups = len({row[spec.color] for row in rows}) if spec.color and spec.mark == "bar" else 1
    if value_channel == "x":
        width = max(theme.BAR_WIDTH - squeeze, theme.MIN_PLOT)
        step = theme.bar_step((str(row["label"]) for row in rows), groups)
        return {"width": width, "height": alt.Step(step)}
    bands = max(len({row[spec.x] for row in rows}), 1)
    step = max(theme.BAND_STEP * groups - squeeze // bands, theme.BAR_STEP)
    return {"width": alt.Step(step), "height": theme.LINE_HEIGHT}


def _value_labels(base: alt.Chart, enc: dict[str, Any], value_channel: str) -> list[alt.Chart]:
    """Each bar's value at its end ("USD 150bn", "over 80%"); a bound's after its marker."""
    place = {k: v for k, v in enc.items() if k not in ("tooltip", "color")}
    labels = []
    for test, gap in (("!datum.bound", 4), ("datum.bound", 16)):
        if value_channel == "x":
            mark = base.mark_text(align="left", baseline="middle", dx=gap)
        else:
            mark = base.mark_text(align="center", baseline="bottom", dy=-gap)
        labels.append(
            mark.transform_filter(test)
            .encode(text="short:N", **place)
            .properties(name=f"value{gap}")
        )
    return labels


def _bound_marks(base: alt.Chart, enc: dict[str, Any], value_channel: str) -> alt.Chart:
    """A triangle at a bound's end, pointing where the value may lie: past it ("over") or
    short of it ("under"); the legend says which."""
    place = {k: v for k, v in enc.items() if k not in ("tooltip", "color")}
    shapes = _SHAPES[value_channel]
    offset: dict[str, Any] = {"xOffset": 8} if value_channel == "x" else {"yOffset": -8}
    marks: alt.Chart = (
        base.mark_point(filled=True, size=90, color=theme.INK, opacity=1, **offset)
        .transform_filter("datum.bound")
        .encode(
            shape=alt.Shape(
                "bound:N",
                scale=alt.Scale(
                    domain=[BOUND_LABELS["lower"], BOUND_LABELS["upper"]],
                    range=[shapes["lower"], shapes["upper"]],
                ),
                legend=alt.Legend(title=None, symbolType="triangle-right"),
            ),
            **place,
        )
        .properties(name="bound")
    )
    return marks


def _lines(
    base: alt.Chart, enc: dict[str, Any], kinds: dict[str, Any], squeeze: int
) -> alt.LayerChart:
    """A time series as lines, each point marked; a forecast's point hollow (lighter).

    A line's tooltip shows its first point's datum wherever it is hovered: only the points,
    drawn over the line, carry one (each its own)."""
    line = base.mark_line(strokeWidth=2.5).encode(
        **{k: v for k, v in enc.items() if k != "tooltip"}
    )
    points = base.mark_point(filled=True, opacity=1, size=60).encode(**enc, **kinds)
    return alt.LayerChart(layer=[line, points]).properties(
        width=max(theme.LINE_WIDTH - squeeze, theme.MIN_PLOT), height=theme.LINE_HEIGHT
    )


def _pie(spec: ChartSpec, base: alt.Chart) -> Any:
    """A donut, each slice labelled with its value outside it (the parts of one whole: their
    kind is the subtitle's to say, as lighter slices would only wash the whole out)."""
    radius = theme.PIE_SIZE // 2
    theta = alt.Theta("value:Q", stack=True)
    color = alt.Color(f"{spec.x}:N", sort=None, title=None, legend=alt.Legend(columns=1))
    order = alt.Order("order:Q")
    ring = base.mark_arc(innerRadius=radius // 2, outerRadius=radius, stroke="#fff").encode(
        theta=theta, color=color, order=order, tooltip=tooltip()
    )
    labels = (
        base.mark_text(radius=radius + 22)
        .encode(theta=theta, order=order, text="short:N")
        .properties(name="value_pie")
    )
    return (
        alt.layer(ring, labels)
        .transform_window(order="row_number()")
        .properties(width=theme.PIE_SIZE + 50, height=theme.PIE_SIZE + 50)
    )


def _rule(spec: ChartSpec, rows: list[dict[str, Any]]) -> list[alt.Chart]:
    """The reference line (a threshold, a target) with its label, from the rule fact."""
    base = alt.Chart(alt.Data(values=rows))
    line = base.mark_rule(color=theme.REFERENCE, strokeDash=[6, 4], size=1.5)
    ink: dict[str, Any] = {"color": theme.REFERENCE, "fontSize": theme.TEXT_SIZE}
    if spec.y == "value":  # a horizontal line, labelled right of the plot (never over a bar)
        text = base.mark_text(
            align="left", baseline="middle", dx=6, x=alt.ExprRef(expr="width"), **ink
        )
        label = text.encode(y="value:Q", text="label:N")
        return [line.encode(y="value:Q"), label.properties(name="reference")]
    # A vertical line, labelled above the plot (never over a bar), towards the plot's middle.
    far = bool(spec.facts) and rows[0]["value"] > max(float(f.value) for f in spec.facts) / 2
    above = -6 - theme.LINE_HEIGHT_PX * (
        len(rows[0]["lines"]) - 1 if isinstance(rows[0]["lines"], list) else 0
    )
    text = base.mark_text(
        align="right" if far else "left",
        baseline="bottom",
        dx=-4 if far else 4,
        dy=above,  # Vega sets a label's lines downwards from its first one
        lineHeight=theme.LINE_HEIGHT_PX,
        **ink,
    )
    label = text.encode(x="value:Q", y=alt.value(0), text="lines:N").properties(name="reference")
    return [line.encode(x="value:Q"), label]
