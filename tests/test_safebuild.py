"""The site folder is never lost: refused folders, plain `mkdocs build` failing any way it can,
killed builds (no staging folder and no drawing worker left behind), `mkdocs serve` keeping the
last good site, and mkdocs.yml mistakes that `briefing check` finds failing the build too.

Failures are injected into the real `mkdocs build` through a sitecustomize module on
PYTHONPATH (as in test_build), which each Python process of the build imports at start.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bad_inputs import config
from bad_inputs.base import Case
from briefing.sitedir import MARKER, OLD, STAGING, Staging, sweep
from conftest import CITES_ALL, FACTS, Project, Tab
from test_build import CHART, HOOKS, snapshot

ProjectFactory = Callable[..., Project]
REFUSED = "which a build would delete; choose a folder of its own"
TWO_CHARTS = CHART + CHART.replace("production:", "production-too:").replace(
    "title: Production", "title: Production again"
)
CHARTED = CITES_ALL + '\n{{ chart("production") }}\n\n{{ chart("production-too") }}\n'
FAILING = {  # more ways a build fails, as code run in the build's process
    "another-plugin": """
import material.plugins.search.plugin as search
def on_post_build(self, config, **kwargs):
    raise RuntimeError("the search plugin failed")
search.SearchPlugin.on_post_build = on_post_build
""",
    "slow-drawing": """
import os, time, briefing.charts.drawing as charts
drawn = charts.draw
def draw(*args):
    open(os.path.join(os.environ["WORKERS"], str(os.getpid())), "w").close()
    time.sleep(60)
    return drawn(*args)
charts.draw = draw
""",
    **HOOKS,
}


def mkdocs(proj: Project, tmp: Path, hook: str | None = None) -> subprocess.Popen[bytes]:
    """Plain `mkdocs build --strict` in the project, with ``hook`` injected. Its output goes to
    a file, not a pipe: a worker left running would hold a pipe open, and the test with it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "WORKERS": str(tmp / "workers")}
    if hook is not None:
        (tmp / "hooks").mkdir(exist_ok=True)
        (tmp / "hooks" / "sitecustomize.py").write_text(FAILING[hook], "utf-8")
        env["PYTHONPATH"] = str(tmp / "hooks")
    with (tmp / "build.log").open("wb") as log:
        return subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "build", "--strict"],
            cwd=proj.root,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )


def finished(build: subprocess.Popen[bytes], tmp: Path) -> tuple[int, str]:
    """A build's exit status and what it printed, once it has ended."""
    build.wait(timeout=300)
    return build.returncode, (tmp / "build.log").read_text("utf-8")


def leftovers(proj: Project) -> list[str]:
    return sorted(p.name for p in proj.root.iterdir() if p.name.startswith(".briefing-"))


def test_briefing_build_refuses_folders_it_would_destroy(project: ProjectFactory) -> None:
    proj = project()
    proj.write("notes/keep.txt", "an editor's notes\n")
    proj.write("notes/sub/more.txt", "more\n")
    before = snapshot(proj.root)
    said = {
        "docs": f"it holds the pages (docs_dir), {REFUSED}",
        "facts": f"it holds the facts (facts_dir), {REFUSED}",
        "seeds": f"it holds the archived sources (seeds_dir), {REFUSED}",
        ".": f"it holds the project (mkdocs.yml), {REFUSED}",
        "..": f"it holds the project (mkdocs.yml), {REFUSED}",
        ".cache": f"it holds the cache (cache_dir), {REFUSED}",
        "facts/site": "it is inside the facts (facts_dir); choose a folder of its own, outside it",
        "mkdocs.yml": "it is not a folder; choose a folder of its own",
        "notes": f"it is not empty and holds no earlier build (no {MARKER} file); "
        "empty it, or choose another folder",
    }
    (proj.root / ".cache").mkdir()
    for folder, why in said.items():
        done = proj.briefing("build", "--site-dir", folder)
        assert done.stderr == f"briefing build: --site-dir {folder}: {why}\n", folder
        assert (done.returncode, done.stdout) == (1, ""), folder
    assert snapshot(proj.root) == before  # nothing written, nothing deleted
    assert not (proj.root / "facts" / "site").exists()


