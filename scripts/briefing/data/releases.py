"""Release snapshots: the facts as they stood when a release was cut, kept in the repository.

``briefing release NAME`` writes ``facts/releases/NAME.json``; the "What changed" page
compares the current facts with the newest snapshot, and each snapshot with the one before.
A snapshot holds the same rows as data/facts.csv, sorted by id, with sorted keys: the same
facts, name and date give the same bytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.data.downloads import records
from briefing.data.package import COLUMNS
from briefing.facts import dates, yamlio
from briefing.facts.model import FactBook
from briefing.paths import Paths
from briefing.problems import BriefingError, Problem

NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
FIELDS = tuple(c.name for c in COLUMNS)
COMPARED = tuple(f for f in FIELDS if f not in {"id", "text"})  # text follows value and unit
CUT = "cut snapshots with briefing release NAME instead of editing them"

Record = Mapping[str, str]


@dataclass(frozen=True)
class Release:
    """One snapshot: its name (the file's stem), the day it was cut, its facts by id."""

    name: str
    date: str
    facts: Mapping[str, Record]


@dataclass(frozen=True)
class Changes:
    """What differs between two sets of facts: ids added and removed, changed fields by id."""

    added: list[str]
    removed: list[str]
    changed: dict[str, list[str]]

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def current(book: FactBook) -> dict[str, Record]:
    """The facts as a snapshot holds them."""
    return {row["id"]: row for row in records(book)}


def compare(old: Mapping[str, Record], new: Mapping[str, Record]) -> Changes:
    changed = {}
    for fid in sorted(old.keys() & new.keys()):
        fields = [f for f in COMPARED if old[fid].get(f, "") != new[fid].get(f, "")]
        if fields:
            changed[fid] = fields
    return Changes(sorted(new.keys() - old.keys()), sorted(old.keys() - new.keys()), changed)


def snapshot(book: FactBook, date: str) -> str:
    """The snapshot file's text."""
    payload = {"date": date, "facts": records(book)}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def write_release(paths: Paths, book: FactBook, name: str, date: str) -> Path:
    """Write facts/releases/NAME.json; a name already used is refused, never overwritten."""
    if not NAME.fullmatch(name):
        raise ValueError(
            f"release name '{name}' must be letters, digits, '.', '_' or '-' (at most 100)"
        )
    if not dates.is_day(date):
        raise ValueError(f"release date '{date}' must be a day in the calendar, YYYY-MM-DD")
    target = paths.releases_dir / f"{name}.json"
    if target.exists():
        raise ValueError(f"{paths.rel(target)} already exists; choose a new release name")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(snapshot(book, date), "utf-8")
    except OSError as err:
        raise ValueError(f"cannot write {paths.rel(target)}: {err.strerror}") from None
    return target


def load_releases(paths: Paths) -> list[Release]:
    """Every snapshot, oldest first (by date, then name); every problem raised at once."""
    problems: list[Problem] = []
    releases = []
    for path in sorted(paths.releases_dir.glob("*.json")):
        release = _load(path, paths.rel(path), problems)
        if release is not None:
            releases.append(release)
    if problems:
        raise BriefingError(sorted(problems))
    return sorted(releases, key=lambda r: (r.date, r.name))


class _Duplicate(ValueError):
    """A key given twice in one JSON object, which json.loads would silently let pass."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    if len({key for key, _ in pairs}) < len(pairs):
        raise _Duplicate
    return dict(pairs)


def _load(path: Path, rel: str, problems: list[Problem]) -> Release | None:
    """Read as JSON, which is quick; a snapshot with a problem is read again as YAML (JSON is
    YAML), which keeps line numbers, so that each problem says where it is."""
    if not NAME.fullmatch(path.stem):
        problems.append(
            Problem(rel, 1, "release name must be letters, digits, '.', '_' or '-' (at most 100)")
        )
        return None
    try:
        data = json.loads(path.read_bytes(), object_pairs_hook=_unique)
    except UnicodeDecodeError:
        problems.append(Problem(rel, 1, f"not UTF-8; {CUT}"))
        return None
    except json.JSONDecodeError as err:
        problems.append(Problem(rel, err.lineno, f"not valid JSON: {err.msg}; {CUT}"))
        return None
    except _Duplicate:
        data = None
    if data is not None:
        unplaced: list[Problem] = []
        release = _release(data, path.stem, rel, unplaced)
        if not unplaced:
            return release
    data = yamlio.load(path, rel, problems, f"write a snapshot with briefing release; {CUT}")
    return _release(data, path.stem, rel, problems) if data is not None else None


def _release(data: Any, name: str, rel: str, problems: list[Problem]) -> Release | None:
    """The snapshot in ``data``, its problems reported at the lines ``data`` knows."""
    if not isinstance(data, dict) or set(data) != {"date", "facts"}:
        problems.append(Problem(rel, 1, f'a snapshot is an object of "date" and "facts"; {CUT}'))
        return None
    if not isinstance(data["date"], str) or not dates.is_day(data["date"]):
        problems.append(
            Problem(
                rel,
                yamlio.line_of(data, "date"),
                '"date" must be a day in the calendar, YYYY-MM-DD',
            )
        )
    if not isinstance(data["facts"], list):
        problems.append(Problem(rel, yamlio.line_of(data, "facts"), '"facts" must be a list'))
        return None
    facts: dict[str, Record] = {}
    for index, entry in enumerate(data["facts"]):
        line = yamlio.line_of(data["facts"], index)
        message = _entry_problem(entry, facts)
        if message:
            problems.append(Problem(rel, line, message))
        else:
            facts[str(entry["id"])] = {str(k): str(v) for k, v in entry.items()}
    return Release(name, str(data["date"]), facts)


def _entry_problem(entry: Any, seen: Mapping[str, Record]) -> str | None:
    """What is wrong with one fact of a snapshot, or None."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        return 'each fact must be an object with an "id"'
    fid = entry["id"]
    unknown = sorted(set(entry) - set(FIELDS))
    if unknown:
        return f"fact '{fid}' has unknown field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}"
    if not all(isinstance(v, str) for v in entry.values()):
        return f"fact '{fid}': every field must be a string, as in data/facts.csv"
    if fid in seen:
        return f"fact '{fid}' is listed twice"
    return None
