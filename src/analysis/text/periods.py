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
from enum import StrEnum

import numpy as np
import pandas as pd

from analysis.text.phrases import Wording

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


# --- Periods as the sources mean them -----------------------------------------------------


class PeriodKind(StrEnum):
    """How a source means a period (the facts column `period_kind`)."""

    YEAR = "year"
    YEAR_TO_DATE = "year_to_date"
    TERM = "term"
    TERM_TO_DATE = "term_to_date"
    REVIEW = "review"
    DATES = "dates"


CONGRESS_DEFAULT = (7, 1)
"""Month and day of a district congress where the data gives none (mid-year)."""
CONGRESS_EARLIEST = (4, 1)
CONGRESS_LATEST = (8, 31)
"""District congresses are held between April and August of the term's first year."""
TERM_YEARS = 5
MIN_RANKED_YEARS = 0.5
"""Admissions over a span shorter than this (six months) are never annualised into ranks."""


@dataclass(frozen=True)
class Period:
    """A period as a careful reader may take it.

    Attributes:
        kind: How the source means it.
        start, end: The point reading (both days included).
        start_low, start_high, end_low, end_high: The admissible first and last days.
        years: Length of the point reading in years.
        years_low, years_high: The admissible lengths in years.
        reading: The name of the point reading.
        cutoff_known: False for a year-to-date figure whose end is not stated.
    """

    kind: PeriodKind
    start: date
    end: date
    start_low: date
    start_high: date
    end_low: date
    end_high: date
    years: float
    years_low: float
    years_high: float
    reading: str
    cutoff_known: bool = True


def _on(year: int, month_day: tuple[int, int]) -> date:
    return date(year, *month_day)


def infer_period_kind(start_text: str, end_text: str) -> PeriodKind | None:
    """Guesses how a period is meant from its shape alone (no `period_kind` given).

    Rules: one calendar year ("2021", or 1 January to 31 December) is a `year`; from the start
    of a year to an earlier cut-off, or to an end stated only as that year ("2009-01-01" to
    "2009"), is `year_to_date`; "Y"–"Y+5" with Y a congress year (a multiple of five) is a
    `term`; "Y+1"–"Y+5" (2021–2025) is a five-year plan of calendar years, taken as `dates`;
    other year-to-year spans are a `review`; a congress year to a later day is
    `term_to_date`; anything else is taken as exact `dates`. None for a moment (no start).
    """
    if not start_text:
        return None
    start, end = parse_partial_date(start_text), parse_partial_date(end_text)
    year_start = start.first_day == date(start.year, 1, 1) and start.precision in ("year", "day")
    if start.year == end.year and year_start:
        whole = end.last_day == date(end.year, 12, 31)
        if whole and (start.precision == "year" or end.precision != "year"):
            return PeriodKind.YEAR
        return PeriodKind.YEAR_TO_DATE
    if start.precision == "year" and end.precision == "year":
        if end.year - start.year == TERM_YEARS and start.year % TERM_YEARS == 0:
            return PeriodKind.TERM
        if end.year - start.year == TERM_YEARS - 1 and start.year % TERM_YEARS == 1:
            return PeriodKind.DATES  # a five-year plan of calendar years (2021–2025)
        return PeriodKind.REVIEW
    if start.precision == "year" and end.year > start.year and start.year % TERM_YEARS == 0:
        return PeriodKind.TERM_TO_DATE
    return PeriodKind.DATES


def _congress(year: int, congresses: tuple[date, ...]) -> tuple[date, date, date, str]:
    """The congress of a term's first year: (point, earliest, latest, reading)."""
    for day in congresses:
        if day.year == year:
            return day, day, day, Wording("congress_known", day=day)
    return (
        _on(year, CONGRESS_DEFAULT),
        _on(year, CONGRESS_EARLIEST),
        _on(year, CONGRESS_LATEST),
        Wording("congress_default", year=str(year)),
    )


