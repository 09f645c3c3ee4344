"""The registry of chart functions: charts.yaml's ``function: name`` looked up by name.

A project's chart functions live in its own module (the plugin's ``chart_functions`` option,
such as ``facts/charts.py``), loaded by file path: its ``@register("name")`` calls fill the
registry. This module imports nothing of the package, so that module can import it (and
``briefing.charts.encodings``) with no cycle.
"""

from __future__ import annotations

import hashlib
import traceback
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (the validated ChartSpec, its rows as alt.Data) -> an Altair chart
ChartFunction = Callable[[Any, Any], Any]
# What @register fills: the functions of the module being loaded (the last dict), so two
# projects' modules (or one module before and after an edit) never see each other's names.
_REGISTERING: list[dict[str, ChartFunction]] = [{}]
# A loaded module's file -> (its bytes, the functions it registered): loaded again when edited.
_LOADED: dict[Path, tuple[bytes, dict[str, ChartFunction]]] = {}


class ModuleProblem(Exception):
    """Why a module of chart functions could not be loaded, at a line of it."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line, self.message = line, message


def register(name: str) -> Callable[[ChartFunction], ChartFunction]:
    """Make a function available to charts.yaml as ``function: name``."""

    def add(function: ChartFunction) -> ChartFunction:
        registry = _REGISTERING[-1]
        if name in registry:
            raise ValueError(f"chart function '{name}' is registered twice")
        registry[name] = function
        return function

    return add


def load_module(path: Path) -> dict[str, ChartFunction]:
    """The chart functions the module at ``path`` registers, by name; it is run again only when
    its bytes changed (`mkdocs serve` after an edit)."""
    path = path.resolve()
    try:
        code = path.read_bytes()
    except OSError as err:
        raise ModuleProblem(1, f"cannot be read ({err.strerror})") from None
    loaded = _LOADED.get(path)
    if loaded is not None and loaded[0] == code:
        return dict(loaded[1])
    name = "briefing_chart_functions_" + hashlib.sha256(str(path).encode()).hexdigest()[:12]
    module = types.ModuleType(name)  # not in sys.modules: loaded by path, never by name
    module.__file__ = str(path)
    _REGISTERING.append({})
    try:
        exec(compile(code, str(path), "exec"), module.__dict__)
    except Exception as err:  # the module's own code (SyntaxError too): where, no traceback
        raise _problem(err, path) from None
    finally:
        mine = _REGISTERING.pop()
    _LOADED[path] = (code, mine)
    return dict(mine)


def _problem(err: Exception, path: Path) -> ModuleProblem:
    if isinstance(err, SyntaxError):
        return ModuleProblem(err.lineno or 1, f"is not valid Python: {err.msg}")
    frames = [f for f in traceback.extract_tb(err.__traceback__) if f.filename == str(path)]
    line = (frames[-1].lineno or 1) if frames else 1
    return ModuleProblem(line, f"failed when loaded: {type(err).__name__}: {err}")
