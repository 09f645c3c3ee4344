"""Reading a PDF back as a reader sees it: each page's text, the text between its running
header and footer (by position on the page), bookmarks, and how much of a page is inked."""

from __future__ import annotations

import hashlib
import io
import re
import subprocess
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from PIL import Image
from pypdf import PageObject, PdfReader
from pypdf.generic import Destination

HEADER_PT = 24 / 25.4 * 72  # the page's top margin, where the running header sits
FOOTER_PT = 22 / 25.4 * 72


def norm(text: str) -> str:
    """Text as compared: whitespace collapsed, no break kept after a hyphen or slash."""
    return re.sub(r"(?<=[-–/]) ", "", re.sub(r"\s+", " ", text)).strip()


@dataclass
class Pdf:
    """A PDF read back: each page's whole text, and its text between header and footer."""

    reader: PdfReader
    pages: list[str]
    bodies: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.pages)

    def page_of(self, destination: Destination | str) -> int:
        """The 1-based page a bookmark or named destination points to."""
        if isinstance(destination, str):
            destination = self.reader.named_destinations[destination]
        return self.reader.get_destination_page_number(destination) + 1


def page_texts(page: PageObject) -> tuple[str, str]:
    """A page's whole text, and its text between its running header and its footer (by
    position), from one pass of pypdf's extraction: the visitor only watches it."""
    top = float(page.mediabox.height) - HEADER_PT
    parts: list[str] = []

    def keep(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        if FOOTER_PT < y < top:
            parts.append(text)

    whole = page.extract_text(visitor_text=keep)
    return norm(whole), norm(" ".join(parts))


_READ: dict[str, Pdf] = {}  # by the file's bytes: the real PDFs are read by many tests


def read_pdf(path: Path) -> Pdf:
    """The PDF at ``path``, read once a test process for the same bytes (pypdf takes about
    a fifth of a second a page)."""
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest not in _READ:
        reader = PdfReader(io.BytesIO(data))
        texts = [page_texts(page) for page in reader.pages]
        _READ[digest] = Pdf(reader, [whole for whole, _ in texts], [body for _, body in texts])
    return _READ[digest]


def outline(pdf: Pdf) -> list[tuple[int, str, int]]:
    """Every bookmark as (level, title, page)."""
    found: list[tuple[int, str, int]] = []

    def walk(items: list[object], level: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, level + 1)
            else:
                assert isinstance(item, Destination)
                found.append((level, str(item.title), pdf.page_of(item)))

    walk(pdf.reader.outline, 1)
    return found


def ink(pdf_path: Path, page: int, tmp_path: Path) -> float:
    """The share of a page, drawn by pdftoppm, that is not white."""
    prefix = tmp_path / f"{pdf_path.stem}-{page}"
    subprocess.run(
        ["pdftoppm", "-png", "-r", "30", "-f", str(page), "-l", str(page), "-singlefile",
         str(pdf_path), str(prefix)],
        check=True,
    )  # fmt: skip
    with Image.open(prefix.with_suffix(".png")) as image:
        grey = image.convert("L")
        histogram = grey.histogram()
        return 1 - sum(histogram[245:]) / (grey.width * grey.height)


def _lines(pdf_path: Path) -> list[list[tuple[float, float, str]]]:
    """Each page's lines of text as (top, bottom, text), read by pdftotext's layout."""
    layout = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf_path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = []
    for page in layout.split("<page ")[1:]:
        found = []
        for line in re.findall(
            r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</line>',
            page,
            re.S,
        ):
            words = " ".join(re.findall(r">([^<]*)</word>", line[2]))
            found.append((float(line[0]), float(line[1]), unescape(words)))
        pages.append(found)
    return pages


def notes_share(pdf_path: Path, pdf: Pdf) -> float:
    """The pages a PDF's chapter notes take, as a share of its pages: in each chapter (a level-1
    bookmark to the next), from its "Notes" heading to the foot of the chapter's text, each page
    counted by the height of the text it holds between its running header and footer."""
    lines = _lines(pdf_path)
    height = float(pdf.reader.pages[0].mediabox.height)
    usable = height - HEADER_PT - FOOTER_PT
    starts = sorted({page for level, _, page in outline(pdf) if level == 1})
    taken = 0.0
    for first, after in zip(starts, [*starts[1:], len(lines) + 1], strict=True):
        in_notes = False
        for number in range(first, after):
            body = [(top, bottom) for top, bottom, text in lines[number - 1]
                    if top > HEADER_PT and bottom < height - FOOTER_PT]  # fmt: skip
            label = [top for top, _, text in lines[number - 1] if text == "Notes"]
            if not in_notes and not label:
                continue
            top = label[0] if not in_notes else min(top for top, _ in body)
            in_notes = True
            taken += (max(bottom for _, bottom in body) - top) / usable
    return taken / len(lines)