def test_plain_mkdocs_build_refuses_them_too(project: ProjectFactory) -> None:
    proj = project()
    proj.write("notes/keep.txt", "an editor's notes\n")
    before = snapshot(proj.root)
    for folder, why in {
        "facts": f"it holds the facts (facts_dir), {REFUSED}",
        "notes": f"it is not empty and holds no earlier build (no {MARKER} file); "
        "empty it, or choose another folder",
    }.items():
        done = proj.run(sys.executable, "-m", "mkdocs", "build", "--site-dir", folder)
        assert done.stderr == f"ERROR   -  site_dir '{folder}' is refused: {why}\n"
        assert done.returncode == 1
    assert snapshot(proj.root) == before


def test_a_previous_build_is_replaced_and_an_empty_folder_filled(project: ProjectFactory) -> None:
    proj = project()
    (proj.root / "out").mkdir()
    for _ in range(2):  # an empty folder, then the build made there
        done = proj.briefing("build", "--site-dir", "out")
        assert (done.returncode, done.stdout) == (0, "site built into out/\n"), done.stderr
    assert (proj.root / "out" / MARKER).is_file()
    assert (proj.root / "out" / "index.html").is_file()
    assert leftovers(proj) == []


CAUSES = {  # each way a build fails, and what the build says of it
    "unknown-fact": "docs/index.md:1: unknown fact 'no.such.fact'; use an id from facts/*.yaml",
    "bad-yaml": "facts/market.yaml:8: invalid YAML",
    "nav-to-nowhere": "A reference to 'gone.md' is included in the 'nav' configuration",
    "chart": "RuntimeError: the chart renderer failed",
    "pdf": "OSError: disk full",
    "another-plugin": "RuntimeError: the search plugin failed",
}


@pytest.mark.parametrize("way", CAUSES)
def test_a_failed_mkdocs_build_leaves_build_byte_identical(
    project: ProjectFactory, tmp_path: Path, way: str
) -> None:
    proj = project(index=CITES_ALL + '\n{{ chart("production") }}\n', pdf=True)
    proj.write("facts/charts.yaml", CHART)
    code, stderr = finished(mkdocs(proj, tmp_path), tmp_path)
    assert code == 0, stderr
    before = snapshot(proj.root / "build")
    assert MARKER in before and "pdf/briefing.pdf" in before
    hook = None
    if way == "unknown-fact":
        proj.write("docs/index.md", '{{ fact("no.such.fact") }}\n')
    elif way == "bad-yaml":
        proj.write("facts/market.yaml", FACTS.replace("geo: China", "geo: [China", 1))
    elif way == "nav-to-nowhere":  # a warning, which strict mode makes a failure
        config = (proj.root / "mkdocs.yml").read_text("utf-8")
        proj.write("mkdocs.yml", config + "  - Gone: gone.md\n")
    else:
        hook = way
        if way == "chart":  # a chart in the cache is not drawn again: this one must be
            proj.write("facts/charts.yaml", CHART.replace("Production", "Output"))
        if way == "pdf":  # nor is an unchanged PDF kept in the cache: it must be drawn
            shutil.rmtree(proj.root / ".cache" / "briefing" / "pdf")
    code, said = finished(mkdocs(proj, tmp_path, hook), tmp_path)
    assert (code, CAUSES[way] in said) == (1, True), said
    assert snapshot(proj.root / "build") == before
    assert leftovers(proj) == []


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie, dead but not yet reaped by init, does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGTERM])
def test_a_killed_build_leaves_no_worker_and_its_staging_folder_is_swept(
    project: ProjectFactory, tmp_path: Path, stop: signal.Signals
) -> None:
    proj = project(index=CHARTED)
    proj.write("facts/charts.yaml", TWO_CHARTS)
    (tmp_path / "workers").mkdir()
    build = mkdocs(proj, tmp_path, "slow-drawing")
    deadline = time.monotonic() + 120
    while len(list((tmp_path / "workers").iterdir())) < 2:  # both charts drawing, in workers
        assert build.poll() is None and time.monotonic() < deadline, finished(build, tmp_path)
        time.sleep(0.1)
    workers = [int(p.name) for p in (tmp_path / "workers").iterdir()]
    assert build.pid not in workers
    build.send_signal(stop)
    finished(build, tmp_path)
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)
    assert not (proj.root / "build").exists()
    killed = leftovers(proj)  # the killed build's folder and lock: nothing could remove them
    assert len(killed) == 2 and killed[1] == killed[0] + ".lock", killed
    code, stderr = finished(mkdocs(proj, tmp_path), tmp_path)
    assert code == 0, stderr
    assert leftovers(proj) == []
    assert (proj.root / "build" / "index.html").is_file()


