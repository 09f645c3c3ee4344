"""Field tables for the YAML files, and the type checks that turn mistakes into messages.

One table per file kind drives validation here and the JSON Schema editors' YAML plugins
read (``briefing schema``, built from the same tables in ``jsonschema``), so the two cannot
drift apart.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

from briefing.facts import yamlio
from briefing.facts.derived import OPERATIONS
from briefing.facts.numbers import digits
from briefing.facts.units import QUALIFIERS, STYLES

KINDS = ("actual", "estimate", "forecast", "target", "threshold", "rank", "plan", "aspiration")


@dataclass(frozen=True)
class Field:
    """One key of a YAML mapping: its type, whether it is required, its allowed values."""

    name: str
    type: str  # text · value · text_list · mapping · date
    required: bool = True
    choices: tuple[str, ...] = ()
    description: str = ""
    lines: bool = False  # text that may span lines (a sentence, a note); the rest is shown as one


_KIND = Field("kind", "text", choices=KINDS)
_CONTEXT = Field(
    "context",
    "text",
    required=False,
    description="the words just before the quote, for a quote the source has more than once",
    lines=True,
)
_NOTE = Field(
    "note",
    "text",
    required=False,
    description="editor's note, e.g. how a period was resolved",
    lines=True,
)
_TAGS = Field("tags", "text_list", required=False)
# What a fact or claim means: who says it, whose data, where its period comes from, the
# editors' reading
MEANING_FIELDS = (
    Field(
        "said_by",
        "text",
        required=False,
        description='who states it, a person or organisation: "Ana Ruiz (IEA)"; '
        "named in the source near the quote",
    ),
    Field(
        "data_from",
        "text",
        required=False,
        description='whose data the figure is: "National Statistics Office (NSO)"; named in '
        "the source near the quote",
    ),
    Field(
        "period_from",
        "text",
        required=False,
        description='the relative words of the quote the period is resolved from: "last year", '
        '"the first half of this year"; resolved against the source\'s date',
    ),
    Field(
        "reading",
        "text",
        required=False,
        description="why the quote means what the record says where its wording seems to say "
        "otherwise (a hedge of another clause, a translated tense); shown to readers",
        lines=True,
    ),
)

FACT_FIELDS = (
    Field("id", "text", description='stable dotted lowercase id, cited as fact("id")'),
    Field("subject", "text", description="what is measured, as a reader would say it"),
    Field(
        "value",
        "value",
        description="full magnitude, signed as the quote writes it, or [low, high]",
    ),
    Field("unit", "text", description="a unit from facts/units.yaml"),
    Field(
        "period",
        "text",
        description="2023, 2024-H1, 2025-Q1, 2024-10, 2024-01/2024-10, or undated",
    ),
    _KIND,
    Field("geo", "text", description="country or region the number is about"),
    Field("source", "text", required=False, description="a source id from facts/sources.yaml"),
    Field(
        "quote",
        "text",
        required=False,
        description="verbatim sentence the number is in",
        lines=True,
    ),
    _CONTEXT,
    Field(
        "cell",
        "cell",
        required=False,
        description='a table source\'s cell the value is, instead of a quote: {row: "2024", '
        "column: exports}",
    ),
    Field("qualifier", "text", required=False, choices=QUALIFIERS),
    _NOTE,
    *MEANING_FIELDS,
    _TAGS,
    Field(
        "derived_from", "text_list", required=False, description="ids this fact is computed from"
    ),
    Field(
        "operation",
        "text",
        required=False,
        choices=tuple(OPERATIONS),
        description="how a derived fact is computed: "
        + "; ".join(f"{name}: {does}" for name, (_, _, does) in OPERATIONS.items()),
    ),
)
# A claim: a statement that is not a number, in the same files, quoted and checked like a fact.
CLAIM_FIELDS = (
    Field("id", "text", description='stable dotted lowercase id, cited as claim("id")'),
    Field(
        "claim",
        "text",
        description="the statement, in the editors' words, that the quote supports",
    ),
    Field("subject", "text", required=False, description="what the statement is about"),
    Field("source", "text", description="a source id from facts/sources.yaml"),
    Field(
        "quote", "text", required=False, description="verbatim passage that states it", lines=True
    ),
    _CONTEXT,
    Field(
        "cell",
        "cell",
        required=False,
        description="a table source's text cell that states it, instead of a quote",
    ),
    Field(
        "period",
        "text",
        required=False,
        description="the period it is about, as for a fact, or undated (the default)",
    ),
    _KIND,
    Field("geo", "text", required=False, description="country or region it is about"),
    _NOTE,
    *MEANING_FIELDS,
    _TAGS,
)
# A series: one fact per cell of a table's column, declared once in a fact file.
SERIES_FIELDS = (
    Field(
        "series",
        "text",
        description="the facts' id pattern, {row} standing for the row key slugged: "
        "sales.total.{row}",
    ),
    Field("source", "text", description="a table source's id from facts/sources.yaml"),
    Field("column", "text", description="the table's column the values are in"),
    Field(
        "rows",
        "text_list",
        required=False,
        description="the row keys (default: every row with a value)",
    ),
    Field("subject", "text", description="what is measured; {row} stands for the row key"),
    Field("unit", "text", required=False, description="the column's unit (checked)"),
    Field(
        "period",
        "text",
        required=False,
        description='"{row}" when the row key is the period, or one period for every row; '
        "default: the period the table states",
    ),
    Field("kind", "text", required=False, choices=KINDS),
    Field("geo", "text"),
    _NOTE,
    Field("data_from", "text", required=False, description="whose data (default: the column's)"),
    _TAGS,
)
SOURCE_FIELDS = (
    Field("file", "text", description="file name in seeds/"),
    Field("sha256", "text", description="sha256 of the archived file"),
    Field("title", "text"),
    Field("publisher", "text"),
    Field("published", "date", description="YYYY-MM-DD or YYYY-MM"),
    Field("language", "text"),
    Field("author", "text", required=False),
    Field("url", "text", required=False),
    Field("date_note", "text", required=False, description="evidence for the date", lines=True),
    Field(
        "kind",
        "text",
        required=False,
        choices=("text", "table"),
        description="text (an archived document) or table (a CSV; inferred from .csv)",
    ),
    Field(
        "method",
        "text",
        required=False,
        lines=True,
        description="a table: how it was made, "
        "e.g. figures transcribed by the editors from the publication at the URL",
    ),
    Field(
        "key",
        "text",
        required=False,
        description="a table: the row-key column (default: the first)",
    ),
    Field(
        "period",
        "text",
        required=False,
        description="a table: the column stating each row's period",
    ),
    Field(
        "columns",
        "declarations",
        required=False,
        description="a table: per column, {unit, scale, period, kind, qualifier, data_from}",
    ),
)
TABLE_ONLY = ("method", "key", "period", "columns")
# A recorded disagreement's kind, and how a reader is told what it is (the page's words).
DISAGREEMENT_KINDS = {
    "different-bases": "Different bases: the figures are shares or ratios of different wholes",
    "different-periods": "Different periods: the figures cover different spans of time",
    "different-scopes": "Different scopes: the figures count different things or places",
    "contradiction": "Contradiction: the statements cannot all be true",
    "caveat": "Caveat: the figure is not comparable as it may seem",
}
DISAGREEMENT_FIELDS = (
    Field(
        "facts",
        "text_list",
        description="ids of the facts and claims involved (two or more; one for a caveat)",
    ),
    Field("kind", "text", choices=tuple(DISAGREEMENT_KINDS)),
    Field("title", "text", description="a short heading, in words"),
    Field(
        "explanation",
        "text",
        description="the editors' explanation, in words (numbers only through the facts)",
        lines=True,
    ),
)
UNIT_FIELDS = (
    Field("style", "text", choices=STYLES),
    Field("singular", "text", required=False),
    Field("plural", "text", required=False),
    Field("symbol", "text", required=False),
    Field(
        "aliases",
        "text_list",
        required=False,
        description="more nouns that mean this unit after a number, as in 'million units'",
    ),
)


def type_error(field: Field, value: Any) -> str | None:
    """Why ``value`` does not fit ``field``, in words that say what to write instead."""
    key = field.name
    if field.type in {"text", "date"}:
        if isinstance(value, dt.date) and field.type == "date":
            return None
        if isinstance(value, str):
            if not value.strip() and field.required:
                return f"'{key}' is empty; write the {key}"
            if field.choices and value not in field.choices:
                return f"'{key}' is '{value}'; use one of: {', '.join(field.choices)}"
            return None if field.lines else _line_break_error(key, value)
        if value is None:
            return None if not field.required else f"'{key}' is empty; write the {key}"
        if isinstance(value, bool | int | float | dt.date):
            shown = yamlio.written(value)
            return f"'{key}' must be text, not {_yaml_type(value)}; quote it: {key}: \"{shown}\""
        return f"'{key}' must be text, not {_yaml_type(value)}; write it on one line, in quotes"
    if field.type == "value":
        items = value if isinstance(value, list) else [value]
        odd = next((v for v in items if yamlio.odd_number(v) is not None), None)
        if odd is not None:
            return (
                f"'{key}' has the number {yamlio.odd_number(odd)}; write it in plain digits: "
                f"{digits(odd)} (no _, +, exponent, leading zero, 0x, 0o or 0b)"
            )
        if _is_number(value) and not math.isfinite(value):
            return f"'{key}' is {yamlio.written(value)}; write the number the quote states"
        if _is_number(value):
            return None
        if isinstance(value, list):
            if len(value) != 2 or not all(_is_number(v) and math.isfinite(v) for v in value):
                return f"'{key}' range must be two numbers [low, high]"
            if value[0] == value[1]:
                return f"'{key}' range [{value[0]}, {value[1]}] has equal ends; write one number"
            if not value[0] < value[1]:
                return f"'{key}' range [{value[0]}, {value[1]}] is in the wrong order; write [low, high]"
            return None
        if yamlio.quoted(value):
            return f"'{key}' must be a number or a [low, high] range without quotes, not text"
        return (
            f"'{key}' must be a number or a [low, high] range, not {_yaml_type(value)}; "
            "write it in digits, such as 4910000 for 4.91 million"
        )
    if field.type == "mapping":
        if not isinstance(value, dict):
            return f"'{key}' must be a mapping (key: text on each line), not {_yaml_type(value)}"
        for name, text in value.items():
            if not isinstance(text, str):
                return f"'{key}': '{name}' must be text, not {_yaml_type(text)}; put it in quotes"
        return next(
            filter(None, (_line_break_error(f"{key}: {n}", t) for n, t in value.items())), None
        )
    if field.type == "declarations":
        if isinstance(value, dict) and all(
            isinstance(v, dict) or v is None for v in value.values()
        ):
            return None
        return f"'{key}' must map names to mappings, such as sales: {{unit: units}}"
    if field.type == "cell":
        fits = isinstance(value, dict) and set(value) == {"row", "column"}
        if fits and all(isinstance(v, str) and v for v in value.values()):
            return None
        return f"'{key}' must be {{row: \"ROW KEY\", column: NAME}}, both as text"
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return f"'{key}' must be a list of text, such as [exports, energy]"
    return next(filter(None, (_line_break_error(key, item) for item in value)), None)


def _line_break_error(key: str, text: str) -> str | None:
    """Text shown as one line (a heading, a name, a label, a cell) may not hold a line break:
    in a Markdown heading or table cell it would end the element and the rest become text,
    paragraphs or a code block of the page. Refused rather than joined, so that what a reader
    sees is what the editor wrote (a folded ``>`` block ends with one: ``>-`` does not)."""
    if "\n" not in text:
        return None
    return f"'{key}' has a line break; write it on one line (it is shown as one, as a heading or a name)"


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _yaml_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a yes/no value"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "empty"
