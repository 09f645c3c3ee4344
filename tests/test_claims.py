"""Claims: statements that are not numbers, recorded beside facts, quoted and cited like them."""

from __future__ import annotations

import csv
import json
import pickle
import re
from collections.abc import Callable
from html import unescape

import jsonschema
import pytest
from playwright.sync_api import Browser, expect

from bad_inputs.base import ONLY
from bad_inputs.claims import CLAIM
from briefing.facts.jsonschema import json_schema
from briefing.facts.loading import load_factbook
from briefing.paths import Paths
from conftest import CITES_ALL, FACTS, VIEWPORT, Project, settle, sources_yaml
from linkcheck import broken_links
from pdfread import norm, read_pdf
from test_data import rows_checked, validate
from test_injection import served

ProjectFactory = Callable[..., Project]

A_CLAIM = {"id": "a.b", "claim": "Nexperia is owned by Wingtech", "source": "x", "quote": "q"}
A_CLAIM |= {"kind": "actual"}
A_FACT = {"id": "a.b", "subject": "s", "value": 1, "unit": "u", "period": "2024"}
A_FACT |= {"kind": "actual", "geo": "China"}


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        (A_CLAIM, True),
        (A_CLAIM | {"period": "undated", "geo": "Netherlands", "subject": "Owner"}, True),
        (A_FACT, True),
        (A_CLAIM | {"value": 1}, False),  # a claim or a fact, not both
        (A_CLAIM | {"unit": "percent"}, False),
        ({k: v for k, v in A_CLAIM.items() if k != "quote"}, False),
    ],
)
def test_json_schema_takes_a_record_that_is_a_fact_or_a_claim(
    record: dict[str, object], valid: bool
) -> None:
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors([record]))
    assert not errors if valid else errors


def test_a_claim_loads_beside_the_facts_and_survives_pickling(project: ProjectFactory) -> None:
    proj = project()
    proj.write("facts/russia.yaml", CLAIM)
    book = load_factbook(Paths(proj.root))
    claim = book.claims["exports.russia.plunge"]
    assert claim.quote == "Chinese carmakers' direct exports to Russia plunged"
    assert claim.period == "undated"
    assert claim.span is not None
    assert book.facts.keys() == {"market.production.2024", "parts.exports.2024"}
    again = pickle.loads(pickle.dumps(book))
    assert again.claims == book.claims
    assert again.record("exports.russia.plunge") == claim


# The home page: a fact, a claim at the end of its sentence, and one marker resting on both.
CLAIMING = (
    CITES_ALL
    + '\nExports to Russia fell sharply this year.{{ claim("exports.russia.plunge") }}\n'
    + '\nBoth at once.{{ cite("parts.exports.2024", "exports.russia.plunge") }}\n'
)


