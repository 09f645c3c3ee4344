"""A chapter's site markup cut down to what its printed page shows, so WeasyPrint is quick.

WeasyPrint's time follows the elements it styles and the boxes it lays out, not the pages.
The site's pages carry much the PDF never shows (a hover card on every number, chart specs
for the interactive version, permalinks), and markup that costs boxes for nothing in print:
a ``<q>`` is three boxes (its quotation marks are generated), a citation is a link inside a
``<sup>``. Cutting these saves about a quarter of the full briefing's time, same pages.
"""

from __future__ import annotations

import base64
import re

# Site-only markup, never shown in print (scripts go with the chapter's own code, see inert.py).
# A card is an element of its own and the chart's data links hold no <span>: each ends at its
# first closing tag.
_SITE_ONLY = re.compile(
    r"<briefing-card\b.*?</briefing-card>"
    r'|<span class="chart-data web-only"[^>]*>.*?</span>'
    r'|<a class="headerlink"[^>]*>.*?</a>'
    r'|<summary class="notes-summary">.*?</summary>'
    r'| ?<a class="note-passage"[^>]*>[^<]*</a>',
    re.DOTALL,
)
# A note group's full bibliography entry: the appendix prints it; the group keeps its short name.
_NOTE_FULL = re.compile(r'<span class="note-full">.*?</span>(</p>)', re.DOTALL)
# The number that opens its card on the site is plain text in print.
_CARD_BUTTON = re.compile(r'<button type="button" class="fact-value"[^>]*>([^<]*)</button>')
_CHART_SVG = re.compile(r'(<div class="chart-svg"[^>]*>)(<svg\b.*?</svg>)', re.DOTALL)
_CITE = re.compile(r'<sup class="cite"[^>]*><a ([^>]*>[^<]*</a>)</sup>')
_NOTE_QUOTE = re.compile(r'(<span class="note-no">\d+</span>\s*)<q>([^<]*)</q>')


def site_only_removed(html: str) -> str:
    """The chapter without what only the site shows, and each chart as an SVG image.

    An inline SVG is parsed as HTML and every element of it styled by the page's CSS; as an
    image it is parsed by XML and drawn with the same vectors. vl-convert writes XML, and the
    image keeps the chart's ids from clashing with those of another chart.
    """
    html = _CARD_BUTTON.sub(r"\1", _NOTE_FULL.sub(r"\1", _SITE_ONLY.sub("", html)))
    return _CHART_SVG.sub(_as_image, html)


def _as_image(match: re.Match[str]) -> str:
    data = base64.b64encode(match.group(2).encode()).decode()
    return f'{match.group(1)}<img src="data:image/svg+xml;base64,{data}" alt="">'


def flattened(html: str) -> str:
    """Citations and notes with fewer boxes, printed the same: run after links are re-aimed.

    A citation is its link raised by CSS; a note's quote carries its quotation marks as text.
    """
    html = _CITE.sub(r'<a class="cite" \1', html)
    return _NOTE_QUOTE.sub(r"\1“\2”", html)
