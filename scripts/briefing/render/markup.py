"""Markup written as Jinja partials (``briefing/templates``) rather than as strings in code.

A site overrides any partial by putting a file of the same name in ``briefing/`` under its
theme's ``custom_dir`` (``overrides/briefing/card.html``): the loader looks there first, then
in this package, as Material's tags plugin finds its partials through the theme.

Every value printed is escaped as ``esc`` escapes it, quotes and control characters included,
so markup from a template and from ``esc`` is byte for byte alike, and no editor's or source's
text can become markup, whichever template prints it.

Compiled templates are kept on disk (Jinja's own bytecode cache, which checks each template's
source before it reuses its code), one folder for each way of compiling them: a build that
renders again pays for compiling only the templates that changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from briefing.buildcache import CODE
from briefing.render.text import esc

OVERRIDES = "briefing"  # the folder under a theme's custom_dir that holds a site's partials


def _escaped(value: Any) -> Any:
    return Markup(esc(value)) if isinstance(value, str) and not isinstance(value, Markup) else value


class Partials:
    """The partials one site renders with: its theme's overrides first, then the package's;
    with ``cache`` (a folder), their compiled code is kept there."""

    def __init__(self, custom_dir: str | Path | None = None, cache: Path | None = None) -> None:
        loaders: list[jinja2.BaseLoader] = [jinja2.PackageLoader("briefing", "templates")]
        self.overrides = Path(custom_dir) / OVERRIDES if custom_dir else None
        if self.overrides is not None:
            loaders.insert(0, jinja2.FileSystemLoader(self.overrides))
        self.cache = cache
        self.env = self._environment(
            jinja2.ChoiceLoader(loaders), finalize=_escaped, trim_blocks=True, lstrip_blocks=True
        )

    def _environment(
        self, loader: jinja2.BaseLoader, finalize: Callable[[Any], Any], **lexing: bool
    ) -> jinja2.Environment:
        options = dict(autoescape=True, undefined=jinja2.StrictUndefined, finalize=finalize)
        if self.cache is not None:
            # Jinja's key is a template's name and source, but compiling applies ``finalize``
            # to the constants it prints: this code's digest is in the folder's name too.
            how = (CODE, jinja2.__version__, finalize.__module__, finalize.__qualname__, lexing)
            folder = self.cache / hashlib.sha256(repr(how).encode()).hexdigest()[:16]
            folder.mkdir(parents=True, exist_ok=True)
            options["bytecode_cache"] = jinja2.FileSystemBytecodeCache(str(folder))
        return jinja2.Environment(loader=loader, **options, **lexing)  # type: ignore[arg-type]

    def environment(self, finalize: Callable[[Any], Any]) -> jinja2.Environment:
        """An environment reading the same templates, the site's overrides first, printing
        values through ``finalize`` (the print document shows control characters instead)."""
        assert self.env.loader is not None
        return self._environment(self.env.loader, finalize)

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
