"""PDFs kept under a key of everything they are drawn from, so an unchanged one is not drawn.

Drawing the full briefing takes WeasyPrint seconds; a warm build whose chapters did not change
copies the PDF it drew before. The key hashes the print HTML (chapters, cover and the print
style sheet, which the HTML carries), the bytes of every file it links (images in the site),
the bytes of every font fontconfig offers WeasyPrint (a font that is swapped, added or removed
may change the glyphs or the fallback), this package's code and the versions of WeasyPrint and
the libraries it writes with. Contents only, never times: a touched file keeps its PDF, an
edited one does not. When the fonts cannot be listed the key is new every build, so a PDF is
drawn again rather than reused stale.

Kept PDFs live under the project's cache (``pdf/``), one per briefing file, written whole and
renamed into place; the site gets a copy, never a link, so nothing in the site folder shares
its bytes with the cache.
"""

from __future__ import annotations

import hashlib
import re
import secrets
import subprocess
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote, urlsplit

from briefing.buildcache import code_digest, key
from briefing.paths import write_whole

# What draws and writes the PDF besides this package (whose code every key holds).
LIBRARIES = (
    "weasyprint",
    "pydyf",
    "fonttools",
    "tinyhtml5",
    "tinycss2",
    "cssselect2",
    "pillow",
)
_LINKED = re.compile(r'\b(?:src|href)="(?![a-z][a-z0-9+.-]*:|#)([^"]+)"|url\(\s*"?([^")]+)')
_FONT_LIST = ("fc-list", "--format", "%{file}\t%{index}\t%{family}\t%{style}\n")


def font_digest() -> str:
    """The sha256 of every font fontconfig lists (its path, face, names and bytes): what
    WeasyPrint may set text in, fallbacks included. A random value when fontconfig cannot say,
    so that nothing is reused on a guess."""
    try:
        listed = subprocess.run(
            _FONT_LIST, capture_output=True, text=True, check=True, timeout=60
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return secrets.token_hex(16)
    lines = sorted(set(listed.splitlines()))
    digest = hashlib.sha256("\n".join(lines).encode())
    for file in sorted({line.split("\t", 1)[0] for line in lines}):
        try:
            with open(file, "rb") as handle:
                digest.update(hashlib.file_digest(handle, "sha256").digest())
        except OSError:
            digest.update(b"unreadable")
    return digest.hexdigest()


def fonts_soon() -> Future[str]:
    """``font_digest`` worked out in a thread (hashing releases the interpreter lock), so it
    overlaps the rest of the build."""
    pool = ThreadPoolExecutor(max_workers=1)
    try:
        return pool.submit(font_digest)
    finally:
        pool.shutdown(wait=False)


def linked_digest(html: str, base: Path) -> str:
    """The sha256 of the files the HTML links to relative to ``base`` (images, style sheets);
    a missing file counts as missing, so it appearing changes the key."""
    digest = hashlib.sha256()
    for found in sorted({a or b for a, b in _LINKED.findall(html)}):
        path = base / unquote(urlsplit(found.strip()).path)
        try:
            content = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "-"
        except OSError:
            content = "-"
        digest.update(f"{found}\0{content}\n".encode())
    return digest.hexdigest()


_DRAWING = code_digest((), LIBRARIES)


def pdf_key(html: str, base: Path, fonts: str) -> str:
    """Everything a PDF is drawn from, hashed (see the module's docstring)."""
    page = hashlib.sha256(html.encode()).hexdigest()
    return key("pdf", _DRAWING, page, linked_digest(html, base), fonts)


class KeptPdfs:
    """One PDF per briefing file in ``folder``, each named by its briefing and its key."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, file: str, pdf_key: str) -> Path:
        slot = hashlib.sha256(file.encode()).hexdigest()[:16]
        return self.folder / f"{slot}-{pdf_key[:40]}.pdf"

    def copy_to(self, file: str, pdf_key: str, target: Path) -> bool:
        """Write the PDF kept under ``pdf_key`` to ``target``; False when none is kept."""
        try:
            data = self.path(file, pdf_key).read_bytes()
        except OSError:
            return False
        write_whole(target, data)
        return True

    def keep(self, file: str, pdf_key: str, drawn: Path) -> None:
        """Keep a copy of ``drawn`` under its key, in place of the briefing's older one."""
        kept = self.path(file, pdf_key)
        try:
            write_whole(kept, drawn.read_bytes())
            for old in self.folder.glob(f"{kept.name[:16]}-*.pdf"):
                if old != kept:
                    old.unlink(missing_ok=True)
        except OSError:  # a read-only or full disk costs the next build, not this one
            pass
