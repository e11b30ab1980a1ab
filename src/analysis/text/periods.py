"""Periods as sources state them, and durations computed from dates.

The convention (also in data/README.md):

* A date may be a year (`2020`), a month (`2020-08`) or a day (`2020-08-05`).
* As the start of a period it means its first day; as the end, its last day. So a flow over
  "2010–2020" covers 1 January 2010 to 31 December 2020: eleven calendar years, every year
  stated. "2021" alone, as a flow, is the calendar year 2021.
* A year or month used as a moment (the date of a stock, the baseline of a change in a stock)
  means its last day: a stock "in 2023" is the year-end figure.
* "Until now" (đến nay) ends at the publication date; the dataset records that date as the
  period's end when the source gives it.
* Durations are measured in years from the dates, never by counting labels: whole years
  between anniversaries, plus the remaining days as a fraction of the year they fall in.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import pandas as pd

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_MY = re.compile(r"^(\d{1,2})[/.](\d{4})$")
_YMD_SLASH = re.compile(r"^(\d{4})/(\d{1,2})(?:/(\d{1,2}))?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, month or day.

    Attributes:
        year: The year.
        month: The month, or None when only the year is known.
        day: The day, or None when only the year or month is known.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """'year', 'month' or 'day'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    @property
    def first_day(self) -> date:
        """The first day the text can mean."""
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        """The last day the text can mean."""
        if self.day is not None:
            return date(self.year, self.month, self.day)
        month = self.month or 12
        return date(self.year, month, calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """Canonical text: YYYY, YYYY-MM or YYYY-MM-DD."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


def parse_partial_date(text: str) -> PartialDate:
    """Reads a year, month or day in ISO order or the Vietnamese day-first order.

    Accepts `2020`, `2020-08`, `2020-08-05`, `5/8/2020` (day first, as Vietnamese write it),
    `08/2020` and `2020/08/05`.

    Raises:
        ValueError: If the text is not such a date, or names a day that does not exist.
    """
    text = str(text).strip()
    year = month = day = None
    if m := _ISO.match(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
    elif m := _DMY.match(text):
        day, month, year = m.group(1), m.group(2), m.group(3)
    elif m := _MY.match(text):
        month, year = m.group(1), m.group(2)
    elif m := _YMD_SLASH.match(text):
        year, month, day = m.group(1), m.group(2), m.group(3)
    else:
        raise ValueError("not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY)")
    result = PartialDate(int(year), int(month) if month else None, int(day) if day else None)
    if result.month is not None and not 1 <= result.month <= 12:
        raise ValueError(f"month {result.month} does not exist")
    try:
        result.last_day  # noqa: B018 - validates the day against the calendar
    except ValueError:
        raise ValueError(f"no such day: {text}") from None
    if not 1900 <= result.year <= 2100:
        raise ValueError(f"year {result.year} is outside 1900-2100")
    return result


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a common year
        return day.replace(year=day.year + years, day=28)


def years_between(start: date, end: date) -> float:
    """Returns the length in years of the period from `start` to `end`, both days included.

    Whole years are counted between anniversaries of `start`; the days left over are divided
    by the length of the year they fall in. 1 January 2008 to 31 December 2015 is 8.0 years;
    1 January 2021 to 30 September 2021 is 273/365.
    """
    stop = end + timedelta(days=1)
    if stop <= start:
        raise ValueError(f"period ends ({end}) before it starts ({start})")
    whole = stop.year - start.year
    if _add_years(start, whole) > stop:
        whole -= 1
    anniversary = _add_years(start, whole)
    next_anniversary = _add_years(start, whole + 1)
    return whole + (stop - anniversary).days / (next_anniversary - anniversary).days


def years_between_series(start: pd.Series, end: pd.Series) -> pd.Series:
    """Vectorised `years_between` over datetime64 columns (NaN where a date is missing)."""
    out = pd.Series(np.nan, index=start.index, dtype="float64")
    mask = start.notna() & end.notna() & (end >= start)
    if mask.any():
        # Datasets repeat a few hundred distinct periods; compute each once.
        codes, unique = pd.MultiIndex.from_arrays([start[mask], end[mask]]).factorize()
        lengths = np.array([years_between(s.date(), e.date()) for s, e in unique])
        out[mask] = lengths[codes]
    return out


def moment_of(text: str) -> date:
    """Returns the day a stated moment refers to: the last day of a year or month."""
    return parse_partial_date(text).last_day


def period_label(start: str, end: str) -> str:
    """Formats a stated period for display: "2010–2020", "2021", "2020 – 2024-01-23".

    A period that is exactly its end's year or month ("2009-01-01" to "2009") shows as that.
    """
    if not start or start == end:
        return end
    if parse_partial_date(start).first_day == parse_partial_date(end).first_day:
        return end
    if len(start) == len(end) == 4:
        return f"{start}–{end}"
    return f"{start} – {end}"


def years_since(earlier: date, later: date) -> float:
    """Returns the years from one moment to a later one (the days after `earlier` up to
    `later`): 31 December 2010 to 31 December 2020 is 10.0 years."""
    if later <= earlier:
        raise ValueError(f"{later} is not after {earlier}")
    return years_between(earlier + timedelta(days=1), later)
