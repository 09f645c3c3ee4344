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
from briefing.render.text import esc, md_inline, one_block
from briefing.render.urls import CHANGES_PAGE, FACTS_PAGE, SiteUrls


def changes_page(book: FactBook, releases: list[Release], urls: SiteUrls) -> str:
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
        _changes(compare(latest.facts, now), latest.facts, now, book, urls),
    ]
    for older, newer in reversed(list(pairwise(releases))):
        sections += [
            f"## Release {md_inline(newer.name)}",
            f"Cut on {newer.date}, compared with release {md_inline(older.name)} of {older.date}.",
            _changes(compare(older.facts, newer.facts), older.facts, newer.facts, book, urls),
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
) -> str:
    if not changes:
        return "Nothing changed: every fact is as it was."
    parts = [
        f"{len(changes.added)} added, {len(changes.changed)} changed, "
        f"{len(changes.removed)} removed."
    ]
    if changes.added:
        items = "\n".join(f"<li>{_fact(new[fid], book, urls)}</li>" for fid in changes.added)
        parts.append(one_block(f'<p>Added:</p>\n<ul class="changes-added">\n{items}\n</ul>'))
    if changes.changed:
        rows = []
        for fid, fields in changes.changed.items():
            shown = list(dict.fromkeys("value" if f == "value_high" else f for f in fields))
            for field in shown:
                before, after = _field(old[fid], field), _field(new[fid], field)
                if before == after:  # the written value hides the change: show exact digits
                    before, after = _exact(old[fid]), _exact(new[fid])
                rows.append(
                    f"<tr><td>{_fact(new[fid], book, urls)}</td><td>{esc(field)}</td>"
                    f"<td>{before}</td><td>{after}</td></tr>"
                )
        table = (
            '<table class="changes-changed">\n<thead><tr><th>Fact</th><th>Field</th>'
            "<th>Before</th><th>After</th></tr></thead>\n<tbody>\n"
            + "\n".join(rows)
            + "\n</tbody>\n</table>"
        )
        parts.append(one_block(f"<p>Changed:</p>\n{table}"))
    if changes.removed:
        items = "\n".join(f"<li>{_fact(old[fid], book, urls)}</li>" for fid in changes.removed)
        parts.append(one_block(f'<p>Removed:</p>\n<ul class="changes-removed">\n{items}\n</ul>'))
    return "\n\n".join(parts)


def _fact(record: Record, book: FactBook, urls: SiteUrls) -> str:
    """A fact as the snapshot has it; linked to its row when the facts page still lists it."""
    fid = record["id"]
    value = esc(record.get("text", ""))
    if fid in book.facts:
        value = f'<a href="{esc(urls.link(CHANGES_PAGE, FACTS_PAGE, fid))}">{value}</a>'
    period = record.get("period", "")
    when = periods.label(period) if periods.is_period(period) else period
    return (
        f"{value} — {esc(record.get('subject', ''))}, {esc(when)} "
        f"({esc(record.get('kind', ''))}) <code>{esc(fid)}</code>"
    )


def _field(record: Record, field: str) -> str:
    if field == "value":
        return esc(record.get("text", ""))
    text = record.get(field, "")
    if not text:
        return "<em>none</em>"
    return f"<q>{esc(text)}</q>" if field in {"quote", "note"} else esc(text)


def _exact(record: Record) -> str:
    high = record.get("value_high", "")
    value = record.get("value", "") + (f"–{high}" if high else "")
    return esc(f"{value} {record.get('unit', '')}")
