"""Claims: statements a source makes that are not numbers, written in the fact files beside
facts (a record with ``claim`` instead of ``value``) and checked as facts are, but for the
number: the quote is found verbatim in its source, the period (if any) is well formed."""

from __future__ import annotations

from typing import Any

from briefing.facts import periods
from briefing.facts.cells import check_claim_cell
from briefing.facts.checker import Checker
from briefing.facts.meaning import check_record
from briefing.facts.model import Claim
from briefing.facts.records import (
    Refs,
    cited_fields,
    declare,
    located,
    period_checked,
    well_formed_id,
)
from briefing.facts.schema import CLAIM_FIELDS
from briefing.facts.sources import text_of


def is_claim(node: Any) -> bool:
    """Whether a record of a fact file is a claim (it has ``claim``)."""
    return isinstance(node, dict) and "claim" in node


def load_claim(node: dict[str, Any], line: int, check: Checker, refs: Refs) -> Claim | None:
    """The claim a record describes, or None with its problems reported."""
    cid = node.get("id")
    what = f"claim '{cid}'" if isinstance(cid, str) else "claim"
    ok = declare(node, line, check, refs, "claim")
    if "value" in node:
        check.add(
            line,
            f"{what} has both 'claim' and 'value'; keep 'claim' for a statement, or 'value' "
            "(with 'unit') for a number, and make the other a record of its own",
        )
        return None
    if not check.fields(node, CLAIM_FIELDS, what, line):
        return None
    ok = well_formed_id(str(cid), what, line, check, refs) and ok
    period = text_of(node, "period") or periods.UNDATED
    ok = period_checked(node, period, what, check) and ok
    if "cell" in node:
        cited = check_claim_cell(node, what, check, refs)
        if not ok or cited is None:
            return None
        source, row, column = cited
        span, cell = None, (row, column)
        assert source.table is not None
        quote = source.table.rows[row].cells[column]
    else:
        if "quote" not in node:
            check.add(line, f"{what}: missing required key 'quote' (or 'cell', for a table)")
            return None
        found_at = located(node, what, check, refs)
        if not ok or found_at is None:
            return None
        source, found = found_at
        span, cell, quote = found, None, str(node["quote"])
        check_record(check, node, what, source, found, refs.wording.of(source.language))
    return Claim(
        id=str(cid),
        claim=str(node["claim"]),
        source=str(node["source"]),
        quote=quote,
        kind=str(node["kind"]),
        subject=text_of(node, "subject"),
        period=period,
        geo=text_of(node, "geo"),
        note=text_of(node, "note"),
        data_from=text_of(node, "data_from"),
        **cited_fields(
            node, check, line, (span, cell), source.publication(cell and cell[0]).published
        ),
    )
