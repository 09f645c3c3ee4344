"""Problems found in editors' input, reported all at once as ``path:line: message``; and
``visible``, which shows the control characters of editors' and sources' text wherever it is
shown (a message, a page, a chart, a PDF)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Control characters but tab and newline (C0, DEL, C1), the bidirectional controls, the line
# and paragraph separators and the tag characters: an archived source may hold them, and must
# be shown as it is, but raw they would be invisible or worse: NUL and C1 are parse errors in
# HTML, ESC starts terminal sequences when the text is copied, a bidi override reorders what a
# reader sees (a quote could seem to say what it does not), U+2028 ends a line in JavaScript
# and in PDF viewers' titles, and tag characters spell hidden text (read by language models).
# Each is shown as its code point instead, e.g. ⟨U+202E⟩.
CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\U000e0000-\U000e007f]"
)


def visible(text: str) -> str:
    """``text`` with every control character written as its code point (see CONTROLS)."""
    return CONTROLS.sub(lambda m: f"\u27e8U+{ord(m[0]):04X}\u27e9", text)


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
