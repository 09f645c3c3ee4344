"""Validation: every problem in facts, sources, units and charts, as exact `path:line: message`.

Each test writes a tiny project into tmp_path (one seed, its sources.yaml, the real unit
registry, one facts file) and asserts the messages an editor would read, line numbers included.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.facts.loading import load_factbook
from briefing.facts.model import FactBook
from briefing.paths import Paths
from briefing.problems import BriefingError
from conftest import FACTS, SALES, SEED_TEXT, UNITS, Project, sources_yaml

# The first fact of FACTS, nine lines: 1 id · 2 subject · 3 value · 4 unit · 5 period
# 6 kind · 7 geo · 8 source · 9 quote. A key appended to it lands on line 10.
PRODUCTION = FACTS[: FACTS.index("- id: parts")]
PARTS = FACTS[len(PRODUCTION) :]  # the second fact: lines 10-19 of FACTS
UNQUOTED = "".join(  # the first fact without source and quote, as a derived fact is written
    line
    for line in PRODUCTION.splitlines(keepends=True)
    if not line.startswith(("  source:", "  quote:"))
)

MARKET = "facts/market.yaml"
PROD = "fact 'market.production.2024'"
FACT_KEYS = (
    "id, subject, value, unit, period, kind, geo, source, quote, context, cell, qualifier, note, "
    "said_by, data_from, period_from, reading, tags, derived_from, operation"
)
CHART_KEYS = "title, subtitle, alt, facts, select, mark, x, y, color, labels, series, rule, function, mixed_periods"
PERIOD_FORMS = (
    "YYYY, YYYY-H1, YYYY-Q1, YYYY-MM, YYYY-MM-DD or START/END such as 2024-01/2024-10, "
    "or undated when the source gives no period"
)
SEED_CHANGED = "restore the original file, or record the new hash if the change is intended"
CHECK_OK = "briefing check: all facts verified against their sources; all pages render\n"


def edit(old: str, new: str, text: str = PRODUCTION) -> str:
    """``text`` with ``old`` replaced by ``new``; ``old`` must occur exactly once."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)


def write_project(
    root: Path,
    facts: str | bytes = FACTS,
    files: dict[str, str | bytes] | None = None,
) -> Paths:
    """A minimal project: seed, sources.yaml, units.yaml, facts/market.yaml, extra files."""
    content: dict[str, str | bytes] = {
        "seeds/seed.txt": SEED_TEXT,
        "facts/sources.yaml": sources_yaml(),
        "facts/units.yaml": UNITS.read_text("utf-8"),
        MARKET: facts,
        **(files or {}),
    }
    for rel, data in content.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, "utf-8")
    return Paths(root)


def load(
    root: Path, facts: str | bytes = FACTS, files: dict[str, str | bytes] | None = None
) -> FactBook:
    return load_factbook(write_project(root, facts, files))


def problems(
    tmp_path: Path, facts: str | bytes = FACTS, files: dict[str, str | bytes] | None = None
) -> list[str]:
    """Every problem loading the project reports, as the ``path:line: message`` lines shown."""
    with pytest.raises(BriefingError) as caught:
        load(tmp_path, facts, files)
    assert str(caught.value) == "\n".join(str(p) for p in caught.value.problems)
    return [str(p) for p in caught.value.problems]


# --- what loads -------------------------------------------------------------------------


def test_clean_project_loads(tmp_path: Path) -> None:
    book = load(tmp_path)
    assert list(book.facts) == ["market.production.2024", "parts.exports.2024"]
    assert list(book.sources) == ["demo"]
    fact = book.facts["market.production.2024"]
    assert (fact.path, fact.line, fact.source) == (MARKET, 1, "demo")
    assert book.facts["parts.exports.2024"].line == 10
    assert fact.span is not None
    assert SEED_TEXT[slice(*fact.span)] == "31.28 million and 31.44 million units"
    assert book.charts == {}


