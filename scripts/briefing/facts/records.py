"""What facts and claims share: one space of ids, the registries they refer to, and the
verbatim quote in its archived source (so a claim's quote is checked exactly as a fact's)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from briefing.facts import periods, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Source
from briefing.facts.quotes import QuoteError, locate
from briefing.facts.sources import text_of
from briefing.facts.units import Unit
from briefing.facts.wording import Wording

RECORD_ID = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+")


@dataclass
class Refs:
    """What records refer to. A registry that could not be read is None, and ids declared but
    broken are listed, so records referring to them stay silent: the cause is reported."""

    units: dict[str, Unit] | None
    sources: dict[str, Source] | None
    broken_units: set[str] = field(default_factory=set)
    broken_sources: set[str] = field(default_factory=set)
    declared: dict[str, str] = field(default_factory=dict)  # every fact/claim id -> "path:line"
    unread: bool = False  # some ids could not be read: any id may be a broken record
    wording: Wording = field(default_factory=lambda: Wording({}))  # the words meaning is read by


def declare(node: Any, line: int, check: Checker, refs: Refs, kind: str) -> bool:
    """Records the id of a fact or claim; False (reported) when another record has it."""
    rid = node.get("id") if isinstance(node, dict) else None
    if not isinstance(rid, str):
        refs.unread = True
        return True  # the missing or malformed id is the field check's to report
    if rid in refs.declared:
        check.add(
            line,
            f"duplicate {kind} id '{rid}' (first at {refs.declared[rid]}); "
            f"give each {kind} its own id"
            + ("" if kind == "fact" else " (facts and claims share their ids)"),
        )
        return False
    refs.declared[rid] = f"{check.rel}:{line}"
    return True


def well_formed_id(rid: str, what: str, line: int, check: Checker, refs: Refs) -> bool:
    if RECORD_ID.fullmatch(rid):
        return True
    check.add(line, f"{what}: id must be lowercase dotted words, such as exports.vehicles.2023")
    refs.unread = True  # what it was meant to be is unknown: any id may name it
    return False


def located(
    node: Any, what: str, check: Checker, refs: Refs
) -> tuple[Source, tuple[int, int]] | None:
    """The record's source and where its quote sits in it, found verbatim (after its
    ``context``); None when either is wrong (reported), or its source is broken (reported
    there, not again for each record quoting it)."""
    sid = str(node["source"])
    if refs.sources is None or sid in refs.broken_sources:
        return None
    source = refs.sources.get(sid)
    if source is None:
        known = ", ".join(sorted(refs.sources)) or "none yet"
        check.add(
            yamlio.line_of(node, "source"),
            f"{what}: unknown source '{sid}'; add it to facts/sources.yaml (known: {known})",
        )
        return None
    if source.table is not None:
        check.add(
            yamlio.line_of(node, "quote"),
            f"{what}: source '{sid}' is a table; cite its cell instead of a quote: "
            'cell: {row: "ROW KEY", column: NAME}',
        )
        return None
    try:
        span = locate(
            source.text, source.archive, str(node["quote"]), text_of(node, "context") or ""
        )
    except QuoteError as err:
        check.add(yamlio.line_of(node, err.key), f"{what}: {err.message}")
        return None
    return source, span


def period_checked(node: Any, period: str, what: str, check: Checker) -> bool:
    """Whether a record's period is well formed; False (reported) when it is not."""
    if periods.is_period(period):
        return True
    check.add(
        yamlio.line_of(node, "period"), f"{what}: malformed period '{period}'; use {periods.FORMS}"
    )
    return False


def cited_fields(
    node: Any,
    check: Checker,
    line: int,
    place: tuple[tuple[int, int] | None, tuple[str, str] | None],
    reported: str | None,
) -> dict[str, Any]:
    """The fields a fact and a claim share, read from the record the same way: where it is
    written, its tags, where its quote or cell is (span, cell), its attribution and readings."""
    span, cell = place
    return {
        "path": check.rel,
        "line": line,
        "tags": tuple(node.get("tags") or ()),
        "span": span,
        "cell": cell,
        "said_by": text_of(node, "said_by"),
        "period_from": text_of(node, "period_from"),
        "reading": text_of(node, "reading"),
        "reported": reported,
    }
