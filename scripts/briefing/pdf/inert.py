"""A chapter's markup as WeasyPrint may print it: text and structure, none of its own style.

On the site, the Content-Security-Policy refuses a chapter's ``<style>``, ``<script>`` and
``style=`` or ``on…=`` attributes; WeasyPrint has no such policy and would apply the styles (a
``h1::after`` printing an unverified figure after every heading, ``.source-notes`` hidden), and
read a ``<link>`` style sheet, a ``<meta>`` as the PDF's metadata, a ``<base>`` for its links.
What the site marks ``class="web-only"`` (a partial's download links, a chapter's "click the
number" paragraph, given ``{ .web-only }``) is left out too: print never shows it.
So the chapter is parsed by WeasyPrint's own parser, tinyhtml5 (what it finds is what
WeasyPrint would), and written back without those elements and attributes. Only the print
template's style sheet styles the PDF.
"""

from __future__ import annotations

from html import escape
from xml.etree.ElementTree import Element

from tinyhtml5.parser import HTMLParser

DROPPED = frozenset({"style", "script", "link", "meta", "base", "title"})
WEB_ONLY = "web-only"  # the class of what only the site shows: buttons, downloads, "click…"
VOID = frozenset(
    {"area", "br", "col", "embed", "hr", "img", "input", "source", "track", "wbr"}
)  # written without an end tag (base, link and meta are dropped)


def inert(html: str) -> str:
    """``html`` (a fragment) without the elements and attributes that style or script."""
    fragment = HTMLParser(namespace_html_elements=False).parse_fragment(html)
    out: list[str] = []
    _content(fragment, out)
    return "".join(out)


def _content(element: Element, out: list[str]) -> None:
    out.append(escape(element.text or "", quote=False))
    for child in element:
        if isinstance(child.tag, str):  # not a comment
            _element(child, out)
        out.append(escape(child.tail or "", quote=False))


def _element(element: Element, out: list[str]) -> None:
    tag = _local(element.tag)
    if tag in DROPPED or WEB_ONLY in element.attrib.get("class", "").split():
        return
    attrs = "".join(
        f' {name}="{escape(value)}"'
        for name, value in ((_local(key), value) for key, value in element.attrib.items())
        if name != "style" and not name.startswith("on")
    )
    foreign = element.tag.startswith("{")  # SVG or MathML: an empty element closes itself
    if foreign and not len(element) and not element.text:
        out.append(f"<{tag}{attrs}/>")
        return
    out.append(f"<{tag}{attrs}>")
    if tag in VOID and not foreign:
        return
    _content(element, out)
    out.append(f"</{tag}>")


def _local(name: str) -> str:
    """A name without its namespace: the HTML parser puts SVG and MathML back in theirs."""
    return name.rsplit("}", 1)[-1]
