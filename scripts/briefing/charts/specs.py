"""Charts declared by editors in facts/charts.yaml: which facts, which mark, which encodings.

A declared chart needs no Python; its data rows come from the validated facts, so a chart
can only show numbers that carry a verified quote. What the spec cannot say, a registered
function in ``briefing.charts.functions`` draws, from the same validated rows.
"""

from __future__ import annotations

import re
from collections.abc import Set
from dataclasses import dataclass, replace
from typing import Any

from briefing.chapterchecks.typednumbers import typed_numbers
from briefing.charts.registry import functions
from briefing.facts import periods, yamlio
from briefing.facts.checker import Checker
from briefing.facts.model import Fact, Source, by_measure, rivals_among
from briefing.facts.schema import Field
from briefing.paths import Paths
from briefing.problems import Problem

# A chart's id names its files (data/charts/<id>.csv) and goes into its figure's id: plain words.
CHART_ID = re.compile(r"[a-z0-9][a-z0-9_-]*")
ADDITIVE = ("count", "currency")  # unit styles whose amounts grow with the period
MARKS = ("bar", "line", "point", "area", "arc")
DATA_FIELDS = ("label", "series", "subject", "period", "geo", "value", "source", "kind")
SELECT_FIELDS = tuple(
    Field(name, "text", required=False, description=f"keep facts whose {name} is this")
    for name in ("tag", "subject", "unit", "source", "kind", "geo", "period")
)
CHART_FIELDS = (
    Field("title", "text"),
    Field("alt", "text", description="what the chart shows, in words", lines=True),
    Field("facts", "text_list", required=False, description="fact ids, in the order shown"),
    Field("select", "mapping", required=False, description="facts chosen by tag, unit, source…"),
    Field("mark", "text", required=False, choices=MARKS),
    Field("x", "text", required=False, choices=DATA_FIELDS),
    Field("y", "text", required=False, choices=DATA_FIELDS),
    Field("color", "text", required=False, choices=DATA_FIELDS),
    Field("labels", "mapping", required=False, description="fact id -> short label"),
    Field("series", "mapping", required=False, description="fact id -> series name"),
    Field("rule", "text", required=False, description="fact drawn as a reference line"),
    Field("function", "text", required=False, description="a function in charts/functions.py"),
    Field(
        "mixed_periods",
        "text",
        required=False,
        description="a bar or line chart whose facts cover periods of different lengths: why "
        "they may share an axis (shown to readers)",
    ),
)


@dataclass(frozen=True)
class ChartSpec:
    """A validated chart declaration with its facts resolved."""

    id: str
    title: str
    alt: str
    facts: tuple[Fact, ...]
    mark: str = "bar"
    x: str = "label"
    y: str = "value"
    color: str | None = None
    labels: tuple[tuple[str, str], ...] = ()
    series: tuple[tuple[str, str], ...] = ()
    rule: Fact | None = None
    function: str | None = None
    mixed_periods: str | None = None  # why facts of periods of different lengths share an axis
    path: str = ""  # where the editor declared it, for messages
    line: int = 0

    @property
    def cited(self) -> tuple[Fact, ...]:
        """Every fact the chart draws, the reference line included: its caption cites them."""
        return self.facts + ((self.rule,) if self.rule else ())

    def rows(self, sources: dict[str, Source]) -> list[dict[str, Any]]:
        """One data row per fact: what the chart plots and what its CSV offers."""
        labels, series = dict(self.labels), dict(self.series)
        rows = []
        for fact in self.facts:
            src = sources.get(fact.source or "")
            rows.append(
                {
                    "id": fact.id,
                    "label": labels.get(fact.id, fact.subject),
                    "series": series.get(fact.id, ""),
                    "subject": fact.subject,
                    "period": fact.period_label,
                    "geo": fact.geo,
                    "value": float(fact.value),  # ranges are rejected
                    "unit": fact.unit.id,
                    "text": fact.text,
                    "kind": fact.kind,
                    "source": src.publication(fact.cell and fact.cell[0]).publisher
                    if src
                    else "derived",
                    "source_id": fact.source or "",
                    "quote": fact.quote or "",
                }
            )
        return rows

    def summary(self, sources: dict[str, Source]) -> str:
        """The chart's data in words, for screen readers: written from the facts, never typed."""
        parts = [
            f"{row['label']}{', ' + row['series'] if row['series'] else ''}: "
            f"{row['text']} ({row['period']})"
            for row in self.rows(sources)
        ]
        parts += [f"Reference line, {row['label']}" for row in self.rule_rows(sources)]
        return "; ".join(parts) + "."

    def rule_rows(self, sources: dict[str, Source]) -> list[dict[str, Any]]:
        """The reference line's row (empty without one), labelled like the other rows."""
        if self.rule is None:
            return []
        row = replace(self, facts=(self.rule,)).rows(sources)[0]
        return [{**row, "label": f"{row['text']}: {row['label']}"}]


def load_charts(
    paths: Paths,
    facts: dict[str, Fact],
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
    charts: dict[str, ChartSpec] = {}
    for cid, node in data.items():
        spec = _Reader(str(cid), rel, facts, rivals, problems, broken).chart(
            node, yamlio.line_of(data, cid)
        )
        if spec is not None:
            charts[spec.id] = spec
    return charts, frozenset(str(cid) for cid in data) - charts.keys()


class _Reader:
    """Validates one declaration; every problem is recorded before giving up on it."""

    def __init__(
        self,
        cid: str,
        rel: str,
        facts: dict[str, Fact],
        rivals: dict[tuple[str, ...], list[Fact]],
        problems: list[Problem],
        broken: Set[str] | None,
    ) -> None:
        self.cid, self.facts, self.rivals, self.problems = cid, facts, rivals, problems
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
        elif function not in functions():
            names = ", ".join(sorted(functions())) or "none registered"
            self.add(
                yamlio.line_of(node, "function"),
                f"unknown function '{function}'; registered in briefing/charts/functions.py: {names}",
            )
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
        if node.get("mark") == "arc" and node.get("y") != "value":
            self.add(yamlio.line_of(node, "mark"), "an 'arc' chart needs 'y: value' (its angle)")

    def _words(self, node: Any) -> None:
        """Titles, alt text and labels describe in words; the numbers come from the facts."""
        advice = f"{self.what} states numbers only through its facts; describe in words"
        texts = [(node[key], yamlio.line_of(node, key)) for key in ("title", "alt")]
        for key in ("labels", "series"):
            for fid, text in (node.get(key) or {}).items():
                texts.append((text, yamlio.line_of(node[key], fid)))
        for text, line in texts:
            self.problems.extend(typed_numbers(str(text), self.check.rel, advice, line))

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
