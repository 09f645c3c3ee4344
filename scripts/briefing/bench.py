"""``briefing bench``: how fast the site builds and how heavy its pages are, against a floor.

The floor is what plain MkDocs Material costs on the same pages (numbers written as text, same
navigation), so a figure says what the briefing plugin adds rather than what the machine is
worth. Builds run as subprocesses, as an editor runs them, so each one's time includes start-up
and its peak memory is that process's own (``os.wait4``). Synthetic projects are generated with
facts that pass the real validation, so the bench measures the same work a real site causes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from itertools import product
from pathlib import Path
from typing import Any

from briefing import yamlio
from briefing.loader import load_factbook
from briefing.model import FactBook
from briefing.paths import Paths
from briefing.render.generated import generated_pages
from briefing.render.urls import VEGA_JS, SiteUrls

GZIP_LEVEL = 6  # what web servers commonly use
SECTION = 50  # chapters per section index: the navigation stays small at any size
FACT_CALL = re.compile(r"\{\{\s*fact\(\s*\"([^\"]+)\"\s*\)\s*\}\}")
CHART_CALL = re.compile(r"\{\{\s*chart\(\s*\"([^\"]+)\"\s*\)\s*\}\}")
PDF_LINE = re.compile(r"(\S+\.pdf): (\d+) pages in ([\d.]+) s")
LOCAL_ASSET = re.compile(
    r"<script[^>]*\bsrc=\"([^\"]+)\"|<link[^>]*rel=\"stylesheet\"[^>]*href=\"([^\"]+)\""
    r"|\"search\":\s*\"([^\"]+\.js)\""  # Material's search worker, named in its config
)


@dataclass(frozen=True)
class Size:
    facts: int
    pages: int
    charts: int

    def __str__(self) -> str:
        return f"{self.facts} facts, {self.pages} pages, {self.charts} charts"


SMALL = Size(1000, 100, 20)  # a tenth of the scale preset, so the two show growth
SCALE = Size(10_000, 1000, 200)


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


# Synthetic projects ---------------------------------------------------------------------------

CONSONANTS, VOWELS = "bdgklmprstv", "aeiou"  # no n, f, z: names never spell nine, five, zero


def names(count: int) -> list[str]:
    """Pronounceable names without digits: a page or chart label must not state a number."""
    syllables = [c + v for c, v in product(CONSONANTS, VOWELS)]
    return ["".join(parts).capitalize() for parts in product(syllables, repeat=3)][:count]


def generate(root: Path, size: Size, units: Path) -> None:
    """Write a project of ``size`` whose sources, facts, charts and pages pass briefing check."""
    rng = random.Random(size.facts)
    (root / "facts").mkdir(parents=True)
    (root / "seeds").mkdir()
    (root / "docs").mkdir()
    shutil.copy(units, root / "facts" / "units.yaml")
    plants = names(size.facts)
    per_source = 100
    facts: list[dict[str, Any]] = []
    sources: list[str] = []
    for start in range(0, size.facts, per_source):
        sid = f"synthetic-{plants[start].lower()}"
        lines, entries = [], []
        for i in range(start, min(start + per_source, size.facts)):
            plant = plants[i]
            value: float
            if i % 4 == 3:
                value, unit = rng.randint(11, 999) / 10, "percent"
                quote = f"output at plant {plant} grew {value:.1f} percent"
                subject = f"Growth of output at plant {plant}"
            else:
                hundredths = rng.randint(101, 9999)
                value, unit = hundredths * 10_000, "vehicles"
                quote = f"output at plant {plant} reached {hundredths / 100:.2f} million vehicles"
                subject = f"Vehicle output at plant {plant}"
            lines.append(f"In 2024, {quote}, the company said.")
            entries.append(
                {
                    "id": f"synthetic.{plant.lower()}.2024",
                    "subject": subject,
                    "value": value,
                    "unit": unit,
                    "period": "2024",
                    "kind": "actual",
                    "geo": "China",
                    "source": sid,
                    "quote": quote,
                }
            )
        text = "\n".join(lines) + "\n"
        seed = f"{len(sources):03d}_{sid}.txt"
        (root / "seeds" / seed).write_text(text, "utf-8")
        sources.append(
            f"{sid}:\n  file: {seed}\n  sha256: {hashlib.sha256(text.encode()).hexdigest()}\n"
            f"  title: Synthetic source {plants[start]}\n  publisher: Synthetic Press\n"
            '  published: "2025-01-15"\n  language: en\n'
        )
        (root / "facts" / f"{sid}.yaml").write_text(_yaml_list(entries), "utf-8")
        facts.extend(entries)
    (root / "facts" / "sources.yaml").write_text("".join(sources), "utf-8")
    (root / "facts" / "charts.yaml").write_text(_charts(facts, size, plants), "utf-8")
    _pages(root, facts, size, plants)


def _yaml_list(entries: list[dict[str, Any]]) -> str:
    """YAML by hand: JSON scalars are valid YAML and this is much faster than a dumper."""
    return "".join(
        "- " + "\n  ".join(f"{k}: {json.dumps(v)}" for k, v in entry.items()) + "\n"
        for entry in entries
    )


def _charts(facts: list[dict[str, Any]], size: Size, plants: list[str]) -> str:
    """Bar charts of vehicle facts only: a chart may not mix units."""
    vehicles = [f["id"] for f in facts if f["unit"] == "vehicles"]
    per_chart = max(1, min(5, len(vehicles) // max(1, size.charts)))
    out = []
    for k in range(size.charts):
        shown = vehicles[k * per_chart : (k + 1) * per_chart]
        out.append(
            f"chart-{plants[k].lower()}:\n  title: Vehicle output, group {plants[k]}\n"
            f"  mark: bar\n  facts: {json.dumps(shown)}\n  x: label\n  y: value\n"
            f"  alt: Bar chart of vehicle output at the plants of group {plants[k]}.\n"
        )
    return "\n".join(out)


def _pages(root: Path, facts: list[dict[str, Any]], size: Size, plants: list[str]) -> None:
    """Chapters citing every fact, each chart shown once, grouped under section index pages
    that alone are in the navigation (with the home, facts and sources pages)."""
    docs = root / "docs"
    chart_on = {k * size.pages // max(1, size.charts): k for k in range(size.charts)}
    nav, home = ["  - Home: index.md"], ["# Synthetic briefing", ""]
    for first in range(0, size.pages, SECTION):
        section = f"section-{plants[first].lower()}"
        (docs / section).mkdir()
        links = [f"# Section {plants[first]}", ""]
        for j in range(first, min(first + SECTION, size.pages)):
            body = [f"# Chapter {plants[j]}", ""]
            for fact in facts[j :: size.pages]:
                plant = fact["id"].split(".")[1].capitalize()
                body.append(f'At plant {plant} the figure was {{{{ fact("{fact["id"]}") }}}}.\n')
            if j in chart_on:
                body.append(f'{{{{ chart("chart-{plants[chart_on[j]].lower()}") }}}}\n')
            (docs / section / f"{plants[j].lower()}.md").write_text("\n".join(body), "utf-8")
            links.append(f"- [Chapter {plants[j]}]({plants[j].lower()}.md)")
        (docs / section / "index.md").write_text("\n".join(links) + "\n", "utf-8")
        nav.append(f"  - Section {plants[first]}: {section}/index.md")
        home.append(f"- [Section {plants[first]}]({section}/index.md)")
    (docs / "index.md").write_text("\n".join(home) + "\n", "utf-8")
    nav += ["  - Facts: facts.md", "  - Sources: sources/index.md"]
    (root / "mkdocs.yml").write_text(
        "site_name: Synthetic briefing\nsite_dir: build\nuse_directory_urls: true\n"
        "theme:\n  name: material\n  font: false\n"
        "plugins:\n  - search\n  - briefing:\n      pdf: false\n"
        "nav:\n" + "\n".join(nav) + "\n",
        "utf-8",
    )


# Variants of a project ------------------------------------------------------------------------


def configure(root: Path, *, plugin: bool, pdf: bool = False) -> None:
    """Rewrite mkdocs.yml: the briefing plugin without PDFs, or (for the floor) no plugin.
    Not strict: without PDFs, the links a site has to them would stop the build."""
    yaml = yamlio.new_yaml()
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text("utf-8"))
    kept: list[Any] = []
    for entry in config.get("plugins", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != "briefing":
            kept.append(entry)
        elif plugin:
            options = {} if isinstance(entry, str) else dict(entry["briefing"] or {})
            kept.append({"briefing": {**options, "pdf": pdf}})
    config["plugins"] = kept
    config["strict"] = False
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(config, out)


def make_floor(project: Path, floor: Path, book: FactBook) -> None:
    """The same pages for plain Material: numbers and chart titles as text, the generated
    pages (facts, sources) as the plugin would add them, and the same mkdocs.yml minus it."""
    shutil.copytree(project / "docs", floor / "docs")
    shutil.copy(project / "mkdocs.yml", floor / "mkdocs.yml")
    configure(floor, plugin=False)
    for page in (floor / "docs").rglob("*.md"):
        text = FACT_CALL.sub(lambda m: book.facts[m[1]].text, page.read_text("utf-8"))
        text = CHART_CALL.sub(lambda m: f"*{book.charts[m[1]].title}*", text)
        page.write_text(text, "utf-8")
    for src_uri, content in generated_pages(book, SiteUrls(), []).items():
        target = floor / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")


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
    return Build(seconds, usage.ru_maxrss / 1024), output  # ru_maxrss is in KiB on Linux


def mkdocs_build(root: Path) -> Build:
    shutil.rmtree(root / "build", ignore_errors=True)
    return run([sys.executable, "-m", "mkdocs", "build", "--site-dir", "build"], root)[0]


def page_file(site: Path, src_uri: str) -> Path:
    return site / SiteUrls().page(src_uri) / "index.html"


def first_visit_kb(site: Path, src_uri: str) -> float:
    """Compressed KB a first visit downloads: the page, its local scripts and stylesheets,
    Material's search worker and the search index (which the worker fetches at once)."""
    page = page_file(site, src_uri)
    html = page.read_text("utf-8")
    files = {page, site / "search" / "search_index.json"}
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


