"""The page sandbox holds what the README documents and nothing else: every global, filter and
test Jinja has by default is refused at its line, with the page named, before anything runs."""

from __future__ import annotations

import re

import pytest
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_NAMESPACE, DEFAULT_TESTS

from briefing.facts.model import FactBook
from briefing.render.pages import PageRenderer
from briefing.render.sandbox import CALLS
from briefing.render.urls import SiteUrls
from conftest import ROOT

ONLY = (
    'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
    '{{ chart("id") }} and {{ table("source", "column", …) }}'
)
PAGE = "docs/page.md"


def problems(markdown: str) -> list[str]:
    renderer = PageRenderer(FactBook({}, {}, {}), SiteUrls())
    return [str(p) for p in renderer.render(markdown, PAGE, "page.md").problems]


def test_what_pages_may_use_is_what_the_readme_documents() -> None:
    """The README shows fact(), claim(), cite(), chart(), table(), tiles() and {% raw %}; the environment itself
    holds no global, filter or test (the calls are given to each page as it renders)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    page_section = readme[readme.index("### Add a page") : readme.index("### Add a chart")]
    documented = set(re.findall(r"\{\{ (\w+)\(", page_section))
    assert documented == {"fact", "claim", "cite", "chart", "table", "tiles"} == set(CALLS)
    assert "{% raw %}" in page_section
    env = PageRenderer(FactBook({}, {}, {}), SiteUrls()).env
    assert (dict(env.globals), dict(env.filters), dict(env.tests)) == ({}, {}, {})


@pytest.mark.parametrize("name", sorted(DEFAULT_NAMESPACE))
def test_every_default_global_is_refused(name: str) -> None:
    assert problems(f"# Page\n\n{{{{ {name}() }}}}\n") == [
        f"{PAGE}:3: '{name}' is undefined; {ONLY}"
    ]


@pytest.mark.parametrize("name", sorted(DEFAULT_FILTERS))
def test_every_default_filter_is_refused(name: str) -> None:
    assert problems(f'# Page\n\nText.\n{{{{ fact("x.y") | {name} }}}}\n') == [
        f"{PAGE}:4: the filter '|{name}' is not available in pages; {ONLY}"
    ]


@pytest.mark.parametrize("name", sorted(DEFAULT_TESTS))
def test_every_default_test_is_refused(name: str) -> None:
    assert problems(f'{{{{ fact("x.y") is {name} }}}}\n') == [
        f"{PAGE}:1: the test 'is {name}' is not available in pages; {ONLY}"
    ]


@pytest.mark.parametrize(
    "statement",
    ["if x", "for x in y", "set x = 1", "macro m()", "call m()", "filter upper", "with x = 1",
     "block b", "autoescape false", "do x"],
)  # fmt: skip
def test_every_statement_is_refused(statement: str) -> None:
    keyword = statement.split()[0]
    assert problems(f"# Page\n{{% {statement} %}}\n") == [
        f"{PAGE}:2: '{{% {keyword} %}}' is not available in pages; {ONLY}"
    ]


def test_raw_comments_and_fact_calls_are_allowed() -> None:
    assert problems('{% raw %}{{ x | random }}{% endraw %}{# note #}{{- fact("x.y") -}}\n') == [
        f"{PAGE}:1: unknown fact 'x.y'; use an id from facts/*.yaml"
    ]


def test_a_fact_id_must_be_quoted() -> None:
    assert problems('{{ fact(x) }}\n{{ chart("a" ~ "b") }}\n') == [
        f'{PAGE}:1: fact() takes an id in quotes, such as fact("sales.total.2023")',
        f'{PAGE}:2: chart() takes an id in quotes, such as chart("sales-by-year")',
    ]
