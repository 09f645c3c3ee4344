"""Where everything lives, defined once and relative to the project root."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path


def machine_cache() -> Path:
    """What any project on this machine can share: ``$XDG_CACHE_HOME/briefing``, by default
    ``~/.cache/briefing`` (only things that depend on installed packages, never on a project)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "briefing"


def umask() -> int:
    """This process's umask (reading it means setting it, so it is put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_whole(path: Path, data: bytes) -> None:
    """``data`` as a new file renamed over ``path``, so that a reader (another build, a server)
    never sees half of it and a killed write leaves only a ``.tmp`` file beside it. The mode is
    a new file's (0o666 less the umask), as MkDocs gives its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@dataclass(frozen=True)
class Paths:
    """The project's folders; the plugin options may rename facts, seeds and cache."""

    root: Path
    facts: str = "facts"
    seeds: str = "seeds"
    docs: str = "docs"
    cache: str = ".cache/briefing"
    chart_functions: str | None = None  # the project's module of chart functions, if any

    @property
    def chart_functions_file(self) -> Path | None:
        return self.root / self.chart_functions if self.chart_functions else None

    @property
    def facts_dir(self) -> Path:
        return self.root / self.facts

    @property
    def seeds_dir(self) -> Path:
        return self.root / self.seeds

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def cache_dir(self) -> Path:
        return self.root / self.cache

    @property
    def yaml_cache(self) -> Path:
        """Parsed YAML files, kept while their text is unchanged (see yamlio.load)."""
        return self.cache_dir / "yaml"

    @property
    def template_cache(self) -> Path:
        """The partials' compiled code, checked against each one's source (see render/markup)."""
        return self.cache_dir / "templates"

    @property
    def chart_cache(self) -> Path:
        """Charts as drawn (SVG, PNG, Vega-Lite spec), by a key of what each is drawn from."""
        return self.cache_dir / "charts"

    @property
    def pdf_cache(self) -> Path:
        """PDF briefings as drawn, by a key of what each is drawn from (see pdf/kept.py)."""
        return self.cache_dir / "pdf"

    @property
    def sources_file(self) -> Path:
        return self.facts_dir / "sources.yaml"

    @property
    def units_file(self) -> Path:
        return self.facts_dir / "units.yaml"

    @property
    def charts_file(self) -> Path:
        return self.facts_dir / "charts.yaml"

    @property
    def disagreements_file(self) -> Path:
        """Where the editors record that sources differ (optional; see briefing.facts.disagreements)."""
        return self.facts_dir / "disagreements.yaml"

    @property
    def releases_dir(self) -> Path:
        """Snapshots of the facts, one per release (``briefing release NAME``)."""
        return self.facts_dir / "releases"

    @property
    def ignore_file(self) -> Path:
        return self.facts_dir / "coverage_ignore.yaml"

    @property
    def wording_file(self) -> Path:
        """The project's additions to the word lists of the meaning checks (briefing.facts.wording)."""
        return self.facts_dir / "wording.yaml"

    @property
    def registries(self) -> tuple[Path, ...]:
        """The YAML files in facts/ that hold no facts."""
        return (
            self.sources_file,
            self.units_file,
            self.charts_file,
            self.ignore_file,
            self.disagreements_file,
            self.wording_file,
        )

    def is_fact_name(self, name: str) -> bool:
        """Whether facts/NAME would be read as a topic file of facts."""
        special = {p.name for p in self.registries}
        return (
            name.endswith(".yaml")
            and "/" not in name
            and name not in special
            and not name.startswith("_")
        )

    def fact_files(self) -> list[Path]:
        """Every topic file of facts: all ``*.yaml`` in facts/ except the registries."""
        return sorted(p for p in self.facts_dir.glob("*.yaml") if self.is_fact_name(p.name))

    def rel(self, path: Path) -> str:
        """A path as editors see it in messages: relative to the root, with slashes (a link
        is named as it is, not as the file it leads to)."""
        try:
            return (path.parent.resolve() / path.name).relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()
