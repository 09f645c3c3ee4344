"""The Content-Security-Policy and the markup repairs, on small pieces of HTML."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

from briefing.render.csp import ThemeCode, inline_code, policy, with_csp

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>var a = 1;</script>
<script src="x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body>
<div class="md-search" data-md-component="search" role="dialog"></div>
<article><style>.x{color:red}</style><p>text</p></article>
</body></html>"""


def sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_only_scripts_a_browser_runs_are_read_and_every_style_is() -> None:
    scripts, styles = inline_code(PAGE)
    assert scripts == ["var a = 1;"]  # not the JSON, not the external script
    assert styles == [".x{color:red}"]


def test_inline_code_is_read_to_its_own_end_tag_in_any_case() -> None:
    html = (
        '<script>if (a < b) { x = "</div></scripts>"; }</script>'
        "<SCRIPT>var B = 2;</Script ><style>p<q{}</style><script>c</script >"
        "<script>d</script><script>never closed"
    )
    scripts, styles = inline_code(html)
    assert scripts == ['if (a < b) { x = "</div></scripts>"; }', "var B = 2;", "c", "d"]
    assert styles == ["p<q{}"]


def test_policy_allows_only_the_site_and_the_code_it_is_given() -> None:
    rules = dict(d.split(" ", 1) for d in policy(["var a = 1;"], [".x{}"]).split("; "))
    assert rules == {
        "default-src": "'self'",
        "script-src": f"'self' {sha('var a = 1;')}",
        "style-src": f"'self' {sha('.x{}')}",
        "img-src": "'self' data:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }


def test_the_page_itself_allows_nothing() -> None:
    """What is in the finished page is not trusted: only the code given is allowed."""
    html = with_csp(PAGE, [], [])
    assert "script-src 'self'; style-src 'self';" in html
    assert "sha256" not in html


def test_theme_code_is_rendered_with_the_pages_context_but_not_its_text(tmp_path: Path) -> None:
    theme, override = tmp_path / "theme", tmp_path / "override"
    templates = {
        theme / "base.html": '<script>scope="{{ base_url }}"</script><script src="b.js"></script>'
        "<style>:root{--f:{{ config.font }}}</style>{% include 'partials/p.html' %}",
        theme / "partials" / "p.html": '<script>go("{{ page.meta.location }}")</script>'
        '<script type="application/json">{{ page.title }}</script>',
        theme / ".icons" / "x.html": "<script>not a template of the theme</script>",
        theme / "main.html": "<script>overridden</script>",
        override / "main.html": "<script>{{ 1 + 1 }}</script>",
    }
    for path, text in templates.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    dirs = [str(override), str(theme)]
    code = ThemeCode.of(Environment(loader=FileSystemLoader(dirs)), dirs)
    page = {"meta": {"location": '");alert(1);("'}, "title": "<script>alert(2)</script>"}
    context = {"base_url": "../..", "config": {"font": "serif"}, "page": page, "nav": page}
    scripts, styles = code.rendered(context)
    # Not the one writing the page's text, not the overridden one, not the inert JSON.
    assert scripts == ['scope="../.."', "2"]
    assert styles == [":root{--f:serif}"]


def test_csp_meta_comes_right_after_the_charset_before_any_script() -> None:
    html = with_csp(PAGE, ["var a = 1;"], [])
    head = html[: html.index("</head>")]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy")
    assert head.index("Content-Security-Policy") < head.index("<script")
    assert html.count("Content-Security-Policy") == 1
