"""``briefing bench`` at a tiny size: every figure is there and positive, the JSON is valid.

Timings are not asserted; speed belongs to the bench's own report, not to tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli.main import check_project
from briefing_bench import synthetic

ROOT = Path(__file__).resolve().parent.parent
TINY = synthetic.Size(facts=20, pages=3, charts=2)
FIGURES = {
    "facts_load_s",
    "facts_load_unchanged_s",
    "facts_load_edited_s",
    "floor_s",
    "cold_build_s",
    "warm_build_s",
    "edit_rebuild_s",
    "text_page_kb",
    "chart_page_kb",
    "vega_kb",
    "search_index_kb",
    "peak_mb",
}


def test_generated_project_passes_check(tmp_path: Path) -> None:
    synthetic.generate(tmp_path, TINY, ROOT / "facts" / "units.yaml")
    assert check_project(tmp_path) == []


def test_bench_reports_every_figure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefing.cli.main import main

    monkeypatch.chdir(ROOT)
    out = tmp_path / "bench.json"
    args = ["--facts", "20", "--pages", "3", "--charts", "2", "--json", str(out)]
    assert main(["bench", *args]) == 0
    report = json.loads(out.read_text("utf-8"))
    (run,) = report["runs"]
    figures = {f["key"]: f for f in run["figures"]}
    assert set(figures) == FIGURES
    assert all(f["value"] > 0 for f in figures.values())
    assert figures["warm_build_s"]["ratio"] > 0
    assert report["machine"]["cpus"] >= 1
    printed = capsys.readouterr().out
    assert all(f["label"] in printed for f in figures.values())


def test_make_setup_is_timed_on_the_ready_target_after_one_untimed_run(tmp_path: Path) -> None:
    from briefing_bench.bench import REPEATS, make_setup

    (tmp_path / "Makefile").write_text("ready:\n\techo run >> runs.log\n", "utf-8")
    (figure,) = make_setup(tmp_path)
    assert (figure.key, figure.unit, figure.limit) == ("make_setup_s", "s", 2)
    assert figure.value > 0
    assert (tmp_path / "runs.log").read_text("utf-8").count("run") == REPEATS + 1


def test_make_setup_is_left_out_where_there_is_no_makefile(tmp_path: Path) -> None:
    from briefing_bench.bench import make_setup

    assert make_setup(tmp_path) == []


def test_the_project_makefile_has_the_ready_target_the_bench_times() -> None:
    import subprocess

    dry = ["make", "--dry-run", "--no-print-directory", "ready"]
    done = subprocess.run(dry, cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
