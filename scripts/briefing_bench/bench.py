"""``briefing bench``: how fast the site builds and how heavy its pages are, against a floor.

The floor is what plain MkDocs Material costs on the same pages (numbers written as text, same
navigation), so a figure says what the briefing plugin adds rather than what the machine is
worth. Builds run as subprocesses, as an editor runs them, so each one's time includes start-up
and its peak memory is that process's own (``os.wait4``). Synthetic projects are generated with
facts that pass the real validation, so the bench measures the same work a real site causes.
"""

from __future__ import annotations

import gzip
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

from briefing.facts.loading import load_factbook
from briefing.plugin.siteconfig import read_site
from briefing.render.urls import VEGA_JS, SiteUrls
from briefing_bench.servetime import MARKER, cited_fact, reload_seconds, subject_edited
from briefing_bench.synthetic import CHART_CALL, Size, configure, generate, make_floor

T = TypeVar("T")

GZIP_LEVEL = 6  # what web servers commonly use
REPEATS = 5  # warm and floor builds, each figure the median: a 2-core machine's timings wander
SAMPLES = 3  # the real site's cold build and PDF: each the median of this many
INDEX = "search/search_index.json"  # Material's search index
PDF_LINE = re.compile(r"(\S+\.pdf): (\d+) pages in ([\d.]+) s")
LOCAL_ASSET = re.compile(
    r"<script[^>]*\bsrc=\"([^\"]+)\"|<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\""
    r"|\"search\":\s*\"([^\"]+\.js)\""  # Material's search worker, named in its config
)


@dataclass
class Figure:
    """One measured figure; ``limit`` applies to ``ratio`` when ``on_ratio``, else to value."""

    key: str
    label: str
    value: float
    unit: str
    ratio: float | None = None
    limit: float | None = None
    on_ratio: bool = False

    @property
    def ok(self) -> bool | None:
        if self.limit is None:
            return None
        measured = self.ratio if self.on_ratio else self.value
        return measured is not None and measured <= self.limit

    @property
    def target(self) -> str:
        if self.limit is None:
            return ""
        return f"≤ {self.limit:g}{'×' if self.on_ratio else ' ' + self.unit}"


@dataclass
class Run:
    """One bench run: the project it measured and its figures."""

    name: str
    figures: list[Figure]


@dataclass(frozen=True)
class Build:
    seconds: float
    peak_mb: float
    output: str = ""

    @property
    def drawn_s(self) -> float:
        """The seconds its log says PDFs took to draw (none when each was reused)."""
        return sum(float(found[3]) for found in PDF_LINE.finditer(self.output))


# Measuring ------------------------------------------------------------------------------------


