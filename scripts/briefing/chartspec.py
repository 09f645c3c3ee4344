"""Charts declared by editors in facts/charts.yaml: which facts, which mark, which encodings.

A declared chart needs no Python; its data rows come from the validated facts, so a chart
can only show numbers that carry a verified quote.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing import yamlio
from briefing.checker import Checker
from briefing.model import Fact
from briefing.paths import Paths
from briefing.problems import Problem
from briefing.schema import Field

MARKS = ("bar", "line", "point", "arc")
DATA_FIELDS = ("label", "subject", "period", "geo", "value", "source", "kind")
CHART_FIELDS = (
    Field("title", "text"),
    Field("mark", "text", choices=MARKS),
    Field("facts", "text_list", description="fact ids, in the order shown"),
    Field("x", "text", choices=DATA_FIELDS),
    Field("y", "text", choices=DATA_FIELDS),
    Field("color", "text", required=False, choices=DATA_FIELDS),
    Field("alt", "text", description="what the chart shows, in words"),
    Field("labels", "mapping", required=False, description="fact id -> short label"),
)


@dataclass(frozen=True)
class ChartSpec:
    """A validated chart declaration with its facts resolved."""

    id: str
    title: str
    mark: str
    facts: tuple[Fact, ...]
    x: str
    y: str
    alt: str
    color: str | None = None
    labels: tuple[tuple[str, str], ...] = ()

    def rows(self) -> list[dict[str, Any]]:
        """One data row per fact: what the chart plots and what its CSV offers."""
        labels = dict(self.labels)
        rows = []
        for fact in self.facts:
            low, high = (fact.value, None) if not isinstance(fact.value, list) else fact.value
            rows.append(
                {
                    "id": fact.id,
                    "label": labels.get(fact.id, fact.subject),
                    "subject": fact.subject,
                    "period": fact.period_label,
                    "geo": fact.geo,
                    "value": float(low),
                    "high": None if high is None else float(high),
                    "unit": fact.unit.id,
                    "text": fact.text,
                    "kind": fact.kind,
                    "source": fact.source,
                }
            )
        return rows


def load_charts(
    paths: Paths, facts: dict[str, Fact], problems: list[Problem]
) -> dict[str, ChartSpec]:
    path = paths.charts_file
    if not path.is_file():
        return {}
    rel = paths.rel(path)
    data = yamlio.load(path, rel, problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        problems.append(Problem(rel, 1, "charts.yaml must map chart ids to their declarations"))
        return {}
    charts: dict[str, ChartSpec] = {}
    for cid, node in data.items():
        spec = _chart(str(cid), node, yamlio.line_of(data, cid), rel, facts, problems)
        if spec is not None:
            charts[spec.id] = spec
    return charts


def _chart(
    cid: str, node: Any, line: int, rel: str, facts: dict[str, Fact], problems: list[Problem]
) -> ChartSpec | None:
    what = f"chart '{cid}'"
    check = Checker(rel, problems)
    if not check.fields(node, CHART_FIELDS, what, line):
        return None
    before = len(problems)
    chosen = []
    for index, fid in enumerate(node["facts"]):
        if fid in facts:
            chosen.append(facts[fid])
        else:
            line = yamlio.line_of(node["facts"], index)
            problems.append(
                Problem(rel, line, f"{what}: unknown fact '{fid}'; use an id from facts/*.yaml")
            )
    for fact in chosen:
        if isinstance(fact.value, list):
            problems.append(
                Problem(
                    rel,
                    yamlio.line_of(node, "facts"),
                    f"{what}: fact '{fact.id}' is a range; charts plot single values",
                )
            )
    if len({f.unit.id for f in chosen}) > 1:
        units = ", ".join(sorted({f.unit.id for f in chosen}))
        problems.append(
            Problem(
                rel,
                yamlio.line_of(node, "facts"),
                f"{what}: facts have different units ({units}); chart one unit at a time",
            )
        )
    if len(problems) > before:
        return None
    labels = node.get("labels") or {}
    return ChartSpec(
        id=cid,
        title=str(node["title"]),
        mark=str(node["mark"]),
        facts=tuple(chosen),
        x=str(node["x"]),
        y=str(node["y"]),
        alt=str(node["alt"]),
        color=node.get("color"),
        labels=tuple((str(k), str(v)) for k, v in labels.items()),
    )
