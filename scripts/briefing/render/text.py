"""Escaping editors' and sources' text for Markdown and HTML: text is never markup.

Also the one marker generated markup carries to stay out of the search index.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup, escape

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown unescapes
# Control characters but tab and newline (C0, DEL, C1), the bidirectional controls, the line
# and paragraph separators and the tag characters: an archived source may hold them, and must
# be shown as it is, but raw they would be invisible or worse: NUL and C1 are parse errors in
# HTML, ESC starts terminal sequences when the text is copied, a bidi override reorders what a
# reader sees (a quote could seem to say what it does not), U+2028 ends a line in JavaScript
# and in PDF viewers' titles, and tag characters spell hidden text (read by language models).
# Each is shown as its code point instead, e.g. ⟨U+202E⟩.
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)

# Material's search skips the element carrying this attribute, then strips it from the page.
# Its skipping ends at the first closing tag of the same name, so an excluded element must not
# hold another of its kind. Used where the index would only repeat what a fact's own entry says.
UNINDEXED = ' data-search-exclude="true"'


def visible(text: str) -> str:
    """``text`` with every control character written as its code point (see CONTROLS)."""
    return CONTROLS.sub(lambda m: f"\u27e8U+{ord(m[0]):04X}\u27e9", text)


def esc(text: str) -> str:
    """HTML-escape, quotes included, for element text and attribute values; controls shown."""
    return html.escape(visible(text), quote=True)


def html_text(markup: str) -> str:
    """The text a piece of HTML shows, tags dropped and entities decoded: MkDocs' page titles
    are HTML (a heading's entities kept), and a ``<meta>`` wants the text, escaped once."""
    return Markup(markup).striptags()


def striptags_escaped(value: Any) -> Markup:
    """Jinja's ``striptags``, for MkDocs' theme environment, which does not autoescape: the
    text the built-in returns has its entities decoded, so a title written as
    ``x&lt;/title&gt;&lt;script&gt;`` came out as markup where Material prints it (``<title>``).
    This one returns the same text escaped again, as HTML text."""
    return escape(html_text(str(value.__html__() if hasattr(value, "__html__") else value)))


def md_inline(text: str) -> str:
    """Text that goes through Markdown as itself: escaped for HTML text, then for Markdown.
    Quotes stay as they are: as ``&#x27;`` the Markdown escape of its ``#`` would have made the
    entity's ``&`` text, and the heading would show ``&#x27;``."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(visible(text), quote=False))


def one_block(markup: str) -> str:
    """Raw HTML Markdown keeps as one block: no blank lines may break it apart."""
    return "\n".join(line for line in markup.splitlines() if line.strip())
