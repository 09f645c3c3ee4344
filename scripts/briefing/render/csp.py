"""A Content-Security-Policy for every built page, allowing only the code the site ships.

Everything the site loads is its own (``'self'``): no remote origin is allowed. Inline code is
allowed only by hash, and only the inline code the site itself writes: the ``<script>`` and
``<style>`` elements of the theme's templates (Material's storage helpers, palette switch…),
each rendered with the page's own template context so its hash is that page's, and the
plugin's own styles (a source page's rule per quoted fact). Nothing found in the finished
page is trusted: a script that reaches it by any other way (a chapter's ``<script>``, text
that escaped its escaping) has no hash and does not run. No ``'unsafe-inline'``, no
``'unsafe-eval'`` (charts.js has Vega interpret its expressions instead of compiling them).
``data:`` images are Material's icons, drawn in its CSS as SVG data URLs. The policy is a
``<meta>`` placed right after ``<meta charset>``, before any script, so it covers the whole page.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, Template, TemplateError
from markupsafe import Markup

from briefing.render.markup import PACKAGE, Partials

# An element's body up to its end tag, as a loop over runs without "<" rather than a lazy
# ``.*?`` (which tries the end tag at every character); possessive, so an unclosed tag is not
# backtracked through.
_INLINE = re.compile(
    r"<(script|style)\b([^>]*)>([^<]*+(?:<(?!/\1\s*>)[^<]*+)*+)</\1\s*>", re.S | re.I
)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_EDITORS = ("page", "nav")  # of MkDocs' template context: what holds pages' text
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}  # run by a browser


def inline_code(markup: str) -> tuple[list[str], list[str]]:
    """The bodies of the inline scripts a browser would run in ``markup``, and of its styles."""
    scripts: list[str] = []
    styles: list[str] = []
    for match in _INLINE.finditer(markup):
        tag, attrs, body = match.group(1).lower(), match.group(2), match.group(3)
        if tag == "style":
            styles.append(body)
            continue
        kind = _TYPE.search(attrs)
        if "src=" not in attrs.lower() and (kind.group(1).lower() if kind else "") in _SCRIPT_TYPES:
            scripts.append(body)
    return scripts, styles


@dataclass(frozen=True)
class ThemeCode:
    """The inline scripts and styles written in the theme's templates, compiled: rendered with
    a page's context they are exactly what that page carries (Material writes the site's base
    URL into one). Code a template builds from pieces rather than writes as an element, or
    whose body does not compile on its own, is not recognised and so is blocked."""

    scripts: tuple[Template, ...]
    styles: tuple[Template, ...]

    @classmethod
    def of(cls, env: Environment, dirs: Iterable[str]) -> ThemeCode:
        """The code of the templates in the theme's ``dirs``, each read as ``env`` loads it
        (so an override is read, not what it overrides)."""
        scripts: list[Template] = []
        styles: list[Template] = []
        assert env.loader is not None  # MkDocs' theme environment always has one
        for name in _html_templates(dirs):
            source = env.loader.get_source(env, name)[0]
            if "<script" not in source and "<style" not in source:
                continue
            found_scripts, found_styles = inline_code(source)
            for bodies, into in ((found_scripts, scripts), (found_styles, styles)):
                for body in bodies:
                    try:
                        into.append(env.from_string(body))
                    except TemplateError:
                        continue
        return cls(tuple(scripts), tuple(styles))

    def rendered(self, context: Mapping[str, Any]) -> tuple[list[str], list[str]]:
        """The scripts' and the styles' bodies as a page rendered with ``context`` holds them,
        rendered without the page and the navigation, which hold editors' text: code that
        writes it (Material's redirect page writes a page's ``location``) would otherwise be
        allowed with whatever script an editor wrote into it."""
        site = {key: value for key, value in context.items() if key not in _EDITORS}
        return _all_rendered(self.scripts, site), _all_rendered(self.styles, site)


def _html_templates(dirs: Iterable[str]) -> list[str]:
    """The names of the HTML templates in ``dirs``, without walking folders whose name starts
    with a dot (Material's ``.icons`` holds thousands of SVG files and no template)."""
    names: set[str] = set()
    for top in dirs:
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = [sub for sub in subfolders if not sub.startswith(".")]
            rel = os.path.relpath(folder, top)
            names.update(
                name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")
                for name in files
                if name.endswith(".html")
            )
    return sorted(names)


def _all_rendered(templates: tuple[Template, ...], context: Mapping[str, Any]) -> list[str]:
    """Each template rendered; one that needs what only its own template, or the page,
    defines is left out, and so blocked."""
    bodies = []
    for template in templates:
        try:
            bodies.append(template.render(context))
        except TemplateError:
            continue
    return bodies


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(scripts: Iterable[str], styles: Iterable[str]) -> str:
    """The policy for a page whose own inline code is ``scripts`` and ``styles`` (bodies)."""
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *sorted({_hash(s) for s in scripts})]),
            " ".join(["style-src 'self'", *sorted({_hash(s) for s in styles})]),
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(
    html: str, scripts: Iterable[str], styles: Iterable[str], partials: Partials = PACKAGE
) -> str:
    """``html`` with its Content-Security-Policy ``<meta>`` right after ``<meta charset>``
    (or first in ``<head>``); unchanged when it has neither."""
    # The policy is this module's own text (keywords and hashes), printed as it is.
    tag = partials.render("csp.html", policy=Markup(policy(scripts, styles)))
    found = _CHARSET.search(html)
    if found:
        return f"{html[: found.end()]}\n{tag}{html[found.end() :]}"
    at = html.find("<head>")
    return html if at < 0 else f"{html[: at + 6]}\n{tag}{html[at + 6 :]}"
