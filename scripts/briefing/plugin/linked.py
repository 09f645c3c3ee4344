"""Data files MkDocs puts in the site as links into the file store (see briefing.filestore).

MkDocs places a file through ``File.copy_file``, so a file that overrides it is placed by the
store instead: linked, not copied or written. A ``--dirty`` build skips a file MkDocs finds
unmodified, as it does for any other.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from briefing.filestore import FileStore


class StoredFile(File):
    """A site file placed by ``store``: linked to the entry of its bytes, not written."""

    store: FileStore

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        self.store.place(self.content_bytes, Path(self.abs_dest_path))


def stored(
    config: MkDocsConfig, src_uri: str, store: FileStore, content: str | bytes | Path
) -> File:
    """The site file ``src_uri`` holding ``content`` (or a file's bytes, read when placed)."""
    if isinstance(content, Path):
        file = StoredFile.generated(config, src_uri, abs_src_path=str(content))
    else:
        file = StoredFile.generated(config, src_uri, content=content)
    assert isinstance(file, StoredFile)
    file.store = store
    return file
