"""Key-figure tiles (issue 20): each fact's value, its change on the previous period computed
from facts, its period, its kind as a badge and its citation."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

from briefing.facts.loading import load
from briefing.paths import Paths
from briefing.render.tiles import change, previous
from conftest import TABLE_CSV, Project, table_files

ProjectFactory = Callable[..., Project]

# The table's exports as one fact per row: 2023 and 2024 actual, 2025 a forecast.
SERIES = """\
- series: exports.vehicles.{row}
  source: annual
  column: exports
  subject: China's automobile exports
  geo: China
- series: exports.growth.{row}
  source: annual
  column: growth
  subject: Growth of China's automobile exports
  geo: China
"""


def _project(project: ProjectFactory, index: str, csv: str = TABLE_CSV) -> Project:
    proj = project(index=index)
    for rel, text in table_files(csv, SERIES).items():
        proj.write(rel, text)
    return proj


def test_the_change_is_computed_from_the_previous_periods_fact(project: ProjectFactory) -> None:
    proj = _project(project, "# Home\n")
    book, problems = load(Paths(proj.root))
    assert [str(p) for p in problems] == []
    moved = change(book, book.facts["exports.vehicles.2024"])
    assert moved is not None
    assert (moved.previous.id, moved.amount, moved.points) == (
        "exports.vehicles.2023",
        "+19.3",
        False,
    )
    ahead = change(book, book.facts["exports.vehicles.2025"])  # a forecast against the actual
    assert ahead is not None and (ahead.previous.id, ahead.amount) == (
        "exports.vehicles.2024",
        "+10.9",
    )
    assert change(book, book.facts["exports.vehicles.2023"]) is None  # nothing before it
    # a percentage moves in points, exactly: 19.3 - 57.9
    growth = change(book, book.facts["exports.growth.2024"])
    assert growth is not None and (growth.amount, growth.points) == ("\u221238.6", True)
    assert previous(book, book.facts["exports.growth.2023"]) is None


def test_tiles_show_value_change_period_badge_and_citation(project: ProjectFactory) -> None:
    index = '# Home\n\n{{ tiles("exports.vehicles.2024", "exports.vehicles.2025", "exports.vehicles.2023") }}\n'
    proj = _project(project, index)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stdout + done.stderr
    page = proj.html("index.html")
    tiles = re.findall(r'<div class="tile" data-fact="([^"]+)">(.*?)</div>\n', page, re.DOTALL)
    assert [fid for fid, _ in tiles] == [
        "exports.vehicles.2024",
        "exports.vehicles.2025",
        "exports.vehicles.2023",
    ]
    shown = {fid: " ".join(unescape(re.sub(r"<[^>]+>", " ", body)).split()) for fid, body in tiles}
    first = shown["exports.vehicles.2024"]
    assert first.startswith("China's automobile exports 5.859 million vehicles 1 ")
    assert "2024 actual" in first
    assert "+19.3% on 2023" in first
    assert "2025 forecast" in shown["exports.vehicles.2025"]
    assert "+10.9% on 2024" in shown["exports.vehicles.2025"]
    assert " on " not in shown["exports.vehicles.2023"]  # no earlier fact: no change
    # the value cites its cell; the change cites both facts it is computed from
    body = dict(tiles)["exports.vehicles.2024"]
    assert 'href="sources/annual/#cell-2024-exports"' in body
    assert 'data-cites="exports.vehicles.2024 exports.vehicles.2023"' in body


def test_tiles_name_an_unknown_fact_at_its_line(project: ProjectFactory) -> None:
    proj = _project(project, '# Home\n\n\n\n{{ tiles("exports.vehicles.2024", "nope") }}\n')
    done = proj.briefing("check")
    assert done.returncode != 0
    assert (
        "docs/index.md:5: unknown fact 'nope'; use an id from facts/*.yaml"
        in done.stdout + done.stderr
    )
