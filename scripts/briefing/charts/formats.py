"""Numbers as a chart's reader reads them, driven by the unit's style (facts/units.yaml).

A value label is short ("USD 150bn", "5.9m", "21%", "over 80%"); an axis writes its ticks in
one scale chosen from the chart's largest value ("0", "10m", "20m"), never d3's SI prefixes
("0G", "50G"), which no reader of money or vehicles uses. Pure Python, no Altair: the axis
format is a Vega expression, tested as text.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from briefing.facts.units import Unit, format_value

# Scale words as a chart writes them, largest first: "bn" as the Economist and the IEA do.
SHORT_SCALES = ((10**12, "tn"), (10**9, "bn"), (10**6, "m"), (10**3, "k"))
KILO_FROM = 10**4  # below this a count keeps its digits: "1,234", not "1.23k"
SIGNIFICANT = 3  # digits a value label keeps: "31.3m" (the tooltip has every digit)
BOUNDS = {"over": "lower", "at least": "lower", "under": "upper", "at most": "upper"}


def scale_of(values: Iterable[float]) -> tuple[float, str]:
    """The divisor and scale word for an axis whose largest magnitude is among ``values``."""
    top = max((abs(v) for v in values), default=0.0)
    for size, word in SHORT_SCALES:
        if top >= size and (size > 10**3 or top >= KILO_FROM):
            return float(size), word
    return 1.0, ""


def _digits(number: float) -> str:
    """A number at ``SIGNIFICANT`` digits, whole digits kept, thousands grouped: 31.28 ->
    "31.3", 1234.5 -> "1,235", 0.25 -> "0.25", -3.2 -> "−3.2"."""
    magnitude = Decimal(repr(abs(number)))
    whole = len(str(int(magnitude))) if magnitude >= 1 else 1
    places = max(SIGNIFICANT - whole, 0) if magnitude >= 1 else SIGNIFICANT
    text = f"{abs(number):,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("\u2212" if number < 0 and text != "0" else "") + text


def short_value(value: float, unit: Unit, qualifier: str | None = None) -> str:
    """A value label: "USD 150bn", "5.9m", "21%", "2.8×", "No. 1", "over 80%"."""
    style = unit.style
    if style == "percent":
        text = f"{_digits(value)}%"
    elif style in {"year", "rank", "ordinal"}:
        text = format_value(value, unit)  # "2027", "No. 1", "2nd", as the text says
    elif style == "multiplier":
        text = f"{_digits(value)}×"
    else:
        size, word = scale_of([value])
        text = f"{_digits(value / size)}{word}"
        if style == "currency" and unit.symbol:
            text = f"{unit.symbol} {text}"
    return f"{qualifier} {text}" if qualifier else text


def axis_expr(unit: Unit, values: Iterable[float]) -> str:
    """A Vega ``labelExpr`` writing an axis's ticks in the unit's style, one scale per axis:
    "0", "USD 50bn", "USD 100bn"; "0%", "20%"; "0", "10m", "20m"."""
    size, word = scale_of(values)
    number = f"format(datum.value / {size:g}, ',~r')"
    if unit.style == "percent":
        return f"{number} + '%'"
    if unit.style == "multiplier":
        return f"{number} + '×'"
    prefix = f"'{unit.symbol} ' + " if unit.style == "currency" and unit.symbol else ""
    suffix = f" + '{word}'" if word else ""
    return f"datum.value == 0 ? '0' : {prefix}{number}{suffix}"


def bound_of(qualifier: str | None) -> str | None:
    """Which end a qualifier leaves open: "lower" for "over 80%" (the value is at least this),
    "upper" for "under 20%"; None for an exact or approximate value ("about", "nearly")."""
    return BOUNDS.get(qualifier or "")
