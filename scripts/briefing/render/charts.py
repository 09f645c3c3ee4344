"""Charts rendered at build time: Altair builds the Vega-Lite spec, vl-convert draws the SVG.

The SVG is inline in the page (visible without JavaScript, printable, the same drawing the
PDF carries). Renders are cached by a hash of spec and data, with generated ids normalised
so the same input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import re
from importlib import metadata
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert as vlc

from briefing.chartspec import ChartSpec

VL_CONVERT = metadata.version("vl-convert-python")  # a new renderer invalidates the cache
FONT = "Noto Sans CJK SC, Noto Sans, DejaVu Sans, sans-serif"
_ID = re.compile(r'\b(id|clip-path|href)="(url\(#|#)?([^")]+)(\))?"')


def chart_spec(spec: ChartSpec) -> dict[str, Any]:
    """The Vega-Lite spec (a dict) for a declared chart."""
    data = alt.Data(values=spec.rows())
    chart = getattr(alt.Chart(data, title=spec.title), f"mark_{spec.mark}")()
    enc: dict[str, Any] = {
        "x": alt.X(f"{spec.x}:{_type(spec.x)}", sort=None, title=None, axis=alt.Axis(labelAngle=0)),
        "y": alt.Y(f"{spec.y}:{_type(spec.y)}", title=_axis_title(spec, spec.y), sort=None),
        "tooltip": [alt.Tooltip("label:N", title="What"), alt.Tooltip("text:N", title="Value"),
                    alt.Tooltip("period:N", title="Period"), alt.Tooltip("source:N", title="Source")],
    }  # fmt: skip
    if spec.color:
        enc["color"] = alt.Color(f"{spec.color}:N", title=None)
    chart = chart.encode(**enc).properties(width=560, height=280)
    chart = chart.configure(font=FONT).configure_view(stroke=None)
    return chart.to_dict()  # type: ignore[no-any-return]


def _type(field: str) -> str:
    return "Q" if field == "value" else "N"


def _axis_title(spec: ChartSpec, field: str) -> str | None:
    if field != "value":
        return None
    unit = spec.facts[0].unit
    return unit.plural or unit.symbol or unit.id.replace("_", " ")


def normalise_svg(svg: str, prefix: str) -> str:
    """Give vl-convert's generated ids a stable, page-unique prefix; drop blank lines."""
    svg = _ID.sub(
        lambda m: f'{m.group(1)}="{m.group(2) or ""}{prefix}-{m.group(3)}{m.group(4) or ""}"', svg
    )
    return "\n".join(line for line in svg.splitlines() if line.strip())


class ChartRenderer:
    """Renders declared charts to SVG once per distinct spec, keeping renders on disk."""

    def __init__(self, cache_dir: Path) -> None:
        self.cache_dir = cache_dir
        self.rendered = 0  # renders done by this instance (cache misses), for tests and bench

    def svg(self, spec: ChartSpec) -> str:
        vl = chart_spec(spec)
        stamp = json.dumps([spec.id, VL_CONVERT, vl], sort_keys=True)
        key = hashlib.sha256(stamp.encode()).hexdigest()[:20]
        path = self.cache_dir / "charts" / f"{key}.svg"
        if path.is_file():
            return path.read_text("utf-8")
        svg = normalise_svg(vlc.vegalite_to_svg(vl), f"chart-{spec.id}")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(svg, "utf-8")
        tmp.replace(path)
        self.rendered += 1
        return svg
