"""Charts rendered at build time: Altair builds the Vega-Lite spec, vl-convert draws it.

The SVG is inline in the page (visible without JavaScript, printable, the same drawing the
PDF carries); a PNG is offered for slides. Renders are cached on disk, keyed by what the
drawing is made of (the chart's declaration, its data rows and the code that draws them), so a
cached chart costs neither Altair nor vl-convert; generated ids are normalised so the same
input always gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Collection, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from briefing.buildcache import code_digest
from briefing.charts.specs import ChartSpec
from briefing.facts.model import Source
from briefing.paths import write_whole

VL_CONVERT = metadata.version("vl-convert-python")  # names the Vega bundle
# The code that turns a declaration into a drawing, and its renderers: a change to any of them
# invalidates the cache (other code does not: redrawing every chart costs seconds).
_CODE = [
    Path(__file__).with_name(name)
    for name in ("vegalite.py", "encodings.py", "theme.py", "formats.py")
]
_LIBRARIES = ("vl-convert-python", "altair")
_ID = re.compile(r'\b(id|clip-path|href)="(url\(#|#)?([^")]+)(\))?"')
_WATCH_S = 0.2  # how often a drawing worker looks whether its build is still running
_STYLE = "5"  # bump when the look changes in a way neither the inputs nor the code show
_SVG_TEXT = "{http://www.w3.org/2000/svg}text"
# Scripts a Latin font has no glyphs for: CJK (with its radicals, punctuation, kana,
# compatibility and full-width forms, and the ideographs beyond the BMP) and Hangul.
_EAST_ASIAN = re.compile(
    "[\u1100-\u11ff\u2e80-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff"
    "\ufe30-\ufe4f\uff00-\uffef\U00020000-\U0003ffff]"
)


def chart_key(spec: ChartSpec, sources: Mapping[str, Source], code: str) -> str:
    """Everything a chart's drawing depends on, hashed: its declaration and its data rows."""
    rows = spec.rows(dict(sources))
    stamp = {
        "chart": [
            *(spec.id, spec.title, spec.subtitle, spec.mark, spec.x, spec.y, spec.color),
            spec.function,
        ],
        "rows": rows,
        "rule": spec.rule_rows(dict(sources)),
        "units": [[f.unit.id, f.unit.style, f.unit.plural, f.unit.symbol] for f in spec.facts],
        "qualifiers": [f.qualifier for f in spec.cited],  # a bound is drawn as one
        "code": code,  # and the project's module of chart functions, for a chart it draws
        "module": hashlib.sha256(spec.module.read_bytes()).hexdigest() if spec.module else "",
    }
    return hashlib.sha256(json.dumps(stamp, sort_keys=True).encode()).hexdigest()[:20]


def normalise_svg(svg: str, prefix: str) -> str:
    """Give vl-convert's generated ids a stable, page-unique prefix; drop blank lines."""
    svg = _ID.sub(
        lambda m: f'{m.group(1)}="{m.group(2) or ""}{prefix}-{m.group(3)}{m.group(4) or ""}"', svg
    )
    return "\n".join(line for line in svg.splitlines() if line.strip())


@dataclass(frozen=True)
class RenderedChart:
    """A chart's drawings and its Vega-Lite spec (for the interactive version)."""

    svg: str
    png: Path  # in the cache: copied into the site
    spec: dict[str, Any]


class ChartRenderer:
    """Renders each chart once: in memory for this build, on disk across builds.

    One renderer serves one build of one FactBook, so within it a chart id names one drawing.
    """

    def __init__(
        self, cache_dir: Path, sources: Mapping[str, Source], concurrency: int = 1
    ) -> None:
        self.cache_dir = cache_dir
        self.sources = sources
        self.concurrency = concurrency  # at most this many drawings at once; 1: no workers
        self.rendered = 0  # renders done by this instance (cache misses), for tests and bench
        self._memo: dict[str, RenderedChart] = {}
        self._code = code_digest(_CODE, _LIBRARIES, _STYLE)
        self._keys: dict[str, str] = {}  # chart id -> cache key, computed once a build
        self._ready: set[str] = set()  # keys whose files are known to be in the cache

    def _key(self, spec: ChartSpec) -> str:
        if spec.id not in self._keys:
            self._keys[spec.id] = chart_key(spec, self.sources, self._code)
        return self._keys[spec.id]

    def render(self, spec: ChartSpec) -> RenderedChart:
        if spec.id not in self._memo:
            key = self._key(spec)
            chart = self._cached(key)
            if chart is None:
                chart = draw(self.cache_dir, key, spec, self.sources)
                self.rendered += 1
                self._ready.add(key)
            self._memo[spec.id] = chart
        return self._memo[spec.id]

    def prepare(self, specs: Collection[ChartSpec]) -> dict[str, Path]:
        """Each chart's PNG by chart id, drawn first if not cached; a cached chart is not read.

        Charts to draw are drawn in up to ``concurrency`` worker processes, when there are
        several: a cold build's slowest step then uses every core it may. Workers are
        spawned (a fresh interpreter, as Windows and macOS need, and safe beside any thread),
        which costs each one its start and its imports of Altair and vl-convert.
        """
        keys = {spec.id: self._key(spec) for spec in specs}
        todo = {}
        for spec in specs:
            key = keys[spec.id]
            if key not in self._ready and all(
                p.is_file() for p in drawn_files(self.cache_dir, key)
            ):
                self._ready.add(key)
            if key not in self._ready:
                todo[key] = spec
        workers = min(len(todo), self.concurrency)
        if workers < 2:
            for spec in todo.values():
                self.render(spec)
        else:
            with ProcessPoolExecutor(
                max_workers=workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_die_with_parent,
                initargs=(os.getpid(),),
            ) as pool:
                jobs = [
                    pool.submit(draw, self.cache_dir, key, spec, _cited_sources(spec, self.sources))
                    for key, spec in todo.items()
                ]
                for job in jobs:
                    job.result()  # a failed drawing fails the build, as it would in turn
            self.rendered += len(todo)
            self._ready.update(todo)
        return {cid: drawn_files(self.cache_dir, key)[1] for cid, key in keys.items()}

    def _cached(self, key: str) -> RenderedChart | None:
        paths = drawn_files(self.cache_dir, key)
        if key not in self._ready and not all(p.is_file() for p in paths):
            return None
        svg, png, spec = paths
        return RenderedChart(svg.read_text("utf-8"), png, json.loads(spec.read_bytes()))


