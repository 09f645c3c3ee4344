"""Escaping editors' and sources' text for Markdown and HTML: text is never markup."""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")  # what Python-Markdown unescapes


def esc(text: str) -> str:
    """HTML-escape, quotes included, for element text and attribute values."""
    return html.escape(text, quote=True)


def md_inline(text: str) -> str:
    """Text that goes through Markdown as itself: escaped for HTML, then for Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=True))


def one_block(markup: str) -> str:
    """Raw HTML Markdown keeps as one block: no blank lines may break it apart."""
    return "\n".join(line for line in markup.splitlines() if line.strip())
