"""Plain `mkdocs build` as safe as `briefing build`: the site is built beside site_dir and put in
its place only when the whole build has succeeded; `mkdocs serve` keeps the last good site.

The plugin points MkDocs at a staging folder before any plugin runs (``on_config``, first) and
swaps it in after every plugin's ``on_post_build`` (last). A build that fails for any reason
(a plugin's exception, ours or another's; a warning in strict mode, which MkDocs turns into a
failure only after ``on_post_build``) throws the staging folder away in ``on_build_error``; an
interrupted one in ``on_shutdown``; a killed one is swept by the next build (see sitedir).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException, PluginError
from mkdocs.plugins import get_plugin_logger

from briefing.paths import Paths
from briefing.render.notice import show_problems
from briefing.sitedir import Staging, refusal, site_inputs

log = get_plugin_logger(__name__)


class _Logged(logging.Handler):
    """What the build logs at WARNING or above, as MkDocs' strict mode counts it."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class StagedSite:
    """One build's staging folder, swapped in for the site folder when the build succeeds."""

    def __init__(self, config: MkDocsConfig, paths: Paths) -> None:
        self.site = Path(config.site_dir)
        why = refusal(self.site, paths.root, site_inputs(paths))
        if why is not None:
            raise PluginError(f"site_dir '{paths.rel(self.site)}' is refused: {why}")
        self.staging: Staging | None = Staging(self.site)
        config.site_dir = str(self.staging.folder)
        self.logged = _Logged()
        logging.getLogger("mkdocs").addHandler(self.logged)

    def publish(self, config: MkDocsConfig) -> None:
        """Put the finished build in place, unless strict mode is about to fail it."""
        logging.getLogger("mkdocs").removeHandler(self.logged)
        if self.staging is None or (config.strict and self.logged.messages):
            return  # MkDocs aborts the build next, and on_build_error throws the folder away
        self.staging.publish()
        self.staging = None
        config.site_dir = str(self.site)

    def discard(self) -> None:
        """Throw the staging folder away; the site folder stays as it was."""
        logging.getLogger("mkdocs").removeHandler(self.logged)
        if self.staging is not None:
            self.staging.discard()
            self.staging = None


def keep_serving(builder: Callable[[], None], site: Path) -> Callable[[], None]:
    """``mkdocs serve``'s builder, made to return when a rebuild fails (any error, even one in
    mkdocs.yml before the build starts): the last good site in ``site`` gets the problems on
    every page, and the server tells the browsers to reload, instead of holding every request
    back until a rebuild succeeds."""

    def build() -> None:
        logged = _Logged()
        logging.getLogger("mkdocs").addHandler(logged)
        try:
            builder()
        except Exception as err:  # any plugin's: the previous site is still in place
            last = str(err) if isinstance(err, MkDocsException) else f"{type(err).__name__}: {err}"
            said = [*logged.messages, last]
            show_problems(site, [line for message in said for line in message.splitlines()])
            log.error("%s; the site was not rebuilt: serving the last good one", last)
        finally:
            logging.getLogger("mkdocs").removeHandler(logged)

    return build
