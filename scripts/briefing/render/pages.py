"""Jinja2 over each chapter's Markdown: ``{{ fact("id") }}``, ``{{ claim("id") }}``,
``{{ cite("id", …) }}`` and ``{{ chart("id") }}``.

Runs sandboxed, with autoescaping: fact text is escaped, and a page holds nothing but these
calls (``briefing.render.sandbox`` refuses anything else at its line before it
runs). Unknown ids do not stop rendering: each is recorded with its page and line, so one run
reports every problem, never a traceback.

A cited number reaches Markdown as a placeholder, its markup put in through Markdown's HTML
stash (see ``briefing.render.extension``); all markup comes from overridable partials.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from importlib import resources

import jinja2
from markupsafe import Markup

from briefing.chapterchecks.sourcing import is_editorial, sourcing_problems
from briefing.charts.drawing import ChartRenderer, RenderedChart
from briefing.charts.specs import ChartSpec, chart_file
from briefing.facts import periods
from briefing.facts.model import Fact, FactBook
from briefing.facts.typednumbers import typed_numbers
from briefing.facts.units import QUIET_STYLES
from briefing.problems import Problem, visible
from briefing.render import differences
from briefing.render.citations import Cards
from briefing.render.markup import PACKAGE, Partials
from briefing.render.placeholders import PageRender
from briefing.render.sandbox import EXAMPLE, Refused, environment
from briefing.render.tabular import chapter_table
from briefing.render.text import one_block
from briefing.render.tiles import change
from briefing.render.urls import (
    CHARTS_JS,
    DIFFERENCES_PAGE,
    SiteUrls,
    measure_anchor,
    relative_url,
    source_page,
)


@functools.cache
def editorial_line() -> str:
    """The "Editors' text" line of a page whose front matter says ``sourcing: editorial``."""
    template = resources.files("briefing").joinpath("templates/editorial.html").read_text("utf-8")
    return jinja2.Environment(autoescape=True).from_string(template).render()


SYNTAX = 'write {{ fact("id") }}, or {% raw %}…{% endraw %} around literal braces'


class PageRenderer:
    """Renders chapters against one FactBook; without a chart renderer (``briefing check``)
    charts are checked but not drawn."""

    def __init__(
        self,
        book: FactBook,
        urls: SiteUrls,
        charts: ChartRenderer | None = None,
        partials: Partials = PACKAGE,
    ) -> None:
        self.book = book
        self.urls = urls
        self.charts = charts
        self.partials = partials
        self.env = environment(jinja2.FunctionLoader(self._load))
        self.cards = Cards(book, urls, partials)
        self._sources: dict[str, str] = {}

    def _load(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name not in self._sources:
            return None  # only the page being rendered: the sandbox refuses {% include %}
        return self._sources[name], name, lambda: False

    def render(
        self,
        markdown: str,
        path: str,
        src_uri: str,
        source: str | None = None,
    ) -> PageRender:
        """Render one page; problems are in the result, never raised.

        ``source`` is the page as the editor wrote it, front matter and all (``markdown``
        unless the build stripped that), read for the sentence rules with their true lines.
        """
        page = PageRender(path, src_uri)
        source = source or markdown
        # The build's markdown lacks the front matter: count its lines back in.
        cut = len(source) - len(markdown)
        first = 1 + source.count("\n", 0, cut) if source.endswith(markdown) else 1
        page.problems.extend(
            typed_numbers(markdown, path, self.book.units.values(), first_line=first)
        )
        self._sources[path] = markdown
        try:
            template = self.env.get_template(path)
            body = template.render(
                fact=lambda *ids: self._fact(page, template, ids),
                claim=lambda *ids: self._claim(page, template, ids),
                cite=lambda *ids: self._cite(page, template, ids),
                chart=lambda *ids: self._chart(page, template, ids),
                table=lambda *ids: self._table(page, template, ids),
                tiles=lambda *ids: self._tiles(page, template, ids),
            )
        except Refused as err:
            page.problems.extend(Problem(path, line, message) for line, message in err.refusals)
            return page
        except jinja2.TemplateSyntaxError as err:
            page.problems.append(
                Problem(path, err.lineno, f"template syntax error: {_sentence(err)}; {SYNTAX}")
            )
            return page
        finally:
            del self._sources[path]
        # Only for a page that ran: its citing calls are then known to be what they look like.
        typed = frozenset(p.line for p in page.problems)
        page.problems += sourcing_problems(source, path, self.book, typed, page.checked)
        page.as_of = self.as_of(page) + (editorial_line() if is_editorial(source) else "")
        page.markdown = body + self.cards.source_notes(page)
        if page.charts and self.charts is not None:
            page.markdown += self.chart_script(page)
        return page

    def _one_id(
        self, page: PageRender, template: jinja2.Template, name: str, ids: tuple[object, ...]
    ) -> str | None:
        """The single id a fact(), claim() or chart() call must name; else a problem at its
        line."""
        if len(ids) == 1:
            return str(ids[0])
        line = _call_line(page.path, template)
        page.problems.append(
            Problem(page.path, line, f"{name}() takes one id, such as {name}({EXAMPLE[name]})")
        )
        return None

    def _fact(self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]) -> Markup:
        fid = self._one_id(page, template, "fact", ids)
        if fid is None:
            return Markup("")
        fact = self.book.facts.get(fid)
        if fact is None:
            self._not_cited(page, template, fid, "fact")
            return Markup("")
        return Markup(page.stashed(self.fact_html(page, fact), visible(fact.text)))

    def _claim(
        self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]
    ) -> Markup:
        cid = self._one_id(page, template, "claim", ids)
        claim = self.book.claims.get(cid) if cid is not None else None
        if claim is None:
            if cid is not None:
                self._not_cited(page, template, cid, "claim")
            return Markup("")
        return Markup(page.stashed(self.cards.marker(page, (claim,))))

    def _cite(self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]) -> Markup:
        """One marker for a sentence resting on several facts and claims (each once)."""
        if not ids:
            line = _call_line(page.path, template)
            page.problems.append(
                Problem(
                    page.path,
                    line,
                    f"cite() takes one or more ids, such as cite({EXAMPLE['cite']})",
                )
            )
            return Markup("")
        wanted = list(dict.fromkeys(str(i) for i in ids))
        records = [r for rid in wanted if (r := self.book.record(rid)) is not None]
        for rid in wanted:
            if self.book.record(rid) is None:
                self._not_cited(page, template, rid, "cite")
        if len(records) < len(wanted):
            return Markup("")
        return Markup(page.stashed(self.cards.marker(page, tuple(records))))

    def _not_cited(self, page: PageRender, template: jinja2.Template, rid: str, call: str) -> None:
        """Says why ``call("rid")`` cites nothing: no such record, or one the call does not
        take (a claim has no number to print, a fact's number is printed with fact())."""
        if self.book.is_broken("fact", rid):
            return  # its own problem is reported
        if call == "fact" and rid in self.book.claims:
            message = (
                f"'{rid}' is a claim, which has no number to print; cite it at the end of "
                f'its sentence with {{{{ claim("{rid}") }}}}'
            )
        elif call == "claim" and rid in self.book.facts:
            message = (
                f"'{rid}' is a fact; print its number with {{{{ fact(\"{rid}\") }}}}, or "
                f'cite it without the number with {{{{ cite("{rid}") }}}}'
            )
        else:
            what = {"fact": "fact", "claim": "claim", "cite": "fact or claim"}[call]
            message = f"unknown {what} '{rid}'; use an id from facts/*.yaml"
        page.problems.append(Problem(page.path, _call_line(page.path, template), message))

    def _chart(
        self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]
    ) -> Markup:
        cid = self._one_id(page, template, "chart", ids)
        if cid is None:
            return Markup("")
        spec = self.book.charts.get(cid)
        if spec is None:
            if not self.book.is_broken("chart", cid):
                line = _call_line(page.path, template)
                page.problems.append(
                    Problem(
                        page.path, line, f"unknown chart '{cid}'; declare it in facts/charts.yaml"
                    )
                )
            return Markup("")
        page.charts.append(spec.id)
        cites = Markup(" ").join(self.cards.citation(page, (fact,)) for fact in spec.cited)
        if self.charts is None:
            return Markup("")
        figure = self.chart_figure(page, spec, self.charts.render(spec), cites)
        return Markup(f"\n\n{page.stashed(figure)}\n\n")  # a block of its own

    def _table(
        self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]
    ) -> Markup:
        """A table source in the chapter, its figures cited facts (``render/tabular``)."""
        line = _call_line(page.path, template)
        sid, *columns = [str(i) for i in ids] or [""]
        source = self.book.sources.get(sid)
        if sid in self.book.broken_sources:
            return Markup("")  # its problem is reported
        if source is None or source.table is None:
            tables = ", ".join(s for s, v in self.book.sources.items() if v.table) or "none"
            said = f"'{sid}' is an archived text" if source else f"unknown table '{sid}'"
            page.problems.append(
                Problem(page.path, line, f"table(): {said}; name a table source ({tables})")
            )
            return Markup("")
        page.tables.append(sid)
        href = self.urls.link(page.src_uri, source_page(sid))
        html, problems = chapter_table(
            self.book,
            source,
            tuple(columns),
            href,
            lambda f: self.fact_html(page, f),
            self.partials,
        )
        page.problems += [Problem(page.path, line, message) for message in problems]
        return Markup(f"\n\n{page.stashed(one_block(html))}\n\n")  # a block of its own

    def _tiles(
        self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]
    ) -> Markup:
        """Key-figure tiles (``render/tiles``): each fact's value, period, kind and change."""
        facts = []
        for fid in dict.fromkeys(str(i) for i in ids):
            fact = self.book.facts.get(fid)
            if fact is None:
                self._not_cited(page, template, fid, "fact")
            else:
                facts.append(fact)
                page.tiles.append(fact.id)
        if not ids:
            line = _call_line(page.path, template)
            message = f"tiles() takes one or more fact ids, such as tiles({EXAMPLE['tiles']})"
            page.problems.append(Problem(page.path, line, message))
        tiles = []
        for fact in facts:
            moved = change(self.book, fact)
            value = Markup(self.fact_html(page, fact))  # its marker numbered first
            cite = self.cards.marker(page, (fact, moved.previous)) if moved else ""
            tiles.append(
                {
                    "fact": fact,
                    "value": value,
                    "change": moved,
                    "change_cite": Markup(cite),
                }
            )
        html = self.partials.render("tiles.html", tiles=tiles)
        return Markup(f"\n\n{page.stashed(one_block(html))}\n\n")  # a block of its own

    def chart_figure(
        self, page: PageRender, spec: ChartSpec, chart: RenderedChart, cites: Markup
    ) -> str:
        """The chart as a figure: inline SVG, a caption citing its facts, its data to take away.

        The Vega-Lite spec rides along as inert JSON for the interactive version; ``<`` is
        escaped so no text in it can close the script element.
        """
        here = self.urls.page(page.src_uri)
        data = json.dumps(chart.spec, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
        differs = {
            href: title
            for fact in spec.cited
            for href, title in differences.links(self.book, fact, self.urls, page.src_uri)
        }
        return self.partials.render(
            "chart.html",
            spec=spec,
            label=f"{spec.alt} Data: {spec.summary(dict(self.book.sources))}",
            svg=Markup(chart.svg),  # vl-convert's drawing of our own spec
            data=Markup(data),  # JSON with no "<": it cannot end the script element
            cites=cites,
            differs=list(differs.items()),
            downloads=[
                (relative_url(chart_file(spec.id, ext), here), label)
                for ext, label in (("csv", "CSV"), ("json", "JSON"), ("png", "PNG"))
            ],
        )

    def as_of(self, page: PageRender) -> str:
        """The freshness line: the newest publication date among the sources a page cites."""
        cited = (record.source for rid in page.cited if (record := self.book.record(rid)))
        dates = {src.published for s in cited if (src := self.book.sources.get(s or ""))}
        if not dates:
            return ""
        newest = max(dates)
        return self.partials.render("as_of.html", date=newest, label=periods.label(newest))

    def chart_script(self, page: PageRender) -> str:
        """The small loader that makes a page's charts interactive on first hover or focus."""
        src = relative_url(CHARTS_JS, self.urls.page(page.src_uri))
        return f"\n\n{self.partials.render('script.html', src=src)}\n"

    def fact_html(self, page: PageRender, fact: Fact) -> str:
        """The number, its citation, and the card a hover, focus, click or touch opens on it.

        Text is escaped for HTML by the partial, and the markup never passes through Markdown's
        syntax, so a ``[x](javascript:…)`` in a quote stays text.
        """
        page.cards += 1
        card = f"card-{page.cards}"
        rivals = self.book.rivals(fact)
        differ = ""
        if rivals:
            measure = measure_anchor(self.book.rival_group(fact)[0].id)
            differ = self.urls.link(page.src_uri, DIFFERENCES_PAGE, measure)
        return self.partials.render(
            "fact.html",
            fact=fact,
            card=card,
            citation=self.cards.citation(page, (fact,), card),
            card_html=self.cards.fact_card(page, fact, card, rivals),
            rivals=rivals,
            differ_href=differ,
            quiet=QUIET_STYLES,
        )


def _sentence(err: Exception) -> str:
    """An exception's message without its final full stop, to go before our advice."""
    return str(getattr(err, "message", None) or err).rstrip(".")


def _call_line(path: str, template: jinja2.Template) -> int:
    """The template line of the fact()/chart() call being evaluated (from the live stack)."""
    frame = sys._getframe()
    while frame is not None:
        if frame.f_code.co_filename == path:
            return int(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back  # type: ignore[assignment]
    return 1
