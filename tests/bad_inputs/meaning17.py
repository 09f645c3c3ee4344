"""Bad input in what a record means (issue 17): a period the quote does not state, a bound
or hedge dropped, a forecast recorded as fact, a name the source does not give, and mistakes
in the project's word lists (facts/wording.yaml).

The tiny project's source is dated 2025-07-13 and its first seed line ends "last year".
"""

from __future__ import annotations

from bad_inputs.base import MARKET, PARTS, PARTS_FACT, PROD, PRODUCTION, SOURCES, case, edit
from conftest import SEED_TEXT, sources_yaml

WAYS_OUT = (
    "quote the words that state it, give 'period_from' (the quote's relative words, such as "
    '"last year"), or write period: undated if the source gives none'
)
QUOTE = 'quote: "31.28 million and 31.44 million units"'
RUN_ON = (
    'the quote runs past the sentence that states the value into another ("{}"); quote the '
    "value's own sentence, or say in 'reading' why the other sentence belongs to it"
)
LAST_YEAR = 'quote: "31.28 million and 31.44 million units, respectively, last year"'
WORDING = "facts/wording.yaml"


def production(*edits: tuple[str, str], more: str = "", line: str = "") -> dict[str, str | None]:
    """market.production.2024 with ``edits``, then ``more`` keys from line 10; with ``line``
    added to the seed (a sentence that states 31.28 million too)."""
    fact = PRODUCTION
    for old, new in edits:
        fact = edit(old, new, fact)
    files: dict[str, str | None] = {MARKET: fact + more + PARTS_FACT}
    if line:
        text = SEED_TEXT + line + "\n"
        files |= {"seeds/seed.txt": text, SOURCES: sources_yaml(text=text)}
    return files


def parts(old: str, new: str) -> dict[str, str | None]:
    return {MARKET: PRODUCTION + edit(old, new, PARTS_FACT)}


PERIOD_2024 = ("period: undated", 'period: "2024"')
OTHER_YEAR = "In 2023, output reached 31.28 million units, the agency said."

