"""Whether a record means what its quote says: period, qualifier, kind and attribution.

The quote check proves a number is in the source; these checks read the words around it
(briefing.facts.wording) so that a period the text never gives, a bound or hedge dropped, a
forecast recorded as fact, or an organisation the source does not name, is reported. Facts
and claims both pass through ``check_record``; where the wording lists misread a quote, the
editors say so in ``reading``, which readers see.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefing.facts import yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Source
from briefing.facts.numbers import Quantity
from briefing.facts.periods import UNDATED
from briefing.facts.quotes import normalise
from briefing.facts.wording import Found, Words, whole_word

NEAR = 400  # characters either side of a quote in which said_by/data_from must be named
_YEAR = re.compile(r"(?<![\d.,])(1[89]\d\d|2[01]\d\d)(?!\d)")
_SAME = {"01-06": "H1", "07-12": "H2", "01-03": "Q1", "04-06": "Q2", "07-09": "Q3", "10-12": "Q4"}
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s|\Z)|[。！？；][\"'”’」』)]*|\n")
_BRACKETED = re.compile(r"\S*\d\S*\s*\(\s*\Z")
_SHORT = re.compile(r"\s*\(([^()]+)\)\s*\Z")
WAYS_OUT = (
    "quote the words that state it, give 'period_from' (the quote's relative words, such as "
    '"last year"), or write period: undated if the source gives none'
)


def check_record(
    check: Checker,
    node: Mapping[str, Any],
    what: str,
    source: Source,
    span: tuple[int, int],
    words: Words,
    number: Quantity | None = None,
) -> None:
    """Report, on the line of the key at fault, where the record's period, qualifier, kind,
    said_by or data_from disagree with the words of its quote in ``source`` (at ``span``).

    ``node`` is the record as written (period absent means undated); ``number`` the number of
    the quote a fact's value matched (a claim has none).
    """
    for key, message in _problems(node, source, span, words, number):
        check.add(yamlio.line_of(node, key), f"{what}: {message}")


def _problems(
    node: Mapping[str, Any],
    source: Source,
    span: tuple[int, int],
    words: Words,
    number: Quantity | None,
) -> list[tuple[str, str]]:
    text = source.text.text
    quote = text[span[0] : span[1]]
    at = None if number is None else number.start - span[0]
    found = _period(node, quote, words, source.published, at)
    if number is not None:
        found += _run_on(node, quote, at or 0, words)
        found += _joint(node, quote, words)
        found += _qualifier(node, text, span[0], number, words)
    found += [("kind", m) for m in _kind(node, text, span, words)]
    for key in ("said_by", "data_from"):
        name = _text(node, key)
        if name and not named(name, text, span, person=key == "said_by"):
            forms = " or ".join(f'"{f}"' for f in name_forms(name))
            found.append(
                (
                    key,
                    f'{key} "{name}": the source does not name {forms} near the quote (in its '
                    f"paragraph or within {NEAR} characters); write the name as the source "
                    f"gives it, or remove {key}",
                )
            )
    return found


def _text(node: Mapping[str, Any], key: str) -> str:
    value = node.get(key)
    return "" if value is None else str(value)


# --- periods -----------------------------------------------------------------------------


def needs(period: str) -> list[tuple[int, str | None]]:
    """What a period asks a quote to state: each year, with its part ("H1", "07", "01-10")."""
    start, _, end = period.partition("/")
    parts = [(int(p[:4]), p[5:7] if p[5:6].isdigit() else p[5:] or None) for p in (start, end) if p]
    if len(parts) == 2 and parts[0][0] == parts[1][0] and parts[0][1] and parts[1][1]:
        sub = f"{parts[0][1]}-{parts[1][1]}"
        return [(parts[0][0], _SAME.get(sub, sub))]
    return list(dict.fromkeys(parts))


def stated(text: str, words: Words) -> tuple[set[int], dict[str, str], list[Found]]:
    """The years a text states, the parts of a year it names (by part: the words), and its
    relative years ("last year")."""
    years = {int(y) for y in _YEAR.findall(text)}
    parts = {_SAME.get(f.meaning, f.meaning): f.words for f in words.parts(text)}
    return years, parts, words.years(text)


def resolve(text: str, words: Words, published: str) -> str | None:
    """The period relative words name, counted from the source's date: "last year" in a
    2025 source is "2024", "the first half of this year" "2025-H1", "in July" "2025-07".
    None when they name no period, or two."""
    offsets = {int(f.meaning) for f in words.years(text)}
    explicit = {int(y) for y in _YEAR.findall(text)}
    found = words.parts(text)
    if len(offsets) + len(explicit) > 1 or not (offsets or explicit or found):
        return None
    year = next(iter(explicit), int(published[:4]) + next(iter(offsets), 0))
    if not found:
        return str(year)
    longest = max(found, key=lambda f: (f.end - f.start, -f.start))
    sub = _SAME.get(longest.meaning, longest.meaning)
    if "-" in sub:
        first, last = sub.split("-")
        return f"{year}-{first}/{year}-{last}"
    return f"{year}-{sub}"


def _period(
    node: Mapping[str, Any], quote: str, words: Words, published: str, at: int | None = None
) -> list[tuple[str, str]]:
    """The period stated by one sentence of the quote: the sentence of the fact's number
    (at ``at`` in the quote), so that a year of the sentence beside it dates no value."""
    period = _text(node, "period") or UNDATED
    relative = _text(node, "period_from")
    if relative:
        if _fold(relative) not in _fold(quote):
            return [
                (
                    "period_from",
                    f'period_from "{relative}" is not in the quote; copy the quote\'s words the '
                    "period is resolved from",
                )
            ]
        resolved = resolve(relative, words, published)
        if resolved is None:
            return [
                (
                    "period_from",
                    f'period_from "{relative}" names no period the word lists read (a relative '
                    'year such as "last year", with or without a half, quarter or month: "the '
                    'first half of this year", "in July"); write the words as the quote has '
                    "them, or add them to facts/wording.yaml",
                )
            ]
        if resolved != period:
            return [
                (
                    "period",
                    f"period '{period}', but period_from \"{relative}\" resolves to "
                    f"'{resolved}' against the source's date {published}; write period: "
                    f'"{resolved}"',
                )
            ]
        return []
    if period == UNDATED:
        return []
    wanted = needs(period)
    elsewhere = False
    for first, last in sentences(quote, words):  # a year from the sentence before is not its
        years, parts, _ = stated(quote[first:last], words)
        if all(y in years and (sub is None or sub in parts) for y, sub in wanted):
            if at is None or first <= at < last:
                return []
            elsewhere = True
    if elsewhere:
        return [
            (
                "period",
                f"period '{period}' is stated by another sentence of the quote than the one "
                "that states the value; quote the sentence that states both, or correct the "
                "period",
            )
        ]
    years, parts, relatives = stated(quote, words)
    said = [str(y) for y in sorted(years)] + [f'"{w}"' for w in parts.values()]
    said += [f'"{f.words}"' for f in relatives]
    apart = all(y in years and (sub is None or sub in parts) for y, sub in wanted)
    return [
        (
            "period",
            f"period '{period}' is not stated by the quote (it states: "
            f"{', '.join(dict.fromkeys(said)) or 'no period'}"
            f"{', in different sentences' if apart else ''}); {WAYS_OUT}",
        )
    ]


def _fold(text: str) -> str:
    return normalise(text)[0].casefold()


def _run_on(node: Mapping[str, Any], quote: str, at: int, words: Words) -> list[tuple[str, str]]:
    """A fact's quote is the sentence that states its value: one running on into the next
    sentence (or from the one before) ties the number to words about something else, a
    company's restart to the sales of the sentence before."""
    if _text(node, "reading"):
        return []
    others = [quote[a:b].strip() for a, b in sentences(quote, words) if not a <= at < b]
    others = [other for other in others if other]
    if not others:
        return []
    return [
        (
            "quote",
            f"the quote runs past the sentence that states the value into another "
            f"(\"{_clip(others[0])}\"); quote the value's own sentence, or say in 'reading' "
            "why the other sentence belongs to it",
        )
    ]


