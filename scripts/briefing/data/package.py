"""The Frictionless Data Package describing facts.csv, claims.csv and facts.json.

A reader's tools (the frictionless library, pandas, R) read types, meanings and the primary
key from it instead of guessing. The column table below is also the CSV's column order, so
the file and its description cannot drift apart.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from briefing.facts.model import FactBook
from briefing.facts.schema import KINDS
from briefing.facts.units import QUALIFIERS

CSV_FILE = "data/facts.csv"
CLAIMS_FILE = "data/claims.csv"
JSON_FILE = "data/facts.json"
PACKAGE_FILE = "data/datapackage.json"


@dataclass(frozen=True)
class Column:
    """One column of facts.csv or claims.csv, as a Table Schema field."""

    name: str
    type: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()

    def field(self) -> dict[str, Any]:
        constraints: dict[str, Any] = {"required": True} if self.required else {}
        if self.choices:
            constraints["enum"] = list(self.choices)
        described = {"name": self.name, "type": self.type, "description": self.description}
        return described | ({"constraints": constraints} if constraints else {})


COLUMNS = (
    Column("id", "string", "Stable dotted id; the fact's row on the site is facts/#<id>", True),
    Column("subject", "string", "What is measured, as a reader would say it", True),
    Column("value", "number", "Full magnitude (4.91 million is 4910000); a range's low end", True),
    Column("value_high", "number", "A range's high end; empty when the value is one number"),
    Column("unit", "string", "Unit id, such as vehicles, percent or usd", True),
    Column("text", "string", "The value as the site writes it, with its unit", True),
    Column(
        "period",
        "string",
        "Period: YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or START/END; undated when the source gives none",
        True,
    ),
    Column("kind", "string", "What sort of number the source states", True, KINDS),
    Column("geo", "string", "Country or region the number is about", True),
    Column("qualifier", "string", "How the source hedges the number", choices=QUALIFIERS),
    Column("source", "string", "Id of the archived source; empty for a derived fact"),
    Column(
        "quote",
        "string",
        "The verbatim passage of the source that states the number; empty for a table's cell",
    ),
    Column("cell_row", "string", "For a table source: the row key of the cell the value is"),
    Column("cell_column", "string", "For a table source: the column of the cell the value is"),
    Column(
        "published_by",
        "string",
        "Who published it: publisher, title and date of the source or, in a compiled table, of the row",
    ),
    Column("note", "string", "Editor's note, such as how a relative date was resolved"),
    Column("said_by", "string", "Who states it, as the source names them"),
    Column("data_from", "string", "Whose data the figure is, as the source names them"),
    Column("period_from", "string", "The quote's relative words the period is resolved from"),
    Column("reading", "string", "The editors' reading where the wording seems to say otherwise"),
    Column("tags", "string", "Topics separated by semicolons; the first groups the facts page"),
)
_BY_NAME = {column.name: column for column in COLUMNS}
CLAIM_COLUMNS = (
    Column("id", "string", "Stable dotted id; the claim's row on the site is facts/#<id>", True),
    Column(
        "claim", "string", "The statement, in the editors' words, that the quote supports", True
    ),
    Column("subject", "string", "What the statement is about"),
    Column(
        "period",
        "string",
        "Period it is about: YYYY, YYYY-H1, YYYY-Q1, YYYY-MM or START/END; "
        "'undated' when the source gives none",
        True,
    ),
    Column("kind", "string", "What sort of statement the source makes", True, KINDS),
    Column("geo", "string", "Country or region it is about"),
    Column("source", "string", "Id of the archived source", True),
    Column(
        "quote",
        "string",
        "The verbatim passage of the source that states it (a table's cell: its text)",
        True,
    ),
    *(
        _BY_NAME[name]
        for name in (
            "cell_row",
            "cell_column",
            "published_by",
            "note",
            "said_by",
            "data_from",
            "period_from",
            "reading",
        )
    ),
    _BY_NAME["tags"],
)


def slug(text: str) -> str:
    """A package name as the spec allows: lowercase letters, digits, '-', '.' and '_'."""
    return re.sub(r"[^a-z0-9._]+", "-", text.lower()).strip("-")


def package(book: FactBook, title: str, files: dict[str, str]) -> dict[str, Any]:
    """The descriptor of the facts files in ``files`` (their text by site path).

    No licence is known for the data, so none is claimed; each resource carries its size
    and SHA-256, so a download can be checked against the package.
    """
    publications = [
        publication
        for s in sorted(book.sources.values(), key=lambda s: s.id)
        for publication in (
            s.publication(),
            *(r.publication for r in (s.table.rows.values() if s.table else ()) if r.publication),
        )
    ]
    sources = [
        {"title": f"{p.publisher}: {p.title} ({p.published})"} | ({"path": p.url} if p.url else {})
        for p in dict.fromkeys(publications)
    ]
    return {
        "profile": "data-package",
        "name": slug(title),
        "title": title,
        "description": (
            "Every fact and claim behind the briefing, each with the verbatim quote it was verified "
            "against in an archived source. Licence: not stated; the quotes are excerpts of "
            "the sources listed, whose own terms apply."
        ),
        "sources": sources,
        "resources": [
            _file(CSV_FILE, files) | _table("facts", "Facts (CSV)", COLUMNS),
            _file(CLAIMS_FILE, files)
            | _table("claims", "Claims (CSV): statements that are not numbers", CLAIM_COLUMNS),
            _file(JSON_FILE, files)
            | {
                "name": "facts-json",
                "profile": "data-resource",
                "title": "Facts and claims (JSON): the same rows under the keys 'facts' and "
                "'claims'",
                "format": "json",
                "mediatype": "application/json",
            },
        ],
    }


def _file(site_path: str, files: dict[str, str]) -> dict[str, Any]:
    data = files[site_path].encode("utf-8")
    return {
        "path": site_path.rsplit("/", 1)[-1],  # beside datapackage.json
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
    }


def _table(name: str, title: str, columns: tuple[Column, ...]) -> dict[str, Any]:
    """A CSV resource of the package: its dialect and the schema of its columns."""
    return {
        "name": name,
        "profile": "tabular-data-resource",
        "title": title,
        "format": "csv",
        "mediatype": "text/csv",
        "dialect": {"delimiter": ",", "lineTerminator": "\n", "header": True},
        "schema": {
            "fields": [column.field() for column in columns],
            "missingValues": [""],
            "primaryKey": ["id"],
        },
    }
