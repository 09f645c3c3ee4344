"""The site folder a build replaces: which folders may be replaced, and how, without loss.

A build writes into a staging folder beside the site folder and swaps it in only once it has
succeeded, so a failed, interrupted or killed build leaves the previous site as it was. A
finished build carries a marker file; a folder that is not empty and has none is not a site
and is never replaced, nor is one that holds (or is inside) the project's inputs. A staging
folder is locked while its build runs: one whose lock is free was left by a killed build, and
the next build beside it removes it. The lock is a file beside the folder (``NAME.lock``), held
with ``flock`` on POSIX and ``msvcrt.locking`` on Windows: a lock the system drops when the
process dies, however it dies, and a file outside the folder, which Windows could not rename
while a file in it is open.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from briefing.paths import Paths, umask

MARKER = ".briefing-site"  # in every finished build: the folder may be replaced
MARKER_TEXT = "Built by briefing; the next build replaces this folder and everything in it.\n"
STAGING = ".briefing-staging-"
OLD = ".briefing-old-"
LOCK = ".lock"  # the suffix of a staging folder's lock file, beside it

if sys.platform == "win32":
    import msvcrt

    def _take(handle: int) -> bool:
        """Lock the first byte of ``handle``'s file, or say that another process holds it."""
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

else:
    import fcntl

    def _take(handle: int) -> bool:
        """Lock ``handle``'s file, or say that another process holds it."""
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


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
        if path.name.startswith(STAGING) and not path.name.endswith(LOCK):
            if not _locked(path):
                shutil.rmtree(path, ignore_errors=True)
                _lock_file(path).unlink(missing_ok=True)
        elif path.name.startswith(STAGING):
            folder = path.with_name(path.name.removesuffix(LOCK))
            if not folder.exists() and not _locked(folder):
                path.unlink(missing_ok=True)  # a lock left behind by a killed build
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
        self._lock: int | None = os.open(_lock_file(self.folder), os.O_RDWR | os.O_CREAT, 0o600)
        if not _take(self._lock):
            raise RuntimeError(f"{_lock_file(self.folder)} is held by another process")

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
            _lock_file(self.folder).unlink(missing_ok=True)


def _lock_file(folder: Path) -> Path:
    return folder.with_name(folder.name + LOCK)


def _locked(folder: Path) -> bool:
    """Whether a running build holds ``folder``'s lock."""
    try:
        handle = os.open(_lock_file(folder), os.O_RDWR)
    except OSError:
        return False  # no lock file: no build made this folder, or it has ended
    try:
        return not _take(handle)
    finally:
        os.close(handle)  # closing releases a lock just taken
