"""Repairs to finished pages, found by axe-core and the Nu HTML checker in the tests."""

from __future__ import annotations

import re

# Material's search is a dialog without a name (axe: aria-dialog-name, serious); a screen
# reader announces it as just "dialog". Name it as its input is named.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
)
# A <style> in the body is not valid HTML: source pages' per-fact rules move to <head>.
_STYLE = re.compile(r"<style>.*?</style>\n?", re.S)


def with_named_search(html: str) -> str:
    """``html`` with Material's search dialog given an accessible name."""
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)


def with_styles_in_head(html: str) -> str:
    """``html`` with every ``<style>`` of its body moved to the end of its ``<head>``."""
    head_end = html.find("</head>")
    if head_end < 0:
        return html
    head, body = html[:head_end], html[head_end:]
    if "<style>" not in body:  # most pages: a plain search, not the pattern's
        return html
    styles = _STYLE.findall(body)
    if not styles:
        return html
    return head + "".join(s.rstrip("\n") + "\n" for s in styles) + _STYLE.sub("", body)


def fixed(html: str) -> str:
    """Every repair applied."""
    return with_styles_in_head(with_named_search(html))