def run(command: list[str], cwd: Path) -> tuple[Build, str]:
    """Run a command to completion; its wall time, its own peak memory and its output."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", "replace")
    if proc.returncode:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    return Build(seconds, usage.ru_maxrss / 1024, output), output  # ru_maxrss: KiB on Linux


def median(samples: Iterable[T], seconds: Callable[[T], float]) -> T:
    """The middle sample by time (of an odd number): one run slowed by something else on the
    machine does not count, and the figure is one that was measured."""
    ordered = sorted(samples, key=seconds)
    return ordered[len(ordered) // 2]


def build_seconds(build: Build) -> float:
    return build.seconds


def mkdocs_build(root: Path) -> Build:
    """One build from an empty site folder, started with the disk idle: what the build before
    wrote and deleted (90 MB at scale) is flushed first, not charged to this one."""
    shutil.rmtree(root / "build", ignore_errors=True)
    os.sync()
    return run([sys.executable, "-m", "mkdocs", "build", "--site-dir", "build"], root)[0]


def page_file(site: Path, src_uri: str) -> Path:
    return site / SiteUrls().page(src_uri) / "index.html"


def first_visit_kb(site: Path, src_uri: str) -> float:
    """Compressed KB a first visit downloads: the page, its local scripts and stylesheets and
    Material's search worker. Not the search index, which waits for the first search
    (``assets/lazy-search.js``): it is weighed apart, as vega.js is."""
    page = page_file(site, src_uri)
    html = page.read_text("utf-8")
    files = {page}
    for match in LOCAL_ASSET.finditer(html):
        href = next(g for g in match.groups() if g).split("?")[0]
        if not href.startswith(("http:", "https:", "//", "data:")):
            files.add((page.parent / href).resolve())
    return sum(gzipped_kb(f) for f in files)


def gzipped_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes(), GZIP_LEVEL)) / 1024


def sample_pages(root: Path) -> tuple[str, str]:
    """A chapter with no chart and one with a chart, as the pages to weigh."""
    text = chart = ""
    for page in sorted((root / "docs").rglob("*.md")):
        body = page.read_text("utf-8")
        if "fact(" not in body:
            continue
        if CHART_CALL.search(body):
            chart = chart or page.relative_to(root / "docs").as_posix()
        else:
            text = text or page.relative_to(root / "docs").as_posix()
    return text, chart


def facts_loading(project: Path) -> tuple[list[Figure], Any]:
    """Facts load and validation: cold (nothing cached), unchanged, and after one file changed,
    which must give the edited fact (the cache is keyed by each file's text)."""
    paths = read_site(project).paths  # as mkdocs.yml names them: its chart_functions too
    shutil.rmtree(paths.yaml_cache, ignore_errors=True)
    seconds = []
    for _ in range(2):
        timer = time.perf_counter()
        book = load_factbook(paths)
        seconds.append(time.perf_counter() - timer)
    fact, _ = cited_fact(project, dict(book.facts))
    with subject_edited(project, fact):
        timer = time.perf_counter()
        edited = load_factbook(paths)
        seconds.append(time.perf_counter() - timer)
    if not edited.facts[fact.id].subject.endswith(MARKER):
        raise RuntimeError(f"{fact.path}: the edited subject of {fact.id} was not loaded")
    figures = [
        Figure("facts_load_s", "facts load + validation, cold", seconds[0], "s"),
        Figure("facts_load_unchanged_s", "facts load again, unchanged", seconds[1], "s", limit=2),
        Figure("facts_load_edited_s", "facts load after one file changed", seconds[2], "s"),
    ]
    return figures, book


def measure(project: Path, work: Path, *, real: bool, pdf: bool) -> list[Figure]:
    """Every figure for one project (already configured with the plugin, with its PDFs when
    ``pdf``): the builds are what an editor's ``mkdocs build`` does."""
    figures, book = facts_loading(project)
    floor_dir = work / "floor"
    make_floor(project, floor_dir, book)
    colds = []
    for _ in range(SAMPLES if real else 1):  # no target at the synthetic sizes: one is enough
        shutil.rmtree(project / ".cache", ignore_errors=True)
        colds.append(mkdocs_build(project))
    cold = median(colds, build_seconds)
    runs: list[tuple[Build, Build]] = []
    for _ in range(REPEATS):  # in turn, so that the machine's ups and downs touch both alike
        runs.append((mkdocs_build(project), mkdocs_build(floor_dir)))
    warm, floor = (median(side, build_seconds) for side in zip(*runs, strict=True))
    with subject_edited(project, cited_fact(project, dict(book.facts))[0]):
        edited = mkdocs_build(project)
    site = project / "build"
    text_page, chart_page = sample_pages(project)
    builds = [*colds, *(b for pair in runs for b in pair), edited]
    with_pdf = "with PDFs" if pdf else "no PDF"
    figures += [
        Figure("floor_s", f"floor: plain Material, median of {REPEATS}", floor.seconds, "s", 1.0),
        Figure(
            "cold_build_s",
            f"cold build (no cache, {with_pdf})" + (f", median of {SAMPLES}" if real else ""),
            cold.seconds,
            "s",
            cold.seconds / floor.seconds,
            limit=(10.0 if pdf else 5.0) if real else None,
        ),
        Figure(
            "warm_build_s",
            f"warm build ({with_pdf}), median of {REPEATS}",
            warm.seconds,
            "s",
            warm.seconds / floor.seconds,
            limit=1.3,
            on_ratio=True,
        ),
        Figure(
            "edit_rebuild_s",
            f"build after editing one fact (its PDFs drawn in {edited.drawn_s:.1f} s)",
            edited.seconds,
            "s",
            edited.seconds / floor.seconds,
            limit=round(1.3 * floor.seconds + edited.drawn_s, 2),  # the floor's, plus the PDFs
        ),
        Figure(
            "text_page_kb",
            f"text page weight ({text_page})",
            first_visit_kb(site, text_page),
            "KB",
            limit=150,
        ),
        Figure(
            "chart_page_kb",
            f"chart page weight ({chart_page})",
            first_visit_kb(site, chart_page),
            "KB",
            limit=200,
        ),
        Figure("vega_kb", "chart code on interaction (vega.js)", gzipped_kb(site / VEGA_JS), "KB"),
        Figure("search_index_kb", "search index, on first search", gzipped_kb(site / INDEX), "KB"),
    ]
    if real:
        seconds = median(reload_seconds(project, dict(book.facts), times=REPEATS), float)
        label = f"mkdocs serve: edit to page shown, median of {REPEATS}"
        figures.append(Figure("serve_reload_s", label, seconds, "s", limit=1))
    if pdf:
        pdf_figures, pdf_builds = write_pdfs(project)
        figures += pdf_figures
        builds += pdf_builds
    figures.append(
        Figure(
            "peak_mb", "peak memory of a build", max(b.peak_mb for b in builds), "MB", limit=1024
        ),
    )
    return figures


def write_pdfs(project: Path) -> tuple[list[Figure], list[Build]]:
    """The full PDF drawn by `briefing pdf` ``SAMPLES`` times (the kept one removed first, so
    that it is drawn): the figures of the run whose PDF took the median time, and every run
    (for the peak memory)."""
    samples = []
    for _ in range(SAMPLES):
        shutil.rmtree(read_site(project).paths.pdf_cache, ignore_errors=True)
        done, output = run([sys.executable, "-m", "briefing.cli.main", "pdf", "briefing"], project)
        found = PDF_LINE.search(output)
        if not found:
            raise RuntimeError(f"briefing pdf printed no timing:\n{output[-2000:]}")
        samples.append((float(found[3]), done, found))
    seconds, done, found = median(samples, lambda sample: sample[0])
    figures = [
        Figure("pdf_s", f"full PDF drawn ({found[1]}), median of {SAMPLES}", seconds, "s", limit=3),
        Figure("pdf_pages", "full PDF pages", float(found[2]), "pages"),
        Figure("pdf_command_s", "briefing pdf, whole command, that run", done.seconds, "s"),
    ]
    return figures, [sample[1] for sample in samples]


def make_setup(root: Path) -> list[Figure]:
    """What ``make site`` and ``make test`` spend before the build or the tests start, with
    nothing changed (``make ready``): run once untimed, as it may install, then timed."""
    if not (root / "Makefile").is_file() or shutil.which("make") is None:
        return []
    command = ["make", "--no-print-directory", "--silent", "ready"]
    run(command, root)
    seconds = median((run(command, root)[0].seconds for _ in range(REPEATS)), float)
    label = f"make site/test set-up, nothing changed, median of {REPEATS}"
    return [Figure("make_setup_s", label, seconds, "s", limit=2)]


def bench_synthetic(size: Size, work: Path, units: Path) -> Run:
    project = work / "project"
    generate(project, size, units)
    return Run(f"synthetic: {size}", measure(project, work, real=False, pdf=False))


def bench_real(root: Path, work: Path, pdf: bool) -> Run:
    """The real project, copied so that its cache stays warm and its build/ untouched."""
    project = work / "project"
    project.mkdir()
    for name in ("docs", "facts", "seeds"):
        shutil.copytree(root / name, project / name)
    shutil.copy(root / "mkdocs.yml", project / "mkdocs.yml")
    configure(project, plugin=True, pdf=pdf)
    return Run("real site", measure(project, work, real=True, pdf=pdf) + make_setup(root))


def growth(small: Run, large: Run) -> Figure:
    """Ten times the size should cost at most eleven times the warm build."""
    warm = {r.name: next(f for f in r.figures if f.key == "warm_build_s") for r in (small, large)}
    ratio = warm[large.name].value / warm[small.name].value
    return Figure("growth_x", "warm build growth, scale / small", ratio, "×", limit=11)


# Reporting ------------------------------------------------------------------------------------


def table(one: Run) -> str:
    """One run's figures as the bench prints them."""
    lines = [
        f"{one.name} (on {machine_line()})",
        f"  {'figure':<52} {'value':>10}  {'× floor':>8}  target",
    ]
    for f in one.figures:
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        verdict = {None: "", True: "pass", False: "FAIL"}[f.ok]
        lines.append(
            f"  {f.label:<52} {f.value:>8.2f} {f.unit:<3} {ratio:>6}  {f.target} {verdict}"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures depend on, so a reader can compare them with their own."""
    return {
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
    }


def cpu_model() -> str:
    """The processor's name as the system gives it (Linux), else what Python knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text("utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_line() -> str:
    """The machine in one line, printed with every table."""
    m = machine()
    load = ", ".join(f"{x:.1f}" for x in m["load_average"])
    return f"{m['cpu']}, {m['cpus']} cores, Python {m['python']}, {m['platform']}, load {load}"


def report(runs: list[Run]) -> dict[str, Any]:
    return {
        "machine": machine(),
        "runs": [
            {
                "name": one.name,
                "figures": [
                    {**asdict(f), "target": f.target, "ok": f.ok}
                    for f in one.figures  # asdict keeps fields; target and ok are derived
                ],
            }
            for one in runs
        ],
    }


def bench(
    root: Path, sizes: list[Size], real: bool, pdf: bool, say: Callable[[Run], None]
) -> list[Run]:
    """Every run asked for, each in its own temporary folder, handed to ``say`` when done
    (the real site first: it is the quickest and its targets matter most)."""
    runs = []
    if real:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as work:
            runs.append(bench_real(root, Path(work), pdf))
        say(runs[-1])
    synthetic: list[Run] = []
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="briefing-bench-") as work:
            synthetic.append(bench_synthetic(size, Path(work), root / "facts" / "units.yaml"))
        if len(synthetic) == 2:
            synthetic[1].figures.append(growth(synthetic[0], synthetic[1]))
        say(synthetic[-1])
    return runs + synthetic
