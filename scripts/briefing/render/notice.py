"""The problems of a refused `mkdocs serve` rebuild, shown on every page of the last good site.

The served folder keeps the last good build (see plugin/staged.py); its pages get a notice
listing the problems, just before ``</body>``, where MkDocs' own live-reload script goes. The
notice sits between two comments of its own, so a second refused rebuild replaces it.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import jinja2

from briefing.paths import write_whole

START, END = "<!-- briefing: problems -->", "<!-- /briefing: problems -->"
_SHOWN = re.compile(re.escape(START) + ".*?" + re.escape(END), re.DOTALL)
_BODY_END = "</body>"


def notice(problems: list[str]) -> str:
    """The notice's HTML, every problem escaped as text."""
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    source = resources.files("briefing").joinpath("templates/problems.html").read_text("utf-8")
    return START + env.from_string(source).render(problems=problems) + END


def with_notice(html: str, shown: str) -> str:
    """``html`` with the notice ``shown`` in place of any notice it had."""
    html = _SHOWN.sub("", html)
    at = html.rfind(_BODY_END)
    return html + shown if at < 0 else html[:at] + shown + html[at:]


def show_problems(site: Path, problems: list[str]) -> None:
    """Put the notice of ``problems`` on every page of the site in ``site``."""
    shown = notice(problems)
    for page in sorted(site.rglob("*.html")):
        write_whole(page, with_notice(page.read_text("utf-8"), shown).encode())
