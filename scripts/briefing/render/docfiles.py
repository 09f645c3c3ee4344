"""Which files of docs/ may be published as they are: those no browser runs as code or style.

MkDocs copies every file of docs/ but the pages into the site, where it is the site's own
(``'self'`` in the policy). A browser opens an HTML, SVG or XML file as a document with
scripts of its own, and runs a file a page names in ``<script src>`` whatever its type (a
.txt, .json, .pdf or font as readily as a .js), except an image, audio, video or CSV, which
it refuses to run; a ``<link rel=stylesheet>`` applies a CSS file. So docs/ may hold those
inert types only, and the site's own code: the scripts and style sheets mkdocs.yml lists
under extra_javascript and extra_css, which are the project's, as mkdocs.yml is.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from pathlib import PurePosixPath

from briefing.problems import Problem

PAGE = ".md"
IMAGES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp", ".ico")
MEDIA = (".mp3", ".m4a", ".ogg", ".oga", ".opus", ".wav", ".flac", ".mp4", ".m4v", ".webm",
         ".ogv", ".mov")  # fmt: skip
INERT = frozenset((PAGE, *IMAGES, ".csv", *MEDIA))


def code_files(src_uris: Iterable[str], own: Collection[str], docs: str) -> list[Problem]:
    """A problem for each of ``src_uris`` (files of the folder ``docs``, as MkDocs names them)
    that a browser could run or apply, unless ``own`` (extra_javascript, extra_css) lists it."""
    found = []
    for uri in sorted(src_uris):
        suffix = PurePosixPath(uri).suffix.lower()
        if suffix in INERT or uri in own:
            continue
        kind = f"a {suffix} file" if suffix else "a file without an extension"
        found.append(
            Problem(
                f"{docs}/{uri}",
                1,
                f"{kind} in {docs}/ is published as the site's own, and a browser may run it as "
                f"code or style; remove it ({docs}/ holds pages in Markdown, images "
                f"({', '.join(IMAGES[:5])}), CSV, audio and video), or, if it is the site's own "
                "script or style sheet, list it under extra_javascript or extra_css in mkdocs.yml",
            )
        )
    return found
