"""Charts the YAML spec cannot say, as Python: the escape hatch of facts/charts.yaml.

A chart declared with ``function: name`` is drawn by the function registered (in
``briefing.charts.registry``) under that name. It receives the validated spec and its data (one row per fact, the fields listed in
``ChartSpec.rows``) and returns an Altair chart; title, fonts, palette and rendering are
applied around it, and the caption still cites every fact. A function can arrange the facts
it is given, never add numbers of its own.

Altair is imported inside each function, not here: validating charts.yaml imports this module
on every build, while Altair is needed only when a chart is drawn (its render is not cached).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from briefing.charts.encodings import tooltip, unit_title
from briefing.charts.registry import register

if TYPE_CHECKING:
    import altair as alt

    from briefing.charts.specs import ChartSpec


@register("amount_and_shares")
def amount_and_shares(spec: ChartSpec, data: alt.Data) -> Any:
    """Money on the left, percentages on the right: one chart for facts in two units.

    Each side draws the facts of one unit style as bars labelled by ``labels``.
    """
    import altair as alt

    money = next((f.unit for f in spec.facts if f.unit.style == "currency"), None)

    # Colour by series only when the declaration names series: else a legend of one blank.
    color = {"color": alt.Color("series:N", sort=None, title=None)} if spec.series else {}

    def side(keep: str, title: str, fmt: str) -> alt.Chart:
        bars: alt.Chart = (
            alt.Chart(data)
            .transform_filter(keep)
            .mark_bar()
            .encode(
                y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=220)),
                x=alt.X("value:Q", title=title, axis=alt.Axis(format=fmt)),
                tooltip=tooltip(),
                **color,
            )
            .properties(width=200, height=150)
        )
        return bars

    return alt.hconcat(
        side("datum.unit != 'percent'", unit_title(money) if money else "", "~s"),
        side("datum.unit == 'percent'", "percent", "~s"),
        spacing=90,
    )
