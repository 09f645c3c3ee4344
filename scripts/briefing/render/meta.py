"""Open Graph and Twitter card metadata, so a shared link shows the page's title and summary.

MkDocs Material writes ``<title>`` and ``description`` but nothing link previews read. URLs in
these tags must be absolute, so ``og:url`` is only written when ``site_url`` is configured.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from briefing.render.text import esc

# Front-matter keys Material prints into a page as they are (MkDocs does not autoescape): in
# <title>, <meta name="description">, <meta name="author">, the header and the navigation.
TEXT_META = ("title", "description", "author")


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, str]:
    """A page's front-matter text as HTML text, to be printed as it is: a chapter's
    ``title: x</title><script>…`` would otherwise be markup in every page's navigation."""
    return {key: esc(meta[key]) for key in TEXT_META if isinstance(meta.get(key), str)}


def open_graph(
    title: str, description: str, site_name: str, site_url: str | None, page_url: str
) -> str:
    """The ``<meta>`` tags for one page, one per line."""
    tags = [
        ("og:type", "article" if page_url else "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", "en_GB"),
    ]
    if site_url:
        tags.append(
            ("og:url", urljoin(site_url if site_url.endswith("/") else site_url + "/", page_url))
        )
    lines = [f'<meta property="{name}" content="{esc(value)}">' for name, value in tags]
    lines += [
        '<meta name="twitter:card" content="summary">',
        f'<meta name="twitter:title" content="{esc(title)}">',
        f'<meta name="twitter:description" content="{esc(description)}">',
    ]
    return "\n".join(lines)


def style_element(css: str) -> str:
    """A page's own style sheet, for its ``<head>`` (``css`` is the plugin's, never a page's)."""
    return f"\n<style>{css}</style>"


def with_head(html: str, tags: str) -> str:
    """``html`` with ``tags`` added at the end of its ``<head>``."""
    at = html.find("</head>")
    return html if at < 0 else f"{html[:at]}{tags}\n{html[at:]}"
