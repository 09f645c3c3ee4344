"""The package's layout holds: no import cycle, the chart registry a leaf, the bench apart."""

from __future__ import annotations

import ast
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"


def _module(path: Path) -> str:
    parts = path.relative_to(SCRIPTS).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every module of the package and the bench, with the package modules it imports
    anywhere in it (inside functions and under TYPE_CHECKING too)."""
    modules = {_module(p): p for p in SCRIPTS.glob("briefing*/**/*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            found.update(t for t in targets if t in modules and t != name)
        graph[name] = found
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str]:
    state: dict[str, int] = {}  # 1: on the path, 2: done
    path: list[str] = []

    def visit(name: str) -> list[str]:
        state[name] = 1
        path.append(name)
        for target in sorted(graph[name]):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        state[name] = 2
        path.pop()
        return []

    for name in sorted(graph):
        if name not in state and (found := visit(name)):
            return found
    return []


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = _imports()
    assert "briefing.facts.loading" in graph  # the walk found the package
    assert _cycle(graph) == []


def test_a_cycle_is_found_when_there_is_one() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_chart_registry_imports_nothing_of_the_package() -> None:
    assert _imports()["briefing.charts.registry"] == set()


def test_only_the_bench_command_imports_the_bench() -> None:
    graph = _imports()
    importers = {
        name
        for name, targets in graph.items()
        if not name.startswith("briefing_bench")
        and any(t.startswith("briefing_bench") for t in targets)
    }
    assert importers == {"briefing.cli.main"}


# The rooms in the order a build flows through them, lowest first: a room may import its own
# and lower rooms only. The root modules are named one by one where they stand.
FLOORS = [
    {"briefing.problems", "briefing.paths"},
    {"briefing.buildcache", "briefing.sitedir"},
    {"briefing.facts"},
    {"briefing.chapterchecks", "briefing.curation"},
    {"briefing.charts"},
    {"briefing.data"},
    {"briefing.render"},
    {"briefing.pdf", "briefing.checking"},
    {"briefing.plugin"},
    {"briefing.cli"},
]
# The FactBook holds the charts declared over its facts: loading them is the one way up.
WAYS_UP = {("briefing.facts.loading", "briefing.charts.declarations")}


def _floor(module: str) -> int | None:
    for level, rooms in enumerate(FLOORS):
        if any(module == room or module.startswith(room + ".") for room in rooms):
            return level
    return None


def _upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted(
        (name, target)
        for name, targets in graph.items()
        for target in targets
        if (low := _floor(name)) is not None
        and (high := _floor(target)) is not None
        and high > low
        and (name, target) not in WAYS_UP
    )


def test_every_module_stands_on_a_floor() -> None:
    package = [name for name in _imports() if name.startswith("briefing.")]
    assert [name for name in package if _floor(name) is None] == []


def test_no_room_imports_a_room_above_it() -> None:
    assert _upward(_imports()) == []


def test_an_import_up_a_floor_is_found() -> None:
    graph = {"briefing.facts.model": {"briefing.render.text"}, "briefing.render.text": set()}
    assert _upward(graph) == [("briefing.facts.model", "briefing.render.text")]
