"""Rules over any metric: attainments, changes, scope, targets, round-ups, on sentences
written for the tests (not from any article)."""

import pytest

from .helpers import brief, facts

DISTRICT = "Đảng bộ huyện Mường Tè"


def test_change_needs_a_baseline():
    with_base = f"{DISTRICT} có 40 TCCSĐ, tăng 3 TCCSĐ so với năm 2015."
    assert brief(with_base)[1] == ("base_organizations", "change", 3)
    assert facts(with_base)[1]["period_start"] == "2015"
    assert brief(f"{DISTRICT} có 40 TCCSĐ, tăng 3 TCCSĐ.") == [("base_organizations", "stock", 40)]


def test_decrease_is_negative_and_baseline_may_come_first():
    text = f"So với năm 2018, số đảng viên của {DISTRICT} giảm 12 đồng chí."
    assert brief(text) == [("party_members", "change", -12)]


def test_change_of_admissions_follows_the_admissions_figure():
    text = f"Năm 2022, {DISTRICT} kết nạp 180 đảng viên, tăng 20 đảng viên so với năm 2021."
    assert brief(text) == [("admissions", "flow", 180), ("admissions", "change", 20)]


def test_percent_change_is_not_proposed():
    assert brief(f"{DISTRICT} có 5.123 đảng viên, tăng 8% so với năm 2020.") == [
        ("party_members", "stock", 5123)
    ]


def test_exceeding_a_target_is_percent_above_target():
    text = (
        "Nhiệm kỳ 2015 – 2020, Đảng bộ thị xã Kỳ Anh kết nạp 1.250 đảng viên, vượt 4,2% chỉ tiêu."
    )
    found = facts(text, "2020-09-01")
    assert [(f["kind"], f["value"], f["unit"]) for f in found] == [
        ("flow", 1250, "count"),
        ("attainment", 4.2, "percent_above_target"),
    ]
    assert found[0]["district_id"] == "thi-xa-ky-anh-ha-tinh"


def test_a_share_of_a_plan_without_a_figure_before_is_not_an_attainment():
    assert brief(f"{DISTRICT} có 50 TCCSĐ, thực hiện đạt 100% kế hoạch kiểm tra.") == [
        ("base_organizations", "stock", 50)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Chi bộ bản Hua Pe, xã Mường Tè có 32 đảng viên.",
        "Trường THPT Mường Tè kết nạp 6 đảng viên trong năm 2022.",
        "Toàn tỉnh có 60.000 đảng viên.",
    ],
)
def test_figures_of_a_lower_unit_or_the_province_are_not_proposed(text):
    assert brief(text) == []


def test_occasions_and_streaks_are_not_proposed():
    text = "Năm 2020, huyện Mường Tè có 45 lượt tổ chức cơ sở đảng được khen; 12 đảng viên hoàn thành xuất sắc nhiệm vụ 3 năm liền."
    assert brief(text) == []


def test_other_is_left_out_unless_asked_for():
    text = "Huyện Mường Tè có 14 xã, 1 thị trấn với 45.000 dân."
    assert brief(text) == []
    others = facts(text, include_other=True)
    assert {f["metric"] for f in others} == {"other"} and len(others) == 3


def test_headline_figures_restate_the_body():
    text = "Mường Tè: kết nạp hơn 100 đảng viên\nNăm 2022, Huyện ủy Mường Tè kết nạp 104 đảng viên."
    assert brief(text, "2023-01-10") == [("admissions", "flow", 104)]


def test_a_fact_stated_twice_is_proposed_once():
    text = (
        "Năm 2022, Huyện ủy Mường Tè kết nạp 104 đảng viên.\n"
        "Các chi bộ làm tốt công tác tạo nguồn.\n"
        "Năm 2022, Huyện ủy Mường Tè kết nạp 104 đảng viên."
    )
    (once,) = facts(text, "2023-01-10")
    assert once["value"] == 104


