"""Reading facts/charts.yaml: each declaration validated against the facts, the unit registry
and the project's chart functions, every problem at its line, into ``ChartSpec``s."""

from __future__ import annotations

from collections.abc import Collection, Set
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing.charts.registry import ChartFunction, ModuleProblem, load_module
from briefing.charts.specs import (
    ADDITIVE,
    CHART_FIELDS,
    CHART_ID,
    SELECT_FIELDS,
    ChartSpec,
)
from briefing.facts import periods, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Fact, by_measure, rivals_among
from briefing.facts.typednumbers import typed_numbers
from briefing.facts.units import Unit
from briefing.paths import Paths
from briefing.problems import Problem


def load_charts(
    paths: Paths,
    facts: dict[str, Fact],
    units: Collection[Unit],
    problems: list[Problem],
    broken: Set[str] | None = frozenset(),
) -> tuple[dict[str, ChartSpec], frozenset[str] | None]:
    """Charts by id, and the ids of those declared but refused (None: charts.yaml could not be
    read). ``broken`` are ids of facts declared but invalid (None: any fact may be one): their
    own problems are reported, so a chart naming one says nothing more and is refused."""
    path = paths.charts_file
    if not path.is_file():
        return {}, frozenset()
    rel = paths.rel(path)
    data = yamlio.load(
        path, rel, problems, "declare charts as in README, or delete the file", paths.yaml_cache
    )
    if data is None:
        return {}, None
    if not isinstance(data, dict):
        problems.append(Problem(rel, 1, "charts.yaml must map chart ids to their declarations"))
        return {}, None
    rivals = by_measure(facts.values())
    module = _functions_module(paths, problems)
    charts: dict[str, ChartSpec] = {}
    for cid, node in data.items():
        spec = _Reader(str(cid), rel, facts, units, module, rivals, problems, broken).chart(
            node, yamlio.line_of(data, cid)
        )
        if spec is not None:
            charts[spec.id] = spec
    return charts, frozenset(str(cid) for cid in data) - charts.keys()


@dataclass(frozen=True)
class _Module:
    """The project's module of chart functions, as charts.yaml's ``function:`` names meet it."""

    rel: str | None  # as mkdocs.yml's chart_functions names it; None: no module is set
    path: Path | None
    functions: dict[str, ChartFunction] | None  # None: it failed to load (said at its line)

    def unknown(self, function: str) -> str:
        if self.rel is None:
            return (
                f"unknown function '{function}': no module of chart functions is set; name "
                "yours in mkdocs.yml, as the briefing plugin's chart_functions: facts/charts.py"
            )
        if self.path is None or not self.path.is_file():
            return (
                f"function '{function}' is to come from chart_functions '{self.rel}' "
                "(mkdocs.yml), which is not a file; create it, or correct chart_functions"
            )
        names = ", ".join(sorted(self.functions or {})) or "none"
        return f"unknown function '{function}'; {self.rel} registers: {names}"


def _functions_module(paths: Paths, problems: list[Problem]) -> _Module:
    """The module mkdocs.yml names, loaded (a problem at its line if it fails to load)."""
    file = paths.chart_functions_file
    if file is None:
        return _Module(None, None, {})
    rel = paths.rel(file)
    if not file.is_file():
        return _Module(rel, file, {})
    try:
        return _Module(rel, file, load_module(file))
    except ModuleProblem as err:
        problems.append(Problem(rel, err.line, f"chart functions module {err.message}"))
        return _Module(rel, file, None)


