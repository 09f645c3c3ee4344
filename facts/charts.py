"""This briefing's charts that the YAML spec cannot say, as Python: the escape hatch of
facts/charts.yaml (named in mkdocs.yml as the briefing plugin's ``chart_functions``).

A chart declared with ``function: name`` is drawn by the function registered here (with
``briefing.charts.registry.register``) under that name. It receives the validated spec and its data (one row per fact, the fields listed in
``ChartSpec.rows``, with ``short``, its value label) and returns an Altair chart; title, fonts, palette and rendering are
applied around it, and the caption still cites every fact. A function can arrange the facts
it is given, never add numbers of its own.

Altair is imported inside each function, not here: validating charts.yaml loads this module on
every build, while Altair is needed only when a chart is drawn (its render is not cached). The
drawings of its charts are cached by this file's bytes: an edit redraws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.charts.encodings import tooltip, value_axis
from briefing.charts.registry import register
from briefing.charts.theme import bar_step

if TYPE_CHECKING:
    import altair as alt

    from briefing.charts.specs import ChartSpec


@register("amount_and_shares")
def amount_and_shares(spec: ChartSpec, data: alt.Data) -> Any:
    """Money above, percentages below: one chart for facts in two units.

    Each panel draws the facts of one unit style as bars labelled by ``labels``, its axis in
    its unit's style and each bar with its value (the rows' ``short``), in the house style.
    """
    import altair as alt

    # Colour by series only when the declaration names series: else a legend of one blank.
    color = {"color": alt.Color("series:N", sort=None, title=None)} if spec.series else {}

    def panel(keep: str, percent: bool) -> Any:
        facts = [f for f in spec.facts if (f.unit.style == "percent") == percent]
        base = alt.Chart(data).transform_filter(keep)
        enc = {
            "y": alt.Y(
                "label:N",
                sort=None,
                title=None,
                axis=alt.Axis(labelExpr="split(datum.value, '\\n')", ticks=False, domain=False),
            ),
            "x": value_axis("x", facts),
        }
        bars = base.mark_bar().encode(**enc, tooltip=tooltip(), **color)
        labels = base.mark_text(align="left", dx=4).encode(**enc, text="short:N")
        shown = [row["label"] for row in data.values if (row["unit"] == "percent") == percent]
        return alt.layer(bars, labels).properties(width=200, height=alt.Step(bar_step(shown)))

    return alt.vconcat(
        panel("datum.unit != 'percent'", percent=False),
        panel("datum.unit == 'percent'", percent=True),
    )
