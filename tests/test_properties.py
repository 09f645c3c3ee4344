"""Property-based tests (hypothesis) of the two functions the promise rests on.

The number parser must read back every value the site writes, in every unit style of the
real registry, and the quote matcher must find any passage of a source however its spaces
and typographic marks were changed; neither may crash on any text. Runs are deterministic
(derandomized, no example database), so CI sees the same examples every time.
"""

from __future__ import annotations

import re
import string
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.facts import numbers
from briefing.facts.loading import load_units
from briefing.facts.numbers import fits, parse_numbers
from briefing.facts.quotes import SourceText, normalise
from briefing.facts.units import QUALIFIERS, Unit, format_value
from briefing.paths import Paths
from conftest import ROOT

PROPERTY = settings(max_examples=300, derandomize=True, database=None, deadline=None)
UNITS = load_units(Paths(ROOT), [], set()) or {}
WHOLE = {"rank", "ordinal", "year"}  # styles whose values are whole numbers from 1

amounts = st.one_of(
    st.integers(min_value=0, max_value=10**15),
    st.decimals(min_value=0, max_value=10**13, places=2),
    st.decimals(min_value=0, max_value=1000, places=4),
).map(Decimal)
whole = st.integers(min_value=1, max_value=3000).map(Decimal)
qualifiers = st.sampled_from((None, *QUALIFIERS))


@st.composite
def formatted(draw: st.DrawFn) -> tuple[Unit, Decimal | list[Decimal], str]:
    """A unit of the registry, a value (single or [low, high]) in it, and its written text."""
    unit = draw(st.sampled_from(sorted(UNITS.values(), key=lambda u: u.id)))
    numbers = whole if unit.style in WHOLE else amounts
    value: Decimal | list[Decimal] = draw(numbers)
    if draw(st.booleans()):
        low, high = draw(numbers), draw(numbers)
        if low == high:
            high = low + 1
        value = sorted([low, high])
    return unit, value, format_value(value, unit, draw(qualifiers))


def test_the_registry_has_every_style() -> None:
    assert {u.style for u in UNITS.values()} == {
        "count", "percent", "currency", "multiplier", "rank", "ordinal", "year"
    }  # fmt: skip


@PROPERTY
@given(formatted())
def test_formatted_values_parse_back_to_themselves(
    case: tuple[Unit, Decimal | list[Decimal], str],
) -> None:
    unit, value, text = case
    stated = [q for q in parse_numbers(text) if fits(q, unit.style, unit.symbol)]
    assert len(stated) == 1, (text, stated)
    (q,) = stated
    if isinstance(value, list):
        assert (q.value, q.high) == (value[0], value[1]), text
    else:
        assert (q.value, q.high) == (value, None), text


# Pieces of the forms the parser reads, to run into each other in any order.
PIECES = st.sampled_from(
    ["0", "1", "12", "1,234", ".5", "/", "-", "–", " to ", "from ", "%", " percent", "USD",
     "$", "¥", "yuan", " million", " bn", "six", "twenty-", "first", "2nd", "half", "a ",
     " times", "-fold", "2025-03-11", " ", "\n"]
)  # fmt: skip
# The parser matches letters ignoring case the Unicode way: every letter it then accepts
# for each ASCII one ("ſ" for s, "ı" and "İ" for i, the Kelvin sign for k).
LOOKALIKES = {
    c: [x for x in map(chr, range(0x2200)) if re.fullmatch(c, x, re.IGNORECASE)]
    for c in string.ascii_lowercase
}


@st.composite
def any_case(draw: st.DrawFn, texts: st.SearchStrategy[str]) -> str:
    """``texts`` with each letter swapped for one the case-blind pattern takes for it."""
    return "".join(
        draw(st.sampled_from(LOOKALIKES[c.lower()])) if c.lower() in LOOKALIKES else c
        for c in draw(texts)
    )


numberlike = any_case(st.from_regex(numbers._NUMBER, fullmatch=True))  # digits of any script
texts = st.one_of(
    st.text(),
    st.lists(st.one_of(numberlike, PIECES, st.text(max_size=2)), max_size=8).map("".join),
)


@PROPERTY
@given(texts)
def test_the_parser_reads_any_text_without_crashing(text: str) -> None:
    for q in parse_numbers(text):
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text


# Sources hold letters, digits, spaces of every kind and typographic marks; quotes copied
# from a web page swap straight and curly quotes, dashes and spaces.
SOURCE_CHARS = st.sampled_from([*"ab1 ,.%\n\t\u00a0\u2009\u3000'\"’‘‛“”„–—‑−-", "  ", "\r\n"])
TWINS = {"'": "’", "’": "'", '"': "“", "“": '"', "-": "–", "–": "—", " ": "\u00a0", "\n": " "}
TWINS.update({"‘": "‛", "”": "„", "—": "‑", "−": "-", "\u3000": "\u2009"})


@st.composite
def passages(draw: st.DrawFn) -> tuple[str, int, int, str]:
    """A source text, a passage of it by offsets, and that passage as an editor pasted it."""
    text = draw(st.lists(SOURCE_CHARS, min_size=1, max_size=60).map("".join))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    swaps = draw(st.lists(st.booleans(), min_size=end - start, max_size=end - start))
    pasted = "".join(
        TWINS.get(c, c) if swap else c for c, swap in zip(text[start:end], swaps, strict=True)
    )
    return text, start, end, pasted


@PROPERTY
@given(passages())
def test_any_passage_of_a_source_is_found_where_it_is(case: tuple[str, int, int, str]) -> None:
    text, start, end, pasted = case
    span = SourceText(text).find(pasted)
    if not pasted.strip():
        assert span is None  # nothing to find
        return
    assert span is not None, (text, pasted)
    found, wanted = normalise(text[span[0] : span[1]])[0], normalise(pasted.strip())[0]
    assert found == wanted
    at = start + len(text[start:end]) - len(text[start:end].lstrip())
    normal = SourceText(text).normal
    if normal.find(wanted) == normal.rfind(wanted):
        assert span[0] == at  # it occurs once: here
    else:
        assert span[0] <= at  # the first place it occurs: here, or earlier


@PROPERTY
@given(texts, texts)
def test_the_matcher_reads_any_text_without_crashing(text: str, quote: str) -> None:
    source = SourceText(text)
    span = source.find(quote)
    assert span is None or 0 <= span[0] < span[1] <= len(text)
    assert source.longest_prefix(quote) in source.normal
    assert all(q.end <= len(text) for q in source.numbers_in(0, len(text)))