CASES = [
    # --- periods: stated, resolved from relative words, or undated ---------------------------
    case(
        "period-the-quote-does-not-state",
        production(PERIOD_2024),
        f"{MARKET}:5: {PROD}: period '2024' is not stated by the quote (it states: no period); "
        f"{WAYS_OUT}",
    ),
    case(
        "period-the-quote-states-otherwise",
        production(
            PERIOD_2024,
            (QUOTE, 'quote: "In 2023, output reached 31.28 million units"'),
            line=OTHER_YEAR,
        ),
        f"{MARKET}:5: {PROD}: period '2024' is not stated by the quote (it states: 2023); "
        f"{WAYS_OUT}",
    ),
    case(
        "period-relative-in-the-quote-needs-period-from",
        production(PERIOD_2024, (QUOTE, LAST_YEAR)),
        f"{MARKET}:5: {PROD}: period '2024' is not stated by the quote (it states: "
        f'"last year"); {WAYS_OUT}',
    ),
    case(
        "period-from-resolves-to-another-period",
        production(
            ("period: undated", 'period: "2025"'),
            (QUOTE, LAST_YEAR),
            more='  period_from: "last year"\n',
        ),
        f"{MARKET}:5: {PROD}: period '2025', but period_from \"last year\" resolves to '2024' "
        'against the source\'s date 2025-07-13; write period: "2024"',
    ),
    case(
        "period-from-not-in-the-quote",
        production(PERIOD_2024, more='  period_from: "last year"\n'),
        f'{MARKET}:10: {PROD}: period_from "last year" is not in the quote; copy the quote\'s '
        "words the period is resolved from",
    ),
    case(
        "period-from-naming-no-period",
        production(PERIOD_2024, (QUOTE, LAST_YEAR), more='  period_from: "respectively"\n'),
        f'{MARKET}:10: {PROD}: period_from "respectively" names no period the word lists read '
        '(a relative year such as "last year", with or without a half, quarter or month: "the '
        'first half of this year", "in July"); write the words as the quote has them, or add '
        "them to facts/wording.yaml",
    ),
    case(
        "period-month-range-stated-otherwise",
        production(
            ("period: undated", 'period: "2024-01/2024-09"'),
            (QUOTE, 'quote: "In the first ten months of 2024, output reached 31.28 million"'),
            line="In the first ten months of 2024, output reached 31.28 million units.",
        ),
        f"{MARKET}:5: {PROD}: period '2024-01/2024-09' is not stated by the quote (it states: "
        f'2024, "first ten months"); {WAYS_OUT}',
    ),
    case(
        "period-year-from-another-sentence",
        production(
            ("period: undated", 'period: "2024-06"'),
            (QUOTE, 'quote: "Sales slowed in 2024. Output reached 31.28 million units in June"'),
            line="Sales slowed in 2024. Output reached 31.28 million units in June.",
        ),
        f"{MARKET}:5: {PROD}: period '2024-06' is not stated by the quote (it states: 2024, "
        f'"June", in different sentences); {WAYS_OUT}',
        f"{MARKET}:9: {PROD}: {RUN_ON.format('Sales slowed in 2024.')}",
    ),
    case(
        "period-stated-by-the-sentence-beside-the-value",
        production(
            PERIOD_2024,
            (QUOTE, 'quote: "Output reached 31.28 million units in 2023. In 2024"'),
            line="Output reached 31.28 million units in 2023. In 2024, sales slowed.",
        ),
        f"{MARKET}:5: {PROD}: period '2024' is stated by another sentence of the quote than "
        "the one that states the value; quote the sentence that states both, or correct the "
        "period",
        f"{MARKET}:9: {PROD}: {RUN_ON.format('In 2024')}",
    ),
    case(
        "quote-running-into-the-next-sentence",
        production(
            (QUOTE, 'quote: "Output reached 31.28 million units. The agency restarted"'),
            line="Output reached 31.28 million units. The agency restarted its survey in May.",
        ),
        f"{MARKET}:9: {PROD}: {RUN_ON.format('The agency restarted')}",
    ),
    case(
        "joint-figure-split-into-one-name",
        production(
            ("subject: China's automobile production", "subject: Shanghai's automobile output"),
            (QUOTE, 'quote: "Output reached 31.28 million units in Shanghai and Guangdong"'),
            line="Output reached 31.28 million units in Shanghai and Guangdong together.",
        ),
        f'{MARKET}:2: {PROD}: the quote gives its figure for "Shanghai and Guangdong" together, '
        'but the subject names "Shanghai" only; a joint figure is one fact: name Guangdong too, '
        "or say in 'reading' why the figure is Shanghai's alone",
    ),
    # --- qualifiers: said just before the number, and never dropped --------------------------
    case(
        "qualifier-the-quote-does-not-say",
        parts("qualifier: about", "qualifier: over"),
        f"{MARKET}:19: {PARTS}: qualifier 'over' is not said by the quote just before USD150 "
        'billion (it says "about" (qualifier: about); \'over\' is said by "more than", '
        '"over", "above", "exceeding", "exceeded", "exceeds"…); quote the words that say it, '
        "or correct the qualifier",
    ),
    case(
        "qualifier-word-cut-from-the-quote",
        parts(
            'quote: "China\'s auto parts exports reached a total value of about USD150 billion"',
            'quote: "USD150 billion"',
        ),
        f"{MARKET}:19: {PARTS}: qualifier 'about' is not said by the quote just before USD150 "
        'billion (it says none; \'about\' is said by "about", "around", "approximately", '
        '"some", "roughly", "an estimated"…); quote the words that say it, or correct the '
        "qualifier",
    ),
    case(
        "qualifier-dropped",
        parts("  qualifier: about\n", ""),
        f'{MARKET}:12: {PARTS}: the source says "about" just before USD150 billion, but the '
        "fact has no qualifier; write qualifier: about",
    ),
    # --- hedges and the future tense: no 'actual' without a reading --------------------------
    case(
        "hedge-in-the-sentence-of-an-actual",
        production(
            (QUOTE, 'quote: "output could reach 31.28 million units"'),
            line="Analysts said output could reach 31.28 million units.",
        ),
        f"{MARKET}:6: {PROD}: kind 'actual', but the quote's sentence hedges it (\"could\"); "
        "give the kind the hedge says (estimate, forecast, target, plan, aspiration…), or say "
        "in 'reading' why the hedge does not apply to this record",
    ),
    case(
        "hedge-cut-from-the-quote-is-still-read",
        production(
            (QUOTE, 'quote: "reach 31.28 million units"'),
            line="Output is expected to reach 31.28 million units.",
        ),
        f"{MARKET}:6: {PROD}: kind 'actual', but the quote's sentence hedges it (\"expected\"); "
        "give the kind the hedge says (estimate, forecast, target, plan, aspiration…), or say "
        "in 'reading' why the hedge does not apply to this record",
    ),
    case(
        "future-tense-actual",
        production(
            (QUOTE, 'quote: "Output will reach 31.28 million units"'),
            line="Output will reach 31.28 million units.",
        ),
        f"{MARKET}:6: {PROD}: kind 'actual', but the quote is in the future tense (\"will\"); "
        "give the kind it states (forecast, target, plan…), or say in 'reading' why it reports "
        "what happened (a translation, say)",
    ),
    # --- attribution: the source names who says it, near the quote ---------------------------
    case(
        "said-by-not-named-near-the-quote",
        production(more='  said_by: "Wu Songquan (CATARC)"\n'),
        f'{MARKET}:10: {PROD}: said_by "Wu Songquan (CATARC)": the source does not name '
        '"Wu Songquan" or "CATARC" near the quote (in its paragraph or within 400 characters); '
        "write the name as the source gives it, or remove said_by",
    ),
    case(
        "data-from-named-only-far-from-the-quote",
        production(
            more='  data_from: "China Association of Automobile Manufacturers (CAAM)"\n',
            line="x" * 400 + "\n" + "Figures from CAAM.",
        ),
        f'{MARKET}:10: {PROD}: data_from "China Association of Automobile Manufacturers '
        '(CAAM)": the source does not name "China Association of Automobile Manufacturers" or '
        '"CAAM" near the quote (in its paragraph or within 400 characters); write the name as '
        "the source gives it, or remove data_from",
    ),
    # --- the project's word lists ------------------------------------------------------------
    case(
        "wording-unknown-list-and-bad-shapes",
        {
            WORDING: "en:\n"
            "  hedge: [reportedly]\n"
            "  qualifiers:\n"
            "    beyond: [past]\n"
            "  years: {the year before: last}\n"
            '  months: ["{month} to {month}"]\n'
            "de: [vielleicht]\n"
        },
        f"{WORDING}:2: 'en: hedge' is no word list; the lists are: qualifiers, hedges, future, "
        "years, parts, months, first_months, month_spans, numerals, month_names, abbreviations, "
        "linking, joining, respectively",
        f"{WORDING}:3: 'en: qualifiers' must be a mapping of qualifier (about, nearly, over, "
        "under, at least, at most) to words; 'beyond' is not one of: about, nearly, over, "
        "under, at least, at most",
        f"{WORDING}:5: 'en: years' must be a mapping of words to a year offset, such as 'last "
        "year: -1'; 'the year before' must be a whole number",
        f"{WORDING}:6: 'en: months' must be a list of patterns with one {{month}} or {{n}}, "
        'such as "{month}"; "{month} to {month}" has not 1 of {month} or {n}',
        f"{WORDING}:7: 'de' must map list names to words; the lists are: qualifiers, hedges, "
        "future, years, parts, months, first_months, month_spans, numerals, month_names, "
        "abbreviations, linking, joining, respectively",
    ),
    case(
        "wording-words-extend-the-defaults",
        {
            WORDING: "en:\n  hedges: [reportedly]\n",
            **production(
                (QUOTE, 'quote: "31.28 million units"'),
                line="Output reportedly reached 31.28 million units.",
            ),
        },
        f"{MARKET}:6: {PROD}: kind 'actual', but the quote's sentence hedges it "
        '("reportedly"); give the kind the hedge says (estimate, forecast, target, plan, '
        "aspiration…), or say in 'reading' why the hedge does not apply to this record",
    ),
]
