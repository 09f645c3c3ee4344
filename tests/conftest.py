"""Shared fixtures: tiny projects in tmp_path, the real site built once, a local server, Chromium."""

from __future__ import annotations

import fcntl
import functools
import hashlib
import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import (
    Browser,
    ConsoleMessage,
    Error,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)

from pdfread import Pdf, read_pdf

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = (
    "China's auto production and sales rose 3.7 percent and 4.5 percent to 31.28 million and "
    "31.44 million units, respectively, last year.\n"
    "Last year, China's auto parts exports reached a total value of about USD150 billion.\n"
    "Chinese carmakers' direct exports to Russia plunged 30 percent to 40 percent this year.\n"
)
# The tiny projects' unit registry: the tests' own (a copy of the briefing's as it was), so that
# tests of the generator do not change when the real briefing's units do.
UNITS = ROOT / "tests" / "units.yaml"
# A word of the exports chapter that the home page does not use (for the search tests).
SEARCH_WORD = "Uzbekistan"


def sources_yaml(seed: str = "seed.txt", text: str = SEED_TEXT) -> str:
    digest = hashlib.sha256(text.encode()).hexdigest()
    return (
        "demo:\n"
        f"  file: {seed}\n"
        f"  sha256: {digest}\n"
        "  title: Demo source\n"
        "  publisher: Demo Press\n"
        '  published: "2025-07-13"\n'
        "  language: en\n"
    )


# A table source (issue 19): a compiled table whose first row names its own publication.
TABLE_CSV = """\
year,exports,growth,status,kind,publisher,title,published,url
2023,4.91,57.9,final,actual,Xinhua,CAAM 2023 results,2024-01-11,https://example.org/2023
2024,5.859,19.3,final,actual,,,,
2025,6.5,,expected,forecast,,,,
"""


def table_entry(csv: str = TABLE_CSV, extra: str = "") -> str:
    """The sources.yaml entry of seeds/annual.csv (lines 1-13 when it comes first)."""
    digest = hashlib.sha256(csv.encode()).hexdigest()
    return (
        "annual:\n"
        "  file: annual.csv\n"
        f"  sha256: {digest}\n"
        "  title: Annual results\n"
        "  publisher: Demo Agency\n"
        '  published: "2026-01-15"\n'
        "  url: https://example.org/annual\n"
        "  language: en\n"
        '  method: "Figures transcribed by the editors from the publication; no text copied."\n'
        "  period: year\n"
        "  columns:\n"
        "    exports: {unit: vehicles, scale: million}\n"
        "    growth: {unit: percent}\n"
    ) + extra


# Lines 1-9: a fact citing a cell; 10-14 a series; 15-20 a claim citing a text cell.
TABLE_FACTS = """\
- id: exports.vehicles.2024
  subject: China's automobile exports
  value: 5859000
  unit: vehicles
  period: "2024"
  kind: actual
  geo: China
  source: annual
  cell: {row: "2024", column: exports}
- series: exports.growth.{row}
  source: annual
  column: growth
  subject: Growth of China's automobile exports
  geo: China
- id: status.outlook.2025
  claim: "The 2025 figure is expected, not final."
  source: annual
  cell: {row: "2025", column: status}
  kind: forecast
  period: "2025"
"""


def table_files(csv: str = TABLE_CSV, facts: str = TABLE_FACTS) -> dict[str, str]:
    """The files that add the table source and its records to the tiny project."""
    return {
        "seeds/annual.csv": csv,
        "facts/sources.yaml": table_entry(csv) + sources_yaml(),
        "facts/tables.yaml": facts,
    }


FACTS = """\
- id: market.production.2024
  subject: China's automobile production
  value: 31280000
  unit: vehicles
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "31.28 million and 31.44 million units"
- id: parts.exports.2024
  subject: Chinese auto parts exports (value)
  value: 150000000000
  unit: usd
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "China's auto parts exports reached a total value of about USD150 billion"
  qualifier: about
"""

# A third fact from the same quote, in the same unit as production (for charts).
SALES = """\
- id: market.sales.2024
  subject: China's automobile sales
  value: 31440000
  unit: vehicles
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "31.28 million and 31.44 million units"
"""

