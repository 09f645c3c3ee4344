"""mkdocs.yml as the build reads it, for `briefing check` and `briefing build`.

MkDocs validates the file itself (its own keys, each plugin's options); here the same public
validation runs, its complaints placed at their lines as ``mkdocs.yml:LINE: message``, and the
briefing plugin's options give the folders the build reads, so the check reads the same facts.
The build runs in strict mode, so a warning fails it and is a problem here too.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.base import BaseConfigOption as Option
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError
from mkdocs.plugins import get_plugins
from mkdocs.structure.files import get_files
from mkdocs.utils.meta import get_data
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from briefing.facts.model import FactBook
from briefing.paths import Paths
from briefing.pdf.briefings import problems as briefing_problems
from briefing.plugin.config import (
    BriefingConfig,
    configured_briefings,
    published_code,
    theme_problem,
)
from briefing.plugin.plugin import BriefingPlugin
from briefing.problems import Problem
from briefing.render.meta import front_matter_problems
from briefing.render.urls import (
    CHANGES_PAGE,
    DIFFERENCES_PAGE,
    FACTS_PAGE,
    SOURCES_INDEX,
    source_page,
)
from briefing.sitedir import refusal, site_inputs

CONFIG = "mkdocs.yml"
PLUGIN = "briefing"
Keys = tuple[str | int, ...]  # the keys and indexes leading to a value of mkdocs.yml


@dataclass
class Site:
    """What the build will use: its folders, its nav, and what is wrong with its config."""

    paths: Paths
    problems: list[Problem] = field(default_factory=list)
    config: MkDocsConfig | None = None
    lines: _Lines | None = None
    options: BriefingConfig | None = None
    blocking: bool = False  # the build cannot start: nothing else is worth checking

    def problems_with(self, book: FactBook) -> list[Problem]:
        """Every problem of the config, once the facts say which pages the build generates."""
        docs = self.paths.docs_dir
        printable = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        generated = {
            FACTS_PAGE,
            CHANGES_PAGE,
            DIFFERENCES_PAGE,
            SOURCES_INDEX,
            *map(source_page, book.sources),
        }
        return self.problems + self.page_problems({*printable, *generated}, printable)

    def docs_problems(self) -> list[Problem]:
        """What the build finds in docs/ besides the pages' text: files a browser could run,
        and front-matter values the theme cannot show or does not have."""
        if self.config is None:
            return []
        docs = self.paths.docs_dir
        found = published_code(self.config, get_files(self.config), self.paths.rel(docs))
        for page in sorted(docs.rglob("*.md")):
            try:
                text = page.read_text("utf-8")
            except (OSError, UnicodeDecodeError):
                continue  # said where pages are read
            lines = lambda: text  # noqa: B023, E731 (called before the loop moves on)
            found += front_matter_problems(
                get_data(text)[1], lines, self.paths.rel(page), self.config.theme.dirs
            )
        return found

    def page_problems(self, pages: set[str], printable: list[str]) -> list[Problem]:
        """Nav entries naming no page, and briefings listing pages that cannot be printed."""
        if self.config is None or self.lines is None:
            return []
        found = []
        if self.config.validation.nav.not_found >= logging.WARNING:  # strict mode fails on it
            for where, target in _nav_pages(self.config.nav or [], ("nav",)):
                if target not in pages:
                    found.append(
                        self.at(
                            where,
                            f"nav entry '{target}' names no page: there is no "
                            f"{self.paths.rel(self.paths.docs_dir / target)}, and briefing "
                            "generates none of that name; fix the path, or write the page",
                        )
                    )
        if self.options is not None:
            briefings = configured_briefings(self.options, self.config)
            found.extend(
                self.at(self.option_keys("briefings"), message)
                for message in briefing_problems(briefings, printable)
            )
        return found

    def at(self, keys: Keys, message: str) -> Problem:
        """A problem at the line of the key ``keys`` lead to (as far as they are found)."""
        line = self.lines.line(keys) if self.lines else 1
        return Problem(CONFIG, line, message)

    def option_keys(self, option: str) -> Keys:
        """The keys leading to one of the briefing plugin's options."""
        return (*(self.lines.plugin_entry(PLUGIN) if self.lines else ("plugins",)), option)


class _Lines:
    """Where each key of mkdocs.yml is, from the composed YAML (no tag is constructed)."""

    def __init__(self, root: Node | None) -> None:
        self.root = root

    def line(self, keys: Keys) -> int:
        node, line = self.root, 1
        for key in keys:
            found = _child(node, key)
            if found is None:
                break
            key_node, node = found
            line = key_node.start_mark.line + 1
        return line

    def plugin_entry(self, name: str) -> Keys:
        """The keys leading to a plugin's options in ``plugins`` (a list or a mapping)."""
        plugins = _child(self.root, "plugins")
        if plugins is not None and isinstance(plugins[1], SequenceNode):
            for index, item in enumerate(plugins[1].value):
                if _child(item, name) is not None or getattr(item, "value", None) == name:
                    return ("plugins", index, name)
        return ("plugins", name)


