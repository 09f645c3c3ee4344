"""Checking one YAML mapping against a field table, with located, instructive messages."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from briefing.facts import yamlio
from briefing.facts.schema import Field, type_error
from briefing.problems import Problem


class Checker:
    """Collects problems for one file, with the messages prefixed by what they are about."""

    def __init__(self, rel: str, problems: list[Problem]) -> None:
        self.rel = rel
        self.problems = problems

    def add(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.rel, line, message))

    def fields(self, node: Any, table: Iterable[Field], what: str, line: int | None = None) -> bool:
        """Check keys and types of one mapping; True when it is fit to build from.

        ``line`` locates the entry when it is a plain value, which carries no position.
        """
        table = tuple(table)
        names = [f.name for f in table]
        if not isinstance(node, dict):
            self.add(
                line or yamlio.line_of(node),
                f"{what} must be a mapping of keys ({', '.join(names)})",
            )
            return False
        ok = True
        for key in node:
            if key not in names:
                close = difflib.get_close_matches(str(key), names, n=1)
                hint = f"did you mean '{close[0]}'? " if close else ""
                allowed = ", ".join(names)
                self.add(
                    yamlio.line_of(node, key),
                    f"{what}: unknown key '{key}'; {hint}allowed keys: {allowed}",
                )
                ok = False
        for field in table:
            if field.name not in node:
                if field.required:
                    self.add(yamlio.line_of(node), f"{what}: missing required key '{field.name}'")
                    ok = False
                continue
            error = type_error(field, node[field.name])
            if error:
                self.add(yamlio.line_of(node, field.name), f"{what}: {error}")
                ok = False
        return ok