def _die_with_parent(parent: int) -> None:
    """Make a drawing worker end when the build that started it is gone: a killed build
    (SIGKILL, or SIGTERM, which runs no clean-up) cannot stop its workers, and one left
    waiting for work would run for good."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_WATCH_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def drawn_files(cache_dir: Path, key: str) -> tuple[Path, Path, Path]:
    """Where a chart drawn under ``key`` is kept: its SVG, PNG and Vega-Lite spec."""
    return cache_dir / f"{key}.svg", cache_dir / f"{key}.png", cache_dir / f"{key}.json"


def _cited_sources(spec: ChartSpec, sources: Mapping[str, Source]) -> dict[str, Source]:
    """The sources a chart's rows name: all a worker needs to be sent."""
    return {f.source: sources[f.source] for f in spec.cited if f.source and f.source in sources}


def draw(
    cache_dir: Path, key: str, spec: ChartSpec, sources: Mapping[str, Source]
) -> RenderedChart:
    """Draw a chart (Altair builds the spec, vl-convert the SVG and PNG) and cache it."""
    import vl_convert as vlc

    from briefing.charts.theme import MAX_WIDTH
    from briefing.charts.vegalite import CJK_FONT, FONT, vega_lite  # Altair: to draw only

    vl = vega_lite(spec, sources)
    drawn = vlc.vegalite_to_svg(vl)
    font = CJK_FONT if _EAST_ASIAN.search(set_in_type(drawn)) else FONT
    squeeze, drawn_in = 0, FONT
    for _ in range(3):  # drawn again: in a font that has its glyphs, narrower if too wide
        excess = drawn_width(drawn) - MAX_WIDTH
        if font == drawn_in and excess <= 0:
            break
        if font == drawn_in:
            squeeze += excess
        vl = vega_lite(spec, sources, font=font, squeeze=squeeze)
        drawn, drawn_in = vlc.vegalite_to_svg(vl), font
    svg = normalise_svg(drawn, f"chart-{spec.id}")
    svg_file, png, spec_file = drawn_files(cache_dir, key)
    write_whole(svg_file, svg.encode())
    write_whole(png, vlc.svg_to_png(_on_white(svg), scale=2))
    write_whole(spec_file, json.dumps(vl, sort_keys=True).encode())
    return RenderedChart(svg, png, vl)


def drawn_width(svg: str) -> int:
    """The width a drawing asks for, in px (vl-convert's SVG states it on its root)."""
    return round(float(ET.fromstring(svg).get("width", "0")))


def set_in_type(svg: str) -> str:
    """The text a drawing shows (its labels and titles, not its attributes' descriptions)."""
    root = ET.fromstring(svg)
    return " ".join("".join(text.itertext()) for text in root.iter(_SVG_TEXT))


def _on_white(svg: str) -> str:
    """The SVG on a white ground, as slides want it (the page's is transparent)."""
    end = svg.index(">", svg.index("<svg")) + 1
    return f'{svg[:end]}<rect width="100%" height="100%" fill="white"/>{svg[end:]}'


def vega_bundle(cache_dir: Path) -> Path:
    """Vega, Vega-Lite and vega-embed as one script served by the site (never a CDN).

    It depends on nothing but the installed vl-convert, whose version names it, so it is kept
    in the machine's cache (``machine_cache()``), like a downloaded package, not the project's:
    bundling takes vl-convert over a second, and every project and clone can share it.
    """
    path = cache_dir / f"vega-bundle-{VL_CONVERT}.js"
    if not path.is_file():
        import vl_convert as vlc

        bundle = vlc.javascript_bundle()  # type: ignore[call-arg]  # no snippet: the default
        write_whole(path, bundle.encode())
    return path