def test_a_claim_is_cited_with_its_marker_card_note_row_and_search_entry(
    project: ProjectFactory,
) -> None:
    proj = project(index=CLAIMING)
    proj.write("facts/russia.yaml", CLAIM)
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    page = proj.html("index.html")
    # the marker: note 3, after the facts' 1 and 2, leading to the highlighted quote
    marker = re.search(
        r'fell sharply this year\.<span class="fact cites" data-cites="exports.russia.plunge">'
        r'<sup class="cite"><a href="([^"]+)" data-note="3" aria-describedby="(card-\d+)" '
        r'aria-label="Source 3">3</a></sup>(<briefing-card class="fact-card".*?</briefing-card>)</span>',
        page,
    )
    assert marker, "no marker after the claim's sentence"
    assert marker.group(1) == "#note-3"  # its note; the card links to the passage
    card = [p for p in re.split(r"<[^>]+>", unescape(marker.group(3))) if p.strip()]
    assert card == [
        "Chinese carmakers' direct exports to Russia plunged this year",
        "undated; reported 13 Jul 2025 · actual",
        "Chinese carmakers' direct exports to Russia plunged",
        "Demo source, Demo Press, 2025-07-13",
        "See the passage",
    ]
    assert f'id="{marker.group(2)}"' in marker.group(3)
    # cite(): one marker, note 4, whose card and note list both records
    both = re.search(
        r'Both at once\.<span class="fact cites" data-cites="([^"]+)">(.*?)</span></p>', page
    )
    assert both and both.group(1) == "parts.exports.2024 exports.russia.plunge"
    assert 'href="#note-4" data-note="4"' in both.group(2)
    assert both.group(2).count('<span class="card-record">') == 2
    assert "about USD 150 billion" in both.group(2) and "plunged this year" in both.group(2)
    # the notes, grouped by source: the group's short reference and bibliography entry, then
    # note 3 with the quote; note 4 cites the same passage again and refers back to note 3
    notes = re.search(r'<div class="source-notes">(.*?)</div>\s*</details>', page, re.DOTALL)
    assert notes
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", notes.group(1))).split())
    assert text.startswith(
        "Demo Press, Jul 2025 : Demo source , 13 Jul 2025. Archived copy . 1 31.28 million"
    ), text
    assert (
        '<li id="note-3"><span class="note-no">3</span>'
        "<q>Chinese carmakers&#x27; direct exports to Russia plunged</q> "
        '<a class="note-passage" href="sources/demo/#q-exports.russia.plunge">See the passage</a>'
    ) in notes.group(1)
    assert text.count("Chinese carmakers' direct exports to Russia plunged") == 1
    note4 = re.search(r'<li id="note-4">(.*?)</li>', notes.group(1), re.DOTALL)
    assert note4 and note4.group(1).count("See the passage") == 0  # both quotes shown already
    assert 'As note <a href="#note-2">2</a>.' in note4.group(1)
    assert 'As note <a href="#note-3">3</a>.' in note4.group(1)
    assert broken_links(proj.root / "build") == []

    facts = proj.html("facts/index.html")
    row = re.search(r'<tr id="exports.russia.plunge"[^>]*>(.*?)</tr>', facts)
    assert row and "plunged this year" in row.group(1)
    assert 'href="../sources/demo/#q-exports.russia.plunge"' in row.group(1)
    source = proj.html("sources/demo/index.html")
    assert '<a class="quote-anchor" id="q-exports.russia.plunge"></a>' in source
    assert re.search(r'<mark class="quote" data-facts="exports.russia.plunge"[^>]*>Chinese', source)

    index = json.loads((proj.root / "build" / "search" / "search_index.json").read_text("utf-8"))
    (entry,) = [d for d in index["docs"] if d["location"] == "facts/#exports.russia.plunge"]
    assert entry["title"] == "Chinese carmakers' direct exports to Russia plunged this year"
    assert entry["text"] == (
        "undated; reported 13 Jul 2025 · actual · Demo Press. “Chinese carmakers' direct exports to Russia plunged”"
    )
    with (proj.root / "build" / "data" / "claims.csv").open(encoding="utf-8", newline="") as f:
        (claim_row,) = list(csv.DictReader(f))
    assert (claim_row["id"], claim_row["period"]) == ("exports.russia.plunge", "undated")
    claims = json.loads(proj.html("data/facts.json"))["claims"]
    assert [c["id"] for c in claims] == ["exports.russia.plunge"]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'claim("market.production.2024")',
            "'market.production.2024' is a fact; print its number with "
            '{{ fact("market.production.2024") }}, or cite it without the number with '
            '{{ cite("market.production.2024") }}',
        ),
        (
            'fact("exports.russia.plunge")',
            "'exports.russia.plunge' is a claim, which has no number to print; cite it at "
            'the end of its sentence with {{ claim("exports.russia.plunge") }}',
        ),
        (
            'claim("exports.russia.plunged")',
            "unknown claim 'exports.russia.plunged'; use an id from facts/*.yaml",
        ),
        (
            'cite("parts.exports.2024", "exports.russia.plunged")',
            "unknown fact or claim 'exports.russia.plunged'; use an id from facts/*.yaml",
        ),
        (
            "cite()",
            'cite() takes one or more ids, such as cite("sales.total.2023", "company.owner")',
        ),
        ('claim("a.b", "c.d")', 'claim() takes one id, such as claim("company.owner")'),
        ("claim", f'claim must be called: claim("company.owner"); {ONLY}'),
        (
            "cite(1)",
            'cite() takes ids in quotes, such as cite("sales.total.2023", "company.owner")',
        ),
    ],
)
def test_a_wrong_citation_is_reported_at_its_line(
    project: ProjectFactory, call: str, message: str
) -> None:
    proj = project(
        index=CITES_ALL
        + '\nRussia.{{ claim("exports.russia.plunge") }}\n\nText.{{ '
        + call
        + " }}\n"
    )
    proj.write("facts/russia.yaml", CLAIM)
    done = proj.briefing("check")
    assert done.stdout.splitlines() == [f"docs/index.md:7: {message}"]
    assert done.returncode == 1


def test_an_uncited_claim_is_reported_unless_background(project: ProjectFactory) -> None:
    proj = project()
    proj.write("facts/russia.yaml", CLAIM)
    done = proj.briefing("check")
    assert done.stdout.splitlines() == [
        "facts/russia.yaml:1: claim 'exports.russia.plunge' is cited by no page; cite it in a "
        "chapter, or tag it 'background' to list it on the facts page only"
    ]
    proj.write("facts/russia.yaml", CLAIM + "  tags: [background]\n")
    assert proj.briefing("check").returncode == 0


