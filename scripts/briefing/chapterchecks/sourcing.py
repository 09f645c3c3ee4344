"""Every sentence of a chapter sourced or marked, and what a cited sentence says in words
backed by what it cites.

Three rules over a page's sentences (``briefing.chapterchecks.sentences``):

1. each cites a fact or claim, or sits in an ``!!! analysis`` block (the editors' reading), or
   is on a page whose front matter says ``sourcing: editorial``;
2. a year, a month, a rank, a superlative or a fraction written in words in a cited sentence
   ("October 2025", "in 2023", "largest", "No. 1", "a fifth") is stated by a record it cites:
   a date by the record's period or quote, a word by its quote or claim (word lists:
   ``facts/wordlists/chapters/en.yaml``);
   A heading is no sentence and cites nothing, so it may state no date, rank or fraction
   at all ("Forecasts for 2025", "The largest market"): it names a topic, and the sentences
   under it state the figure, cited;
3. a sentence that attributes what it says ("according to the IEA", "Ruiz counts", "as cited by")
   names whom a cited record says it comes from (``said_by``, ``data_from``, in full or by its
   "(SHORT)" form) or its source's publisher or author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import Any

from ruamel.yaml import YAML

from briefing.chapterchecks.sentences import FRONT_MATTER, Sentence, sentences
from briefing.facts import periods
from briefing.facts.model import Claim, FactBook, Record
from briefing.facts.typednumbers import CODE, JINJA, blank
from briefing.problems import Problem

EDITORIAL = "editorial"
UNCITED = (
    'sentence cites no fact or claim: "{}"; cite what it rests on ({{{{ fact("id") }}}}, '
    '{{{{ claim("id") }}}}, {{{{ cite("id", …) }}}}) or put it in an "!!! analysis" block'
)
# "sourcing: editorial" in the front matter, quoted or not, a comment after it
_SOURCING = re.compile(
    r"^sourcing:[ \t]*([\"']?)(?P<value>[^\"'#\n]*?)\1[ \t]*(?:#.*)?$", re.MULTILINE
)
HEADING_STATES = (
    'heading "{}" states "{}", which a heading cannot cite; name the topic in the heading and '
    "state the {} in a cited sentence under it"
)
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(?P<text>.*?)[ \t#]*$", re.MULTILINE)
_YEAR = r"(?:19|20)\d\d"
_EXCERPT = 60  # characters of an uncited sentence shown in its problem


@cache
def _words() -> dict[str, Any]:
    text = (
        resources.files("briefing").joinpath("facts/wordlists/chapters/en.yaml").read_text("utf-8")
    )
    data: dict[str, Any] = YAML(typ="safe").load(text)
    return data


def _alternation(forms: Iterable[str]) -> str:
    """Forms as one regex, longest first, each a whole word ("top" is not "top-tier")."""
    ordered = sorted(forms, key=len, reverse=True)
    return (
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
        + r")(?![\w-])"
    )


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The date, the rank-or-fraction and the attribution patterns, built from the lists."""
    months = "|".join(
        name if name in periods.MONTHS else rf"{name}\.?" for name in periods.MONTH_NAMES
    )
    date = re.compile(
        rf"(?<!\w)(?:(?P<month>{months})(?:\s+\d{{1,2}}(?:st|nd|rd|th)?,?)?(?:\s+(?P<myear>{_YEAR}))?"
        rf"|(?P<year>{_YEAR}))(?![\w]|[.,]\d)"
    )
    groups = [*_words()["ranks"], *_words()["fractions"]]
    nouns = "|".join(_words()["period_nouns"])
    ranked = re.compile(
        _alternation(form for group in groups for form in group)
        + rf"(?!\s+(?:[\w-]+\s+)?(?:{nouns})\b)",
        re.IGNORECASE,
    )
    verbs = "|".join(_words()["attributing_verbs"])
    attribution = re.compile(
        rf"(?:[Aa]ccording\s+to|[Aa]s\s+cited\s+by|cited\s+by)\s+(?:the\s+)?(?P<after>{_NAME})"
        rf"|(?P<before>{_NAME})(?:,[^,;:]*,)?\s+(?:{verbs})\b",
    )
    return date, ranked, attribution


# A name as chapters write one: capitalised words, joined by "of", "and", "the", "&", with an
# optional "(SHORT)": "Ana Ruiz of the International Energy Agency".
_WORD = r"(?:[A-Z][\w'’.-]*|[A-Z]{2,})"
_NAME = rf"{_WORD}(?:\s+(?:(?:of|and|for|&)\s+(?:the\s+)?)?{_WORD})*(?:\s+\([A-Z][\w.&-]*\))?"


def is_editorial(source: str) -> bool:
    """Whether a page's front matter says its text is the editors' own."""
    found = _sourcing(source)
    return found is not None and found["value"] == EDITORIAL


