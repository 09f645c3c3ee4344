"""The house style every chart is drawn in, declared once as a Vega-Lite config.

Sizes are set for the narrowest reader: a chart is drawn about 400 px wide, so on a 390 px
phone it is scaled by no less than nine tenths and its smallest text (``TEXT_SIZE``) still
renders at 11 CSS px or more; on a wide screen it is shown at its drawn size. Text is dark, not
grey (the site's CSS swaps it for the palette's text colour in dark mode); no label or legend is
cut (``labelLimit: 0``: long labels are wrapped into lines instead, see ``wrap``).
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

TEXT_SIZE = 13  # the smallest text a chart draws, in px of its drawing
TITLE_SIZE = 17
INK = "#212121"  # text: near black, as body text
MUTED_INK = "#424242"  # subtitle and source line: still dark, never the grey of a default
RULE_INK = "#757575"  # axis lines and ticks
GRID_INK = "#e0e0e0"
# Mid-tone hues that read on the light and the dark palette alike: a series' colour says what
# it is (one colour per series); a forecast is the same hue, lighter (see ``KIND_OPACITY``).
PALETTE = ["#3f6fb5", "#e0793b", "#2a9d8f", "#b5485d", "#7b5ea7", "#8d6e63", "#607d8b"]
REFERENCE = "#c62828"  # a reference line (a threshold, a target)
KIND_OPACITY = 0.4  # a forecast's, estimate's or target's opacity, an actual's being 1
KIND_DASH = [4, 3]
# Characters a line of text holds at the drawing's width (Liberation Sans' average widths).
TITLE_CHARS, LINE_CHARS = 40, 54
LABEL_CHARS, BAND_CHARS = 20, 11  # a bar's label: left of a horizontal bar, under a vertical one
MAX_WIDTH = 410  # a drawing wider is drawn again, narrower: at 357 px (a phone) its text is 11.3 px
MIN_PLOT = 120
LINE_HEIGHT_PX = 16  # of a label drawn in lines
BAR_WIDTH = 230  # the value axis of a horizontal bar chart, labels drawn left of it
LINE_WIDTH, LINE_HEIGHT = 300, 190
BAND_STEP = 64  # a vertical bar's band; a horizontal bar's is ``BAR_STEP`` per series
BAR_STEP = 24
PIE_SIZE = 180


def config(font: str) -> dict[str, Any]:
    """The Vega-Lite config of every chart, in ``font``."""
    text = {"labelFontSize": TEXT_SIZE, "titleFontSize": TEXT_SIZE, "labelColor": INK}
    return {
        "font": font,
        "background": "transparent",
        "view": {"stroke": None},
        "range": {"category": PALETTE},
        "mark": {"color": PALETTE[0]},
        "text": {"fontSize": TEXT_SIZE, "color": INK},
        "axis": {
            **text,
            "titleColor": INK,
            "titleFontWeight": "normal",
            "labelLimit": 0,
            "domainColor": RULE_INK,
            "tickColor": RULE_INK,
            "gridColor": GRID_INK,
            "labelPadding": 4,
            "labelLineHeight": LINE_HEIGHT_PX,
        },
        "legend": {
            **text,
            "titleColor": INK,
            "labelLimit": 0,
            "orient": "top",
            "direction": "vertical",
            "symbolType": "square",
            "symbolSize": 140,
            "symbolStrokeWidth": 1.5,
            "padding": 0,
            "offset": 10,
        },
        "title": {
            "fontSize": TITLE_SIZE,
            "subtitleFontSize": TEXT_SIZE,
            "color": INK,
            "subtitleColor": MUTED_INK,
            "anchor": "start",
            "frame": "bounds",
            "subtitlePadding": 6,
            "offset": 14,
        },
        "concat": {"spacing": 28},
    }


def bar_step(labels: Iterable[str], series: int = 1) -> int:
    """A horizontal bar's band, in px: room for its series' bars and for its label's lines."""
    lines = max((label.count("\n") + 1 for label in labels), default=1)
    return max(BAR_STEP * series + 10, LINE_HEIGHT_PX * lines + 10)


def source_title(lines: list[str]) -> dict[str, Any]:
    """The source line, drawn under the chart so its PNG and SVG carry it."""
    return {
        "text": lines,
        "orient": "bottom",
        "anchor": "start",
        "frame": "bounds",
        "fontSize": TEXT_SIZE,
        "fontWeight": "normal",
        "color": MUTED_INK,
        "offset": 14,
    }


def wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    """A text as the lines a chart draws it in (Vega draws an array as lines, and cuts none)."""
    return textwrap.wrap(text, width, break_long_words=False, break_on_hyphens=False) or [""]