def test_quote_differing_only_in_typographic_marks_and_spaces_is_accepted(tmp_path: Path) -> None:
    seed = SEED_TEXT + 'Officials called it a "record" year-on-year rise of 4.5 percent.\n'
    quote = "called it a “record”  year–on—year\u00a0rise of\t4.5 percent"
    facts = (
        edit("China's auto parts", "China’s  auto\u00a0parts", PARTS) + "- id: market.growth.2024\n"
        "  subject: Growth of China's auto sales\n"
        "  value: 4.5\n"
        "  unit: percent\n"
        "  period: undated\n"
        "  kind: actual\n"
        "  geo: China\n"
        "  source: demo\n"
        f"  quote: '{quote}'\n"
    )
    files: dict[str, str | bytes] = {
        "seeds/seed.txt": seed,
        "facts/sources.yaml": sources_yaml(text=seed),
    }
    book = load(tmp_path, facts, files)
    growth = book.facts["market.growth.2024"]
    assert growth.quote == quote
    assert growth.span is not None
    assert seed[slice(*growth.span)] == 'called it a "record" year-on-year rise of 4.5 percent'
    parts = book.facts["parts.exports.2024"].span
    assert parts is not None
    assert seed[slice(*parts)].startswith("China's auto parts exports")


def test_range_in_order_matches_a_range_in_the_quote(tmp_path: Path) -> None:
    facts = (
        PRODUCTION.replace("value: 31280000", "value: [30, 40]")
        .replace("unit: vehicles", "unit: percent")
        .replace("31.28 million and 31.44 million units", "plunged 30 percent to 40 percent")
    )
    assert load(tmp_path, facts).facts["market.production.2024"].value == [30, 40]


def test_derived_fact_with_a_note_needs_no_source(tmp_path: Path) -> None:
    derived = (
        "- id: market.share.2024\n"
        "  subject: A derived number\n"
        "  value: 1\n"
        "  unit: times\n"
        '  period: "2024"\n'
        "  kind: estimate\n"
        "  geo: China\n"
        "  note: production divided by production\n"
        "  derived_from: [market.production.2024, market.production.2024]\n"
        "  operation: ratio\n"
    )
    fact = load(tmp_path, PRODUCTION + derived).facts["market.share.2024"]
    assert (fact.source, fact.quote, fact.operation) == (None, None, "ratio")
    assert fact.derived_from == ("market.production.2024", "market.production.2024")


def test_valid_chart_loads(tmp_path: Path) -> None:
    charts = (
        "production:\n"
        "  title: Production\n"
        "  mark: bar\n"
        "  facts: [market.production.2024]\n"
        "  x: label\n"
        "  y: value\n"
        "  alt: China's production in 2024\n"
    )
    book = load(tmp_path, files={"facts/charts.yaml": charts})
    assert [f.id for f in book.charts["production"].facts] == ["market.production.2024"]