def _sourcing(source: str) -> re.Match[str] | None:
    front = FRONT_MATTER.match(source)
    return _SOURCING.search(source, 0, front.end()) if front else None


def sourcing_problems(
    source: str,
    path: str,
    book: FactBook,
    typed: frozenset[int] = frozenset(),
    read: list[str] | None = None,
) -> list[Problem]:
    """Every sentence of a page that breaks one of the three rules, by line; an uncited one
    holding a number typed by hand (on a line in ``typed``) is that number's problem only.
    ``read`` gets every id looked up in the book (what a kept page must be checked against)."""
    problems = []
    found = _sourcing(source)
    if found is not None and found["value"] != EDITORIAL:
        line = source.count("\n", 0, found.start()) + 1
        problems.append(
            Problem(
                path,
                line,
                f"front matter 'sourcing: {found['value']}' is not known; write "
                f"'sourcing: {EDITORIAL}' for a page that is wholly the editors' text, or remove it",
            )
        )
    exempt = is_editorial(source)
    if not exempt:
        problems += _heading_problems(source, path)
    for sentence in sentences(source):
        if read is not None:
            read += sentence.cited
        records = [r for rid in dict.fromkeys(sentence.cited) if (r := book.record(rid))]
        if not sentence.cited:
            if not (exempt or sentence.analysis or typed.intersection(sentence.lines)):
                problems.append(Problem(path, sentence.line, UNCITED.format(_excerpt(sentence))))
            continue
        if records:
            said = _unbacked(sentence, records, book) + _misattributed(sentence, records, book)
            problems += [Problem(path, sentence.line, message) for message in said]
    return sorted(problems)


def _heading_problems(source: str, path: str) -> list[Problem]:
    """Each heading that states a date, a rank or a fraction in words (what its Jinja calls
    print is cited, and is left out; so are code and the front matter)."""
    date, ranked, _ = _patterns()
    text = CODE.sub(blank, JINJA.sub(blank, FRONT_MATTER.sub(blank, source)))
    problems = []
    for heading in _HEADING.finditer(text):
        found = date.search(heading["text"])
        what = "date"
        if found is None:
            found, what = ranked.search(heading["text"]), "rank or share"
        if found is not None:
            line = text.count("\n", 0, heading.start()) + 1
            written = source[heading.start("text") : heading.end("text")]  # calls as typed
            message = HEADING_STATES.format(written, found[0], what)
            problems.append(Problem(path, line, message))
    return problems


def _excerpt(sentence: Sentence) -> str:
    text = sentence.text
    return text if len(text) <= _EXCERPT else text[:_EXCERPT].rstrip() + "…"


def _said(record: Record) -> str:
    """The record's quote and, for a claim, its statement: what backs a word."""
    claim = record.claim if isinstance(record, Claim) else None
    return " ".join(filter(None, (record.quote, claim)))


def _unbacked(sentence: Sentence, records: Sequence[Record], book: FactBook) -> list[str]:
    """Why each date, rank or fraction written in the sentence is not backed by ``records``."""
    date, ranked, _ = _patterns()
    cited = ", ".join(f"{r.id}: {r.period}" for r in records)
    found = []
    for match in date.finditer(sentence.text):
        month = match["month"]
        year = match["myear"] or match["year"]
        if month is not None:
            backed = any(_has_month(r, month, year, book) for r in records)
        else:
            backed = any(_has_year(r, year) for r in records)
        if not backed:
            found.append(
                f'"{match[0]}" is not stated by what this sentence cites ({cited}); cite a fact '
                "or claim whose period or quote says it"
            )
    for match in ranked.finditer(sentence.text):
        before = sentence.text[: match.start()].split()
        ordinal = before[-1].strip("([{\"'") if before else ""
        if match[0].lower() in _words()["period_nouns"] and ranked.fullmatch(ordinal):
            continue  # "the first half": a period, checked as a date
        group = _group(match[0])
        if not any(re.search(_alternation(group), _said(r), re.IGNORECASE) for r in records):
            ids = ", ".join(r.id for r in records)
            found.append(
                f'"{match[0]}" is not stated by what this sentence cites ({ids}); cite a fact or '
                "claim whose quote says it"
            )
    return found


def _group(word: str) -> list[str]:
    """The forms that say what ``word`` says (its group in the word lists)."""
    key = " ".join(word.lower().split())
    for group in (*_words()["ranks"], *_words()["fractions"]):
        if key in (form.lower() for form in group):
            return list(group)
    return [word]


def _years(period: str) -> range:
    match = periods.PERIOD.fullmatch(period)
    if match is None:  # undated
        return range(0)
    return range(int(match["start"][:4]), int((match["end"] or match["start"])[:4]) + 1)


def _has_year(record: Record, year: str) -> bool:
    return (
        int(year) in _years(record.period)
        or re.search(rf"(?<!\d){year}(?!\d)", _said(record)) is not None
    )


