"""What makes a warm build fast never shows a stale page: parsed YAML is kept per file while
its text is unchanged, a theme's filters are never those of another build, a site is plain
files of its own, and `mkdocs serve` shows an edited fact, page and seed.

Speed itself is measured by `briefing bench`, not here.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.facts.loading import load_factbook
from briefing.paths import Paths
from briefing.problems import BriefingError
from briefing_bench import servetime
from conftest import CITES_ALL, FACTS, SALES, SEED_TEXT, Project
from test_charts import CHART

SUBJECT = "China's automobile production"
PROD = "market.production.2024"


def mtimes(folder: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}


def test_unchanged_files_are_read_from_the_cache_and_an_edited_one_again(
    project: Callable[..., Project],
) -> None:
    paths = Paths(project().root)
    first = load_factbook(paths)
    kept = mtimes(paths.yaml_cache)
    assert len(kept) == 3  # units.yaml, sources.yaml, market.yaml
    assert load_factbook(paths).facts == first.facts
    assert mtimes(paths.yaml_cache) == kept  # read, not written again
    market = paths.facts_dir / "market.yaml"
    assert FACTS.count(SUBJECT) == 1
    market.write_text(FACTS.replace(SUBJECT, "Cars made in China"), "utf-8")
    assert load_factbook(paths).facts[PROD].subject == "Cars made in China"
    market.write_text(FACTS, "utf-8")  # back to the first text: its parse is right again
    assert load_factbook(paths).facts[PROD].subject == SUBJECT


def test_a_damaged_cache_is_parsed_again(project: Callable[..., Project]) -> None:
    paths = Paths(project().root)
    first = load_factbook(paths)
    for entry in paths.yaml_cache.iterdir():
        entry.write_bytes(entry.read_bytes()[:20])  # cut short, as by a full disk
    assert load_factbook(paths).facts == first.facts


def test_a_file_with_a_problem_is_reported_on_every_run(project: Callable[..., Project]) -> None:
    paths = Paths(project().root)
    (paths.facts_dir / "market.yaml").write_text(FACTS + "- id: [broken\n", "utf-8")
    for _ in range(2):
        with pytest.raises(BriefingError) as err:
            load_factbook(paths)
        assert [p.path for p in err.value.problems] == ["facts/market.yaml"]


# A hook (MkDocs' public way for a site to add code) gives the theme's environment two filters
# whose code is the same from build to build and whose captured values are not: a closure and
# a functools.partial. Jinja applies a filter to a constant while compiling, so a cache of
# compiled templates keyed by a filter's name and code would show the first build's values.
HOOK = """\
import functools
import os


def _joined(text, tail):
    return f"{text}{tail}"


def _marked(mark):
    return lambda text: text + mark


def on_env(env, config, files):
    env.filters["mark"] = _marked(os.environ["MARK"])
    env.filters["numbered"] = functools.partial(_joined, tail=os.environ["NUMBER"])
    return env
"""
FOOTER = (
    "{% extends 'base.html' %}"
    "{% block footer %}<p id='foot'>{{ 'a' | mark }} {{ 'a' | numbered }}</p>{% endblock %}"
)


def test_theme_filters_that_differ_only_in_captured_values_render_their_own(
    project: Callable[..., Project],
) -> None:
    proj = project()
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    custom = "  name: material\n  custom_dir: over\n"
    proj.write("mkdocs.yml", mkdocs.replace("  name: material\n", custom) + "hooks: [hooks.py]\n")
    proj.write("hooks.py", HOOK)
    proj.write("over/main.html", FOOTER)
    for mark, number in (("!", "1"), ("?", "2"), ("!", "1")):
        done = proj.run(
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            env={"MARK": mark, "NUMBER": number},
        )
        assert done.returncode == 0, done.stderr
        assert f"<p id='foot'>a{mark} a{number}</p>" in proj.html("index.html")


def test_an_edited_theme_template_shows_in_the_next_build(project: Callable[..., Project]) -> None:
    proj = project()
    mkdocs = (proj.root / "mkdocs.yml").read_text("utf-8")
    proj.write(
        "mkdocs.yml", mkdocs.replace("  name: material\n", "  name: material\n  custom_dir: over\n")
    )
    block = "{% extends 'base.html' %}{% block footer %}<p id='foot'>%s</p>{% endblock %}"
    proj.write("over/main.html", block.replace("%s", "first"))
    assert proj.mkdocs_build().returncode == 0
    assert "<p id='foot'>first</p>" in proj.html("index.html")
    proj.write("over/main.html", block.replace("%s", "second"))
    assert proj.mkdocs_build().returncode == 0
    assert "<p id='foot'>second</p>" in proj.html("index.html")


def test_an_edited_page_is_built_anew(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    page = proj.root / "docs" / "index.md"
    page.write_text(page.read_text("utf-8").replace("# ", "# Revised: ", 1), "utf-8")
    assert proj.mkdocs_build().returncode == 0
    assert "Revised: " in proj.html("index.html")


def test_serve_shows_an_edited_fact(project: Callable[..., Project]) -> None:
    proj = project(pdf=True)
    book = load_factbook(Paths(proj.root))
    market = proj.root / "facts" / "market.yaml"
    before = market.read_bytes()
    seconds = servetime.reload_seconds(proj.root, dict(book.facts), times=2)
    assert len(seconds) == 2  # the edit was seen, twice
    assert market.read_bytes() == before  # and the file is as it was


def test_serve_rebuilds_on_an_edited_page_and_seed(project: Callable[..., Project]) -> None:
    proj = project()
    page, seed = proj.root / "docs" / "index.md", proj.root / "seeds" / "seed.txt"
    with servetime.serving(proj.root) as url:
        time.sleep(1.0)  # the watcher's first look at every file
        page.write_text(page.read_text("utf-8").replace("# Home", "# Home, revised"), "utf-8")
        servetime.served_with(url, "Home, revised")
        seed.write_text(SEED_TEXT + "A sentence added by hand.\n", "utf-8")
        served = servetime.served_with(url, "not the recorded one")  # shown on the last good site
        assert "seeds/seed.txt has sha256" in served


def _shared(site: Path) -> list[str]:
    """The files of a site that share their bytes with another file (a hard link)."""
    return [
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.stat().st_nlink > 1
    ]


def test_a_site_is_plain_files_of_its_own_and_a_hand_edit_stays_in_it(
    project: Callable[..., Project],
) -> None:
    proj = project()
    proj.write("docs/index.md", CITES_ALL + '\n{{ chart("output") }}\n')
    proj.write("facts/market.yaml", FACTS + SALES)
    proj.write("facts/charts.yaml", CHART)
    assert proj.mkdocs_build().returncode == 0
    site, cache = proj.root / "build", proj.root / ".cache"
    assert _shared(site) == []
    data, png = site / "data" / "facts.csv", site / "data" / "charts" / "output.png"
    first, drawn = data.read_bytes(), png.read_bytes()
    kept = {p: p.read_bytes() for p in cache.rglob("*") if p.is_file()}
    for edited in (data, png):
        with edited.open("r+b") as handle:  # in place, as a deploy tool might
            handle.write(b"ID")
    assert {p: p.read_bytes() for p in kept} == kept  # the cache did not change with them
    assert proj.mkdocs_build().returncode == 0
    assert (data.read_bytes(), png.read_bytes()) == (first, drawn)
    assert _shared(site) == []


def test_no_file_of_the_real_site_is_a_hard_link(real_site: Path) -> None:
    assert _shared(real_site) == []
