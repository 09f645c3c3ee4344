"""Derived facts: computed from others by a declared operation, and recomputed here.

A derived fact has no quote to check its value against, so the check is arithmetic: its
value must be what its ``operation`` makes of the values of the facts in ``derived_from``,
within the precision the value is written in (a share of 4.5 percent allows 4.45-4.55).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

from briefing.facts.model import Fact
from briefing.facts.numbers import digits, to_decimal
from briefing.problems import Problem

# operation -> (how many facts it takes: 0 for two or more, the style its result is in or
# None for the facts' own unit, what it computes)
OPERATIONS = {
    "sum": (0, None, "the facts added up"),
    "difference": (2, None, "the first minus the second"),
    "ratio": (2, "multiplier", "the first divided by the second"),
    "share": (2, "percent", "the first as a percent of the second"),
    "growth": (2, "percent", "the percent change from the first to the second"),
}


def check_derived(
    facts: dict[str, Fact], declared: dict[str, str], problems: list[Problem]
) -> None:
    """A derived fact rests on declared facts, and in the end on quotes: never on itself."""
    for fact in facts.values():
        for ref in fact.derived_from:
            if ref not in declared:
                problems.append(
                    Problem(
                        fact.path,
                        fact.line,
                        f"fact '{fact.id}': derived_from names unknown fact '{ref}'",
                    )
                )
    circling: set[str] = set()
    for cycle in _cycles(facts):
        circling.update(cycle)
        first = facts[cycle[0]]
        problems.append(
            Problem(
                first.path,
                first.line,
                f"fact '{first.id}': derived_from goes round in a circle ({' -> '.join(cycle)}); "
                "derive from facts that have a quote",
            )
        )
    for fact in facts.values():
        if fact.derived_from and fact.id not in circling:
            inputs = [facts[ref] for ref in fact.derived_from if ref in facts]
            if len(inputs) == len(fact.derived_from):  # else a cause is reported already
                error = _recompute(fact, inputs)
                if error:
                    problems.append(Problem(fact.path, fact.line, f"fact '{fact.id}': {error}"))


def _cycles(facts: dict[str, Fact]) -> list[list[str]]:
    """Every circle of derived_from, each found once (iterative depth-first search)."""
    state: dict[str, str] = {}  # fact id -> "open" while on the path, "done" after
    cycles: list[list[str]] = []
    for root in facts:
        if root in state:
            continue
        path, stack = [root], [iter(facts[root].derived_from)]
        state[root] = "open"
        while stack:
            ref = next(stack[-1], None)
            if ref is None:
                state[path.pop()] = "done"
                stack.pop()
            elif ref in facts and state.get(ref) == "open":
                cycles.append([*path[path.index(ref) :], ref])
            elif ref in facts and ref not in state:
                state[ref] = "open"
                path.append(ref)
                stack.append(iter(facts[ref].derived_from))
    return cycles


def _recompute(fact: Fact, inputs: list[Fact]) -> str | None:
    """Why the fact's value is not what its operation computes, or None when it is."""
    op = str(fact.operation)
    count, style, does = OPERATIONS[op]
    if (count and len(inputs) != count) or len(inputs) < 2:
        return (
            f"operation '{op}' takes {'two' if count else 'two or more'} facts, and "
            f"derived_from names {len(inputs)}; name {'two' if count else 'more'}"
        )
    for item in (fact, *inputs):
        if isinstance(item.value, list):
            return f"operation '{op}' works on single numbers, and '{item.id}' is a range"
    units = {item.unit.id for item in inputs} | ({fact.unit.id} if style is None else set())
    if len(units) > 1:
        named = ", ".join(f"'{i.id}' in {i.unit.id}" for i in (fact, *inputs)[style is not None :])
        return f"operation '{op}' needs facts in one unit ({named}); derive from like facts"
    if style is not None and fact.unit.style != style:
        return f"operation '{op}' gives a {style}; use a unit of style {style}"
    first, second, *_ = values = [to_decimal(i.value) for i in inputs]
    if op in {"ratio", "share", "growth"} and not (first if op == "growth" else second):
        return f"operation '{op}' divides by '{inputs[0 if op == 'growth' else 1].id}', which is 0"
    with localcontext() as ctx:
        ctx.prec = 40
        computed = {
            "sum": lambda: sum(values, Decimal()),
            "difference": lambda: first - second,
            "ratio": lambda: first / second,
            "share": lambda: 100 * first / second,
            "growth": lambda: 100 * (second - first) / first,
        }[op]()
        stated = to_decimal(fact.value).normalize()
        step = Decimal(1).scaleb(int(stated.as_tuple().exponent))
        if computed.quantize(step, ROUND_HALF_UP) == stated:
            return None
        shown = digits(computed.quantize(step.scaleb(-2), ROUND_HALF_UP))
    return (
        f"value {digits(fact.value)} is not {does} ({', '.join(fact.derived_from)}): that is "
        f"{shown}; correct the value, derived_from or operation"
    )
