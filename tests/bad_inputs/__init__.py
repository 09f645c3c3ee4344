"""The bad-input corpus: mistakes editors make, each with what `briefing check` must print.

Each case is data: the files it writes over the tiny project of conftest (a seed, its
sources.yaml, the real units.yaml, facts/market.yaml with two facts, docs/index.md citing
both) and the exact `path:line: message` lines expected. Adding a case is adding an entry
to one of the lists, by what the mistake is in.
"""

from __future__ import annotations

from bad_inputs import (
    claims,
    config,
    differ,
    facts,
    files,
    meaning,
    meaning17,
    pages,
    prose17,
    provenance,
    redesign,
    security,
    tables,
    unit_nouns,
)
from bad_inputs.base import Case

CASES: list[Case] = (
    files.CASES
    + facts.CASES
    + provenance.CASES
    + security.CASES
    + pages.CASES
    + meaning.CASES
    + meaning17.CASES
    + config.CASES
    + claims.CASES
    + prose17.CASES
    + differ.CASES
    + unit_nouns.CASES
    + redesign.CASES
    + tables.CASES
)
