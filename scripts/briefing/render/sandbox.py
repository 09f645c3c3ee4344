"""What a page's Jinja may hold: ``{{ fact("id") }}``, ``{{ claim("id") }}``,
``{{ cite("id", …) }}``, ``{{ chart("id") }}`` and ``{% raw %}…{% endraw %}``, as the README
says, and nothing else.

Checked on the page's tokens while Jinja compiles it, so a compiled page is never checked
again. Everything else is refused at its line before anything runs: a statement (``{% for %}``,
a macro that calls itself, ``{% include %}`` of the page itself), a name other than these
four (``lipsum``, ``range``, ``cycler``), a filter (``|random``, which would make builds
differ), an operator, an attribute, or a literal printed through Jinja (``{{ "45 percent" }}``,
which the hand-typed-number check could not see). The environment also carries no globals,
filters or tests, should anything get past.
"""

from __future__ import annotations

from collections.abc import Iterator

import jinja2
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.sandbox import SandboxedEnvironment

CALLS = ("fact", "claim", "cite", "chart", "table", "tiles")
# in messages
EXAMPLE = {
    "fact": '"sales.total.2023"',
    "claim": '"company.owner"',
    "cite": '"sales.total.2023", "company.owner"',
    "chart": '"sales-by-year"',
    "table": '"annual-report", "year", "sales"',
    "tiles": '"sales.total.2023", "exports.total.2023"',
}
ONLY = (
    'pages may use only {{ fact("id") }}, {{ claim("id") }}, {{ cite("id", …) }}, '
    '{{ chart("id") }} and {{ table("source", "column", …) }}'
)
TEMPLATES = {"include": "include", "extends": "extend", "import": "import", "from": "import"}


class Refused(jinja2.TemplateSyntaxError):
    """Every construct of a page that pages may not use, as (line, message)."""

    def __init__(self, refusals: list[tuple[int, str]], name: str | None) -> None:
        super().__init__(refusals[0][1], refusals[0][0], name)
        self.refusals = refusals


class PagesOnly(Extension):
    """Refuses, at its line, each ``{{ … }}`` that is not one call of fact(), claim(), cite()
    or chart() with quoted ids, and each ``{% … %}`` (``raw`` never reaches here: the lexer takes it)."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        tokens = list(stream)
        tags = list(_tags(tokens))
        # Names a refused statement defines (a macro, a loop variable): using them is no
        # second problem.
        named = {
            str(t.value) for begin, inner in tags if begin.type == "block_begin" for t in inner
        }
        refusals = []
        for begin, inner in tags:
            if begin.type == "block_begin":
                problem = _block(inner)
            elif inner and inner[0].type == "name" and inner[0].value in named:
                continue
            else:
                problem = _expression(inner)
            if problem is not None:
                refusals.append((begin.lineno, problem))
        if refusals:
            raise Refused(refusals, stream.name)
        yield from tokens


def environment(loader: jinja2.BaseLoader) -> SandboxedEnvironment:
    """The sandbox pages render in: strict, autoescaped, with nothing in it but the pages'
    own check (the calls are given to each page as it renders)."""
    env = SandboxedEnvironment(
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        keep_trailing_newline=True,
        loader=loader,
        extensions=[PagesOnly],
    )
    env.globals.clear()
    env.filters.clear()
    env.tests.clear()
    return env


def _tags(tokens: list[Token]) -> Iterator[tuple[Token, list[Token]]]:
    """Each ``{{ … }}`` and ``{% … %}``: its opening token and the tokens inside it (one left
    open is Jinja's syntax error to report, with its advice on literal braces)."""
    ends = {"variable_begin": "variable_end", "block_begin": "block_end"}
    at = 0
    while at < len(tokens):
        begin, at = tokens[at], at + 1
        if begin.type in ends:
            inner = []
            while at < len(tokens) and tokens[at].type != ends[begin.type]:
                inner.append(tokens[at])
                at += 1
            if at < len(tokens):
                yield begin, inner


def _block(inner: list[Token]) -> str | None:
    keyword = str(inner[0].value) if inner and inner[0].type == "name" else ""
    if keyword.startswith("end") or keyword in ("else", "elif"):
        return None  # the statement it belongs to is refused (or Jinja finds it stray)
    if keyword in TEMPLATES:
        named = next((str(t.value) for t in inner if t.type == "string"), "…")
        return f"cannot {TEMPLATES[keyword]} '{named}'; pages stand alone"
    shown = f"{{% {keyword} %}}" if keyword else "{% … %}"
    return f"'{shown}' is not available in pages; {ONLY}"


def _expression(inner: list[Token]) -> str | None:
    """Why ``{{ … }}`` holding these tokens is refused; None for one call of CALLS."""
    if not inner:
        return f"'{{{{ }}}}' is empty; {ONLY}"
    head = inner[0]
    if head.type != "name":
        return f"{_what(inner, 0)} cannot be printed through Jinja; {ONLY}"
    if head.value not in CALLS:
        return f"'{head.value}' is undefined; {ONLY}"
    if len(inner) == 1:
        return f"{head.value} must be called: {head.value}({EXAMPLE[str(head.value)]}); {ONLY}"
    if inner[1].type != "lparen":
        return f"{_what(inner, 1)} is not available in pages; {ONLY}"
    at = 2
    while at < len(inner) and inner[at].type != "rparen":
        if inner[at].type not in ("string", "comma"):
            name = str(head.value)
            what = (
                "ids"
                if name in ("cite", "tiles")
                else "its source and columns"
                if name == "table"
                else "an id"
            )
            return f"{name}() takes {what} in quotes, such as {name}({EXAMPLE[name]})"
        at += 1
    if at + 1 < len(inner):
        return f"{_what(inner, at + 1)} is not available in pages; {ONLY}"
    return None


def _what(inner: list[Token], at: int) -> str:
    """The construct starting at ``inner[at]``, as an editor would name it."""
    token = inner[at]
    following = inner[at + 1].value if at + 1 < len(inner) else ""
    if token.type == "pipe":
        return f"the filter '|{following}'"
    if token.type == "name" and token.value == "is":
        return f"the test 'is {following}'"
    if token.type == "dot":
        return f"the attribute '.{following}'"
    if token.type == "string":
        return f'the text "{token.value}"'
    if token.type in ("integer", "float"):
        return f"the number {token.value}"
    return f"'{token.value}'"
