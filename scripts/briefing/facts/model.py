"""The validated, immutable picture of the facts: what every later stage reads."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import cached_property
from types import MappingProxyType
from typing import Any

from briefing.facts import periods
from briefing.facts.numbers import to_decimal
from briefing.facts.quotes import SourceText
from briefing.facts.tableshape import Publication, Table
from briefing.facts.units import Unit, format_value


@dataclass(frozen=True)
class Source:
    """An archived document, described like an OWID ``Origin``: who said it, when, where kept."""

    id: str
    file: str
    archive: str  # the file's path as editors see it, e.g. seeds/000_x.txt
    sha256: str
    title: str
    publisher: str
    published: str
    language: str
    author: str | None = None
    url: str | None = None
    date_note: str | None = None
    method: str | None = None  # a table: how it was made (transcribed, from what)
    table: Table | None = field(default=None, repr=False, compare=False)  # a table source's cells
    text: SourceText = field(repr=False, compare=False, default_factory=lambda: SourceText(""))

    def publication(self, row: str | None = None) -> Publication:
        """Who published what a record cites: a compiled table's row names its own."""
        rows = self.table.rows if self.table else {}
        own = rows[row].publication if row is not None and row in rows else None
        return own or Publication(self.publisher, self.title, self.published, self.url)


def slug(text: str) -> str:
    """A row key as it appears in an anchor and a series' ids: lowercase, runs of other
    characters as one '-' (column names need none: they are lowercase words and '_')."""
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "-"


def cell_anchor(row: str, column: str) -> str:
    """The anchor of a table's cell on its source page: unique, as a column has no '-'."""
    return f"cell-{slug(row)}-{column}"


class _Cited:
    """What a fact and a claim show alike: their period as a reader reads it, their topic,
    where on its source page the passage they rest on is."""

    id: str
    period: str
    reported: str | None
    tags: tuple[str, ...]
    cell: tuple[str, str] | None

    @property
    def anchor(self) -> str:
        """The passage's anchor on the source page: the quote's, or the cell's."""
        return cell_anchor(*self.cell) if self.cell else f"q-{self.id}"

    @property
    def cell_words(self) -> str | None:
        """Where in its table the record is, as a reader reads it: "row 2025, column exports"."""
        return f"row {self.cell[0]}, column {self.cell[1]}" if self.cell else None

    @cached_property
    def period_label(self) -> str:
        return periods.label(self.period, self.reported)

    @property
    def topic(self) -> str:
        """The first tag, else the first segment of the id: how the facts page groups it."""
        return self.tags[0] if self.tags else self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Fact(_Cited):
    """One number a source states, with the verbatim quote it comes from."""

    id: str
    subject: str
    value: Any  # Decimal-compatible number, or [low, high]
    unit: Unit
    period: str
    kind: str
    geo: str
    source: str | None
    quote: str | None
    path: str  # file:line where the editor wrote it, for messages
    line: int
    qualifier: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    derived_from: tuple[str, ...] = ()
    operation: str | None = None  # how a derived fact is computed (briefing.facts.derived)
    span: tuple[int, int] | None = None  # offsets of the quote in the source text
    cell: tuple[str, str] | None = None  # (row key, column) of a table source, for a quote
    said_by: str | None = None  # who states it
    data_from: str | None = None  # whose data the figure is
    period_from: str | None = None  # the quote's relative words the period is resolved from
    reading: str | None = None  # the editors' reading where the wording seems to say otherwise
    reported: str | None = None  # the source's date: what an undated period is shown with

    @cached_property
    def text(self) -> str:
        """The value as a reader sees it: "4.91 million tonnes" (a page asks several times)."""
        return format_value(self.value, self.unit, self.qualifier)

    @property
    def rival_key(self) -> tuple[str, str, str, str, str]:
        """Facts with equal keys measure the same thing; different values make them rivals."""
        return (self.subject.casefold(), self.period, self.geo.casefold(), self.unit.id, self.kind)


@dataclass(frozen=True)
class Claim(_Cited):
    """One statement a source makes that is not a number (who owns a firm, where a plant
    opened), with the verbatim quote it comes from: cited like a fact, shown as its words."""

    id: str
    claim: str  # the statement in the editors' words
    source: str
    quote: str
    kind: str
    path: str
    line: int
    subject: str | None = None
    period: str = periods.UNDATED
    geo: str | None = None
    note: str | None = None
    tags: tuple[str, ...] = ()
    span: tuple[int, int] | None = None
    cell: tuple[str, str] | None = None
    said_by: str | None = None  # as for a fact
    data_from: str | None = None
    period_from: str | None = None
    reading: str | None = None
    reported: str | None = None

    @property
    def text(self) -> str:
        """What a reader is told: the statement (as a fact's text is its value)."""
        return self.claim


Record = Fact | Claim  # what a chapter may cite


@dataclass(frozen=True)
class Disagreement:
    """A case the editors recorded in facts/disagreements.yaml: facts (or claims) that do not
    add up as they seem to, and the editors' explanation of why."""

    id: str
    kind: str  # one of schema.DISAGREEMENT_KINDS
    title: str
    explanation: str
    ids: tuple[str, ...]  # the facts and claims involved, in the editors' order
    path: str = ""
    line: int = 0


def by_measure(facts: Iterable[Fact]) -> dict[tuple[str, ...], list[Fact]]:
    """Facts grouped by rival key, in the order given: what rivals and the charts compare."""
    groups: dict[tuple[str, ...], list[Fact]] = defaultdict(list)
    for fact in facts:
        groups[fact.rival_key].append(fact)
    return groups


