"""Archived sources (facts/sources.yaml): their descriptions and their hash-checked text.

A quote is only as good as the text it is checked against, so each archived file must be a
plain file inside seeds/ whose sha256 is the one recorded when it was archived.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Collection
from typing import Any

from briefing.facts import dates, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Source
from briefing.facts.quotes import SourceText
from briefing.facts.schema import SOURCE_FIELDS, TABLE_ONLY
from briefing.facts.tables import read_table
from briefing.paths import Paths
from briefing.problems import Problem

SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9-]*")
SHA256 = re.compile(r"[0-9a-fA-F]{64}")
# Every number of a source is read into memory (about a kilobyte each), so its size is bounded:
# 5 MB is hundreds of times the longest article or report text the sources hold.
MAX_SEED_BYTES = 5_000_000


def text_of(node: Any, key: str) -> str | None:
    """An optional text field as a string (a date written unquoted becomes YYYY-MM-DD)."""
    value = node.get(key)
    if isinstance(value, dt.date):
        return value.isoformat()
    return None if value is None else str(value)


def load_sources(
    paths: Paths, problems: list[Problem], broken: set[str], units: Collection[str] | None = None
) -> dict[str, Source] | None:
    """Valid sources by id, or None when sources.yaml is unreadable (already reported).

    Ids declared but unusable go into ``broken``: their problem is reported once, on the
    source, not again on every fact that cites it.
    """
    rel = paths.rel(paths.sources_file)
    if not paths.sources_file.is_file():
        problems.append(
            Problem(rel, 1, "sources.yaml missing; describe each archived source there")
        )
        return None
    data = yamlio.load(
        paths.sources_file,
        rel,
        problems,
        "describe each archived source (see README)",
        cache=paths.yaml_cache,
    )
    if not isinstance(data, dict):
        if data is not None:
            problems.append(
                Problem(rel, 1, "sources.yaml must map source ids to their descriptions")
            )
        return None
    check = Checker(rel, problems)
    sources: dict[str, Source] = {}
    archived: dict[str, str] = {}  # file name and sha256 -> the source id archiving it
    for sid, node in data.items():
        what = f"source '{sid}'"
        line = yamlio.line_of(data, sid)
        if not SOURCE_ID.fullmatch(str(sid)):
            check.add(line, f"{what}: id must be lowercase letters, digits and dashes")
            broken.add(str(sid))
            continue
        if not check.fields(node, SOURCE_FIELDS, what, line):
            broken.add(str(sid))
            continue
        url = text_of(node, "url")
        if url and not url.startswith(("https://", "http://")):
            check.add(
                yamlio.line_of(node, "url"), f"{what}: 'url' must start with https:// or http://"
            )
        published = text_of(node, "published") or ""
        if not dates.is_month_or_day(published):
            check.add(
                yamlio.line_of(node, "published"),
                f"{what}: 'published' must be YYYY-MM-DD or YYYY-MM, a date in the calendar",
            )
        is_table = _is_table(node, what, check)
        text = _archived_text(paths, node, what, check)
        if text is None or _archived_twice(node, what, check, archived, str(sid), paths):
            broken.add(str(sid))
            continue
        table = None
        if is_table:
            shown = paths.rel(paths.seeds_dir / str(node["file"]))
            table = read_table(text, shown, node, what, check, units)
            if table is None:
                broken.add(str(sid))
                continue
        sources[str(sid)] = Source(
            id=str(sid),
            file=str(node["file"]),
            archive=paths.rel(paths.seeds_dir / str(node["file"])),
            sha256=str(node["sha256"]),
            title=str(node["title"]),
            publisher=str(node["publisher"]),
            published=published,
            language=str(node["language"]),
            author=text_of(node, "author"),
            url=text_of(node, "url"),
            date_note=text_of(node, "date_note"),
            method=text_of(node, "method"),
            table=table,
            text=SourceText("" if table else text),
        )
    return sources


def _is_table(node: Any, what: str, check: Checker) -> bool:
    """Whether the entry is a table (``kind: table``, or a .csv file); a table must say how it
    was made, and a text has no columns."""
    kind = node.get("kind") or ("table" if str(node["file"]).endswith(".csv") else "text")
    if kind == "table" and not str(node.get("method") or "").strip():
        check.add(
            yamlio.line_of(node),
            f"{what}: a table needs 'method', how it was made, such as: figures transcribed by "
            "the editors from the publication at the URL; no text copied",
        )
    for key in TABLE_ONLY if kind == "text" else ():
        if key in node:
            check.add(
                yamlio.line_of(node, key),
                f"{what}: '{key}' is for a table source (kind: table, a .csv file); remove it",
            )
    return kind == "table"


def _archived_twice(
    node: Any, what: str, check: Checker, archived: dict[str, str], sid: str, paths: Paths
) -> bool:
    """Whether an earlier source archives the same file, or a file with the same bytes: one
    document described twice could be credited to two publishers, so the second is refused."""
    name, digest = str(node["file"]), str(node["sha256"]).lower()
    shown = paths.rel(paths.seeds_dir / name)
    if f"file {name}" in archived:
        first = archived[f"file {name}"]
        said = f"{shown} is archived already, as source '{first}'"
        advice = "delete this entry"
    elif f"sha256 {digest}" in archived:
        first = archived[f"sha256 {digest}"]
        said = f"{shown} has the same sha256 as the file of source '{first}'"
        advice = "delete this entry and the copy"
    else:
        archived.update({f"file {name}": sid, f"sha256 {digest}": sid})
        return False
    check.add(
        yamlio.line_of(node, "file"),
        f"{what}: {said}; a document is described once: cite '{first}' and {advice}",
    )
    return True


def _archived_text(paths: Paths, node: Any, what: str, check: Checker) -> str | None:
    name = str(node["file"])
    if "/" in name or "\\" in name or name in {".", ".."}:
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: 'file' must be a file name in {paths.seeds}/, not a path; "
            f"archive the document in {paths.seeds}/ and write its name",
        )
        return None
    path = paths.seeds_dir / name
    shown = paths.rel(path)
    if path.is_symlink():
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: {shown} is a link to another file; archive the document itself in "
            f"{paths.seeds}/ (copy it there, not a link)",
        )
        return None
    if not path.is_file():
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: file {shown} not found; archive the document in {paths.seeds}/ first",
        )
        return None
    size = path.stat().st_size
    if size > MAX_SEED_BYTES:
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: {shown} is {size} bytes, over the limit of {MAX_SEED_BYTES}; archive "
            "only the part of the document the facts quote",
        )
        return None
    recorded = str(node["sha256"])
    if not SHA256.fullmatch(recorded):
        check.add(
            yamlio.line_of(node, "sha256"),
            f"{what}: 'sha256' must be 64 hexadecimal digits; record the output of: "
            f"sha256sum {shown}",
        )
        return None
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != recorded.lower():
        check.add(
            yamlio.line_of(node, "sha256"),
            f"{what}: {shown} has sha256 {digest}, not the recorded one; the archive changed: "
            "restore the original file, or record the new hash if the change is intended",
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        check.add(yamlio.line_of(node, "file"), f"{what}: {shown} is not UTF-8; convert it")
        return None
    if not text.strip():
        check.add(
            yamlio.line_of(node, "file"),
            f"{what}: {shown} holds no text; archive the document's text in it",
        )
        return None
    return text
