"""A chapter's rendering kept per chapter, so that an edit to one fact renders again only the
chapters that cite it (``mkdocs serve`` rebuilds on every save).

A kept rendering names what it was made from: the page's own text and the build's options in
its key, and, beside it, the records it cites or its sentences were checked against (with the
facts a derived one is computed from, their rivals and the cases they are in), the charts it
draws and the tables it shows, each as the book held it, the change each tile shows (on a fact
that may not be cited yet), and the book's frame: every file under facts/ and seeds/ that
holds no fact or claim, and the sources, units and recorded disagreements. It is reused when
all of these are as they were: when no file changed at all, without even loading the facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from briefing.buildcache import MISSING, BuildCache, key
from briefing.facts.model import Fact, FactBook
from briefing.render.placeholders import PageRender
from briefing.render.tiles import change

log = get_plugin_logger(__name__)
Needs = tuple[tuple[str, str], ...]  # ("record" | "chart" | "table" | "tile", id), sorted


def page_needs(book: FactBook, page: PageRender) -> Needs:
    """What the rendering of ``page`` read of the book beyond its frame."""
    records = set(page.cited) | set(page.checked)
    for cid in page.charts:
        spec = book.charts.get(cid)
        records.update(f.id for f in getattr(spec, "cited", ()))
    needs = {("record", rid) for rid in records}
    needs.update(("chart", cid) for cid in page.charts)
    needs.update(("table", sid) for sid in page.tables)
    needs.update(("tile", fid) for fid in page.tiles)
    return tuple(sorted(needs))


def _record_words(book: FactBook, rid: str, seen: set[str]) -> Iterable[str]:
    """A record as the book holds it: itself, what it is derived from, its rivals, its cases."""
    if rid in seen:
        return
    seen.add(rid)
    record = book.record(rid)
    yield repr(record)
    if record is None:
        return
    yield repr(book.cases(rid))
    if isinstance(record, Fact):
        yield repr(book.rivals(record))
        yield repr(book.rival_group(record))
        for source in record.derived_from:
            yield from _record_words(book, source, seen)


def needs_digest(book: FactBook, needs: Needs, frame: str) -> str:
    """The sha256 of the frame and of each thing a page needs, as ``book`` holds it now."""
    digest = hashlib.sha256(frame.encode())
    seen: set[str] = set()
    for kind, name in needs:
        digest.update(f"\0{kind}:{name}\0".encode())
        if kind == "record":
            words: Iterable[str] = _record_words(book, name, seen)
        elif kind == "chart":
            words = [repr(book.charts.get(name))]
        elif kind == "tile":
            fact = book.facts.get(name)
            words = [repr(change(book, fact) if fact is not None else None)]
        else:
            words = [repr(book.facts_from(name)), repr(book.claims_from(name))]
        for word in words:
            digest.update(word.encode() + b"\0")
    return digest.hexdigest()


def frame_digest(book: FactBook, root: Path, folders: Iterable[Path]) -> str:
    """The sha256 of what every page may read: each file under ``folders`` that holds no fact
    or claim (charts, sources, seeds, …), and the book's sources, units and disagreements."""
    held = {f.path for f in book.facts.values()} | {c.path for c in book.claims.values()}
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            name = path.relative_to(root).as_posix()
            if name not in held:
                digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for part in (book.sources, book.units, book.disagreements):
        digest.update(repr(list(part.items())).encode() + b"\0")
    return digest.hexdigest()


def whole(book: FactBook) -> bool:
    """Whether every declared fact, chart and source is in the book (a page citing a broken
    one says nothing of it, and so cannot name what it would need)."""
    return not (book.broken_facts or book.broken_charts or book.broken_sources) and (
        book.broken_facts is not None and book.broken_charts is not None
    )


class PageReuse:
    """Chapters' renderings in ``cache``; ``inputs`` digests every file under facts/ and
    seeds/ (all unchanged: reuse without loading the book), ``book`` and ``frame`` are made
    only when some did change."""

    def __init__(
        self,
        cache: BuildCache,
        inputs: str,
        options: str,
        book: Callable[[], FactBook],
        frame: Callable[[], str],
    ) -> None:
        self.cache = cache
        self.inputs = inputs
        self.options = options
        self.book = book
        self.frame = frame
        self._frame: str | None = None

    def _frame_now(self) -> str:
        if self._frame is None:
            self._frame = self.frame()
        return self._frame

    def made(self, path: str, text: str, make: Callable[[], PageRender]) -> PageRender:
        """The page ``make`` renders, or the one kept from the same text and needs; a page
        with problems is rendered on every build, so that they are reported."""
        slot = f"page:{path}"
        slot_key = key(slot, self.options, hashlib.sha256(text.encode()).hexdigest())
        kept = self.cache.get(slot, slot_key)
        if kept is not MISSING:
            inputs, needs, digest, page = kept
            if inputs == self.inputs:
                return page  # type: ignore[no-any-return]
            if needs_digest(self.book(), needs, self._frame_now()) == digest:
                log.debug("%s: as rendered before, since nothing it shows changed", path)
                self.cache.put(slot, slot_key, (self.inputs, needs, digest, page))
                return page  # type: ignore[no-any-return]
        page = make()
        book = self.book()
        if not page.problems and whole(book):
            needs = page_needs(book, page)
            digest = needs_digest(book, needs, self._frame_now())
            self.cache.put(slot, slot_key, (self.inputs, needs, digest, page))
        return page
