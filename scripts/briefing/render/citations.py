"""What a citation opens and where it leads: the marker, the card, the page's source notes.

A fact's marker follows its number (``fact()``); a claim's, or one resting on several records
(``cite()``), stands alone at the end of its sentence. Each is numbered per page; its card
(shown on hover and focus) and its note list every record it rests on, each with its quote
and source. None of it is indexed for search: every fact and claim has an entry of its own.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from briefing.facts.model import Fact, FactBook, Record
from briefing.render import differences
from briefing.render.markup import render
from briefing.render.placeholders import PageRender, as_word
from briefing.render.text import UNINDEXED, esc
from briefing.render.urls import (
    DIFFERENCES_PAGE,
    FACTS_PAGE,
    SiteUrls,
    case_anchor,
    source_page,
)


class Cards:
    """Markers, cards and notes for the records of one FactBook."""

    def __init__(self, book: FactBook, urls: SiteUrls) -> None:
        self.book = book
        self.urls = urls

    def citation(self, page: PageRender, records: tuple[Record, ...], card: str = "") -> str:
        """The numbered marker: for one record, a link to its highlighted quote on the source
        page; for several, to the note listing them.

        Never indexed: a search for a number should find facts stating it, not every page
        whose citations run that far. A fact's citation goes in after indexing; a chart's,
        in its caption, is marked for the indexer to skip (``card`` is empty there).
        """
        number = page.cite(tuple(r.id for r in records))
        described = f' aria-describedby="{card}"' if card else ""
        href = self.passage(page, records[0]) if len(records) == 1 else f"#note-{number}"
        return (
            f'<sup class="cite"{"" if card else UNINDEXED}><a '
            f'href="{esc(href)}" '
            f'data-note="{number}"{described} aria-label="Source {number}">{number}</a></sup>'
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
        ids = " ".join(r.id for r in records)
        return (
            f'<span class="fact cites" data-cites="{esc(ids)}">'
            + self.citation(page, records, card)
            + render("card.html", card=card, records=items)
            + "</span>"
        )

    def _card_item(self, page: PageRender, record: Record) -> dict[str, Any]:
        href = self.passage(page, record)
        source = self.book.publication(record)
        if isinstance(record, Fact):
            parts = Markup(self.fact_parts(page, record, self.book.rivals(record)))
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

    def fact_card(self, page: PageRender, fact: Fact, card: str, rivals: list[Fact]) -> str:
        """Everything about a number in one place: value, period, kind, source and quote.

        Plain markup shown by CSS on hover and focus (no script needed); the citation link
        points to it with aria-describedby, so a screen reader reads it with the number.
        The search index never sees it (it goes in after indexing), and has an entry for
        every fact of its own.
        """
        parts = self.fact_parts(page, fact, rivals)
        return f'<small class="fact-card" id="{card}" role="tooltip">{parts}</small>'

    def fact_parts(self, page: PageRender, fact: Fact, rivals: list[Fact]) -> str:
        src = self.book.publication(fact)
        parts = [
            f'<span class="card-value">{esc(fact.text)}</span>',
            f'<span class="card-meta">{esc(fact.subject)} · {esc(fact.period_label)} · '
            f"{esc(fact.kind)} · {esc(fact.geo)}</span>",
        ]
        if src is not None:
            if fact.cell is None:
                parts.append(f'<q class="card-quote">{esc(fact.quote or "")}</q>')
            where = f", {fact.cell_words}" if fact.cell_words else ""
            parts.append(
                f'<span class="card-source">{esc(src.title)}, {esc(src.publisher)}, '
                f"{esc(src.published)}{esc(where)}</span>"
            )
        else:
            parts.append(f'<span class="card-quote">Derived: {esc(fact.note or "")}</span>')
        # The passage link comes first after its source, so Tab from the citation lands on it.
        link = "See the fact" if src is None else "See the cell" if fact.cell else "See the passage"
        parts.append(f'<a class="card-link" href="{esc(self.passage(page, fact))}">{link}</a>')
        if fact.said_by or fact.data_from or fact.reading:
            parts.append(render("card_meaning.html", r=fact))
        if rivals:
            others = "; ".join(f"{esc(r.text)} ({esc(self._publisher(r))})" for r in rivals)
            parts.append(f'<span class="card-differ">Sources differ: {others}</span>')
        parts.extend(
            f'<a class="card-differ" href="{esc(href)}">Where sources differ: {esc(title)}</a>'
            for href, title in differences.links(self.book, fact, self.urls, page.src_uri)
        )
        return "".join(parts)

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
        """The numbered notes a page ends with: each quote, its source, a link to the passage.

        The list goes in after the search index has read the page: each record's own entry
        holds the same quote and source, and the quote is also found in the archived text.
        """
        if not page.citations:
            return ""
        notes = []
        for ids, number in page.citations.items():
            records = [self.book.record(rid) for rid in ids]
            notes.append(
                {
                    "number": number,
                    "records": [
                        {
                            "record": r,
                            "source": self.book.publication(r),
                            "href": self.passage(page, r),
                            "cases": self.cases(page, r),
                        }
                        for r in records
                        if r is not None
                    ],
                }
            )
        page.notes = page.stashed(render("notes.html", notes=notes), "", after_search=True)
        return f"\n\n## Sources\n\n{as_word(page.notes)}\n"