# --- one problem each, with its line -----------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        pytest.param(
            PRODUCTION + "  tag: [exports]\n",
            [
                f"{MARKET}:10: {PROD}: unknown key 'tag'; did you mean 'tags'? "
                f"allowed keys: {FACT_KEYS}"
            ],
            id="unknown-key-with-hint",
        ),
        pytest.param(
            PRODUCTION + "  colour: red\n",
            [f"{MARKET}:10: {PROD}: unknown key 'colour'; allowed keys: {FACT_KEYS}"],
            id="unknown-key-without-hint",
        ),
        pytest.param(
            edit("  geo: China", "  goe: China"),
            [
                f"{MARKET}:1: {PROD}: missing required key 'geo'",
                f"{MARKET}:7: {PROD}: unknown key 'goe'; did you mean 'geo'? "
                f"allowed keys: {FACT_KEYS}",
            ],
            id="misspelt-required-key",
        ),
        pytest.param(
            edit("value: 31280000", 'value: "31280000"'),
            [
                f"{MARKET}:3: {PROD}: 'value' must be a number or a [low, high] range "
                "without quotes, not text"
            ],
            id="value-quoted",
        ),
        pytest.param(
            edit("period: undated", "period: 2024"),
            [
                f"{MARKET}:5: {PROD}: 'period' must be text, not a number; "
                'quote it: period: "2024"'
            ],
            id="period-unquoted-number",
        ),
        pytest.param(
            edit("period: undated", "period: 2024-10-01"),
            [
                f"{MARKET}:5: {PROD}: 'period' must be text, not a date; "
                'quote it: period: "2024-10-01"'
            ],
            id="period-unquoted-date",
        ),
        pytest.param(
            PRODUCTION + "  tags: exports\n",
            [f"{MARKET}:10: {PROD}: 'tags' must be a list of text, such as [exports, energy]"],
            id="tags-not-a-list",
        ),
        pytest.param(
            edit("kind: actual", "kind: actuals"),
            [
                f"{MARKET}:6: {PROD}: 'kind' is 'actuals'; use one of: "
                "actual, estimate, forecast, target, threshold, rank, plan, aspiration"
            ],
            id="kind-not-a-choice",
        ),
        pytest.param(
            edit("  geo: China\n", ""),
            [f"{MARKET}:1: {PROD}: missing required key 'geo'"],
            id="missing-required-key",
        ),
        pytest.param(
            edit("  geo: China\n", '  geo: " "\n'),
            [f"{MARKET}:7: {PROD}: 'geo' is empty; write the geo"],
            id="empty-required-key",
        ),
        pytest.param(
            edit("  source: demo\n", "").replace(
                '  quote: "31.28 million and 31.44 million units"\n', ""
            ),
            [
                f"{MARKET}:1: {PROD}: neither a quote nor derived_from; give the 'source' and "
                "the 'quote' the number comes from, or, for a computed fact, 'derived_from', "
                "'operation' and a 'note'"
            ],
            id="missing-source-and-quote",
        ),
        pytest.param(
            edit('  quote: "31.28 million and 31.44 million units"\n', ""),
            [
                f"{MARKET}:1: {PROD}: missing required key 'quote' "
                "(every fact needs its source and quote)"
            ],
            id="missing-quote",
        ),
        pytest.param(
            edit("source: demo", "source: dmeo"),
            [
                f"{MARKET}:8: {PROD}: unknown source 'dmeo'; "
                "add it to facts/sources.yaml (known: demo)"
            ],
            id="unknown-source",
        ),
        pytest.param(
            edit("unit: vehicles", "unit: vehicle"),
            [
                f"{MARKET}:4: {PROD}: unknown unit 'vehicle'; did you mean 'vehicles'? "
                "add it to facts/units.yaml or use a listed one"
            ],
            id="unknown-unit-with-hint",
        ),
        pytest.param(
            edit("unit: vehicles", "unit: zzz"),
            [
                f"{MARKET}:4: {PROD}: unknown unit 'zzz'; "
                "add it to facts/units.yaml or use a listed one"
            ],
            id="unknown-unit-without-hint",
        ),
        pytest.param(
            edit("period: undated", 'period: "2024-13"'),
            [f"{MARKET}:5: {PROD}: malformed period '2024-13'; use {PERIOD_FORMS}"],
            id="period-month-13",
        ),
        pytest.param(
            edit("period: undated", 'period: "2025/2024"'),
            [f"{MARKET}:5: {PROD}: malformed period '2025/2024'; use {PERIOD_FORMS}"],
            id="period-end-before-start",
        ),
        pytest.param(
            edit("period: undated", 'period: "2024-H3"'),
            [f"{MARKET}:5: {PROD}: malformed period '2024-H3'; use {PERIOD_FORMS}"],
            id="period-half-3",
        ),
        pytest.param(
            edit("31.44 million units", "31.45 million units"),
            [
                f"{MARKET}:9: {PROD}: quote not found in seeds/seed.txt; copy it verbatim from the "
                'source (it matches only up to: "31.28 million and 31.4")'
            ],
            id="quote-not-verbatim",
        ),
        pytest.param(
            edit("value: 31280000", "value: 31290000"),
            [
                f"{MARKET}:3: {PROD}: value 31290000 is not a number the quote states "
                "(it states: 31.28 million = 31280000, 31.44 million = 31440000); "
                "correct the value or the quote"
            ],
            id="value-not-in-quote",
        ),
        pytest.param(
            edit("value: 31280000", "value: [31440000, 31280000]"),
            [
                f"{MARKET}:3: {PROD}: 'value' range [31440000, 31280000] is in the wrong order; "
                "write [low, high]"
            ],
            id="range-wrong-order",
        ),
        pytest.param(
            edit("value: 31280000", "value: [1, 2, 3]"),
            [f"{MARKET}:3: {PROD}: 'value' range must be two numbers [low, high]"],
            id="range-three-numbers",
        ),
        pytest.param(
            edit("value: 31280000", "value: 31.28")
            .replace("unit: vehicles", "unit: percent")
            .replace("31.28 million and 31.44 million units", "31.28 million"),
            [
                f"{MARKET}:3: {PROD}: value 31.28 is not a number the quote states "
                "(it states: 31.28 million = 31280000); correct the value or the quote"
            ],
            id="percent-fact-against-plain-number",
        ),
        pytest.param(
            edit("value: 31280000", "value: 3.7").replace(
                "31.28 million and 31.44 million units", "rose 3.7 percent"
            ),
            [
                f"{MARKET}:3: {PROD}: value 3.7 is not a number the quote states "
                "(it states: 3.7 percent = 3.7%); correct the value or the quote"
            ],
            id="count-fact-against-percent",
        ),
        pytest.param(
            UNQUOTED + "  derived_from: [parts.exports.2024]\n  operation: sum\n" + PARTS,
            [f"{MARKET}:1: {PROD}: a derived fact needs a 'note' saying how it is computed"],
            id="derived-without-note",
        ),
        pytest.param(
            UNQUOTED
            + "  note: sum\n  derived_from: [parts.exports.2023]\n  operation: sum\n"
            + PARTS,
            [f"{MARKET}:1: {PROD}: derived_from names unknown fact 'parts.exports.2023'"],
            id="derived-from-unknown-fact",
        ),
        pytest.param(
            PRODUCTION + "  note: sum\n  derived_from: [parts.exports.2024]\n" + PARTS,
            [
                f"{MARKET}:1: {PROD}: a derived fact has no quote of its own; "
                "remove 'source', 'quote', 'context' and 'cell'"
            ],
            id="derived-with-a-quote",
        ),
        pytest.param(
            edit("- id: market.production.2024", "- id: Market.Production"),
            [
                f"{MARKET}:1: fact 'Market.Production': id must be lowercase dotted words, "
                "such as sales.total.2023"
            ],
            id="id-not-dotted-lowercase",
        ),
        pytest.param(
            "market.production.2024:\n  value: 1\n",
            [f"{MARKET}:1: a facts file must be a list of facts, each starting with '- id:'"],
            id="file-not-a-list",
        ),
    ],
)
def test_fact_problem(tmp_path: Path, facts: str, expected: list[str]) -> None:
    assert problems(tmp_path, facts) == expected


