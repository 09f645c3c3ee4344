"""Units: the number parser, formatting, periods and quote matching."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest

from briefing.facts.characters import is_invisible
from briefing.facts.model import agree
from briefing.facts.numbers import matches, parse_numbers
from briefing.facts.periods import is_period, label
from briefing.facts.quotes import SourceText
from briefing.facts.units import Unit, format_value


def values(text: str) -> list[tuple[str, str, str | None]]:
    return [
        (
            format(q.value.normalize(), "f"),
            q.kind,
            None if q.high is None else format(q.high.normalize(), "f"),
        )
        for q in parse_numbers(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31.28 million", ("31280000", "number", None)),
        ("USD150 billion", ("150000000000", "currency", None)),
        ("CNY150,000", ("150000", "currency", None)),
        ("4.3 percent", ("4.3", "percent", None)),
        ("10.4%", ("10.4", "percent", None)),
        ("six million", ("6000000", "number", None)),
        ("2.8 times", ("2.8", "multiplier", None)),
        ("over 400,000 units", ("400000", "number", None)),
        ("half of them", ("50", "percent", None)),
        ("ranking first in the world", ("1", "ordinal", None)),
        ("over a thousand in Thailand", ("1000", "number", None)),
        ("a 50 - billion - yuan debt", ("50000000000", "currency", None)),
        ("$120 Billion", ("120000000000", "currency", None)),
        ("ranked 2nd in the world", ("2", "ordinal", None)),
        ("the 22nd show", ("22", "ordinal", None)),
    ],
)
def test_parser_reads_the_forms_sources_use(text: str, expected: tuple[str, str, None]) -> None:
    assert values(text)[0] == expected


def test_ranges_carry_the_scale_of_their_second_number() -> None:
    assert ("30", "percent", "40") in values("30 percent to 40 percent")
    assert values("12 to 15 million units") == [("12000000", "number", "15000000")]
    assert ("3", "number", "6") in values("the 3 - to 6 - month window")


def test_ranges_found_by_hypothesis() -> None:
    """Each form the site writes a range in reads back as that range."""
    assert values("USD 3–5 billion") == [("3000000000", "currency", "5000000000")]
    assert values("500,000 to 3,000,000 vehicles") == [("500000", "number", "3000000")]
    assert values("500,000 to 3 million") == [("500000", "number", "3000000")]
    assert values("1st–3rd") == [("1", "ordinal", "3")]
    assert values("No. 1–3") == [("1", "number", "3")]
    assert matches(
        [3_000_000_000, 5_000_000_000], parse_numbers("USD 3–5 billion"), "currency", "USD"
    )


@pytest.mark.parametrize(
    "text", ["1/0", "0/0 of it", "ſix cars", "fıve", "thirty-ſix", "firſt", "5 thouſand", "2 timeſ"]
)
def test_parser_skips_what_only_looks_like_a_number(text: str) -> None:
    """Found by hypothesis: these raised DivisionByZero or KeyError, crashing `briefing check`
    on a quote or source holding them. The pattern ignores case the Unicode way, so "ſ" (long
    s) matches "s" and "ı" matches "i"; such spellings are no numbers the parser reads."""
    assert values(text) == []


def test_ordinals_in_digits_state_ordinals_and_counts() -> None:
    found = parse_numbers("the 22nd show, ranking second")
    assert matches(22, found, "ordinal") and matches(22, found, "count")
    assert matches(2, found, "ordinal") and not matches(2, found, "count")


def test_parser_ignores_digits_inside_words() -> None:
    assert values("the EX5/E5 and Q1") == []


def test_matching_requires_the_kind_of_number_the_unit_needs() -> None:
    found = parse_numbers(
        "exports rose 10 percent to 10 million, 2.8 times, RMB 5 billion, in 2023"
    )
    assert matches(10, found, "percent")
    assert not matches(10, found, "count")
    assert matches(10_000_000, found, "count")
    assert not matches(Decimal("10.5"), found, "percent")
    assert matches(Decimal("2.8"), found, "multiplier")
    assert not matches(Decimal("2.8"), found, "count")
    assert matches(5_000_000_000, found, "currency", "CNY")
    assert not matches(5_000_000_000, found, "currency", "USD")


def test_ranges_are_stated_only_as_ranges() -> None:
    found = parse_numbers("plunged 30 percent to 40 percent; 12 to 15 million units")
    assert matches([30, 40], found, "percent")
    assert not matches([30, 45], found, "percent")
    assert not matches(30, found, "percent")
    assert not matches(12_000_000, found, "count")
    assert not matches(15_000_000, found, "count")


def test_changes_and_mixed_kinds_are_not_ranges() -> None:
    assert values("soared from 39% to 53%") == [("39", "percent", None), ("53", "percent", None)]
    assert values("rose 4.5 percent to 31.44 million") == [
        ("4.5", "percent", None),
        ("31440000", "number", None),
    ]


def test_first_half_is_a_period_and_fractions_are_percentages() -> None:
    assert values("in the first half of this year") == [("1", "ordinal", None)]
    assert values("less than 1/5 of that") == [("20", "percent", None)]
    assert values("twenty-five brands") == [("25", "number", None)]


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "text"),
    [
        (4910000, Unit("vehicles", "count", "vehicle", "vehicles"), None, "4.91 million vehicles"),
        (400000, Unit("vehicles", "count", "vehicle", "vehicles"), "over", "over 400,000 vehicles"),
        (1, Unit("brands", "count", "brand", "brands"), None, "1 brand"),
        (4.3, Unit("percent", "percent"), None, "4.3%"),
        ([30, 40], Unit("percent", "percent"), None, "30–40%"),
        (150_000_000_000, Unit("usd", "currency", symbol="USD"), "about", "about USD 150 billion"),
        (2.8, Unit("times", "multiplier"), None, "2.8 times"),
        (1, Unit("rank", "rank"), None, "No. 1"),
        ([1, 3], Unit("rank", "rank"), None, "No. 1–3"),
        ([1, 3], Unit("ordinal", "ordinal"), None, "1st–3rd"),
        (
            [3_000_000_000, 5_000_000_000],
            Unit("usd", "currency", symbol="USD"),
            None,
            "USD 3–5 billion",
        ),
        (
            [500_000, 3_000_000],
            Unit("vehicles", "count", "vehicle", "vehicles"),
            None,
            "500,000 to 3,000,000 vehicles",
        ),
        (
            [4_910_000, 12_000_000_000],
            Unit("vehicles", "count", "vehicle", "vehicles"),
            None,
            "4.91 million to 12 billion vehicles",
        ),
        (2027, Unit("year", "year"), None, "2027"),
        (-3.2, Unit("percent", "percent"), None, "\u22123.2%"),
        ([-5, -3], Unit("percent", "percent"), None, "\u22125 to \u22123%"),
        ([-5, 3], Unit("percent", "percent"), None, "\u22125 to 3%"),
        (
            -4_910_000,
            Unit("vehicles", "count", "vehicle", "vehicles"),
            None,
            "\u22124.91 million vehicles",
        ),
        (-1500, Unit("usd", "currency", symbol="USD"), None, "USD \u22121,500"),
        (
            [12_000_000, 15_000_000],
            Unit("vehicles", "count", "vehicle", "vehicles"),
            None,
            "12–15 million vehicles",
        ),
    ],
)
def test_format_value(value: object, unit: Unit, qualifier: str | None, text: str) -> None:
    assert format_value(value, unit, qualifier) == text


@pytest.mark.parametrize(
    "text", ["2023", "2024-H1", "2025-Q1", "2024-10", "2024-01/2024-10", "2025/2026"]
)
def test_periods_accepted(text: str) -> None:
    assert is_period(text)


@pytest.mark.parametrize(
    "text", ["23", "2024-H3", "2024-13", "2026/2025", "last year", "2024-Q1-01"]
)
def test_periods_rejected(text: str) -> None:
    assert not is_period(text)


def test_period_labels() -> None:
    assert label("2024-H1") == "H1 2024"
    assert label("2024-01/2024-10") == "Jan 2024–Oct 2024"
    assert label("2025-Q1") == "Q1 2025"


def test_quote_matching_forgives_only_whitespace_and_typography() -> None:
    source = SourceText("He said \u201cover  400,000\u201d units \u2013 each.\nNext")
    assert source.find('said "over 400,000" units - each. Next') == (3, 42)
    assert source.find("said over 400,000 units") is None
    assert source.longest_prefix('said "over 400,001"') == 'said "over 400,00'


def test_quote_cut_inside_a_number_states_nothing() -> None:
    source = SourceText("China's automobile exports will reach 4.91 million units in 2023.")
    span = source.find("will reach 4.9")
    assert span is not None
    assert source.numbers_in(*span) == []
    whole = source.find("will reach 4.91 million units")
    assert whole is not None
    assert [q.value for q in source.numbers_in(*whole)] == [Decimal("4910000")]


def test_dates_are_one_token_and_ranges_stay_on_one_line() -> None:
    assert values("Time: 2025-03-11") == [("2025", "date", None)]
    assert values("Time:2025-03-11\n-\n2024 China leads") == [
        ("2025", "date", None),
        ("2024", "number", None),
    ]
    assert values("in 2025-2026 and 2027-2028") == [
        ("2025", "year", "2026"),
        ("2027", "number", "2028"),
    ]


def test_values_agree_within_stated_precision() -> None:
    assert agree(31_280_000, 31_282_000)
    assert agree(4.3, 4.3)
    assert not agree(16_000_000, 16_500_000)
    assert not agree(4.3, 4.4)
    assert not agree([30, 40], [30, 45])


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("fell to -3.2 percent", "-3.2"),
        ("fell to \u22123.2 percent", "-3.2"),  # minus sign
        ("fell to \u20133.2 percent", "-3.2"),  # en dash, as typesetters write minus
        ("fell to \uff0d3.2 percent", "-3.2"),  # fullwidth hyphen-minus
        ("growth of minus 3.2 percent", "-3.2"),
        ("negative 3.2 percent", "-3.2"),
        ("fell 3.2 percent", "3.2"),  # a fall stated as its size: the number as written
        ("rose +3.2 percent", "3.2"),
    ],
)
def test_a_minus_before_a_number_is_its_sign(text: str, value: str) -> None:
    assert values(text) == [(value, "percent", None)]
    found = parse_numbers(text)
    assert matches(Decimal(value), found, "percent")
    assert not matches(-Decimal(value), found, "percent")


def test_a_dash_between_numbers_is_a_range_not_a_sign() -> None:
    assert values("3 -5 percent") == [("3", "percent", "5")]
    assert values("in 2025-2026") == [("2025", "year", "2026")]
    assert values("-5 to -3 percent") == [("-5", "percent", "-3")]
    assert values("rose 3 percent, - 5 said") == [("3", "percent", None), ("5", "number", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("one hundred thousand cars", ("100000", "number", None)),
        ("two hundred million cars", ("200000000", "number", None)),
        ("twenty-five brands", ("25", "number", None)),
        ("twenty five brands", ("25", "number", None)),
        ("a hundred and five", ("105", "number", None)),
        ("twelve hundred", ("1200", "number", None)),
        ("two million three hundred thousand", ("2300000", "number", None)),
        ("ninety-nine thousand nine hundred and ninety-nine", ("99999", "number", None)),
        ("one and a half million", ("1500000", "number", None)),
        ("half a million", ("500000", "number", None)),
        ("a quarter of sales", ("25", "percent", None)),
        ("three quarters of sales", ("75", "percent", None)),
        ("three-quarters", ("75", "percent", None)),
        ("one fifth of exports", ("20", "percent", None)),
        ("four fifths", ("80", "percent", None)),
        ("a tenth of it", ("10", "percent", None)),
        ("a million and a half", ("1500000", "number", None)),
        ("two million and a half cars", ("2500000", "number", None)),
        ("Twenty-Five Percent", ("25", "percent", None)),
        ("twelve to fifteen million", ("12000000", "number", "15000000")),
        ("4.9 mn", ("4900000", "number", None)),
        ("5 hundred thousand cars", ("500000", "number", None)),
        ("1.5 thousand million", ("1500000000", "number", None)),
    ],
)
def test_number_words_are_read_whole(text: str, expected: tuple[str, str, str | None]) -> None:
    assert values(text) == [expected]


def test_number_words_not_in_a_phrase_are_separate_numbers() -> None:
    """Only a scale word lets another group follow: "one two" is two numbers, not three."""
    assert values("one two") == [("1", "number", None), ("2", "number", None)]
    assert values("the fourth quarter") == [("4", "ordinal", None)]
    assert values("doubled in a quarter") == []  # a period, not 25 percent
    assert values("a third plant in a fifth year") == [
        ("3", "ordinal", None),
        ("5", "ordinal", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "4.9\u200b1 million",  # zero width space
        "4.9\u00ad1 million",  # soft hyphen
        "4.9\u20601 million",  # word joiner
        "4.9\u034f1 million",  # combining grapheme joiner (default-ignorable, category Mn)
        "4.9\ufe0f1 million",  # variation selector
        "4.9\x001 million",  # NUL
        "4.9\x1b1 million",  # ESC
    ],
)
def test_numbers_are_read_as_seen_across_invisible_characters(text: str) -> None:
    """ "4.9\u200b1 million" shows as 4.91 million: so it states that, spanning the character
    (a quote cannot hold it), and never "1 million"."""
    (found,) = parse_numbers(text)
    assert (found.value, found.text, found.start, found.end) == (4_910_000, text, 0, len(text))


def test_ranges_and_words_are_read_across_invisible_characters() -> None:
    assert values("30\u200b to 40 percent") == [("30", "percent", "40")]
    assert values("fif\u00adty cars") == [("50", "number", None)]
    found = SourceText("Sales were 4.9\u200b1 million units.")
    span = found.find("1 million units")
    assert span is not None and found.numbers_in(*span) == []


def test_a_quote_is_found_at_every_occurrence_and_its_context_picks_one() -> None:
    source = SourceText("Exports rose 5 percent.\nImports  rose 5 percent; rose 5 percent")
    assert source.find_all("rose 5 percent") == [(8, 22), (33, 47), (49, 63)]
    assert source.find_all("rose 5 percent", "Imports") == [(33, 47)]
    assert source.find_all("rose 5 percent", "ports") == [(8, 22), (33, 47)]
    assert source.find_all("rose 5 percent", "Sales") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.9M vehicles", ("4900000", "number", None)),
        ("USD 4.9 M", ("4900000", "currency", None)),
        ("4.9m vehicles", ("4900000", "number", None)),
        ("20k units", ("20000", "number", None)),
        ("3B yuan", ("3000000000", "currency", None)),
        ("a 500 m tunnel", ("500", "number", None)),  # spaced lowercase: metres, not million
        ("800V platform", ("800", "number", None)),
        ("4 910 000 vehicles", ("4910000", "number", None)),
        ("4\u202f910\u202f000 vehicles", ("4910000", "number", None)),
        ("between 30 and 40 percent", ("30", "percent", "40")),
        ("between thirty and forty percent", ("30", "percent", "40")),
    ],
)
def test_abbreviated_scales_grouped_digits_and_between_ranges(
    text: str, expected: tuple[str, str, str | None]
) -> None:
    assert values(text) == [expected]


def test_and_without_between_joins_no_range() -> None:
    assert values("rose 5 and 6 percent") == [("5", "number", None), ("6", "percent", None)]


def test_invisible_characters_are_those_of_their_unicode_categories() -> None:
    """characters.INVISIBLE spells out what unicodedata says, for this Python's Unicode."""
    expected = {
        c
        for c in range(0x110000)
        if not chr(c).isspace()
        and (
            unicodedata.category(chr(c)) in {"Cc", "Cf"}
            or c in {0x034F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x3164, 0xFFA0}
            or 0x180B <= c <= 0x180F
            or 0xFE00 <= c <= 0xFE0F
            or 0xFFF0 <= c <= 0xFFF8
            or 0x1BCA0 <= c <= 0x1BCA3
            or 0x1D173 <= c <= 0x1D17A
            or 0xE0000 <= c <= 0xE0FFF
        )
    }
    assert {c for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF and is_invisible(chr(c))} == (
        expected
    )


