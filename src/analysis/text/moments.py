"""Moments (a date and a time of day) written for readers, as the page headers show when
they were made."""

from __future__ import annotations

import datetime as dt

_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_moment(iso: str, lang: str) -> str:
    """An ISO 8601 moment as people write it, in UTC: '30/11/2026, 14:41 (UTC)' in
    Vietnamese, '30 Nov 2026, 14:41 UTC' in English. Text that is not a moment is returned
    as it is (a page must still show what it was given)."""
    try:
        moment = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    if lang == "vi":
        day = f"{moment.day}/{moment.month}/{moment.year}"
    else:
        day = f"{moment.day} {_MONTHS_EN[moment.month - 1]} {moment.year}"
    if len(str(iso)) <= len("2026-11-30"):  # a day alone: no time of day to invent
        return day
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{day}, {clock} (UTC)" if lang == "vi" else f"{day}, {clock} UTC"
