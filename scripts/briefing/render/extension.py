"""The Python-Markdown extension that puts a page's generated markup in through the HTML stash.

Registered once on the site's ``markdown_extensions`` (as mkdocs-autorefs registers its own);
MkDocs makes a fresh ``Markdown`` for every page, and the plugin tells the extension which
page's rendering that is. Each placeholder becomes a slot holding its plain text while the
tree is built, so the table of contents and the heading ids read "31.28 million"; once the
``toc`` treeprocessor has run, each slot becomes a stash placeholder that Markdown's own
``raw_html`` postprocessor replaces with the markup (a block's, such as the notes, replacing
its paragraph). What search must not index carries the search plugin's exclusion marker.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from briefing.render.placeholders import TOKEN, PageRender

SLOT = "briefing-slot"  # a tag no HTML has: the slot never reaches the page
_HEADING = re.compile(r"h[1-6]")
# Above every other inline pattern, so no syntax reaches inside a placeholder.
_INLINE_PRIORITY = 250
# After `toc` (5), which has read the slots' text; before `unescape` (0).
_TREE_PRIORITY = 3


class _Slots(InlineProcessor):  # type: ignore[misc]  # Python-Markdown ships no types
    def __init__(self, current: Callable[[], PageRender | None]) -> None:
        super().__init__(TOKEN.pattern)
        self.current = current

    def handleMatch(self, m: re.Match[str], data: str) -> tuple[etree.Element | None, int, int]:
        page = self.current()
        number = int(m[1])
        if page is None or number >= len(page.stash):
            return None, m.start(0), m.end(0)  # not ours: left as the text it is
        slot = etree.Element(SLOT, {"n": m[1]})
        slot.text = AtomicString(page.stash[number].text)
        return slot, m.start(0), m.end(0)


class _Markup(Treeprocessor):  # type: ignore[misc]  # the same
    def __init__(self, md: Markdown, current: Callable[[], PageRender | None]) -> None:
        super().__init__(md)
        self.current = current

    def run(self, root: etree.Element) -> None:
        page = self.current()
        if page is None:
            return
        # A placeholder in an editor's raw HTML block (stashed whole, so no inline pattern saw
        # it) is markup among markup: its own goes in as it is.
        blocks = self.md.htmlStash.rawHtmlBlocks
        for at, block in enumerate(blocks):
            if isinstance(block, str) and "briefingstash" in block:
                blocks[at] = TOKEN.sub(lambda m: _markup(page, m), block)
        for parent in [el for el in root.iter() if el.find(SLOT) is not None]:
            for slot in parent.findall(SLOT):
                html = page.stash[int(slot.attrib["n"])].html
                _replace(parent, slot, self.md.htmlStash.store(html))
        if page.as_of:
            _under_first_heading(root, self.md.htmlStash.store(page.as_of))


def _markup(page: PageRender, match: re.Match[str]) -> str:
    number = int(match[1])
    return page.stash[number].html if number < len(page.stash) else match[0]


def _replace(parent: etree.Element, child: etree.Element, text: str) -> None:
    """``child`` replaced by ``text`` (and its tail) in ``parent``."""
    at = list(parent).index(child)
    text += child.tail or ""
    if at:
        before = parent[at - 1]
        before.tail = (before.tail or "") + text
    else:
        parent.text = (parent.text or "") + text
    parent.remove(child)


def _under_first_heading(root: etree.Element, placeholder: str) -> None:
    """A block after the page's first heading, or on top if it has none."""
    at = next((i + 1 for i, el in enumerate(root) if _HEADING.fullmatch(str(el.tag))), 0)
    block = etree.Element("p")
    block.text = placeholder  # `raw_html` puts the block in place of the paragraph
    block.tail = "\n"
    root.insert(at, block)


class BriefingMarkup(Extension):  # type: ignore[misc]  # the same
    """Puts the current page's generated markup into the HTML Markdown makes of it."""

    def __init__(self) -> None:
        super().__init__()
        self.page: PageRender | None = None  # the page MkDocs is converting, set by the plugin

    def extendMarkdown(self, md: Markdown) -> None:
        current = lambda: self.page  # noqa: E731 (read when each page is converted)
        md.inlinePatterns.register(_Slots(current), "briefing", _INLINE_PRIORITY)
        md.treeprocessors.register(_Markup(md, current), "briefing", _TREE_PRIORITY)
