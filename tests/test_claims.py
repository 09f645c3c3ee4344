"""Claims: statements that are not numbers, recorded beside facts, quoted and cited like them."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import jsonschema
import pytest

from bad_inputs.claims import CLAIM
from briefing.loader import load_factbook
from briefing.paths import Paths
from briefing.schema import json_schema
from conftest import Project

ProjectFactory = Callable[..., Project]

A_CLAIM = {"id": "a.b", "claim": "Nexperia is owned by Wingtech", "source": "x", "quote": "q"}
A_CLAIM |= {"kind": "actual"}
A_FACT = {"id": "a.b", "subject": "s", "value": 1, "unit": "u", "period": "2024"}
A_FACT |= {"kind": "actual", "geo": "China"}


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        (A_CLAIM, True),
        (A_CLAIM | {"period": "undated", "geo": "Netherlands", "subject": "Owner"}, True),
        (A_FACT, True),
        (A_CLAIM | {"value": 1}, False),  # a claim or a fact, not both
        (A_CLAIM | {"unit": "percent"}, False),
        ({k: v for k, v in A_CLAIM.items() if k != "quote"}, False),
    ],
)
def test_json_schema_takes_a_record_that_is_a_fact_or_a_claim(
    record: dict[str, object], valid: bool
) -> None:
    errors = list(jsonschema.Draft202012Validator(json_schema()).iter_errors([record]))
    assert not errors if valid else errors


def test_a_claim_loads_beside_the_facts_and_survives_pickling(project: ProjectFactory) -> None:
    proj = project()
    proj.write("facts/russia.yaml", CLAIM)
    book = load_factbook(Paths(proj.root))
    claim = book.claims["exports.russia.plunge"]
    assert claim.quote == "Chinese carmakers' direct exports to Russia plunged"
    assert claim.period == "undated"
    assert claim.span is not None
    assert book.facts.keys() == {"market.production.2024", "parts.exports.2024"}
    again = pickle.loads(pickle.dumps(book))
    assert again.claims == book.claims
    assert again.record("exports.russia.plunge") == claim
