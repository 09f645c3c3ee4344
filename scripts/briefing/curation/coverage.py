"""Which numbers in each source no fact covers: how an editor sees what is left to curate.

A number is covered when it lies inside the quote of a fact from that source, or explained
when an entry of facts/coverage_ignore.yaml (a snippet of text or a regular expression, with
the reason it is not a claim) matches around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.facts import yamlio
from briefing.facts.model import FactBook
from briefing.facts.numbers import parse_numbers
from briefing.paths import Paths
from briefing.problems import Problem


@dataclass(frozen=True)
class Ignore:
    """Text that holds numbers deliberately not curated, and why."""

    source: str
    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True)
class Uncovered:
    source: str
    line: int
    text: str


def load_ignores(paths: Paths, book: FactBook, problems: list[Problem]) -> list[Ignore]:
    path = paths.ignore_file
    if not path.is_file():
        return []
    rel = paths.rel(path)
    data = yamlio.load(
        path, rel, problems, "explain numbers as in README, or delete the file", paths.yaml_cache
    )
    ignores: list[Ignore] = []
    if not isinstance(data, dict):
        if data is not None:
            problems.append(
                Problem(rel, 1, "map each source id to a list of {text|pattern, reason}")
            )
        return ignores
    for sid, entries in data.items():
        if sid not in book.sources:
            problems.append(Problem(rel, yamlio.line_of(data, sid), f"unknown source '{sid}'"))
            continue
        for index, entry in enumerate(entries or []):
            line = yamlio.line_of(entries, index)
            if (
                not isinstance(entry, dict)
                or not entry.get("reason")
                or not (entry.get("text") or entry.get("pattern"))
            ):
                problems.append(
                    Problem(rel, line, "each entry needs 'text' or 'pattern', and 'reason'")
                )
                continue
            try:
                pattern = re.compile(
                    str(entry["pattern"]) if entry.get("pattern") else re.escape(str(entry["text"]))
                )
            except re.error as err:
                problems.append(Problem(rel, line, f"invalid pattern: {err}"))
                continue
            if not pattern.search(book.sources[sid].text.text):
                problems.append(
                    Problem(rel, line, f"matches nothing in {book.sources[sid].archive}; remove it")
                )
                continue
            ignores.append(Ignore(str(sid), pattern, str(entry["reason"])))
    return ignores


def uncovered(book: FactBook, ignores: list[Ignore]) -> dict[str, tuple[int, list[Uncovered]]]:
    """Per source: how many numbers it states, and those neither covered nor explained."""
    report: dict[str, tuple[int, list[Uncovered]]] = {}
    for sid, source in sorted(book.sources.items()):
        text = source.text.text
        spans = [f.span for f in book.facts_from(sid) if f.span]
        explained = [
            (m.start(), m.end())
            for ig in ignores
            if ig.source == sid
            for m in ig.pattern.finditer(text)
        ]
        firsts = {q.start: q for q in parse_numbers(text)}
        numbers = [firsts[start] for start in sorted(firsts)]  # one reading per position
        left = [
            Uncovered(sid, source.text.line_of(q.start), q.text.strip())
            for q in numbers
            if not any(a <= q.start and q.end <= b for a, b in spans + explained)
        ]
        report[sid] = (len(numbers), left)
    return report
