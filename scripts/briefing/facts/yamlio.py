"""Reading editors' YAML with ruamel.yaml (round-trip, so line numbers survive).

Every file is untrusted input: it is size-limited, must be plain UTF-8, and is composed into
a node graph that is inspected before any value is built, so an alias bomb is measured and
refused, never expanded. Parser errors become one located problem that says what to do.

Round-trip parsing is pure Python and costs about a millisecond a fact, so a file that parsed
cleanly is kept, as parsed, in a cache keyed by its text's sha256: an unchanged file is read
back in a fraction of that, and a changed one is parsed anew. Validation always runs.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import ruamel.yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from briefing.buildcache import MISSING, BuildCache
from briefing.problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

MAX_BYTES = 2_000_000
# More values than a file of MAX_BYTES can spell out (each needs two bytes): only aliases
# reach it, so an alias bomb is refused here while every honest file passes.
MAX_VALUES = MAX_BYTES // 2
_DIRECTIVE = re.compile(r"^%YAML(?![ \t]+1\.2\b).*$", re.MULTILINE)  # any but 1.2
_DATE = re.compile(r"(\d{4})-(\d\d?)-(\d\d?)")
_ADVICE = (  # ruamel's words -> what an editor should do about them
    (r"'\\t'|\btabs?\b", "a tab character; indent with spaces, never tabs"),
    (r"found duplicate key", "{}; keep one of them"),
    (r"mapping values are not allowed", "{}; check the indentation, and quote text with ': '"),
    (r"found undefined alias", "{}; write the value out instead of the *alias"),
    (r"another document", "a second document ('---'); keep one document per file"),
    (r"", "{}; check the quotes and indentation on this line and the line above"),
)
# What a cached parse depends on besides the text: bump when _inspect or the YAML set-up changes.
_PARSE = f"briefing-yaml-2 ruamel-{ruamel.yaml.__version__}"


_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)")


class OddInt(int):
    """An integer written otherwise than in plain digits (4_910_000, 0x10, 0o17, +5, 012)."""

    text: str


class OddFloat(float):
    """A number with a fraction written otherwise than plainly (1e6, 1_000.5, .5, 5., +1.5)."""

    text: str


class _Reader(RoundTripConstructor):
    """ruamel's round-trip constructor, marking numbers not written in plain digits."""


def _marking(kind: type[OddInt] | type[OddFloat], tag: str) -> None:
    build = RoundTripConstructor.yaml_constructors[tag]

    def construct(constructor: RoundTripConstructor, node: ScalarNode) -> Any:
        value = build(constructor, node)
        if _PLAIN_NUMBER.fullmatch(node.value):
            return value
        odd = kind(value)
        odd.text = node.value
        return odd

    _Reader.add_constructor(tag, construct)


_marking(OddInt, "tag:yaml.org,2002:int")
_marking(OddFloat, "tag:yaml.org,2002:float")


def odd_number(value: Any) -> str | None:
    """How a number not written in plain digits was written, or None for any other value."""
    return value.text if isinstance(value, OddInt | OddFloat) else None


class _Refused(Exception):
    """A YAML construct the files may not use, with where it is."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def new_yaml() -> YAML:
    """A round-trip YAML instance: keeps comments and order for commands that edit files."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=2, offset=0)  # the house style: '- id:' at column 0
    return yaml


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """A file's text if it is UTF-8 without byte-order mark; otherwise a located problem."""
    try:
        raw = path.read_bytes()
    except OSError as err:  # a folder named like a page, a file without read permission
        problems.append(
            Problem(rel, 1, f"cannot be read ({err.strerror}); make it a readable file")
        )
        return None
    if raw.startswith(b"\xef\xbb\xbf"):
        problems.append(
            Problem(
                rel, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"
            )
        )
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "file is not UTF-8; save it as UTF-8"))
        return None


def load(
    path: Path, rel: str, problems: list[Problem], empty: str, cache: Path | None = None
) -> Any:
    """Parse one YAML file; on failure record a located problem and return None.

    ``empty`` says what to do when the file holds no value at all (only comments, or nothing).
    With ``cache`` (a folder), a clean parse is kept there and reused while the text is the
    same; a file with a problem is never cached, so its problem is reported on every run.
    """
    size = path.stat().st_size
    if size > MAX_BYTES:
        problems.append(
            Problem(rel, 1, f"file is {size} bytes, over the limit of {MAX_BYTES}; split it")
        )
        return None
    text = read_text(path, rel, problems)
    if text is None:
        return None
    if cache is None:
        return _parse(text, rel, problems, empty)
    kept = BuildCache(cache)
    key = f"{_PARSE} {hashlib.sha256(text.encode()).hexdigest()}"
    data = kept.get(rel, key)
    if data is not MISSING:
        return data
    found = len(problems)
    data = _parse(text, rel, problems, empty)
    if len(problems) == found:
        kept.put(rel, key, data)
    return data


