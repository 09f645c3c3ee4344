"""The provenance verifier, the central promise: every fact's quote is in its archived source
and states the fact's value, and the fact means what the quote says; a derived fact says what
it is computed from and how.
"""

from __future__ import annotations

from typing import Any

from briefing.facts import numbers, yamlio
from briefing.facts.checker import Checker
from briefing.facts.derived import OPERATIONS
from briefing.facts.meaning import check_record
from briefing.facts.model import Source
from briefing.facts.records import Refs, located
from briefing.facts.units import Unit


def verified(
    node: Any,
    what: str,
    check: Checker,
    refs: Refs,
    unit: Unit | None,
    derived: tuple[str, ...],
) -> tuple[bool, tuple[int, int] | None]:
    """Whether a fact's provenance holds, and where its quote sits in its source (problems
    reported): a derived fact names what it is computed from and how; any other fact's quote is
    found verbatim in its archived source and states the fact's value."""
    line = yamlio.line_of(node)
    if derived:
        if any(node.get(k) for k in ("source", "quote", "context", "cell")):
            check.add(
                line,
                f"{what}: a derived fact has no quote of its own; remove 'source', 'quote', "
                "'context' and 'cell'",
            )
            return False, None
        wrong = [
            f"{what}: derived_from names the fact itself" if node.get("id") in derived else "",
            ""
            if node.get("operation")
            else f"{what}: a derived fact needs 'operation', how it "
            f"is computed from derived_from: one of {', '.join(OPERATIONS)}",
            ""
            if node.get("note")
            else f"{what}: a derived fact needs a 'note' saying how it is computed",
        ]
        for message in filter(None, wrong):
            check.add(line, message)
        if any(wrong):
            return False, None
        return True, None
    if node.get("operation"):
        check.add(
            yamlio.line_of(node, "operation"),
            f"{what}: 'operation' is for a derived fact; remove it, or give 'derived_from'",
        )
        return False, None
    if "source" not in node and "quote" not in node:
        check.add(
            line,
            f"{what}: neither a quote nor derived_from; give the 'source' and the 'quote' "
            "the number comes from, or, for a computed fact, 'derived_from', 'operation' "
            "and a 'note'",
        )
        return False, None
    for key in ("source", "quote"):
        if key not in node:
            check.add(
                line,
                f"{what}: missing required key '{key}' (every fact needs its source and quote)",
            )
            return False, None
        if not str(node[key] or "").strip():
            check.add(
                yamlio.line_of(node, key),
                f"{what}: '{key}' is empty; write the {key} (every fact needs its source and quote)",
            )
            return False, None
    found_at = located(node, what, check, refs)
    if found_at is None:
        return False, None
    source, span = found_at
    if unit is not None:
        found = source.text.numbers_in(*span)
        if not numbers.matches(node["value"], found, unit.style, unit.symbol):
            stated = ", ".join(f"{q.text.strip()} = {_stated(q)}" for q in found) or "no number"
            check.add(
                yamlio.line_of(node, "value"),
                f"{what}: value {_given(node['value'])} is not a number the quote states "
                f"(it states: {stated}); correct the value or the quote",
            )
            return False, None
    return True, span


def _stated(q: numbers.Quantity) -> str:
    """A number the quote states, as a message shows it beside the fact's value."""
    text = numbers.digits(q.value)
    if q.kind == "year":
        return f"the year {text}" + (f" to {numbers.digits(q.high)}" if q.high else "")
    if q.high is not None:
        text = f"[{text}, {numbers.digits(q.high)}]"
    return text + ("%" if q.kind == "percent" else "")


def _given(value: Any) -> str:
    """The fact's value as the editor gave it: a number or [low, high]."""
    return f"[{value[0]}, {value[1]}]" if isinstance(value, list) else str(value)


def check_meaning(
    node: Any,
    what: str,
    check: Checker,
    refs: Refs,
    source: Source,
    unit: Unit,
    span: tuple[int, int],
) -> None:
    """Whether the fact means what its quote says: period, qualifier, kind and attribution,
    read against the number of the quote that states the value (problems reported)."""
    stating = numbers.matching(
        node["value"], source.text.numbers_in(*span), unit.style, unit.symbol
    )
    words = refs.wording.of(source.language)
    check_record(check, node, what, source, span, words, next(iter(stating), None))