CITES_ALL = '# Home\n\n{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.\n'

MKDOCS = """\
site_name: Demo
site_dir: build
use_directory_urls: true
theme:
  name: material
  font: false
plugins:
  - search
  - briefing:
      pdf: {pdf}
{options}nav:
  - Home: index.md
  - Facts: facts.md
  - Sources: sources/index.md
"""


class Project:
    """A tiny briefing project on disk, for whole-site tests."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        return path

    def run(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
        return subprocess.run(
            [*args], cwd=self.root, capture_output=True, text=True, env=env, check=False
        )

    def briefing(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "briefing.cli.main", *args, env=env)

    def mkdocs_build(self) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "mkdocs", "build", "--strict")

    def html(self, rel: str) -> str:
        return (self.root / "build" / rel).read_text("utf-8")


# Editors' text that would be markup or code if it were not escaped: it must stay text.
HOSTILE_SEED = (
    'Sales <script>alert(1)</script> rose 5 percent, said <img src=x onerror="alert(2)">.\n'
)
HOSTILE_FACTS = """\
- id: market.growth.2024
  subject: "<b>Growth</b> <!-- hidden --> [click](javascript:alert(3))"
  value: 5
  unit: percent
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "Sales <script>alert(1)</script> rose 5 percent"
  note: "<a href='javascript:alert(4)'>x</a> {{ 7 * 7 }}"
"""


def hostile_project(project: Callable[..., Project]) -> Project:
    """A tiny project whose source, quote, subject and note are all hostile text."""
    proj = project(index='# Home\n\n{{ fact("market.growth.2024") }}\n', facts=HOSTILE_FACTS)
    proj.write("seeds/seed.txt", HOSTILE_SEED)
    proj.write("facts/sources.yaml", sources_yaml(text=HOSTILE_SEED))
    return proj


def project_factory(folder: Path) -> Callable[..., Project]:
    """What the ``project`` fixture gives, writing in ``folder``: for a module's fixture that
    builds one tiny site once for the tests that only read it (a test that edits or builds
    again takes its own ``project``)."""

    def make(
        index: str = CITES_ALL, facts: str = FACTS, pdf: bool = False, options: str = ""
    ) -> Project:
        proj = Project(folder / "proj")
        proj.write("mkdocs.yml", MKDOCS.format(pdf=str(pdf).lower(), options=options))
        proj.write("seeds/seed.txt", SEED_TEXT)
        proj.write("facts/sources.yaml", sources_yaml())
        proj.write("facts/units.yaml", UNITS.read_text("utf-8"))
        proj.write("facts/market.yaml", facts)
        proj.write("docs/index.md", index)
        return proj

    return make


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Project]:
    """A factory: ``project(index=..., facts=..., pdf=False, options=...)`` writes a minimal
    project; ``options`` are more lines of the plugin's options, indented six spaces."""
    return project_factory(tmp_path)


# Every real-site build in the tests has the same build date, so two builds can be compared.
SOURCE_DATE_EPOCH = "1752400000"  # 2025-07-13 09:46:40 UTC


