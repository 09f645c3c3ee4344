"""Releases: `briefing release NAME` snapshots the facts; the "What changed" page compares."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import unescape

from conftest import FACTS, Project

# The tiny project's facts after an editor's work: production's value and note changed,
# parts exports removed, a Russia fact added.
EDITED = """\
- id: market.production.2024
  subject: China's automobile production
  value: 31440000
  unit: vehicles
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "31.28 million and 31.44 million units"
  note: "Sales, not production: corrected"
- id: market.russia.2025
  subject: Chinese carmakers' direct exports to Russia (change)
  value: [30, 40]
  unit: percent
  period: "2025"
  kind: estimate
  geo: Russia
  source: demo
  quote: "plunged 30 percent to 40 percent this year"
  period_from: "this year"
"""
CITES_EDITED = '# Home\n\n{{ fact("market.production.2024") }}, {{ fact("market.russia.2025") }}.\n'


def cell_texts(html: str) -> list[str]:
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", "", c)).split())
        for c in re.findall(r"<td>(.*?)</td>", html)
    ]


def section(page: str, css_class: str) -> str:
    found = re.search(rf'class="{css_class}">(.*?)</(?:ul|table)>', page, re.S)
    return found.group(1) if found else ""


def ids_in(html: str) -> list[str]:
    return [re.sub(r"<wbr>", "", i) for i in re.findall(r"<code[^>]*>(.*?)</code>", html)]


def test_release_writes_a_deterministic_snapshot(project: Callable[..., Project]) -> None:
    proj = project()
    done = proj.briefing("release", "r1", "--date", "2025-01-02")
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == "release r1: 2 facts written to facts/releases/r1.json\n"
    first = proj.root / "facts" / "releases" / "r1.json"
    snapshot = json.loads(first.read_text("utf-8"))
    assert snapshot["date"] == "2025-01-02"
    assert [f["id"] for f in snapshot["facts"]] == ["market.production.2024", "parts.exports.2024"]
    assert snapshot["facts"][0]["value"] == "31280000"
    assert snapshot["facts"][0]["text"] == "31.28 million vehicles"

    again = proj.briefing("release", "r1")
    assert again.returncode == 1
    assert again.stderr == (
        "briefing release: facts/releases/r1.json already exists; choose a new release name\n"
    )
    second = proj.briefing("release", "r2", "--date", "2025-01-02")
    assert second.stdout == (
        "release r2: 2 facts written to facts/releases/r2.json; "
        "since release r1: 0 added, 0 changed, 0 removed\n"
    )
    assert (proj.root / "facts" / "releases" / "r2.json").read_bytes() == first.read_bytes()


def test_release_refuses_bad_names_and_dates(project: Callable[..., Project]) -> None:
    proj = project()
    bad_name = proj.briefing("release", "../up")
    assert bad_name.returncode == 1
    assert bad_name.stderr == (
        "briefing release: release name '../up' must be letters, digits, '.', '_' or '-' (at most 100)\n"
    )
    bad_date = proj.briefing("release", "r1", "--date", "13 May")
    assert (
        bad_date.stderr
        == "briefing release: release date '13 May' must be a day in the calendar, YYYY-MM-DD\n"
    )
    assert not (proj.root / "facts" / "releases").exists()


def test_changes_page_says_when_no_release_was_cut(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("changes/index.html")
    assert "No release has been cut yet, so there is nothing to compare the facts with." in page


def test_changes_page_lists_exactly_what_changed(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.briefing("release", "r1", "--date", "2025-01-02").returncode == 0
    proj.write("facts/market.yaml", EDITED)
    proj.write("docs/index.md", CITES_EDITED)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("changes/index.html")

    assert "Compared with release r1, cut on 2025-01-02." in page
    assert "1 added, 1 changed, 1 removed." in page
    assert ids_in(section(page, "changes-added")) == ["market.russia.2025"]
    assert ids_in(section(page, "changes-removed")) == ["parts.exports.2024"]
    rows = cell_texts(section(page, "changes-changed"))
    fact = "31.44 million vehicles — China's automobile production, undated (actual) market.production.2024"
    assert rows == [
        *(fact, "value", "31.28 million vehicles", "31.44 million vehicles"),
        *(fact, "note", "none", "Sales, not production: corrected"),
    ]
    # Facts still listed link to their row on the facts page; a removed one cannot.
    assert 'href="../facts/#market.production.2024"' in page
    assert 'href="../facts/#market.russia.2025"' in page
    assert 'href="../facts/#parts.exports.2024"' not in page


def test_each_release_is_compared_with_the_one_before(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.briefing("release", "r1", "--date", "2025-01-02").returncode == 0
    proj.write("facts/market.yaml", EDITED)
    proj.write("docs/index.md", CITES_EDITED)
    assert proj.briefing("release", "r2", "--date", "2025-02-03").returncode == 0
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("changes/index.html")
    since, r2, r1 = re.split(r'<h2 id="[^"]+">', page)[1:]
    assert since.startswith("Since release r2")
    assert "Nothing changed: every fact is as it was." in since
    assert r2.startswith("Release r2")
    assert "Cut on 2025-02-03, compared with release r1 of 2025-01-02." in r2
    assert "1 added, 1 changed, 1 removed." in r2
    assert r1.startswith("Release r1")
    assert "Cut on 2025-01-02: the first snapshot, of 2 facts." in r1


BROKEN_JSON = '{\n "date": "2025-01-02",\n "facts": [\n  {"id": "x",}\n ]\n}\n'
BAD_ENTRIES = """\
{
 "date": "2025-01",
 "facts": [
  {"id": "a", "value": "1"},
  {"id": "a", "value": "2"},
  {"id": "b", "colour": "red"},
  {"id": "c", "value": 3}
 ]
}
"""


def test_bad_snapshots_are_reported_by_file_and_line(project: Callable[..., Project]) -> None:
    proj = project()
    proj.write("facts/releases/broken.json", BROKEN_JSON)
    proj.write("facts/releases/entries.json", BAD_ENTRIES)
    expected = [
        "facts/releases/broken.json:4: not valid JSON: Expecting property name enclosed in "
        "double quotes; cut snapshots with briefing release NAME instead of editing them",
        'facts/releases/entries.json:2: "date" must be a day in the calendar, YYYY-MM-DD',
        "facts/releases/entries.json:5: fact 'a' is listed twice",
        "facts/releases/entries.json:6: fact 'b' has unknown field(s) colour; known: id, "
        "subject, value, value_high, unit, text, period, kind, geo, qualifier, source, quote, "
        "cell_row, cell_column, published_by, note, said_by, data_from, period_from, reading, "
        "tags",
        "facts/releases/entries.json:7: fact 'c': every field must be a string, as in "
        "data/facts.csv",
    ]
    checked = proj.briefing("check")
    assert checked.returncode == 1
    assert checked.stdout.splitlines() == expected
    built = proj.mkdocs_build()
    assert built.returncode == 1
    for line in expected:
        assert line in built.stderr
    refused = proj.briefing("release", "r1")
    assert refused.returncode == 1
    assert refused.stdout.splitlines() == expected


def test_snapshot_rows_are_the_facts_csv_rows(project: Callable[..., Project]) -> None:
    proj = project(facts=FACTS)
    assert proj.briefing("release", "r1").returncode == 0
    assert proj.mkdocs_build().returncode == 0
    snapshot = json.loads((proj.root / "facts" / "releases" / "r1.json").read_text("utf-8"))
    exported = json.loads(proj.html("data/facts.json"))
    assert snapshot["facts"] == exported["facts"]
