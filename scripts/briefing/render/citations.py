"""What a citation opens and where it leads: the marker, the card, the page's source notes.

A fact's marker follows its number (``fact()``); a claim's, or one resting on several records
(``cite()``), stands alone at the end of its sentence. Each is numbered per page; its card
(opened by hover, focus, click or touch) and its note list every record it rests on, each with
its quote and source, all from partials a site can override (``briefing.render.markup``). None
of it is indexed for search: every fact and claim has an entry of its own.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from briefing.facts import periods
from briefing.facts.model import Fact, FactBook, Record
from briefing.render import differences
from briefing.render.markup import PACKAGE, Partials
from briefing.render.placeholders import PageRender
from briefing.render.urls import (
    DIFFERENCES_PAGE,
    FACTS_PAGE,
    SiteUrls,
    case_anchor,
    source_page,
)


class Cards:
    """Markers, cards and notes for the records of one FactBook."""

    def __init__(self, book: FactBook, urls: SiteUrls, partials: Partials = PACKAGE) -> None:
        self.book = book
        self.urls = urls
        self.partials = partials

    def citation(self, page: PageRender, records: tuple[Record, ...], card: str = "") -> Markup:
        """The numbered marker, a link to its note at the page's end (the card it describes,
        ``card``, links to the highlighted passage itself)."""
        number = page.cite(tuple(r.id for r in records))
        return self.partials.markup(
            "citation.html", href=f"#note-{number}", number=number, card=card
        )

    def passage(self, page: PageRender, record: Record) -> str:
        if record.source is None:
            return self.urls.link(page.src_uri, FACTS_PAGE, record.id)
        return self.urls.link(page.src_uri, source_page(record.source), record.anchor)

    def marker(self, page: PageRender, records: tuple[Record, ...]) -> str:
        """A claim()'s or cite()'s marker with its card, in the span that opens the card."""
        page.cards += 1
        card = f"card-{page.cards}"
        items = [self._card_item(page, record) for record in records]
        return self.partials.render(
            "marker.html",
            ids=" ".join(r.id for r in records),
            citation=self.citation(page, records, card),
            card_html=self.partials.markup("card.html", card=card, records=items),
        )

    def _card_item(self, page: PageRender, record: Record) -> dict[str, Any]:
        href = self.passage(page, record)
        source = self.book.publication(record)
        if isinstance(record, Fact):
            parts = self.fact_parts(page, record, self.book.rivals(record))
            return {"record": record, "fact_parts": parts, "source": source, "href": href}
        meta = [record.subject, record.period_label, record.kind, record.geo]
        return {
            "record": record,
            "fact_parts": None,
            "meta": [m for m in meta if m],
            "source": source,
            "href": href,
            "differs": differences.links(self.book, record, self.urls, page.src_uri),
        }

    def fact_card(self, page: PageRender, fact: Fact, card: str, rivals: list[Fact]) -> Markup:
        """Everything about a number in one place: value, period, kind, source and quote."""
        parts = self.fact_parts(page, fact, rivals)
        return self.partials.markup("fact_card.html", card=card, parts=parts)

    def fact_parts(self, page: PageRender, fact: Fact, rivals: list[Fact]) -> Markup:
        return self.partials.markup(
            "fact_parts.html",
            fact=fact,
            source=self.book.publication(fact),
            href=self.passage(page, fact),
            rivals=[(r, self._publisher(r)) for r in rivals],
            differs=differences.links(self.book, fact, self.urls, page.src_uri),
        )

    def cases(self, page: PageRender, record: Record) -> list[tuple[str, str]]:
        """(href, title) of each recorded case a note's record is in: the card is not printed,
        the notes are (a rival's value is in the sentence already, see ``fact_html``)."""
        return [
            (self.urls.link(page.src_uri, DIFFERENCES_PAGE, case_anchor(case.id)), case.title)
            for case in self.book.cases(record.id)
        ]

    def _publisher(self, fact: Fact) -> str:
        src = self.book.publication(fact)
        return src.publisher if src else "derived"

    def source_notes(self, page: PageRender) -> str:
        """The notes a page ends with, grouped by source: one bibliography entry per source,
        under it the numbered notes citing it, each quote printed once (a later note citing the
        same passage or cell refers back to the first). Collapsed on the site, printed open.

        The list is not indexed: each record's own entry holds the same quote and source, and
        the quote is also found in the archived text.
        """
        if not page.citations:
            return ""
        groups: dict[Any, dict[str, Any]] = {}
        shown: dict[tuple[str, str], int] = {}  # (source, quote or cell) -> the note showing it
        for ids, number in page.citations.items():
            records = [r for rid in ids if (r := self.book.record(rid)) is not None]
            items = [self._note_item(page, r, number, shown) for r in records]
            for item in items:  # every source cited gets its entry, even one never first
                self._group(page, groups, item["record"])
            if items:
                group = self._group(page, groups, records[0])
                group["notes"].append({"number": number, "records": items})
        listed = page.stashed(
            self.partials.render(
                "notes.html", groups=list(groups.values()), count=len(page.citations)
            )
        )
        return f"\n\n## Sources\n\n{listed}\n"

    def _group(self, page: PageRender, groups: dict[Any, dict[str, Any]], record: Record) -> Any:
        """The group of the publication ``record`` rests on: a text's, or, in a table compiled
        from several publications, its row's own (linked to the archived table)."""
        publication = self.book.publication(record)
        key = (record.source or "", publication)
        if key not in groups:
            groups[key] = {
                "source": publication,
                "short": self._short(record),
                "published": periods.label(publication.published) if publication else "",
                "href": self.urls.link(page.src_uri, source_page(key[0])) if publication else "",
                "notes": [],
            }
        return groups[key]

    def _note_item(
        self, page: PageRender, r: Record, number: int, shown: dict[tuple[str, str], int]
    ) -> dict[str, Any]:
        where = (r.cell_words or "") if r.cell else (r.quote or "")
        key = (r.source or "", where)
        first = shown.setdefault(key, number) if r.source and where else number
        rivals = self.book.rivals(r) if isinstance(r, Fact) else []
        return {
            "record": r,
            "source": self.book.publication(r),
            "short": self._short(r),
            "href": self.passage(page, r),
            "cases": self.cases(page, r),
            "rivals": [(f, self._publisher(f)) for f in rivals],
            "same_as": first if first != number else None,
        }

    def _short(self, r: Record) -> str:
        publication = self.book.publication(r)
        return short_reference(publication.publisher, publication.published) if publication else ""


def short_reference(publisher: str, published: str) -> str:
    """A source as a note names it: its publisher, the month and year it published."""
    return f"{publisher}, {periods.label(published[:7])}"