def build_real_project(copy: Path) -> Path:
    """Copy the real project (sources only, no build, cache or venv) to ``copy``, build it
    there with ``briefing build`` and the fixed SOURCE_DATE_EPOCH; return its build folder."""
    ignore = shutil.ignore_patterns("build", ".venv", ".git", ".cache", "__pycache__", ".*_cache")
    shutil.copytree(ROOT, copy, ignore=ignore)
    done = Project(copy).briefing("build", env={"SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH})
    assert done.returncode == 0, done.stdout + done.stderr
    return copy / "build"


# What `make test-fast` leaves out (marked slow; `make test` runs everything): the real site
# (built once a session), modules whose tests build many sites, serve, time or kill builds or
# write PDFs, and the corpus run one `briefing check` process a case (its combined run stays).
SLOW_MODULES = {
    "test_bench",
    "test_build",
    "test_charts",
    "test_cli",
    "test_injection",
    "test_pdf",
    "test_properties",
    "test_releases",
    "test_safebuild",
}
SLOW_TESTS = {
    "test_bad_input_is_reported_at_its_line",
    "test_charts_drawn_by_workers_are_those_drawn_in_turn",
    "test_serve_rebuilds_on_an_edited_page_and_seed",
    "test_serve_shows_an_edited_fact",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        real = {"real_site", "served_site"} & set(getattr(item, "fixturenames", ()))
        module = getattr(item, "module", None)
        name = getattr(item, "originalname", item.name)
        if real or getattr(module, "__name__", "") in SLOW_MODULES or name in SLOW_TESTS:
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real project built once a run, by `briefing build`, in a copy under tmp. The tests
    only read it, so pytest-xdist's workers share it: the first to ask builds it in the run's
    temp folder (above each worker's own), under a lock the others wait on."""
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    with (shared / "real.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        copy = shared / "real" / "project"
        if (copy / "build").is_dir():  # `briefing build` swaps a site in only when it is whole
            return copy / "build"
        shutil.rmtree(copy, ignore_errors=True)  # what a worker's failed build left
        return build_real_project(copy)


@pytest.fixture(scope="session")
def full(real_site: Path) -> Pdf:
    """The real briefing's full PDF, read back."""
    return read_pdf(real_site / "pdf" / "briefing.pdf")


@pytest.fixture(scope="session")
def brief(real_site: Path) -> Pdf:
    """The real briefing's executive brief, read back."""
    return read_pdf(real_site / "pdf" / "executive-brief.pdf")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def served_site(real_site: Path) -> Iterator[str]:
    """The built real site served on localhost; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(real_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


# Debian's Chromium, driven by Playwright, for the browser tests (test_browser, test_explorer).
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Wide enough for Material's left sidebar (the primary nav) to be shown, not folded away.
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}


@dataclass
class Tab:
    """A browser page and what went wrong in it: console errors and uncaught page errors."""

    page: Page
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def open(self, url: str) -> None:
        """Load ``url`` and wait until the page is settled (the search index waits for a
        search: see test_search)."""
        settle(self.page, url)


QUIET_SECONDS = 0.5


def settle(page: Page, url: str, timeout: float = 30.0) -> None:
    """Load ``url``: its load event fired, then no request in flight for half a second.

    Playwright's ``networkidle`` alone is not enough: it counts from the first response, not
    from the load event, so on a busy machine a renderer that stalls half a second while it
    parses the page reports idle before the body's scripts were even requested."""
    in_flight: set[Request] = set()
    quiet_since = [time.monotonic()]

    def started(request: Request) -> None:
        in_flight.add(request)

    def ended(request: Request) -> None:
        in_flight.discard(request)
        if not in_flight:
            quiet_since[0] = time.monotonic()

    page.on("request", started)
    page.on("requestfinished", ended)
    page.on("requestfailed", ended)
    try:
        page.goto(url, wait_until="load")
        deadline = time.monotonic() + timeout
        while in_flight or time.monotonic() - quiet_since[0] < QUIET_SECONDS:
            if time.monotonic() > deadline:
                pending = sorted(request.url for request in in_flight)
                raise AssertionError(f"{url} never settled; still loading: {pending}")
            page.wait_for_timeout(50)  # lets Playwright deliver the request events
    finally:
        page.remove_listener("request", started)
        page.remove_listener("requestfinished", ended)
        page.remove_listener("requestfailed", ended)


def await_target(page: Page, element_id: str) -> None:
    """Wait until ``element_id`` is the page's ``:target``.

    The browser settles the target only once the document has parsed, which on a busy
    machine is later than the element itself appearing."""
    page.wait_for_function(
        "id => document.getElementById(id)?.matches(':target') === true", arg=element_id
    )


def collapse(text: str | None) -> str:
    return " ".join((text or "").split())


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Tab]:
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    tab = Tab(page)

    def on_console(msg: ConsoleMessage) -> None:
        if msg.type == "error":
            tab.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    def on_page_error(err: Error) -> None:
        tab.page_errors.append(f"{err.name}: {err.message}")

    page.on("console", on_console)
    page.on("pageerror", on_page_error)
    yield tab
    context.close()
