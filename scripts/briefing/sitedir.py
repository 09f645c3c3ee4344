"""The site folder a build replaces: which folders may be replaced, and how, without loss.

A build writes into a staging folder beside the site folder and swaps it in only once it has
succeeded, so a failed, interrupted or killed build leaves the previous site as it was. A
finished build carries a marker file; a folder that is not empty and has none is not a site
and is never replaced, nor is one that holds (or is inside) the project's inputs. A staging
folder is locked while its build runs: one whose lock is free was left by a killed build, and
the next build beside it removes it.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

from briefing.paths import Paths, umask

MARKER = ".briefing-site"  # in every finished build: the folder may be replaced
MARKER_TEXT = "Built by briefing; the next build replaces this folder and everything in it.\n"
STAGING = ".briefing-staging-"
OLD = ".briefing-old-"


def refusal(site: Path, project: Path, inputs: Mapping[str, Path]) -> str | None:
    """Why ``site`` must not be replaced by a build, or None when it may be.

    ``project`` is the folder of mkdocs.yml, which a site may be inside; ``inputs`` names the
    project's other folders (by what each holds, as a reader would say it), which it may not.
    """
    site = site.resolve()
    for what, folder in {"the project (mkdocs.yml)": project, **inputs}.items():
        folder = folder.resolve()
        if site == folder or site in folder.parents:
            return f"it holds {what}, which a build would delete; choose a folder of its own"
        if folder in site.parents and folder != project.resolve():
            return f"it is inside {what}; choose a folder of its own, outside it"
    if site.exists() and not site.is_dir():
        return "it is not a folder; choose a folder of its own"
    if site.is_dir() and any(site.iterdir()) and not (site / MARKER).is_file():
        return (
            f"it is not empty and holds no earlier build (no {MARKER} file); "
            "empty it, or choose another folder"
        )
    return None


def site_inputs(paths: Paths) -> dict[str, Path]:
    """The project's folders a site folder must keep clear of, by what each holds."""
    return {
        "the pages (docs_dir)": paths.docs_dir,
        "the facts (facts_dir)": paths.facts_dir,
        "the archived sources (seeds_dir)": paths.seeds_dir,
        "the cache (cache_dir)": paths.cache_dir,
    }


def mark(site: Path) -> None:
    """Say that ``site`` holds a build, which the next build may replace."""
    site.mkdir(parents=True, exist_ok=True)
    (site / MARKER).write_text(MARKER_TEXT, "utf-8")


def sweep(site: Path) -> None:
    """Remove what killed builds left beside ``site``: unlocked staging folders, and a previous
    site moved aside by a swap that did not finish (put back when the site is missing)."""
    site = site.resolve()
    parent = site.parent
    if not parent.is_dir():
        return
    for path in sorted(parent.iterdir()):
        if path.name.startswith(STAGING) and not _locked(path):
            shutil.rmtree(path, ignore_errors=True)
        elif path.name.startswith(f"{OLD}{site.name}-"):
            if site.exists():
                shutil.rmtree(path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    path.rename(site)


class Staging:
    """A locked folder beside the site that a build writes into, then swaps in or throws away."""

    def __init__(self, site: Path) -> None:
        self.site = site.resolve()  # a link to the site folder stays a link to the new site
        self.site.parent.mkdir(parents=True, exist_ok=True)
        sweep(self.site)
        self.folder = Path(tempfile.mkdtemp(prefix=STAGING, dir=self.site.parent))
        self.folder.chmod(0o777 & ~umask())  # mkdtemp's is 0o700: a web server could not read it
        self._lock: int | None = os.open(self.folder, os.O_RDONLY)
        fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def publish(self) -> None:
        """Mark the finished build and put it in place of the site (if the new one cannot be put
        in place, the previous one is put back and the error raised)."""
        mark(self.folder)
        old = self.site.with_name(f"{OLD}{self.site.name}-{self.folder.name.removeprefix(STAGING)}")
        try:
            if self.site.exists():
                self.site.rename(old)
            self.folder.rename(self.site)
        finally:
            if old.exists() and not self.site.exists():
                old.rename(self.site)
            self.discard()
        shutil.rmtree(old, ignore_errors=True)

    def discard(self) -> None:
        """Throw the staging folder away (nothing, once published) and release its lock."""
        shutil.rmtree(self.folder, ignore_errors=True)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _locked(folder: Path) -> bool:
    """Whether a running build holds ``folder``'s lock."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    finally:
        with contextlib.suppress(OSError):
            os.close(handle)
    return False
