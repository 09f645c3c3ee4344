"""The citation page and files: how to cite the briefing, who publishes it, its licences."""

from __future__ import annotations

from briefing.data.citation import Publication, bibtex, csl_json, suggested
from briefing.render.markup import PACKAGE, Partials
from briefing.render.urls import CITATION_BIB, CITATION_JSON, CITE_PAGE, SiteUrls


def citation_files(pub: Publication) -> dict[str, str]:
    """The BibTeX and CSL-JSON files by their path in the site."""
    return {CITATION_BIB: bibtex(pub), CITATION_JSON: csl_json(pub)}


def cite_page(pub: Publication, urls: SiteUrls, partials: Partials = PACKAGE) -> str:
    """The page's Markdown (from the overridable partial ``cite.md``)."""
    return (
        partials.render(
            "cite.md",
            pub=pub,
            line=suggested(pub),
            bibtex=bibtex(pub),
            csl=csl_json(pub),
            bib_href=urls.link(CITE_PAGE, CITATION_BIB).rstrip("/"),
            csl_href=urls.link(CITE_PAGE, CITATION_JSON).rstrip("/"),
            mail=_mail(pub.contact),
        )
        + "\n"
    )


def imprint(pub: Publication, cite_url: str) -> dict[str, object]:
    """What the theme's footer shows of the publication (``cite_url``: the citation page's
    URL in the site)."""
    return {
        "publisher": pub.publisher,
        "text_licence": pub.text_licence,
        "data_licence": pub.data_licence,
        "mail": _mail(pub.contact),
        "contact": pub.contact,
        "cite": cite_url,
    }


def _mail(contact: str) -> str:
    """The contact as a mail address to link, if it is one."""
    return contact if "@" in contact and ":" not in contact and " " not in contact else ""
