"""Who publishes a briefing, under which licences, and how to cite it (BibTeX, CSL-JSON).

The same record feeds the site's footer and citation page, the data downloads and the PDF's
cover, so a briefing names its publisher, editors and licences once, in mkdocs.yml.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field

_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_^~])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}
_KEY_CHARACTERS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Licence:
    """A licence by its name as readers know it (e.g. CC BY 4.0) and where it is stated."""

    name: str
    url: str = ""


@dataclass(frozen=True)
class Publication:
    """The briefing as a publication: what a reader needs to cite it and reuse it."""

    title: str
    issued: dt.date
    publisher: str = ""
    editors: tuple[str, ...] = ()
    contact: str = ""
    edition: str = ""
    url: str = ""
    language: str = "en"
    text_licence: Licence | None = None
    data_licence: Licence | None = None
    sources_rights: str = ""
    keywords: tuple[str, ...] = field(default=())

    @property
    def creators(self) -> tuple[str, ...]:
        """Who is cited as its authors: the editors, else the publisher as an organisation."""
        return self.editors or ((self.publisher,) if self.publisher else ())

    @property
    def key(self) -> str:
        """A citation key a reference manager keeps: first creator's word, title word, year."""
        stem = "".join(_first_word(text) for text in (*self.creators[:1], self.title))
        return f"{stem[:40] or 'briefing'}{self.issued.year}"


def suggested(pub: Publication) -> str:
    """One line in author–date style: creators (year). Title. Edition. Publisher. URL."""
    parts = []
    if pub.creators:
        parts.append(f"{', '.join(pub.creators)} ({pub.issued.year}).")
    parts.append(f"{pub.title}.")
    if pub.edition:
        parts.append(f"{pub.edition}.")
    if pub.publisher and pub.publisher not in pub.creators:
        parts.append(f"{pub.publisher}.")
    parts.append(pub.issued.isoformat() + ".")
    if pub.url:
        parts.append(pub.url)
    return " ".join(parts)


def bibtex(pub: Publication) -> str:
    """A ``@misc`` entry: names are braced whole, so an organisation or a one-word name is not
    split into given and family names."""
    fields = {
        "title": "{" + _bib(pub.title) + "}",
        "author": " and ".join("{" + _bib(name) + "}" for name in pub.creators),
        "publisher": _bib(pub.publisher),
        "edition": _bib(pub.edition),
        "year": str(pub.issued.year),
        "month": str(pub.issued.month),
        "date": pub.issued.isoformat(),
        "url": _bib(pub.url),
        "language": _bib(pub.language),
        "keywords": _bib(", ".join(pub.keywords)),
        "note": _bib(f"Licence: {pub.text_licence.name}") if pub.text_licence else "",
    }
    lines = [f"  {name} = {{{value}}}," for name, value in fields.items() if value]
    return "@misc{" + pub.key + ",\n" + "\n".join(lines) + "\n}\n"


def csl_json(pub: Publication) -> str:
    """The entry as CSL-JSON (a list of one item), which Zotero and citeproc read."""
    item: dict[str, object] = {
        "id": pub.key,
        "type": "report",
        "title": pub.title,
        "issued": {"date-parts": [[pub.issued.year, pub.issued.month, pub.issued.day]]},
        "language": pub.language,
    }
    if pub.creators:
        item["author"] = [{"literal": name} for name in pub.creators]
    optional = {"publisher": pub.publisher, "edition": pub.edition, "URL": pub.url}
    item.update({name: value for name, value in optional.items() if value})
    if pub.keywords:
        item["keyword"] = ", ".join(pub.keywords)
    if pub.text_licence:
        item["license"] = pub.text_licence.name
    return json.dumps([item], ensure_ascii=False, indent=2) + "\n"


def _first_word(text: str) -> str:
    """The first word of ``text`` in plain ASCII letters and digits (empty if it has none)."""
    return next((w for w in (_KEY_CHARACTERS.sub("", w) for w in text.casefold().split()) if w), "")


def _bib(text: str) -> str:
    """Text safe inside a BibTeX field: its special characters escaped, newlines folded."""
    folded = " ".join(text.split())
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), folded)
