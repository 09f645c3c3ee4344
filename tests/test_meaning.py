"""What numbers mean, in whole projects: a negative value verifies against its negative quote,
a quote found twice is checked and highlighted where its context says, and a seed is a plain
file of its own (no link, nothing outside seeds/)."""

from __future__ import annotations

import re
from collections.abc import Callable

import jsonschema
import pytest

from briefing.facts.jsonschema import json_schema
from conftest import CITES_ALL, FACTS, SALES, SEED_TEXT, Project, sources_yaml

ProjectFactory = Callable[..., Project]
# Two sentences alike: the fact is about the second, which only its context tells apart.
TWICE = "Exports rose 5 percent in May.\nImports rose 5 percent in June.\n"
GROWTH = """\
- id: imports.growth.2024-06
  subject: Growth of imports
  value: 5
  unit: percent
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "rose 5 percent"
  context: "Imports"
- id: sales.change.2024-05
  subject: Change in sales
  value: -3.2
  unit: percent
  period: undated
  kind: actual
  geo: China
  source: demo
  quote: "Sales fell to \u22123.2 percent"
- id: market.total.2024
  subject: China's automobile production and sales
  value: 62720000
  unit: vehicles
  period: undated
  kind: actual
  geo: China
  note: production and sales added up
  derived_from: [market.production.2024, market.sales.2024]
  operation: sum
- id: market.gap.2024
  subject: Sales above production
  value: 0.51
  unit: percent
  period: undated
  kind: actual
  geo: China
  note: from production to sales, 31.28 to 31.44 million
  derived_from: [market.production.2024, market.sales.2024]
  operation: growth
"""
CITES = CITES_ALL + "".join(
    f'\n{{{{ fact("{fid}") }}}}\n'
    for fid in (
        "market.sales.2024",
        "imports.growth.2024-06",
        "sales.change.2024-05",
        "market.total.2024",
        "market.gap.2024",
    )
)


def meaning_project(project: ProjectFactory) -> Project:
    proj = project(index=CITES, facts=FACTS + SALES + GROWTH)
    text = SEED_TEXT + TWICE + "Sales fell to \u22123.2 percent in May.\n"
    proj.write("seeds/seed.txt", text)
    proj.write("facts/sources.yaml", sources_yaml(text=text))
    return proj


def test_negative_value_quote_found_by_its_context_and_derived_facts_verify(
    project: ProjectFactory,
) -> None:
    done = meaning_project(project).briefing("check")
    assert done.returncode == 0, done.stdout
    assert done.stderr == ""
    assert "all facts verified" in done.stdout


def test_source_page_highlights_and_links_the_occurrence_its_context_names(
    project: ProjectFactory,
) -> None:
    proj = meaning_project(project)
    assert proj.mkdocs_build().returncode == 0
    page = proj.html("sources/demo/index.html")
    paragraphs = re.findall(r"<p>(.*?)</p>", page.split('class="source-text"', 1)[1])
    exports, imports = (p for p in paragraphs if "rose 5 percent" in p)
    assert "quote-anchor" not in exports and "<mark" not in exports
    assert imports == (
        'Imports <a class="quote-anchor" id="q-imports.growth.2024-06"></a>'
        '<mark class="quote" data-facts="imports.growth.2024-06" '
        'title="imports.growth.2024-06">rose 5 percent</mark> in June.'
    )
    home = proj.html("index.html")
    assert 'href="sources/demo/#q-imports.growth.2024-06"' in home
    assert "\u22123.2%" in home


def test_symlinked_seed_is_refused(project: ProjectFactory) -> None:
    proj = project()
    outside = proj.root / "outside.txt"
    outside.write_text(SEED_TEXT, "utf-8")
    (proj.root / "seeds" / "seed.txt").unlink()
    (proj.root / "seeds" / "seed.txt").symlink_to(outside)
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout == (
        "facts/sources.yaml:2: source 'demo': seeds/seed.txt is a link to another file; archive "
        "the document itself in seeds/ (copy it there, not a link)\n"
    )


