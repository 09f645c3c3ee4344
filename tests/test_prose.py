"""What the hand-typed-number check leaves alone: text a reader does not see as a figure."""

from __future__ import annotations

import pytest

from briefing.prose import typed_numbers


@pytest.mark.parametrize(
    "text",
    [
        "Phase 2b and a 4K screen, in 2024, on a 5m road.",
        "See [the 2024 report](https://example.org/12%) and five brands.",
        '<span title="12 percent">hover</span> <!-- 13 percent -->',
        "Code: `12 percent` and\n```\n14 percent\n```\n",
        "The 3rd show, in the first half of 2025.",
    ],
)
def test_what_is_no_typed_figure(text: str) -> None:
    assert typed_numbers(text, "docs/page.md") == []


def test_a_problem_is_at_its_source_line_after_markup_spanning_lines() -> None:
    text = "<!--\n\n-->\n<span\n  class='x'>12</span>\n&nbsp;percent\n"
    assert [str(p) for p in typed_numbers(text, "docs/page.md")] == [
        'docs/page.md:5: number "12 percent" typed by hand; cite a fact instead: {{ fact("id") }}'
    ]
