"""Charts declared by editors in facts/charts.yaml: which facts, which mark, which encodings.

A declared chart needs no Python; its data rows come from the validated facts, so a chart
can only show numbers that carry a verified quote. What the spec cannot say, a registered
function of the project's chart module (the ``chart_functions`` option) draws, from the same validated rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from briefing.facts.model import Fact, Source
from briefing.facts.schema import Field

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
    Field("title", "text", description="the chart's point, in words: its takeaway"),
    Field(
        "subtitle",
        "text",
        required=False,
        description="what is measured, drawn under the title before the unit",
    ),
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
    Field(
        "function",
        "text",
        required=False,
        description="a function of the chart_functions module (mkdocs.yml)",
    ),
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
    module: Path | None = None  # the file of the chart functions module, with a function
    subtitle: str | None = None  # what is measured; the subtitle adds the unit
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


def chart_file(chart_id: str, ext: str) -> str:
    """Where a chart's data (csv, json) and picture (png) are in the site."""
    return f"data/charts/{chart_id}.{ext}"
