"""The house style as a reader sees a chart: numbers written as a reader writes them, from the
unit's style; forecasts and bounds drawn as what they are; value labels; a title, a subtitle
with the unit and the source line inside the drawing; one config on every chart."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import vl_convert as vlc

from briefing.charts import theme
from briefing.charts.drawing import draw, drawn_width, set_in_type
from briefing.charts.formats import axis_expr, short_value
from briefing.charts.specs import ChartSpec
from briefing.charts.vegalite import FONT, vega_lite
from briefing.facts.loading import load_factbook
from briefing.facts.model import Fact
from briefing.facts.units import Unit
from briefing.problems import BriefingError
from conftest import FACTS
from test_validation import write_project

USD = Unit("usd", "currency", symbol="USD")
VEHICLES = Unit("vehicles", "count", singular="vehicle", plural="vehicles")
PERCENT = Unit("percent", "percent")
SVG = "{http://www.w3.org/2000/svg}"


def fact(
    fid: str, value: float, unit: Unit, kind: str = "actual", qualifier: str | None = None
) -> Fact:
    return Fact(
        id=fid,
        subject=fid,
        value=Decimal(str(value)),
        unit=unit,
        period="2024",
        kind=kind,
        geo="China",
        source=None,
        quote=None,
        path="facts/x.yaml",
        line=1,
        qualifier=qualifier,
    )


def chart(
    *facts: Fact, mark: str = "bar", x: str = "value", y: str = "label", **kw: Any
) -> ChartSpec:
    return ChartSpec(
        id="c", title="Sales rose", alt="Words.", facts=facts, mark=mark, x=x, y=y, **kw
    )


def texts(spec: ChartSpec, role: str) -> list[str]:
    """The lines a drawing of ``spec`` sets in type in the groups of ``role`` (an SVG class)."""
    root = ET.fromstring(vlc.vegalite_to_svg(vega_lite(spec, {})))
    found = []
    for group in root.iter(f"{SVG}g"):
        if role in (group.get("class") or "").split():
            found += [" ".join("".join(t.itertext()).split()) for t in group.iter(f"{SVG}text")]
    return found


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "shown"),
    [
        (150e9, USD, None, "USD 150bn"),
        (15.7e9, USD, None, "USD 15.7bn"),
        (5.9e6, VEHICLES, None, "5.9m"),
        (31.28e6, VEHICLES, None, "31.3m"),
        (1234, VEHICLES, None, "1,234"),
        (129, VEHICLES, None, "129"),
        (21, PERCENT, None, "21%"),
        (80, PERCENT, "over", "over 80%"),
        (-3.2, PERCENT, None, "−3.2%"),
        (0.25, PERCENT, None, "0.25%"),
    ],
)
def test_a_value_label_is_written_as_a_reader_writes_it(
    value: float, unit: Unit, qualifier: str | None, shown: str
) -> None:
    assert short_value(value, unit, qualifier) == shown


def test_axis_ticks_use_one_scale_in_the_unit_s_style_never_si_prefixes() -> None:
    money = texts(chart(fact("a", 150e9, USD), fact("b", 36e9, USD)), "role-axis-label")
    assert money[-1] == "b" and money[:-2]  # the category axis comes last, the value axis first
    ticks = money[: money.index("a")]
    assert ticks[0] == "0" and all(re.fullmatch(r"USD \d+bn", t) for t in ticks[1:]), ticks
    count = texts(chart(fact("a", 5.9e6, VEHICLES), fact("b", 12.9e6, VEHICLES)), "role-axis-label")
    ticks = count[: count.index("a")]
    assert ticks[0] == "0" and all(re.fullmatch(r"\d+m", t) for t in ticks[1:]), ticks
    share = texts(chart(fact("a", 21, PERCENT), fact("b", 48, PERCENT)), "role-axis-label")
    ticks = share[: share.index("a")]
    assert all(re.fullmatch(r"\d+%", t) for t in ticks), ticks
    assert axis_expr(USD, [150e9]) == (
        "datum.value == 0 ? '0' : 'USD ' + format(datum.value / 1e+09, ',~r') + 'bn'"
    )


def test_every_bar_carries_its_value_label() -> None:
    spec = chart(fact("a", 150e9, USD), fact("b", 36e9, USD, qualifier="about"))
    labels = texts(spec, "value4_marks") + texts(spec, "value16_marks")
    assert sorted(labels) == ["USD 150bn", "about USD 36bn"]


def test_a_forecast_is_drawn_lighter_and_dashed_with_a_legend_entry() -> None:
    spec = chart(fact("a", 12.9e6, VEHICLES), fact("b", 16e6, VEHICLES, kind="forecast"))
    assert texts(spec, "role-legend-label") == ["Actual", "Forecast"]
    root = ET.fromstring(vlc.vegalite_to_svg(vega_lite(spec, {})))
    bars = next(
        g
        for g in root.iter(f"{SVG}g")
        if "role-mark" in (g.get("class") or "") and "rect" in (g.get("class") or "")
    )
    drawn = [(p.get("opacity"), p.get("stroke-dasharray")) for p in bars.iter(f"{SVG}path")]
    assert drawn == [("1", "1,0"), (str(theme.KIND_OPACITY), "4,3")]
    # All actual: no legend of one entry.
    assert texts(chart(fact("a", 1, VEHICLES)), "role-legend-label") == []


def test_a_bound_is_drawn_open_at_its_end_and_labelled_as_a_bound() -> None:
    spec = chart(
        fact("a", 50, PERCENT, qualifier="over"),
        fact("b", 20, PERCENT, qualifier="under"),
        fact("c", 30, PERCENT),
    )
    assert texts(spec, "value16_marks") == ["over 50%", "under 20%"]
    assert texts(spec, "value4_marks") == ["30%"]
    assert texts(spec, "role-legend-label") == [
        "At least the value shown",
        "At most the value shown",
    ]
    root = ET.fromstring(vlc.vegalite_to_svg(vega_lite(spec, {})))
    markers = [g for g in root.iter(f"{SVG}g") if "bound_marks" in (g.get("class") or "")]
    assert len(markers) == 1 and len(list(markers[0].iter(f"{SVG}path"))) == 2  # not the exact one


@pytest.mark.parametrize(
    "spec",
    [
        chart(fact("a", 1e6, VEHICLES), fact("b", 2e6, VEHICLES)),
        chart(fact("a", 1e6, VEHICLES), fact("b", 2e6, VEHICLES), x="label", y="value"),
        chart(
            fact("a", 1e6, VEHICLES), fact("b", 2e6, VEHICLES), mark="line", x="period", y="value"
        ),
        chart(fact("a", 60, PERCENT), fact("b", 40, PERCENT), mark="arc", x="label", y="value"),
    ],
    ids=["horizontal-bars", "vertical-bars", "line", "arc"],
)
def test_every_chart_is_framed_in_the_house_style(spec: ChartSpec) -> None:
    spec = ChartSpec(**{**spec.__dict__, "subtitle": "Sales of cars"})
    drawn = vega_lite(spec, {})
    assert {k: drawn["config"][k] for k in theme.config(FONT)} == theme.config(FONT)
    assert sorted(texts(spec, "role-title-text")) == ["Sales rose", "Source: derived"]
    unit = "percent" if spec.mark == "arc" else "vehicles"
    assert texts(spec, "role-title-subtitle") == [f"Sales of cars; {unit}"]
    root = ET.fromstring(vlc.vegalite_to_svg(drawn))
    sizes = {float(t.get("font-size", "0").removesuffix("px")) for t in root.iter(f"{SVG}text")}
    assert min(sizes) >= theme.TEXT_SIZE, sizes
    assert not [t for t in root.iter(f"{SVG}text") if "…" in "".join(t.itertext())]  # none cut


def test_a_chart_too_wide_for_a_phone_is_drawn_narrower(tmp_path: Path) -> None:
    long = "A label long enough to take a third of the chart's width on its own"
    facts = tuple(fact(f"f{i}", v, VEHICLES) for i, v in enumerate((1e6, 2e6, 3e6)))
    spec = chart(*facts, labels=tuple((f.id, f"{long} {f.id}") for f in facts))
    assert drawn_width(vlc.vegalite_to_svg(vega_lite(spec, {}))) <= theme.MAX_WIDTH + 200
    drawn = draw(tmp_path, "key", spec, {})
    assert drawn_width(drawn.svg) <= theme.MAX_WIDTH
    shown = set_in_type(drawn.svg)  # wrapped into lines, not cut
    assert shown.count("A label long enough") == 3 and "…" not in shown


def test_a_subtitle_states_no_number_typed_by_hand(tmp_path: Path) -> None:
    charts = (
        "c:\n  title: Output outran sales\n  subtitle: Output of 31 million cars\n"
        "  alt: Words.\n  mark: bar\n  x: label\n  y: value\n"
        "  facts: [market.production.2024]\n"
    )
    paths = write_project(tmp_path, FACTS, {"facts/charts.yaml": charts})
    with pytest.raises(BriefingError) as caught:
        load_factbook(paths)
    assert [str(p) for p in caught.value.problems] == [
        "facts/charts.yaml:3: number \"31 million\" typed by hand; chart 'c' states numbers "
        "only through its facts; describe in words"
    ]


def test_a_chart_is_coloured_by_meaning_not_by_source(tmp_path: Path) -> None:
    charts = (
        "c:\n  title: Output outran sales\n  alt: Words.\n  mark: bar\n  x: label\n"
        "  y: value\n  color: source\n  facts: [market.production.2024]\n"
    )
    paths = write_project(tmp_path, FACTS, {"facts/charts.yaml": charts})
    with pytest.raises(BriefingError) as caught:
        load_factbook(paths)
    assert [str(p) for p in caught.value.problems] == [
        "facts/charts.yaml:7: chart 'c': 'color: source' colours the marks by who reported "
        "them; colour by what they mean (color: series, with series), as the chart's source "
        "line names the sources"
    ]
