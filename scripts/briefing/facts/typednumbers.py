"""Numbers typed by hand in chapters: a figure with a unit or percent that is not a fact.

Years, chapter numbers and list counts are fine; "12 percent", "USD 3 billion", "2 million
tonnes", "4.9M tonnes" or "3.5 times" in prose are not, because no quote backs them.

The check reads the page's source, not what Jinja made of it: the sandbox lets Jinja print
nothing but fact() and chart() (``briefing.render.sandbox``), so the rest of the text is
exactly the source, and the source keeps every problem's true line. It reads that text as a
reader sees it, though: character references decoded (``45&nbsp;percent``), tags and comments
gone (``12<!-- -->%``, ``12<span>%</span>``), Markdown's emphasis, escapes and link targets
gone (``**12** percent``, ``[12](x) percent``), invisible characters dropped and every run of
spaces one space (``12  percent``).
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Iterable

from briefing.facts.numbers import parse_numbers
from briefing.facts.units import Unit
from briefing.problems import Problem

JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
# What the reader does not see as written: each is replaced by what they see (see shown).
_MARKUP = re.compile(
    r"""(?P<comment><!--.*?(?:-->|\Z))
    |(?P<tag></?(?P<name>[A-Za-z][\w-]*)(?:[^<>"']|"[^<>"]*"|'[^<>']*')*>)
    |(?P<entity>&(?:\#[0-9]+|\#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)
    |\\(?P<escaped>[\\`*_{}\[\]()#+\-.!])
    |(?P<link>\]\([^()<>\s]*(?:\s+"[^"<>]*")?\)|\]\[[^\[\]<>]*\])
    |(?P<emphasis>[*_~\[]+)
    |(?P<invisible>[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]+)
    |(?P<space>\s+)
    """,
    re.VERBOSE | re.DOTALL,
)
# Tags that end a line of text where they stand; any other (span, b, a) joins its neighbours.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
    "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li",
    "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul",
})  # fmt: skip
# "4.9M", "5k", "3bn": a scale written as letters straight after the digits (a single letter
# in the case it is written in for a scale, so "phase 2b" and "4K video" are no figures).
_ABBREVIATED = re.compile(r"(?:(?i:bn|mn|mln|tn)|[kMBT])\b")


@functools.cache
def _nouns(nouns: frozenset[str]) -> re.Pattern[str]:
    """A match of one of the project's unit nouns (facts/units.yaml) right after a number: a
    count written out ("12 brands") is a figure, a bare number ("in 12 steps") is not."""
    alts = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"\s*(?:{alts})(?!\w)" if alts else r"(?!)", re.IGNORECASE)


def blank(match: re.Match[str]) -> str:
    """Replace a span by spaces, keeping its newlines so line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group(0))


def _narrative(token: str) -> bool:
    """Spelled small numbers ("five brands") and years read as prose, not as data."""
    token = token.strip()
    return not token[:1].isdigit() or bool(re.fullmatch(r"(19|20)\d\d", token))


PAGE_ADVICE = 'cite a fact instead: {{ fact("id") }}'


def shown(text: str) -> tuple[str, list[int]]:
    """``text`` as a reader sees it, and where in ``text`` each of its characters stands."""
    pieces: list[str] = []
    at: list[int] = []
    done = 0
    last = ""  # the last character shown
    for match in _MARKUP.finditer(text):
        before = text[done : match.start()]
        seen = _seen(match)
        if seen.isspace() and (before[-1:] or last).isspace():
            seen = ""  # a break stays one space however many pieces make it
        pieces += (before, seen)
        at.extend(range(done, match.start()))
        at.extend([match.start()] * len(seen))
        last = (before + seen)[-1:] or last
        done = match.end()
    pieces.append(text[done:])
    at.extend(range(done, len(text) + 1))  # and one past the end
    return "".join(pieces), at


def _seen(match: re.Match[str]) -> str:
    """What a reader sees of one piece of markup."""
    kind = match.lastgroup
    if kind == "tag":
        return " " if match["name"].lower() in _BLOCKS else ""
    if kind == "entity":
        char = html.unescape(match[0])  # &shy; and &#8203; are as invisible as the characters
        return " " if char.isspace() else "" if unicodedata.category(char[0]) == "Cf" else char
    if kind == "escaped":
        return match["escaped"]
    if kind == "space":
        return "\n\n" if match[0].count("\n") > 1 else " "
    return ""  # a comment, a link's target, emphasis, an invisible character


def typed_numbers(
    markdown: str,
    path: str,
    units: Iterable[Unit],
    advice: str = PAGE_ADVICE,
    first_line: int = 1,
) -> list[Problem]:
    """Every hand-typed quantity in a page (or a text starting at ``first_line``), by line: a
    percentage, an amount, a multiple, a scaled number, or a number followed by the noun of
    one of ``units``."""
    nouns = _nouns(frozenset(n for unit in units for n in unit.nouns))
    source = CODE.sub(blank, JINJA.sub(blank, markdown))
    text, at = shown(source)
    problems = []
    for q in parse_numbers(text):
        if q.is_range or q.kind == "ordinal" or q.text.strip().lower() == "half":
            continue  # "the first half of 2025" is a period, not a figure
        typed = q.text.strip()
        abbreviated = _ABBREVIATED.match(text, q.end) if q.scale == 1 else None
        if abbreviated and q.kind in {"number", "currency"}:
            typed += abbreviated[0]
        # The parser reads "4K" and "5m" as scales, as a quote may mean them; in prose they
        # are a screen and a road unless written as _ABBREVIATED says a scale is.
        letter = re.search(r"(?<=\d) ?([A-Za-z])\Z", typed)
        scaled = q.scale != 1 and (letter is None or _ABBREVIATED.fullmatch(letter[1]))
        quantity = q.kind in {"percent", "currency", "multiplier"} or scaled or abbreviated
        if not quantity and (_narrative(q.text) or not nouns.match(text, q.end)):
            continue
        line = first_line + source.count("\n", 0, at[q.start])
        problems.append(Problem(path, line, f'number "{typed}" typed by hand; {advice}'))
    return problems
