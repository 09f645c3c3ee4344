"""Finding a quote in its source: verbatim, normalising only whitespace and typographic marks.

Editors copy quotes from web pages, which turn ' into ’ and - into –; these, and runs of
whitespace, are the only differences forgiven. Everything else must match character for
character, so a quote on the site is what the archived source says.
"""

from __future__ import annotations

import bisect
import re

from briefing.facts.characters import describe, first_invisible
from briefing.facts.numbers import Quantity, parse_numbers

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


def _normal_text(text: str) -> str:
    """What ``normalise`` makes of a text, without the offsets (which a quote does not need)."""
    return _SPACE.sub(" ", text.translate(_TRANSLATE))


class SourceText:
    """A source's archived text, normalised once so many quotes can be found in it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.normal, self._index = normalise(text)
        self._numbers: list[Quantity] | None = None
        self._starts: list[int] = []
        self._breaks: list[int] | None = None

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
        """Offsets ``(start, end)`` of the quote's first occurrence in the original, or None."""
        return next(iter(self.find_all(quote)), None)

    def find_all(self, quote: str, context: str = "") -> list[tuple[int, int]]:
        """Offsets of every occurrence of the quote (overlapping ones too), in order; with
        ``context``, only those the context comes just before (whitespace between forgiven)."""
        needle, before = _normal_text(quote.strip()), _normal_text(context.strip())
        spans: list[tuple[int, int]] = []
        at = self.normal.find(needle) if needle else -1
        while at >= 0:
            head = self.normal[max(0, at - len(before) - 1) : at].rstrip()
            if head.endswith(before):
                spans.append((self._index[at], self._index[at + len(needle) - 1] + 1))
            at = self.normal.find(needle, at + 1)
        return spans

    def line_of(self, offset: int) -> int:
        """The 1-based line of the original text an offset is on, for messages (by the line
        ends found once, so placing every number of a long source stays fast)."""
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        return bisect.bisect_left(self._breaks, offset) + 1

    def longest_prefix(self, quote: str) -> str:
        """The longest start of the quote found in the source: where an editor's copy went wrong."""
        needle = _normal_text(quote.strip())
        low, high = 0, len(needle)
        while low < high:
            mid = (low + high + 1) // 2
            if needle[:mid] in self.normal:
                low = mid
            else:
                high = mid - 1
        return needle[:low]


class QuoteError(Exception):
    """Why a quote cannot be placed in its source, and which key (quote or context) is wrong."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message


def locate(source: SourceText, archive: str, quote: str, context: str = "") -> tuple[int, int]:
    """The one place in the source a quote (after its context, if given) stands for.

    A quote with an invisible character is refused outright: it could match text a reader
    sees differently. A quote found more than once needs the words before it, so the fact
    links to, and is checked against, the occurrence it is about.
    """
    for key, text in (("quote", quote), ("context", context)):
        at = first_invisible(text)
        if at is not None:
            raise QuoteError(
                key,
                f"'{key}' holds an invisible character, {describe(text[at])}, after "
                f'"{text[:at]}"; delete it (type that part of the {key} again as the source '
                "reads)",
            )
    spans = source.find_all(quote)
    if not spans:
        got = source.longest_prefix(quote)
        raise QuoteError(
            "quote",
            f"quote not found in {archive}; copy it verbatim from the source "
            f'(it matches only up to: "{got}")',
        )
    if not context and len(spans) > 1:
        raise QuoteError(
            "quote",
            f"the quote occurs {len(spans)} times in {archive} ({_lines(source, spans)}); add "
            "'context': the words just before the occurrence this fact is about",
        )
    if not context:
        return spans[0]
    chosen = source.find_all(quote, context)
    if not chosen:
        raise QuoteError(
            "context",
            f"'context' is not the text just before the quote in {archive}; copy the words "
            "just before the occurrence this fact is about",
        )
    if len(chosen) > 1:
        raise QuoteError(
            "context",
            f"the quote occurs {len(chosen)} times in {archive} after this context "
            f"({_lines(source, chosen)}); lengthen 'context' until it names one",
        )
    return chosen[0]


def _lines(source: SourceText, spans: list[tuple[int, int]]) -> str:
    lines = [source.line_of(start) for start, _ in spans]
    return ("line " if len(set(lines)) == 1 else "lines ") + ", ".join(
        str(n) for n in sorted(set(lines))
    )
