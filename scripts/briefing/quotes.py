"""Finding a quote in its source: verbatim, normalising only whitespace and typographic marks.

Editors copy quotes from web pages, which turn ' into ’ and - into –; these, and runs of
whitespace, are the only differences forgiven. Everything else must match character for
character, so a quote on the site is what the archived source says.
"""

from __future__ import annotations

import bisect
import re

from briefing.numbers import Quantity, parse_numbers

_TRANSLATE = str.maketrans(
    {"’": "'", "‘": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‑": "-",
     "−": "-", "\u00a0": " "}
)  # fmt: skip
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the offset in the original.

    Works run by run (text between whitespace, then one space), not character by character:
    a source of a hundred thousand characters is normalised in milliseconds.
    """
    parts: list[str] = []
    index: list[int] = []
    translated = text.translate(_TRANSLATE)
    pos = 0
    for match in _SPACE.finditer(translated):
        parts.append(translated[pos : match.start()])
        index.extend(range(pos, match.start()))
        parts.append(" ")
        index.append(match.start())
        pos = match.end()
    parts.append(translated[pos:])
    index.extend(range(pos, len(translated)))
    return "".join(parts), index


def _plain(text: str) -> str:
    """What ``normalise`` makes of a text, without the offsets (which a quote does not need)."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE))


class SourceText:
    """A source's archived text, normalised once so many quotes can be found in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normal, self._index = normalise(text)
        self._numbers: list[Quantity] | None = None
        self._starts: list[int] = []

    def numbers_in(self, start: int, end: int) -> list[Quantity]:
        """The numbers of the source lying wholly inside ``[start, end)``.

        Read from the source, not from the quote, so a quote cut inside a number ("4.9" of
        "4.91 million") or a range states nothing.
        """
        if self._numbers is None:
            self._numbers = parse_numbers(self.text)  # in order of start
            self._starts = [q.start for q in self._numbers]
        first = bisect.bisect_left(self._starts, start)
        last = bisect.bisect_left(self._starts, end, lo=first)
        return [q for q in self._numbers[first:last] if q.end <= end]

    def find(self, quote: str) -> tuple[int, int] | None:
        """Offsets ``(start, end)`` of the quote in the original text, or None."""
        needle = _plain(quote.strip())
        at = self.normal.find(needle) if needle else -1
        if at < 0:
            return None
        last = at + len(needle) - 1
        return self._index[at], self._index[last] + 1

    def longest_prefix(self, quote: str) -> str:
        """The longest start of the quote found in the source: where an editor's copy went wrong."""
        needle = _plain(quote.strip())
        low, high = 0, len(needle)
        while low < high:
            mid = (low + high + 1) // 2
            if needle[:mid] in self.normal:
                low = mid
            else:
                high = mid - 1
        return needle[:low]
