"""Compiled Jinja templates kept on disk between builds, for chapters and for the theme.

MkDocs makes a new Jinja environment for every build and compiles Material's templates in it
again (about 0.15 s, a third of what `mkdocs serve` spends rebuilding this site after a save);
chapters are templates too. Jinja's own bytecode cache keys a template by its name and file
and checks its text, but compiled code also depends on how the environment is set up: its
syntax, escaping, extensions and policies, whether each filter and test wants the context,
and, as Jinja folds constant expressions while compiling, what the filters and ``finalize``
compute. So the key here holds all of that too, read each time a template is loaded, after
every plugin has changed the environment as it wanted: an environment set up otherwise
compiles anew.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import pickle
from collections.abc import Mapping
from pathlib import Path
from types import CodeType
from typing import Any

import jinja2
from jinja2.bccache import Bucket

from briefing.buildcache import CODE

_SYNTAX = (
    "block_start_string",
    "block_end_string",
    "variable_start_string",
    "variable_end_string",
    "comment_start_string",
    "comment_end_string",
    "line_statement_prefix",
    "line_comment_prefix",
    "trim_blocks",
    "lstrip_blocks",
    "newline_sequence",
    "keep_trailing_newline",
    "optimized",
    "is_async",
    "sandboxed",
)


def _stable(value: Any) -> str:
    """``value`` as text that is the same in every process: code objects and sets, whose
    ``repr`` holds an address or follows the process's hash seed, are spelled out."""
    if isinstance(value, CodeType):
        parts = (value.co_code.hex(), _stable(value.co_consts), _stable(value.co_names))
        return f"code({','.join(parts)})"
    if isinstance(value, tuple | list):
        return "(" + ",".join(_stable(v) for v in value) + ")"
    if isinstance(value, set | frozenset):
        return "{" + ",".join(sorted(_stable(v) for v in value)) + "}"
    if isinstance(value, dict):
        return "{" + ",".join(sorted(f"{k!r}:{_stable(v)}" for k, v in value.items())) + "}"
    return repr(value)


def _named(value: Any) -> str:
    """A setting or a function as stable text (see ``_function``)."""
    if not callable(value):
        return _stable(value)
    try:
        return _function(value)
    except TypeError:  # unhashable, so not remembered
        return _function.__wrapped__(value)


@functools.lru_cache(maxsize=4096)  # each template load reads about a hundred functions
def _function(value: Any) -> str:
    """Where a function is defined, a digest of its code if it is written in Python (a name
    alone is shared by every lambda), and whether Jinja passes it the context."""
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value))}"
    code = getattr(value, "__code__", None)
    if isinstance(code, CodeType):
        name += ":" + hashlib.sha256(_stable(code).encode()).hexdigest()
    return f"{name}:{getattr(value, 'jinja_pass_arg', '')}"


def _functions(functions: Mapping[str, Any]) -> str:
    return ",".join(f"{name}={_named(f)}" for name, f in sorted(functions.items()))


def setup(environment: jinja2.Environment, name: str) -> str:
    """How ``environment`` compiles the template ``name``, as text."""
    escape = environment.autoescape
    parts = [CODE, type(environment).__qualname__]  # CODE: this package and library versions
    parts += [f"{attr}={getattr(environment, attr)!r}" for attr in _SYNTAX]
    parts.append(f"autoescape={escape(name) if callable(escape) else escape!r}")
    parts.append(f"finalize={_named(environment.finalize)}")
    parts.append(f"code_generator={_named(environment.code_generator_class)}")
    parts.append("extensions=" + ",".join(sorted(environment.extensions)))
    parts.append(f"newstyle_gettext={getattr(environment, 'newstyle_gettext', None)!r}")
    parts.append("policies=" + _functions(environment.policies))
    parts.append("filters=" + _functions(environment.filters))
    parts.append("tests=" + _functions(environment.tests))
    return "\n".join(parts)


class CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Jinja's file bytecode cache, keyed by the environment's set-up as well as the name."""

    def __init__(self, folder: Path) -> None:
        with contextlib.suppress(OSError):  # unwritable: every template is compiled, as before
            folder.mkdir(parents=True, exist_ok=True)
        super().__init__(str(folder))

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError, TypeError, pickle.PickleError):
            bucket.reset()  # cut short or unreadable: compiled again, and kept anew

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # a read-only or full disk costs only the compiling
            super().dump_bytecode(bucket)

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> Bucket:
        text = f"{setup(environment, name)}\n{name}\n{filename}"
        bucket = Bucket(
            environment,
            hashlib.sha256(text.encode()).hexdigest(),
            self.get_source_checksum(source),
        )
        self.load_bytecode(bucket)
        return bucket
