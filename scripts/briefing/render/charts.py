"""Charts rendered at build time: Altair builds the Vega-Lite spec, vl-convert draws it.

The SVG is inline in the page (visible without JavaScript, printable, the same drawing the
PDF carries); a PNG is offered for slides. Renders are cached on disk by a hash of spec and
data, with generated ids normalised so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert as vlc

from briefing.chartspec import ChartSpec
from briefing.custom_charts import REGISTRY
from briefing.model import Source
from briefing.units import Unit

VL_CONVERT = metadata.version("vl-convert-python")  # a new renderer invalidates the cache
FONT = "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"
# Mid-tone hues that read on the light and the dark palette alike (text is restyled by CSS).
PALETTE = ["#5c6bc0", "#e57373", "#26a69a", "#ffa726", "#ab47bc", "#8d6e63", "#78909c"]
RULE_COLOR = "#d32f2f"
WIDTH, HEIGHT = 560, 280
_ID = re.compile(r'\b(id|clip-path|href)="(url\(#|#)?([^")]+)(\))?"')
_STYLE = "1"  # bump when the look changes in a way the spec does not show


def vega_lite(spec: ChartSpec, sources: Mapping[str, Source]) -> dict[str, Any]:
    """The Vega-Lite spec (a dict) for a chart, its data inline."""
    data = alt.Data(values=spec.rows(dict(sources)))
    if spec.function:
        chart = REGISTRY[spec.function](spec, data)
    else:
        chart = _declared(spec, data)
        if spec.rule is not None:
            chart = alt.layer(chart, *_rule(spec, spec.rule_rows(dict(sources))))
    chart = chart.properties(title=spec.title)
    chart = chart.configure(font=FONT, background="transparent").configure_view(stroke=None)
    chart = chart.configure_range(category=PALETTE).configure_mark(color=PALETTE[0])
    return chart.to_dict()  # type: ignore[no-any-return]


def tooltip() -> list[alt.Tooltip]:
    """What a reader sees on hover: the fact as written, its period and its source."""
    return [
        alt.Tooltip("label:N", title="What"),
        alt.Tooltip("text:N", title="Value"),
        alt.Tooltip("period:N", title="Period"),
        alt.Tooltip("kind:N", title="Kind"),
        alt.Tooltip("source:N", title="Source"),
    ]


def _declared(spec: ChartSpec, data: alt.Data) -> alt.Chart:
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
    mark = getattr(base, f"mark_{spec.mark}")(**({"point": True} if spec.mark == "line" else {}))
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


def unit_title(unit: Unit) -> str:
    """An axis title for values in ``unit``: "vehicles", "percent", "USD"."""
    return unit.plural or unit.symbol or unit.id.replace("_", " ")


def normalise_svg(svg: str, prefix: str) -> str:
    """Give vl-convert's generated ids a stable, page-unique prefix; drop blank lines."""
    svg = _ID.sub(
        lambda m: f'{m.group(1)}="{m.group(2) or ""}{prefix}-{m.group(3)}{m.group(4) or ""}"', svg
    )
    return "\n".join(line for line in svg.splitlines() if line.strip())


@dataclass(frozen=True)
class RenderedChart:
    """A chart's drawings and its Vega-Lite spec (for the interactive version)."""

    svg: str
    png: bytes
    spec: dict[str, Any]


class ChartRenderer:
    """Renders each chart once: in memory for this build, on disk across builds.

    One renderer serves one build of one FactBook, so within it a chart id names one drawing;
    the Altair spec (the slow part of a cache hit) is built once per chart, not per use.
    """

    def __init__(self, cache_dir: Path, sources: Mapping[str, Source]) -> None:
        self.cache_dir = cache_dir / "charts"
        self.sources = sources
        self.rendered = 0  # renders done by this instance (cache misses), for tests and bench
        self._memo: dict[str, RenderedChart] = {}

    def render(self, spec: ChartSpec) -> RenderedChart:
        if spec.id not in self._memo:
            vl = vega_lite(spec, self.sources)
            stamp = json.dumps([spec.id, VL_CONVERT, _STYLE, vl], sort_keys=True)
            key = hashlib.sha256(stamp.encode()).hexdigest()[:20]
            self._memo[spec.id] = RenderedChart(*self._draw(key, spec.id, vl), spec=vl)
        return self._memo[spec.id]

    def _draw(self, key: str, chart_id: str, vl: dict[str, Any]) -> tuple[str, bytes]:
        svg_path = self.cache_dir / f"{key}.svg"
        png_path = self.cache_dir / f"{key}.png"
        if svg_path.is_file() and png_path.is_file():
            return svg_path.read_text("utf-8"), png_path.read_bytes()
        svg = normalise_svg(vlc.vegalite_to_svg(vl), f"chart-{chart_id}")
        png = vlc.svg_to_png(_on_white(svg), scale=2)
        _write(svg_path, svg.encode())
        _write(png_path, png)
        self.rendered += 1
        return svg, png


def _on_white(svg: str) -> str:
    """The SVG on a white ground, as slides want it (the page's is transparent)."""
    end = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:end]}<rect width="100%" height="100%" fill="white"/>{svg[end:]}'


def vega_bundle(cache_dir: Path) -> str:
    """Vega, Vega-Lite and vega-embed as one script served by the site (never a CDN)."""
    path = cache_dir / f"vega-bundle-{VL_CONVERT}.js"
    if not path.is_file():
        bundle = vlc.javascript_bundle()  # type: ignore[call-arg]  # no snippet: the default
        _write(path, bundle.encode())
    return path.read_text("utf-8")


def _write(path: Path, data: bytes) -> None:
    """Write via a temporary file, so a killed build never leaves half a cached render."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