def test_duplicate_fact_id_names_the_first_location(tmp_path: Path) -> None:
    assert problems(tmp_path, FACTS + PRODUCTION) == [
        f"{MARKET}:20: duplicate fact id 'market.production.2024' (first at {MARKET}:1); "
        "give each fact its own id"
    ]


def test_duplicate_fact_id_across_files(tmp_path: Path) -> None:
    assert problems(tmp_path, files={"facts/more.yaml": "# again\n" + PARTS}) == [
        f"facts/more.yaml:2: duplicate fact id 'parts.exports.2024' (first at {MARKET}:10); "
        "give each fact its own id"
    ]


def test_problem_is_reported_where_it_is_not_on_every_use(tmp_path: Path) -> None:
    """A broken fact is still a declared id: its duplicate, charts and derived facts say
    nothing more about it, and its own problem is the one line reported."""
    broken = edit("period: undated", 'period: "2024-13"')
    derived = (
        UNQUOTED.replace("market.production.2024", "market.derived.2024")
        + "  note: the same number\n  derived_from: [market.production.2024]\n"
        + "  operation: sum\n"
    )
    chart = "c:\n" + BAR + "  facts: [market.production.2024]\n  rule: market.production.2024\n"
    assert problems(tmp_path, broken + PARTS + derived + broken, {"facts/charts.yaml": chart}) == [
        f"{MARKET}:5: {PROD}: malformed period '2024-13'; use {PERIOD_FORMS}",
        f"{MARKET}:30: duplicate fact id 'market.production.2024' (first at {MARKET}:1); "
        "give each fact its own id",
        f"{MARKET}:34: {PROD}: malformed period '2024-13'; use {PERIOD_FORMS}",
    ]


# --- files that cannot be read --------------------------------------------------------------


def test_invalid_yaml_reports_the_syntax_error_line(tmp_path: Path) -> None:
    facts = edit("  kind: actual\n", "  kind: actual: yes\n")
    assert problems(tmp_path, facts) == [
        f"{MARKET}:6: invalid YAML: mapping values are not allowed here; "
        "check the indentation, and quote text with ': '"
    ]


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    assert problems(tmp_path, PRODUCTION + "  geo: World\n") == [
        f'{MARKET}:10: invalid YAML: found duplicate key "geo" with value "World" '
        '(original value: "China"); keep one of them'
    ]


