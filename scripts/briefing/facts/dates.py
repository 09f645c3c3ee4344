"""Dates given by editors and by the environment, each read in one place.

A date must be a day in the calendar (``2025-02-30`` and ``2025-13-45`` are refused, as the
YAML reader refuses them unquoted), and the build's moment comes from ``SOURCE_DATE_EPOCH``
when it is set, so that the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import os
import re

_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_MONTH = re.compile(r"[0-9]{4}-(?:0[1-9]|1[0-2])")
_EPOCH = re.compile(r"[0-9]+")
LATEST = int(dt.datetime(9999, 12, 31, 23, 59, 59, tzinfo=dt.UTC).timestamp())
EPOCH_FORM = (
    f"a whole number of seconds since 1970-01-01 UTC, from 0 to {LATEST}, "
    "as `git log -1 --format=%ct` prints it; or unset it"
)


def is_day(text: str) -> bool:
    """Whether ``text`` is YYYY-MM-DD and a day in the calendar."""
    if not _DAY.fullmatch(text):
        return False
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def is_month_or_day(text: str) -> bool:
    """Whether ``text`` is YYYY-MM or a day in the calendar (as sources are dated)."""
    return bool(_MONTH.fullmatch(text)) or is_day(text)


def build_moment() -> dt.datetime:
    """When the build happened: SOURCE_DATE_EPOCH when set, so that builds are reproducible;
    else today at midnight UTC, so that two builds on one day are identical too.

    Raises ValueError, saying what to set, for anything but seconds a date can show.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return dt.datetime.combine(dt.datetime.now(dt.UTC).date(), dt.time(), dt.UTC)
    if not _EPOCH.fullmatch(epoch) or len(epoch) > len(str(LATEST)) or int(epoch) > LATEST:
        shown = epoch if len(epoch) <= 40 else epoch[:40] + "…"
        raise ValueError(f"SOURCE_DATE_EPOCH={shown!r} must be {EPOCH_FORM}")
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC)


def today() -> str:
    """The build's day, YYYY-MM-DD (see ``build_moment``)."""
    return build_moment().date().isoformat()
