"""The registry of chart functions: charts.yaml's ``function: name`` looked up by name.

It imports nothing of the package, so a project's module of chart functions can register
into it (``@register("name")``) while the specs and the drawing read it, with no cycle.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

# (the validated ChartSpec, its rows as alt.Data) -> an Altair chart
ChartFunction = Callable[[Any, Any], Any]
REGISTRY: dict[str, ChartFunction] = {}

# The module whose import registers the project's chart functions.
FUNCTIONS_MODULE = "briefing.charts.functions"


def register(name: str) -> Callable[[ChartFunction], ChartFunction]:
    """Make a function available to charts.yaml as ``function: name``."""

    def add(function: ChartFunction) -> ChartFunction:
        if name in REGISTRY:
            raise ValueError(f"chart function '{name}' is registered twice")
        REGISTRY[name] = function
        return function

    return add


def functions(module: str = FUNCTIONS_MODULE) -> dict[str, ChartFunction]:
    """The registered chart functions, once ``module`` has registered its own (on first import)."""
    importlib.import_module(module)
    return REGISTRY
