"""Where sources differ, as the editors record it in facts/disagreements.yaml (optional).

Rival facts (same measure, different values) are found by the FactBook itself; what no key
can find (shares of different wholes, a source contradicting itself, a figure that is not
comparable as it seems) the editors record here, with the facts or claims involved and their
explanation. Each case is checked like a chart: its ids exist, its kind is known, its
explanation says something, and its words state no number of their own.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Collection, Set
from typing import Any

from briefing.facts import yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Disagreement
from briefing.facts.schema import DISAGREEMENT_FIELDS
from briefing.facts.typednumbers import typed_numbers
from briefing.facts.units import Unit
from briefing.paths import Paths
from briefing.problems import Problem

# A case's id is its anchor on the "Where sources differ" page: plain words.
CASE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
# Every kind compares two or more records but a caveat, which may be about one alone. A
# source contradicting itself is two records too: the two statements that do not agree.
SINGLE = frozenset({"caveat"})


def load_disagreements(
    paths: Paths,
    records: Collection[str],
    units: Collection[Unit],
    problems: list[Problem],
    broken: Set[str] | None = frozenset(),
) -> dict[str, Disagreement]:
    """Valid cases by id, in the file's order. ``records`` are the ids of valid facts and
    claims; ``broken`` those declared but refused (None: any id may be one), whose own
    problems are reported, so a case naming one is left out without a word of its own."""
    path = paths.disagreements_file
    if not path.is_file():
        return {}
    rel = paths.rel(path)
    data = yamlio.load(
        path, rel, problems, "record cases as in README, or delete the file", paths.yaml_cache
    )
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(
            Problem(
                rel,
                1,
                "disagreements.yaml must map case ids to their records "
                "(facts, kind, title, explanation)",
            )
        )
        return {}
    check = Checker(rel, problems)
    cases = {}
    for cid, node in data.items():
        case = _case(str(cid), node, yamlio.line_of(data, cid), check, records, units, broken)
        if case is not None:
            cases[case.id] = case
    return cases


def _case(
    cid: str,
    node: Any,
    line: int,
    check: Checker,
    records: Collection[str],
    units: Collection[Unit],
    broken: Set[str] | None,
) -> Disagreement | None:
    what = f"disagreement '{cid}'"
    before = len(check.problems)
    if not CASE_ID.fullmatch(cid):
        check.add(
            line,
            f"{what}: id must be lowercase letters, digits, '-' and '_', such as "
            "localisation-bases (it is the case's anchor on the page)",
        )
    if not check.fields(node, DISAGREEMENT_FIELDS, what, line):
        return None
    ids = [str(rid) for rid in node["facts"]]
    leans = False
    for index, rid in enumerate(ids):
        at = yamlio.line_of(node["facts"], index)
        if rid in ids[:index]:
            check.add(at, f"{what}: '{rid}' is listed twice; list each fact or claim once")
        elif broken is None or rid in broken:
            leans = True  # its own problem is reported
        elif rid not in records:
            close = difflib.get_close_matches(rid, list(records), n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            check.add(
                at, f"{what}: unknown fact or claim '{rid}'; {hint}use an id from facts/*.yaml"
            )
    kind = str(node["kind"])
    least = 1 if kind in SINGLE else 2
    if len(set(ids)) < least:
        check.add(
            yamlio.line_of(node, "facts"),
            f"{what}: a {kind} case needs at least two facts or claims; list each one it "
            "involves (a case about one alone is kind 'caveat')"
            if least == 2
            else f"{what}: a caveat needs the fact or claim it is about; list it in 'facts'",
        )
    advice = f"{what} states numbers only through its facts; describe in words"
    for key in ("title", "explanation"):
        check.problems.extend(
            typed_numbers(str(node[key]), check.rel, units, advice, yamlio.line_of(node, key))
        )
    if len(check.problems) > before or leans:
        return None
    return Disagreement(
        id=cid,
        kind=kind,
        title=str(node["title"]).strip(),
        explanation=str(node["explanation"]).strip(),
        ids=tuple(ids),
        path=check.rel,
        line=line,
    )
