"""The facts page as an explorer: filters over the tables, the data to take away.

The page is complete without JavaScript: every row is in the HTML and the filter form is
``hidden``. ``assets/explorer.js``, loaded by this page only, shows the form and narrows
the rows by the data attributes written here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType
from typing import Any

from briefing.data.package import CLAIMS_FILE, CSV_FILE, JSON_FILE, PACKAGE_FILE
from briefing.facts import periods
from briefing.facts.model import Fact, FactBook
from briefing.render.markup import PACKAGE, Partials
from briefing.render.urls import EXPLORER_JS, FACTS_PAGE, SiteUrls, relative_url

# (select name, its label, what "all" says): the names are the rows' data attributes.
FILTERS = (
    ("topic", "Topic", "All topics"),
    ("source", "Source", "All sources"),
    ("period", "Period", "All periods"),
    ("kind", "Kind", "All kinds"),
)


def row_data(fact: Fact) -> list[tuple[str, str]]:
    """The data attributes the explorer filters a row by, one per filter (name, value)."""
    values = {
        "topic": fact.topic,
        "source": fact.source or "",
        "period": fact.period,
        "kind": fact.kind,
    }
    return [(name, values[name]) for name, _, _ in FILTERS]


def topic_name(topic: str, names: Mapping[str, str]) -> str:
    """A topic as the project names it, else its key as a word: ``market_share`` -> Market share."""
    return names.get(topic) or topic.replace("_", " ").capitalize()


def filter_form(
    book: FactBook, partials: Partials = PACKAGE, topics: Mapping[str, str] = MappingProxyType({})
) -> str:
    """The hidden form of selects: each option is a value some fact has, with its count.

    Kept out of the search index (``data-search-exclude``): option labels are not content.
    """
    facts = list(book.facts.values())
    titles = {s.id: s.title for s in book.sources.values()}
    cited = [source for source in (f.source for f in facts) if source]

    def named(topic: str) -> str:
        return topic_name(topic, topics)

    choices: dict[str, list[tuple[str, str]]] = {
        "topic": _options((f.topic for f in facts), named, lambda t: named(t).casefold()),
        "source": _options(cited, titles.__getitem__, lambda s: (titles[s].casefold(), s)),
        "period": _options((f.period for f in facts), periods.label, _period_order),
        "kind": _options((f.kind for f in facts), str.capitalize),
    }
    fields = [(name, label, everything, choices[name]) for name, label, everything in FILTERS]
    return partials.render("fact_filters.html", fields=fields, total=len(facts))


def _period_order(period: str) -> tuple[str, str]:
    return (periods.sort_key(period), period)


def _options(
    values: Iterable[str], text: Callable[[str], str], key: Callable[[str], Any] = str
) -> list[tuple[str, str]]:
    """(value, label with its count) for each distinct value, in ``key`` order."""
    counts = Counter(values)
    return [(value, f"{text(value)} ({counts[value]})") for value in sorted(counts, key=key)]


def downloads(urls: SiteUrls, partials: Partials = PACKAGE) -> str:
    """Links to the facts (and claims) as CSV and JSON and to the Data Package describing them."""
    here = urls.page(FACTS_PAGE)
    links = [
        (CSV_FILE, "CSV"),
        (CLAIMS_FILE, "claims CSV"),
        (JSON_FILE, "JSON (facts and claims)"),
        (PACKAGE_FILE, "Data Package (datapackage.json: columns, types, sources)"),
    ]
    shown = [(relative_url(path, here), text) for path, text in links]
    return partials.render("fact_downloads.html", links=shown)


def explorer_script(urls: SiteUrls, partials: Partials = PACKAGE) -> str:
    return partials.render("script.html", src=relative_url(EXPLORER_JS, urls.page(FACTS_PAGE)))
