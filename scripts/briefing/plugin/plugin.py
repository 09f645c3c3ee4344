"""Thin MkDocs glue: each event hands its work to a domain module.

Two phases, as in Material's tags plugin: pages are rendered (and their problems collected)
while MkDocs reads them; ``on_env`` fails the build with every problem at once.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from briefing.buildcache import BuildCache, Reuse, files_digest
from briefing.charts.drawing import ChartRenderer
from briefing.checking import check
from briefing.data.releases import load_releases
from briefing.facts.dates import build_moment
from briefing.facts.loading import load_factbook
from briefing.facts.model import FactBook
from briefing.paths import Paths
from briefing.pdf.document import Chapter
from briefing.pdf.kept import KeptPdfs
from briefing.plugin.additions import (
    CSS,
    LAZY_SEARCH_JS,
    SITE_SCRIPTS,
    THEME,
    add_site_files,
    made_files,
    page_head,
)
from briefing.plugin.config import (
    BriefingConfig,
    configured_briefings,
    configured_publication,
    missing_module,
    page_locale,
    published_code,
    theme_problem,
    top_key_line,
)
from briefing.plugin.pagereuse import PageReuse, frame_digest
from briefing.plugin.pdfs import PdfBriefings
from briefing.plugin.staged import StagedSite, keep_serving
from briefing.problems import BriefingError, Problem
from briefing.render.cite import imprint
from briefing.render.csp import ThemeCode, with_csp
from briefing.render.extension import BriefingMarkup
from briefing.render.markup import Partials
from briefing.render.meta import escaped_meta, front_matter_problems, style_element, with_head
from briefing.render.pages import PageRenderer
from briefing.render.search import fact_entries, with_fact_entries
from briefing.render.text import striptags_escaped
from briefing.render.urls import CITE_PAGE, SiteUrls

# jieba, when installed, is used by Material's search and by segment_chinese: not its
# "Building prefix dict…" lines on every build.
logging.getLogger("jieba").setLevel(logging.WARNING)

MARKED_BLOCKS = ("admonition", "pymdownx.details")  # !!! and ??? (pymdown ships with Material)


class BriefingPlugin(BasePlugin[BriefingConfig]):
    """Loads the FactBook, renders chapters, adds generated pages, writes data and the PDFs."""

    only_pdf: str | None = None  # set by `briefing pdf NAME`: write that briefing only
    serving = False  # under `mkdocs serve`, which rebuilds on every save: no PDFs

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Defining this also keeps the plugin alive across `mkdocs serve` rebuilds.
        self.serving = command == "serve"

    staged: StagedSite | None = None  # this build's staging folder, until it is swapped in

    def paths_in(self, config: MkDocsConfig) -> Paths:
        """The project's folders, as this plugin's options and MkDocs' docs_dir name them."""
        return Paths(
            Path(config.config_file_path).parent,
            facts=self.config.facts_dir,
            seeds=self.config.seeds_dir,
            docs=config.docs_dir,
            cache=self.config.cache_dir,
            chart_functions=self.config.chart_functions,
        )

    @event_priority(100)  # first: every plugin writes into the staging folder
    def _stage(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        try:
            build_moment()  # MkDocs reads it too, with a traceback for a malformed one
        except ValueError as err:
            raise PluginError(str(err)) from None
        theme = theme_problem(config)
        if theme is not None:
            config_file = Path(config.config_file_path)
            line = top_key_line(config_file, "theme")
            raise PluginError(f"{config_file.name}:{line}: {theme}")
        self.paths = self.paths_in(config)
        module = self.paths.chart_functions_file
        if module is not None and not module.is_file():
            config_file = Path(config.config_file_path)
            line = top_key_line(config_file, "plugins")
            raise PluginError(f"{config_file.name}:{line}: {missing_module(self.config)}")
        self.staged = None
        self.staged = StagedSite(config, self.paths)
        return config

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig | None:
        if not self.config.enabled:
            return config
        self.urls = SiteUrls(config.use_directory_urls)
        self.docs = self.paths.rel(Path(config.docs_dir))  # pages named in messages from here
        self.publication = configured_publication(self.config, config, build_moment().date())
        self.partials = Partials(config.theme.custom_dir, self.paths.template_cache)
        overrides = self.partials.overrides
        inputs = files_digest(self.paths.facts_dir, self.paths.seeds_dir)
        self.reuse = Reuse(
            self.paths.cache_dir / "build",
            inputs,
            f"{config.site_name}|{config.use_directory_urls}|{self.config.data_files}"
            f"|{sorted(self.config.topics.items())}"
            f"|{self.publication!r}|"
            + _module_digest(self.paths.chart_functions_file)  # it may live outside facts/
            + "|"
            + (files_digest(overrides) if overrides is not None and overrides.is_dir() else ""),
        )
        self.pages = PageReuse(
            BuildCache(self.paths.cache_dir / "pages"),
            inputs,
            self.reuse.options,
            lambda: self.book,
            lambda: frame_digest(
                self.book, self.paths.root, (self.paths.facts_dir, self.paths.seeds_dir)
            ),
        )
        self._loaded: tuple[FactBook, ChartRenderer, PageRenderer] | None = None
        self.problems: list[Problem] = []
        self.chapters: dict[str, Chapter] = {}
        self.generated: dict[str, str] = {}
        self.styles: dict[str, str] = {}  # a generated page's own style sheet, by page
        self.theme_code = ThemeCode((), ())  # the theme's inline code, once on_env has read it
        self.inline: dict[str, tuple[list[str], list[str]]] = {}  # a page's own, as rendered
        self.nav: Navigation | None = None
        if CSS not in config.extra_css:
            config.extra_css.append(CSS)
        # The editors' analysis blocks (!!! analysis, ??? analysis) must show as blocks: the
        # sentence rule trusts them, so a site without these would show the markers as text.
        for extension in MARKED_BLOCKS:
            if extension not in config.markdown_extensions:
                config.markdown_extensions.append(extension)
        # Puts each chapter's generated markup in through Markdown's HTML stash (one instance,
        # told which page MkDocs converts; as mkdocs-autorefs registers its extension).
        self.markup = BriefingMarkup()
        config.markdown_extensions.append(self.markup)
        for script in SITE_SCRIPTS:
            if script not in config.extra_javascript:
                config.extra_javascript.append(script)
        # Material's offline plugin adds its worker shim the same way: <head>, before the bundle.
        polyfills = config.extra.setdefault("polyfills", [])
        if LAZY_SEARCH_JS not in polyfills:
            polyfills.append(LAZY_SEARCH_JS)
        self.pdfs = PdfBriefings(
            configured_briefings(self.config, config),
            KeptPdfs(self.paths.pdf_cache),
            BuildCache(self.paths.cache_dir / "print"),
            only=self.only_pdf,
            skip=self.serving,
            workers=self.config.concurrency,
        )
        if str(THEME) not in config.theme.dirs:  # after a site's own custom_dir, which still wins
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))
        return config

    on_config = CombinedEvent(_stage, _configure)

    def _load(self) -> tuple[FactBook, ChartRenderer, PageRenderer]:
        """The checked facts and the renderers over them, made when first needed: a build that
        reuses every generated file, chart and page needs none of them (10,000 facts take a
        tenth of a second to load even from the cache)."""
        if self._loaded is None:
            try:
                book = self.reuse.made("book", lambda: load_factbook(self.paths))
            except BriefingError:
                raise self._everything_wrong() from None
            charts = ChartRenderer(self.paths.chart_cache, book.sources, self.config.concurrency)
            renderer = PageRenderer(book, self.urls, charts, self.partials)
            self._loaded = (book, charts, renderer)
        return self._loaded

    def _everything_wrong(self) -> PluginError:
        """The build's failure with all that ``briefing check`` finds: pages are checked
        against whatever facts are valid, so that their problems do not wait for a second run."""
        return PluginError(_report([*check(self.paths), *self.problems]))  # docs/' own files

    @property
    def book(self) -> FactBook:
        return self._load()[0]

    @property
    def charts(self) -> ChartRenderer:
        return self._load()[1]

    @property
    def renderer(self) -> PageRenderer:
        return self._load()[2]

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        if not self.config.enabled:
            return files
        self.problems.extend(published_code(config, files, self.docs))
        try:
            self.generated, self.styles, made, charts = self.reuse.made(
                "files",
                lambda: made_files(
                    self.book,
                    self.charts,
                    self.urls,
                    load_releases(self.paths),
                    self.publication,
                    self.partials,
                    site_name=config.site_name,
                    with_data_files=self.config.data_files,
                    topics=self.config.topics,
                ),
            )
        except BriefingError:  # a release snapshot
            raise self._everything_wrong() from None
        pngs = {cid: self.paths.chart_cache / name for cid, name in charts.items()}
        if not all(png.is_file() for png in pngs.values()):  # the chart cache was cleared
            pngs = self.charts.prepare(self.book.charts.values())
        add_site_files(files, config, self.generated, made, pngs)
        self.pdfs.add_placeholders(files, config, generated=set(self.generated))
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation | None:
        self.nav = nav
        return nav

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or page.file.src_uri in self.generated:
            return markdown
        path = f"{self.docs}/{page.file.src_uri}"
        text = lambda: page.file.content_string  # noqa: E731 (read only for a problem's line)
        self.problems.extend(front_matter_problems(page.meta, text, path, config.theme.dirs))
        page.meta.update(escaped_meta(page.meta))
        source = page.file.content_string  # with its front matter, for the sentence rules
        result = self.pages.made(
            path,
            f"{markdown}\0{source}",
            lambda: self.renderer.render(markdown, path, page.file.src_uri, source),
        )
        self.problems.extend(result.problems)
        self.markup.page = result  # MkDocs converts this page next
        return result.markdown

    def on_page_content(
        self, html: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        if not self.config.enabled or self.markup.page is None:  # a generated page
            return html
        self.markup.page = None
        if self.pdfs.writes:
            self.chapters[page.file.src_uri] = Chapter.from_html(
                html, page.title or page.file.name, page.url
            )
        return html

    @event_priority(-100)  # last: the theme renders with the context every plugin has made
    def on_page_context(
        self, context: TemplateContext, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        if self.config.enabled:
            scripts, styles = self.theme_code.rendered(context)
            own = self.styles.get(page.file.src_uri)
            self.inline[page.file.src_uri] = (scripts, [*styles, *([own] if own else [])])
        return context

    @event_priority(-100)  # last, as for pages
    def on_template_context(
        self, context: TemplateContext, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext | None:
        if self.config.enabled and template_name.endswith(".html"):  # the 404 page
            self.inline[template_name] = self.theme_code.rendered(context)
        return context

    def _post_page_markup(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        tags = page_head(page, config, page_locale(self.config, config), self.partials)
        own = self.styles.get(page.file.src_uri)
        return with_head(output, tags + (style_element(own, self.partials) if own else ""))

    @event_priority(-100)  # last, after every other plugin's changes to the page
    def _post_page_policy(self, output: str, *, page: Page, config: MkDocsConfig) -> str | None:
        if not self.config.enabled:
            return output
        return self._policed(output, self.inline.pop(page.file.src_uri, ([], [])))

    on_post_page = CombinedEvent(_post_page_markup, _post_page_policy)

    @event_priority(-100)  # last, as for pages
    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str | None:
        if self.config.enabled and template_name.endswith(".html"):  # the 404 page
            return self._policed(output_content, self.inline.pop(template_name, ([], [])))
        return output_content

    def _policed(self, html: str, code: tuple[list[str], list[str]]) -> str:
        """``html`` with its policy; not under `mkdocs serve`, whose live reload is an inline
        script MkDocs writes into each response (its build and request numbers in it), which
        no hash made ahead can allow: a policy there would leave every page unreloaded."""
        return html if self.serving else with_csp(html, *code, self.partials)

    @event_priority(-100)  # last: the theme's code is read as every plugin has set it up
    def on_env(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.config.enabled and self.problems:
            raise PluginError(_report(sorted(self.problems)))  # pages: by page and line
        if self.config.enabled:
            self.pdfs.add_links(env)
            env.globals["briefing_imprint"] = imprint(self.publication, self.urls.page(CITE_PAGE))
            # Material prints `page.title | striptags` unescaped (MkDocs does not autoescape).
            env.filters["striptags"] = striptags_escaped
            self.theme_code = ThemeCode.of(env, config.theme.dirs)
        return env

    @event_priority(-50)  # after the search plugin has written its index, wherever it is listed
    def _write_last(self, *, config: MkDocsConfig) -> None:
        if not self.config.enabled:
            return
        site = Path(config.site_dir)
        index = site / "search" / "search_index.json"
        if index.is_file():  # written by the search plugin
            segment = self.config.segment_chinese
            entries = self.reuse.made(
                "search", lambda: fact_entries(self.book, self.urls, segment), str(segment)
            )
            searchable = with_fact_entries(index.read_text("utf-8"), entries)
            index.write_text(searchable, "utf-8")
            # Opened from disk, Material loads the index as a script (as its offline plugin
            # writes it); without it every page logs an error. Search itself still needs a
            # server: Chromium starts no search worker from file://.
            index.with_suffix(".js").write_text(f"var __index = {searchable}", "utf-8")
        nav_order = [p.file.src_uri for p in (self.nav.pages if self.nav else [])]
        if self.pdfs.writes:
            self.pdfs.write(
                config,
                self.chapters,
                nav_order,
                self.book,
                self.urls,
                self.publication,
                self.partials,  # print.html and print.css are overridable too
            )

    @event_priority(float("-inf"))  # after every plugin's post_build, even a "last" one's
    def _publish(self, *, config: MkDocsConfig) -> None:
        if self.staged is not None:
            self.staged.publish(config)

    on_post_build = CombinedEvent(_write_last, _publish)

    def on_build_error(self, *, error: Exception) -> None:
        if self.staged is not None:
            self.staged.discard()

    def on_shutdown(self) -> None:
        if self.staged is not None:  # an interrupted build: no other event says so
            self.staged.discard()

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        if self.config.enabled:
            server.watch(str(self.paths.facts_dir))
            server.watch(str(self.paths.seeds_dir))
            server.builder = keep_serving(server.builder, Path(config.site_dir))
        return server


def _report(problems: list[Problem]) -> str:
    """Every problem once, in the order given (the loader's: root causes first)."""
    ordered = list(dict.fromkeys(problems))
    return f"{len(ordered)} problem(s) found:\n" + "\n".join(str(p) for p in ordered)


def _module_digest(module: Path | None) -> str:
    """The bytes of the project's chart functions module, hashed (checked to exist first)."""
    return hashlib.sha256(module.read_bytes()).hexdigest() if module else ""
