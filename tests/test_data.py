"""The data readers take away: facts.csv and facts.json, described by datapackage.json.

The package is checked by the frictionless library itself, as a reader's tools would
read it: types, primary key, sizes and hashes of both files.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from pathlib import Path

import frictionless

from briefing.facts.loading import load_factbook
from briefing.plugin.siteconfig import read_site
from conftest import ROOT, Project


def validate(package: Path) -> frictionless.Report:
    return frictionless.validate(str(package))


def rows_checked(report: frictionless.Report, resource: str) -> int:
    (task,) = [task for task in report.tasks if task.name == resource]
    return int(task.stats["rows"] or 0)


def test_tiny_site_datapackage_is_valid_and_describes_the_csv(
    project: Callable[..., Project],
) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    data = proj.root / "build" / "data"
    report = validate(data / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert rows_checked(report, "facts") == 2

    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    assert (package["name"], package["title"]) == ("demo", "Demo")
    assert "licenses" not in package  # none is known, so none is claimed
    assert "Licence: not stated" in package["description"]
    assert package["sources"] == [{"title": "Demo Press: Demo source (2025-07-13)"}]
    facts, claims, as_json = package["resources"]
    assert (claims["path"], claims["schema"]["primaryKey"]) == ("claims.csv", ["id"])
    assert (facts["path"], facts["profile"]) == ("facts.csv", "tabular-data-resource")
    assert facts["schema"]["primaryKey"] == ["id"]
    with (data / "facts.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in facts["schema"]["fields"]] == header
    assert all(f["description"] for f in facts["schema"]["fields"])
    assert (as_json["path"], as_json["format"]) == ("facts.json", "json")


def test_a_changed_download_no_longer_matches_its_package(
    project: Callable[..., Project],
) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    data = proj.root / "build" / "data"
    csv_file = data / "facts.csv"
    csv_file.write_text(csv_file.read_text("utf-8").replace("31.28", "31.29"), "utf-8")
    report = validate(data / "datapackage.json")
    assert not report.valid
    assert {error.type for task in report.tasks for error in task.errors} == {"hash-count"}


def test_data_files_are_byte_stable(project: Callable[..., Project]) -> None:
    proj = project()
    assert proj.mkdocs_build().returncode == 0
    data = proj.root / "build" / "data"
    first = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert proj.mkdocs_build().returncode == 0
    again = {p.name: p.read_bytes() for p in data.iterdir() if p.is_file()}
    assert set(first) == {
        "datapackage.json",
        "facts.json",
        "facts.csv",
        "claims.csv",
        "citation.bib",
        "citation.json",
    }
    assert again == first


def test_real_datapackage_validates_with_a_row_per_fact(real_site: Path) -> None:
    report = validate(real_site / "data" / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    facts = json.loads((real_site / "data" / "facts.json").read_text("utf-8"))["facts"]
    page = (real_site / "facts" / "index.html").read_text("utf-8")
    listed = len(re.findall(r'<tr id="[^"]+" data-topic=', page))  # a fact's row, not a claim's
    assert rows_checked(report, "facts") == len(facts) == listed
    assert len(facts) == len(load_factbook(read_site(ROOT).paths).facts)


def test_facts_and_methodology_pages_link_the_three_files(real_site: Path) -> None:
    for page in ("facts", "methodology"):
        html = (real_site / page / "index.html").read_text("utf-8")
        for name in ("facts.csv", "facts.json", "datapackage.json"):
            assert f'href="../data/{name}"' in html, (page, name)
