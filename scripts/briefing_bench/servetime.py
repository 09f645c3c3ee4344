"""How long `mkdocs serve` takes to show an edited fact: what an editor waits for after a save.

The bench starts a real `mkdocs serve` on the loopback address, waits for the page that cites
a fact, edits that fact's subject (shown in the number's card) and fetches the page until the
edit is there, then puts the file back; a few times over, as one sample wanders. MkDocs holds
back a page while it rebuilds, so the first page that carries the edit is the one a browser's
live reload would show. Every wait is bounded.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from briefing.facts.model import Fact
from briefing.render.urls import SiteUrls

MARKER = " (edited by the bench)"
_SUBJECT = re.compile(r"^(\s*-?\s*subject:\s*)(.*?)\s*$")
START_S, RELOAD_S, POLL_S = 180.0, 60.0, 0.02


def edit_subject(project: Path, fact: Fact) -> None:
    """Append MARKER to the fact's subject in its file (inside the quotes if it has them)."""
    path = project / fact.path
    lines = path.read_text("utf-8").splitlines(keepends=True)
    for number in range(fact.line - 1, len(lines)):
        match = _SUBJECT.match(lines[number])
        if match and (number == fact.line - 1 or not lines[number].lstrip().startswith("- ")):
            value = match[2]
            if value[:1] in "'\"" and value[-1:] == value[:1]:
                value = value[:-1] + MARKER + value[-1]
            else:
                value += MARKER
            lines[number] = f"{match[1]}{value}\n"
            path.write_text("".join(lines), "utf-8")
            return
    raise RuntimeError(f"{fact.path}:{fact.line}: no subject found to edit for {fact.id}")


@contextmanager
def subject_edited(project: Path, fact: Fact) -> Iterator[None]:
    """The fact's subject edited while the block runs, then its file as it was."""
    path = project / fact.path
    original = path.read_bytes()
    edit_subject(project, fact)
    try:
        yield
    finally:
        path.write_bytes(original)


def cited_fact(project: Path, facts: dict[str, Fact]) -> tuple[Fact, str]:
    """A fact cited on a chapter, and that chapter's path under docs/."""
    call = re.compile(r"fact\(\s*\"([^\"]+)\"")
    for page in sorted((project / "docs").rglob("*.md")):
        for fid in call.findall(page.read_text("utf-8")):
            if fid in facts:
                return facts[fid], page.relative_to(project / "docs").as_posix()
    raise RuntimeError(f"no chapter under {project / 'docs'} cites a fact")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=RELOAD_S) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _until(check: Callable[[], str | None], limit: float, what: str) -> str:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        body = check()
        if body is not None:
            return body
        time.sleep(POLL_S)
    raise RuntimeError(f"mkdocs serve: {what} not seen within {limit:.0f} s")


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """A real `mkdocs serve` of ``project`` on the loopback address while the block runs; its
    base URL, once the first build is served."""
    url = f"http://127.0.0.1:{_free_port()}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", url.removeprefix("http://").rstrip("/")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until(lambda: _fetch(url), START_S, f"the first build of {url}")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def served_with(url: str, text: str, present: bool = True) -> str:
    """The page at ``url`` once it holds ``text`` (or, with ``present`` false, once it does
    not), fetched again until then, for at most RELOAD_S seconds."""
    return _until(
        lambda: body if (body := _fetch(url)) and (text in body) == present else None,
        RELOAD_S,
        f"{url} {'with' if present else 'without'} {text!r}",
    )


def reload_seconds(project: Path, facts: dict[str, Fact], times: int = 1) -> list[float]:
    """Seconds from saving an edited fact to `mkdocs serve` serving the page with the edit,
    ``times`` over with one server: after each, the file is put back and the page seen as it
    was before the next edit. The file is as it was when this returns."""
    fact, page = cited_fact(project, facts)
    seconds: list[float] = []
    with serving(project) as base:
        url = base + SiteUrls().page(page)
        for _ in range(times):
            time.sleep(1.0)  # let the file watcher take a look at every file as it is
            with subject_edited(project, fact):
                start = time.perf_counter()
                served_with(url, MARKER)
                seconds.append(time.perf_counter() - start)
            served_with(url, MARKER, present=False)
    return seconds
