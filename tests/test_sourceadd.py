"""`briefing source add FILE`: the file copied into seeds/, its entry appended to
sources.yaml (every byte before it kept), and what to fill next printed."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from conftest import TABLE_CSV, Project

ProjectFactory = Callable[..., Project]


def test_a_table_is_archived_with_the_fields_to_fill(
    project: ProjectFactory, tmp_path: Path
) -> None:
    proj = project()
    before = (proj.root / "facts/sources.yaml").read_text("utf-8")
    table = tmp_path / "Annual Results.csv"
    table.write_text(TABLE_CSV, "utf-8")
    done = proj.briefing("source", "add", str(table))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines() == [
        "archived as source 'annual-results' in facts/sources.yaml",
        "fill next, then run briefing check:",
        "  facts/sources.yaml:12: source 'annual-results': 'title' is empty; write the title",
        "  facts/sources.yaml:13: source 'annual-results': 'publisher' is empty; write the "
        "publisher",
        "  facts/sources.yaml:14: source 'annual-results': 'published' is empty; write the "
        "published",
        "  facts/sources.yaml:16: source 'annual-results': 'language' is empty; write the language",
    ]
    assert (proj.root / "seeds/Annual Results.csv").read_bytes() == TABLE_CSV.encode()
    after = (proj.root / "facts/sources.yaml").read_text("utf-8")
    assert after.startswith(before)
    entry = after[len(before) :]
    assert f"  sha256: {hashlib.sha256(TABLE_CSV.encode()).hexdigest()}\n" in entry
    assert "  kind: table\n" in entry and "  method: ''" in entry
    # the numeric columns are offered for a unit; the text and reserved ones are not
    assert "    exports:" in entry and "    growth:" in entry and "status:" not in entry
    filled = (
        entry.replace("title: ''", "title: Annual")
        .replace("publisher: ''", "publisher: Demo")
        .replace("published: ''", "published: '2026-01'")
        .replace("language: ''", "language: en")
        .replace("method: ''", "method: Transcribed by the editors")
        .replace("url: ''", "url: https://example.org/a")
        .replace("unit: ''", "unit: percent")
    )
    proj.write("facts/sources.yaml", before + filled)
    checked = proj.briefing("check")
    assert checked.returncode == 0, checked.stdout


def test_an_id_in_use_is_refused_and_nothing_is_written(
    project: ProjectFactory, tmp_path: Path
) -> None:
    proj = project()
    before = (proj.root / "facts/sources.yaml").read_bytes()
    text = tmp_path / "demo.txt"
    text.write_text("A text.\n", "utf-8")
    done = proj.briefing("source", "add", str(text))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == "briefing source add: source 'demo' is in facts/sources.yaml already\n"
    assert (proj.root / "facts/sources.yaml").read_bytes() == before
    assert not (proj.root / "seeds/demo.txt").exists()