@pytest.mark.parametrize("value", [-3.2, [-5, -3], [-5, 3], -0.5])
def test_negative_values_as_written_read_back_as_themselves(value: object) -> None:
    unit = Unit("percent", "percent")
    assert matches(value, parse_numbers(format_value(value, unit)), "percent")


def test_a_year_states_a_year_not_a_count() -> None:
    for text in ("in 2024", "since 2024", "March 2024", "H1 2024", "2024年"):
        found = parse_numbers(text)
        assert matches(2024, found, "year"), text
        assert not matches(2024, found, "count"), text
    assert matches(2024, parse_numbers("sold 2024 cars"), "count")
    assert matches(1900, parse_numbers("in 1900 cars"), "year")
    assert matches(2024, parse_numbers("on March 1, 2024"), "year")
    assert not matches(1, parse_numbers("on March 1, 2024"), "count")


def test_other_scales_and_conventions() -> None:
    assert values("15 lakh, 2 crores, 150 mln, 3 bln, 5 Mio, 2 Mrd") == [
        ("1500000", "number", None),
        ("20000000", "number", None),
        ("150000000", "number", None),
        ("3000000000", "number", None),
        ("5000000", "number", None),
        ("2000000000", "number", None),
    ]
    assert values("销量４９１万辆，4.91百万辆，1千辆，2千万辆，3万亿元，150亿美元") == [
        ("4910000", "number", None),
        ("4910000", "number", None),
        ("1000", "number", None),
        ("20000000", "number", None),
        ("3000000000000", "currency", None),
        ("15000000000", "currency", None),
    ]
    assert [q.currency for q in parse_numbers("3万亿元，150亿美元")] == ["CNY", "USD"]
    assert values("增长10%，12月销量４，９１０，０００辆") == [
        ("10", "percent", None),
        ("12", "date", None),
    ]
    assert values("On March 1, 2024, 5 cars; 1 Dec. 2024; 2024年3月1日") == [
        ("2024", "date", None),
        ("5", "number", None),
        ("2024", "date", None),
        ("2024", "date", None),
    ]
    assert values("4,91 million, 1.234.567 and 1,5 cars") == []
    assert values("1 234.5 cars, not 1 234,5 cars") == [("1234.5", "number", None)]
    assert values("COVID-19 and the F-150, mid-2024, top-10") == [
        ("2024", "year", None),
        ("10", "number", None),
    ]
