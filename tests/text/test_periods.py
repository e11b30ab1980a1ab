from datetime import date, timedelta

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.periods import (
    moment_of,
    parse_partial_date,
    period_label,
    years_between,
    years_between_series,
)


@pytest.mark.parametrize(
    ("text", "iso", "first", "last"),
    [
        ("2020", "2020", date(2020, 1, 1), date(2020, 12, 31)),
        ("2020-02", "2020-02", date(2020, 2, 1), date(2020, 2, 29)),
        ("2024-01-23", "2024-01-23", date(2024, 1, 23), date(2024, 1, 23)),
        ("23/01/2024", "2024-01-23", date(2024, 1, 23), date(2024, 1, 23)),
        ("5/8/2020", "2020-08-05", date(2020, 8, 5), date(2020, 8, 5)),
        ("08/2020", "2020-08", date(2020, 8, 1), date(2020, 8, 31)),
        ("2020/08/05", "2020-08-05", date(2020, 8, 5), date(2020, 8, 5)),
    ],
)
def test_parse_partial_date(text, iso, first, last):
    parsed = parse_partial_date(text)
    assert parsed.isoformat() == iso
    assert parsed.first_day == first
    assert parsed.last_day == last


@pytest.mark.parametrize("text", ["2023-02-30", "31/13/2020", "20", "yesterday", "1800", ""])
def test_parse_partial_date_refuses(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_long_xuyen_period_is_eight_years():
    # Long Xuyên: admissions from 2008 to 2015-12-31.
    assert years_between(date(2008, 1, 1), date(2015, 12, 31)) == 8.0


def test_stated_years_are_all_covered():
    # Sa Thầy: "2010-2020" covers eleven calendar years under the convention.
    assert years_between(date(2010, 1, 1), date(2020, 12, 31)) == 11.0


def test_partial_year():
    assert years_between(date(2021, 1, 1), date(2021, 9, 30)) == pytest.approx(273 / 365)
    assert years_between(date(2020, 1, 1), date(2020, 12, 31)) == 1.0


def test_end_before_start_is_refused():
    with pytest.raises(ValueError):
        years_between(date(2020, 1, 2), date(2020, 1, 1))


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)).filter(lambda d: d.day <= 28),
    st.integers(min_value=1, max_value=30),
)
def test_whole_years_are_whole(start, years):
    end = start.replace(year=start.year + years) - timedelta(days=1)
    assert years_between(start, end) == years


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1)),
    st.integers(min_value=0, max_value=5000),
    st.integers(min_value=1, max_value=400),
)
def test_years_grow_with_the_end(start, days, extra):
    end = start + pd.Timedelta(days=days).to_pytimedelta()
    later = end + pd.Timedelta(days=extra).to_pytimedelta()
    assert years_between(start, later) > years_between(start, end)


def test_series_matches_scalar():
    starts = pd.Series(pd.to_datetime(["2008-01-01", None, "2021-01-01"]))
    ends = pd.Series(pd.to_datetime(["2015-12-31", "2020-01-01", "2021-09-30"]))
    result = years_between_series(starts, ends)
    assert result[0] == 8.0
    assert pd.isna(result[1])
    assert result[2] == pytest.approx(273 / 365)


def test_moment_and_label():
    assert moment_of("2010") == date(2010, 12, 31)
    assert period_label("2010", "2020") == "2010–2020"
    assert period_label("", "2023-12-31") == "2023-12-31"
    assert period_label("2020", "2024-01-23") == "2020 – 2024-01-23"
    assert period_label("2009-01-01", "2009") == "2009"
    assert period_label("2021-03", "2021-03-31") == "2021-03 – 2021-03-31"
    assert period_label("2022", "2022-07-31") == "2022 – 2022-07-31"