def _make(kind, start, end, starts, ends, reading, years_bounds=None, cutoff_known=True):
    years_low = years_between(starts[1], ends[0]) if ends[0] >= starts[1] else 0.0
    years_high = years_between(starts[0], ends[1])
    if years_bounds:
        years_low, years_high = max(years_low, years_bounds[0]), min(years_high, years_bounds[1])
    return Period(
        kind, start, end, starts[0], starts[1], ends[0], ends[1],
        years_between(start, end), years_low, years_high, reading, cutoff_known,
    )  # fmt: skip


def read_period(
    start_text: str,
    end_text: str,
    kind: str | PeriodKind | None = None,
    published: date | None = None,
    congresses: tuple[date, ...] = (),
) -> Period | None:
    """Returns the admissible readings of a stated period, with the default point reading.

    Args:
        start_text, end_text: The period as stated (YYYY, YYYY-MM or YYYY-MM-DD).
        kind: How the source means it; inferred from the shape when empty.
        published: Publication date of the source: the latest possible unstated cut-off.
        congresses: Known congress dates of the district.

    Returns:
        None for a moment (no start).

    Raises:
        ValueError: If a date cannot be read.
    """
    kind = PeriodKind(kind) if kind else infer_period_kind(start_text, end_text)
    if kind is None:
        return None
    start, end = parse_partial_date(start_text), parse_partial_date(end_text)
    first, last = start.first_day, end.last_day
    if kind is PeriodKind.YEAR:
        return _make(kind, first, last, (first, first), (last, last), Wording("calendar_year"))
    if kind is PeriodKind.YEAR_TO_DATE:
        return _year_to_date(start, end, published)
    if kind is PeriodKind.TERM:
        point, early, late, reading = _congress(start.year, congresses)
        nxt, nxt_early, nxt_late, _ = _congress(end.year, congresses)
        day = timedelta(days=1)
        return _make(
            kind, point, nxt - day, (early, late), (nxt_early - day, nxt_late - day),
            Wording("term_reading", congress=reading),
        )  # fmt: skip
    if kind is PeriodKind.TERM_TO_DATE:
        point, early, late, reading = _congress(start.year, congresses)
        return _make(
            kind, point, last, (early, late), (end.first_day, last),
            Wording("term_to_date_reading", congress=reading),
        )  # fmt: skip
    if kind is PeriodKind.REVIEW:
        return _review(start, end)
    return _make(kind, first, last, (first, first), (last, last), Wording("dates_as_stated"))


def _year_to_date(start: PartialDate, end: PartialDate, published: date | None) -> Period:
    first = date(start.year, 1, 1)
    if end.precision != "year":
        return _make(
            PeriodKind.YEAR_TO_DATE, first, end.last_day, (first, first),
            (end.first_day, end.last_day), Wording("year_to_cutoff"),
        )  # fmt: skip
    year_end = date(end.year, 12, 31)
    latest = min(year_end, published) if published and published.year == end.year else year_end
    reading = Wording("cutoff_published") if latest != year_end else Wording("cutoff_year_end")
    return _make(
        PeriodKind.YEAR_TO_DATE, first, latest, (first, first), (first, latest), reading,
        cutoff_known=False,
    )  # fmt: skip


def _review(start: PartialDate, end: PartialDate) -> Period:
    span = end.year - start.year
    day = timedelta(days=1)
    if end.precision == "year":
        point_start, point_end = date(start.year, 7, 1), date(end.year, 6, 30)
        reading = Wording("review_mid_years", span=span, start=str(start.year), end=str(end.year))
    else:
        point_end = end.last_day
        point_start = _add_years(point_end + day, -span)
        reading = Wording("review_to_end", span=span)
    return _make(
        PeriodKind.REVIEW, point_start, point_end,
        (start.first_day, max(start.last_day, point_start)), (end.first_day, end.last_day), reading,
        years_bounds=(span, span + 1),
    )  # fmt: skip