def test_abbreviated_members_and_bare_attainments_in_a_round_up():
    text = (
        "Từ đầu năm đến nay, toàn tỉnh Sơn La kết nạp 1.900 đảng viên. Cụ thể, Đảng bộ huyện "
        "Mường La kết nạp 120 ĐV (đạt 105% kế hoạch); Đảng bộ huyện Sông Mã kết nạp 95 ĐV, đạt 98,5%."
    )
    found = facts(text, "2023-10-01")
    assert [(f["district_id"], f["kind"], f["value"]) for f in found] == [
        ("muong-la-son-la", "flow", 120),
        ("muong-la-son-la", "attainment", 105),
        ("song-ma-son-la", "flow", 95),
        ("song-ma-son-la", "attainment", 98.5),
    ]


def test_a_city_that_is_a_province_is_not_a_district():
    text = "Năm 2022, Đảng bộ TP Đà Nẵng kết nạp 2.100 đảng viên; Đảng bộ huyện Hòa Vang kết nạp 180 đảng viên."
    assert [(f["district_id"], f["value"]) for f in facts(text, "2023-01-10")] == [
        ("hoa-vang-da-nang", 180)
    ]


def test_elided_items_of_a_round_up_take_the_first_reading():
    text = (
        "Năm 2024, Tỉnh ủy giao chỉ tiêu kết nạp đảng viên cho các đảng bộ. Cụ thể: Đảng bộ huyện "
        "Mường La chỉ tiêu kết nạp 120 đảng viên mới; Sông Mã 95; Yên Châu 70."
    )
    found = facts(text, "2024-01-05")
    assert [(f["district_id"], f["kind"], f["value"], f["period_end"]) for f in found] == [
        ("muong-la-son-la", "target", 120, "2024"),
        ("song-ma-son-la", "target", 95, "2024"),
        ("yen-chau-son-la", "target", 70, "2024"),
    ]


def test_a_district_named_without_prefix_when_no_other_is():
    text = "Mộc Châu: công tác phát triển đảng viên\nNăm 2022, Mộc Châu kết nạp được 210 đảng viên."
    (flow,) = facts(text, "2023-01-05")
    assert (flow["district_id"], flow["value"]) == ("moc-chau-son-la", 210)


def test_dates_without_a_year_and_cut_off_flows():
    text = "Đến ngày 15/8, Huyện ủy Mường Tè đã kết nạp 64 đảng viên; đến hết tháng 11, kết nạp 90 đảng viên."
    found = facts(text, "2023-12-01")
    assert [(f["period_start"], f["period_end"], f["period_kind"]) for f in found] == [
        ("2023-01-01", "2023-08-15", "year_to_date"),
        ("2023-01-01", "2023-11-30", "year_to_date"),
    ]


def test_a_term_to_a_stated_month():
    text = "Từ đầu nhiệm kỳ 2020-2025 đến hết tháng 6/2023, Đảng bộ huyện Mường Tè kết nạp được 410 đảng viên."
    (flow,) = facts(text, "2023-07-10")
    assert (flow["period_start"], flow["period_end"], flow["period_kind"]) == (
        "2020",
        "2023-06-30",
        "term_to_date",
    )


def test_an_increase_stated_beside_a_goal_is_not_a_change_of_members():
    text = "Năm 2023, Huyện ủy Mường Tè phấn đấu kết nạp 118 đảng viên mới, tăng 17 đảng viên so với năm 2022."
    assert brief(text, "2023-02-01") == [("admissions", "target", 118)]


def test_a_year_inside_a_comparison_is_its_baseline_not_the_date():
    text = "Đến nay, Đảng bộ huyện Mường Tè có 43 tổ chức cơ sở đảng, tăng 9 so với thời điểm tái lập năm 2003, với 1.980 đảng viên."
    assert [(f["metric"], f["period_end"]) for f in facts(text, "2024-10-22")][-1] == (
        "party_members",
        "2024-10-22",
    )


def test_a_rate_reached_is_no_attainment():
    text = "Năm 2022, Huyện ủy Mường Tè kết nạp được 358 đảng viên mới, đạt tỷ lệ 7,6%."
    assert brief(text, "2023-01-10") == [("admissions", "flow", 358)]


def test_an_attainment_stated_as_a_rate_of_the_quota():
    text = "Năm 2022, Huyện ủy Mường Tè kết nạp được 56 đảng viên mới, đạt tỷ lệ 101,8% chỉ tiêu được giao."
    assert brief(text, "2023-01-10") == [
        ("admissions", "flow", 56),
        ("admissions", "attainment", 101.8),
    ]