def _joint(node: Mapping[str, Any], quote: str, words: Words) -> list[tuple[str, str]]:
    """A figure the quote gives two names together ("around 60 percent for German and
    Japanese automakers") is not one name's: a subject naming one and not the other splits it."""
    subject = _text(node, "subject")
    if _text(node, "reading"):
        return []
    for first, second, pair in words.joined(quote):
        has = [re.search(whole_word(n), subject) is not None for n in (first, second)]
        if has[0] != has[1]:
            one, other = (first, second) if has[0] else (second, first)
            return [
                (
                    "subject",
                    f'the quote gives its figure for "{pair}" '
                    f'together, but the subject names "{one}" only; a joint figure is one fact: '
                    f"name {other} too, or say in 'reading' why the figure is {one}'s alone",
                )
            ]
    return []


def _clip(text: str, size: int = 40) -> str:
    return text if len(text) <= size else text[:size].rstrip() + "…"


# --- qualifiers and kinds ----------------------------------------------------------------


def _qualifier(
    node: Mapping[str, Any], text: str, start: int, number: Quantity, words: Words
) -> list[tuple[str, str]]:
    """A qualifier needs its words just before the number in the quote; words of one just
    before it in the source (the quote cut or not) need the qualifier."""
    qualifier = _text(node, "qualifier")
    shown = number.text.strip()
    inside = words.qualifier_before(_restated(text[start : number.start]))
    if qualifier and (inside is None or inside.meaning != qualifier):
        said = (
            f'it says "{inside.words}" (qualifier: {inside.meaning})' if inside else "it says none"
        )
        listed = ", ".join(f'"{w}"' for w in words.qualifier_words(qualifier)[:6])
        return [
            (
                "qualifier",
                f"qualifier '{qualifier}' is not said by the quote just before {shown} "
                f"({said}; '{qualifier}' is said by {listed}…); quote the words that say it, "
                "or correct the qualifier",
            )
        ]
    before = words.qualifier_before(_restated(text[max(0, number.start - 60) : number.start]))
    if not qualifier and before is not None:
        return [
            (
                "value",
                f'the source says "{before.words}" just before {shown}, but the fact has no '
                f"qualifier; write qualifier: {before.meaning}",
            )
        ]
    return []


