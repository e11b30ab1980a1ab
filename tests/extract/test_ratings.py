"""Ratings: counts and shares in a grade, on sentences written for the tests."""

from .helpers import facts


def rated(text: str, published: str = "2023-01-10") -> list[tuple]:
    return [
        (f["subject"], f["category"], f["kind"], f["value"], f["unit"])
        for f in facts(text, published)
        if f["metric"] == "evaluation"
    ]


def test_grade_after_the_figure_for_members_and_organisations():
    text = (
        "Năm 2022, huyện Mường Tè có 92,5% tổ chức cơ sở đảng được đánh giá hoàn thành tốt nhiệm "
        "vụ trở lên; 88% đảng viên hoàn thành tốt nhiệm vụ; 2 tổ chức không hoàn thành nhiệm vụ."
    )
    assert rated(text) == [
        ("organization", "good_or_above", "stock", 92.5, "percent"),
        ("member", "good", "stock", 88, "percent"),
        ("organization", "not_completed", "stock", 2, "count"),
    ]


def test_grade_before_the_figure_and_shares_of_the_count_before():
    text = (
        "Năm 2022, huyện Mường Tè: hoàn thành xuất sắc nhiệm vụ 7 chi, đảng bộ, chiếm 14%; "
        "hoàn thành tốt nhiệm vụ 40 chi, đảng bộ chiếm 80%."
    )
    assert rated(text) == [
        ("organization", "excellent", "stock", 7, "count"),
        ("organization", "excellent", "stock", 14, "percent"),
        ("organization", "good", "stock", 40, "count"),
        ("organization", "good", "stock", 80, "percent"),
    ]


def test_subject_from_the_sentence_topic():
    text = "Năm 2022 của huyện Mường Tè, về đảng viên: 11% hoàn thành xuất sắc nhiệm vụ, 83% hoàn thành tốt nhiệm vụ."
    assert [r[:2] for r in rated(text)] == [("member", "excellent"), ("member", "good")]


def test_parts_joined_by_and_are_summed_and_marked_as_such():
    text = "Năm 2022, huyện Mường Tè có 2 đảng bộ và 4 chi bộ hoàn thành xuất sắc nhiệm vụ."
    (total,) = facts(text, "2023-01-10")
    assert (total["category"], total["value"], total["figure"]) == (
        "excellent",
        6,
        "2 đảng bộ và 4",
    )


def test_of_which_makes_the_first_grade_cumulative():
    text = "Hằng năm, huyện Mường Tè có 100% TCCSĐ hoàn thành nhiệm vụ, trong đó 85% hoàn thành tốt nhiệm vụ trở lên. Từ năm 2016-2020, ..."
    found = [f for f in facts(text, "2021-01-10") if f["metric"] == "evaluation"]
    assert [(f["category"], f["value"]) for f in found] == [
        ("completed_or_above", 100),
        ("good_or_above", 85),
    ]
    assert (found[0]["period_start"], found[0]["period_end"], found[0]["basis"]) == (
        "2016",
        "2020",
        "each_year",
    )


def test_counted_out_of_those_assessed_with_share_in_brackets():
    text = "Năm 2023, huyện Mường Tè có 38/42 TCCSĐ (90,5%) hoàn thành tốt nhiệm vụ trở lên."
    assert rated(text, "2024-01-10") == [
        ("organization", "good_or_above", "stock", 38, "count"),
        ("organization", "assessed", "stock", 42, "count"),
        ("organization", "good_or_above", "stock", 90.5, "percent"),
    ]


def test_goal_for_a_share_of_good_counts_those_above():
    text = "Huyện ủy Mường Tè phấn đấu hằng năm có trên 85% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ, không có tổ chức cơ sở đảng yếu kém."
    found = [f for f in facts(text, "2021-01-05") if f["metric"] == "evaluation"]
    assert [(f["category"], f["kind"], f["value"], f["comparator"], f["basis"]) for f in found] == [
        ("good_or_above", "target", 85, ">=", "each_year"),
        ("not_completed", "target", 0, "<=", "each_year"),
    ]


def test_pre_2018_grade_is_its_own_category():
    text = (
        "Năm 2016, huyện Mường Tè có 65 tổ chức cơ sở đảng đạt trong sạch, vững mạnh, chiếm 80,2%."
    )
    assert [r[1] for r in rated(text, "2017-01-20")] == ["clean_strong_or_above"] * 2


def test_a_share_without_a_grade_is_not_a_rating():
    text = "Đến năm 2025, huyện Mường Tè phấn đấu tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ đạt 90%, trên 85% đảng viên là người tại chỗ."
    found = [f for f in facts(text, "2021-01-05") if f["metric"] == "evaluation"]
    assert [f["value"] for f in found] == [90]
