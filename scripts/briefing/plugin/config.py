"""Options of the ``briefing`` plugin in mkdocs.yml."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class BriefingConfig(Config):
    """Typed plugin options; paths are relative to the folder holding mkdocs.yml."""

    enabled = c.Type(bool, default=True)
    facts_dir = c.Type(str, default="facts")
    seeds_dir = c.Type(str, default="seeds")
    cache_dir = c.Type(str, default=".cache/briefing")
    data_files = c.Type(bool, default=True)
    pdf = c.Type(bool, default=True)
    pdf_file = c.Type(str, default="pdf/briefing.pdf")
    pdf_title = c.Type(str, default="China's automobile industry going global")
    pdf_subtitle = c.Type(str, default="A briefing in verified numbers")
