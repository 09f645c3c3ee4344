"""Pages no editor writes: one per source (its text, cited passages highlighted), the
sources index, the facts page with a permalink anchor for every fact and claim, and what
changed since the last release. Their markup comes from the site's partials."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from types import MappingProxyType

from briefing.data.releases import Release
from briefing.facts import periods
from briefing.facts.model import Fact, FactBook, Record, Source
from briefing.render.changes import changes_page
from briefing.render.differences import differences_page, links
from briefing.render.explorer import downloads, explorer_script, filter_form, row_data, topic_name
from briefing.render.markup import PACKAGE, Partials
from briefing.render.tabular import source_table
from briefing.render.text import md_inline, one_block
from briefing.render.urls import (
    CHANGES_PAGE,
    DIFFERENCES_PAGE,
    FACTS_PAGE,
    SOURCES_INDEX,
    SiteUrls,
    source_page,
)


def generated_pages(
    book: FactBook,
    urls: SiteUrls,
    releases: list[Release],
    *,
    data_files: bool = True,
    partials: Partials = PACKAGE,
    topics: Mapping[str, str] = MappingProxyType({}),
) -> dict[str, str]:
    """Every generated page: its path under docs/ and its Markdown.

    ``data_files`` says whether the site carries data/facts.*, so the facts page links
    to them only when they exist; ``topics`` names the facts page's topics.
    """
    pages = {
        FACTS_PAGE: facts_page(book, urls, partials, data_files, topics),
        CHANGES_PAGE: changes_page(book, releases, urls, partials),
        DIFFERENCES_PAGE: differences_page(book, urls, partials),
        SOURCES_INDEX: sources_index(book, urls, partials),
    }
    for source in book.sources.values():
        pages[source_page(source.id)] = source_page_markdown(book, source, urls, partials)
    return pages


def quote_styles(book: FactBook) -> dict[str, str]:
    """Each source page's own style sheet (by its path under docs/), for its ``<head>``: one
    rule per quoted fact outlines the whole quote of the fact a reader arrived for (quotes may
    overlap, so each marked piece lists every fact whose quote covers it). Kept out of the
    page's Markdown, so the policy allows exactly these rules and no ``<style>`` a page holds."""
    styles = {}
    for source in book.sources.values():
        rules = "".join(
            f'.source-text:has([id="q-{record.id}"]:target) mark[data-facts~="{record.id}"]'
            "{outline:2px solid var(--md-accent-fg-color);background:#ffd54f}"
            for record in _quoting(book, source)
            if record.span is not None
        )
        if rules:
            styles[source_page(source.id)] = rules
    return styles


def _quoting(book: FactBook, source: Source) -> list[Record]:
    """The facts and claims quoting a source, in the order of their quotes in it."""
    records: list[Record] = [*book.facts_from(source.id), *book.claims_from(source.id)]
    return sorted(records, key=lambda r: r.span or (0, 0))


def _meta(source: Source) -> list[tuple[str, str | None]]:
    return [
        ("Publisher", source.publisher),
        ("Author", source.author),
        ("Published", source.published),
        ("Language", source.language),
        ("Date evidence", source.date_note),
        ("Kind", "Table transcribed by the editors (CSV)" if source.table else None),
        ("How it was made", source.method),
        ("Archived file", source.archive),
        ("SHA-256", source.sha256),
    ]


def source_page_markdown(
    book: FactBook, source: Source, urls: SiteUrls, partials: Partials = PACKAGE
) -> str:
    """Metadata, the facts drawn from the source, its archived text. The list of facts stays
    out of the search index (each fact has an entry of its own); the text is indexed, so any
    word of a source finds its page."""
    here = source_page(source.id)
    facts = sorted(book.facts_from(source.id), key=lambda f: f.span or (0, 0))
    claims = sorted(book.claims_from(source.id), key=lambda c: c.span or (0, 0))
    claim_rows = [{"claim": c, "href": urls.link(here, FACTS_PAGE, c.id)} for c in claims]
    fact_rows = [{"fact": f, "href": urls.link(here, FACTS_PAGE, f.id)} for f in facts]
    return "\n\n".join(
        [
            f"# {md_inline(source.title)}",
            one_block(partials.render("source_meta.html", source=source, rows=_meta(source))),
            f"## Facts drawn from this source\n\n{len(facts)} facts cite this source; "
            + (
                "each highlighted cell below is the cell a fact was verified against."
                if source.table
                else "each highlighted passage below is the quote a fact was verified against."
            ),
            one_block(partials.render("source_facts.html", rows=fact_rows)) if facts else "",
            *(
                [
                    f"## Claims drawn from this source\n\n{len(claims)} claims cite this source.",
                    one_block(partials.render("source_claims.html", rows=claim_rows)),
                ]
                if claims
                else []
            ),
            *(
                [
                    "## Archived table\n\nThe figures as the editors transcribed them; a "
                    "row's own publication, where it names one, is the last column.",
                    one_block(source_table(book, source, urls, partials)),
                ]
                if source.table
                else [
                    "## Archived text",
                    one_block(highlighted_text(source, _quoting(book, source), partials)),
                ]
            ),
            "",
        ]
    )


