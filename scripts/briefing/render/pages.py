"""Jinja2 over each chapter's Markdown: ``{{ fact("id") }}`` and ``{{ chart("id") }}``.

Runs sandboxed, with autoescaping: fact text is escaped, and a page holds nothing but fact()
and chart() calls (``briefing.render.sandbox`` refuses anything else at its line before it
runs). Unknown ids do not stop rendering: each is recorded with its page and line, so one run
reports every problem, never a traceback.

A cited number reaches Markdown as a placeholder, its markup put in after Markdown and, for
what the search index skips, after the index (see ``briefing.render.placeholders``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

import jinja2
from markupsafe import Markup

from briefing import periods
from briefing.chartspec import ChartSpec
from briefing.model import Fact, FactBook
from briefing.problems import Problem
from briefing.prose import typed_numbers
from briefing.render.charts import ChartRenderer, RenderedChart
from briefing.render.placeholders import PageRender, as_word
from briefing.render.sandbox import EXAMPLE, Refused, environment
from briefing.render.text import UNINDEXED, esc, one_block
from briefing.render.urls import (
    CHARTS_JS,
    FACTS_PAGE,
    SiteUrls,
    chart_file,
    relative_url,
    source_page,
)

SYNTAX = 'write {{ fact("id") }}, or {% raw %}…{% endraw %} around literal braces'


class PageRenderer:
    """Renders chapters against one FactBook; without a chart renderer (``briefing check``)
    charts are checked but not drawn."""

    def __init__(self, book: FactBook, urls: SiteUrls, charts: ChartRenderer | None = None) -> None:
        self.book = book
        self.urls = urls
        self.charts = charts
        self.env = environment(jinja2.FunctionLoader(self._load))
        self._sources: dict[str, str] = {}

    def _load(self, name: str) -> tuple[str, str, Callable[[], bool]] | None:
        if name not in self._sources:
            return None  # only the page being rendered: the sandbox refuses {% include %}
        return self._sources[name], name, lambda: False

    def render(self, markdown: str, path: str, src_uri: str) -> PageRender:
        """Render one page; problems are in the result, never raised."""
        page = PageRender(path, src_uri)
        page.problems.extend(typed_numbers(markdown, path))
        self._sources[path] = markdown
        try:
            template = self.env.get_template(path)
            body = template.render(
                fact=lambda *ids: self._fact(page, template, ids),
                chart=lambda *ids: self._chart(page, template, ids),
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
        as_of = self.as_of(page)
        page.as_of = page.stashed(as_of, "", after_search=True) if as_of else ""
        page.markdown = body + self.source_notes(page)
        if page.charts and self.charts is not None:
            page.markdown += self.chart_script(page)
        return page

    def _one_id(
        self, page: PageRender, template: jinja2.Template, name: str, ids: tuple[object, ...]
    ) -> str | None:
        """The single id a fact() or chart() call must name; else a problem at its line."""
        if len(ids) == 1:
            return str(ids[0])
        line = _call_line(page.path, template)
        page.problems.append(
            Problem(page.path, line, f'{name}() takes one id, such as {name}("{EXAMPLE[name]}")')
        )
        return None

    def _fact(self, page: PageRender, template: jinja2.Template, ids: tuple[object, ...]) -> Markup:
        fid = self._one_id(page, template, "fact", ids)
        if fid is None:
            return Markup("")
        fact = self.book.facts.get(fid)
        if fact is None:
            if not self.book.is_broken("fact", fid):  # else its own problem is reported
                line = _call_line(page.path, template)
                page.problems.append(
                    Problem(page.path, line, f"unknown fact '{fid}'; use an id from facts/*.yaml")
                )
            return Markup("")
        return Markup(page.stashed(self.fact_html(page, fact), esc(fact.text)))

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
        cites = " ".join(self.citation(page, fact) for fact in spec.cited)
        if self.charts is None:
            return Markup("")
        return Markup(self.chart_figure(page, spec, self.charts.render(spec), cites))

    def chart_figure(
        self, page: PageRender, spec: ChartSpec, chart: RenderedChart, cites: str
    ) -> str:
        """The chart as a figure: inline SVG, a caption citing its facts, its data to take away.

        The Vega-Lite spec rides along as inert JSON for the interactive version; ``<`` is
        escaped so no text in it can close the script element. Drawing and spec go in after
        the search index has read the page: they hold no words worth finding.
        """
        links = " · ".join(
            f'<a href="{esc(relative_url(chart_file(spec.id, ext), self.urls.page(page.src_uri)))}" '
            f"download>{label}</a>"
            for ext, label in (("csv", "CSV"), ("json", "JSON"), ("png", "PNG"))
        )
        label = f"{spec.alt} Data: {spec.summary(dict(self.book.sources))}"
        data = json.dumps(chart.spec, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
        drawing = page.stashed(
            f'<div class="chart-svg" role="img" aria-label="{esc(label)}">{chart.svg}</div>\n'
            # Before the caption: a figure's caption must be its first or last child.
            f'<script type="application/json" class="chart-spec">{data}</script>',
            "",
            after_search=True,
        )
        return one_block(
            f'<figure class="chart" id="chart-{esc(spec.id)}" data-chart="{esc(spec.id)}">\n'
            f"{drawing}\n"
            f'<figcaption><span class="chart-title">{esc(spec.title)}.</span> Sources: {cites}\n'
            f'<span class="chart-alt">{esc(spec.alt)}</span>\n'
            f'<span class="chart-data"{UNINDEXED}>Data: {links}</span>'
            "</figcaption>\n</figure>"
        )

    def as_of(self, page: PageRender) -> str:
        """The freshness line: the newest publication date among the sources a page cites
        (placed after the search index has read the page: a date is no word to search for)."""
        cited = (self.book.facts[fid].source for fid in page.citations)
        dates = {src.published for s in cited if (src := self.book.sources.get(s or ""))}
        if not dates:
            return ""
        newest = max(dates)
        return (
            f'<p class="as-of">As of <time datetime="{esc(newest)}">'
            f"{esc(periods.label(newest))}</time>, the date of the newest source this page "
            "cites.</p>"
        )

    def chart_script(self, page: PageRender) -> str:
        """The small loader that makes a page's charts interactive on first hover or focus."""
        src = relative_url(CHARTS_JS, self.urls.page(page.src_uri))
        return f'\n\n<script src="{esc(src)}" defer></script>\n'

    def citation(self, page: PageRender, fact: Fact, card: str = "") -> str:
        """The numbered marker linking to the highlighted quote on the source page.

        Never indexed: a search for a number should find facts stating it, not every page
        whose citations run that far. A fact's citation goes in after indexing; a chart's,
        in its caption, is marked for the indexer to skip (``card`` is empty there).
        """
        number = page.cite(fact.id)
        described = f' aria-describedby="{card}"' if card else ""
        return (
            f'<sup class="cite"{"" if card else UNINDEXED}><a '
            f'href="{esc(self._passage(page, fact))}" '
            f'data-note="{number}"{described} aria-label="Source {number}">{number}</a></sup>'
        )

    def _passage(self, page: PageRender, fact: Fact) -> str:
        if fact.source is None:
            return self.urls.link(page.src_uri, FACTS_PAGE, fact.id)
        return self.urls.link(page.src_uri, source_page(fact.source), f"q-{fact.id}")

    def fact_html(self, page: PageRender, fact: Fact) -> str:
        """The number, its citation, and the card a hover or keyboard focus opens on it.

        It reaches the page after Markdown (see ``unstash``), so text is escaped for HTML
        only, and a ``[x](javascript:…)`` in a quote stays text. The search index reads the
        number alone; its markup (the span, citation, card and any "sources differ" link) goes
        in around it after: none holds a word to find that the fact's own entry lacks.
        """
        page.cards += 1
        card = f"card-{page.cards}"
        rivals = self.book.rivals(fact)
        differ = ""
        if rivals:
            others = " vs ".join(esc(r.text) for r in rivals)
            href = self.urls.link(page.src_uri, FACTS_PAGE, fact.id)
            differ = f' <a class="differ" href="{esc(href)}">(sources differ: {others})</a>'
        cited = self.citation(page, fact, card) + self.fact_card(page, fact, card, rivals)
        opening = page.stashed(
            f'<span class="fact" data-fact="{esc(fact.id)}">', "", after_search=True
        )
        closing = page.stashed(f"{cited}{differ}</span>", "", after_search=True)
        return f"{opening}{esc(fact.text)}{closing}"

    def fact_card(self, page: PageRender, fact: Fact, card: str, rivals: list[Fact]) -> str:
        """Everything about a number in one place: value, period, kind, source and quote.

        Plain markup shown by CSS on hover and focus (no script needed); the citation link
        points to it with aria-describedby, so a screen reader reads it with the number.
        The search index never sees it (it goes in after indexing), and has an entry for
        every fact of its own.
        """
        src = self.book.sources.get(fact.source or "")
        parts = [
            f'<span class="card-value">{esc(fact.text)}</span>',
            f'<span class="card-meta">{esc(fact.subject)} · {esc(fact.period_label)} · '
            f"{esc(fact.kind)} · {esc(fact.geo)}</span>",
        ]
        if src is not None:
            parts.append(f'<q class="card-quote">{esc(fact.quote or "")}</q>')
            parts.append(
                f'<span class="card-source">{esc(src.title)}, {esc(src.publisher)}, '
                f"{esc(src.published)}</span>"
            )
        else:
            parts.append(f'<span class="card-quote">Derived: {esc(fact.note or "")}</span>')
        if rivals:
            others = "; ".join(f"{esc(r.text)} ({esc(self._publisher(r))})" for r in rivals)
            parts.append(f'<span class="card-differ">Sources differ: {others}</span>')
        link = "See the passage" if src is not None else "See the fact"
        parts.append(f'<a class="card-link" href="{esc(self._passage(page, fact))}">{link}</a>')
        return f'<small class="fact-card" id="{card}" role="tooltip">' + "".join(parts) + "</small>"

    def _publisher(self, fact: Fact) -> str:
        src = self.book.sources.get(fact.source or "")
        return src.publisher if src else "derived"

    def source_notes(self, page: PageRender) -> str:
        """The numbered notes a page ends with: each quote, its source, a link to the passage.

        The list goes in after the search index has read the page: each fact's own entry holds
        the same quote and source, and the quote is also found in the source's archived text.
        """
        if not page.citations:
            return ""
        items = []
        for fid, number in page.citations.items():
            fact = self.book.facts[fid]
            src = self.book.sources.get(fact.source or "")
            if src is None:
                href = self._passage(page, fact)
                items.append(
                    f'<li id="note-{number}">{esc(fact.note or "")} '
                    f'<a href="{esc(href)}">Derived</a></li>'
                )
                continue
            href = self._passage(page, fact)
            items.append(
                f'<li id="note-{number}"><q>{esc(fact.quote or "")}</q> — '
                f"<cite>{esc(src.title)}</cite>, {esc(src.publisher)}, {esc(src.published)}. "
                f'<a href="{esc(href)}">See the passage</a></li>'
            )
        notes = '<ol class="source-notes">\n' + "\n".join(items) + "\n</ol>"
        page.notes = page.stashed(notes, "", after_search=True)
        return f"\n\n## Sources\n\n{as_word(page.notes)}\n"


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
