"""Problems found in editors' input, reported all at once as ``path:line: message``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from briefing.render.text import visible


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an editor must fix, located by file (relative to the project) and line."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        """The line printed; editors' text quoted in it shows its control characters, so an
        ESC in a fact id cannot drive the editor's terminal."""
        return visible(f"{self.path}:{self.line}: {self.message}")


class BriefingError(Exception):
    """Raised with every problem found, so one run shows them all, in the order given (root
    causes first), each once."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(dict.fromkeys(problems))
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)
