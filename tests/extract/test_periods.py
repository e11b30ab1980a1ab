from datetime import date

import pytest

from analysis.extract.periods import (
    TimeContext,
    find_published,
    find_time_phrases,
    term_containing,
)
from analysis.extract.segment import read_document
from analysis.text.periods import parse_partial_date


def phrases(text: str, published: str | None = "2024-05-10") -> list[tuple]:
    day = parse_partial_date(published) if published else None
    term = term_containing(day.last_day) if day else None
    doc = read_document(text)
    return [
        (doc.text[p.start : p.end], p.role, p.kind, p.period_start, p.period_end)
        for p in find_time_phrases(doc, TimeContext(day, term))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Năm 2021, huyện kết nạp", ("Năm 2021", "period", "year", "2021", "2021")),
        (
            "6 tháng đầu năm 2024, kết nạp",
            ("6 tháng đầu năm 2024", "period", "year_to_date", "2024-01-01", "2024-06-30"),
        ),
        (
            "4 tháng, toàn huyện kết nạp",
            ("4 tháng", "period", "year_to_date", "2024-01-01", "2024-04-30"),
        ),
        (
            "Từ đầu năm đến nay, kết nạp",
            ("Từ đầu năm đến nay", "period", "year_to_date", "2024-01-01", "2024-05-10"),
        ),
        (
            "Từ đầu năm 2022 đến nay, kết nạp",
            ("Từ đầu năm 2022 đến nay", "period", "dates", "2022-01-01", "2024-05-10"),
        ),
        (
            "trong nhiệm kỳ 2015 – 2020, kết nạp",
            ("nhiệm kỳ 2015 – 2020", "period", "term", "2015", "2020"),
        ),
        (
            "từ đầu nhiệm kỳ đến nay kết nạp",
            ("từ đầu nhiệm kỳ đến nay", "period", "term_to_date", "2020", "2024-05-10"),
        ),
        (
            "giai đoạn 2011-2020 kết nạp",
            ("giai đoạn 2011-2020", "period", "review", "2011", "2020"),
        ),
        (
            "từ năm 2010 đến năm 2015",
            ("từ năm 2010 đến năm 2015", "period", "review", "2010", "2015"),
        ),
        ("Đến hết năm 2023, có", ("Đến hết năm 2023", "moment", "dates", "", "2023-12-31")),
        ("đến cuối năm 2019 có", ("đến cuối năm 2019", "moment", "dates", "", "2019-12-31")),
        (
            "Tính đến ngày 30/6/2018 có",
            ("Tính đến ngày 30/6/2018", "moment", "dates", "", "2018-06-30"),
        ),
        (
            "tính đến tháng 9/2022 có",
            ("tính đến tháng 9/2022", "moment", "dates", "", "2022-09-30"),
        ),
        ("Hiện nay, huyện có", ("Hiện nay", "moment", "dates", "", "2024-05-10")),
        ("so với năm 2015", ("so với năm 2015", "baseline", "year", "2015", "")),
        ("đến năm 2030 phấn đấu", ("đến năm 2030", "horizon", "year", "", "2030")),
        ("bình quân hằng năm kết nạp", ("bình quân hằng năm", "per_year", "", "", "")),
        ("hàng năm có", ("hàng năm", "each_year", "", "", "")),
    ],
)
def test_each_kind_of_phrase(text, expected):
    assert phrases(text)[0] == expected


def test_months_after_the_publication_month_are_last_year():
    assert phrases("9 tháng, toàn huyện kết nạp")[0][3:] == ("2023-01-01", "2023-09-30")


def test_until_now_without_a_publication_date_has_no_end():
    assert phrases("Đến nay, huyện có", published=None)[0][4] == ""


def test_years_past_take_the_range_the_article_states():
    found = phrases("Tổng kết giai đoạn 2010 - 2020. Trong 10 năm qua, huyện kết nạp", "2021-03-02")
    assert found[1][2:] == ("review", "2010", "2020")


def test_years_past_without_a_stated_range_count_back_from_publication():
    assert phrases("Trong 5 năm qua, huyện kết nạp", "2021-03-02")[0][3:] == ("2016", "2021-03-02")


def test_implementing_is_not_currently():
    assert phrases("thực hiện có hiệu quả") == []


def test_a_streak_is_not_a_period():
    assert phrases("hoàn thành xuất sắc nhiệm vụ 3 năm liền") == []


@pytest.mark.parametrize(
    ("day", "term"),
    [
        (date(2020, 3, 1), (2015, 2020)),
        (date(2020, 9, 1), (2020, 2025)),
        (date(2023, 1, 23), (2020, 2025)),
        (date(2016, 7, 13), (2015, 2020)),
    ],
)
def test_term_of_a_day(day, term):
    assert term_containing(day) == term


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tiêu đề bài\n\n09:15 12/03/2022\n\nNội dung.", "2022-03-12"),
        ("Tiêu đề bài\nThứ Hai, 23/01/2024 - 15:30 (GMT+7)\nNội dung.", "2024-01-23"),
        ("Tiêu đề bài\nngày 5 tháng 4 năm 2019\nNội dung.", "2019-04-05"),
    ],
)
def test_dateline(text, expected):
    assert find_published(read_document(text)).isoformat() == expected


def test_a_date_inside_a_sentence_is_not_a_dateline():
    text = (
        "Tiêu đề\nTriển khai Nghị quyết số 07-NQ/TU ngày 14/3/2022 của Tỉnh ủy về công tác cán bộ."
    )
    assert find_published(read_document(text)) is None
