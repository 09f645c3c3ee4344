"""Site data files that come out the same build after build are hard-linked from the cache.

MkDocs empties the site folder before every build, so each build deletes the last one's files
and makes them again. On ext4 without a journal (how this project's machines mount it) each new
file scans past the inodes recently deleted near it, and that scan, not the writing, was most
of the system time of a build at scale; the data downloads (three per chart) are a third of the
site's files. A hard link makes no inode and copies no bytes, and deleting it frees none.

So the data files (each chart's CSV, JSON and PNG, the facts as CSV and JSON, the Vega bundle)
are links to a store of files named by the sha256 of their bytes. A linked file shares its
bytes with the store, so a hand edit of a file in the site would change the entry too: every
build compares an entry with the bytes it must hold before linking it, and an entry that
differs is replaced by a new file (the edited one stays with the old site only). Where no link
can be made (another file system, one without links) the file is copied.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path


def place(source: Path, dest: Path) -> None:
    """``dest`` as a hard link to ``source``, or a copy where the file system makes no link;
    a file already at ``dest`` (a dirty build) is replaced."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, dest)
    except FileExistsError:
        dest.unlink()
        place(source, dest)
    except FileNotFoundError:
        raise  # no source: nothing to copy either
    except OSError:  # another device, or no links here: the bytes, as MkDocs would copy them
        shutil.copyfile(source, dest)


class FileStore:
    """A folder of files named by the sha256 of their bytes, each written once and dropped when
    a build no longer uses it."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()  # entries placed since the last prune

    def place(self, data: bytes, dest: Path) -> None:
        """``data`` at ``dest``, linked to its entry, which is written first when it is missing
        or does not hold ``data``; when the store cannot be written, ``data`` is written."""
        name = hashlib.sha256(data).hexdigest()
        self.used.add(name)
        entry = self.folder / name
        try:
            if not _holds(entry, data):
                self.folder.mkdir(parents=True, exist_ok=True)
                tmp = entry.with_suffix(f".{os.getpid()}.tmp")
                tmp.write_bytes(data)
                tmp.replace(entry)  # a new file: a site linked to the old one keeps it
            place(entry, dest)
        except OSError:  # a read-only cache, or an entry another build pruned meanwhile
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.unlink(missing_ok=True)
            dest.write_bytes(data)

    def prune(self) -> None:
        """Drop the entries nothing was placed from since the last prune: the store holds one
        build's files, not every version ever built. A site already built keeps its links."""
        try:
            entries = list(self.folder.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name not in self.used:
                entry.unlink(missing_ok=True)
        self.used.clear()


def _holds(entry: Path, data: bytes) -> bool:
    try:
        return entry.stat().st_size == len(data) and entry.read_bytes() == data
    except OSError:
        return False
