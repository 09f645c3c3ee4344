"""Markup written as Jinja partials (``briefing/templates``) rather than as strings in code.

A site overrides any partial by putting a file of the same name in ``briefing/`` under its
theme's ``custom_dir`` (``overrides/briefing/card.html``): the loader looks there first, then
in this package, as Material's tags plugin finds its partials through the theme.

Every value printed is escaped as ``esc`` escapes it, quotes and control characters included,
so markup from a template and from ``esc`` is byte for byte alike, and no editor's or source's
text can become markup, whichever template prints it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from briefing.render.text import esc

OVERRIDES = "briefing"  # the folder under a theme's custom_dir that holds a site's partials


def _escaped(value: Any) -> Any:
    return Markup(esc(value)) if isinstance(value, str) and not isinstance(value, Markup) else value


class Partials:
    """The partials one site renders with: its theme's overrides first, then the package's."""

    def __init__(self, custom_dir: str | Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("briefing", "templates")]
        self.overrides = Path(custom_dir) / OVERRIDES if custom_dir else None
        if self.overrides is not None:
            loaders.insert(0, jinja2.FileSystemLoader(self.overrides))
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(loaders),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            finalize=_escaped,
            trim_blocks=True,
            lstrip_blocks=True,
        )

    def environment(self, finalize: Callable[[Any], Any]) -> jinja2.Environment:
        """An environment reading the same templates, the site's overrides first, printing
        values through ``finalize`` (the print document shows control characters instead)."""
        return jinja2.Environment(
            loader=self.env.loader, autoescape=True, undefined=jinja2.StrictUndefined,
            finalize=finalize,
        )  # fmt: skip

    def source(self, template: str) -> str:
        """The text of ``template`` as the site has it (its override, else the package's)."""
        return self.env.loader.get_source(self.env, template)[0]  # type: ignore[union-attr]

    def render(self, template: str, **values: Any) -> str:
        """The markup ``template`` makes of ``values`` (without the newline a file ends with)."""
        return self.env.get_template(template).render(**values).rstrip("\n")

    def markup(self, template: str, **values: Any) -> Markup:
        """The same, as markup another partial prints as it is."""
        return Markup(self.render(template, **values))


PACKAGE = Partials()  # the package's own partials, for what no site overrides (`briefing check`)
