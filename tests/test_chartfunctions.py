"""A project's chart functions: a module named in mkdocs.yml (``chart_functions``), loaded by
file path; what charts.yaml's ``function:`` names is checked against what it registers, a
module that fails is reported at its own line, and a drawing is keyed by the module's bytes."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.charts.drawing import chart_key
from briefing.charts.registry import load_module
from briefing.facts.loading import load_factbook
from briefing.facts.model import FactBook
from briefing.problems import BriefingError
from conftest import FACTS
from test_validation import write_project

MODULE = """\
from briefing.charts.registry import register


@register("pair")
def pair(spec, data):
    import altair as alt

    return alt.Chart(data).mark_bar().encode(x="label:N", y="value:Q")
"""
CHART = (
    "c:\n  title: Two numbers side by side\n  alt: Words.\n  function: {name}\n"
    "  facts: [market.production.2024, parts.exports.2024]\n"
)


def book(tmp_path: Path, name: str = "pair", module: str | None = MODULE) -> FactBook:
    files = {"facts/charts.yaml": CHART.format(name=name)}
    if module is not None:
        files["facts/charts.py"] = module
    paths = write_project(tmp_path, FACTS, files)
    return load_factbook(dataclasses.replace(paths, chart_functions="facts/charts.py"))


def problems(tmp_path: Path, name: str = "pair", module: str | None = MODULE) -> list[str]:
    with pytest.raises(BriefingError) as caught:
        book(tmp_path, name, module)
    return [str(p) for p in caught.value.problems]


def test_a_chart_names_a_function_of_the_project_s_module(tmp_path: Path) -> None:
    spec = book(tmp_path).charts["c"]
    assert (spec.function, spec.module) == ("pair", (tmp_path / "facts/charts.py"))
    assert list(load_module(tmp_path / "facts/charts.py")) == ["pair"]


def test_an_unknown_function_names_what_the_module_registers(tmp_path: Path) -> None:
    assert problems(tmp_path, "nope") == [
        "facts/charts.yaml:4: chart 'c': unknown function 'nope'; facts/charts.py registers: pair"
    ]


def test_a_missing_module_is_said_where_a_chart_needs_it(tmp_path: Path) -> None:
    assert problems(tmp_path, module=None) == [
        "facts/charts.yaml:4: chart 'c': function 'pair' is to come from chart_functions "
        "'facts/charts.py' (mkdocs.yml), which is not a file; create it, or correct "
        "chart_functions"
    ]


@pytest.mark.parametrize(
    ("module", "message"),
    [
        (MODULE + "\n1 / 0\n", "10: chart functions module failed when loaded: "
         "ZeroDivisionError: division by zero"),
        ("def broken(:\n", "1: chart functions module is not valid Python: invalid syntax"),
        (MODULE + '\n\n@register("pair")\ndef again(spec, data):\n    pass\n',
         "11: chart functions module failed when loaded: ValueError: chart function 'pair' is "
         "registered twice"),
    ],
)  # fmt: skip
def test_a_module_that_fails_is_reported_at_its_line_and_its_charts_say_no_more(
    tmp_path: Path, module: str, message: str
) -> None:
    assert problems(tmp_path, module=module) == [f"facts/charts.py:{message}"]


def test_an_edited_module_is_loaded_again_and_keys_the_drawing_anew(tmp_path: Path) -> None:
    first = book(tmp_path)
    spec = first.charts["c"]
    key = chart_key(spec, first.sources, "code")
    assert chart_key(spec, first.sources, "code") == key  # same bytes, same key
    edited = MODULE.replace('@register("pair")', '@register("pair")\n@register("twin")')
    (tmp_path / "facts/charts.py").write_text(edited, "utf-8")
    assert sorted(load_module(tmp_path / "facts/charts.py")) == ["pair", "twin"]
    assert chart_key(spec, first.sources, "code") != key
