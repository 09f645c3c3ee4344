"""Bad input in the unit registry's nouns, which `briefing add` reads a number's unit from."""

from __future__ import annotations

from bad_inputs.base import UNIT_LINES, case
from conftest import UNITS

UNITS_TEXT = UNITS.read_text("utf-8")

CASES = [
    case(
        "unit-noun-naming-two-units",
        {
            "facts/units.yaml": UNITS_TEXT
            + "lorries: {style: count, plural: lorries, aliases: [Vehicles]}\n"
        },
        f"facts/units.yaml:{UNIT_LINES + 1}: unit 'lorries': the noun 'Vehicles' also names unit "
        "'vehicles'; a noun names one unit (briefing add reads the unit from it): keep it in one",
    ),
    case(
        "unit-aliases-not-a-list",
        {
            "facts/units.yaml": UNITS_TEXT
            + "lorries: {style: count, plural: lorries, aliases: lorry}\n"
        },
        f"facts/units.yaml:{UNIT_LINES + 1}: unit 'lorries': 'aliases' must be a list of text, "
        "such as [exports, energy]",
    ),
]
