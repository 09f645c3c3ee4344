"""Bad input in mkdocs.yml: what the build reads from it (the plugin's options and folders, the
nav, the briefings, the site folder), checked by `briefing check` as the build will read it.

mkdocs.yml (conftest.MKDOCS) by line: 1 site_name · 2 site_dir · 3 use_directory_urls
4-6 theme · 7 plugins · 8 search · 9 briefing · 10 pdf, then the options given · nav after.
"""

from __future__ import annotations

from bad_inputs.base import case
from conftest import FACTS, MKDOCS, UNITS, sources_yaml

CONFIG = "mkdocs.yml"
PLAIN = MKDOCS.format(pdf="false", options="")
REMAKE = "a build would delete; choose a folder of its own"
OPTIONS = (
    "enabled, facts_dir, seeds_dir, cache_dir, data_files, pdf, briefings, concurrency, "
    "segment_chinese, locale, chart_functions, publication, topics"
)


def options(lines: str, pdf: str = "false") -> dict[str, str | bytes | None]:
    """mkdocs.yml with more options of the briefing plugin, from line 11."""
    return {CONFIG: MKDOCS.format(pdf=pdf, options=lines)}


CASES = [
    case(
        "misspelt-plugin-option",
        options("      factsdir: data\n"),
        f"{CONFIG}:11: plugin 'briefing' has no option 'factsdir'; its options are: {OPTIONS}",
    ),
    case(
        "facts-dir-missing",
        options("      facts_dir: data\n"),
        f"{CONFIG}:11: facts_dir 'data' is not a folder of the project; "
        "name the folder that holds the facts",
    ),
    case(
        "chart-functions-missing",
        options("      chart_functions: facts/nope.py\n"),
        f"{CONFIG}:11: chart_functions 'facts/nope.py' is not a file of the project; "
        "name the module of chart functions, such as facts/charts.py, or remove it",
    ),
    case(
        "seeds-dir-missing",
        options("      seeds_dir: archive\n"),
        f"{CONFIG}:11: seeds_dir 'archive' is not a folder of the project; "
        "name the folder that holds the seeds",
    ),
    case(
        "docs-dir-missing",
        {CONFIG: "docs_dir: pages\n" + PLAIN},
        f"{CONFIG}:1: docs_dir 'pages' is not a folder of the project; "
        "name the folder that holds the pages",
    ),
    case(
        "facts-dir-read-as-the-build-reads-it",
        {
            **options("      facts_dir: other\n"),
            "other/sources.yaml": sources_yaml(),
            "other/units.yaml": UNITS.read_text("utf-8"),
            "other/market.yaml": FACTS.replace("value: 31280000", "value: 31290000"),
        },
        "other/market.yaml:3: fact 'market.production.2024': value 31290000 is not a number "
        "the quote states (it states: 31.28 million = 31280000, 31.44 million = 31440000); "
        "correct the value or the quote",
    ),
    case(
        "plugin-option-of-the-wrong-type",
        options("", pdf="maybe"),
        f"{CONFIG}:10: plugin 'briefing' option 'pdf': "
        "Expected type: <class 'bool'> but received: <class 'str'>",
    ),
    case(
        "plugin-not-installed",
        {CONFIG: PLAIN.replace("  - search\n", "  - search\n  - nosuch\n")},
        f"{CONFIG}:9: plugin 'nosuch' is not installed; install it, or remove it from plugins",
    ),
    case(
        "nav-entry-to-a-missing-page",
        {CONFIG: PLAIN + "  - Gone: gone.md\n  - Section:\n    - Deep: deep/page.md\n"},
        f"{CONFIG}:15: nav entry 'gone.md' names no page: there is no docs/gone.md, and "
        "briefing generates none of that name; fix the path, or write the page",
        f"{CONFIG}:17: nav entry 'deep/page.md' names no page: there is no docs/deep/page.md, "
        "and briefing generates none of that name; fix the path, or write the page",
    ),
    case(
        "misspelt-setting",
        {CONFIG: "sitename: Demo\n" + PLAIN},
        f"{CONFIG}:1: 'sitename' is not a setting of MkDocs; check its spelling, or remove it",
    ),
    case(
        "site-dir-holding-the-facts",
        {CONFIG: PLAIN.replace("site_dir: build", "site_dir: facts")},
        f"{CONFIG}:2: site_dir 'facts' is refused: it holds the facts (facts_dir), which {REMAKE}",
    ),
    case(
        "site-dir-holding-the-project",
        {CONFIG: PLAIN.replace("site_dir: build", "site_dir: ..")},
        f"{CONFIG}:2: site_dir '..' is refused: it holds the project (mkdocs.yml), which {REMAKE}",
    ),
    case(
        "mkdocs-yml-malformed",
        {CONFIG: PLAIN.replace("theme:\n", "theme: [\n")},
        f"{CONFIG}:6: invalid YAML: expected ',' or ']', but got ':'; "
        "check the quotes and indentation on this line and the line above",
    ),
    case(
        "briefing-of-a-missing-page",
        options(
            "      briefings:\n        - {file: pdf/x.pdf, title: X, pages: [gone.md]}\n", "true"
        ),
        f"{CONFIG}:11: briefing 'x' lists page 'gone.md', which is not a page of docs/ that "
        "can be printed; use one of: index.md",
    ),
]
