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


def test_a_grade_shared_by_two_figures_joined_by_and():
    text = "Năm 2022, huyện Mường Tè có trên 90% tổ chức cơ sở đảng và 88% đảng viên hoàn thành tốt nhiệm vụ trở lên."
    assert rated(text) == [
        ("organization", "good_or_above", "stock", 90, "percent"),
        ("member", "good_or_above", "stock", 88, "percent"),
    ]


def test_excellent_and_good_together_is_good_or_above():
    text = "Năm 2022, huyện Mường Tè có 86,4% đảng viên hoàn thành xuất sắc nhiệm vụ và hoàn thành tốt nhiệm vụ."
    assert rated(text) == [("member", "good_or_above", "stock", 86.4, "percent")]


def test_pre_2018_member_grades_and_not_yet_completed():
    text = (
        "Năm 2016, huyện Mường Tè có 210 đảng viên đủ tư cách hoàn thành xuất sắc nhiệm vụ; "
        "tỷ lệ chưa hoàn thành nhiệm vụ là 0,8%."
    )
    assert rated(text, "2017-02-01") == [
        ("member", "excellent", "stock", 210, "count"),
        ("member", "not_completed", "stock", 0.8, "percent"),
    ]


def test_rating_year_from_earlier_in_the_article_and_changes_in_points():
    text = (
        "Huyện ủy Mường Tè đã đánh giá chất lượng năm 2021.\n"
        "Có 12 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (bằng 30% và tăng 2,5% so với năm 2020); "
        "25 tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ (bằng 62,5% và giảm 1,5%)."
    )
    found = [f for f in facts(text, "2022-01-20") if f["metric"] == "evaluation"]
    changes = [
        (f["category"], f["value"], f["period_start"], f["period_end"])
        for f in found
        if f["kind"] == "change"
    ]
    assert changes == [("excellent", 2.5, "2020", "2021"), ("good", -1.5, "2020", "2021")]
    assert {f["period_end"] for f in found} == {"2021"}
