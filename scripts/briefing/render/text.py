"""Escaping editors' and sources' text for Markdown and HTML: text is never markup.

Also the one marker generated markup carries to stay out of the search index.
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown unescapes

# Material's search skips the element carrying this attribute, then strips it from the page.
# Its skipping ends at the first closing tag of the same name, so an excluded element must not
# hold another of its kind. Used where the index would only repeat what a fact's own entry says.
UNINDEXED = ' data-search-exclude="true"'


def esc(text: str) -> str:
    """HTML-escape, quotes included, for element text and attribute values."""
    return html.escape(text, quote=True)


def md_inline(text: str) -> str:
    """Text that goes through Markdown as itself: escaped for HTML, then for Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def one_block(markup: str) -> str:
    """Raw HTML Markdown keeps as one block: no blank lines may break it apart."""
    return "\n".join(line for line in markup.splitlines() if line.strip())
