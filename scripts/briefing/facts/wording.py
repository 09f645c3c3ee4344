"""Word lists the meaning checks read quotes by, and what they find in a text with them.

The lists are data an editor can read and extend: defaults per language ship in the package
(briefing/facts/wordlists/en.yaml, zh.yaml), and a project adds words in facts/wording.yaml, keyed
by language, in the same shape. Matching is by whole words (for scripts that have them),
ignoring case, a space matching any run of whitespace.

Relative periods ("last year", "the first half of this year", "by June this year") are read
by the same lists, not by dateparser: it parses one date, not a period inside a sentence, and
knows neither halves, quarters nor "the first ten months".
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from typing import Any

from briefing.facts import yamlio
from briefing.facts.numbers import WORDS
from briefing.facts.periods import MONTH_NAMES
from briefing.facts.units import QUALIFIERS
from briefing.paths import Paths
from briefing.problems import Problem

PARTS = ("H1", "H2", "Q1", "Q2", "Q3", "Q4")
# The lists of one language: list name -> (shape, what it must hold, for messages)
SHAPES = {
    "qualifiers": ("groups", f"a mapping of qualifier ({', '.join(QUALIFIERS)}) to words"),
    "hedges": ("words", "a list of words"),
    "future": ("words", "a list of words"),
    "years": ("numbers", "a mapping of words to a year offset, such as 'last year: -1'"),
    "parts": ("groups", f"a mapping of part ({', '.join(PARTS)}) to words"),
    "months": ("patterns", 'a list of patterns with one {month} or {n}, such as "{month}"'),
    "first_months": ("patterns", 'a list of patterns with {n}, such as "first {n} months"'),
    "month_spans": ("patterns", 'a list of patterns with two months, such as "{month} to {month}"'),
    "numerals": ("numbers", "a mapping of number words to 1-12, such as '十: 10'"),
    "month_names": ("numbers", "a mapping of month names to 1-12, such as 'Sept: 9'"),
    "abbreviations": ("words", "a list of words ending in '.' that end no sentence"),
    "linking": ("words", "a list of words that end the search for a number's noun"),
    "joining": ("words", "a list of words joining two names into one group, such as 'and'"),
    "respectively": ("words", "a list of words giving joined names a number each"),
}
GROUPS = {"qualifiers": QUALIFIERS, "parts": PARTS}
SLOTS = {"months": 1, "first_months": 1, "month_spans": 2}
_SLOT = re.compile(r"\{(month|n)\}")


@dataclass(frozen=True)
class Found:
    """Words found in a text: what they mean (a qualifier, a part such as "H1" or "01-10",
    a year offset) and the words themselves, as the text writes them."""

    meaning: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Words:
    """The word lists of one language, compiled into the searches the checks make."""

    lists: Mapping[str, Any]
    _cache: dict[str, re.Pattern[str]] = field(default_factory=dict, compare=False, repr=False)

    def get(self, name: str) -> Any:
        return self.lists.get(name) or ({} if SHAPES[name][0] in {"groups", "numbers"} else [])

    def _pattern(self, words: list[str]) -> re.Pattern[str]:
        key = "\x00".join(words)
        if key not in self._cache:
            alts = sorted({whole_word(w) for w in words}, key=len, reverse=True)
            self._cache[key] = re.compile("|".join(alts) or r"(?!)", re.IGNORECASE)
        return self._cache[key]

    def find(self, words: list[str], text: str) -> list[Found]:
        """Every occurrence of one of ``words`` in ``text``."""
        return [
            Found(m.group(0), m.group(0), *m.span()) for m in self._pattern(words).finditer(text)
        ]

    def hedges(self, text: str) -> list[str]:
        """Hedge words in ``text``; "May" written as the month's name is the month."""
        found = self.find(self.get("hedges"), text)
        return list(dict.fromkeys(f.words for f in found if f.words not in self.month_names))

    def future(self, text: str) -> list[str]:
        return list(dict.fromkeys(f.words for f in self.find(self.get("future"), text)))

    def qualifier_before(self, text: str) -> Found | None:
        """The qualifier whose word ends ``text`` (whitespace aside), the longest word first:
        "no more than" is 'at most', not 'over'."""
        best: Found | None = None
        for name, words in self.get("qualifiers").items():
            tail = re.compile(rf"(?:{self._pattern(words).pattern})\s*\Z", re.IGNORECASE)
            match = tail.search(text, max(0, len(text) - 40))
            if match and (best is None or match.start() < best.start):
                best = Found(name, match.group(0).strip(), match.start(), match.end())
        return best

    def qualifier_words(self, name: str) -> list[str]:
        return list(self.get("qualifiers").get(name, []))

    def years(self, text: str) -> list[Found]:
        """Relative years: "last year" means "-1"."""
        offsets = {_fold(w): v for w, v in self.get("years").items()}
        found = self.find(list(self.get("years")), text)
        return [Found(str(offsets[_fold(f.words)]), f.words, f.start, f.end) for f in found]

    def parts(self, text: str) -> list[Found]:
        """Parts of a year the text names: "H1", "Q3", a month "07", a span "01-10"."""
        found = [
            Found(part, f.words, f.start, f.end)
            for part, words in self.get("parts").items()
            for f in self.find(words, text)
        ]
        for name in SLOTS:
            for pattern in self.get(name):
                found += self._months(name, pattern, text)
        return found

    def _months(self, name: str, pattern: str, text: str) -> list[Found]:
        regex = self._slots(pattern)
        found = []
        for match in regex.finditer(text):
            said = match.groups()
            read = [self._month(g) for g in said]
            months = [m for m in read if m is not None]
            if len(months) < len(read) or any(g[0].islower() and g in self.months for g in said):
                continue  # English writes a month with a capital: "may peak" is no May
            if name == "first_months":
                months = [1, *months]
            ok = len(months) == 1 or months[0] < months[1]
            if ok and all(1 <= m <= 12 for m in months):
                meaning = "-".join(f"{m:02d}" for m in months)
                found.append(Found(meaning, match.group(0), *match.span()))
        return found

    def _slots(self, pattern: str) -> re.Pattern[str]:
        key = "\x01" + pattern
        if key not in self._cache:
            numerals = sorted([*WORDS, *self.get("numerals")], key=len, reverse=True)
            names = "|".join(map(re.escape, sorted(self.months, key=len, reverse=True)))
            slot = {
                "month": rf"(?<![^\W\d_])({names})(?![^\W\d_])",
                "n": r"(?<![\d.])(\d{1,2}(?![\d.])|" + "|".join(map(whole_word, numerals)) + ")",
            }
            parts = _SLOT.split(pattern)  # text, slot, text, slot, ..., text
            body = "".join(slot[p] if i % 2 else _spaced(p) for i, p in enumerate(parts))
            self._cache[key] = re.compile(_bounded(pattern, body), re.IGNORECASE)
        return self._cache[key]

    def _month(self, said: str) -> int | None:
        said = said.casefold()
        if said.isdigit():
            return int(said)
        numerals = {k.casefold(): v for k, v in self.get("numerals").items()}
        return self.months.get(said) or WORDS.get(said) or numerals.get(said)

    @cached_property
    def month_names(self) -> Mapping[str, int]:
        """The language's month names ("Sept" is 9), as written; a language whose lists name
        none reads the package's (``periods.MONTH_NAMES``)."""
        return self.get("month_names") or MONTH_NAMES

    @cached_property
    def months(self) -> Mapping[str, int]:
        """The month names casefolded, as a text is matched against them."""
        return {name.casefold(): n for name, n in self.month_names.items()}

    def joined(self, text: str) -> list[tuple[str, str, str]]:
        """Pairs of capitalised names a joining word makes one group: "German and Japanese"
        (none when the text gives them a number each, "respectively")."""
        if self.find(self.get("respectively"), text) or not self.get("joining"):
            return []
        joins = "|".join(whole_word(w) for w in self.get("joining"))
        name = r"([A-Z][\w'-]*)"
        pairs = re.finditer(rf"(?<![\w-]){name}\s+(?:{joins})\s+{name}(?![\w-])", text)
        return [(m.group(1), m.group(2), m.group(0)) for m in pairs]

    @cached_property
    def abbreviations(self) -> frozenset[str]:
        return frozenset(a.casefold() for a in self.get("abbreviations"))

    @cached_property
    def linking(self) -> frozenset[str]:
        return frozenset(w.casefold() for w in self.get("linking"))


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).casefold()


