"""What makes a warm build fast never shows a stale page: parsed YAML is kept per file while
its text is unchanged, compiled pages likewise, and `mkdocs serve` shows an edited fact.

Speed itself is measured by `briefing bench`, not here.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable
from pathlib import Path

import jinja2
import pytest

from briefing import servetime
from briefing.loader import load_factbook
from briefing.paths import Paths
from briefing.problems import BriefingError
from briefing.render.compiled import CompiledTemplates
from conftest import FACTS, Project

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


def test_compiled_templates_are_kept_per_environment_set_up(tmp_path: Path) -> None:
    def render(shout: Callable[[str], str] = str.upper, **setup: bool) -> str:
        env = jinja2.Environment(
            loader=jinja2.DictLoader({"t.html": "{{ x }} {{ 'a' | shout }}"}),
            bytecode_cache=CompiledTemplates(tmp_path),
            **setup,
        )
        env.filters["shout"] = shout
        return env.get_template("t.html").render(x="<b>")

    assert render(autoescape=False) == "<b> A"
    kept = mtimes(tmp_path)
    assert render(autoescape=False) == "<b> A"
    assert mtimes(tmp_path) == kept  # read back, not compiled and written again
    # The same name and text is other code with escaping on, or with another filter of the
    # same name (Jinja ran it on the constant while compiling): not the kept code.
    assert render(autoescape=True) == "&lt;b&gt; A"
    assert render(lambda text: text + "!", autoescape=False) == "<b> a!"
    assert len(mtimes(tmp_path)) == 3


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
    # Material's templates were compiled once and kept (the home page is the one chapter),
    # and an unchanged build reads them back rather than compiling them again.
    compiled = proj.root / ".cache" / "briefing" / "jinja"
    kept = mtimes(compiled)
    assert len(kept) > 10
    assert proj.mkdocs_build().returncode == 0
    assert mtimes(compiled) == kept
    proj.write("over/main.html", block.replace("%s", "second"))
    assert proj.mkdocs_build().returncode == 0
    assert "<p id='foot'>second</p>" in proj.html("index.html")


def test_damaged_compiled_templates_are_compiled_again(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    first = proj.html("index.html")
    compiled = proj.root / ".cache" / "briefing" / "jinja"
    for entry in compiled.iterdir():
        entry.write_bytes(entry.read_bytes()[:30])  # cut short inside the checksum
    shutil.rmtree(proj.root / ".cache" / "briefing" / "build")  # so the home page is compiled
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    assert proj.html("index.html") == first
    assert all(entry.stat().st_size > 30 for entry in compiled.iterdir())  # and kept anew


def test_an_edited_page_is_built_anew(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    assert list((proj.root / ".cache" / "briefing" / "jinja").iterdir())
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


def test_data_files_are_linked_from_the_store_and_right_after_a_hand_edit(
    project: Callable[..., Project],
) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    store = proj.root / ".cache" / "briefing" / "files"
    built = proj.root / "build" / "data" / "facts.csv"
    first = built.read_bytes()
    assert any(built.samefile(entry) for entry in store.iterdir())
    with built.open("r+b") as edited:  # an edit in the site reaches the store's entry
        edited.write(b"ID")
    assert proj.mkdocs_build().returncode == 0
    assert built.read_bytes() == first
    market = proj.root / "facts" / "market.yaml"
    market.write_text(FACTS.replace(SUBJECT, "Cars made in China"), "utf-8")
    entries = len(list(store.iterdir()))
    assert proj.mkdocs_build().returncode == 0
    assert "Cars made in China" in built.read_text("utf-8")
    assert len(list(store.iterdir())) == entries  # the old facts.csv was dropped, not kept


def test_every_data_file_of_the_real_site_is_linked_to_its_entry(real_site: Path) -> None:
    store = real_site.parent / ".cache" / "briefing" / "files"
    linked = [*(real_site / "data").rglob("*.*"), real_site / "assets" / "vega.js"]
    assert {p.suffix for p in linked} == {".csv", ".json", ".png", ".js"}
    for path in linked:
        entry = store / hashlib.sha256(path.read_bytes()).hexdigest()
        assert path.samefile(entry), path
