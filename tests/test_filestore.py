"""The file store links site data files to entries named by their bytes: the right bytes
always, whatever was done to a site built before, and a plain copy where no link can be made."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from briefing.filestore import FileStore

DATA = b"id,value\nmarket.production.2024,31.28\n"


def test_a_placed_file_is_a_link_to_one_entry_per_content(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    store.place(DATA, tmp_path / "one" / "facts.csv")
    store.place(DATA, tmp_path / "two" / "facts.csv")
    [entry] = (tmp_path / "store").iterdir()
    assert entry.read_bytes() == DATA
    for site in ("one", "two"):
        assert (tmp_path / site / "facts.csv").samefile(entry)


def test_a_file_edited_in_a_built_site_is_not_placed_again(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    old = tmp_path / "old" / "facts.csv"
    store.place(DATA, old)
    with old.open("r+b") as edited:  # in place, as an editor's save may: the entry changes too
        edited.write(b"ID")
    store.place(DATA, tmp_path / "new" / "facts.csv")
    assert (tmp_path / "new" / "facts.csv").read_bytes() == DATA
    assert old.read_bytes().startswith(b"ID,value")  # the old site keeps what was done to it
    [entry] = (tmp_path / "store").iterdir()
    assert entry.read_bytes() == DATA


def test_where_no_link_can_be_made_the_file_is_copied(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_link(source: object, dest: object) -> None:
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_link)
    store = FileStore(tmp_path / "store")
    store.place(DATA, tmp_path / "site" / "facts.csv")
    placed = tmp_path / "site" / "facts.csv"
    assert placed.read_bytes() == DATA
    assert not placed.samefile(tmp_path / "store" / next((tmp_path / "store").iterdir()).name)


def test_an_unwritable_store_costs_only_the_link(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("a file where the folder should be", "utf-8")
    FileStore(tmp_path / "store").place(DATA, tmp_path / "site" / "facts.csv")
    assert (tmp_path / "site" / "facts.csv").read_bytes() == DATA


def test_a_dirty_build_replaces_the_file_there(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    placed = tmp_path / "site" / "facts.csv"
    store.place(b"before\n", placed)
    store.place(DATA, placed)
    assert placed.read_bytes() == DATA


def test_prune_keeps_what_was_placed_since_the_last_prune(tmp_path: Path) -> None:
    store = FileStore(tmp_path / "store")
    store.place(b"first build\n", tmp_path / "first" / "facts.csv")
    store.prune()
    store.place(DATA, tmp_path / "second" / "facts.csv")
    store.prune()
    [entry] = (tmp_path / "store").iterdir()
    assert entry.read_bytes() == DATA
    assert (tmp_path / "first" / "facts.csv").read_bytes() == b"first build\n"
