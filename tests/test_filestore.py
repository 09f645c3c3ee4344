"""The file store links site data files to entries named by their bytes: the right bytes
always, whatever was done to a site built before, and never a write into a file that another
site may share."""

from __future__ import annotations

import errno
import hashlib
import os
import time
from pathlib import Path

import pytest

from briefing.filestore import FileStore

DATA = b"id,value\nmarket.production.2024,31.28\n"


def entries(store: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in store.iterdir()}


def test_a_placed_file_is_a_link_to_one_entry_per_content(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    store.place(DATA, tmp_path / "one" / "facts.csv")
    store.place(DATA, tmp_path / "two" / "facts.csv")
    [entry] = (tmp_path / "store").iterdir()
    assert entry.read_bytes() == DATA
    for site in ("one", "two"):
        assert (tmp_path / site / "facts.csv").samefile(entry)


def test_a_placed_file_can_be_read_as_any_file_written_here(tmp_path: Path) -> None:
    written = tmp_path / "written.csv"
    written.write_bytes(DATA)
    entry = tmp_path / "store" / hashlib.sha256(DATA).hexdigest()
    entry.parent.mkdir()
    entry.write_bytes(DATA)
    entry.chmod(0o600)  # the right bytes, but no one else may read them
    placed = tmp_path / "site" / "facts.csv"
    FileStore(tmp_path / "store").place(DATA, placed)
    assert placed.read_bytes() == DATA
    assert placed.stat().st_mode == written.stat().st_mode


def test_a_file_edited_in_a_built_site_is_not_placed_again(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    old = tmp_path / "old" / "facts.csv"
    store.place(DATA, old)
    with old.open("r+b") as edited:  # in place, as an editor's save may: the entry changes too
        edited.write(b"ID")
    store.place(DATA, tmp_path / "new" / "facts.csv")
    assert (tmp_path / "new" / "facts.csv").read_bytes() == DATA
    assert old.read_bytes().startswith(b"ID,value")  # the old site keeps what was done to it
    assert list(entries(tmp_path / "store").values()) == [DATA]


def test_placing_over_a_file_leaves_the_sites_sharing_it_alone(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    dirty, other = tmp_path / "dirty" / "facts.csv", tmp_path / "other" / "facts.csv"
    store.place(b"before\n", dirty)
    store.place(b"before\n", other)
    store.place(DATA, dirty)  # a dirty build: the file is there, linked to the old entry
    assert dirty.read_bytes() == DATA
    assert dirty.stat().st_nlink == 2  # linked to the new entry, not written
    assert other.read_bytes() == b"before\n"
    assert sorted(entries(tmp_path / "store").values()) == [b"before\n", DATA]


@pytest.mark.parametrize("failing", ["link", "entry pruned meanwhile"])
def test_where_no_link_can_be_made_the_bytes_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    link = os.link

    def no_link(source: Path, dest: Path) -> None:
        if failing == "link":
            raise OSError(errno.EXDEV, "Invalid cross-device link")
        Path(source).unlink()  # another build's prune, between the check and the link
        link(source, dest)

    monkeypatch.setattr(os, "link", no_link)
    placed = tmp_path / "site" / "facts.csv"
    FileStore(tmp_path / "store").place(DATA, placed)
    assert placed.read_bytes() == DATA
    assert placed.stat().st_nlink == 1


def test_an_unwritable_store_costs_only_the_link(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("a file where the folder should be", "utf-8")
    store = FileStore(tmp_path / "store")
    store.place(DATA, tmp_path / "site" / "facts.csv")
    store.prune()
    assert (tmp_path / "site" / "facts.csv").read_bytes() == DATA


def test_prune_keeps_what_was_placed_since_the_last_prune(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    store.place(b"first build\n", tmp_path / "first" / "facts.csv")
    store.prune()
    stuck = tmp_path / "store" / ("0" * 64)
    stuck.mkdir()  # named as an entry, but it cannot be removed as a file
    (tmp_path / "store" / "notes.txt").write_text("not the store's", "utf-8")
    killed, writing = tmp_path / "store" / "killed.tmp", tmp_path / "store" / "writing.tmp"
    killed.write_bytes(b"half")
    writing.write_bytes(b"half")
    os.utime(killed, (time.time() - 7200, time.time() - 7200))  # a build killed hours ago
    store.place(DATA, tmp_path / "second" / "facts.csv")
    store.prune()
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == sorted(
        ["0" * 64, "notes.txt", "writing.tmp", hashlib.sha256(DATA).hexdigest()]
    )
    assert (tmp_path / "first" / "facts.csv").read_bytes() == b"first build\n"
