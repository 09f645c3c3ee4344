"""Search that finds numbers: every fact (and every claim) is an entry of its own in the
site's search index.

MkDocs Material indexes pages by section; a fact's row on the facts page would only be found
as part of one huge section. Each fact gets an entry whose title is what it measures and its
value, and whose text holds its period, kind, geo, publisher and quote, linked to its permalink.
A claim's title is its statement (after its subject, if it has one); its text is the same.

The index is downloaded on a reader's first search (``assets/lazy-search.js`` holds it back
until then), which waits for it, so it says each thing once: the facts tables, the chapters'
source notes, the fact cards, the citation numbers and the lists of facts on source pages are
kept out of it (``UNINDEXED``), as what they hold is in these entries and in the sources'
archived text. For the same reason an entry names the source's publisher, not its title: a
title is found on the source's own page.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from typing import Any

from briefing.facts.model import FactBook
from briefing.problems import visible
from briefing.render.urls import FACTS_PAGE, SiteUrls

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def fact_entries(book: FactBook, urls: SiteUrls, segment: bool = False) -> str:
    """One search entry per fact, then per claim, in id order (so the index is byte-stable), as the items of
    a JSON list without its brackets: what ``with_fact_entries`` adds, kept between builds.
    With ``segment``, Chinese text is cut into words (jieba, an optional dependency)."""
    indexed = _indexer(segment)
    entries = []
    for fact in sorted(book.facts.values(), key=lambda f: f.id):
        src = book.publication(fact)
        origin = src.publisher if src else "derived"
        said = f"“{fact.quote}”" if fact.quote else fact.cell_words or fact.note or ""
        entries.append(
            {
                "location": f"{urls.page(FACTS_PAGE)}#{fact.id}",
                "title": indexed(f"{fact.subject}: {fact.text}"),
                "text": indexed(
                    f"{fact.period_label} · {fact.kind} · {fact.geo} · {origin}. {said}"
                ),
            }
        )
    for claim in sorted(book.claims.values(), key=lambda c: c.id):
        publication = book.publication(claim)
        publisher = publication.publisher if publication else None
        about = [claim.period_label, claim.kind, claim.geo, publisher]
        entries.append(
            {
                "location": f"{urls.page(FACTS_PAGE)}#{claim.id}",
                "title": indexed(
                    f"{claim.subject}: {claim.claim}" if claim.subject else claim.claim
                ),
                "text": indexed(f"{' · '.join(filter(None, about))}. “{claim.quote}”"),
            }
        )
    return json.dumps(entries, ensure_ascii=False, separators=(",", ":"))[1:-1]


def _indexer(segment: bool) -> Callable[[str], str]:
    """Text as the index holds it: escaped as Material escapes index text and, with
    ``segment``, Chinese cut into words with zero-width spaces between, as Material does."""
    if not segment:
        return lambda text: html.escape(visible(text), quote=False)
    import jieba  # type: ignore[import-untyped]  # the `chinese` extra, checked by the option

    def cut(match: re.Match[str]) -> str:
        return "\u200b" + "\u200b".join(jieba.cut(match.group(0))) + "\u200b"

    return lambda text: html.escape(_HAN.sub(cut, visible(text)), quote=False)


def with_fact_entries(index_json: str, entries: str) -> str:
    """Material's search index (its documented JSON: ``config`` and ``docs``) with the fact
    entries added at the end of its ``docs``; decoded and encoded, never cut as text."""
    index: dict[str, Any] = json.loads(index_json)
    docs = [*(index.pop("docs", None) or []), *json.loads(f"[{entries}]")]
    return json.dumps({**index, "docs": docs}, ensure_ascii=False, separators=(",", ":"))
