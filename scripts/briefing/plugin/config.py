"""Options of the ``briefing`` plugin in mkdocs.yml."""

from __future__ import annotations

import importlib.util
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode

from briefing.pdf.briefings import LAYOUTS, PAPERS, Briefing
from briefing.problems import Problem
from briefing.render.docfiles import code_files


class BriefingOptions(Config):
    """One PDF briefing, an item of ``briefings``."""

    file = c.Type(str)
    title = c.Type(str)
    subtitle = c.Type(str, default="")
    pages = c.ListOfItems(c.Type(str), default=[])
    paper = c.Choice(tuple(PAPERS), default="a4")
    layout = c.Choice(LAYOUTS, default="report")
    label = c.Type(str, default="")
    keywords = c.ListOfItems(c.Type(str), default=[])


class Workers(c.Type[int]):
    """How many processes may draw charts at once: a whole number from 1 (no worker
    processes), by default the machine's processor count."""

    def __init__(self) -> None:
        super().__init__(int, default=os.cpu_count() or 1)

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(
                f"must be a whole number of processes, 1 or more (1: no worker processes), "
                f"not {value!r}"
            )
        return value


class Segmenting(c.Type[bool]):
    """Whether Chinese text in the fact search entries is cut into words, with jieba (the
    ``chinese`` extra), as Material's search plugin cuts the pages when jieba is installed."""

    def __init__(self) -> None:
        super().__init__(bool, default=False)

    def run_validation(self, value: object) -> bool:
        on = super().run_validation(value)
        if on and importlib.util.find_spec("jieba") is None:
            raise ValidationError(
                "needs jieba, which is not installed; install it with: "
                "pip install 'briefing[chinese]', or set segment_chinese: false"
            )
        return bool(on)


class BriefingConfig(Config):
    """Typed plugin options; paths are relative to the folder holding mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    facts_dir = c.Type(str, default="facts")
    seeds_dir = c.Type(str, default="seeds")
    cache_dir = c.Type(str, default=".cache/briefing")
    data_files = c.Type(bool, default=True)
    pdf = c.Type(bool, default=True)
    briefings = c.ListOfItems(c.SubConfig(BriefingOptions), default=[])
    concurrency = Workers()
    segment_chinese = Segmenting()


def configured_briefings(options: BriefingConfig, config: MkDocsConfig) -> list[Briefing]:
    """The briefings to write; none listed means one of the whole site, titled like it."""
    if not options.pdf:
        return []
    if not options.briefings:
        return [Briefing("pdf/briefing.pdf", config.site_name, config.site_description or "")]
    return [
        Briefing(
            file=b.file,
            title=b.title,
            subtitle=b.subtitle,
            pages=tuple(b.pages),
            paper=b.paper,
            layout=b.layout,
            label=b.label,
            keywords=tuple(b.keywords),
        )
        for b in options.briefings
    ]


def published_code(config: MkDocsConfig, files: Iterable[File], docs: str) -> list[Problem]:
    """The files MkDocs would copy from docs_dir (``docs`` in messages) that a browser could
    run as code or style, but the site's own scripts and styles, listed in mkdocs.yml."""
    own = {posixpath.normpath(str(s)) for s in (*config.extra_javascript, *config.extra_css)}
    copied = [
        file.src_uri
        for file in files
        if file.src_dir == config.docs_dir
        and not file.is_documentation_page()
        and not file.inclusion.is_excluded()
    ]
    return code_files(copied, own, docs)


def theme_problem(config: MkDocsConfig) -> str | None:
    """What to do when the theme is not Material for MkDocs, which the plugin builds on (its
    search index, palette, icons and page templates)."""
    name = config.theme.name
    if name == "material":
        return None
    shown = f"'{name}'" if name else "none (a custom_dir only)"
    return (
        f"theme is {shown}, but the briefing plugin needs Material for MkDocs; "
        "set theme: name: material (a custom_dir may override its templates)"
    )


def top_key_line(config_file: Path, key: str) -> int:
    """The line of a top-level ``key`` in a YAML file (1 when it is not found)."""
    try:
        root = YAML().compose(config_file.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError):
        return 1
    if isinstance(root, MappingNode):
        for key_node, _ in root.value:
            if key_node.value == key:
                return int(key_node.start_mark.line) + 1
    return 1