def _spaced(text: str) -> str:
    return r"\s+".join(re.escape(piece) for piece in text.split(" "))


def _bounded(word: str, body: str) -> str:
    """A word matches whole: not inside a longer word of a script that spaces its words."""
    head = r"(?<![^\W\d_])" if re.match(r"[A-Za-z]", word) else ""
    tail = r"(?![^\W\d_])" if re.search(r"[A-Za-z.]\Z", word) else ""
    return f"{head}(?:{body}){tail}"


def whole_word(word: str) -> str:
    """A regex matching ``word`` whole (ignoring case is the caller's), spaces as whitespace."""
    return _bounded(word, _spaced(word))


@dataclass(frozen=True)
class Wording:
    """Word lists by language: the package's defaults extended by the project's."""

    languages: Mapping[str, Words]

    def of(self, language: str) -> Words:
        """The lists for a source's language ("en-GB" reads "en"); none: empty lists."""
        return self.languages.get(language) or self.languages.get(
            language.split("-")[0].lower(), Words({})
        )


def defaults() -> dict[str, dict[str, Any]]:
    """The package's word lists by language, as written in briefing/facts/wordlists."""
    folder = resources.files("briefing") / "facts" / "wordlists"
    return {
        entry.name.removesuffix(".yaml"): yamlio.new_yaml().load(entry.read_text("utf-8"))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".yaml")
    }