def measure(project: Path, work: Path, *, real: bool, pdf: bool) -> list[Figure]:
    """Every figure for one project (already configured with the plugin, PDFs off)."""
    timer = time.perf_counter()
    book = load_factbook(Paths(project))
    load_s = time.perf_counter() - timer
    timer = time.perf_counter()
    load_factbook(Paths(project))
    again_s = time.perf_counter() - timer
    floor_dir = work / "floor"
    make_floor(project, floor_dir, book)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    cold, warm, floor = mkdocs_build(project), mkdocs_build(project), mkdocs_build(floor_dir)
    first = next(iter(book.facts.values()))
    fact_file = project / first.path.split(":")[0]
    before = fact_file.read_text("utf-8")
    after = before.replace(first.subject, first.subject + " (edited)", 1)
    if after == before:
        raise RuntimeError(f"{first.path}: subject of {first.id} not found to edit")
    fact_file.write_text(after, "utf-8")
    edited = mkdocs_build(project)
    site = project / "build"
    text_page, chart_page = sample_pages(project)
    builds = [cold, warm, floor, edited]
    figures = [
        Figure("facts_load_s", "facts load + validation", load_s, "s", limit=2.0),
        Figure("facts_load_unchanged_s", "facts load again, unchanged", again_s, "s", limit=2.0),
        Figure("floor_s", "floor: plain Material", floor.seconds, "s", 1.0),
        Figure(
            "cold_build_s",
            "cold build (no cache, no PDF)",
            cold.seconds,
            "s",
            cold.seconds / floor.seconds,
            limit=5.0 if real else None,
        ),
        Figure(
            "warm_build_s",
            "warm build (no PDF)",
            warm.seconds,
            "s",
            warm.seconds / floor.seconds,
            limit=1.3 if real else 1.2,
            on_ratio=True,
        ),
        Figure(
            "edit_rebuild_s",
            "build after editing one fact",
            edited.seconds,
            "s",
            edited.seconds / floor.seconds,
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
    ]
    if pdf:
        configure(project, plugin=True, pdf=True)
        done, output = run([sys.executable, "-m", "briefing.cli", "pdf", "briefing"], project)
        found = PDF_LINE.search(output)
        if not found:
            raise RuntimeError(f"briefing pdf printed no timing:\n{output[-2000:]}")
        builds.append(done)
        figures += [
            Figure("pdf_s", f"full PDF ({found[1]})", float(found[3]), "s", limit=5.0),
            Figure("pdf_pages", "full PDF pages", float(found[2]), "pages"),
            Figure("pdf_command_s", "briefing pdf, whole command", done.seconds, "s"),
        ]
    figures.append(
        Figure(
            "peak_mb", "peak memory of a build", max(b.peak_mb for b in builds), "MB", limit=1024
        ),
    )
    return figures


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
    configure(project, plugin=True)
    return Run("real site", measure(project, work, real=True, pdf=pdf))


def growth(small: Run, large: Run) -> Figure:
    """Ten times the size should cost at most eleven times the warm build."""
    warm = {r.name: next(f for f in r.figures if f.key == "warm_build_s") for r in (small, large)}
    ratio = warm[large.name].value / warm[small.name].value
    return Figure("growth_x", "warm build growth, scale / small", ratio, "×", limit=11)


# Reporting ------------------------------------------------------------------------------------


def table(one: Run) -> str:
    """One run's figures as the bench prints them."""
    lines = [one.name, f"  {'figure':<44} {'value':>10}  {'× floor':>8}  target"]
    for f in one.figures:
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else ""
        verdict = {None: "", True: "pass", False: "FAIL"}[f.ok]
        lines.append(
            f"  {f.label:<44} {f.value:>8.2f} {f.unit:<3} {ratio:>6}  {f.target} {verdict}"
        )
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures depend on, so a reader can compare them with their own."""
    return {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average": list(os.getloadavg()),
    }


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
