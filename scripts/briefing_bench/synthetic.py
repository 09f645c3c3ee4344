"""Synthetic projects for the bench: any size, passing ``briefing check``, and their floor.

The floor is the same project for plain MkDocs Material: numbers and chart titles written as
text, the generated pages (facts, sources, what changed, citation) as files, the same navigation.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass
from itertools import product
from pathlib import Path
from typing import Any

from briefing.data.releases import load_releases
from briefing.facts import yamlio
from briefing.facts.dates import build_moment
from briefing.facts.model import FactBook
from briefing.plugin.config import configured_publication
from briefing.plugin.siteconfig import read_site
from briefing.render.cite import cite_page
from briefing.render.generated import generated_pages
from briefing.render.urls import CITE_PAGE, SiteUrls

SECTION = 50  # chapters per section index: the navigation stays small at any size
FACT_CALL = re.compile(r"\{\{\s*fact\(\s*\"([^\"]+)\"\s*\)\s*\}\}")
CHART_CALL = re.compile(r"\{\{\s*chart\(\s*\"([^\"]+)\"\s*\)\s*\}\}")


@dataclass(frozen=True)
class Size:
    facts: int
    pages: int
    charts: int

    def __str__(self) -> str:
        return f"{self.facts} facts, {self.pages} pages, {self.charts} charts"


SMALL = Size(1000, 100, 20)  # a tenth of the scale preset, so the two show growth
SCALE = Size(10_000, 1000, 200)


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
            quote = f"In 2024, {quote}"  # the quote states the period it is recorded with
            lines.append(f"{quote}, the company said.")
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


def generated(project: Path, book: FactBook) -> dict[str, str]:
    """Every page the plugin generates for ``project``, as it would: its releases (what
    changed), its options (topics, data files) and its citation page."""
    site = read_site(project)
    if site.options is None or site.config is None:
        raise RuntimeError(f"{project}/mkdocs.yml: {'; '.join(map(str, site.problems))}")
    options, config = site.options, site.config
    urls = SiteUrls(config.use_directory_urls)
    pages = generated_pages(
        book,
        urls,
        load_releases(site.paths),
        data_files=options.data_files,
        topics=options.topics,
    )
    publication = configured_publication(options, config, build_moment().date())
    pages[CITE_PAGE] = cite_page(publication, urls)
    return pages


def make_floor(project: Path, floor: Path, book: FactBook) -> None:
    """The same pages for plain Material: numbers and chart titles as text, the generated
    pages (facts, sources, what changed, citation) as the plugin adds them, and the same
    mkdocs.yml minus it."""
    shutil.copytree(project / "docs", floor / "docs")
    shutil.copy(project / "mkdocs.yml", floor / "mkdocs.yml")
    configure(floor, plugin=False)
    for page in (floor / "docs").rglob("*.md"):
        text = FACT_CALL.sub(lambda m: book.facts[m[1]].text, page.read_text("utf-8"))
        text = CHART_CALL.sub(lambda m: f"*{book.charts[m[1]].title}*", text)
        page.write_text(text, "utf-8")
    for src_uri, content in generated(project, book).items():
        target = floor / "docs" / src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, "utf-8")
