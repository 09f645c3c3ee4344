"""What a warm build reuses, kept on disk under keys that name everything it was made from.

A key is a sha256 of the inputs (the bytes of every file under facts/ and seeds/, a page's own
text) and of this package's code and the versions of the libraries that shape the output, so an
edit to any of them, or an upgrade, gives a new key and nothing stale is ever reused. Each slot
(the FactBook, the generated pages, one chapter) is one file holding its key and its value,
replaced when the key changes, so the cache does not grow with every edit. A slot that cannot
be read (cut short, from another Python) is made again.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import pickle
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar, cast

from briefing.paths import write_whole

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = (
    "mkdocs",
    "mkdocs-material",
    "jinja2",
    "markupsafe",  # the escaping of every value printed
    "markdown",
    "ruamel.yaml",  # the facts as read
    "pysbd",  # the sentences a kept chapter was checked by
    "vl-convert-python",
    "altair",
    "jieba",
)
MISSING = object()  # what ``get`` returns for a slot not kept under that key
T = TypeVar("T")


def files_digest(*folders: Path) -> str:
    """The sha256 of every file's path and bytes under ``folders``, in a fixed order."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder.parent).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _version(library: str) -> str:
    """The installed version of ``library``, or "absent" (an optional one, such as jieba)."""
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "absent"


def code_digest(files: Iterable[Path], libraries: Iterable[str], *extra: str) -> str:
    """The sha256 of some code: its files' bytes and the installed versions of its libraries
    (and ``extra`` words, a version bumped by hand)."""
    digest = hashlib.sha256("\0".join(extra).encode())
    for path in sorted(files):
        digest.update(path.name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    for name in libraries:
        digest.update(f"{name}={_version(name)};".encode())
    return digest.hexdigest()


# This package (its sources, never the bytecode Python writes beside them) and the libraries
# that shape the output, as installed: part of every key.
CODE = code_digest(
    (p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts), LIBRARIES
)


def key(*parts: str) -> str:
    """A key for a value made from ``parts`` (digests, names, options) by this code."""
    return hashlib.sha256("\0".join((CODE, *parts)).encode()).hexdigest()


@contextlib.contextmanager
def cycles_paused() -> Iterator[None]:
    """No cycle collection while the block makes many objects that live on: each collection
    walks every object alive and frees nothing of them. Unpickling a FactBook of 10,000 facts
    (some 100,000 objects) takes half the time; WeasyPrint's layout of the full briefing 0.4 s
    less, for a few MB more at the peak."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _unpickled(data: bytes) -> Any:
    with cycles_paused():
        return pickle.loads(data)


class BuildCache:
    """Slots of pickled values in one folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, slot: str) -> Path:
        return self.folder / f"{hashlib.sha256(slot.encode()).hexdigest()[:24]}.pickle"

    def get(self, slot: str, key: str) -> Any:
        """The value kept in ``slot`` if it was made under ``key``, else MISSING."""
        try:
            kept_key, value = _unpickled(self._path(slot).read_bytes())
        except (
            OSError,
            EOFError,
            ValueError,
            TypeError,
            AttributeError,
            ImportError,
            pickle.PickleError,
        ):
            return MISSING  # absent, cut short or from another version: make it again
        return value if kept_key == key else MISSING

    def put(self, slot: str, key: str, value: Any) -> None:
        """Keep ``value``; written via a temporary file, so a killed build leaves no half slot."""
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        with contextlib.suppress(OSError):  # a read-only or full disk costs the next build
            write_whole(self._path(slot), data)


class Reuse:
    """The steps of one build that are kept: each is done again only when what it is made
    from has changed (the inputs, the build's options, and what a step names itself)."""

    def __init__(self, folder: Path, inputs: str, options: str) -> None:
        self.cache = BuildCache(folder)
        self.inputs = inputs
        self.options = options

    def made(self, slot: str, make: Callable[[], T], *parts: str) -> T:
        """The value ``make`` gives, from the cache when made before from the same things."""
        slot_key = key(slot, self.inputs, self.options, *parts)
        value = self.cache.get(slot, slot_key)
        if value is MISSING:
            value = make()
            self.cache.put(slot, slot_key, value)
        return cast(T, value)