def highlighted_text(
    source: Source, records: Sequence[Record], partials: Partials = PACKAGE
) -> str:
    """The archived text, one paragraph per line, every quoted span (of a fact or a claim)
    marked and anchored."""
    text = source.text.text
    cover: list[tuple[str, ...]] = [()] * len(text)
    anchors: dict[int, list[str]] = defaultdict(list)
    for record in records:
        if record.span is None:
            continue
        start, end = record.span
        for i in range(start, end):
            cover[i] = (*cover[i], record.id)
        anchors[start].append(record.id)
    lines = []
    offset = 0
    for line in text.split("\n"):
        begin, offset = offset, offset + len(line) + 1
        if line.strip():
            lines.append(_pieces(text, begin, begin + len(line), cover, anchors))
    return partials.render("source_text.html", language=source.language, lines=lines)


def _pieces(
    text: str, begin: int, end: int, cover: list[tuple[str, ...]], anchors: dict[int, list[str]]
) -> list[tuple[list[str], str, str]]:
    """A line's pieces: the quotes starting there, the ids of all quoting it, its text."""
    pieces = []
    i = begin
    while i < end:
        j = i + 1
        while j < end and cover[j] == cover[i] and j not in anchors:
            j += 1
        pieces.append((anchors.get(i, []), " ".join(cover[i]), text[i:j]))
        i = j
    return pieces


def sources_index(book: FactBook, urls: SiteUrls, partials: Partials = PACKAGE) -> str:
    rows = [
        {
            "source": source,
            "href": urls.link(SOURCES_INDEX, source_page(source.id)),
            "facts": len(book.facts_from(source.id)),
            "claims": len(book.claims_from(source.id)),
        }
        for source in sorted(book.sources.values(), key=lambda s: s.published, reverse=True)
    ]
    body = one_block(partials.render("sources_list.html", rows=rows))
    return (
        "# Sources\n\nEvery number on this site comes from one of these archived documents "
        "or tables. Each page shows the full archived text with the quoted passages "
        "highlighted, or the whole table with the cited cells highlighted.\n\n"
        f"{body}\n"
    )


def facts_page(
    book: FactBook,
    urls: SiteUrls,
    partials: Partials = PACKAGE,
    data_files: bool = True,
    topics: Mapping[str, str] = MappingProxyType({}),
) -> str:
    """Every fact in a table per topic. The tables stay out of the search index: each fact has
    an entry of its own (``render/search.py``), which a table row would only repeat; the topic
    headings stay, so a topic's name still leads to its table."""
    by_topic: dict[str, list[Fact]] = defaultdict(list)
    for fact in book.facts.values():
        by_topic[fact.topic].append(fact)
    sections = [
        "# Facts",
        f"All {len(book.facts)} facts behind this briefing. Each row's anchor is a permalink; "
        "the source link opens the archived text at the highlighted quote.",
        *([downloads(urls, partials)] if data_files else []),
        one_block(filter_form(book, partials, topics)),
    ]
    for topic in sorted(by_topic, key=lambda t: topic_name(t, topics).casefold()):
        ordered = sorted(by_topic[topic], key=lambda f: (periods.sort_key(f.period), f.id))
        table = partials.render(
            "facts_table.html", rows=[_fact_row(book, f, urls) for f in ordered]
        )
        sections += [f"## {md_inline(topic_name(topic, topics))}", one_block(table)]
    if book.claims:
        sections += [
            "## Claims",
            f"The {len(book.claims)} statements behind this briefing that are not numbers, "
            "each verified against its quote like a fact.",
            one_block(partials.render("claims_table.html", rows=_claim_rows(book, urls))),
        ]
    sections.append(explorer_script(urls, partials))
    return "\n\n".join(sections) + "\n"


def _claim_rows(book: FactBook, urls: SiteUrls) -> list[dict[str, object]]:
    claims = sorted(book.claims.values(), key=lambda c: (c.topic, periods.sort_key(c.period), c.id))
    return [
        {
            "claim": c,
            "source": book.sources[c.source],
            "href": urls.link(FACTS_PAGE, source_page(c.source), c.anchor),
            "differs": links(book, c, urls, FACTS_PAGE),
        }
        for c in claims
    ]


def _fact_row(book: FactBook, fact: Fact, urls: SiteUrls) -> dict[str, object]:
    source = book.sources[fact.source] if fact.source else None
    return {
        "fact": fact,
        "data": row_data(fact),
        "source": source,
        "href": urls.link(FACTS_PAGE, source_page(source.id), fact.anchor) if source else "",
        "rivals": book.rivals(fact),
        "differs": links(book, fact, urls, FACTS_PAGE),
    }
