"""`briefing build` never loses the previous site: late failures, interrupts, a failed swap.

test_site.py shows a page error (early: nothing written yet) leaves build/ as it was. Here
the failure comes late, after the HTML is written: while a chart renders, while the PDF is
written (half a file on disk), or when the build is interrupted or terminated. Failures are
injected into the real `briefing build` and its MkDocs subprocess through a sitecustomize
module on PYTHONPATH, which each Python process imports at start.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.sitedir import Staging
from conftest import CITES_ALL, Project

CHART = (
    "production:\n  title: Production\n  mark: bar\n  facts: [market.production.2024]\n"
    "  x: label\n  y: value\n  alt: China's production in 2024\n"
)
HOOKS = {  # what goes wrong, as code run in every process of the build
    "chart": """
import briefing.charts.drawing as charts
def prepare(self, specs):
    raise RuntimeError("the chart renderer failed")
charts.ChartRenderer.prepare = prepare
""",
    "pdf": """
import weasyprint.document
def write_pdf(self, target=None, **options):
    with open(target, "wb") as handle:
        handle.write(b"%PDF-1.7 half a file")
    raise OSError("disk full")
weasyprint.document.Document.write_pdf = write_pdf
""",
    "stall": """
import faulthandler, os, signal, time, briefing.plugin.plugin as plugin
faulthandler.register(signal.SIGUSR1, all_threads=True)  # where a build that hangs is
# Ctrl-C as in a terminal: a pytest-xdist worker may start its children with SIGINT ignored,
# and Python keeps an ignored SIGINT ignored (the interrupt was then lost, once a few runs).
signal.signal(signal.SIGINT, signal.default_int_handler)
def on_page_markdown(self, markdown, **kwargs):
    open(os.environ["STALLED"], "w").close()
    time.sleep(60)
plugin.BriefingPlugin.on_page_markdown = on_page_markdown
""",
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def start_build(proj: Project, hook: str, tmp: Path) -> subprocess.Popen[str]:
    """`briefing build` in its own process group, with ``hook`` injected."""
    (tmp / "hooks").mkdir(exist_ok=True)
    (tmp / "hooks" / "sitecustomize.py").write_text(HOOKS[hook], "utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp / "hooks"), "STALLED": str(tmp / "stalled")}
    return subprocess.Popen(
        [sys.executable, "-m", "briefing.cli.main", "build"],
        cwd=proj.root,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def stop_when_stalled(build: subprocess.Popen[str], tmp: Path, stop: signal.Signals) -> None:
    """Once MkDocs renders pages: Ctrl-C reaches the whole process group, SIGTERM (a kill,
    a CI timeout) reaches `briefing build` alone."""
    deadline = time.monotonic() + 60
    while not (tmp / "stalled").exists():
        assert build.poll() is None and time.monotonic() < deadline, "the build did not stall"
        time.sleep(0.1)
    if stop == signal.SIGINT:
        os.killpg(build.pid, signal.SIGINT)
    else:
        build.send_signal(stop)


def test_late_failures_and_interrupts_leave_the_previous_build_intact(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    proj = project(index=CITES_ALL + '\n{{ chart("production") }}\n', pdf=True)
    proj.write("facts/charts.yaml", CHART)
    assert proj.briefing("build").returncode == 0
    before = snapshot(proj.root / "build")
    assert "pdf/briefing.pdf" in before
    assert any(name.startswith("data/charts/production") for name in before)
    ways = {
        "chart": ("build failed", 1, None),
        "pdf": ("build failed", 1, None),
        "interrupt": ("build interrupted", 130, signal.SIGINT),
        "terminate": ("build interrupted", 130, signal.SIGTERM),
    }
    for way, (said, code, stop) in ways.items():
        (tmp_path / "stalled").unlink(missing_ok=True)
        if way == "chart":  # a chart in the cache is not drawn again: this one must be
            shutil.rmtree(proj.root / ".cache" / "briefing" / "charts")
        if way == "pdf":  # nor is an unchanged PDF kept in the cache: it must be drawn
            shutil.rmtree(proj.root / ".cache" / "briefing" / "pdf")
        build = start_build(proj, "stall" if stop else way, tmp_path)
        if stop is not None:
            stop_when_stalled(build, tmp_path, stop)
        try:  # a safety net, not a speed test: a loaded CI machine builds slowly
            _, stderr = build.communicate(timeout=300)
        except subprocess.TimeoutExpired:
            if stop is not None:  # the stalled build's threads' stacks, on its stderr
                os.kill(build.pid, signal.SIGUSR1)
                time.sleep(2)
            os.killpg(build.pid, signal.SIGKILL)
            _, stderr = build.communicate()
            pytest.fail(
                f"{way}: the build had not ended after 300 s; its stderr:\n{stderr[-6000:]}"
            )
        assert stderr.splitlines()[-1] == f"{said}; build/ was left as it was", (way, stderr)
        assert build.returncode == code, way
        assert snapshot(proj.root / "build") == before, way
        assert not list(proj.root.glob(".briefing-*")), way


def test_a_failed_swap_puts_the_previous_build_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the new site cannot be renamed into place, the old one is renamed back."""
    site = tmp_path / "build"
    site.mkdir()
    (site / "index.html").write_text("the previous site", "utf-8")
    staging = Staging(site)
    (staging.folder / "index.html").write_text("the new site", "utf-8")
    real_rename = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self == staging.folder:
            raise OSError(13, "Permission denied")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        staging.publish()
    assert (site / "index.html").read_text("utf-8") == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_killed_briefing_build_leaves_no_process_running(
    project: Callable[..., Project], tmp_path: Path
) -> None:
    """SIGKILL runs no clean-up: whatever `briefing build` started must end with it."""
    proj = project()
    build = start_build(proj, "stall", tmp_path)
    stop_when_stalled(build, tmp_path, signal.SIGKILL)
    build.communicate(timeout=60)
    deadline = time.monotonic() + 10
    while group_alive(build.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_alive(build.pid)  # its session's process group: the build's children


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True
