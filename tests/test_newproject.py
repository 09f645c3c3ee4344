"""`briefing new`: the project it writes passes `briefing check` and `mkdocs build --strict`, from
the package installed as a user installs it (a wheel, not editable, in a fresh virtual
environment): what the package needs at run time (templates, word lists, assets, the skeleton)
ships in the wheel, and nothing is read from this checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT, Project

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def run(*args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=ENV, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done


def test_new_writes_a_project_and_refuses_a_folder_that_is_not_empty(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    proj = project()
    done = proj.briefing("new", str(tmp_path / "fresh"))
    assert done.returncode == 0, done.stderr
    assert sorted(
        str(p.relative_to(tmp_path / "fresh")) for p in (tmp_path / "fresh").rglob("*.*")
    ) == [
        ".gitignore",
        "docs/index.md",
        "facts/charts.yaml",
        "facts/library.yaml",
        "facts/sources.yaml",
        "facts/units.yaml",
        "mkdocs.yml",
        "seeds/annual-report-2024.txt",
    ]
    again = proj.briefing("new", str(tmp_path / "fresh"))
    assert (again.returncode, again.stdout) == (1, "")
    assert again.stderr == (
        f"briefing new: {tmp_path / 'fresh'} exists and is not an empty folder; name a new folder\n"
    )


@pytest.mark.slow
def test_a_new_project_builds_from_a_wheel_installed_in_a_fresh_venv(tmp_path: Path) -> None:
    source = tmp_path / "source"  # a copy: building a wheel writes build/ and *.egg-info
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    shutil.copytree(ROOT / "scripts", source / "scripts", ignore=ignore)
    wheels = tmp_path / "wheels"
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
        "-w", wheels, source, cwd=tmp_path)  # fmt: skip
    (wheel,) = wheels.glob("briefing-*.whl")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    for data in ("py.typed", "templates/card.html", "facts/wordlists/en.yaml", "assets/charts.js",
                 "skeleton/mkdocs.yml", "skeleton/seeds/annual-report-2024.txt"):  # fmt: skip
        assert any(name.endswith(f"briefing/{data}") for name in shipped), data
    metadata = next(n for n in shipped if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text and "Classifier: Typing :: Typed" in text

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    bin_ = venv / "bin"
    run(bin_ / "pip", "install", "-q", "--require-hashes", "-r", ROOT / "requirements.lock",
        cwd=tmp_path)  # fmt: skip
    run(bin_ / "pip", "install", "-q", "--no-deps", wheel, cwd=tmp_path)
    # jieba is the `chinese` extra: the generator works without it (the lock installs it)
    run(bin_ / "pip", "uninstall", "-q", "-y", "jieba", cwd=tmp_path)
    where = run(bin_ / "python", "-c", "import briefing; print(briefing.__file__)", cwd=tmp_path)
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    run(bin_ / "briefing", "new", "library", cwd=tmp_path)
    site = tmp_path / "library"
    checked = run(bin_ / "briefing", "check", cwd=site)
    assert checked.stdout == (
        "briefing check: all facts verified against their sources; all pages render\n"
    )
    run(bin_ / "mkdocs", "build", "--strict", cwd=site)
    home = (site / "build" / "index.html").read_text("utf-8")
    assert "48,200 books" in home and "41,500 books" in home and "12%" in home
    assert '<figure class="chart" id="chart-loans"' in home and "<svg" in home
    for built in ("facts/index.html", "sources/annual-report-2024/index.html",
                  "data/charts/loans.png", "data/facts.csv", "search/search_index.json"):  # fmt: skip
        assert (site / "build" / built).is_file(), built
