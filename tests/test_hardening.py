"""The Content-Security-Policy and the markup repairs, on small pieces of HTML."""

from __future__ import annotations

import base64
import hashlib

from briefing.render.csp import inline_hashes, policy, with_csp
from briefing.render.fixups import fixed

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


def test_only_scripts_a_browser_runs_are_hashed_and_every_style_is() -> None:
    scripts, styles = inline_hashes(PAGE)
    assert scripts == [sha("var a = 1;")]  # not the JSON, not the external script
    assert styles == [sha(".x{color:red}")]


def test_inline_code_is_read_to_its_own_end_tag_in_any_case() -> None:
    html = (
        '<script>if (a < b) { x = "</div></scripts>"; }</script>'
        "<SCRIPT>var B = 2;</Script ><style>p<q{}</style><script>c</script >"
        "<script>d</script><script>never closed"
    )
    scripts, styles = inline_hashes(html)
    bodies = ['if (a < b) { x = "</div></scripts>"; }', "var B = 2;", "c", "d"]
    assert scripts == sorted(sha(body) for body in bodies)
    assert styles == [sha("p<q{}")]


def test_policy_allows_only_the_site_and_the_hashed_inline_code() -> None:
    rules = dict(d.split(" ", 1) for d in policy(PAGE).split("; "))
    assert rules["default-src"] == "'self'"
    assert rules["script-src"] == f"'self' {sha('var a = 1;')}"
    assert rules["style-src"] == f"'self' {sha('.x{color:red}')}"
    assert rules["object-src"] == "'none'"
    assert "unsafe" not in policy(PAGE)


def test_csp_meta_comes_right_after_the_charset_before_any_script() -> None:
    html = with_csp(PAGE)
    head = html[: html.index("</head>")]
    assert head.index('<meta charset="utf-8">') < head.index("Content-Security-Policy")
    assert head.index("Content-Security-Policy") < head.index("<script")
    assert html.count("Content-Security-Policy") == 1


def test_repairs_name_the_search_dialog_and_move_body_styles_to_the_head() -> None:
    html = fixed(PAGE)
    assert 'role="dialog" aria-label="Search"' in html
    head, body = html.split("</head>")
    assert "<style>.x{color:red}</style>" in head
    assert "<style>" not in body
    assert "<article><p>text</p></article>" in body
    # The hash still matches: the style moved unchanged.
    assert inline_hashes(html)[1] == [sha(".x{color:red}")]
