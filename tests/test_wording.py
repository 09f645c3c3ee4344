"""The word lists of the meaning checks: what they find in text, how relative periods
resolve, where a quote's sentence ends, and that a record written by the rules passes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.facts import wording
from briefing.facts.meaning import name_forms, named, needs, resolve, sentence, stated
from briefing.facts.periods import label
from briefing.paths import Paths
from briefing.problems import Problem
from conftest import FACTS, SEED_TEXT, Project, sources_yaml

EN = wording.Words(wording.defaults()["en"])
ZH = wording.Words(wording.defaults()["zh"])


def parts(words: wording.Words, text: str) -> set[str]:
    return {f.meaning for f in words.parts(text)}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("in the first half of 2025", {"H1"}),
        ("H2 2024 sales", {"H2"}),
        ("the third quarter", {"Q3"}),
        ("in the first ten months of 2024", {"01-10"}),
        ("the first 10 months", {"01-10"}),
        ("January-October 2024", {"01", "10", "01-10"}),
        ("from Jan to Oct", {"01", "10", "01-10"}),
        ("by June this year", {"06"}),
        ("released in September", {"09"}),
        ("the market share", set()),  # "mar" inside a word is no March
        ("exports may peak", set()),  # the modal, not the month
        ("the 5 minutes", set()),  # a number alone is no month in English
    ],
)
def test_english_parts_of_a_year(text: str, found: set[str]) -> None:
    assert parts(EN, text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2024年1-10月", {"10", "01-10"}),
        ("上半年出口", {"H1"}),
        ("前十个月", {"01-10"}),
        ("今年十二月", {"12"}),
        ("第三季度", {"Q3"}),
    ],
)
def test_chinese_parts_of_a_year(text: str, found: set[str]) -> None:
    assert parts(ZH, text) == found


@pytest.mark.parametrize(
    ("words", "published", "period"),
    [
        ("last year", "2025-07", "2024"),
        ("This year", "2025-07-13", "2025"),
        ("next year", "2025-12", "2026"),
        ("the first half of this year", "2025-07", "2025-H1"),
        ("the first six months of this year", "2025-07", "2025-H1"),
        ("the first quarter of this year", "2025-07", "2025-Q1"),
        ("in the first 10 months of this year", "2024-11", "2024-01/2024-10"),
        ("in July", "2025-07", "2025-07"),
        ("by June this year", "2025-07", "2025-06"),
        ("last year and this year", "2025-07", None),  # two years: no one period
        ("respectively", "2025-07", None),
    ],
)
def test_relative_words_resolve_against_the_source_date(
    words: str, published: str, period: str | None
) -> None:
    assert resolve(words, EN, published) == period


def test_chinese_relative_words_resolve() -> None:
    assert resolve("去年", ZH, "2025-07") == "2024"
    assert resolve("今年1-10月", ZH, "2024-11") == "2024-01/2024-10"
    assert resolve("今年上半年", ZH, "2025-07") == "2025-H1"


@pytest.mark.parametrize(
    ("period", "wanted"),
    [
        ("2024", [(2024, None)]),
        ("2024-H1", [(2024, "H1")]),
        ("2024-01/2024-10", [(2024, "01-10")]),
        ("2024-01/2024-06", [(2024, "H1")]),  # the first six months are the first half
        ("2024-12-05", [(2024, "12")]),
        ("2025/2026", [(2025, None), (2026, None)]),
        ("2024-11/2025-02", [(2024, "11"), (2025, "02")]),
    ],
)
def test_what_a_period_asks_the_quote_to_state(
    period: str, wanted: list[tuple[int, str | None]]
) -> None:
    assert needs(period) == wanted


def test_years_stated_are_years_not_amounts() -> None:
    years, found, relative = stated("US$192.2 billion in 2024, against 2,025 in 2025-2026", EN)
    assert years == {2024, 2025, 2026}
    assert (found, relative) == ({}, [])


def test_qualifier_words_just_before_a_number_longest_first() -> None:
    assert _qualifier("with a share of more than ") == ("over", "more than")
    assert _qualifier("there will be no more than ") == ("at most", "no more than")
    assert _qualifier("account for just over ") == ("over", "over")
    assert _qualifier("Nearly ") == ("nearly", "Nearly")
    assert _qualifier("the turnover ") is None  # "over" inside a word
    assert _qualifier("about 5 cars, and ") is None  # not just before
    found = ZH.qualifier_before("出口超过")
    assert found is not None and found.meaning == "over"


def _qualifier(text: str) -> tuple[str, str] | None:
    found = EN.qualifier_before(text)
    return None if found is None else (found.meaning, found.words)


def test_hedges_and_future_are_whole_words() -> None:
    assert EN.hedges("Sales may rise; the plan is potentially late") == [
        "may",
        "plan",
        "potentially",
    ]
    assert EN.hedges("In May, sales mayhem") == []  # the month, and no word inside another
    assert EN.future("Output will reach 5 million") == ["will"]
    assert EN.future("the willing buyers") == []


def test_a_quote_sentence_ends_where_the_source_sentence_does() -> None:
    text = "Mr. Wu of the U.S. unit said sales may rise 5 percent. Output fell.\nNext line."
    at = text.index("sales")
    assert text[slice(*sentence(text, (at, at + 5), EN))] == text[: text.index(" Output")]
    at = text.index("fell")
    assert text[slice(*sentence(text, (at, at + 4), EN))] == " Output fell."


def test_a_name_counts_in_its_full_or_short_form_near_the_quote() -> None:
    assert name_forms("China Association of Automobile Manufacturers (CAAM)") == [
        "China Association of Automobile Manufacturers",
        "CAAM",
    ]
    assert name_forms("Wu Songquan") == ["Wu Songquan"]
    text = "Data from caam show it.\n" + "y" * 500 + "\nSales rose 5 percent.\n" + "z" * 10
    at = text.index("Sales")
    assert not named("CAAM", text, (at, at + 5))  # 500 characters and a paragraph away
    assert named("CAAM", text[:24] + text[400:], (at - 376, at - 371))
    assert not named("CAA", text[:24], (0, 4))  # not a part of a word


def test_a_person_named_in_full_may_be_named_by_one_part_of_the_name_after() -> None:
    text = "Wu Songquan of CATARC spoke first.\n" + "y" * 500 + "\nSales rose, Wu said.\n"
    at = text.index("Sales")
    assert named("Wu Songquan (CATARC)", text, (at, at + 10), person=True)
    assert not named("Wu Songquan (CATARC)", text, (at, at + 10))  # data_from: no person
    later = "Sales rose, Wu said.\n" + "y" * 500 + "\nWu Songquan of CATARC spoke.\n"
    assert not named("Wu Songquan", later, (0, 10), person=True)  # named in full only after
    assert not named(
        "Li Yixin", "Li Yixin spoke.\n" + "y" * 500 + "\nSales rose.", (517, 527), True
    )


def test_undated_is_labelled_with_the_source_date() -> None:
    assert label("undated", "2025-07-13") == "undated; reported 13 Jul 2025"
    assert label("undated", "2025-07") == "undated; reported Jul 2025"
    assert label("undated") == "undated"
    assert label("2024-01/2024-10") == "Jan 2024–Oct 2024"


def test_word_lists_ship_with_the_package() -> None:
    assert set(wording.defaults()) >= {"en", "zh"}


def test_records_written_by_the_rules_pass(project: Callable[..., Project]) -> None:
    """A period resolved from "last year", a hedge of another clause explained in 'reading',
    a name given near the quote: what the rules ask for is accepted, so none cries wolf."""
    seed = SEED_TEXT.replace("last year.", "last year, the DA said, and may rise again.")
    facts = FACTS.replace("period: undated", 'period: "2024"', 1).replace(
        'quote: "31.28 million and 31.44 million units"',
        'quote: "31.28 million and 31.44 million units, respectively, last year"\n'
        '  period_from: "last year"\n'
        '  said_by: "Demo Agency (DA)"\n'
        '  reading: "The hedge is about next year, not this total."',
    )
    proj = project(facts=facts)
    proj.write("seeds/seed.txt", seed)
    proj.write("facts/sources.yaml", sources_yaml(text=seed))
    done = proj.briefing("check")
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    proj.write(
        "facts/market.yaml",
        facts.replace('  reading: "The hedge is about next year, not this total."\n', ""),
    )
    done = proj.briefing("check")
    assert done.returncode == 1
    assert "kind 'actual', but the quote's sentence hedges it (\"may\")" in done.stdout


def test_a_project_word_list_adds_month_names_the_checks_read(tmp_path: Path) -> None:
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "wording.yaml").write_text(
        "en:\n  month_names: {Sept.: 9, Octobre: 10}\nfr:\n  month_names: {Brumaire: 13}\n",
        "utf-8",
    )
    problems: list[Problem] = []
    words = wording.load(Paths(tmp_path), problems)
    assert [p.message for p in problems] == [
        "'fr: month_names' must be a mapping of month names to 1-12, such as 'Sept: 9'; "
        "'Brumaire' must be a whole number from 1 to 12"
    ]
    assert parts(words.of("en"), "from Sept. to Octobre 2024") == {"09", "10", "09-10"}
    assert parts(words.of("en"), "from March to May") == {"03", "05", "03-05"}  # still read
    assert parts(EN, "from Octobre to Brumaire") == set()  # the package's own lists: no such


def test_names_joined_into_one_group_unless_each_has_its_number() -> None:
    """The pairs the joint-figure rule reads: capitalised names joined by a joining word;
    "respectively" gives each its own number, and a lowercase pair is no names."""
    text = "around 60 percent for German and Japanese automakers"
    assert EN.joined(text) == [("German", "Japanese", "German and Japanese")]
    assert EN.joined("BYD as well as Chery sold more") == [("BYD", "Chery", "BYD as well as Chery")]
    assert EN.joined("73 and 68 points for German and Japanese peers, respectively") == []
    assert EN.joined("cars and trucks") == []
    assert ZH.joined("德国和日本车企约60%") == []
