"""Open Graph and Twitter card metadata, so a shared link shows the page's title and summary.

MkDocs Material writes ``<title>`` and ``description`` but nothing link previews read. URLs in
these tags must be absolute, so ``og:url`` is only written when ``site_url`` is configured.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup

from briefing.problems import Problem
from briefing.render.markup import PACKAGE, Partials
from briefing.render.text import esc


def escaped_meta(meta: Mapping[str, Any]) -> dict[str, Any]:
    """A page's front matter as HTML text, every string at any depth, keys too, to be printed
    as it is: Material prints ``title``, ``description``, ``author``, ``subtitle`` and
    ``status`` unescaped (MkDocs does not autoescape), and a list or mapping as its Python
    form, so ``title: x</title><script>…`` or ``author: {a: '"><i>'}`` would otherwise be
    markup in every page's navigation or break out of a ``<meta>``."""
    return {key: _escaped(value) for key, value in meta.items()}


def _escaped(value: Any) -> Any:
    if isinstance(value, str):
        return esc(value)
    if isinstance(value, dict):
        return {_escaped(key): _escaped(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_escaped(item) for item in value]
    return value  # a number, a date, true or null: its Python form holds no markup


# Front-matter keys whose value names a template of the theme that Material includes (an
# icon) or MkDocs renders the page with: one the theme does not have failed the build with
# Jinja's traceback.
THEME_FILES = {
    "icon": (".icons/{}.svg", "icon", "material/home"),
    "template": ("{}", "template", "main.html"),
}


# Front-matter keys Material prints as text: a list or mapping would show as its Python form.
TEXT_META = ("title", "description", "author", "subtitle", "status")


def front_matter_problems(
    meta: Mapping[str, Any], text: Callable[[], str], path: str, dirs: Sequence[str]
) -> list[Problem]:
    """A problem for each front-matter value Material cannot show as text, and each naming a
    file the theme (its ``dirs``) does not have; ``text`` gives the page's source, for lines."""
    found = [
        Problem(
            path,
            _key_line(text(), key),
            f"front matter '{key}' is a {'mapping' if isinstance(meta[key], dict) else 'list'}, "
            "and is printed as text; write it as text",
        )
        for key in TEXT_META
        if isinstance(meta.get(key), (dict, list))
    ]
    for key, (pattern, what, example) in THEME_FILES.items():
        value = meta.get(key)
        if value is None or (isinstance(value, str) and _in_theme(pattern.format(value), dirs)):
            continue
        found.append(
            Problem(
                path,
                _key_line(text(), key),
                f"front matter '{key}: {value}' names no {what} of the theme; "
                f"name one, such as {example}, or remove it",
            )
        )
    return found


def _in_theme(name: str, dirs: Sequence[str]) -> bool:
    """Whether ``name`` is a file of one of the theme's folders, as Jinja's loader finds it
    (which refuses a name that climbs out with "..")."""
    parts = name.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return False
    return any(Path(folder, *parts).is_file() for folder in dirs)


def _key_line(text: str, key: str) -> int:
    """The line of ``key`` in a page's front matter (the first lines, after ``---``)."""
    for number, line in enumerate(text.splitlines(), 1):
        if number > 1 and line.strip() == "---":
            break
        if line.split(":", 1)[0].strip() == key:
            return number
    return 1


def open_graph(
    title: str,
    description: str,
    site_name: str,
    site_url: str | None,
    page_url: str,
    locale: str,
    partials: Partials = PACKAGE,
) -> str:
    """The ``<meta>`` tags for one page, one per line; ``locale`` as Open Graph writes it
    (``en_GB``)."""
    tags = [
        ("og:type", "article" if page_url else "website"),
        ("og:site_name", site_name),
        ("og:title", title),
        ("og:description", description),
        ("og:locale", locale),
    ]
    if site_url:
        tags.append(
            ("og:url", urljoin(site_url if site_url.endswith("/") else site_url + "/", page_url))
        )
    return partials.render("open_graph.html", tags=tags, title=title, description=description)


def style_element(css: str, partials: Partials = PACKAGE) -> str:
    """A page's own style sheet, for its ``<head>`` (``css`` is the plugin's, never a page's)."""
    return "\n" + partials.render("style.html", css=Markup(css))


def with_head(html: str, tags: str) -> str:
    """``html`` with ``tags`` added at the end of its ``<head>``."""
    at = html.find("</head>")
    return html if at < 0 else f"{html[:at]}{tags}\n{html[at:]}"
