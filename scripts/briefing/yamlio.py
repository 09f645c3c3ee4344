"""Reading editors' YAML with ruamel.yaml (round-trip, so line numbers survive)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from briefing.problems import Problem

MAX_BYTES = 2_000_000


def new_yaml() -> YAML:
    """A round-trip YAML instance: keeps comments and order for commands that edit files."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)  # the house style: '- id:' at column 0
    return yaml


def load(path: Path, rel: str, problems: list[Problem]) -> Any:
    """Parse one YAML file; on failure record a located problem and return None."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        problems.append(
            Problem(rel, 1, f"file is {len(raw)} bytes, over the {MAX_BYTES} limit; split it")
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "file is not UTF-8; save it as UTF-8"))
        return None
    try:
        return new_yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark is not None else 1
        what = err.problem or err.context or "invalid YAML"
        problems.append(Problem(rel, line, f"invalid YAML: {what}"))
        return None


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping key (or sequence item), or of the node itself."""
    if isinstance(node, CommentedMap):
        if key is not None and key in node:
            return int(node.lc.key(key)[0]) + 1
        return int(node.lc.line) + 1
    if isinstance(node, CommentedSeq):
        if isinstance(key, int) and key < len(node):
            return int(node.lc.item(key)[0]) + 1
        return int(node.lc.line) + 1
    return 1