class _Reader:
    """Validates one declaration; every problem is recorded before giving up on it."""

    def __init__(
        self,
        cid: str,
        rel: str,
        facts: dict[str, Fact],
        units: Collection[Unit],
        module: _Module,
        rivals: dict[tuple[str, ...], list[Fact]],
        problems: list[Problem],
        broken: Set[str] | None,
    ) -> None:
        self.cid, self.facts, self.rivals, self.problems = cid, facts, rivals, problems
        self.units, self.module = units, module
        self.broken = broken
        self.check = Checker(rel, problems)
        self.what = f"chart '{cid}'"
        self.leans = False  # on a broken fact: refused, with no message of its own about it

    def add(self, line: int, message: str) -> None:
        self.check.add(line, f"{self.what}: {message}")

    def chart(self, node: Any, line: int) -> ChartSpec | None:
        self.line = line  # of the chart's id: where chart-wide problems are reported
        before = len(self.problems)
        if not CHART_ID.fullmatch(self.cid):
            self.add(
                line,
                "id must be lowercase letters, digits, '-' and '_', such as exports-2024 "
                "(it names the chart's files in data/charts/)",
            )
        if not self.check.fields(node, CHART_FIELDS, self.what, line):
            if isinstance(node, dict) and "function" not in node:
                self._encodings(node)  # report missing encodings in the same run
            return None
        chosen = self._chosen(node)
        # An empty list, or only ranges; not facts whose own problems are reported.
        if not chosen and len(self.problems) == before and not self.leans:
            self.add(
                yamlio.line_of(node, "facts" if "facts" in node else "select"),
                "has no fact to draw (ranges are not drawn); list the facts in 'facts'",
            )
        function = node.get("function")
        if function is None:
            self._encodings(node)
        elif self.module.functions is None:
            self.leans = True  # the module's own problem is reported
        elif function not in self.module.functions:
            self.add(yamlio.line_of(node, "function"), self.module.unknown(str(function)))
        rule = self._rule(node, chosen)
        self._rivals(node, chosen)
        self._words(node)
        ids = {f.id for f in chosen} | ({rule.id} if rule else set())
        for key in ("labels", "series"):
            for fid in node.get(key) or {}:
                if fid not in ids and not self._broken(fid):
                    self.add(
                        yamlio.line_of(node[key], fid),
                        f"{key} names '{fid}', which is not one of the chart's facts",
                    )
        if function is None and len({f.unit.id for f in chosen}) > 1:
            units = ", ".join(sorted({f.unit.id for f in chosen}))
            self.add(
                yamlio.line_of(node, "facts" if "facts" in node else "select"),
                f"facts have different units ({units}); chart one unit at a time",
            )
        self._periods(node, chosen)
        if len(self.problems) > before or self.leans:
            return None
        return ChartSpec(
            id=self.cid,
            title=str(node["title"]),
            alt=str(node["alt"]),
            facts=tuple(chosen),
            mark=str(node.get("mark", "bar")),
            x=str(node.get("x", "label")),
            y=str(node.get("y", "value")),
            color=node.get("color"),
            labels=tuple((str(k), str(v)) for k, v in (node.get("labels") or {}).items()),
            series=tuple((str(k), str(v)) for k, v in (node.get("series") or {}).items()),
            rule=rule,
            function=function,
            module=self.module.path if function else None,
            subtitle=str(node["subtitle"]) if "subtitle" in node else None,
            mixed_periods=node.get("mixed_periods"),
            path=self.check.rel,
            line=line,
        )

    def _chosen(self, node: Any) -> list[Fact]:
        if ("facts" in node) == ("select" in node):
            self.add(self.line, "give either 'facts' (a list of ids) or 'select'")
            return []
        if "select" in node:
            return self._select(node["select"], yamlio.line_of(node, "select"))
        chosen = []
        for index, fid in enumerate(node["facts"]):
            if fid in self.facts:
                chosen.append(self.facts[fid])
            elif not self._broken(fid):
                self.add(
                    yamlio.line_of(node["facts"], index),
                    f"unknown fact '{fid}'; use an id from facts/*.yaml",
                )
        for fact in chosen:
            if isinstance(fact.value, list):
                self.add(
                    yamlio.line_of(node, "facts"),
                    f"fact '{fact.id}' is a range; charts plot single values",
                )
        return chosen

    def _select(self, node: Any, line: int) -> list[Fact]:
        if not self.check.fields(node, SELECT_FIELDS, f"{self.what} select", line):
            return []
        if not node:
            self.add(line, "'select' needs at least one of: " + ", ".join(_select_keys()))
            return []
        chosen = [f for f in self.facts.values() if _selected(f, node)]
        chosen.sort(key=lambda f: (f.period_label, f.id))
        if not chosen and not self._broken(None):  # else it may select the broken ones
            self.add(line, "'select' matches no fact; check its values against facts/*.yaml")
        return [f for f in chosen if not isinstance(f.value, list)]

    def _broken(self, fid: Any) -> bool:
        """Whether fact ``fid`` (None: any fact) may be a broken one; if so the chart leans on
        it and is refused without a word, its cause being reported."""
        leans = self.broken is None or (bool(self.broken) if fid is None else fid in self.broken)
        self.leans = self.leans or leans
        return leans

    def _encodings(self, node: Any) -> None:
        line = self.line
        for key in ("mark", "x", "y"):
            if key not in node:
                self.add(line, f"missing required key '{key}' (or name a 'function')")
        if "x" in node and "y" in node and "value" not in (node["x"], node["y"]):
            self.add(line, "one of 'x' and 'y' must be 'value', the number the facts state")
        if node.get("color") == "source":
            self.add(
                yamlio.line_of(node, "color"),
                "'color: source' colours the marks by who reported them; colour by what they "
                "mean (color: series, with series), as the chart's source line names the sources",
            )
        if node.get("mark") == "arc" and node.get("y") != "value":
            self.add(yamlio.line_of(node, "mark"), "an 'arc' chart needs 'y: value' (its angle)")

    def _words(self, node: Any) -> None:
        """Titles, alt text and labels describe in words; the numbers come from the facts."""
        advice = f"{self.what} states numbers only through its facts; describe in words"
        texts = [
            (node[key], yamlio.line_of(node, key))
            for key in ("title", "subtitle", "alt")
            if key in node
        ]
        for key in ("labels", "series"):
            for fid, text in (node.get(key) or {}).items():
                texts.append((text, yamlio.line_of(node[key], fid)))
        for text, line in texts:
            self.problems.extend(typed_numbers(str(text), self.check.rel, self.units, advice, line))

    def _rivals(self, node: Any, chosen: list[Fact]) -> None:
        """Where sources differ on a measure, a chart showing one must show the other too."""
        ids = {f.id for f in chosen}
        for fact in chosen:
            for other in rivals_among(fact, self.rivals.get(fact.rival_key, ())):
                if other.id not in ids:
                    self.add(
                        yamlio.line_of(node, "facts" if "facts" in node else "select"),
                        f"shows '{fact.id}' but not '{other.id}', which a source states "
                        f"differently ({other.text} vs {fact.text}); add it so both are shown",
                    )

    def _periods(self, node: Any, chosen: list[Fact]) -> None:
        """A bar or line sets its facts side by side as if comparable: a year's exports beside
        ten months' read as a fall. Refused unless the chart says why they may share an axis.
        Only amounts that add up over time (counts, money) are measured so; a share, a rate or
        a multiple of a shorter period is not smaller for it."""
        lengths: dict[str, list[str]] = {}
        for fact in (f for f in chosen if f.unit.style in ADDITIVE):
            lengths.setdefault(periods.length(fact.period), []).append(fact.id)
        mark = node.get("mark", "bar")
        if len(lengths) < 2 or mark not in {"bar", "line"} or node.get("function"):
            if node.get("mixed_periods") and len(lengths) < 2:
                self.add(
                    yamlio.line_of(node, "mixed_periods"),
                    "'mixed_periods' is for facts covering periods of different lengths; "
                    "these all cover the same length: remove it",
                )
            return
        if node.get("mixed_periods"):
            return
        listed = "; ".join(f"{length}: {', '.join(ids)}" for length, ids in lengths.items())
        self.add(
            yamlio.line_of(node, "facts" if "facts" in node else "select"),
            f"a {mark} chart of periods of different lengths ({listed}) reads as if they were "
            'comparable; chart one length of period, or declare mixed_periods: "why they may '
            'share an axis"',
        )

    def _rule(self, node: Any, chosen: list[Fact]) -> Fact | None:
        fid = node.get("rule")
        if fid is None:
            return None
        fact = self.facts.get(fid)
        line = yamlio.line_of(node, "rule")
        if fact is None:
            if not self._broken(fid):
                self.add(line, f"unknown fact '{fid}' in 'rule'; use an id from facts/*.yaml")
        elif isinstance(fact.value, list):
            self.add(line, f"fact '{fid}' in 'rule' is a range; a reference line is one value")
        elif chosen and fact.unit.id != chosen[0].unit.id:
            self.add(
                line, f"'rule' fact '{fid}' is in {fact.unit.id}, the chart in {chosen[0].unit.id}"
            )
        else:
            return fact
        return None


def _selected(fact: Fact, select: dict[str, Any]) -> bool:
    actual = {
        "subject": fact.subject,
        "unit": fact.unit.id,
        "source": fact.source,
        "kind": fact.kind,
        "geo": fact.geo,
        "period": fact.period,
    }
    for key, wanted in select.items():
        if key == "tag":
            if wanted not in fact.tags:
                return False
        elif actual[key] != wanted:
            return False
    return True


def _select_keys() -> list[str]:
    return [f.name for f in SELECT_FIELDS]
