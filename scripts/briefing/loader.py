"""Loading and validating sources, units and facts into a FactBook, reporting every problem.

Validation runs in layers (shape, then types, then references, then provenance) and never
stops at the first problem: an editor sees everything wrong in one run.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import re
from types import MappingProxyType
from typing import Any

from briefing import numbers, periods, yamlio
from briefing.chartspec import load_charts
from briefing.checker import Checker
from briefing.model import Fact, FactBook, Source
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem
from briefing.quotes import SourceText
from briefing.schema import FACT_FIELDS, SOURCE_FIELDS, UNIT_FIELDS
from briefing.units import Unit

FACT_ID = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9][a-z0-9_-]*)+")
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
DATE = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?")


def _text(node: Any, key: str) -> str | None:
    value = node.get(key)
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def load_units(paths: Paths, problems: list[Problem]) -> dict[str, Unit]:
    rel = paths.rel(paths.units_file)
    if not paths.units_file.is_file():
        problems.append(Problem(rel, 1, "unit registry missing; create it (see README)"))
        return {}
    data = yamlio.load(paths.units_file, rel, problems, "declare units as in README")
    check = Checker(rel, problems)
    units: dict[str, Unit] = {}
    if not isinstance(data, dict):
        if data is not None:
            check.add(1, "the unit registry must map unit ids to {style: …}")
        return units
    for uid, node in data.items():
        if check.fields(node, UNIT_FIELDS, f"unit '{uid}'", yamlio.line_of(data, uid)):
            units[str(uid)] = Unit(
                str(uid),
                str(node["style"]),
                _text(node, "singular") or "",
                _text(node, "plural") or "",
                _text(node, "symbol") or "",
            )
    return units


def load_sources(paths: Paths, problems: list[Problem], broken: set[str]) -> dict[str, Source]:
    """Valid sources by id; ids declared but unusable go into ``broken`` (already reported)."""
    rel = paths.rel(paths.sources_file)
    if not paths.sources_file.is_file():
        problems.append(
            Problem(rel, 1, "sources.yaml missing; describe each archived source there")
        )
        return {}
    data = yamlio.load(
        paths.sources_file, rel, problems, "describe each archived source (see README)"
    )
    check = Checker(rel, problems)
    sources: dict[str, Source] = {}
    if not isinstance(data, dict):
        if data is not None:
            check.add(1, "sources.yaml must map source ids to their descriptions")
        return sources
    for sid, node in data.items():
        what = f"source '{sid}'"
        line = yamlio.line_of(data, sid)
        if not SOURCE_ID.fullmatch(str(sid)):
            check.add(line, f"{what}: id must be lowercase letters, digits and dashes")
            continue
        if not check.fields(node, SOURCE_FIELDS, what, line):
            broken.add(str(sid))
            continue
        url = _text(node, "url")
        if url and not url.startswith(("https://", "http://")):
            check.add(
                yamlio.line_of(node, "url"), f"{what}: 'url' must start with https:// or http://"
            )
        published = _text(node, "published") or ""
        if not DATE.fullmatch(published):
            check.add(
                yamlio.line_of(node, "published"),
                f"{what}: 'published' must be YYYY-MM-DD or YYYY-MM",
            )
        text = _archived_text(paths, node, what, check)
        if text is None:
            broken.add(str(sid))
            continue
        sources[str(sid)] = Source(
            id=str(sid),
            file=str(node["file"]),
            archive=paths.rel(paths.seeds_dir / str(node["file"])),
            sha256=str(node["sha256"]),
            title=str(node["title"]),
            publisher=str(node["publisher"]),
            published=published,
            language=str(node["language"]),
            author=_text(node, "author"),
            url=_text(node, "url"),
            date_note=_text(node, "date_note"),
            text=SourceText(text),
        )
    return sources


def _archived_text(paths: Paths, node: Any, what: str, check: Checker) -> str | None:
    path = paths.seeds_dir / str(node["file"])
    shown = paths.rel(path)
    if not path.is_file() or path.parent.resolve() != paths.seeds_dir.resolve():
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: file {shown} not found; archive the document in {paths.seeds}/ first",
        )
        return None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != node["sha256"]:
        check.add(
            yamlio.line_of(node, "sha256"),
            f"{what}: {shown} has sha256 {digest}, not the recorded one; the archive changed: "
            "restore the original file, or record the new hash if the change is intended",
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        check.add(yamlio.line_of(node, "file"), f"{what}: {shown} is not UTF-8; convert it")
        return None


def load_facts(
    paths: Paths,
    sources: dict[str, Source],
    units: dict[str, Unit],
    problems: list[Problem],
    broken: set[str],
) -> dict[str, Fact]:
    facts: dict[str, Fact] = {}
    for path in paths.fact_files():
        rel = paths.rel(path)
        data = yamlio.load(
            path, rel, problems, "add facts, each starting with '- id:', or delete the file"
        )
        check = Checker(rel, problems)
        if data is None:
            continue
        if not isinstance(data, list):
            check.add(1, "a facts file must be a list of facts, each starting with '- id:'")
            continue
        for index, node in enumerate(data):
            line = yamlio.line_of(data, index)
            fact = _fact(node, line, check, sources, units, facts, broken)
            if fact is not None:
                facts[fact.id] = fact
    _check_derived(facts, problems)
    return facts


def _fact(
    node: Any,
    line: int,
    check: Checker,
    sources: dict[str, Source],
    units: dict[str, Unit],
    seen: dict[str, Fact],
    broken: set[str],
) -> Fact | None:
    fid = node.get("id") if isinstance(node, dict) else None
    what = f"fact '{fid}'" if isinstance(fid, str) else "fact"
    if not check.fields(node, FACT_FIELDS, what, line):
        return None
    fid = str(fid)
    ok = True
    if not FACT_ID.fullmatch(fid):
        check.add(line, f"{what}: id must be lowercase dotted words, such as exports.vehicles.2023")
        ok = False
    if fid in seen:
        first = seen[fid]
        check.add(
            line,
            f"duplicate fact id '{fid}' (first at {first.path}:{first.line}); give each fact its own id",
        )
        ok = False
    unit = units.get(str(node["unit"]))
    if unit is None:
        close = difflib.get_close_matches(str(node["unit"]), list(units), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        check.add(
            yamlio.line_of(node, "unit"),
            f"{what}: unknown unit '{node['unit']}'; {hint}add it to facts/units.yaml or use a listed one",
        )
        ok = False
    if not periods.is_period(str(node["period"])):
        check.add(
            yamlio.line_of(node, "period"),
            f"{what}: malformed period '{node['period']}'; use {periods.FORMS}",
        )
        ok = False
    derived = tuple(node.get("derived_from") or ())
    verified, span = _provenance(node, what, check, sources, unit, derived, broken)
    if not ok or unit is None or not verified:
        return None
    return Fact(
        id=fid,
        subject=str(node["subject"]),
        value=list(node["value"]) if isinstance(node["value"], list) else node["value"],
        unit=unit,
        period=str(node["period"]),
        kind=str(node["kind"]),
        geo=str(node["geo"]),
        source=_text(node, "source"),
        quote=_text(node, "quote"),
        path=check.rel,
        line=line,
        qualifier=_text(node, "qualifier"),
        note=_text(node, "note"),
        tags=tuple(node.get("tags") or ()),
        derived_from=derived,
        span=span,
    )


def _provenance(
    node: Any,
    what: str,
    check: Checker,
    sources: dict[str, Source],
    unit: Unit | None,
    derived: tuple[str, ...],
    broken: set[str],
) -> tuple[bool, tuple[int, int] | None]:
    """Whether provenance holds, and where the quote sits in its source (problems reported)."""
    line = yamlio.line_of(node)
    if derived:
        if node.get("source") or node.get("quote"):
            check.add(
                line, f"{what}: a derived fact has no quote of its own; remove 'source' and 'quote'"
            )
            return False, None
        if node.get("id") in derived:
            check.add(line, f"{what}: derived_from names the fact itself")
            return False, None
        if not node.get("note"):
            check.add(line, f"{what}: a derived fact needs a 'note' saying how it is computed")
            return False, None
        return True, None
    for key in ("source", "quote"):
        if not node.get(key):
            check.add(
                line,
                f"{what}: missing required key '{key}' (every fact needs its source and quote)",
            )
            return False, None
    if str(node["source"]) in broken:
        return False, None  # the source's own problem is reported; do not repeat it per fact
    source = sources.get(str(node["source"]))
    if source is None:
        known = ", ".join(sorted(sources)) or "none yet"
        check.add(
            yamlio.line_of(node, "source"),
            f"{what}: unknown source '{node['source']}'; add it to facts/sources.yaml (known: {known})",
        )
        return False, None
    quote = str(node["quote"])
    span = source.text.find(quote)
    if span is None:
        got = source.text.longest_prefix(quote)
        check.add(
            yamlio.line_of(node, "quote"),
            f"{what}: quote not found in {source.archive}; copy it verbatim from the source "
            f'(it matches only up to: "{got}")',
        )
        return False, None
    if unit is not None:
        found = source.text.numbers_in(*span)
        if not numbers.matches(node["value"], found, unit.style, unit.symbol):
            stated = ", ".join(f"{q.text.strip()} = {_plain(q)}" for q in found) or "no number"
            check.add(
                yamlio.line_of(node, "value"),
                f"{what}: value {_shown(node['value'])} is not a number the quote states "
                f"(it states: {stated}); correct the value or the quote",
            )
            return False, None
    return True, span


def _plain(q: numbers.Quantity) -> str:
    text = numbers.digits(q.value)
    if q.high is not None:
        text = f"[{text}, {numbers.digits(q.high)}]"
    return text + ("%" if q.kind == "percent" else "")


def _shown(value: Any) -> str:
    return f"[{value[0]}, {value[1]}]" if isinstance(value, list) else str(value)


def _check_derived(facts: dict[str, Fact], problems: list[Problem]) -> None:
    for fact in facts.values():
        for ref in fact.derived_from:
            if ref not in facts:
                problems.append(
                    Problem(
                        fact.path,
                        fact.line,
                        f"fact '{fact.id}': derived_from names unknown fact '{ref}'",
                    )
                )


def load_factbook(paths: Paths) -> FactBook:
    """Everything under facts/ and seeds/, validated; raises BriefingError listing all problems."""
    problems: list[Problem] = []
    units = load_units(paths, problems)
    broken: set[str] = set()
    sources = load_sources(paths, problems, broken)
    facts = load_facts(paths, sources, units, problems, broken)
    charts = load_charts(paths, facts, problems)
    if problems:
        raise BriefingError(problems)
    return FactBook(
        facts=MappingProxyType(facts),
        sources=MappingProxyType(sources),
        units=MappingProxyType(units),
        charts=MappingProxyType(charts),
    )