def _child(node: Node | None, key: str | int) -> tuple[Node, Node] | None:
    if isinstance(node, MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return key_node, value
    if isinstance(node, SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key], node.value[key]
    return None


def _nav_pages(items: Any, where: Keys) -> Iterator[tuple[Keys, str]]:
    """Each page a nav names (not URLs), with the keys that lead to it."""
    if isinstance(items, list):
        for index, item in enumerate(items):
            yield from _nav_pages(item, (*where, index))
    elif isinstance(items, dict):
        for title, item in items.items():
            yield from _nav_pages(item, (*where, title))
    elif isinstance(items, str) and "://" not in items and not items.startswith("/"):
        yield where, items


def read_site(root: Path) -> Site:
    """mkdocs.yml read and validated as the build will; the default folders if it cannot be."""
    path = root / CONFIG
    try:
        text = path.read_text("utf-8")
        lines = _Lines(YAML().compose(text))  # composed, not constructed: any tag is fine
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else 1
        message = f"invalid YAML: {err.problem}; check the quotes and indentation on this line "
        problem = Problem(CONFIG, line, message + "and the line above")
        return Site(Paths(root), [problem], blocking=True)
    config = MkDocsConfig(config_file_path=str(path))
    try:
        with path.open("rb") as handle:
            config.load_file(handle)
    except ConfigurationError as err:
        return Site(Paths(root), [Problem(CONFIG, 1, str(err))], blocking=True)
    site = Site(Paths(root), lines=lines)
    unknown = [key for key in config if not isinstance(getattr(MkDocsConfig, key, None), Option)]
    site.problems.extend(
        Problem(
            CONFIG,
            lines.line((key,)),
            f"'{key}' is not a setting of MkDocs; check its spelling, or remove it",
        )
        for key in unknown
    )
    site.problems.extend(plugins := _plugin_problems(config, lines))
    raw_site, raw_docs = config.get("site_dir"), config.get("docs_dir")
    failed, warnings = config.validate()
    for key, said in [*failed, *warnings]:
        if key == "site_dir" and isinstance(raw_site, str):  # inside docs_dir, or holding it
            docs = Paths(root, docs=raw_docs if isinstance(raw_docs, str) else "docs")
            said = refusal(root / raw_site, root, site_inputs(docs)) or str(said)
            site.problems.append(
                site.at(("site_dir",), f"site_dir '{raw_site}' is refused: {said}")
            )
        elif key == "docs_dir" and isinstance(raw_docs, str) and not (root / raw_docs).is_dir():
            site.problems.append(site.at(("docs_dir",), _no_folder("docs_dir", raw_docs, "pages")))
        elif key not in unknown and (key != "plugins" or not plugins):  # else already said
            site.problems.append(Problem(CONFIG, lines.line((key,)), f"{key}: {said}"))
    if failed:
        site.blocking = True
        return site
    site.config = config
    plugin = config.plugins.get(PLUGIN)
    if isinstance(plugin, BriefingPlugin):
        site.options = plugin.config
        site.paths = plugin.paths_in(config)
        theme = theme_problem(config)
        if theme is not None:
            site.blocking = True
            site.problems.append(site.at(("theme",), theme))
        site.problems.extend(_folder_problems(site, plugin.config))
    return site


def _folder_problems(site: Site, options: BriefingConfig) -> list[Problem]:
    """Folders the plugin reads that are not there, and a site folder a build must not replace."""
    found = []
    for option, folder in (
        ("facts_dir", site.paths.facts_dir),
        ("seeds_dir", site.paths.seeds_dir),
    ):
        if not folder.is_dir():
            site.blocking = True
            found.append(
                site.at(
                    site.option_keys(option),
                    _no_folder(option, options[option], option.removesuffix("_dir")),
                )
            )
    assert site.config is not None
    why = refusal(Path(site.config.site_dir), site.paths.root, site_inputs(site.paths))
    if why is not None:
        rel = site.paths.rel(Path(site.config.site_dir))
        found.append(site.at(("site_dir",), f"site_dir '{rel}' is refused: {why}"))
    return found


def _no_folder(option: str, value: str, holding: str) -> str:
    return f"{option} '{value}' is not a folder of the project; name the folder that holds the {holding}"


def _plugin_problems(config: MkDocsConfig, lines: _Lines) -> list[Problem]:
    """Each plugin's options as that plugin validates them, at the lines they are on."""
    raw = config.get("plugins")
    entries = (
        raw.items()
        if isinstance(raw, dict)
        else [
            next(iter(item.items())) if isinstance(item, dict) and len(item) == 1 else (item, {})
            for item in raw or []
        ]
    )
    installed = get_plugins()
    theme = config.get("theme")
    theme_name = theme.get("name") if isinstance(theme, dict) else theme
    found = []
    for name, options in entries:
        if not isinstance(name, str) or not isinstance(options, (dict, type(None))):
            continue  # MkDocs' own message says what is wrong
        where = lines.plugin_entry(name)
        loaded = f"{theme_name}/{name}" if f"{theme_name}/{name}" in installed else name
        if loaded not in installed:
            found.append(
                Problem(
                    CONFIG,
                    lines.line(where),
                    f"plugin '{name}' is not installed; install it, or remove it from plugins",
                )
            )
            continue
        plugin = installed[loaded].load()()
        scheme = [key for key, _ in plugin.config_scheme]
        options = dict(options or {})
        if "enabled" not in scheme and options.pop("enabled", True) is False:
            continue  # MkDocs' own switch: a plugin switched off is not configured
        errors, warns = plugin.load_config(options, config.config_file_path)
        for key, message in [*errors, *(w for w in warns if isinstance(w, tuple))]:
            if key in scheme:
                said = f"plugin '{name}' option '{key}': {message}"
            else:
                said = (
                    f"plugin '{name}' has no option '{key}'; its options are: {', '.join(scheme)}"
                )
            found.append(Problem(CONFIG, lines.line((*where, key)), said))
    return found