def test_yaml_1_1_words_stay_text(tmp_path: Path) -> None:
    """Files are read as YAML 1.2: Norway is not false, and 1:30 is not ninety."""
    facts = edit(
        "  geo: China\n", "  geo: NO\n  note: on 1:30, yes\n  tags: [yes, on, off, 2024-01]\n"
    )
    fact = load(tmp_path, "%YAML 1.2\n---\n" + facts + PARTS).facts["market.production.2024"]
    assert (fact.geo, fact.note, fact.tags) == (
        "NO",
        "on 1:30, yes",
        ("yes", "on", "off", "2024-01"),
    )


def test_non_utf8_facts_file(tmp_path: Path) -> None:
    facts = PRODUCTION.encode() + "  note: café\n".encode("latin-1")
    assert problems(tmp_path, facts) == [f"{MARKET}:10: file is not UTF-8; save it as UTF-8"]


def test_changed_seed_reports_its_sha256(tmp_path: Path) -> None:
    changed = SEED_TEXT.replace("3.7 percent", "3.8 percent")
    digest = hashlib.sha256(changed.encode()).hexdigest()
    found = problems(tmp_path, files={"seeds/seed.txt": changed})
    assert (
        f"facts/sources.yaml:3: source 'demo': seeds/seed.txt has sha256 {digest}, "
        f"not the recorded one; the archive changed: {SEED_CHANGED}"
    ) in found


def test_missing_seed_file(tmp_path: Path) -> None:
    found = problems(tmp_path, files={"facts/sources.yaml": sources_yaml(seed="gone.txt")})
    assert (
        "facts/sources.yaml:2: source 'demo': file seeds/gone.txt not found; "
        "archive the document in seeds/ first"
    ) in found


def test_seed_that_is_not_utf8(tmp_path: Path) -> None:
    raw = SEED_TEXT.encode() + "café\n".encode("latin-1")
    files: dict[str, str | bytes] = {
        "seeds/seed.txt": raw,
        "facts/sources.yaml": sources_yaml().replace(
            hashlib.sha256(SEED_TEXT.encode()).hexdigest(), hashlib.sha256(raw).hexdigest()
        ),
    }
    found = problems(tmp_path, files=files)
    assert "facts/sources.yaml:2: source 'demo': seeds/seed.txt is not UTF-8; convert it" in found


def test_source_with_malformed_date(tmp_path: Path) -> None:
    sources = sources_yaml().replace('published: "2025-07-13"', "published: July 2025")
    assert problems(tmp_path, files={"facts/sources.yaml": sources}) == [
        "facts/sources.yaml:6: source 'demo': 'published' must be YYYY-MM-DD or YYYY-MM, a date in the calendar"
    ]


def test_broken_seed_is_reported_once(tmp_path: Path) -> None:
    found = problems(tmp_path, files={"facts/sources.yaml": sources_yaml(seed="gone.txt")})
    assert found == [
        "facts/sources.yaml:2: source 'demo': file seeds/gone.txt not found; "
        "archive the document in seeds/ first"
    ]


def test_fact_that_is_not_a_mapping_reports_its_line(tmp_path: Path) -> None:
    assert problems(tmp_path, FACTS + "- just text\n") == [
        f"{MARKET}:20: fact must be a mapping of keys ({FACT_KEYS})"
    ]


# --- charts ---------------------------------------------------------------------------------

CHARTS = """\
production:
  title: Production
  mark: pie
  facts: [market.production.2024]
  x: label
  y: value
  alt: China's production
missing:
  title: Unknown fact
  mark: bar
  facts:
    - market.production.2024
    - market.production.2023
  x: label
  y: value
  alt: Production by year
mixed:
  title: Mixed units
  mark: bar
  facts: [market.production.2024, parts.exports.2024]
  x: label
  y: value
  alt: Vehicles and dollars
misspelt:
  title: Misspelt key
  mark: line
  facts: [market.production.2024]
  x: label
  y: value
  alt: Production
  colour: geo
"""