def test_seed_linked_to_a_file_inside_seeds_is_refused_too(project: ProjectFactory) -> None:
    """A link is refused even to a file in seeds/: what is archived must be what is named."""
    proj = project()
    (proj.root / "seeds" / "seed.txt").rename(proj.root / "seeds" / "real.txt")
    (proj.root / "seeds" / "seed.txt").symlink_to("real.txt")
    done = proj.briefing("check")
    assert done.returncode == 1
    assert "seeds/seed.txt is a link to another file" in done.stdout


def test_add_asks_for_the_context_of_a_quote_found_twice_and_writes_it(
    project: ProjectFactory,
) -> None:
    proj = meaning_project(project)
    before = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    args = ["add", "--source", "demo", "--quote", "rose 5 percent", "--id", "exports.growth.may"]
    args += ["--subject", "Growth of exports", "--file", "market.yaml"]
    done = proj.briefing(*args)
    assert (done.returncode, done.stderr) == (
        1,
        "briefing add: the quote occurs 2 times in seeds/seed.txt (lines 4, 5); add "
        "--context: the words just before the occurrence this fact is about\n",
    )
    assert (proj.root / "facts" / "market.yaml").read_text("utf-8") == before
    done = proj.briefing(*args, "--context", "Exports")
    assert done.returncode == 0, done.stderr
    added = (proj.root / "facts" / "market.yaml").read_text("utf-8").removeprefix(before)
    assert added.startswith("- id: exports.growth.may\n  subject: Growth of exports\n  value: 5\n")
    assert '  quote: "rose 5 percent"\n  context: "Exports"\n' in added


BASE = {"id": "a.b", "subject": "s", "value": 1, "unit": "u", "period": "2024"}
BASE |= {"kind": "actual", "geo": "China"}


@pytest.mark.parametrize(
    ("extra", "valid"),
    [
        ({"derived_from": ["c.d", "e.f"], "operation": "sum", "note": "added"}, True),
        ({"derived_from": ["c.d", "e.f"], "note": "added"}, False),
        ({"derived_from": ["c.d", "e.f"], "operation": "mean", "note": "averaged"}, False),
        ({"operation": "sum", "source": "x", "quote": "q"}, False),
        ({"source": "x", "quote": "q", "context": "before"}, True),
        ({"source": "x", "context": "before"}, False),
    ],
)
def test_json_schema_asks_what_the_check_asks_of_new_fields(
    extra: dict[str, object], valid: bool
) -> None:
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors([BASE | extra]))
    assert not errors if valid else errors


def test_add_guesses_the_unit_from_the_word_after_the_number_in_the_source(
    project: ProjectFactory,
) -> None:
    """The number's offsets are the source's: read at them in the quote, the word after
    "4.91 million" was whatever lay there (here nothing), so every count became 'count'."""
    proj = project()
    text = SEED_TEXT + "Exports reached 4.91 million vehicles in 2023.\n"
    proj.write("seeds/seed.txt", text)
    proj.write("facts/sources.yaml", sources_yaml(text=text))
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "Exports reached 4.91 million vehicles",
        "--id", "exports.vehicles.2023", "--subject", "Exports", "--dry-run",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "  value: 4910000\n  unit: vehicles\n" in done.stdout


def test_add_gives_a_year_the_unit_year_so_that_check_accepts_it(
    project: ProjectFactory,
) -> None:
    """ "in 2023" states a year, which no count verifies: the guessed unit must be 'year'."""
    proj = project()
    text = SEED_TEXT + "Exports reached 4.91 million vehicles in 2023.\n"
    proj.write("seeds/seed.txt", text)
    proj.write("facts/sources.yaml", sources_yaml(text=text))
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "vehicles in 2023",
        "--id", "exports.year.2023", "--subject", "Exports",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "  value: 2023\n  unit: year\n" in done.stdout
    assert done.stdout.endswith(
        "added to facts/demo.yaml: review unit, period, kind and geo, then cite it\n"
    )
