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


# --- every sentence sourced or marked (issue 17) -------------------------------------------------


FACT, CITE, CLAIM = '{{ fact("a") }}', '{{ cite("b", "c") }}', "{{ claim('d') }}"


def x(call: str) -> str:
    """A citing call as a sentence's text shows it: as many x's as it has characters."""
    return "x" * len(call)


def test_sentences_are_cut_where_a_reader_would_cut_them() -> None:
    from briefing.sentences import sentences

    text = (
        "---\ntitle: T\n---\n# Heading\n\n"
        f'The U.S. market, No. 1 in Jan. 2024, grew 3.5 percent: "fast." Then {FACT}\n'
        f"fell.\n\n- **Run-in heading.** An item {CITE}.\n"
        '{{ chart("x") }}\n\n!!! analysis "Our reading"\n    - Ours.\n\n'
        f"| H | H |\n|---|---|\n| Row. More | {CLAIM} |\n\n`code. Here.`\n"
    )
    got = [(s.line, s.text, s.cited, s.analysis) for s in sentences(text)]
    assert got == [
        (6, 'The U.S. market, No. 1 in Jan. 2024, grew 3.5 percent: "fast."', (), False),
        (6, f"Then {x(FACT)} fell.", ("a",), False),
        (9, f"An item {x(CITE)}.", ("b", "c"), False),
        (13, "Ours.", (), True),
        (17, f"Row. More {x(CLAIM)}", ("d",), False),
    ]


def test_editorial_front_matter_is_read_as_yaml_writes_it() -> None:
    from briefing.sourcing import is_editorial

    assert is_editorial("---\nsourcing: editorial\n---\n# A\n")
    assert is_editorial("---\ntitle: A\nsourcing: 'editorial'  # ours\n...\n# A\n")
    assert not is_editorial("# A\n\nsourcing: editorial\n")  # not front matter
    assert not is_editorial("---\ntitle: A\n---\nsourcing: editorial\n")