def _restated(before: str) -> str:
    """The words before a number given again in brackets, "below CNY150,000 (" of
    "(USD20,920)", are the words before the figure it restates."""
    return _BRACKETED.sub("", before)


def _kind(node: Mapping[str, Any], text: str, span: tuple[int, int], words: Words) -> list[str]:
    """A hedge in the quote's sentence, or a future tense in the quote, is no 'actual'."""
    if _text(node, "kind") != "actual" or _text(node, "reading"):
        return []
    problems = []
    first, last = sentence(text, span, words)
    hedges = words.hedges(text[first:last])
    if hedges:
        problems.append(
            f"kind 'actual', but the quote's sentence hedges it ({_listed(hedges)}); give "
            "the kind the hedge says (estimate, forecast, target, plan, aspiration…), or say "
            "in 'reading' why the hedge does not apply to this record"
        )
    future = words.future(text[span[0] : span[1]])
    if future:
        problems.append(
            f"kind 'actual', but the quote is in the future tense ({_listed(future)}); give the "
            "kind it states (forecast, target, plan…), or say in 'reading' why it reports "
            "what happened (a translation, say)"
        )
    return problems


def _listed(found: list[str]) -> str:
    return ", ".join(f'"{w}"' for w in found)


def sentence(text: str, span: tuple[int, int], words: Words) -> tuple[int, int]:
    """The whole sentence(s) of ``text`` the span lies in: from the end of the sentence
    before it to the end of the last one it touches."""
    first, last = 0, len(text)
    for end in _ends(text, words):
        if end <= span[0]:
            first = end
        elif end >= span[1]:
            return first, end
    return first, last


def sentences(text: str, words: Words) -> list[tuple[int, int]]:
    """Where the sentences of ``text`` start and end."""
    ends = [e for e in _ends(text, words) if e < len(text)] + [len(text)]
    return list(zip([0, *ends[:-1]], ends, strict=True))


def _ends(text: str, words: Words) -> list[int]:
    """Where sentences end: after ".", "!", "?" (and closing quotes), "。" or a line break.
    A "." after an abbreviation or an initial ("Mr.", "U.S."), or before a lowercase word,
    ends none. Not pysbd: the seeds hold one paragraph a line, these few rules split them as
    a reader does, and a splitter that re-finds its sentences in the text would have to be
    mapped back to offsets."""
    return [
        m.end()
        for m in _END.finditer(text)
        if not m.group(0).startswith(".") or _stops(text, m, words)
    ]


def _stops(text: str, match: re.Match[str], words: Words) -> bool:
    word = re.search(r"(\S+)\Z", text[max(0, match.start() - 20) : match.start()])
    before = (word.group(1) if word else "").lstrip("(\"'“‘")
    if before.casefold() in words.abbreviations or re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", before):
        return False
    after = text[match.end() :].lstrip()
    return not after[:1].islower()


# --- attribution -------------------------------------------------------------------------


def name_forms(name: str) -> list[str]:
    """A name and its short form: "International Energy Agency (IEA)"
    is named by either; "Ana Ruiz (IEA)" by Ana Ruiz or IEA."""
    short = _SHORT.search(name)
    if short is None:
        return [name.strip()]
    return [name[: short.start()].strip(), short.group(1).strip()]


def named(name: str, text: str, span: tuple[int, int], person: bool = False) -> bool:
    """Whether the source names ``name`` (a form of it) in the quote's paragraph or within
    NEAR characters either side of it. A ``person`` the source has named in full up to the
    quote may be named there by one part of the name, as writers do ("Ana Ruiz ...
    Ruiz said")."""
    start = min(text.rfind("\n", 0, span[0]) + 1, max(0, span[0] - NEAR))
    end = max(_at(text.find("\n", span[1]), len(text)), span[1] + NEAR)
    near = _fold(text[start:end])
    forms = [form for form in name_forms(name) if form]
    if any(re.search(whole_word(_fold(form)), near) for form in forms):
        return True
    parts = forms[0].split() if forms else []
    if not person or len(parts) < 2:
        return False
    if not re.search(whole_word(_fold(forms[0])), _fold(text[: span[1]])):
        return False  # never named in full before the quote: a part alone could be anyone
    return any(re.search(whole_word(_fold(part)), near) for part in {parts[0], parts[-1]})


def _at(found: int, default: int) -> int:
    return default if found < 0 else found