def rivals_among(fact: Fact, measure: Iterable[Fact]) -> list[Fact]:
    """The facts of ``fact``'s measure (``by_measure``) whose values differ from its own beyond
    their stated precision: what the cards, the differences page and the charts' check show."""
    return [
        other for other in measure if other.id != fact.id and not agree(other.value, fact.value)
    ]


def agree(a: Any, b: Any) -> bool:
    """Whether two values agree within the precision the coarser one is stated in.

    31.28 million and 31.282 million agree; 16 million and 16.5 million do not (16.5 rounds
    to 17 at the precision of "16 million").
    """
    if isinstance(a, list) or isinstance(b, list):
        return bool(a == b)
    x, y = to_decimal(a).normalize(), to_decimal(b).normalize()
    step = Decimal(1).scaleb(max(int(x.as_tuple().exponent), int(y.as_tuple().exponent)))
    return x.quantize(step, ROUND_HALF_UP) == y.quantize(step, ROUND_HALF_UP)


@dataclass(frozen=True)
class FactBook:
    """Every fact, source, unit and chart, validated; read-only for the build."""

    facts: Mapping[str, Fact]
    sources: Mapping[str, Source]
    units: Mapping[str, Unit]
    charts: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # Ids declared but not valid, their problems reported: what names one says nothing more.
    # None when some could not even be read (a file that does not parse), so any id may be one.
    broken_facts: frozenset[str] | None = frozenset()
    broken_charts: frozenset[str] | None = frozenset()
    claims: Mapping[str, Claim] = field(default_factory=lambda: MappingProxyType({}))
    disagreements: Mapping[str, Disagreement] = field(default_factory=lambda: MappingProxyType({}))
    broken_sources: frozenset[str] = frozenset()  # declared, their problems reported

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as plain dicts (a MappingProxyType cannot be): a warm build keeps the book."""
        plain = (dict(self.facts), dict(self.sources), dict(self.units), dict(self.charts))
        return (
            _factbook,
            (
                *plain,
                self.broken_facts,
                self.broken_charts,
                dict(self.claims),
                dict(self.disagreements),
                self.broken_sources,
            ),
        )

    def is_broken(self, kind: str, name: str) -> bool:
        """Whether a fact, claim or chart ``name`` not in the book is one whose problem is
        reported (facts and claims share their ids, and their list of broken ones)."""
        broken = self.broken_charts if kind == "chart" else self.broken_facts
        return broken is None or name in broken

    def record(self, rid: str) -> Record | None:
        """The fact or the claim with this id (ids are unique across both)."""
        return self.facts.get(rid) or self.claims.get(rid)

    def rivals(self, fact: Fact) -> list[Fact]:
        """Other facts on the same measure whose values differ beyond their stated precision."""
        return rivals_among(fact, self._by_measure.get(fact.rival_key, ()))

    def rival_groups(self) -> list[tuple[Fact, ...]]:
        """Each measure on which sources differ, once: its facts that have a rival, by id."""
        once = {group[0].id: group for group in self._rival_groups.values()}
        return [once[first] for first in sorted(once)]

    def rival_group(self, fact: Fact) -> tuple[Fact, ...]:
        """The facts of ``fact``'s measure that have a rival, itself included (empty: none)."""
        return self._rival_groups.get(fact.id, ())

    @cached_property
    def _rival_groups(self) -> dict[str, tuple[Fact, ...]]:
        groups: dict[str, tuple[Fact, ...]] = {}
        for measure in self._by_measure.values():
            group = tuple(sorted((f for f in measure if self.rivals(f)), key=lambda f: f.id))
            groups.update((fact.id, group) for fact in group)
        return groups

    def cases(self, record_id: str) -> list[Disagreement]:
        """The recorded disagreements a fact or claim is involved in, in the file's order."""
        return list(self._cases.get(record_id, ()))

    @cached_property
    def _cases(self) -> dict[str, list[Disagreement]]:
        involved: dict[str, list[Disagreement]] = defaultdict(list)
        for case in self.disagreements.values():
            for rid in case.ids:
                involved[rid].append(case)
        return involved

    def publication(self, record: Record) -> Publication | None:
        """Who published what a record rests on (a compiled table's row names its own);
        None for a derived fact."""
        source = self.sources.get(record.source or "")
        return source.publication(record.cell[0] if record.cell else None) if source else None

    def facts_from(self, source_id: str) -> list[Fact]:
        return list(self._by_source.get(source_id, ()))

    def claims_from(self, source_id: str) -> list[Claim]:
        return [claim for claim in self.claims.values() if claim.source == source_id]

    @cached_property
    def _by_measure(self) -> dict[tuple[str, ...], list[Fact]]:
        """Facts grouped by rival key: every page citing a fact asks for its rivals."""
        return by_measure(self.facts.values())

    @cached_property
    def _by_source(self) -> dict[str | None, list[Fact]]:
        groups: dict[str | None, list[Fact]] = defaultdict(list)
        for fact in self.facts.values():
            groups[fact.source].append(fact)
        return groups


def _factbook(
    facts: dict[str, Fact],
    sources: dict[str, Source],
    units: dict[str, Unit],
    charts: dict[str, Any],
    broken_facts: frozenset[str] | None,
    broken_charts: frozenset[str] | None,
    claims: dict[str, Claim],
    disagreements: dict[str, Disagreement],
    broken_sources: frozenset[str],
) -> FactBook:
    return FactBook(
        MappingProxyType(facts),
        MappingProxyType(sources),
        MappingProxyType(units),
        MappingProxyType(charts),
        broken_facts,
        broken_charts,
        MappingProxyType(claims),
        MappingProxyType(disagreements),
        broken_sources,
    )
