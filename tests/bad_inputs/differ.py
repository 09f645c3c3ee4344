"""Bad input in facts/disagreements.yaml: the cases editors record where sources differ.

Each case is checked like a chart: its ids name facts or claims, its kind is known, its
explanation says something in words, and it names as many records as its kind compares.
"""

from __future__ import annotations

from bad_inputs.base import MARKET, PARTS_FACT, PRODUCTION, case, edit

DIFFER = "facts/disagreements.yaml"
WHAT = "disagreement 'output-and-parts'"
KINDS = "different-bases, different-periods, different-scopes, contradiction, caveat"
ADVICE = f"{WHAT} states numbers only through its facts; describe in words"
# lines 1 id · 2 facts · 3 kind · 4 title · 5 explanation
CASE = """\
output-and-parts:
  facts: [market.production.2024, parts.exports.2024]
  kind: different-scopes
  title: Output and parts are different things
  explanation: Vehicles built are not the value of parts sold abroad.
"""


def differ(old: str, new: str) -> dict[str, str | bytes | None]:
    """facts/disagreements.yaml holding CASE with one edit."""
    return {DIFFER: edit(old, new, CASE)}


IDS = "facts: [market.production.2024, parts.exports.2024]"
EXPLANATION = "Vehicles built are not the value of parts sold abroad."
TOO_FEW = (
    f"{DIFFER}:2: {WHAT}: a different-scopes case needs at least two facts or claims; list "
    "each one it involves (a case about one alone is kind 'caveat')"
)
TWICE = f"{WHAT}: 'market.production.2024' is listed twice; list each fact or claim once"

CASES = [
    case(
        "disagreement-unknown-id",
        differ("parts.exports.2024]", "parts.export.2024]"),
        f"{DIFFER}:2: {WHAT}: unknown fact or claim 'parts.export.2024'; did you mean "
        "'parts.exports.2024'? use an id from facts/*.yaml",
    ),
    case(
        "disagreement-unknown-kind",
        differ("kind: different-scopes", "kind: different-scope"),
        f"{DIFFER}:3: {WHAT}: 'kind' is 'different-scope'; use one of: {KINDS}",
    ),
    case(
        "disagreement-without-explanation",
        differ(f"  explanation: {EXPLANATION}\n", ""),
        f"{DIFFER}:2: {WHAT}: missing required key 'explanation'",
    ),
    case(
        "disagreement-empty-explanation",
        differ(f"explanation: {EXPLANATION}", 'explanation: "  "'),
        f"{DIFFER}:5: {WHAT}: 'explanation' is empty; write the explanation",
    ),
    case(
        # a folded block is one line of text: its numbers are reported at its key
        "disagreement-explanation-types-numbers",
        differ(
            EXPLANATION,
            ">-\n    Vehicles built, 31 million of them,\n    are not the 5 percent of parts sold.",
        ),
        f'{DIFFER}:5: number "31 million" typed by hand; {ADVICE}',
        f'{DIFFER}:5: number "5 percent" typed by hand; {ADVICE}',
    ),
    case(
        "disagreement-title-types-a-number",
        differ("are different things", "and USD 150 billion of parts"),
        f'{DIFFER}:4: number "USD 150 billion" typed by hand; {ADVICE}',
    ),
    case(
        "disagreement-comparing-one-fact",
        differ(IDS, "facts: [market.production.2024]"),
        TOO_FEW,
    ),
    case(
        "disagreement-caveat-on-nothing",
        differ(f"{IDS}\n  kind: different-scopes", "facts: []\n  kind: caveat"),
        f"{DIFFER}:2: {WHAT}: a caveat needs the fact or claim it is about; list it in 'facts'",
    ),
    case(
        "disagreement-id-listed-twice",
        differ(
            IDS,
            "facts:\n    - market.production.2024\n    - parts.exports.2024\n"
            "    - market.production.2024",
        ),
        f"{DIFFER}:5: {TWICE}",
    ),
    case(
        # one record twice is both mistakes: said in one run
        "disagreement-one-fact-twice",
        differ(IDS, "facts: [market.production.2024, market.production.2024]"),
        f"{DIFFER}:2: {TWICE}",
        TOO_FEW,
    ),
    case(
        "disagreements-file-is-a-list",
        {DIFFER: "- output-and-parts\n"},
        f"{DIFFER}:1: disagreements.yaml must map case ids to their records "
        "(facts, kind, title, explanation)",
    ),
    case(
        "disagreement-id-not-plain-words",
        differ("output-and-parts:", "Output_Parts:"),
        f"{DIFFER}:1: disagreement 'Output_Parts': id must be lowercase letters, digits, '-' "
        "and '_', such as localisation-bases (it is the case's anchor on the page)",
    ),
    case(
        "disagreement-misspelt-key",
        differ("  explanation:", "  explain:"),
        f"{DIFFER}:2: {WHAT}: missing required key 'explanation'",
        f"{DIFFER}:5: {WHAT}: unknown key 'explain'; did you mean 'explanation'? allowed "
        "keys: facts, kind, title, explanation",
    ),
    case(
        "disagreement-ids-not-a-list",
        differ(IDS, "facts: market.production.2024"),
        f"{DIFFER}:2: {WHAT}: 'facts' must be a list of text, such as [exports, energy]",
    ),
    case(
        "disagreement-title-on-two-lines",
        differ("title: Output and parts are different things", 'title: "Output\\n\\n    INJ"'),
        f"{DIFFER}:4: {WHAT}: 'title' has a line break; write it on one line (it is shown as "
        "one, as a heading or a name)",
    ),
    case(
        # the fact's own problem is the cause: the case naming it says nothing more
        "disagreement-on-a-broken-fact",
        {DIFFER: CASE, MARKET: edit("unit: vehicles", "unit: vehicle", PRODUCTION) + PARTS_FACT},
        f"{MARKET}:4: fact 'market.production.2024': unknown unit 'vehicle'; did you mean "
        "'vehicles'? add it to facts/units.yaml or use a listed one",
    ),
]
