"""Days and moments (a day and a time of day) written for readers: '28/5/2023' in
Vietnamese, '28 May 2023' in English; without pandas, so that the runner's pages (the index,
report headers) can use them."""

from __future__ import annotations

import datetime as dt

MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def write_day(day, lang: str, *, year: bool = True) -> str:
    """A day (anything with `day`, `month` and `year`: a date, a pandas Timestamp) as people
    write it: '28/5/2023' in Vietnamese, '28 May 2023' in English; without the year when
    `year` is false."""
    if lang == "vi":
        return f"{day.day}/{day.month}" + (f"/{day.year}" if year else "")
    return f"{day.day} {MONTHS_EN[day.month - 1]}" + (f" {day.year}" if year else "")


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
    day = write_day(moment, lang)
    if len(str(iso)) <= len("2026-11-30"):  # a day alone: no time of day to invent
        return day
    clock = f"{moment.hour:02d}:{moment.minute:02d}"
    return f"{day}, {clock} (UTC)" if lang == "vi" else f"{day}, {clock} UTC"
