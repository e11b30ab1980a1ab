import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.numbers import (
    NumberFormatError,
    classify,
    format_vietnamese,
    parse_number,
    parse_number_column,
)


@pytest.mark.parametrize(
    ("text", "value", "qualifier", "percent"),
    [
        ("8.723", 8723, None, False),
        ("8723", 8723, None, False),
        ("117,3%", 117.3, None, True),
        ("117.3", 117.3, None, False),
        ("1.234,5", 1234.5, None, False),
        ("1,234.5", 1234.5, None, False),
        ("1.234.567", 1234567, None, False),
        ("1,234,567", 1234567, None, False),
        ("0,25", 0.25, None, False),
        ("-3", -3, None, False),
        ("8 723", 8723, None, False),
        ("gần 11.000", 11000, "~", False),
        ("trên 90", 90, ">", False),
        ("trên 90%", 90, ">", True),
        ("hơn 3.490", 3490, ">", False),
        ("khoảng 2%", 2, "~", True),
        ("dưới 5", 5, "<", False),
        ("từ 90 trở lên", 90, ">=", False),
        ("90 trở lên", 90, ">=", False),
        ("more than 9200", 9200, ">", False),
        ("nearly 10500", 10500, "~", False),
        ("≥ 400", 400, ">=", False),
        ("  469 ", 469, None, False),
    ],
)
def test_parse_number_examples(text, value, qualifier, percent):
    parsed = parse_number(text)
    assert parsed.value == pytest.approx(value)
    assert parsed.qualifier == qualifier
    assert parsed.percent is percent


@pytest.mark.parametrize("text", ["", "abc", "12abc", "1.2.3", "-", "1,23,4", "bốn trăm"])
def test_parse_number_refuses_non_numbers(text):
    with pytest.raises(NumberFormatError):
        parse_number(text)


def test_ambiguous_values_follow_the_convention():
    assert parse_number("8.723").ambiguous
    assert parse_number("8.723", convention="en").value == pytest.approx(8.723)
    assert parse_number("8,723", convention="en").value == 8723
    assert parse_number("8,723", convention="vi").value == pytest.approx(8.723)


@pytest.mark.parametrize(
    ("token", "kind"),
    [
        ("123", "plain"),
        ("8.723", "ambiguous-dot"),
        ("8,723", "ambiguous-comma"),
        ("117.3", "en"),
        ("117,3", "vi"),
        ("1.234.567", "vi"),
        ("1,234,567", "en"),
        ("1.2.3", "invalid"),
    ],
)
def test_classify(token, kind):
    assert classify(token) == kind


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=3))
def test_vietnamese_formatting_round_trips(number, decimals):
    value = number / 10**decimals
    text = format_vietnamese(value, decimals)
    assert parse_number(text, convention="vi").value == pytest.approx(value, abs=10**-decimals)


@given(st.integers(min_value=1000, max_value=10**12))
def test_english_thousands_round_trip(number):
    text = f"{number:,}"
    assert parse_number(text, convention="en").value == number


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.sampled_from(["trên", "gần"]))
def test_qualifier_words_keep_the_number(value, word):
    text = f"{word} {format_vietnamese(value, 2)}"
    parsed = parse_number(text)
    assert parsed.qualifier in (">", "~")
    assert math.isclose(parsed.value, round(value, 2), abs_tol=0.006)


def test_column_detects_english_convention():
    column = parse_number_column(pd.Series(["117.3", "8.723", "12"]))
    assert column.convention == "en"
    assert column.values.tolist() == pytest.approx([117.3, 8.723, 12])


def test_column_detects_vietnamese_convention():
    column = parse_number_column(pd.Series(["117,3", "8.723", "12"]))
    assert column.convention == "vi"
    assert column.values.tolist() == pytest.approx([117.3, 8723, 12])


def test_column_without_evidence_reads_vietnamese_and_says_so():
    column = parse_number_column(pd.Series(["8.723", "12"]))
    assert column.convention is None
    assert column.ambiguous_rows == [0]
    assert column.values[0] == 8723


def test_column_with_both_conventions_is_mixed():
    column = parse_number_column(pd.Series(["117,3", "117.3"]))
    assert column.mixed == {"vi": [0], "en": [1]}


def test_column_reports_errors_by_row():
    column = parse_number_column(pd.Series(["1", "x", ""], index=[2, 3, 4]))
    assert list(column.errors) == [3]
    assert math.isnan(column.values[4])
