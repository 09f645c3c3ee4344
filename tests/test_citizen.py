"""The plugin as a good MkDocs citizen: it says where Material is assumed, draws charts in as
many processes as it is given (spawned, as every platform allows), and does its part of an
event in the order it needs whatever order plugins are listed in."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections.abc import Callable
from decimal import Decimal

import pytest
from mkdocs.config.base import ValidationError

from briefing.facts.model import FactBook
from briefing.plugin.config import Segmenting
from briefing.render.search import fact_entries
from briefing.render.urls import SiteUrls
from conftest import Project, Tab
from test_charts import CHART, INDEX, chart_project
from test_escaping import PERCENT, SOURCE, fact

NOT_MATERIAL = (
    "mkdocs.yml:4: theme is 'mkdocs', but the briefing plugin needs Material for MkDocs; "
    "set theme: name: material (a custom_dir may override its templates)"
)


def test_mkdocs_build_refuses_another_theme_at_its_line(project: Callable[..., Project]) -> None:
    proj = project()
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    proj.write("mkdocs.yml", mkdocs.replace("  name: material\n", "  name: mkdocs\n"))
    done = proj.mkdocs_build()
    assert done.returncode == 1
    assert done.stderr == f"ERROR   -  {NOT_MATERIAL}\n"


def two_charts(project: Callable[..., Project], concurrency: int) -> Project:
    proj = chart_project(project, CHART + "again:\n" + CHART.split("\n", 1)[1])
    proj.write("docs/index.md", INDEX + '\n{{ chart("again") }}\n')
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    options = f"      pdf: false\n      concurrency: {concurrency}\n"
    proj.write("mkdocs.yml", mkdocs.replace("      pdf: false\n", options))
    return proj


def test_charts_drawn_by_workers_are_those_drawn_in_turn(project: Callable[..., Project]) -> None:
    proj = two_charts(project, 2)  # two charts to draw: two spawned workers
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    by_workers = proj.html("index.html")
    png = (proj.root / "build" / "data" / "charts" / "again.png").read_bytes()
    shutil.rmtree(proj.root / ".cache")
    proj = two_charts(project, 1)
    assert proj.mkdocs_build().returncode == 0
    assert proj.html("index.html") == by_workers
    assert (proj.root / "build" / "data" / "charts" / "again.png").read_bytes() == png
    assert by_workers.count('<figure class="chart"') == 2


def test_facts_join_the_search_index_when_briefing_is_listed_before_search(
    project: Callable[..., Project],
) -> None:
    proj = project()
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    first = mkdocs.replace("  - search\n", "").replace(
        "      pdf: false\n", "      pdf: false\n  - search\n"
    )
    assert first.index("- briefing") < first.index("- search")
    proj.write("mkdocs.yml", first)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    index = json.loads((proj.root / "build" / "search" / "search_index.json").read_text("utf-8"))
    assert "facts/#market.production.2024" in [d["location"] for d in index["docs"]]


@pytest.mark.browser
def test_the_search_dialog_is_named_as_its_field(tab: Tab, served_site: str) -> None:
    tab.open(served_site)
    dialog = tab.page.locator('[data-md-component="search"][role="dialog"]')
    assert dialog.get_attribute("aria-label") == "Search"


def test_chinese_in_fact_entries_is_cut_into_words_only_when_switched_on() -> None:
    book = FactBook(
        {"a.b": fact("a.b", Decimal(5), subject="中国汽车出口")},
        {"demo": SOURCE},
        {"percent": PERCENT},
    )
    plain = json.loads(f"[{fact_entries(book, SiteUrls())}]")[0]["title"]
    cut = json.loads(f"[{fact_entries(book, SiteUrls(), segment=True)}]")[0]["title"]
    assert plain == "中国汽车出口: 5%"
    assert cut == "\u200b中国\u200b汽车出口\u200b: 5%"  # jieba's words


def test_segmenting_without_jieba_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    option = Segmenting()
    assert option.validate(False) is False
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ValidationError) as err:
        option.validate(True)
    assert str(err.value) == (
        "needs jieba, which is not installed; install it with: "
        "pip install 'briefing[chinese]', or set segment_chinese: false"
    )
