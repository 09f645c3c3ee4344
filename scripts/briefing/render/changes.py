"""The "What changed" page: facts added, changed and removed since the last release.

Generated from the snapshots in facts/releases/, never written by hand: first the current
facts against the newest snapshot, then each release against the one before it.
"""

from __future__ import annotations

from collections.abc import Mapping
from itertools import pairwise

from briefing.data.releases import Changes, Record, Release, compare, current
from briefing.facts import periods
from briefing.facts.model import FactBook
from briefing.render.markup import PACKAGE, Partials
from briefing.render.text import md_inline
from briefing.render.urls import CHANGES_PAGE, FACTS_PAGE, SiteUrls


def changes_page(
    book: FactBook, releases: list[Release], urls: SiteUrls, partials: Partials = PACKAGE
) -> str:
    sections = [
        "# What changed",
        "Facts added, changed and removed between releases. Each release keeps a snapshot of "
        "the facts as they stood when it was cut; this page compares them, so it is never "
        "written by hand.",
    ]
    if not releases:
        sections.append(
            "No release has been cut yet, so there is nothing to compare the facts with."
        )
        return "\n\n".join(sections) + "\n"
    now = current(book)
    latest = releases[-1]
    sections += [
        f"## Since release {md_inline(latest.name)}",
        f"Compared with release {md_inline(latest.name)}, cut on {latest.date}.",
        _changes(compare(latest.facts, now), latest.facts, now, book, urls, partials),
    ]
    for older, newer in reversed(list(pairwise(releases))):
        sections += [
            f"## Release {md_inline(newer.name)}",
            f"Cut on {newer.date}, compared with release {md_inline(older.name)} of {older.date}.",
            _changes(
                compare(older.facts, newer.facts), older.facts, newer.facts, book, urls, partials
            ),
        ]
    first = releases[0]
    sections += [
        f"## Release {md_inline(first.name)}",
        f"Cut on {first.date}: the first snapshot, of {len(first.facts)} facts.",
    ]
    return "\n\n".join(sections) + "\n"


def _changes(
    changes: Changes,
    old: Mapping[str, Record],
    new: Mapping[str, Record],
    book: FactBook,
    urls: SiteUrls,
    partials: Partials,
) -> str:
    if not changes:
        return "Nothing changed: every fact is as it was."
    changed = []
    for fid, fields in changes.changed.items():
        shown = list(dict.fromkeys("value" if f == "value_high" else f for f in fields))
        for field in shown:
            before, after = _field(old[fid], field), _field(new[fid], field)
            if before == after:  # the written value hides the change: show exact digits
                before, after = _exact(old[fid]), _exact(new[fid])
            changed.append((_fact(new[fid], book, urls), field, before, after))
    counts = {
        "added": len(changes.added),
        "changed": len(changes.changed),
        "removed": len(changes.removed),
    }
    return partials.render(
        "changes.html",
        counts=counts,
        added=[_fact(new[fid], book, urls) for fid in changes.added],
        changed=changed,
        removed=[_fact(old[fid], book, urls) for fid in changes.removed],
    )


def _fact(record: Record, book: FactBook, urls: SiteUrls) -> dict[str, str]:
    """A fact as the snapshot has it; linked to its row when the facts page still lists it."""
    fid = record["id"]
    period = record.get("period", "")
    return {
        "id": fid,
        "text": record.get("text", ""),
        "href": urls.link(CHANGES_PAGE, FACTS_PAGE, fid) if fid in book.facts else "",
        "subject": record.get("subject", ""),
        "when": periods.label(period) if periods.is_period(period) else period,
        "kind": record.get("kind", ""),
    }


def _field(record: Record, field: str) -> dict[str, str]:
    """A field's value as the table shows it: text, a quotation, or none."""
    if field == "value":
        return {"kind": "text", "text": record.get("text", "")}
    text = record.get(field, "")
    if not text:
        return {"kind": "none", "text": ""}
    return {"kind": "quote" if field in {"quote", "note"} else "text", "text": text}


def _exact(record: Record) -> dict[str, str]:
    high = record.get("value_high", "")
    value = record.get("value", "") + (f"–{high}" if high else "")
    return {"kind": "text", "text": f"{value} {record.get('unit', '')}"}
