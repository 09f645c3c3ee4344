"""Editors' and sources' text in every context it reaches, with the exact output: HTML text and
attributes, Markdown, <title>, <meta>, the search index's JSON, CSV cells."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

from jinja2 import Environment

from briefing.charts.specs import ChartSpec
from briefing.data.downloads import chart_data, data_files
from briefing.facts.model import Fact, FactBook, Source
from briefing.facts.units import Unit
from briefing.pdf.inert import inert
from briefing.problems import Problem, visible
from briefing.render.meta import escaped_meta, open_graph
from briefing.render.search import fact_entries
from briefing.render.text import esc, html_text, md_inline, striptags_escaped
from briefing.render.urls import SiteUrls

PAYLOAD = "x</title><script>alert(2)</script>"
ESCAPED = "x&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;"


def test_html_text_and_attributes_escape_markup_and_both_quotes() -> None:
    assert esc(f'{PAYLOAD} Bob\'s "q" & co') == f"{ESCAPED} Bob&#x27;s &quot;q&quot; &amp; co"


def test_control_and_bidi_characters_are_shown_as_their_code_point() -> None:
    text = "a\x00b\x1bc\u202ed\u2066e\u200ff\x85g\x7fh\ti\nj\u2028k\u2029l\U000e0041m\U000e007fn"
    shown = (
        "a⟨U+0000⟩b⟨U+001B⟩c⟨U+202E⟩d⟨U+2066⟩e⟨U+200F⟩f⟨U+0085⟩g⟨U+007F⟩h\ti\nj"
        "⟨U+2028⟩k⟨U+2029⟩l⟨U+E0041⟩m⟨U+E007F⟩n"
    )
    assert visible(text) == shown
    assert esc(text) == shown
    assert esc("\u202e<b>") == "⟨U+202E⟩&lt;b&gt;"


def test_markdown_text_is_escaped_for_html_then_for_markdown_and_keeps_quotes() -> None:
    assert md_inline("Bob's <b>#1</b> *x* \u202e") == (
        "Bob's &lt;b&gt;\\#1&lt;/b&gt; \\*x\\* ⟨U\\+202E⟩"
    )


def test_title_element_gets_the_headings_text_escaped_once() -> None:
    """As MkDocs renders Material's <title>: no autoescape, a page title that is HTML."""
    env = Environment()
    env.filters["striptags"] = striptags_escaped
    template = env.from_string(
        "<title>{{ title | striptags }} - S</title><nav aria-label='{{ title | striptags | e }}'>"
    )
    heading = f"{ESCAPED} Bob's <code>a &amp; b</code>"
    assert template.render(title=heading) == (
        f"<title>{ESCAPED} Bob&#39;s a &amp; b - S</title>"
        f"<nav aria-label='{ESCAPED} Bob&#39;s a &amp; b'>"
    )


def test_front_matter_is_text_at_any_depth_keys_included() -> None:
    """Material prints a list or mapping as its Python form: no quote or tag may stay raw."""
    meta = {"subtitle": "<img>", "extra": {'"><b>': ["'x'", 3, None, {"k": "&"}]}, "n": 2}
    assert escaped_meta(meta) == {
        "subtitle": "&lt;img&gt;",
        "extra": {"&quot;&gt;&lt;b&gt;": ["&#x27;x&#x27;", 3, None, {"k": "&amp;"}]},
        "n": 2,
    }


def test_meta_tags_hold_the_titles_text_escaped_once() -> None:
    title = html_text(f"{ESCAPED} Bob's")
    assert title == f"{PAYLOAD} Bob's"
    tags = open_graph(title, 'a "b"', "S & T", None, "x/", "en_GB").splitlines()
    assert tags == [
        '<meta property="og:type" content="article">',
        '<meta property="og:site_name" content="S &amp; T">',
        f'<meta property="og:title" content="{ESCAPED} Bob&#x27;s">',
        '<meta property="og:description" content="a &quot;b&quot;">',
        '<meta property="og:locale" content="en_GB">',
        '<meta name="twitter:card" content="summary">',
        f'<meta name="twitter:title" content="{ESCAPED} Bob&#x27;s">',
        '<meta name="twitter:description" content="a &quot;b&quot;">',
    ]


PERCENT = Unit("percent", "percent")
SOURCE = Source(
    "demo", "seed.txt", "seeds/seed.txt", "0" * 64, f"{PAYLOAD} title", "@SUM(A1) press",
    "2025-07-13", "en",
)  # fmt: skip