def _bounds(part: str) -> tuple[int, int]:
    """The first and last month of one end of a period: 2025 -> (1, 12), 2025-H1 -> (1, 6)."""
    rest = part[5:]
    if not rest:
        return 1, 12
    if rest[0] in "HQ":
        size = 6 if rest[0] == "H" else 3
        return size * (int(rest[1]) - 1) + 1, size * int(rest[1])
    return int(rest[:2]), int(rest[:2])


def _has_month(record: Record, month: str, year: str | None, book: FactBook) -> bool:
    """Whether the record's period starts or ends in ``month`` (of ``year``, if given), its
    quote names the month, or the record's source was published in that month and year."""
    number = periods.MONTH_NAMES[month[:3].title()]
    if record.period != periods.UNDATED:
        start, _, end = record.period.partition("/")
        if (number, year or start[:4]) == (_bounds(start)[0], start[:4]):
            return True
        if (number, year or (end or start)[:4]) == (_bounds(end or start)[1], (end or start)[:4]):
            return True
    source = book.sources.get(record.source or "")
    published = source.published if source is not None else ""
    if published[5:7] == f"{number:02d}" and year in (None, published[:4]):
        return True
    name = periods.MONTHS[number - 1]
    named = re.search(rf"\b(?:{name}|{name[:3]})\b", _said(record)) is not None
    return named and (year is None or _has_year(record, year))


def _names(record: Record, book: FactBook) -> list[str]:
    """Whom a record comes from: said_by, data_from (each in full and short form), its
    source's publisher and author, and the publisher of a compiled table's row it cites."""
    names = []
    for given in (record.said_by, record.data_from):
        if given:
            full, _, short = given.partition("(")
            names += [given, full, short.rstrip(") ")]
    source = book.sources.get(record.source or "")
    if source is not None:
        names += [source.publisher, source.author or ""]
    if (publication := book.publication(record)) is not None:
        names.append(publication.publisher)
    return list(dict.fromkeys(n.strip() for n in names if n.strip()))


def _initials(name: str) -> str:
    """A name's capitals, as a chapter may abbreviate it: "WSJ" for Wall Street Journal."""
    initials = "".join(word[0] for word in name.split() if word[0].isupper())
    return initials if len(initials) > 1 else ""


def _same(named: str, name: str) -> bool:
    """Whether the sentence's ``named`` and a record's ``name`` name one body: either holds
    the other as whole words ("Ruiz" and "Ana Ruiz"), case and "the" aside."""
    a, b = (
        " ".join(re.sub(r"^the\s+", "", x, flags=re.I).casefold().split()) for x in (named, name)
    )
    return bool(a and b) and (
        re.search(rf"(?<!\w){re.escape(a)}(?!\w)", b) is not None
        or re.search(rf"(?<!\w){re.escape(b)}(?!\w)", a) is not None
    )


_PREPOSITION = r"\b(?:in|into|with|from|at|for|to|on|across|than|like|including|between)\s+"
_LISTED = r"(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*,\s*)+"


def _governed(before: str, named: str) -> bool:
    """Whether a name a verb follows is a preposition's object, alone ("plants in Vietnam
    say") or ending a list ("in Chile, India and Vietnam"): said of, not said by. A name
    after a comma that does not continue a list ("in Europe, Xinhua reported") still counts."""
    if re.search(_PREPOSITION + r"\Z", before):
        return True
    listing = re.search(r"\s(?:and|or)\s", named) is not None
    return listing and re.search(_PREPOSITION + _LISTED + r"\Z", before) is not None


def _misattributed(sentence: Sentence, records: Sequence[Record], book: FactBook) -> list[str]:
    """Each attribution in the sentence that no cited record's names agree with."""
    _, _, attribution = _patterns()
    found = []
    for match in attribution.finditer(sentence.text):
        named = (match["after"] or match["before"]).rstrip(".")
        if named.split()[0] in (*periods.MONTHS, *_words()["not_names"]):
            continue
        if match["before"] and _governed(sentence.text[: match.start("before")], named):
            continue  # "an executive with factories in Chile, India and Vietnam says": places
        # the name, its "(SHORT)", and each of "the IEA's Ana Ruiz", "Ruiz of the IEA"
        bare = re.sub(r"\s*\([^)]*\)", "", named)
        parts = [
            named,
            bare,
            *re.findall(r"\(([^)]*)\)", named),
            *re.split(r"['’]s\s+|\s+of\s+", bare),
        ]
        parts = [re.sub(r"['’]s$", "", part) for part in parts]
        names = [n for r in records for name in _names(r, book) for n in (name, _initials(name))]
        if any(_same(part, name) for name in names for part in parts):
            continue
        whose = "; ".join(
            f"{r.id}: {', '.join(_names(r, book)) or 'no one named'}" for r in records
        )
        found.append(
            f'the sentence attributes what it says to "{named}", but what it cites comes from '
            f"others ({whose}); name who the cited records say it is, or cite a record whose "
            "said_by or data_from is that name"
        )
    return found
