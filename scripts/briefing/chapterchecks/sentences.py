"""A chapter's sentences as a reader reads them: each with the line it starts on, the ids it
cites and whether it sits in the editors' analysis (``!!! analysis`` / ``??? analysis``).

Read from the page's source, where the Jinja calls still stand, so each sentence knows what it
cites (``fact``, ``claim`` and ``cite`` calls). Markdown's structure decides what is a
statement at all: front matter, headings, code, ``chart()`` calls, link definitions, a
table's header row, an admonition's title and a run-in heading ("**Electric first.**") are
none; paragraphs, list items and admonition text are cut into sentences by pysbd, which knows
abbreviations ("U.S.", "No. 1", "Jan."), decimals and quotations; a table row is one
statement; no sentence runs across two blocks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pysbd

from briefing.facts.typednumbers import CODE, blank, shown

CITING = ("fact", "claim", "cite")
ANALYSIS = "analysis"
# The front matter MkDocs reads: "---" on the first line, up to a line "---" or "...".
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n.*?\n(?:-{3}|\.{3})[ \t]*(?:\n|\Z)", re.DOTALL)
_CALL = re.compile(r"\{\{-?\s*(?P<name>\w+)\s*\((?P<args>.*?)\)\s*-?\}\}", re.DOTALL)
_STRING = re.compile(r"\"([^\"]*)\"|'([^']*)'")
# What a browser runs or applies, never shows: a chapter's own <script> or <style>.
_UNSEEN = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.DOTALL | re.IGNORECASE)
# A marker written after the full stop ("Sales grew.{{ claim("x") }} Then…"): read as if
# before it, so the sentence it closes is the one it cites for.
_AFTER_STOP = re.compile(r"(?P<stop>[.!?]+[\"”’)\]]*)(?P<call>x+)")
# What Jinja prints as it is written, or not at all: a call in it cites nothing.
_LITERAL = re.compile(r"\{%-?\s*raw\s*-?%\}.*?\{%-?\s*endraw\s*-?%\}|\{#.*?#\}", re.DOTALL)
_OTHER_JINJA = re.compile(r"\{%.*?%\}|\{#.*?#\}|\{\{.*?\}\}", re.DOTALL)
_ADMONITION = re.compile(r"(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)[ \t]+(?P<type>[\w-]+)")
_HEADING = re.compile(r"[ \t]*#{1,6}(?:[ \t]|$)")
_RULE = re.compile(r"[ \t]*(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|-{3,}[ \t]*|={3,}[ \t]*)$")
_SETEXT = re.compile(r"[ \t]*(?:=+|-+)[ \t]*$")
_ITEM = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+")
_QUOTE = re.compile(r"(?:[ \t]*>)+")
_TABLE_RULE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$")
# Lines that are no text: link and abbreviation definitions, attribute lists, content tabs.
_NO_TEXT = re.compile(r"[ \t]*(?:\[[^\]^][^\]]*\]:|\*\[[^\]]*\]:|\{:.*\}[ \t]*$|===[+!]?[ \t])")
_RUN_IN = re.compile(r"[ \t]*(?:\*\*[^*\n]+?[.:!?]\*\*|__[^_\n]+?[.:!?]__)")
# A link to a page of the site ("[Facts](facts.md): every number…"), not to the web.
_LOCAL_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|//)[^()\s]*\)", re.IGNORECASE)
_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]")  # each one character, as a space is


@dataclass(frozen=True)
class Sentence:
    """One statement of a page: its first line, its words as shown (cited values as x's),
    the ids it cites, and whether the editors mark it as their analysis."""

    line: int
    text: str
    cited: tuple[str, ...]
    analysis: bool
    last: int  # the line it ends on

    @property
    def lines(self) -> range:
        return range(self.line, self.last + 1)


@dataclass
class _Block:
    start: int  # offsets in the page's source
    end: int
    analysis: bool
    whole: bool = False  # a table row: one statement however many full stops
    lead: int = -1  # where its bold run-in lead ends, if it opens with one


def front_matter(source: str) -> str:
    """The front matter of a page's source, with its ``---`` lines; "" when it has none."""
    match = FRONT_MATTER.match(source)
    return match[0] if match else ""


def sentences(source: str) -> list[Sentence]:
    """Every sentence of a page's source, in order."""
    masked, calls = _masked(source)
    masked, blocks = _blocks(masked, {start for start, _ in calls})
    found = []
    for block in blocks:
        text, at = shown(masked[block.start : block.end])
        flat = _BREAKS.sub(" ", text)  # pysbd takes a line break for a sentence's end
        pieces = [flat] if block.whole else _SEGMENTER.segment(flat)
        for begin, end in _spans(flat, pieces):
            piece = flat[begin:end]
            words = piece.strip()
            if not re.search(r"[^\W\d_]", words):
                continue
            begin += len(piece) - len(piece.lstrip())
            first = block.start + at[begin]
            last = block.start + at[begin + len(words)]
            cited = tuple(rid for start, rid in calls if first <= start < last)
            joined = first < block.lead  # it opens with a bold lead, which states something
            if not cited and not joined and _LOCAL_LINK.search(source, first, last):
                continue  # "more in [Outlook](outlook.md)": a way on, not a statement
            line = source.count("\n", 0, first) + 1
            ends = line + source.count("\n", first, last)
            found.append(Sentence(line, words, cited, block.analysis, ends))
    return found


def _spans(flat: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Where each of pysbd's pieces stands in ``flat`` (it drops leading spaces); the whole
    text as one statement should a piece not be found as written, never a traceback."""
    spans, done = [], 0
    for piece in pieces:
        at = flat.find(piece, done)
        if at < 0:
            return [(0, len(flat))]
        spans.append((at, at + len(piece)))
        done = at + len(piece)
    return spans


def _masked(source: str) -> tuple[str, list[tuple[int, str]]]:
    """The source with what is no prose blanked (newlines kept, so offsets and lines stay),
    each citing call as x's; and the ids cited, each with its call's offset."""
    calls: list[tuple[int, str]] = []

    def call(match: re.Match[str]) -> str:
        if match["name"] not in CITING:
            return blank(match)  # a chart is a figure, not words
        ids = [a or b for a, b in _STRING.findall(match["args"])]
        calls.extend((match.start(), rid) for rid in ids)
        return re.sub(r"[^\n]", "x", match[0])

    def after_stop(match: re.Match[str]) -> str:
        if match.start("call") not in starts:
            return match[0]
        return match["call"] + match["stop"]  # the marker closes the sentence before it

    text = FRONT_MATTER.sub(blank, source)
    text = _UNSEEN.sub(blank, CODE.sub(blank, text))
    text = _CALL.sub(call, _LITERAL.sub(blank, text))
    starts = {start for start, _ in calls}
    text = _AFTER_STOP.sub(after_stop, text)
    return _OTHER_JINJA.sub(blank, text), calls


def _blocks(masked: str, calls: set[int]) -> tuple[str, list[_Block]]:
    """The text blocks of a page (paragraphs, list items, table rows, admonition text), by
    Markdown's line structure; markers (``-``, ``>``, ``|``) are blanked in place. ``calls``:
    where each citing call starts (a bold line that cites is a statement, not a heading)."""
    chars = list(masked)
    blocks: list[_Block] = []
    open_block: _Block | None = None
    containers: list[tuple[int, bool]] = []  # admonitions open: body indent, analysis
    table = False
    offset = 0
    for line in masked.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        if not line.strip():
            open_block, table = None, False
            continue
        indent = len(line) - len(line.lstrip())
        while containers and indent < containers[-1][0]:
            containers.pop()
        analysis = bool(containers) and containers[-1][1]
        admonition = _ADMONITION.match(line)
        if admonition:
            inside = analysis or admonition["type"] == ANALYSIS
            containers.append((len(admonition["indent"].expandtabs(4)) + 4, inside))
            open_block = None
            continue
        if _TABLE_RULE.match(line) and "|" in line:
            if open_block is not None:
                blocks.remove(open_block)  # the header row: labels, not a statement
            open_block, table = None, True
            continue
        if open_block is not None and _SETEXT.match(line):
            blocks.remove(open_block)  # the paragraph above was a heading
            open_block = None
            continue
        if _HEADING.match(line) or _RULE.match(line) or _NO_TEXT.match(line):
            open_block = None
            continue
        if table or line.lstrip().startswith("|"):
            chars[start:end] = line.replace("|", " ")
            blocks.append(_Block(start, end, analysis, whole=True))
            open_block = None if table else blocks[-1]  # a first row may be the header
            continue
        content = start
        for marker in (_QUOTE, _ITEM):
            found = marker.match(masked, content, end)
            if found:
                chars[content : found.end()] = " " * (found.end() - content)
                content = found.end()
                if marker is _ITEM:
                    open_block = None
        if open_block is None:
            open_block = _Block(start, end, analysis)
            run_in = _RUN_IN.match(masked, content, end)
            if run_in:
                open_block.lead = _joined_lead(chars, run_in)
            blocks.append(open_block)
        open_block.end = end
    for block in blocks:
        alone = block.lead >= 0 and not "".join(chars[block.lead : block.end]).strip()
        if alone and not any(block.start <= at < block.lead for at in calls):  # a heading
            chars[block.start : block.lead] = " " * (block.lead - block.start)
            block.lead = -1
    return "".join(chars), blocks


def _joined_lead(chars: list[str], lead: re.Match[str]) -> int:
    """A bold run-in lead ("**Visitors doubled.** More came…") read as the start of the
    sentence it leads, which must then cite for both: its emphasis blanked, its full stop a
    colon. Only a lead that is its whole paragraph and cites nothing is a heading (blanked once
    its block is known). Returns where the lead ends."""
    opening, end = lead.end() - len(lead[0].lstrip(" \t")), lead.end()
    chars[opening : opening + 2] = chars[end - 2 : end] = "  "
    if chars[end - 3] in ".!?":
        chars[end - 3] = ":"
    return end
