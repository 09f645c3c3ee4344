"""Bad input in mkdocs.yml for the generator as a MkDocs citizen: the theme it builds on and
how many processes may draw charts (mkdocs.yml lines as in bad_inputs.config)."""

from __future__ import annotations

from bad_inputs.base import case, edit
from bad_inputs.config import CONFIG, PLAIN, options

PLUGIN = "plugin 'briefing' option 'concurrency'"
WORKERS = "must be a whole number of processes, 1 or more (1: no worker processes)"
NOT_MATERIAL = (
    "but the briefing plugin needs Material for MkDocs; set theme: name: material "
    "(a custom_dir may override its templates)"
)

CASES = [
    case(
        "theme-not-material",
        {CONFIG: edit("  name: material\n", "  name: mkdocs\n", PLAIN)},
        f"{CONFIG}:4: theme is 'mkdocs', {NOT_MATERIAL}",
    ),
    case(
        "concurrency-zero",
        options("      concurrency: 0\n"),
        f"{CONFIG}:11: {PLUGIN}: {WORKERS}, not 0",
    ),
    case(
        "concurrency-not-a-number",
        options("      concurrency: two\n"),
        f"{CONFIG}:11: {PLUGIN}: {WORKERS}, not 'two'",
    ),
]