OTHER_SEED = "Nexperia, a Dutch chipmaker, is owned by China's Wingtech.\n"
OTHER_CLAIM = """\
- id: parts.nexperia.owner
  claim: Nexperia is owned by Wingtech
  source: other
  quote: "Nexperia, a Dutch chipmaker, is owned by China's Wingtech"
  kind: actual
"""


def test_the_pdf_prints_a_claims_note_and_its_marker_leads_there(project: ProjectFactory) -> None:
    proj = project(
        index=CLAIMING + '\nOwned abroad.{{ claim("parts.nexperia.owner") }}\n', pdf=True
    )
    proj.write("facts/russia.yaml", CLAIM + OTHER_CLAIM)
    proj.write("seeds/other.txt", OTHER_SEED)
    other = sources_yaml(seed="other.txt", text=OTHER_SEED).replace("demo:", "other:")
    proj.write("facts/sources.yaml", sources_yaml() + other.replace("Demo source", "Other source"))
    done = proj.mkdocs_build()
    assert done.returncode == 0, done.stderr
    pdf = read_pdf(proj.root / "build" / "pdf" / "briefing.pdf")
    quote = "“Chinese carmakers' direct exports to Russia plunged”"
    assert pdf.text.count(quote) == 1  # note 3 (the claim); note 4 (cite) refers back to it
    assert "As note 3." in pdf.text
    assert norm("Exports to Russia fell sharply this year.3 Both at once.4") in pdf.text
    assert "undated; reported" not in pdf.text  # the cards are the site's, not the print's
    assert pdf.page_of("c1-note-3") == pdf.page_of("c1-note-4")
    # the appendix lists the source only a claim cites
    appendix = next(body for body in pdf.bodies if body.startswith("Sources"))
    assert "Other source Demo Press; published 13 July 2025" in appendix


def test_a_facts_card_and_note_show_the_editors_reading(project: ProjectFactory) -> None:
    """A reading overrides what the wording seems to say, so readers always see it."""
    reading = "  reading: The whole of last year, as the source's first words say\n"
    proj = project(facts=FACTS + reading)
    assert proj.mkdocs_build().returncode == 0
    page = unescape(proj.html("index.html"))
    shown = "Editors' reading: The whole of last year, as the source's first words say"
    assert f'<span class="card-reading">{shown}</span>' in page
    assert f'<span class="note-reading">{shown}</span>' in page
    assert page.count(shown) == 2


@pytest.mark.browser
def test_a_claims_marker_opens_its_card_and_lands_on_its_highlighted_quote(
    browser: Browser, project: ProjectFactory
) -> None:
    proj = project(index=CLAIMING)
    proj.write("facts/russia.yaml", CLAIM)
    assert proj.mkdocs_build().returncode == 0
    context = browser.new_context(viewport=VIEWPORT)
    try:
        page = context.new_page()
        with served(proj.root / "build") as base:
            settle(page, base)
            marker = page.locator('span.fact.cites[data-cites="exports.russia.plunge"]')
            card = marker.locator(".fact-card")
            expect(card).to_be_hidden()
            marker.hover()
            expect(card).to_be_visible()
            expect(card.locator(".card-claim")).to_have_text(
                "Chinese carmakers' direct exports to Russia plunged this year"
            )
            marker.locator("sup.cite a").click()  # to its note, opened, then to the passage
            expect(page).to_have_url(re.compile(r"#note-\d+$"))
            note = page.locator(page.url.rsplit("/", 1)[-1])
            expect(note).to_be_visible()
            note.locator("a.note-passage").click()
            expect(page).to_have_url(re.compile(r"/sources/demo/#q-exports\.russia\.plunge$"))
            mark = page.locator('mark.quote[data-facts~="exports.russia.plunge"]')
            expect(mark).to_have_text("Chinese carmakers' direct exports to Russia plunged")
            expect(mark).to_have_css(
                "background-color", "rgb(255, 213, 79)"
            )  # #ffd54f: the one arrived for
    finally:
        context.close()


def test_the_data_package_describes_claims_csv_and_validates(project: ProjectFactory) -> None:
    proj = project(index=CLAIMING)
    proj.write("facts/russia.yaml", CLAIM)
    assert proj.mkdocs_build().returncode == 0
    data = proj.root / "build" / "data"
    report = validate(data / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert rows_checked(report, "claims") == 1
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    (claims,) = [r for r in package["resources"] if r["name"] == "claims"]
    with (data / "claims.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert [f["name"] for f in claims["schema"]["fields"]] == header
    assert all(f["description"] for f in claims["schema"]["fields"])
    assert 'href="../data/claims.csv" download' in proj.html("facts/index.html")
