"""Options of the ``briefing`` plugin in mkdocs.yml."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import posixpath
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode

from briefing.data.citation import Licence, Publication
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


class WebAddress(c.URL):
    """An http(s) address, or empty: a link readers follow, so no other scheme."""

    def __init__(self) -> None:
        super().__init__(default="")

    def run_validation(self, value: object) -> str:
        url = super().run_validation(value)
        if url and urlsplit(url).scheme not in ("http", "https"):
            raise ValidationError(f"must be an http:// or https:// address, not {url!r}")
        return url


class LicenceOptions(Config):
    """A licence: its name as readers know it (CC BY 4.0) and the page that states it."""

    name = c.Type(str, default="")  # empty: no licence stated
    url = WebAddress()


class PublicationOptions(Config):
    """Who publishes the briefing, under which licences: shown in the footer, on the citation
    page and on the PDF's cover, and written into the citation files."""

    publisher = c.Type(str, default="")
    editors = c.ListOfItems(c.Type(str), default=[])
    contact = c.Type(str, default="")
    edition = c.Type(str, default="")
    text_licence = c.SubConfig(LicenceOptions)
    data_licence = c.SubConfig(LicenceOptions)
    sources_rights = c.Type(str, default="")


class Workers(c.Type[int]):
    """How many processes may draw charts, or PDF briefings, at once: a whole number from 1
    (no worker processes), by default the machine's processor count."""

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
    # og:locale of every page, such as en_GB; default: the theme's language ("pt-BR" -> pt_BR).
    locale = c.Optional(c.Type(str))
    # The project's module of chart functions (charts.yaml's `function: name`), such as
    # facts/charts.py: loaded by path, its @register("name") functions drawn by name.
    chart_functions = c.Optional(c.Type(str))
    publication = c.SubConfig(PublicationOptions)
    # The facts page's topic names as readers write them, by topic (a fact's first tag, else the
    # first part of its id): {nev: New energy vehicles}. A topic not named reads as its key.
    topics = c.DictOfItems(c.Type(str), default={})


def missing_module(options: BriefingConfig) -> str:
    """What to do when ``chart_functions`` names no file."""
    return (
        f"chart_functions '{options.chart_functions}' is not a file of the project; "
        "name the module of chart functions, such as facts/charts.py, or remove it"
    )


def page_locale(options: BriefingConfig, config: MkDocsConfig) -> str:
    """The pages' Open Graph locale: the option, else the language Material's theme is in."""
    return options.locale or str(config.theme.get("language") or "en").replace("-", "_")


def configured_publication(
    options: BriefingConfig, config: MkDocsConfig, issued: dt.date
) -> Publication:
    """The briefing as a publication, from the plugin's ``publication`` and the site's own
    name, URL, author and language."""
    pub = options.publication
    editors = tuple(pub.editors) or ((config.site_author,) if config.site_author else ())
    return Publication(
        title=config.site_name,
        issued=issued,
        publisher=pub.publisher,
        editors=editors,
        contact=pub.contact,
        edition=pub.edition,
        url=config.site_url or "",
        language=str(config.theme.get("language") or "en"),
        text_licence=_licence(pub.text_licence),
        data_licence=_licence(pub.data_licence),
        sources_rights=pub.sources_rights,
    )


def _licence(options: LicenceOptions) -> Licence | None:
    return Licence(options.name, options.url) if options.name else None


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
