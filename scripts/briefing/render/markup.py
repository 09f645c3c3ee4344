"""Markup written as Jinja templates (``briefing/templates``) rather than as strings in code.

Every value printed is escaped as ``esc`` escapes it, quotes and control characters included,
so markup from a template and from ``esc`` is byte for byte alike, and no editor's or source's
text can become markup.
"""

from __future__ import annotations

from typing import Any

import jinja2
from markupsafe import Markup

from briefing.render.text import esc


def _escaped(value: Any) -> Any:
    return Markup(esc(value)) if isinstance(value, str) and not isinstance(value, Markup) else value


_ENV = jinja2.Environment(
    loader=jinja2.PackageLoader("briefing", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    finalize=_escaped,
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **values: Any) -> str:
    """The markup ``template`` makes of ``values`` (without the newline a file ends with)."""
    return _ENV.get_template(template).render(**values).rstrip("\n")
