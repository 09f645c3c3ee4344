"""The editor's commands on tiny projects: add, coverage, and the checks of prose and use."""

from __future__ import annotations

import sys
from collections.abc import Callable

import pytest

from briefing.facts.dates import build_moment
from conftest import FACTS, Project, sources_yaml

CITES_ALL = '# Home\n\n{{ fact("market.production.2024") }} and {{ fact("parts.exports.2024") }}.\n'


def test_add_appends_a_verified_fact_keeping_comments(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL, facts="# Topic file: keep this comment\n" + FACTS)
    done = proj.briefing(
        "add",
        "--source", "demo",
        "--quote", "Chinese carmakers' direct exports to Russia plunged 30 percent to 40 percent",
        "--id", "markets.russia.decline.2025",
        "--subject", "Decline in direct exports to Russia",
        "--file", "market.yaml",
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    text = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    assert text.startswith("# Topic file: keep this comment\n- id: market.production.2024\n")
    assert "- id: markets.russia.decline.2025" in text
    assert "  value: [30, 40]\n  unit: percent\n" in text
    assert "added to facts/market.yaml" in done.stdout


def test_add_refuses_a_quote_not_in_the_source(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL)
    before = (proj.root / "facts" / "market.yaml").read_text("utf-8")
    done = proj.briefing(
        "add", "--source", "demo", "--quote", "exports to Russia fell 50 percent",
        "--id", "a.b", "--subject", "x",
    )  # fmt: skip
    assert done.returncode == 1
    assert (
        "briefing add: quote not found in seeds/seed.txt; copy it verbatim from the source "
        '(it matches only up to: "exports to Russia ")' in done.stderr
    )
    assert (proj.root / "facts" / "market.yaml").read_text("utf-8") == before


@pytest.mark.parametrize(
    ("quote", "number", "message"),
    [
        ("", "1", "--quote is empty; copy the sentence that states the number from the source"),
        (" ", "1", "--quote is empty; copy the sentence that states the number from the source"),
        ("USD150 billion", "0", "--number 0: the quote offers 1 number(s); give --number 1 to 1"),
        ("USD150 billion", "-1", "--number -1: the quote offers 1 number(s); give --number 1 to 1"),
        ("USD150 billion", "2", "--number 2: the quote offers 1 number(s); give --number 1 to 1"),
    ],
)
def test_add_says_what_to_give_for_an_empty_quote_or_a_number_out_of_range(
    project: Callable[..., Project], quote: str, number: str, message: str
) -> None:
    done = project().briefing(
        "add", "--source", "demo", "--quote", quote, "--id", "a.b", "--subject", "x",
        "--number", number, "--dry-run",
    )  # fmt: skip
    assert (done.returncode, done.stdout, done.stderr) == (1, "", f"briefing add: {message}\n")


def test_coverage_lists_numbers_no_fact_covers(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL)
    done = proj.briefing("coverage")
    assert done.returncode == 1
    assert (
        'seeds/seed.txt:3: "30 percent to 40 percent" is covered by no fact and not explained'
        in done.stdout
    )
    assert "demo: 6 numbers, 3 covered or explained, 3 left" in done.stdout
    proj.write(
        "facts/coverage_ignore.yaml",
        "demo:\n"
        '  - {text: "3.7 percent and 4.5 percent", reason: "growth rates, curated elsewhere"}\n'
        '  - {text: "31.44 million units", reason: "sales, curated elsewhere"}\n'
        '  - {text: "30 percent to 40 percent", reason: "the Russia range"}\n',
    )
    done = proj.briefing("coverage")
    assert done.returncode == 0, done.stdout
    assert "0 unexplained number(s)" in done.stdout


def test_check_flags_hand_typed_numbers(project: Callable[..., Project]) -> None:
    proj = project(index=CITES_ALL + "\nExports grew 12 percent, and USD 3 billion.\n")
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        'docs/index.md:5: number "12 percent" typed by hand; cite a fact instead: {{ fact("id") }}',
        'docs/index.md:5: number "USD 3 billion" typed by hand; cite a fact instead: {{ fact("id") }}',
    ]