def fetch(url: str) -> str:
    """The page at ``url``; a server holding the request back fails the test, not hangs it."""
    with urllib.request.urlopen(url, timeout=20) as response:
        return str(response.read().decode("utf-8"))


def until(url: str, seen: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + 120
    while not seen(page := fetch(url)):
        assert time.monotonic() < deadline, page
        time.sleep(0.2)
    return page


@contextmanager
def served(proj: Project, log: Path) -> Iterator[str]:
    """A real `mkdocs serve` of ``proj`` on a free loopback port, its output in ``log``: the
    site's URL once the first build is served."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=proj.root,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                fetch(url)
                break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.2)
        time.sleep(1)  # the watcher's first look at every file
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_keeps_the_last_good_site_and_shows_why_a_rebuild_was_refused(
    project: ProjectFactory, tmp_path: Path
) -> None:
    proj = project()
    problem = "docs/index.md:1: unknown fact &#39;no.such.fact&#39;; use an id from facts/*.yaml"
    with served(proj, tmp_path / "serve.log") as url:
        good = fetch(url)
        assert "31.28 million" in good and "briefing-problems" not in good
        proj.write("docs/index.md", '{{ fact("no.such.fact") }}\n')
        refused = until(url, lambda page: "briefing-problems" in page)
        # A browser showing the good page is told to reload, not left waiting for a good build.
        epoch = re.search(r"livereload\((\d+), ", good)
        assert epoch is not None
        assert int(fetch(f"{url}livereload/{epoch[1]}/1")) > int(epoch[1])
        assert "The site was not rebuilt: fix these problems, then save" in refused
        assert f"<li><code>{problem}</code></li>" in refused
        assert "31.28 million" in refused  # the last good page, under the notice
        assert (
            "docs/index.md:1: unknown fact 'no.such.fact'" in (tmp_path / "serve.log").read_text()
        )
        config = (proj.root / "mkdocs.yml").read_text("utf-8")
        proj.write("docs/index.md", CITES_ALL.replace("# Home", "# Home again"))
        proj.write("mkdocs.yml", config.replace("theme:\n", "theme: [\n"))  # before the build
        refused = until(url, lambda page: "parsing the configuration file" in page)
        assert "briefing-problems" in refused and "Home again" not in refused
        proj.write("mkdocs.yml", config)
        fixed = until(url, lambda page: "Home again" in page)
        assert "briefing-problems" not in fixed and "31.28 million" in fixed


@pytest.mark.browser
def test_serve_reloads_the_open_page_by_itself(
    project: ProjectFactory, tmp_path: Path, tab: Tab
) -> None:
    """What an editor sees with the page open: each save reloads it, a refused rebuild shows
    its problems there, and the fix brings the page back, with no click."""
    proj = project()
    with served(proj, tmp_path / "serve.log") as url:
        tab.page.goto(url)  # not until the network is idle: live reload keeps a request open
        tab.page.get_by_role("heading", name="Home").wait_for()
        proj.write("docs/index.md", '{{ fact("no.such.fact") }}\n')
        notice = tab.page.locator(".briefing-problems")
        notice.wait_for(timeout=60_000)
        assert "unknown fact 'no.such.fact'" in notice.inner_text()
        proj.write("docs/index.md", CITES_ALL.replace("# Home", "# Home again"))
        tab.page.get_by_role("heading", name="Home again").wait_for(timeout=60_000)
        assert tab.page.locator(".briefing-problems").count() == 0


@pytest.mark.parametrize("case", config.CASES, ids=[c.name for c in config.CASES])
def test_what_check_finds_in_mkdocs_yml_fails_the_build(
    project: ProjectFactory, case: Case
) -> None:
    """`briefing check` says "all facts verified" on no project whose build fails for a reason
    in mkdocs.yml: each case of the corpus fails `mkdocs build --strict`, and writes no site."""
    proj = project()
    for rel, data in case.files.items():
        assert isinstance(data, str)
        proj.write(rel, data)
    done = proj.mkdocs_build()
    assert done.returncode == 1, done.stderr
    assert not (proj.root / "build").exists()


def test_briefing_pdf_marks_the_folder_it_makes_and_refuses_one_not_a_site(
    project: ProjectFactory,
) -> None:
    proj = project(pdf=True)
    assert proj.briefing("pdf").returncode == 0
    done = proj.briefing("build")  # build/ holds only the PDF, and may be replaced
    assert (done.returncode, done.stdout) == (0, "site built into build/\n"), done.stderr
    config = (proj.root / "mkdocs.yml").read_text("utf-8")
    proj.write("mkdocs.yml", config.replace("site_dir: build", "site_dir: notes"))
    proj.write("notes/keep.txt", "an editor's notes\n")
    done = proj.briefing("pdf")
    assert done.stderr == (
        f"briefing pdf: site_dir 'notes' is refused: it is not empty and holds no earlier build "
        f"(no {MARKER} file); empty it, or choose another folder\n"
    )
    assert done.returncode == 1
    assert sorted(p.name for p in (proj.root / "notes").iterdir()) == ["keep.txt"]


def test_a_link_to_the_site_folder_stays_a_link_to_the_new_site(tmp_path: Path) -> None:
    (tmp_path / "deployed").mkdir()
    (tmp_path / "deployed" / "index.html").write_text("the previous site", "utf-8")
    (tmp_path / "build").symlink_to(tmp_path / "deployed")
    staging = Staging(tmp_path / "build")
    (staging.folder / "index.html").write_text("the new site", "utf-8")
    staging.publish()
    assert (tmp_path / "build").is_symlink()
    assert (tmp_path / "deployed" / "index.html").read_text("utf-8") == "the new site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build", "deployed"]


def test_a_swap_killed_half_way_is_put_right_by_the_next_build(tmp_path: Path) -> None:
    """Killed between moving the previous site aside and moving the new one in: the site is
    missing, the previous one is put back, and the unlocked staging folder removed with its
    lock file (a build killed by SIGKILL leaves both; the system has released the lock)."""
    (tmp_path / f"{OLD}build-x").mkdir()
    (tmp_path / f"{OLD}build-x" / "index.html").write_text("the previous site", "utf-8")
    (tmp_path / f"{STAGING}x").mkdir()
    (tmp_path / f"{STAGING}x.lock").touch()
    (tmp_path / f"{STAGING}y.lock").touch()  # killed between its lock and its folder's removal
    sweep(tmp_path / "build")
    assert (tmp_path / "build" / "index.html").read_text("utf-8") == "the previous site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["build"]


def test_a_running_build_s_staging_folder_is_left_alone(tmp_path: Path) -> None:
    running = Staging(tmp_path / "build")
    Staging(tmp_path / "build").discard()  # a second build beside it sweeps, then gives up
    assert running.folder.is_dir()
    running.discard()
    assert list(tmp_path.iterdir()) == []


def test_every_command_reads_the_folders_mkdocs_yml_names(project: ProjectFactory) -> None:
    """facts_dir and seeds_dir elsewhere: check, coverage and add read and write there, as
    the build does (they read facts/ and seeds/ whatever mkdocs.yml said)."""
    proj = project(options="      facts_dir: data/facts\n      seeds_dir: data/archive\n")
    (proj.root / "data").mkdir()
    (proj.root / "facts").rename(proj.root / "data" / "facts")
    (proj.root / "seeds").rename(proj.root / "data" / "archive")
    done = proj.briefing("check")
    assert (done.returncode, done.stderr) == (0, ""), done.stdout
    assert "demo: 6 numbers, 3 covered or explained, 3 left" in proj.briefing("coverage").stdout
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "exports to Russia plunged 30 percent to 40 percent",
        "--id", "markets.russia.2025", "--subject", "Direct exports to Russia",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "added to data/facts/demo.yaml" in done.stdout
    assert proj.briefing("check").stdout == (
        "data/facts/demo.yaml:1: fact 'markets.russia.2025' is cited by no page; cite it in a "
        "chapter, or tag it 'background' to list it on the facts page only\n"
    )
