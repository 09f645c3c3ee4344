"""`briefing add` on a new source: each proposed field follows the check's rules and says why."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import pytest
from ruamel.yaml import YAML

from briefing.curation.proposals import offered
from briefing.facts.numbers import parse_numbers
from briefing.facts.units import Unit, named_by, noun_after
from briefing.facts.wording import Found, Words, defaults
from conftest import FACTS, SEED_TEXT, Project, sources_yaml

ProjectFactory = Callable[..., Project]

VEHICLES = Unit("vehicles", "count", "vehicle", "vehicles", aliases=("unit", "units"))
POINTS = Unit("points", "count", "point", "points")
PP = Unit("percentage_points", "count", "percentage point", "percentage points")
VOLTS = Unit("volts", "count", "V", "V", aliases=("辆",))
UNITS = (VEHICLES, POINTS, PP, VOLTS)

# A full-year press release, made up: published 2025-01-15, about 2024 ("last year").
RELEASE = (
    "CAAM full-year release\n"
    "Beijing, 15 January 2025\n"
    "Last year, sales of new cars rose 4.5 percent to 31.4 million units, and exports "
    "exceeded 5.8 million units, more than 40 percent of them NEVs.\n"
    "In 2024, production reached 31.3 million vehicles.\n"
    "In 2024, NEV sales rose 35.5 percent to 12.9 million units.\n"
    "The association expects sales to grow about 3 percent this year.\n"
    "In the first half of this year, exports will rise to 3 million vehicles.\n"
    "Margins were 4.3 percent last year and 3.9 percent in the first quarter of this year.\n"
    "Exports are estimated at 6 million units this year.\n"
    "Exports ranked first in the world for the second consecutive year.\n"
)
RELEASE_SOURCE = (
    "caam-2025:\n"
    "  file: release.txt\n"
    f"  sha256: {hashlib.sha256(RELEASE.encode()).hexdigest()}\n"
    "  title: Full-year release\n"
    "  publisher: CAAM\n"
    '  published: "2025-01-15"\n'
    "  language: en\n"
)
SALES_SENTENCE = (
    "Last year, sales of new cars rose 4.5 percent to 31.4 million units, and exports "
    "exceeded 5.8 million units, more than 40 percent of them NEVs"
)


@pytest.mark.parametrize(
    ("text", "unit", "noun"),
    [
        ("units, and", VEHICLES, "units"),
        ("Vehicles.", VEHICLES, "Vehicles"),
        ("unit", VEHICLES, "unit"),
        ("percentage points lower", PP, "percentage points"),
        ("points", POINTS, "points"),
        ("辆", VOLTS, "辆"),
    ],
)
def test_a_noun_names_its_unit_the_longest_noun_winning(text: str, unit: Unit, noun: str) -> None:
    assert named_by(UNITS, text) == (unit, noun)


@pytest.mark.parametrize("text", ["unitary", "pointless", "", " units", "carmakers"])
def test_a_word_merely_starting_like_a_noun_names_no_unit(text: str) -> None:
    assert named_by(UNITS, text) is None


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("exports of 5.8 million units, more", "units"),
        ("5.8 million new energy vehicles", "vehicles"),
        ("31.28 million and 31.44 million units", "units"),
        ("sold 500,000 in 30 countries' vehicles", None),
        ("2 million of the units", None),
        ("2 million cars and vans", None),
        ("only 5 Chinese point vehicles have", "vehicles"),
    ],
)
def test_the_noun_after_a_number_skips_describing_words_and_a_listed_number(
    text: str, noun: str | None
) -> None:
    numbers = parse_numbers(text)
    hit = noun_after(UNITS, text, numbers[0].end, numbers, Words(defaults()["en"]).linking)
    assert (hit[1] if hit else None) == noun


def test_years_are_offered_only_for_a_year_unit_or_when_nothing_else_is_stated() -> None:
    found = parse_numbers("In 2024, exports of 5.8 million units in 2023 terms")
    offer = offered(found, None)
    assert [q.text for q in offer.numbers] == ["5.8 million"]
    assert offer.skipped == "; 2024, 2023 skipped as years, which --unit year offers"
    year = Unit("year", "year")
    assert [q.text for q in offered(found, year).numbers] == ["2024", "2023"]
    only_years = parse_numbers("the plant opens in 2026")
    assert [q.text for q in offered(only_years, None).numbers] == ["2026"]


def test_a_number_inside_the_words_that_date_a_quote_is_never_offered() -> None:
    text = "In the first half, 3 million units"
    first_half = Found("H1", "first half", 7, 17)
    offer = offered(parse_numbers(text), None, [first_half])
    assert ([q.text for q in offer.numbers], offer.skipped) == (
        ["3 million"],
        "; first skipped as part of 'first half'",
    )


def release_project(project: ProjectFactory, facts: str = FACTS) -> Project:
    """The tiny project with the press release archived as a second source."""
    proj = project(facts=facts)
    proj.write("seeds/release.txt", RELEASE)
    proj.write("facts/sources.yaml", sources_yaml() + RELEASE_SOURCE)
    return proj


def add(proj: Project, quote: str, fid: str, *options: str) -> tuple[int, str, str]:
    done = proj.briefing(
        "add", "--source", "caam-2025", "--quote", quote, "--id", fid, "--subject", "S",
        "--tags", "background", *options,
    )  # fmt: skip
    return done.returncode, done.stdout, done.stderr


def test_the_numbers_offered_are_counted_without_the_years(project: ProjectFactory) -> None:
    proj = release_project(project)
    code, out, err = add(proj, "In 2024, production reached 31.3 million vehicles", "a.b")
    assert code == 0, err
    assert "  value: 31300000\n  unit: vehicles\n" in out
    code, out, err = add(proj, SALES_SENTENCE, "a.c", "--number", "5")
    assert (code, out) == (1, "")
    assert err == ("briefing add: --number 5: the quote offers 4 number(s); give --number 1 to 4\n")
    code, out, err = add(proj, "In 2024, NEV sales rose 35.5 percent to 12.9 million units", "a.c")
    assert (code, out) == (1, "")
    assert err == (
        "briefing add: the quote states several numbers: 1: 35.5 percent; 2: 12.9 million; "
        "2024 skipped as a year, which --unit year offers; pick one with --number N\n"
    )


def test_geo_is_the_most_common_of_the_sources_facts_else_of_the_books(
    project: ProjectFactory,
) -> None:
    germany = FACTS.replace("geo: China", "geo: Germany", 1)  # 1 Germany, 1 China: first wins
    proj = release_project(project, facts=germany)
    code, out, err = add(proj, "In 2024, production reached 31.3 million vehicles", "a.b")
    assert code == 0, err
    assert "  geo: Germany\n" in out
    assert "  geo: Germany (the most common geo of all facts, 1 of 2; else give --geo)\n" in err
    code, out, err = add(proj, "rose 4.5 percent", "a.c", "--geo", "EU")
    assert code == 0, err
    assert "  geo: EU\n" in out and "geo:" not in err
    code, out, err = add(proj, "31.4 million units", "a.d", "--geo", "EU")
    code, out, err = add(proj, "exceeded 5.8 million units", "a.e")
    assert "  geo: EU (the most common geo of the source's facts, 2 of 3; else give --geo)\n" in err
    assert "  geo: EU\n" in out


def test_with_no_fact_to_take_a_geo_from_add_asks_for_geo(project: ProjectFactory) -> None:
    proj = release_project(project)
    (proj.root / "facts" / "market.yaml").unlink()
    proj.write("docs/index.md", "# Home\n")
    code, out, err = add(proj, "In 2024, production reached 31.3 million vehicles", "a.b")
    assert (code, out) == (1, "")
    assert err == (
        "briefing add: no fact has a geo to propose yet; give --geo, the country or region "
        "the number is about\n"
    )
    code, out, err = add(
        proj, "In 2024, production reached 31.3 million vehicles", "a.b", "--geo", "China"
    )
    assert code == 0, err


# What `briefing add` proposes for numbers of the release, as (id, --number) -> the fields.
FIELDS = ("value", "unit", "period", "period_from", "kind", "qualifier", "geo")
EXPECTED = [
    (SALES_SENTENCE, "market.sales.2024", "2", (31400000, "vehicles", "2024", "Last year", "actual", None, "China")),
    (SALES_SENTENCE, "exports.vehicles.2024", "3", (5800000, "vehicles", "2024", "Last year", "actual", "over", "China")),
    (SALES_SENTENCE, "exports.nev_share.2024", "4", (40, "percent", "2024", "Last year", "actual", "over", "China")),
    ("In 2024, production reached 31.3 million vehicles", "market.production.2024b", None, (31300000, "vehicles", "2024", None, "actual", None, "China")),
    ("The association expects sales to grow about 3 percent this year", "market.growth.2025", None, (3, "percent", "2025", "this year", "forecast", "about", "China")),
    ("In the first half of this year, exports will rise to 3 million vehicles", "exports.vehicles.2025-h1", None, (3000000, "vehicles", "2025-H1", "first half of this year", "forecast", None, "China")),
]  # fmt: skip


def test_add_proposes_for_a_new_full_year_release_what_check_accepts(
    project: ProjectFactory,
) -> None:
    """The editor's first session with a new source: no --unit, --period, --kind or
    --qualifier given, and `briefing check` passes on what was proposed, unchanged."""
    proj = release_project(project)
    for quote, fid, number, _ in EXPECTED:
        code, _out, err = add(proj, quote, fid, *(("--number", number) if number else ()))
        assert code == 0, err
    done = proj.briefing("check")
    assert done.returncode == 0, done.stdout + done.stderr
    written = YAML(typ="safe").load((proj.root / "facts" / "caam-2025.yaml").read_text("utf-8"))
    proposed = [tuple(entry.get(key) for key in FIELDS) for entry in written]
    assert proposed == [fields for *_, fields in EXPECTED]


def test_add_says_how_each_field_was_proposed(project: ProjectFactory) -> None:
    """On stderr: stdout is the entry as written, and the reasons stay out of the file."""
    proj = release_project(project)
    code, out, err = add(proj, SALES_SENTENCE, "exports.vehicles.2024", "--number", "3")
    assert out.startswith("- id: exports.vehicles.2024\n  subject: S\n  value: 5800000\n")
    assert "proposed" not in (proj.root / "facts" / "caam-2025.yaml").read_text("utf-8")
    assert code == 0, err
    assert err == (
        "proposed (check each against the source):\n"
        "  value: 5800000 (number 3 the quote offers, '5.8 million')\n"
        "  unit: vehicles (the noun 'units' after the number, an alias of vehicles in "
        "facts/units.yaml)\n"
        "  period: \"2024\" ('Last year' in a source published 2025-01-15; written as "
        "period_from)\n"
        "  kind: actual (no hedge in the quote's sentence, no future tense in the quote)\n"
        "  qualifier: over ('exceeded' just before the number)\n"
        "  geo: China (the most common geo of all facts, 2 of 2; else give --geo)\n"
    )


@pytest.mark.parametrize(
    ("quote", "options", "expected"),
    [
        (
            "exports exceeded 5.8 million units",
            (),
            '  period: "undated" (the quote states no period, but its sentence says '
            "'Last year': quote those words too to date it, or give --period)\n",
        ),
        (
            "The association expects sales to grow about 3 percent this year",
            ("--period", "2025"),
            '  period_from: "this year" (the quote\'s words for --period 2025 in a source '
            "published 2025-01-15)\n",
        ),
        (
            "Margins were 4.3 percent last year and 3.9 percent in the first quarter",
            ("--number", "1"),
            "  period: \"2024\" ('last year' in a source published 2025-01-15; nearer the "
            "number than 'first quarter'; written as period_from)\n",
        ),
        (
            "Exports are estimated at 6 million units this year",
            (),
            "  kind: estimate (the quote's sentence hedges it: 'estimated'; give --kind "
            "forecast if it says that, or --kind actual and --reading if the hedge is another "
            "clause's)\n",
        ),
        (
            "In the first half of this year, exports will rise to 3 million vehicles",
            (),
            "  kind: forecast (the quote is in the future tense: 'will'; if it reports what "
            "happened, as a translation may, give --kind actual and --reading saying so)\n",
        ),
        (
            "Exports ranked first in the world",
            (),
            "  unit: rank ('first' is an ordinal: the rank unit of facts/units.yaml)\n",
        ),
        (
            "Exports ranked first in the world for the second consecutive year",
            ("--unit", "ordinal", "--number", "2"),
            "  kind: actual (no hedge in the quote's sentence, no future tense in the quote)\n",
        ),
        (
            "for the second consecutive year",
            (),
            "  unit: ordinal ('second' is an ordinal before 'consecutive', not a rank: the "
            "ordinal unit of facts/units.yaml)\n",
        ),
    ],
)
def test_each_proposal_says_what_in_the_wording_it_comes_from(
    project: ProjectFactory, quote: str, options: tuple[str, ...], expected: str
) -> None:
    code, _out, err = add(release_project(project), quote, "a.b", *options)
    assert code == 0, err
    assert expected in err.splitlines(keepends=True)


@pytest.mark.parametrize(
    ("quote", "options", "message"),
    [
        (
            "Margins were 4.3 percent last year and 3.9 percent in the first quarter",
            ("--number", "2"),
            'the quote states more than one period ("last year", "first quarter"); give '
            "--period, and --period-from with the words of it if they are relative",
        ),
        (
            "40 percent of them NEVs",
            (),
            'the source says "more than" just before 40 percent, outside the quote; start the '
            "quote with it, so that the quote states the qualifier",
        ),
        (
            "Last year, sales of new cars rose 4.5 percent",
            ("--period-from", "sales"),
            '--period-from "sales" names no period the word lists read; give --period too, '
            'or the quote\'s words such as "last year"',
        ),
        (
            "In the first half of this year, exports will rise to 3 million vehicles",
            ("--kind", "actual"),
            "fact 'a.b' as proposed: kind 'actual', but the quote is in the future tense "
            "(\"will\"); give the kind it states (forecast, target, plan…), or say in 'reading' "
            "why it reports what happened (a translation, say)",
        ),
        (
            "Last year, sales of new cars rose 4.5 percent",
            ("--unit", "usd"),
            "the quote states no currency number (it states: 4.5 percent); give another "
            "--unit, or none to have it proposed",
        ),
    ],
)
def test_what_the_wording_cannot_decide_is_asked_for(
    project: ProjectFactory, quote: str, options: tuple[str, ...], message: str
) -> None:
    proj = release_project(project)
    code, out, err = add(proj, quote, "a.b", *options)
    assert (code, out, err) == (1, "", f"briefing add: {message}\n")
    assert not (proj.root / "facts" / "caam-2025.yaml").exists()


def test_every_field_can_be_given(project: ProjectFactory) -> None:
    proj = release_project(project)
    code, out, err = add(
        proj, "exports exceeded 5.8 million units", "exports.vehicles.2024",
        "--unit", "vehicles", "--period", "2024", "--kind", "estimate", "--qualifier", "over",
        "--geo", "World", "--said-by", "CAAM", "--data-from", "China Association (CAAM)",
        "--reading", "The release dates it in the sentence's first words.", "--note", "N",
        "--context", "and ",
    )  # fmt: skip
    assert (code, out) == (1, "")  # the quote states no 2024: refused before anything is written
    assert err == (
        "briefing add: fact 'exports.vehicles.2024' as proposed: period '2024' is not stated by "
        "the quote (it states: no period); quote the words that state it, give 'period_from' "
        '(the quote\'s relative words, such as "last year"), or write period: undated if the '
        "source gives none\n"
    )
    # --unit vehicles offers only the counts: 31.4 million and 5.8 million
    code, out, err = add(
        proj, SALES_SENTENCE, "exports.vehicles.2024", "--number", "2",
        "--unit", "vehicles", "--period", "2024", "--period-from", "Last year", "--kind",
        "estimate", "--qualifier", "over", "--geo", "World", "--said-by", "CAAM",
        "--data-from", "China Association (CAAM)", "--reading", "R", "--note", "N",
    )  # fmt: skip
    assert code == 0, out + err
    proposed = "  value: 5800000 (number 2 the quote offers, '5.8 million')\n"
    assert err == "proposed (check each against the source):\n" + proposed  # the rest given
    assert out.replace(SALES_SENTENCE, "Q") == (
        "- id: exports.vehicles.2024\n  subject: S\n  value: 5800000\n  unit: vehicles\n"
        '  period: "2024"\n  period_from: "Last year"\n  kind: estimate\n  qualifier: over\n'
        '  geo: World\n  source: caam-2025\n  quote: "Q"\n  said_by: "CAAM"\n'
        '  data_from: "China Association (CAAM)"\n  reading: "R"\n  note: "N"\n'
        "  tags: [background]\n"
        "added to facts/caam-2025.yaml: review unit, period, kind and geo, then cite it\n"
    )


def test_add_claim_proposes_a_claim_that_check_accepts(project: ProjectFactory) -> None:
    proj = release_project(project)
    quote = "The association expects sales to grow about 3 percent this year"
    code, out, err = add(proj, quote, "outlook.sales.growth", "--claim", "CAAM expects growth")
    assert code == 0, err
    assert out == (
        '- id: outlook.sales.growth\n  claim: "CAAM expects growth"\n  subject: S\n'
        '  period: "2025"\n  period_from: "this year"\n  kind: forecast\n  source: caam-2025\n'
        f'  quote: "{quote}"\n  tags: [background]\n'
        "added to facts/caam-2025.yaml: review period and kind, then cite it\n"
    )
    assert err.splitlines()[1:] == [
        "  period: \"2025\" ('this year' in a source published 2025-01-15; written as period_from)",
        "  kind: forecast (the quote's sentence hedges it: 'expects'; give --kind estimate, "
        "target, plan or aspiration if it says that, or --kind actual and --reading if the "
        "hedge is another clause's)",
    ]
    done = proj.briefing("check")
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("--claim", "C", "--number", "1", "--unit", "percent"),
            "a claim states no number; remove --number, --unit",
        ),
        (
            ("--claim", "C", "--id", "market.production.2024"),
            "id 'market.production.2024' exists already (facts/market.yaml); choose another",
        ),
        (
            ("--claim", "C", "--quote", " "),
            "--quote is empty; copy the sentence that states it from the source",
        ),
    ],
)
def test_add_claim_says_what_a_claim_cannot_have(
    project: ProjectFactory, args: tuple[str, ...], message: str
) -> None:
    proj = release_project(project)
    done = proj.briefing(
        "add", "--source", "caam-2025", "--id", "a.b", "--quote", "In 2024, production", *args
    )
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"briefing add: {message}\n")


def test_a_fact_needs_its_subject(project: ProjectFactory) -> None:
    done = release_project(project).briefing(
        "add", "--source", "caam-2025", "--id", "a.b", "--quote", "31.3 million vehicles"
    )
    assert (done.returncode, done.stderr) == (
        1,
        "briefing add: --subject is required for a fact: what is measured, as a reader would say it\n",
    )


def test_a_number_no_unit_s_noun_follows_is_named_with_the_word_after_it(
    project: ProjectFactory,
) -> None:
    """A project whose count units all have nouns leaves none to fall back on: the message
    names the word to add, not a missing style (it has count units)."""
    text = SEED_TEXT + "The show drew 412,000 visitors.\n"
    proj = project()
    units = (proj.root / "facts/units.yaml").read_text("utf-8")
    bare = 'count: {style: count, singular: "", plural: ""}\n'
    assert bare in units
    proj.write("facts/units.yaml", units.replace(bare, ""))
    proj.write("seeds/seed.txt", text)
    proj.write("facts/sources.yaml", sources_yaml(text=text))
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "The show drew 412,000 visitors", "--id", "a.v",
        "--subject", "S", "--geo", "China",
    )  # fmt: skip
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "briefing add: no noun of facts/units.yaml follows '412,000', and it has no count unit "
        "without nouns to fall back on; give --unit, or add 'visitors' to a unit's aliases in "
        "facts/units.yaml\n"
    )
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "The show drew 412,000 visitors", "--id", "a.v",
        "--subject", "S", "--geo", "China", "--unit", "people",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "  value: 412000\n  unit: people\n" in done.stdout
