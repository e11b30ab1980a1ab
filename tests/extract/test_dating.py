"""Periods given to readings: sentences written for the tests."""

from .helpers import facts


def periods(text: str, published: str | None = "2024-01-23") -> list[tuple]:
    return [
        (f["kind"], f["period_start"], f["period_end"], f["period_kind"], f["value"])
        for f in facts(text, published)
    ]


def test_a_flow_takes_the_period_of_an_earlier_sentence_of_its_paragraph():
    text = "Giai đoạn 2011-2020, Huyện ủy Mường Tè mở 30 lớp. Qua đó, đã kết nạp 940 đảng viên."
    assert periods(text) == [("flow", "2011", "2020", "review", 940)]


def test_a_flow_after_its_period_in_the_clause():
    text = "Huyện ủy Mường Tè kết nạp 64 đảng viên trong năm 2019."
    assert periods(text) == [("flow", "2019", "2019", "year", 64)]


def test_a_flow_without_any_period_is_not_proposed():
    assert periods("Huyện ủy Mường Tè đã kết nạp 64 đảng viên.") == []


def test_a_cut_off_ends_a_flow_that_the_review_starts():
    text = (
        "Hội nghị tổng kết Chỉ thị 10-CT/TU ngày 12/3/2012 của Tỉnh ủy được Huyện ủy Mường Tè tổ chức.\n"
        "Tính đến ngày 31/12/2016, đã có 530 quần chúng được kết nạp vào Đảng."
    )
    assert periods(text, "2017-05-02") == [("flow", "2012", "2016-12-31", "review", 530)]


def test_a_stock_until_now_is_at_the_publication_date_or_unknown():
    text = "Đến nay, Đảng bộ huyện Mường Tè có 4.100 đảng viên."
    assert periods(text) == [("stock", "", "2024-01-23", "dates", 4100)]
    unknown = facts(text, None, include_other=True)
    assert (unknown[0]["period_end"], unknown[0]["metric"]) == ("", "party_members")


def test_a_stock_without_a_time_phrase_is_dated_to_the_publication():
    assert periods("Đảng bộ huyện Mường Tè có 4.100 đảng viên.") == [
        ("stock", "", "2024-01-23", "dates", 4100)
    ]


def test_year_end_stock():
    text = "Đến hết năm 2023, Đảng bộ huyện Mường Tè có 39 TCCSĐ."
    assert periods(text) == [("stock", "", "2023-12-31", "dates", 39)]


def test_change_runs_from_its_baseline_to_the_moment_of_its_sentence():
    text = "Đến hết năm 2023, Đảng bộ huyện Mường Tè có 39 TCCSĐ, giảm 4 TCCSĐ so với năm 2020."
    assert periods(text)[1] == ("change", "2020", "2023-12-31", "dates", -4)


def test_term_target_without_a_stated_period_is_the_current_term():
    text = "Huyện ủy Mường Tè đề ra chỉ tiêu kết nạp 450 đảng viên."
    assert periods(text, "2021-02-01") == [("target", "2020", "2025", "term", 450)]


def test_target_of_a_stated_term():
    text = (
        "Nghị quyết Đảng bộ huyện Mường Tè nhiệm kỳ 2015-2020 đề ra chỉ tiêu kết nạp 400 đảng viên."
    )
    assert periods(text, "2016-02-01") == [("target", "2015", "2020", "term", 400)]


def test_year_to_date_flow():
    text = "6 tháng đầu năm 2024, Huyện ủy Mường Tè kết nạp 75 đảng viên."
    assert periods(text, "2024-07-10") == [("flow", "2024-01-01", "2024-06-30", "year_to_date", 75)]


def test_ratings_without_a_year_are_of_the_year_before_publication():
    text = "Kết quả phân loại hằng năm, huyện Mường Tè có 82% đảng viên hoàn thành tốt nhiệm vụ trở lên."
    assert periods(text, "2019-01-29") == [("stock", "", "2018", "year", 82)]
