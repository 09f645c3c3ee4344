"""Loading and validating units and facts into a FactBook, reporting every problem.

Validation runs in layers (shape, then types, then references, then provenance, which
``facts/provenance.py`` checks) and never stops at the first problem: an editor sees
everything wrong in one run. A problem is reported once, where it is: a broken unit, source
or fact is not reported again on every fact that refers to it.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from types import MappingProxyType
from typing import Any

from briefing.charts.declarations import load_charts
from briefing.facts import numbers, provenance, wording, yamlio
from briefing.facts.cells import check_fact_cell
from briefing.facts.checker import Checker
from briefing.facts.claims import is_claim, load_claim
from briefing.facts.derived import check_derived
from briefing.facts.disagreements import load_disagreements
from briefing.facts.model import Claim, Fact, FactBook
from briefing.facts.records import Refs, cited_fields, declare, period_checked, well_formed_id
from briefing.facts.schema import FACT_FIELDS, UNIT_FIELDS
from briefing.facts.series import is_series, load_series
from briefing.facts.sources import load_sources, text_of
from briefing.facts.units import Unit
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem

CURRENCIES = sorted(set(numbers.CURRENCIES.values()))


def load_units(paths: Paths, problems: list[Problem], broken: set[str]) -> dict[str, Unit] | None:
    """Valid units by id, or None when units.yaml is unreadable (already reported)."""
    rel = paths.rel(paths.units_file)
    if not paths.units_file.is_file():
        problems.append(Problem(rel, 1, "unit registry missing; create it (see README)"))
        return None
    data = yamlio.load(
        paths.units_file, rel, problems, "declare units as in README", paths.yaml_cache
    )
    if not isinstance(data, dict):
        if data is not None:
            problems.append(Problem(rel, 1, "the unit registry must map unit ids to {style: …}"))
        return None
    check = Checker(rel, problems)
    units: dict[str, Unit] = {}
    for uid, node in data.items():
        what, line = f"unit '{uid}'", yamlio.line_of(data, uid)
        if not check.fields(node, UNIT_FIELDS, what, line):
            broken.add(str(uid))
            continue
        symbol = text_of(node, "symbol") or ""
        if node["style"] == "currency" and symbol not in CURRENCIES:
            check.add(
                line,
                f"{what}: a currency unit needs 'symbol', one of: {', '.join(CURRENCIES)} "
                "(the currencies quotes are read in)",
            )
            broken.add(str(uid))
            continue
        unit = Unit(
            str(uid),
            str(node["style"]),
            text_of(node, "singular") or "",
            text_of(node, "plural") or "",
            symbol,
            tuple(node.get("aliases") or ()),
        )
        _check_nouns(unit, units.values(), check, line)
        units[unit.id] = unit
    return units


def _check_nouns(unit: Unit, before: Iterable[Unit], check: Checker, line: int) -> None:
    """A noun names one unit: `briefing add` reads a number's unit from the noun after it."""
    for other in before:
        for noun in unit.nouns:
            if noun.casefold() in (n.casefold() for n in other.nouns):
                check.add(
                    line,
                    f"unit '{unit.id}': the noun '{noun}' also names unit '{other.id}'; "
                    "a noun names one unit (briefing add reads the unit from it): keep it in one",
                )


def load_facts(
    paths: Paths, refs: Refs, problems: list[Problem]
) -> tuple[dict[str, Fact], dict[str, Claim]]:
    """The valid facts and claims of every fact file (a claim is a record with ``claim``)."""
    facts: dict[str, Fact] = {}
    claims: dict[str, Claim] = {}
    for path in sorted(paths.facts_dir.glob("*.yml")):
        refs.unread = True
        problems.append(
            Problem(paths.rel(path), 1, f"fact files end in .yaml; rename it to {path.stem}.yaml")
        )
    for path in paths.fact_files():
        rel = paths.rel(path)
        data = yamlio.load(
            path,
            rel,
            problems,
            "add facts, each starting with '- id:', or delete the file",
            paths.yaml_cache,
        )
        check = Checker(rel, problems)
        if data is None or not isinstance(data, list):
            refs.unread = True
            if data is not None:
                check.add(1, "a facts file must be a list of facts, each starting with '- id:'")
            continue
        for index, node in enumerate(data):
            line = yamlio.line_of(data, index)
            if is_series(node):
                facts.update((f.id, f) for f in load_series(node, line, check, refs))
                continue
            if is_claim(node):
                claim = load_claim(node, line, check, refs)
                if claim is not None:
                    claims[claim.id] = claim
                continue
            fact = _fact(node, line, check, refs)
            if fact is not None:
                facts[fact.id] = fact
    for fact in facts.values():
        for ref in (r for r in fact.derived_from if r in claims):
            problems.append(
                Problem(
                    fact.path,
                    fact.line,
                    f"fact '{fact.id}': derived_from names claim '{ref}', which has no number; "
                    "derive from facts",
                )
            )
    check_derived(facts, refs.declared, problems)
    return facts, claims


