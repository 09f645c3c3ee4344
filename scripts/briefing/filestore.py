"""Site data files that come out the same build after build are hard-linked from the cache.

MkDocs empties the site folder before every build, so each build deletes the last one's files
and makes them again. On ext4 without a journal (how this project's machines mount it) each new
file scans past the inodes recently deleted near it, and that scan, not the writing, was most
of the system time of a build at scale; the data downloads (three per chart) are a third of the
site's files. A hard link makes no inode and copies no bytes, and deleting it frees none.

So the data files (each chart's CSV, JSON and PNG, the facts as CSV and JSON, the Vega bundle)
are links to a store of files named by the sha256 of their bytes. A linked file shares its
bytes with the store and with every site built from it, so the store never writes into a file
that exists: a new entry is a new file, renamed into place, and a site file is unlinked before
it is placed. A hand edit of a site file edits its entry too; every build compares an entry
with the bytes it must hold before linking it, and replaces one that differs. Where no link can
be made (another file system, one without links) the bytes are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from pathlib import Path

_ENTRY = re.compile(r"[0-9a-f]{64}")


class FileStore:
    """A folder of files named by the sha256 of their bytes, each written once and dropped when
    a build no longer uses it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()  # entries placed since the last prune

    def place(self, data: bytes, dest: Path) -> None:
        """``data`` at ``dest``, linked to its entry, which is written first when it is missing
        or does not hold ``data``. When the store cannot be written, no link can be made, or
        another build pruned the entry meanwhile, ``data`` is written to ``dest``."""
        name = hashlib.sha256(data).hexdigest()
        self.used.add(name)
        entry = self.folder / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.unlink(missing_ok=True)  # a dirty build's file may be another site's too
        try:
            if not _holds(entry, data):
                self._write(entry, data)
            os.link(entry, dest)
        except OSError:
            dest.write_bytes(data)

    def _write(self, entry: Path, data: bytes) -> None:
        """A new file renamed over ``entry``: a site linked to the old one keeps it as it is."""
        self.folder.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise

    def prune(self) -> None:
        """Drop the entries nothing was placed from since the last prune: the store holds one
        build's files, not every version ever built. A site already built keeps its links; an
        entry that cannot be removed stays (the next build may use it or try again)."""
        try:
            names = [p.name for p in self.folder.iterdir()]
        except OSError:
            names = []
        for name in names:
            if _ENTRY.fullmatch(name) and name not in self.used:
                with contextlib.suppress(OSError):
                    (self.folder / name).unlink()
        self.used.clear()


def _holds(entry: Path, data: bytes) -> bool:
    try:
        return entry.stat().st_size == len(data) and entry.read_bytes() == data
    except OSError:
        return False
