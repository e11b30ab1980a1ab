import math

import pandas as pd
import pytest

from analysis.data.outputs import COLUMNS
from analysis.present.formats import (
    check_lang,
    format_date,
    format_number,
    format_period,
    format_value,
)


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "expected"),
    [
        (4014, 0, "vi", "4.014"),
        (4014, 0, "en", "4,014"),
        (95.5, 1, "vi", "95,5"),
        (18000.0, 0, "en", "18,000"),
        (1234567.891, 2, "vi", "1.234.567,89"),
        (-0.004, 1, "en", "0.0"),
    ],
)
def test_numbers_have_separators_and_fixed_decimals(value, decimals, lang, expected):
    assert format_number(value, decimals, lang) == expected


@pytest.mark.parametrize(
    ("column", "value", "vi", "en"),
    [
        ("members", 4014.0, "4.014", "4,014"),
        ("cagr_percent", 95.4999, "95,5 %", "95.5 %"),
        ("per_100_members", 2.8765, "2,88", "2.88"),
        ("years", 0.5287, "0,5", "0.5"),
        ("p_value", 3.978e-94, "< 0,001", "< 0.001"),
        ("statistic", 11917.0, "11.917", "11,917"),
        ("share_elapsed", 0.677, "67,7 %", "67.7 %"),
        ("short_span", True, "✓", "✓"),
        ("short_span", False, "", ""),
        ("metric", "party_members", "đảng viên", "party members"),
        ("members", math.nan, "", ""),
    ],
)
def test_values_follow_their_declared_kind(column, value, vi, en):
    assert format_value(value, COLUMNS[column], "vi") == vi
    assert format_value(value, COLUMNS[column], "en") == en


@pytest.mark.parametrize("big", [1.8e4, 1.192e4, 3.5e12, 1e-9])
def test_never_scientific_notation(big):
    for column in ("members", "statistic", "cagr_percent", "p_value", "per_year"):
        for lang in ("vi", "en"):
            assert "e" not in format_value(big, COLUMNS[column], lang).replace("<", "")


@pytest.mark.parametrize(
    ("text", "vi", "en"),
    [
        ("2020–2025", "nhiệm kỳ 2020–2025", "2020–2025 term"),
        ("2020 – 2025", "nhiệm kỳ 2020–2025", "2020–2025 term"),
        ("2016–2018", "2016–2018", "2016–2018"),
        ("2023 – 2023-05-28", "2023, đến 28/5", "2023, to 28 May"),
        ("2014-01-01 – 2014-04-03", "1/1 – 3/4/2014", "1 Jan – 3 Apr 2014"),
        ("2020 – 2024-01-23", "2020 – 23/1/2024", "2020 – 23 Jan 2024"),
        ("2023", "2023", "2023"),
        ("2023-05", "tháng 5/2023", "May 2023"),
        ("an odd label", "an odd label", "an odd label"),
    ],
)
def test_periods_are_written_as_people_write_them(text, vi, en):
    assert (format_period(text, "vi"), format_period(text, "en")) == (vi, en)


def test_a_year_end_is_the_end_of_that_year():
    assert format_date(pd.Timestamp("2023-12-31"), "en") == "end of 2023"
    assert format_date(pd.Timestamp("2023-12-31"), "vi") == "cuối năm 2023"
    assert format_date(pd.Timestamp("2024-01-23"), "vi") == "23/1/2024"


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'vi' or 'en'"):
        check_lang("fr")


def test_words_of_the_phrase_book_are_said_from_it_even_as_plain_text():
    from analysis.present.formats import VALUES_VI
    from analysis.text.phrase_book import PHRASES
    from analysis.text.phrases import static_phrase

    said = {entry["en"] for entry in PHRASES.values() if "{" not in entry["en"]}
    assert not said & set(VALUES_VI)  # one source for each: the phrase book
    check = COLUMNS["check"]
    for code in ("change_vs_stocks", "excellent_cap", "library", "pair_first_to_last"):
        plain = str(PHRASES[code]["en"])
        assert static_phrase(plain).code == code
        assert format_value(plain, check, "vi") == PHRASES[code]["vi"]
        assert format_value(plain, check, "en") == plain
    assert format_value("pre-2018", COLUMNS["scheme"], "vi") == "trước 2018"
    assert format_value("2010–2020 (each year)", COLUMNS["period"], "vi") == "2010–2020 (mỗi năm)"
    assert format_value("2010–2020 (each year)", COLUMNS["period"], "en") == "2010–2020 (each year)"


@pytest.mark.parametrize(
    ("stated", "vi", "en"),
    [
        ("2019-01-15", "15/1/2019", "15 Jan 2019"),
        ("2023-12-31", "31/12/2023", "31 Dec 2023"),  # a day, not "end of 2023"
        ("2023-05", "tháng 5/2023", "May 2023"),
        ("2023", "2023", "2023"),
        ("mid-2023", "mid-2023", "mid-2023"),  # not a date: shown as stated
    ],
)
def test_a_sources_date_is_written_as_people_write_it(stated, vi, en):
    column = COLUMNS["published"]
    assert (format_value(stated, column, "vi"), format_value(stated, column, "en")) == (vi, en)