def _fact(node: Any, line: int, check: Checker, refs: Refs) -> Fact | None:
    fid = node.get("id") if isinstance(node, dict) else None
    what = f"fact '{fid}'" if isinstance(fid, str) else "fact"
    ok = declare(node, line, check, refs, "fact")
    if not check.fields(node, FACT_FIELDS, what, line):
        return None
    fid = str(fid)
    ok = well_formed_id(fid, what, line, check, refs) and ok
    unit = _unit(node, what, check, refs)
    ok = period_checked(node, str(node["period"]), what, check) and ok
    derived = tuple(node.get("derived_from") or ())
    cell = None
    if "cell" in node and not derived:
        cell = check_fact_cell(node, what, check, refs, None if unit is None else unit.id)
        verified, span = cell is not None, None
    else:
        verified, span = provenance.verified(node, what, check, refs, unit, derived)
    if not ok or unit is None or not verified:
        return None
    source = (refs.sources or {}).get(text_of(node, "source") or "")
    column = source.table.column(cell[1]) if source and source.table and cell else None
    if source is not None and span is not None:
        provenance.check_meaning(node, what, check, refs, source, unit, span)
    return Fact(
        id=fid,
        subject=str(node["subject"]),
        value=list(node["value"]) if isinstance(node["value"], list) else node["value"],
        unit=unit,
        period=str(node["period"]),
        kind=str(node["kind"]),
        geo=str(node["geo"]),
        source=text_of(node, "source"),
        quote=text_of(node, "quote"),
        qualifier=text_of(node, "qualifier"),
        note=text_of(node, "note"),
        derived_from=derived,
        operation=text_of(node, "operation"),
        data_from=text_of(node, "data_from") or (column.data_from if column else None),
        **cited_fields(
            node,
            check,
            line,
            (span, cell),
            source.publication(cell and cell[0]).published if source else None,
        ),
    )


def _unit(node: Any, what: str, check: Checker, refs: Refs) -> Unit | None:
    name = str(node["unit"])
    if refs.units is None or name in refs.broken_units:
        return None  # the registry's own problem is reported
    unit = refs.units.get(name)
    if unit is None:
        close = difflib.get_close_matches(name, list(refs.units), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        check.add(
            yamlio.line_of(node, "unit"),
            f"{what}: unknown unit '{name}'; {hint}add it to facts/units.yaml or use a listed one",
        )
    return unit


def load(paths: Paths) -> tuple[FactBook, list[Problem]]:
    """Everything valid under facts/ and seeds/, and every problem, root causes first: units,
    then sources, then facts, then charts, then disagreements, each in file and line order. What rests on
    something broken is left out without a message of its own, and the book names what is
    broken, so that pages citing it stay silent too."""
    refs = Refs(units=None, sources=None)
    stages: tuple[list[Problem], ...] = ([], [], [], [], [])
    refs.units = load_units(paths, stages[0], refs.broken_units)
    refs.sources = load_sources(paths, stages[1], refs.broken_sources, refs.units)
    refs.wording = wording.load(paths, stages[2])
    facts, claims = load_facts(paths, refs, stages[2])
    broken = None if refs.unread else frozenset(refs.declared.keys() - facts.keys() - claims.keys())
    units = list((refs.units or {}).values())
    charts, broken_charts = load_charts(paths, facts, units, stages[3], broken)
    records = facts.keys() | claims.keys()
    disagreements = load_disagreements(paths, records, units, stages[4], broken)
    book = FactBook(
        facts=MappingProxyType(facts),
        sources=MappingProxyType(refs.sources or {}),
        units=MappingProxyType(refs.units or {}),
        charts=MappingProxyType(charts),
        broken_facts=broken,
        broken_charts=broken_charts,
        disagreements=MappingProxyType(disagreements),
        claims=MappingProxyType(claims),
        broken_sources=frozenset(refs.broken_sources),
    )
    return book, [problem for stage in stages for problem in sorted(set(stage))]


def load_factbook(paths: Paths) -> FactBook:
    """Everything under facts/ and seeds/, validated; raises BriefingError listing all problems."""
    book, problems = load(paths)
    if problems:
        raise BriefingError(problems)
    return book
