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
with the bytes (and the mode) it must have before linking it, and replaces one that differs (a
``--dirty`` build compares only the files MkDocs places again). Where no link can be made
(another file system, one without links) the bytes are written.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import secrets
import stat
import time
from pathlib import Path

from briefing.paths import umask

_ENTRY = re.compile(r"[0-9a-f]{64}")
_STALE = 3600  # seconds after which a temporary file is a killed build's, not one in progress


class FileStore:
    """A folder of files named by the sha256 of their bytes, each written once and dropped when
    a build no longer uses it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()  # entries placed since the last prune
        self.mode = 0o666 & ~umask()  # a new file's, as MkDocs' own: a web server reads them

    def place(self, data: bytes, dest: Path) -> None:
        """``data`` at ``dest``, linked to its entry, which is written first when it is missing
        or does not hold ``data`` with a new file's mode. When the store cannot be written, no link can be made, or
        another build pruned the entry meanwhile, ``data`` is written to ``dest``."""
        name = hashlib.sha256(data).hexdigest()
        self.used.add(name)
        entry = self.folder / name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.unlink(missing_ok=True)  # a dirty build's file may be another site's too
        try:
            if not self._holds(entry, data):
                write_whole(entry, data)  # a new file: a site linked to the old one keeps it
            os.link(entry, dest)
        except OSError:
            dest.write_bytes(data)

    def prune(self) -> None:
        """Drop the entries nothing was placed from since the last prune (the store holds one
        build's files, not every version ever built; a site already built keeps its links) and
        a killed build's temporary files. What cannot be removed stays, for another try."""
        try:
            paths = list(self.folder.iterdir())
        except OSError:
            paths = []
        for path in paths:
            with contextlib.suppress(OSError):
                if self._unused(path):
                    path.unlink()
        self.used.clear()

    def _unused(self, path: Path) -> bool:
        if _ENTRY.fullmatch(path.name):
            return path.name not in self.used
        return path.suffix == ".tmp" and path.stat().st_mtime < time.time() - _STALE

    def _holds(self, entry: Path, data: bytes) -> bool:
        try:
            found = entry.stat()
            return (
                found.st_size == len(data)
                and stat.S_IMODE(found.st_mode) == self.mode
                and entry.read_bytes() == data
            )
        except OSError:
            return False


def write_whole(path: Path, data: bytes) -> None:
    """``data`` as a new file renamed over ``path``: a reader never sees half of it, a killed
    write leaves only a ``.tmp`` file, and a file linked to the old one keeps its bytes. The
    mode is a new file's (0o666 less the umask), as MkDocs gives its own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    handle = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
