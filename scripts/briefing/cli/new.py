"""`briefing new DIR`: a minimal project to start from, that `briefing check` and `mkdocs build`
pass on as written (one archived source, three facts, one page citing them, one chart).

The files are package data (``briefing/skeleton/``), copied as they are: nothing in them is
made up by code, and a test builds them from an installed wheel.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

SKELETON = "skeleton"
RENAMED = {"gitignore": ".gitignore"}  # dotfiles do not travel as package data


class NewProjectError(Exception):
    """Why no project was written; nothing was."""


def skeleton_files() -> dict[str, Traversable]:
    """The skeleton's files by their path in a new project."""
    found: dict[str, Traversable] = {}

    def walk(node: Traversable, prefix: str) -> None:
        for child in node.iterdir():
            name = RENAMED.get(child.name, child.name) if not prefix else child.name
            if child.is_dir():
                walk(child, f"{prefix}{name}/")
            elif not name.endswith((".py", ".pyc")):
                found[f"{prefix}{name}"] = child

    walk(resources.files("briefing") / SKELETON, "")
    return dict(sorted(found.items()))


def write_project(target: Path) -> list[str]:
    """Write the skeleton into ``target`` (missing or empty), and return what was written."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise NewProjectError(f"{target} exists and is not an empty folder; name a new folder")
    files = skeleton_files()
    for rel, source in files.items():
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(source.read_bytes())
    return list(files)