def load(paths: Paths, problems: list[Problem]) -> Wording:
    """The defaults, extended by facts/wording.yaml when there is one (its mistakes reported
    and left out, the rest used)."""
    merged = defaults()
    file = paths.wording_file
    if file.is_file():
        rel = paths.rel(file)
        data = yamlio.load(file, rel, problems, "add word lists by language, or delete the file")
        if data is not None and not isinstance(data, dict):
            problems.append(
                Problem(rel, 1, "the wording file must map languages (en, zh…) to lists")
            )
        elif data is not None:
            for language, lists in data.items():
                _extend(merged.setdefault(str(language), {}), lists, rel, language, data, problems)
    return Wording({lang: Words(lists) for lang, lists in merged.items()})


def _extend(
    into: dict[str, Any], lists: Any, rel: str, language: Any, data: Any, problems: list[Problem]
) -> None:
    if not isinstance(lists, dict):
        line = yamlio.line_of(data, language)
        problems.append(Problem(rel, line, f"'{language}' must map list names to words; "
                                f"the lists are: {', '.join(SHAPES)}"))  # fmt: skip
        return
    for name, value in lists.items():
        line = yamlio.line_of(lists, name)
        what = f"'{language}: {name}'"
        if name not in SHAPES:
            problems.append(
                Problem(rel, line, f"{what} is no word list; the lists are: {', '.join(SHAPES)}")
            )
            continue
        error = _shape_error(str(name), value)
        if error:
            problems.append(Problem(rel, line, f"{what} must be {SHAPES[name][1]}; {error}"))
            continue
        if isinstance(value, dict):
            old = into.setdefault(name, {})
            for key, words in value.items():
                old[key] = [*old.get(key, []), *words] if isinstance(words, list) else words
        else:
            into[name] = [*into.get(name, []), *value]


def _shape_error(name: str, value: Any) -> str | None:
    shape = SHAPES[name][0]
    if shape in {"words", "patterns"}:
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            return "write them as [word, word]"
        if shape == "patterns":
            wrong = [p for p in value if len(_SLOT.findall(p)) != SLOTS[name]]
            if wrong:
                return f'"{wrong[0]}" has not {SLOTS[name]} of {{month}} or {{n}}'
        return None
    if not isinstance(value, dict):
        return "write one entry a line"
    if shape == "groups":
        unknown = [k for k in value if k not in GROUPS[name]]
        if unknown:
            return f"'{unknown[0]}' is not one of: {', '.join(GROUPS[name])}"
        bad = [
            k
            for k, v in value.items()
            if not isinstance(v, list) or not all(isinstance(w, str) and w.strip() for w in v)
        ]
        return f"'{bad[0]}' must be a list of words, such as [word, word]" if bad else None
    bad = [k for k, v in value.items() if not isinstance(v, int) or isinstance(v, bool)]
    months = name in {"numerals", "month_names"}
    if not bad and months:
        bad = [k for k, v in value.items() if not 1 <= v <= 12]
    return (
        f"'{bad[0]}' must be a whole number" + (" from 1 to 12" if months else "") if bad else None
    )
