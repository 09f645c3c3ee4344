"""`briefing check` on every case of the bad-input corpus (tests/bad_inputs/), as editors
run it: a subprocess, exit status 1, exactly the expected lines, no traceback."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bad_inputs import CASES, Case
from conftest import Project, sources_yaml

ProjectFactory = Callable[..., Project]


def check(project: ProjectFactory, files: dict[str, str | bytes | None]) -> tuple[int, str, str]:
    """Write ``files`` over a fresh tiny project and run `briefing check` in it."""
    proj = project()
    for rel, data in files.items():
        path = proj.root / rel
        if data is None:
            path.unlink()
        elif isinstance(data, bytes):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
        else:
            proj.write(rel, data)
    done = proj.briefing("check")
    return done.returncode, done.stdout, done.stderr


# The order of the stages problems are reported in, root causes first: what a file's problems
# may be consequences of is reported before it.
STAGES = (
    "facts/units.yaml",
    "facts/sources.yaml",
    "seeds/",
    "facts/",
    "facts/charts.yaml",
    "facts/disagreements.yaml",
    "docs/",
)


def sort_key(line: str) -> tuple[int, str, int, str]:
    """How problems are ordered: by stage, then file, then line number, then message."""
    path, number, message = line.split(":", 2)
    stage = max((len(prefix), i) for i, prefix in enumerate(STAGES) if path.startswith(prefix))[1]
    return stage, path, int(number), message


def test_corpus_is_large_and_names_are_unique() -> None:
    assert len(CASES) >= 30
    assert len({c.name for c in CASES}) == len(CASES)
    assert all(c.expected for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_at_its_line(project: ProjectFactory, case: Case) -> None:
    code, stdout, stderr = check(project, case.files)
    assert "Traceback" not in stderr
    assert stdout.splitlines() == list(case.expected)
    assert stderr == f"{len(case.expected)} problem(s); fix them and run briefing check again\n"
    assert code == 1


COMBINED = (
    "misspelt-field",  # facts/market.yaml
    "duplicate-fact-id-across-files",  # facts/more.yaml
    "yml-extension",  # facts/more.yml
    "alias-bomb",  # facts/bomb.yaml
    "currency-unit-without-symbol",  # facts/units.yaml
    "impossible-date",  # facts/sources.yaml
    "disagreement-unknown-kind",  # facts/disagreements.yaml
    "unknown-name-in-page",  # docs/index.md
)


def test_mistakes_in_many_files_are_all_reported_in_one_run_sorted(
    project: ProjectFactory,
) -> None:
    """Independent mistakes in every file, pages included, in one run: units first, then
    sources, facts, charts, disagreements and pages, each by file and line."""
    chosen = [c for c in CASES if c.name in COMBINED]
    files: dict[str, str | bytes | None] = {}
    for c in chosen:
        assert not files.keys() & c.files.keys(), c.name
        files.update(c.files)
    expected = sorted((line for c in chosen for line in c.expected), key=sort_key)
    code, stdout, stderr = check(project, files)
    assert (code, stdout.splitlines()) == (1, expected)
    assert len(expected) == len(COMBINED)
    assert stderr == f"{len(expected)} problem(s); fix them and run briefing check again\n"


def test_template_syntax_in_facts_and_sources_is_text_never_evaluated(
    project: ProjectFactory,
) -> None:
    """`{{ … }}` and `{% … %}` in a source, a quote or a note reach the built HTML as the
    characters the editor wrote: fact text never goes through Jinja."""
    seed = "Dealers wrote {{ 7 * 7 }} and {% if x %} on a sign; sales rose 5 percent.\n"
    facts = (
        "- id: market.growth.2024\n"
        "  subject: Growth of car sales\n"
        "  value: 5\n"
        "  unit: percent\n"
        "  period: undated\n"
        "  kind: actual\n"
        "  geo: China\n"
        "  source: demo\n"
        '  quote: "{{ 7 * 7 }} and {% if x %} on a sign; sales rose 5 percent"\n'
        "  note: \"{{ fact('market.growth.2024') }} {% for i in range(3) %}x{% endfor %}\"\n"
    )
    proj = project(index='# Home\n\n{{ fact("market.growth.2024") }}\n', facts=facts)
    proj.write("seeds/seed.txt", seed)
    proj.write("facts/sources.yaml", sources_yaml(text=seed))
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    quote = "{{ 7 * 7 }} and {% if x %} on a sign; sales rose 5 percent"
    note = "{{ fact(&#x27;market.growth.2024&#x27;) }} {% for i in range(3) %}x{% endfor %}"
    index, facts_page = proj.html("index.html"), proj.html("facts/index.html")
    assert f"<q>{quote}</q>" in index
    assert f'<q class="card-quote">{quote}</q>' in index  # the number's card
    assert note in facts_page
    assert "{{ 7 * 7 }}" in proj.html("sources/demo/index.html")
    for html in (index, facts_page):
        assert "49 and" not in html and "xxx" not in html  # what evaluating them would give
