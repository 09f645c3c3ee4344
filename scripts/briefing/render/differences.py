"""The "Where sources differ" page, and the links to it from cards, rows, notes and charts.

One page lists every case the editors recorded (facts/disagreements.yaml) and every measure
two sources state differently (``FactBook.rival_groups``, the grouping the card's "sources
differ" and the charts' rival check use too). Its text comes from a template; every field
from editors and sources is escaped as ``esc`` escapes it (``briefing.render.markup``).
The headings and the editors' explanations are indexed for search; the lists of facts are
not, as each fact has an entry of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from briefing.facts.model import Fact, FactBook, Record
from briefing.facts.schema import DISAGREEMENT_KINDS
from briefing.render.markup import PACKAGE, Partials
from briefing.render.text import UNINDEXED, md_inline
from briefing.render.urls import (
    DIFFERENCES_PAGE,
    FACTS_PAGE,
    SiteUrls,
    case_anchor,
    measure_anchor,
    source_page,
)


@dataclass(frozen=True)
class Where:
    """One place on the differences page a fact leads to: what it is called, its anchor."""

    title: str
    anchor: str


def places(book: FactBook, record: Record) -> list[Where]:
    """Where a fact or claim appears on the differences page: its recorded cases, then the
    measure it is a rival on (a fact's; a claim has no value to differ in)."""
    found = [Where(case.title, case_anchor(case.id)) for case in book.cases(record.id)]
    group = book.rival_group(record) if isinstance(record, Fact) else ()
    if group:
        found.append(Where(measure_heading(group[0]), measure_anchor(group[0].id)))
    return found


def measure_heading(fact: Fact) -> str:
    """A measure in words: what, when, where (the rival key a reader can read)."""
    return f"{fact.subject}, {fact.period_label}, {fact.geo}"


def links(book: FactBook, record: Record, urls: SiteUrls, from_src: str) -> list[tuple[str, str]]:
    """(href, title) of each place on the differences page ``record`` is in, from a page."""
    return [
        (urls.link(from_src, DIFFERENCES_PAGE, w.anchor), w.title) for w in places(book, record)
    ]


def differences_page(book: FactBook, urls: SiteUrls, partials: Partials = PACKAGE) -> str:
    """The page's Markdown: recorded cases in the file's order, then measures by fact id."""
    cases = [
        {
            "anchor": case_anchor(case.id),
            "heading": Markup(md_inline(case.title)),
            "kind": case.kind,
            "kind_words": DISAGREEMENT_KINDS[case.kind],
            "explanation": _paragraphs(case.explanation),
            "records": [_record(book, r, urls) for rid in case.ids if (r := book.record(rid))],
        }
        for case in book.disagreements.values()
    ]
    groups = [
        {
            "anchor": measure_anchor(group[0].id),
            "heading": Markup(md_inline(measure_heading(group[0]))),
            "records": [_record(book, fact, urls) for fact in group],
        }
        for group in book.rival_groups()
    ]
    return (
        partials.render("differences.md", cases=cases, groups=groups, unindexed=Markup(UNINDEXED))
        + "\n"
    )


def _paragraphs(text: str) -> list[str]:
    """The explanation's paragraphs, each on one line (an HTML block ends at a blank line).
    A line break is where one ends: YAML's folded ``>-`` keeps only those the editor
    marked with a blank line."""
    return [" ".join(part.split()) for part in text.split("\n") if part.strip()]


def _record(book: FactBook, fact: Record, urls: SiteUrls) -> dict[str, Any]:
    """One fact (or claim) as the page lists it: value (or statement), what and when,
    source, quote, passage."""
    src = book.publication(fact)
    record = {
        "row": urls.link(DIFFERENCES_PAGE, FACTS_PAGE, fact.id),
        "value": fact.text,
        "subject": fact.subject or "",
        "period": fact.period_label,
        "kind": fact.kind,
        "source": src.title if src else "",
        "note": " ".join((fact.note or "").split()),
    }
    if src is not None:
        record |= {
            "publisher": src.publisher,
            "published": src.published,
            "quote": " ".join((fact.quote or "").split()),
            "cell": fact.cell_words or "",
            "passage": urls.link(DIFFERENCES_PAGE, source_page(str(fact.source)), fact.anchor),
        }
    return record
