"""Repairs to finished pages, found by axe-core and the Nu HTML checker in the tests."""

from __future__ import annotations

# Material's search is a dialog without a name (axe: aria-dialog-name, serious); a screen
# reader announces it as just "dialog". Name it as its input is named.
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_NAMED_SEARCH_DIALOG = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Search">'
)


def fixed(html: str) -> str:
    """``html`` with every repair applied: Material's search dialog given an accessible name."""
    return html.replace(_SEARCH_DIALOG, _NAMED_SEARCH_DIALOG, 1)
