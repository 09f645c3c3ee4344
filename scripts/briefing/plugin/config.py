"""Options of the ``briefing`` plugin in mkdocs.yml."""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from briefing.docfiles import code_files
from briefing.pdf.briefings import LAYOUTS, PAPERS, Briefing
from briefing.problems import Problem


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


class BriefingConfig(Config):
    """Typed plugin options; paths are relative to the folder holding mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    facts_dir = c.Type(str, default="facts")
    seeds_dir = c.Type(str, default="seeds")
    cache_dir = c.Type(str, default=".cache/briefing")
    data_files = c.Type(bool, default=True)
    pdf = c.Type(bool, default=True)
    briefings = c.ListOfItems(c.SubConfig(BriefingOptions), default=[])


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