def test_check_reports_facts_no_page_cites(project: Callable[..., Project]) -> None:
    proj = project(index='# Home\n\nParts: {{ fact("parts.exports.2024") }}, the first half.\n')
    done = proj.briefing("check")
    assert done.returncode == 1
    assert done.stdout.splitlines() == [
        "facts/market.yaml:1: fact 'market.production.2024' is cited by no page; cite it in a "
        "chapter, or tag it 'background' to list it on the facts page only",
    ]
    tagged = FACTS.replace('  quote: "31.28', '  tags: [background]\n  quote: "31.28')
    proj.write("facts/market.yaml", tagged)
    assert proj.briefing("check").returncode == 0


# --- bad arguments and environment: one line saying what to do, never a traceback ----------

ADD = ("add", "--source", "demo", "--id", "markets.russia.decline.2025", "--subject", "Decline")
RUSSIA = "Chinese carmakers' direct exports to Russia plunged 30 percent to 40 percent"
NOT_READ = (
    "would not be read as facts; give --file a name in facts/ ending in .yaml, not starting "
    "with '_', other than sources.yaml, units.yaml, charts.yaml, coverage_ignore.yaml, disagreements.yaml, wording.yaml\n"
)


def test_add_refuses_a_file_that_would_not_be_loaded(project: Callable[..., Project]) -> None:
    """A file outside facts/ would never be read (the fact would verify and vanish), and a
    registry is no list of facts; each is a usage error, with nothing written."""
    proj = project(index=CITES_ALL)
    before = {p: p.read_bytes() for p in (proj.root / "facts").iterdir()}
    for name in (
        "../outside.yaml",
        "sub/market.yaml",
        "sources.yaml",
        "units.yaml",
        "charts.yaml",
        "coverage_ignore.yaml",
        "_draft.yaml",
        "market.yml",
    ):
        done = proj.briefing(*ADD, "--quote", RUSSIA, "--file", name)
        assert (done.returncode, done.stdout) == (2, ""), name
        assert done.stderr == f"briefing add: facts/{name} {NOT_READ}"
    assert {p: p.read_bytes() for p in (proj.root / "facts").iterdir()} == before
    assert not (proj.root / "outside.yaml").exists()


def test_folders_named_like_facts_files_or_pages_are_problems_not_crashes(
    project: Callable[..., Project],
) -> None:
    proj = project(index=CITES_ALL)
    (proj.root / "facts" / "russia.yaml").mkdir()
    (proj.root / "docs" / "notes.md").mkdir()
    done = proj.briefing("check")
    assert (done.returncode, done.stdout.splitlines()) == (
        1,
        [
            "facts/russia.yaml:1: cannot be read (Is a directory); make it a readable file",
            "docs/notes.md:1: cannot be read (Is a directory); make it a readable file",
        ],
    )
    added = proj.briefing(*ADD, "--quote", RUSSIA, "--file", "russia.yaml")
    assert added.returncode == 1
    assert "Traceback" not in added.stderr


EPOCH = (
    "must be a whole number of seconds since 1970-01-01 UTC, from 0 to 253402300799, "
    "as `git log -1 --format=%ct` prints it; or unset it"
)


