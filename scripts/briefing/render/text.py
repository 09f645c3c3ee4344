"""Escaping editors' and sources' text for Markdown and HTML: text is never markup.

Also the one marker generated markup carries to stay out of the search index.
"""

from __future__ import annotations

import html
import re
from typing import Any

from markupsafe import Markup, escape

from briefing.problems import visible

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown unescapes
# Material's search skips the element carrying this attribute, then strips it from the page.
# Its skipping ends at the first closing tag of the same name, so an excluded element must not
# hold another of its kind. Used where the index would only repeat what a fact's own entry says.
UNINDEXED = ' data-search-exclude="true"'


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