def test_chart_problems(tmp_path: Path) -> None:
    assert problems(tmp_path, files={"facts/charts.yaml": CHARTS}) == [
        "facts/charts.yaml:3: chart 'production': 'mark' is 'pie'; "
        "use one of: bar, line, point, area, arc",
        "facts/charts.yaml:13: chart 'missing': unknown fact 'market.production.2023'; "
        "use an id from facts/*.yaml",
        "facts/charts.yaml:20: chart 'mixed': facts have different units (usd, vehicles); "
        "chart one unit at a time",
        f"facts/charts.yaml:31: chart 'misspelt': unknown key 'colour'; did you mean 'color'? allowed keys: {CHART_KEYS}",
    ]


BAR = "  title: T\n  alt: Words only.\n  mark: bar\n  x: label\n  y: value\n"


@pytest.mark.parametrize(
    ("chart", "message"),
    [
        (
            "c:\n" + BAR + "  facts: [market.production.2024]\n  select: {tag: x}\n",
            "1: chart 'c': give either 'facts' (a list of ids) or 'select'",
        ),
        (
            "c:\n" + BAR + "  select: {unit: widgets}\n",
            "7: chart 'c': 'select' matches no fact; check its values against facts/*.yaml",
        ),
        (
            "c:\n" + BAR + "  select: {colour: red}\n",
            "7: chart 'c' select: unknown key 'colour'; allowed keys: "
            "tag, subject, unit, source, kind, geo, period",
        ),
        (
            "c:\n  title: T\n  alt: Words.\n  function: nope\n  facts: [market.production.2024]\n",
            "4: chart 'c': unknown function 'nope': no module of chart functions is set; name "
            "yours in mkdocs.yml, as the briefing plugin's chart_functions: facts/charts.py",
        ),
        (
            "c:\n"
            + BAR
            + "  facts: [market.production.2024]\n  labels:\n    market.sales.2024: S\n",
            "9: chart 'c': labels names 'market.sales.2024', which is not one of the chart's facts",
        ),
        (
            "c:\n"
            + BAR
            + "  facts: [market.production.2024]\n  labels:\n    market.production.2024: 2024\n",
            "8: chart 'c': 'labels': 'market.production.2024' must be text, not a number; "
            "put it in quotes",
        ),
        (
            "c:\n" + BAR + "  facts: [market.production.2024]\n  rule: parts.exports.2024\n",
            "8: chart 'c': 'rule' fact 'parts.exports.2024' is in usd, the chart in vehicles",
        ),
        (
            "c:\n" + BAR + "  facts: [market.production.2024]\n  rule: nope\n",
            "8: chart 'c': unknown fact 'nope' in 'rule'; use an id from facts/*.yaml",
        ),
        (
            "c:\n" + BAR.replace("y: value", "y: geo") + "  facts: [market.production.2024]\n",
            "1: chart 'c': one of 'x' and 'y' must be 'value', the number the facts state",
        ),
        (
            "c:\n"
            + BAR.replace("bar", "arc").replace("x: label\n  y: value", "x: value\n  y: label")
            + "  facts: [market.production.2024]\n",
            "4: chart 'c': an 'arc' chart needs 'y: value' (its angle)",
        ),
        (
            "c:\n"
            + BAR.replace("Words only.", "Up 12 percent.")
            + "  facts: [market.production.2024]\n",
            "3: number \"12 percent\" typed by hand; chart 'c' states numbers only through its "
            "facts; describe in words",
        ),
    ],
)
def test_one_chart_problem(tmp_path: Path, chart: str, message: str) -> None:
    assert problems(tmp_path, FACTS + SALES, {"facts/charts.yaml": chart}) == [
        f"facts/charts.yaml:{message}"
    ]


def test_chart_must_show_both_sides_where_sources_differ(tmp_path: Path) -> None:
    rival = SALES.replace("market.sales.2024", "market.production.other").replace(
        "automobile sales", "automobile production"
    )
    chart = "c:\n" + BAR + "  facts: [market.production.2024]\n"
    assert problems(tmp_path, FACTS + rival, {"facts/charts.yaml": chart}) == [
        "facts/charts.yaml:7: chart 'c': shows 'market.production.2024' but not "
        "'market.production.other', which a source states differently "
        "(31.44 million vehicles vs 31.28 million vehicles); add it so both are shown"
    ]
    both = chart.replace(
        "[market.production.2024]", "[market.production.2024, market.production.other]"
    )
    assert list(load(tmp_path, FACTS + rival, {"facts/charts.yaml": both}).charts) == ["c"]


