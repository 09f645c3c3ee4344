"""A Content-Security-Policy for every built page, as strict as the site allows.

Everything the site loads is its own (``'self'``): no remote origin is allowed. Inline code is
allowed only by hash, computed from the finished page: Material inlines a few small scripts
in every page (its storage helpers and palette switch), and source pages carry a ``<style>``
of one rule per quoted fact. No ``'unsafe-inline'``, no ``'unsafe-eval'`` (charts.js has Vega
interpret its expressions instead of compiling them). ``data:`` images are Material's icons,
drawn in its CSS as SVG data URLs. The policy is a ``<meta>`` placed right after
``<meta charset>``, before any script, so it covers the whole page.
"""

from __future__ import annotations

import base64
import hashlib
import re

# The body up to the first end tag, as a loop over runs without "<" rather than a lazy ``.*?``,
# which tries the end tag at every character (half the time on a typical page); possessive, so
# an unclosed tag is not backtracked through.
_INLINE = re.compile(
    r"<(script|style)\b([^>]*)>([^<]*+(?:<(?!/\1\s*>)[^<]*+)*+)</\1\s*>", re.S | re.I
)
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCRIPT_TYPES = {"", "text/javascript", "module", "application/javascript"}  # run by a browser


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_hashes(html: str) -> tuple[list[str], list[str]]:
    """The hashes of the inline scripts a browser would run, and of the inline styles."""
    scripts: list[str] = []
    styles: list[str] = []
    for match in _INLINE.finditer(html):
        tag, attrs, body = match.group(1).lower(), match.group(2), match.group(3)
        if tag == "style":
            styles.append(_hash(body))
            continue
        kind = _TYPE.search(attrs)
        if "src=" not in attrs.lower() and (kind.group(1).lower() if kind else "") in _SCRIPT_TYPES:
            scripts.append(_hash(body))
    return sorted(set(scripts)), sorted(set(styles))


def policy(html: str) -> str:
    """The policy for one finished page."""
    scripts, styles = inline_hashes(html)
    return "; ".join(
        [
            "default-src 'self'",
            " ".join(["script-src 'self'", *scripts]),
            " ".join(["style-src 'self'", *styles]),
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(html: str) -> str:
    """``html`` with its Content-Security-Policy ``<meta>`` right after ``<meta charset>``
    (or first in ``<head>``); unchanged when it has neither."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    found = _CHARSET.search(html)
    if found:
        return f"{html[: found.end()]}\n{tag}{html[found.end() :]}"
    at = html.find("<head>")
    return html if at < 0 else f"{html[: at + 6]}\n{tag}{html[at + 6 :]}"
