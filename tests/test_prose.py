"""The chapters' prose checks: what the hand-typed-number check leaves alone (text a reader does
not see as a figure), how sentences are found, and whom an attribution may name."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.chapterchecks.sentences import sentences
from briefing.chapterchecks.sourcing import is_editorial, sourcing_problems
from briefing.facts.loading import load
from briefing.facts.model import FactBook
from briefing.facts.typednumbers import typed_numbers
from briefing.facts.units import Unit
from briefing.paths import Paths
from conftest import Project


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
    assert typed_numbers(text, "docs/page.md", [BRANDS]) == []


BRANDS = Unit("brands", "count", "brand", "brands", aliases=("marques",))


def test_a_count_is_a_figure_when_a_noun_of_the_project_s_units_follows() -> None:
    """Counts are found by the nouns of facts/units.yaml, in any language the project uses;
    a noun that is no unit of the project does not make a number a figure."""
    text = "Some 12 brands, 13 Marques, 14 brandsx and 15 ships.\n"
    assert [str(p) for p in typed_numbers(text, "p.md", [BRANDS], "no")] == [
        'p.md:1: number "12" typed by hand; no',
        'p.md:1: number "13" typed by hand; no',
    ]


def test_a_problem_is_at_its_source_line_after_markup_spanning_lines() -> None:
    text = "<!--\n\n-->\n<span\n  class='x'>12</span>\n&nbsp;percent\n"
    assert [str(p) for p in typed_numbers(text, "docs/page.md", [])] == [
        'docs/page.md:5: number "12 percent" typed by hand; cite a fact instead: {{ fact("id") }}'
    ]


# --- every sentence sourced or marked (issue 17) -------------------------------------------------


FACT, CITE, CLAIM = '{{ fact("a") }}', '{{ cite("b", "c") }}', "{{ claim('d') }}"


def x(call: str) -> str:
    """A citing call as a sentence's text shows it: as many x's as it has characters."""
    return "x" * len(call)


def test_sentences_are_cut_where_a_reader_would_cut_them() -> None:
    text = (
        "---\ntitle: T\n---\n# Heading\n\n"
        f'The U.S. market, No. 1 in Jan. 2024, grew 3.5 percent: "fast." Then {FACT}\n'
        f"fell.\n\n- **Run-in heading.** An item {CITE}.\n"
        '{{ chart("x") }}\n\n!!! analysis "Our reading"\n    - Ours.\n\n'
        f"| H | H |\n|---|---|\n| Row. More | {CLAIM} |\n\n`code. Here.`\n"
        "<script>alert(1). More.</script>\n<STYLE>h1::after{content: 'Shown?'}</STYLE>\n"
    )
    got = [(s.line, s.text, s.cited, s.analysis) for s in sentences(text)]
    assert got == [
        (6, 'The U.S. market, No. 1 in Jan. 2024, grew 3.5 percent: "fast."', (), False),
        (6, f"Then {x(FACT)} fell.", ("a",), False),
        (9, f"Run-in heading: An item {x(CITE)}.", ("b", "c"), False),
        (13, "Ours.", (), True),
        (17, f"Row. More {x(CLAIM)}", ("d",), False),
    ]


def test_a_bold_lead_is_read_with_the_sentence_it_leads_and_alone_is_a_heading() -> None:
    text = (
        "**Visitors doubled.** Many more came.\n\n"
        f"**Exports.**\nChina exported {FACT}.\n\n"
        f"**Imports.**\n\nImports fell {FACT}.\n"
    )
    assert [(s.line, s.text, s.cited) for s in sentences(text)] == [
        (1, "Visitors doubled: Many more came.", ()),
        (3, f"Exports: China exported {x(FACT)}.", ("a",)),
        (8, f"Imports fell {x(FACT)}.", ("a",)),
    ]
    # A lead is a statement even beside a link to a page of the site, and a bold line that
    # cites is one, never a heading whose citation would go unchecked.
    assert [(s.text, s.cited) for s in sentences(
        "**More in [Outlook](outlook.md).** Exports doubled.\n\n"
        "**Sales doubled.** See [Outlook](outlook.md).\n\n"
        f"**Chery shipped {FACT} in 2023.**\n"
    )] == [
        ("More in Outlook: Exports doubled.", ()),
        ("Sales doubled: See Outlook.", ()),
        (f"Chery shipped {x(FACT)} in 2023:", ("a",)),
    ]  # fmt: skip
    found = sourcing_problems(
        "**Visitors doubled.** Many more came.\n", "docs/p.md", FactBook({}, {}, {})
    )
    assert [p.message for p in found] == [
        'sentence cites no fact or claim: "Visitors doubled: Many more came."; cite what it '
        'rests on ({{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}) or put it in an '
        '"!!! analysis" block'
    ]


def test_editorial_front_matter_is_read_as_yaml_writes_it() -> None:
    assert is_editorial("---\nsourcing: editorial\n---\n# A\n")
    assert is_editorial("---\ntitle: A\nsourcing: 'editorial'  # ours\n...\n# A\n")
    assert not is_editorial("# A\n\nsourcing: editorial\n")  # not front matter
    assert not is_editorial("---\ntitle: A\n---\nsourcing: editorial\n")


def test_attribution_agrees_with_said_by_and_data_from_in_any_of_their_forms(
    project: Callable[..., Project],
) -> None:
    """A record's said_by and data_from name it in full, by "(SHORT)" and by a part of the
    name ("Wu"); anyone else named is a mismatch."""
    book, problems = load(Paths(project().root))
    assert problems == []
    fact = dataclasses.replace(
        book.facts["market.production.2024"],
        said_by="Wu Songquan (CATARC)",
        data_from="China Association of Automobile Manufacturers (CAAM)",
    )
    said = FactBook({fact.id: fact}, book.sources, book.units)
    cite = '{{ fact("market.production.2024") }}'
    agreeing = [
        f"According to CAAM, output was {cite}.",
        f"According to the China Association of Automobile Manufacturers, output was {cite}.",
        f"Wu Songquan of the China Automotive Technology and Research Center counts {cite}.",
        f"CATARC's Wu Songquan said output was {cite}. Wu expects {cite}.",
        f"Output was {cite}, Demo Press reported.",
        f"A maker with plants in China, India and Vietnam says output was {cite}.",
        f"Sellers in Thailand said output was {cite}.",
    ]
    for text in agreeing:
        assert sourcing_problems(text, "docs/p.md", said) == [], text
    for text in (
        f"Output was {cite}, as cited by Xinhua.",
        f"Output in Europe, Xinhua reported, was {cite}.",
    ):
        found = sourcing_problems(text, "docs/p.md", said)
        assert [p.message.split(", but")[0] for p in found] == [
            'the sentence attributes what it says to "Xinhua"'
        ], text


# Pieces of Markdown and Jinja a page is made of, for pages no editor would write.
PIECES = st.sampled_from([
    '{{ fact("a") }}', '!!! analysis "x"\n    ', "- ", "| a | b |\n|---|---|\n", "**Bold.** ",
    "[l](x.md)", "\n\n", "\n", "Mr. ", "3.5 ", "...", "?!", "<div>", "</div>", "<!-- c -->",
    "```\ncode\n```", "&amp;", "\\.", "U.S.", "\r", "\u2028", "“", "中文。", "a", "B", " ", ".",
])  # fmt: skip


@given(st.lists(PIECES, max_size=40).map("".join))
@settings(max_examples=300, derandomize=True, database=None, deadline=None)
def test_any_page_gives_sentences_within_its_lines(page: str) -> None:
    for sentence in sentences(page):
        assert 1 <= sentence.line <= sentence.last <= page.count("\n") + 1
        assert sentence.text == sentence.text.strip() and sentence.text


def test_a_marker_after_the_full_stop_cites_for_the_sentence_it_closes() -> None:
    text = f"Sales grew.{CLAIM} Both fell.\n\n<script>alert(5)</script>\n<style>p {{}}</style>\n"
    assert [(s.text, s.cited) for s in sentences(text)] == [
        (f"Sales grew{x(CLAIM)}.", ("d",)),
        ("Both fell.", ()),
    ]


def test_a_call_jinja_prints_as_written_or_not_at_all_cites_nothing() -> None:
    text = (
        'Write {% raw %}{{ fact("a") }}{% endraw %} for the value.\n\n'
        'Sales grew {# {{ fact("b") }} #} fast. Then {{- fact("c") -}} fell.\n'
    )
    assert [(s.text, s.cited) for s in sentences(text)] == [
        ("Write for the value.", ()),
        ("Sales grew fast.", ()),
        ("Then " + x('{{- fact("c") -}}') + " fell.", ("c",)),
    ]
