"""``briefing source add FILE``: archiving a document or a table is one command.

The file is copied into seeds/ as it is, its sha256 computed, and an entry appended to
facts/sources.yaml with the fields an editor must fill left empty (each with a comment
saying what goes there); the project is then checked and the problems of the new entry are
what the editor fills next. The entry is appended as text, so every byte already in
sources.yaml, comments included, stays as it was.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import sys
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from briefing.facts import yamlio
from briefing.facts.loading import load
from briefing.facts.sources import MAX_SEED_BYTES, SOURCE_ID
from briefing.facts.tables import NUMBER
from briefing.paths import Paths
from briefing.problems import Problem

FILL = {
    "title": "the publication's title, as it gives it",
    "publisher": "who published it",
    "published": "its date: YYYY-MM-DD or YYYY-MM",
    "url": "where it was published (optional: delete if none)",
    "language": "the language of the text: en, zh, ...",
}
TABLE_FILL = {
    "method": "how the table was made: e.g. figures transcribed by the editors from the "
    "publication at the URL; no text copied",
}


class SourceAddError(Exception):
    """Why the file cannot be archived, in words that say what to do."""


def add_source(paths: Paths, file: Path, sid: str | None) -> tuple[str, list[Problem]]:
    """Archive ``file`` under id ``sid`` (default: from its name); the id, and the problems of
    its entry the editor fills next. Nothing is written when the file cannot be archived."""
    raw = _readable(file)
    sid = sid or re.sub(r"[^a-z0-9]+", "-", file.stem.casefold()).strip("-")
    if not SOURCE_ID.fullmatch(sid):
        raise SourceAddError(
            f"id '{sid}' must be lowercase letters, digits and dashes; give one with --id"
        )
    text = paths.sources_file.read_text("utf-8") if paths.sources_file.is_file() else ""
    if re.search(rf"^{re.escape(sid)}:", text, re.MULTILINE):
        raise SourceAddError(f"source '{sid}' is in {paths.rel(paths.sources_file)} already")
    target = paths.seeds_dir / file.name
    if target.exists() and target.resolve() != file.resolve():
        same = target.is_file() and target.read_bytes() == raw
        raise SourceAddError(
            f"{paths.rel(target)} exists already"
            + (" with the same bytes: it is archived" if same else "; rename the file first")
        )
    is_table = file.suffix.casefold() == ".csv"
    entry = _entry(file.name, hashlib.sha256(raw).hexdigest(), raw.decode("utf-8"), is_table)
    shown = io.StringIO()
    yamlio.new_yaml().dump({sid: entry}, shown)
    if target != file:
        paths.seeds_dir.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(file, target)
    gap = "" if not text or text.endswith("\n") else "\n"
    paths.sources_file.write_text(text + gap + shown.getvalue(), "utf-8")
    _, problems = load(paths)
    mine = [p for p in problems if _about(p, paths, sid, target)]
    return sid, mine


def run(paths: Paths, file: Path, sid: str | None) -> int:
    """The command: archive, then say what to fill next (exit 0), or why not (exit 1)."""
    try:
        sid, problems = add_source(paths, file, sid)
    except SourceAddError as err:
        print(f"briefing source add: {err}", file=sys.stderr)
        return 1
    print(f"archived as source '{sid}' in {paths.rel(paths.sources_file)}")
    if problems:
        print("fill next, then run briefing check:")
        for problem in problems:
            print(f"  {problem}")
    else:
        print("its entry checks; cite it from a fact")
    return 0


def _readable(file: Path) -> bytes:
    if file.is_symlink() or not file.is_file():
        raise SourceAddError(f"{file}: not a file; give the document or table to archive")
    size = file.stat().st_size
    if size > MAX_SEED_BYTES:
        raise SourceAddError(
            f"{file} is {size} bytes, over the limit of {MAX_SEED_BYTES}; archive only the "
            "part the facts cite"
        )
    raw = file.read_bytes()
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as err:
        raise SourceAddError(f"{file} is not UTF-8 text; convert it first") from err
    return raw


def _entry(name: str, digest: str, text: str, is_table: bool) -> CommentedMap:
    entry = CommentedMap()
    if is_table:
        entry["kind"] = "table"
    entry["file"] = name
    entry["sha256"] = digest
    for key, what in (FILL | (TABLE_FILL if is_table else {})).items():
        entry[key] = ""
        entry.yaml_add_eol_comment(what, key)
    if is_table:
        numeric = _numeric_columns(text)
        if numeric:
            columns = CommentedMap()
            for column in numeric:
                columns[column] = CommentedMap(unit="")
                columns.yaml_add_eol_comment("a unit of facts/units.yaml; scale: million …", column)
            entry["columns"] = columns
    return entry


def _numeric_columns(text: str) -> list[str]:
    """The columns whose every filled cell is a plain number (after the first, the row key):
    the ones an editor declares a unit for."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    if len(rows) < 2:
        return []
    header, body = rows[0], rows[1:]
    return [
        name
        for i, name in enumerate(header[1:], start=1)
        if any(i < len(r) and r[i].strip() for r in body)
        and all(NUMBER.fullmatch(r[i].strip()) for r in body if i < len(r) and r[i].strip())
    ]


def _about(problem: Problem, paths: Paths, sid: str, target: Path) -> bool:
    """Whether a problem is the new entry's: in its file, or naming it in sources.yaml."""
    if problem.path == paths.rel(target):
        return True
    return problem.path == paths.rel(paths.sources_file) and f"source '{sid}'" in problem.message