def _parse(text: str, rel: str, problems: list[Problem], empty: str) -> Any:
    directive = _DIRECTIVE.search(text)
    if directive:
        line = text.count("\n", 0, directive.start()) + 1
        problems.append(
            Problem(
                rel,
                line,
                f"'{directive.group(0).strip()}' changes how values such as NO, 012 and 1:30 "
                "are read; delete the line (files are read as YAML 1.2)",
            )
        )
        return None
    yaml = new_yaml()
    yaml.Constructor = _Reader
    try:
        node = yaml.compose(text)
        if node is None:
            problems.append(Problem(rel, 1, f"file is empty; {empty}"))
            return None
        _inspect(node)
        return yaml.constructor.construct_document(node)
    except _Refused as err:
        problems.append(Problem(rel, err.line, err.message))
    except MarkedYAMLError as err:
        problems.append(_parse_problem(rel, err))
    except ReaderError as err:
        line = text.count("\n", 0, err.position) + 1
        problems.append(
            Problem(rel, line, f"character U+{err.character:04X} is not allowed in YAML; delete it")
        )
    except RecursionError:
        problems.append(Problem(rel, 1, "invalid YAML: values nested too deeply; flatten them"))
    except YAMLError as err:
        problems.append(Problem(rel, 1, f"invalid YAML: {err}"))
    return None


def _parse_problem(rel: str, err: MarkedYAMLError) -> Problem:
    mark = err.problem_mark or err.context_mark
    line = mark.line + 1 if mark is not None else 1
    what = err.problem or err.context or "invalid YAML"
    advice = next(text for pattern, text in _ADVICE if re.search(pattern, what))
    return Problem(rel, line, "invalid YAML: " + advice.format(what))


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, SequenceNode):
        yield from node.value
    elif isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value


def _inspect(root: Node) -> None:
    """Refuse explicit tags, impossible dates, aliases that loop or expand past MAX_VALUES.

    Iterative, and each shared node is sized once, so even a billion laughs costs only as
    much as the file is long.
    """
    size: dict[int, int] = {}
    open_: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        line = node.start_mark.line + 1
        if finished:
            open_.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > MAX_VALUES:
                raise _Refused(
                    line,
                    f"aliases here expand to over {MAX_VALUES} values; "
                    "write the values out instead of &anchors and *aliases",
                )
            continue
        if key in size:
            continue
        if key in open_:
            raise _Refused(line, "an alias refers to the value that contains it; write it out")
        _check_node(node, line)
        open_.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node))


def _check_node(node: Node, line: int) -> None:
    if node.ctag.handle is not None:
        raise _Refused(
            line,
            f"YAML tags such as '{node.ctag.handle}{node.ctag.suffix}' are not used here; "
            "delete it (and put text in quotes)",
        )
    if isinstance(node, ScalarNode) and node.tag == "tag:yaml.org,2002:timestamp":
        match = _DATE.match(node.value)
        year, month, day = (int(part) for part in match.groups()) if match else (0, 0, 0)
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(max(year, 1), month)[1]):
            raise _Refused(line, f"'{node.value}' is not a date in the calendar; correct it")


def quoted(value: Any) -> bool:
    """Whether the editor wrote this value in quotes."""
    return isinstance(value, SingleQuotedScalarString | DoubleQuotedScalarString)


def written(value: Any) -> str:
    """A plain value as the editor wrote it: 012 stays "012", 1.10 stays "1.10"."""
    odd = odd_number(value)
    if odd is not None:
        return odd
    out = io.StringIO()
    new_yaml().dump(value, out)
    return out.getvalue().removesuffix("\n...\n").strip()


def line_of(node: Any, key: str | int | None = None) -> int:
    """1-based line of a mapping key (or sequence item), or of the node itself."""
    if isinstance(node, CommentedMap):
        if key is not None and key in node:
            return int(node.lc.key(key)[0]) + 1
        return int(node.lc.line) + 1
    if isinstance(node, CommentedSeq):
        if isinstance(key, int) and key < len(node):
            return int(node.lc.item(key)[0]) + 1
        return int(node.lc.line) + 1
    return 1