@pytest.mark.parametrize(
    "epoch", ["abc", "-1", "1e9", " 1752400000", "", "253402300800", "9" * 5000, "١٢٣"]
)
def test_every_malformed_source_date_epoch_is_refused_with_what_to_set(
    epoch: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What every command reads (see the test below for what each prints): text, a sign, an
    exponent, spaces, nothing, a date past the calendar, other scripts' digits."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    shown = repr(epoch if len(epoch) <= 40 else epoch[:40] + "…")
    with pytest.raises(ValueError) as refused:
        build_moment()
    assert str(refused.value) == f"SOURCE_DATE_EPOCH={shown} {EPOCH}"


def test_a_malformed_source_date_epoch_is_one_line(project: Callable[..., Project]) -> None:
    """The release command, the check and the build (MkDocs itself reads it, with a traceback)
    say what to set; a date out of range or negative is refused like text."""
    proj = project(index=CITES_ALL)
    for epoch in ("abc", "9" * 5000):  # every command; each form of bad epoch is below
        env = {"SOURCE_DATE_EPOCH": epoch}
        shown = repr(epoch if len(epoch) <= 40 else epoch[:40] + "…")
        released = proj.briefing("release", "r1", env=env)
        assert (released.returncode, released.stdout) == (1, ""), epoch
        assert released.stderr == f"briefing release: SOURCE_DATE_EPOCH={shown} {EPOCH}\n"
        checked = proj.briefing("check", env=env)
        assert (checked.returncode, checked.stdout) == (1, ""), epoch
        assert checked.stderr == (
            f"briefing check: SOURCE_DATE_EPOCH={shown} {EPOCH}\n"
            "1 problem(s); fix them and run briefing check again\n"
        )
        built = proj.run(sys.executable, "-m", "mkdocs", "build", env=env)
        assert built.returncode == 1, epoch
        assert "Traceback" not in built.stderr
        assert built.stderr == f"ERROR   -  SOURCE_DATE_EPOCH={shown} {EPOCH}\n"
        built = proj.briefing("build", env=env)
        assert (built.returncode, built.stdout) == (1, ""), epoch
        assert built.stderr == (
            f"ERROR: SOURCE_DATE_EPOCH={shown} {EPOCH}\nbuild failed; build/ was left as it was\n"
        )
    assert not (proj.root / "facts" / "releases").exists()
    assert not (proj.root / "build").exists()
    done = proj.briefing("release", "r1", env={"SOURCE_DATE_EPOCH": "1752400000"})
    assert done.returncode == 0, done.stderr
    assert '"date": "2025-07-13"' in (proj.root / "facts/releases/r1.json").read_text("utf-8")


def test_release_refuses_days_not_in_the_calendar_and_long_names(
    project: Callable[..., Project],
) -> None:
    proj = project(index=CITES_ALL)
    for date in (
        "2025-13-45",
        "2025-02-30",
        "2025-00-10",
        "2025-1-5",
        "20250105",
        "２０２５-01-01",
    ):
        done = proj.briefing("release", "r1", "--date", date)
        assert (done.returncode, done.stdout) == (1, ""), date
        assert done.stderr == (
            f"briefing release: release date '{date}' must be a day in the calendar, YYYY-MM-DD\n"
        )
    long = "r" * 101
    done = proj.briefing("release", long)
    assert done.stderr == (
        f"briefing release: release name '{long}' must be letters, digits, '.', '_' or '-' "
        "(at most 100)\n"
    )
    assert not (proj.root / "facts" / "releases").exists()
    assert proj.briefing("release", "r" * 100, "--date", "2024-02-29").returncode == 0


def test_a_build_whose_facts_fail_reports_its_pages_problems_too(
    project: Callable[..., Project],
) -> None:
    """`mkdocs build` says what `briefing check` says: the broken source (not the page citing
    its facts) or a malformed release snapshot, and the page's own problem in the same run."""
    proj = project(index=CITES_ALL + "{{ lipsum() }}\n")
    proj.write("facts/sources.yaml", sources_yaml() + "  publisherr: Demo Press\n")
    done = proj.mkdocs_build()
    assert done.returncode == 1
    assert (
        "ERROR   -  2 problem(s) found:\n"
        "facts/sources.yaml:8: source 'demo': unknown key 'publisherr'; did you mean "
        "'publisher'? allowed keys: file, sha256, title, publisher, published, language, "
        "author, url, date_note, kind, method, key, period, columns\n"
        "docs/index.md:4: 'lipsum' is undefined; "
        'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
        '{{ chart("id") }} and {{ table("source", "column", …) }}\n'
    ) in done.stderr
    proj.write("facts/sources.yaml", sources_yaml())
    proj.write("facts/releases/r1.json", '{"date": "2025-13-45", "facts": []}\n')
    done = proj.mkdocs_build()
    assert done.returncode == 1
    assert (
        "ERROR   -  2 problem(s) found:\n"
        'facts/releases/r1.json:1: "date" must be a day in the calendar, YYYY-MM-DD\n'
        "docs/index.md:4: 'lipsum' is undefined; "
        'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
        '{{ chart("id") }} and {{ table("source", "column", …) }}\n'
    ) in done.stderr
