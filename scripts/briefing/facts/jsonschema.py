"""The JSON Schema of fact files and facts/disagreements.yaml (``briefing schema``), made from
the field tables the check validates with, for editors' YAML language servers."""

from __future__ import annotations

from typing import Any

from briefing.facts.schema import (
    CLAIM_FIELDS,
    DISAGREEMENT_FIELDS,
    FACT_FIELDS,
    SERIES_FIELDS,
    Field,
)


def json_schema(kind: str = "facts") -> dict[str, Any]:
    """A JSON Schema for fact files (or facts/disagreements.yaml), for editors' YAML
    language servers: each record of a fact file is a fact or a claim (a claim has ``claim``
    where a fact has ``value`` and ``unit``)."""
    if kind == "disagreements":
        return {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Briefing disagreements file",
            "type": "object",
            "additionalProperties": _record_schema(DISAGREEMENT_FIELDS),
        }
    fact = _record_schema(FACT_FIELDS)
    # as the check has it: a derived fact says how; context places a quote
    fact["dependentRequired"] = {
        "derived_from": ["operation", "note"],
        "operation": ["derived_from"],
        "context": ["quote"],
    }
    claim = _record_schema(CLAIM_FIELDS)
    claim["oneOf"] = [{"required": ["quote"]}, {"required": ["cell"]}]  # a passage, one way
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Briefing facts file",
        "type": "array",
        "items": {"oneOf": [fact, claim, _record_schema(SERIES_FIELDS)]},
    }


def _record_schema(table: tuple[Field, ...]) -> dict[str, Any]:
    props: dict[str, Any] = {}
    for field in table:
        if field.type == "value":
            number = {"type": "number"}
            prop: dict[str, Any] = {
                "oneOf": [number, {"type": "array", "items": number, "minItems": 2, "maxItems": 2}]
            }
        elif field.type == "cell":
            prop = {
                "type": "object",
                "required": ["row", "column"],
                "properties": {"row": {"type": "string"}, "column": {"type": "string"}},
            }
        elif field.type == "declarations":
            prop = {"type": "object"}
        elif field.type == "text_list":
            prop = {"type": "array", "items": {"type": "string"}}
        else:
            prop = {"type": "string"}
        if field.choices:
            prop["enum"] = list(field.choices)
        if field.description:
            prop["description"] = field.description
        props[field.name] = prop
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in table if f.required],
        "properties": props,
    }
