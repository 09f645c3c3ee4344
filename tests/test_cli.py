"""The editor's commands on tiny projects: add, coverage, and the checks of prose and use."""

from __future__ import annotations

from collections.abc import Callable

from conftest import FACTS, Project

CITES_ALL = '# Home\n\n{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.\n'


def test_add_appends_a_verified_fact_keeping_comments(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL, facts="# Topic file: keep this comment\n" + FACTS)
    done = proj.briefing(
        "add",
        "--source", "demo",
        "--quote", "Chinese carmakers' direct exports to Russia plunged 30 percent to 40 percent",
        "--id", "markets.russia.decline.2025",
        "--subject", "Decline in direct exports to Russia",
        "--file", "market.yaml",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    assert text.startswith("# Topic file: keep this comment\n- id: market.production.2024\n")
    assert "- id: markets.russia.decline.2025" in text
    assert "  value: [30, 40]\n  unit: percent\n" in text
    assert "added to facts/market.yaml" in done.stdout


def test_add_refuses_a_quote_not_in_the_source(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL)
    before = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "exports to Russia fell 50 percent",
        "--id", "a.b", "--subject", "x",
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        "briefing add: quote not found in seeds/seed.txt; copy it verbatim from the source "
        '(it matches only up to: "exports to Russia ")' in done.stderr
    )
    assert (proj.root / "facts" / "market.yaml").read_text("utf-8") == before


def test_coverage_lists_numbers_no_fact_covers(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL)
    done = proj.briefing("coverage")
    assert done.returncode == 1
    assert (
        'seeds/seed.txt:3: "30 percent to 40 percent" is covered by no fact and not explained'
        in done.stdout
    )
    assert "demo: 6 numbers, 3 covered or explained, 3 left" in done.stdout
    proj.write(
        "facts/coverage_ignore.yaml",
        "demo:\n"
        '  - {text: "3.7 percent and 4.5 percent", reason: "growth rates, curated elsewhere"}\n'
        '  - {text: "31.44 million units", reason: "sales, curated elsewhere"}\n'
        '  - {text: "30 percent to 40 percent", reason: "the Russia range"}\n',
    )
    done = proj.briefing("coverage")
    assert done.returncode == 0, done.stdout
    assert "0 unexplained number(s)" in done.stdout


def test_check_flags_hand_typed_numbers(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL + "\nExports grew 12 percent, and USD 3 billion.\n")
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        'docs/index.md:5: number "12 percent" typed by hand; cite a fact instead: {{ fact("id") }}',
        'docs/index.md:5: number "USD 3 billion" typed by hand; cite a fact instead: {{ fact("id") }}',
    ]


def test_check_reports_facts_no_page_cites(project: Callable[..., Project]) -> None:
    proj = project(index='# Home\n\nParts: {{ fact("parts.exports.2024") }}, the first half.\n')
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "facts/market.yaml:1: fact 'market.production.2024' is cited by no page; cite it in a "
        "chapter, or tag it 'background' to list it on the facts page only",
    ]
    tagged = FACTS.replace('  quote: "31.28', '  tags: [background]\n  quote: "31.28')
    proj.write("facts/market.yaml", tagged)
    assert proj.briefing("check").returncode == 0