def test_chart_select_loads(tmp_path: Path) -> None:
    charts = "by-unit:\n" + BAR + "  select: {unit: vehicles, source: demo}\n"
    book = load(tmp_path, FACTS + SALES, {"facts/charts.yaml": charts})
    assert [f.id for f in book.charts["by-unit"].facts] == [
        "market.production.2024",
        "market.sales.2024",
    ]


def test_chart_must_be_a_mapping(tmp_path: Path) -> None:
    assert problems(tmp_path, files={"facts/charts.yaml": "- production\n"}) == [
        "facts/charts.yaml:1: charts.yaml must map chart ids to their declarations"
    ]


# --- every problem in one run ---------------------------------------------------------------


def test_all_problems_in_all_files_are_reported_root_causes_first(tmp_path: Path) -> None:
    market = (
        edit("value: 31280000", "value: 31290000")  # line 3
        + edit("unit: usd", "unit: dollars", PARTS)  # lines 10-19: unit on 13
    )
    more = PRODUCTION.replace("market.production.2024", "market.sales.2024").replace(
        "period: undated", 'period: "2024-13"'
    )  # period on line 5
    units = UNITS.read_text("utf-8") + "widgets: {style: counted}\n"
    units_line = units.count("\n")
    charts = "production:\n  title: P\n  mark: bar\n  facts: [nope.fact]\n  x: label\n"
    found = problems(
        tmp_path,
        market,
        {
            "facts/more.yaml": more,
            "facts/units.yaml": units,
            "facts/charts.yaml": charts,
        },
    )
    assert found == [  # root causes first: units, then facts, then charts
        f"facts/units.yaml:{units_line}: unit 'widgets': 'style' is 'counted'; "
        "use one of: count, percent, currency, multiplier, rank, ordinal, year",
        f"{MARKET}:3: {PROD}: value 31290000 is not a number the quote states "
        "(it states: 31.28 million = 31280000, 31.44 million = 31440000); "
        "correct the value or the quote",
        f"{MARKET}:13: fact 'parts.exports.2024': unknown unit 'dollars'; "
        "add it to facts/units.yaml or use a listed one",
        f"facts/more.yaml:5: fact 'market.sales.2024': malformed period '2024-13'; "
        f"use {PERIOD_FORMS}",
        "facts/charts.yaml:1: chart 'production': missing required key 'y' (or name a 'function')",
        "facts/charts.yaml:2: chart 'production': missing required key 'alt'",
    ]


# --- `briefing check` end to end ------------------------------------------------------------

ProjectFactory = Callable[..., Project]


def test_check_passes_on_a_clean_project(project: ProjectFactory) -> None:
    proj = project()
    done = proj.briefing("check")
    assert (done.returncode, done.stdout, done.stderr) == (0, CHECK_OK, "")


def test_check_finds_the_project_from_a_subfolder(project: ProjectFactory) -> None:
    proj = project()
    done = subprocess.run(
        [sys.executable, "-m", "briefing.cli.main", "check"],
        cwd=proj.root / "docs",
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, CHECK_OK)


def test_check_reports_a_tampered_quote(project: ProjectFactory) -> None:
    proj = project(facts=edit("31.44 million units", "31.45 million units", FACTS))
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        f"{MARKET}:9: {PROD}: quote not found in seeds/seed.txt; copy it verbatim from the "
        'source (it matches only up to: "31.28 million and 31.4")'
    ]
    assert done.stderr == "1 problem(s); fix them and run briefing check again\n"


def test_check_reports_an_unknown_fact_in_a_page(project: ProjectFactory) -> None:
    proj = project(index='# Home\n\nSee {{ fact("nope") }} here.\n')
    done = proj.briefing("check")
    assert (done.returncode, done.stdout.splitlines()) == (
        1,
        ["docs/index.md:3: unknown fact 'nope'; use an id from facts/*.yaml"],
    )


def test_check_reports_a_jinja_syntax_error_with_its_line(project: ProjectFactory) -> None:
    proj = project(index="# Home\n\n{% if %}\nText\n")
    done = proj.briefing("check")
    assert (done.returncode, done.stdout.splitlines()) == (
        1,
        [
            "docs/index.md:3: '{% if %}' is not available in pages; "
            'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
            '{{ chart("id") }} and {{ table("source", "column", …) }}'
        ],
    )