def fact(fid: str, value: Decimal, **text: str) -> Fact:
    fields = {"subject": "s", "geo": "China", "quote": "q", "note": ""} | text
    return Fact(
        fid, fields["subject"], value, PERCENT, "2024", "actual", fields["geo"], "demo",
        fields["quote"], "facts/m.yaml", 1, note=fields["note"] or None,
        tags=tuple(fields.get("tags", "t").split(",")),
    )  # fmt: skip


HOSTILE = fact(
    "market.fall.2024",
    Decimal("-3.2"),
    subject='=HYPERLINK("http://x","click")',
    geo="+China",
    quote="-3.2 percent",
    note="\tnote",
    tags="@tag,ok",
)


def test_csv_cells_start_no_formula_and_numbers_stay_numbers() -> None:
    book = FactBook({HOSTILE.id: HOSTILE}, {"demo": SOURCE}, {"percent": PERCENT})
    csv = data_files(book, "T")["data/facts.csv"]
    assert csv.splitlines() == [
        "id,subject,value,value_high,unit,text,period,kind,geo,qualifier,source,quote,cell_row,"
        "cell_column,published_by,note,said_by,data_from,period_from,reading,tags",
        'market.fall.2024,"\'=HYPERLINK(""http://x"",""click"")",-3.2,,percent,−3.2%,'
        "2024,actual,'+China,,demo,'-3.2 percent,,,'@SUM(A1) press: "
        f"{PAYLOAD} title (2025-07-13),'\tnote,,,,,'@tag;ok",
    ]
    # The JSON is data for programs, not a spreadsheet: the text as it is.
    record = json.loads(data_files(book, "T")["data/facts.json"])["facts"][0]
    assert (record["subject"], record["value"]) == ('=HYPERLINK("http://x","click")', "-3.2")


def test_csv_pieces_after_a_semicolon_start_no_formula_either() -> None:
    """A spreadsheet in a locale whose separator is ";" splits cells there, quotes or not."""
    tagged = fact("a.b", Decimal(5), note="ok;=3+4;-x;;@y; =z", tags="plain,=1+2")
    book = FactBook({tagged.id: tagged}, {"demo": SOURCE}, {"percent": PERCENT})
    row = next(csv.DictReader(io.StringIO(data_files(book, "T")["data/facts.csv"])))
    assert (row["note"], row["tags"]) == ("ok;'=3+4;'-x;;'@y; =z", "plain;'=1+2")


def test_chart_csv_neutralises_labels_and_keeps_the_value() -> None:
    spec = ChartSpec(
        "fall", f"{PAYLOAD} chart", "alt", (HOSTILE,), labels=((HOSTILE.id, "-label"),)
    )
    files = chart_data(spec, {"demo": SOURCE})
    assert files["data/charts/fall.csv"].splitlines()[1] == (
        'market.fall.2024,\'-label,,"\'=HYPERLINK(""http://x"",""click"")",-3.2,percent,'
        "−3.2%,2024,actual,'+China,'@SUM(A1) press,demo,'-3.2 percent,data"
    )
    assert json.loads(files["data/charts/fall.json"])["title"] == f"{PAYLOAD} chart"


def test_search_entries_are_escaped_html_inside_json() -> None:
    book = FactBook(
        {"a.b": fact("a.b", Decimal(5), subject=PAYLOAD, quote="\u202eq")},
        {"demo": SOURCE},
        {"percent": PERCENT},
    )
    entry = json.loads(f"[{fact_entries(book, SiteUrls())}]")[0]
    assert entry["title"] == f"{ESCAPED}: 5%"
    assert entry["text"] == "2024 · actual · China · @SUM(A1) press. “⟨U+202E⟩q”"


def test_problems_printed_show_control_characters() -> None:
    problem = Problem("facts/a.yaml", 3, "fact 'x\x1b[2J\u202e': unknown")
    assert str(problem) == "facts/a.yaml:3: fact 'x⟨U+001B⟩[2J⟨U+202E⟩': unknown"


def test_a_chapter_goes_to_weasyprint_without_its_own_style_or_code() -> None:
    chapter = (
        '<style>h1::after{content:"45%"}</style><h1 id="a" style="color:red" onClick="x()">'
        'T &amp; &lt;b&gt;</h1><!-- c --><p>a<br>b<img src="i.png" alt=\'q"\'></p>'
        '<link rel=stylesheet href=x.css><meta name=author content=x><base href="https://x/">'
        '<svg viewBox="0 0 2 2"><style>*{fill:red}</style><path d="M0"/><title>t</title>'
        '<text x="1">s</text></svg><script>alert(1)</script>end'
    )
    assert inert(chapter) == (
        '<h1 id="a">T &amp; &lt;b&gt;</h1><p>a<br>b<img src="i.png" alt="q&quot;"></p>'
        '<svg viewBox="0 0 2 2"><path d="M0"/><text x="1">s</text></svg>end'
    )
