"""One test per pattern, each on sentences written for the tests (not from any article)."""

import pytest

from .helpers import brief, facts

DISTRICT = "Đảng bộ huyện Mường Tè"


def test_stocks_listed_after_have_and_split_after_of_which():
    text = (
        f"Đến nay, {DISTRICT} có 38 tổ chức cơ sở đảng, trong đó có 20 đảng bộ, 18 chi bộ; "
        "215 chi bộ trực thuộc đảng ủy cơ sở với 3.215 đảng viên."
    )
    assert brief(text) == [
        ("base_organizations", "stock", 38),
        ("base_party_committees", "stock", 20),
        ("base_party_cells", "stock", 18),
        ("subordinate_cells", "stock", 215),
        ("party_members", "stock", 3215),
    ]


def test_bare_cells_without_a_split_are_not_read():
    assert brief(f"{DISTRICT} sinh hoạt ở 45 chi bộ.") == []


def test_total_named_before_the_number():
    text = f"Hiện nay, tổng số chi bộ trực thuộc đảng ủy cơ sở của {DISTRICT} là 126 chi bộ."
    assert brief(text) == [("subordinate_cells", "stock", 126)]


def test_members_raised_to_a_new_total():
    text = f"Năm 2023, {DISTRICT} kết nạp 96 đảng viên, nâng tổng số đảng viên lên 5.012 đồng chí."
    assert brief(text) == [("admissions", "flow", 96), ("party_members", "stock", 5012)]


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


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2021, Huyện ủy Mường Tè kết nạp được 142 đảng viên mới.",
        "Năm 2021, huyện Mường Tè đã kết nạp mới 142 quần chúng ưu tú vào Đảng.",
        "Năm 2021, huyện Mường Tè có 142 quần chúng ưu tú được kết nạp vào Đảng.",
    ],
)
def test_admissions(text):
    assert brief(text) == [("admissions", "flow", 142)]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2021 huyện Mường Tè kết nạp 120 đảng viên, trong đó 45 đảng viên nữ.",
        "Năm 2021 huyện Mường Tè kết nạp 120 đảng viên, 45 đảng viên là người dân tộc thiểu số.",
    ],
)
def test_groups_among_those_admitted_are_not_admissions(text):
    assert brief(text) == [("admissions", "flow", 120)]


def test_training_classes_for_new_members_are_not_admissions():
    text = "Năm 2020, Huyện ủy Mường Tè mở 6 lớp bồi dưỡng cho 410 đảng viên mới kết nạp."
    assert brief(text) == []


def test_an_achieved_yearly_average_is_not_a_flow():
    assert (
        brief("Giai đoạn 2015-2020, bình quân mỗi năm huyện Mường Tè kết nạp 105 đảng viên.") == []
    )


def test_ratio_gives_the_flow_and_its_target_and_attainment_refers_to_the_flow():
    text = (
        "Từ đầu nhiệm kỳ đến nay, huyện Mường Tè kết nạp được 210/200 đảng viên, đạt 105% chỉ tiêu."
    )
    found = facts(text, "2024-10-20")
    assert [(f["metric"], f["kind"], f["value"], f["figure"]) for f in found] == [
        ("admissions", "flow", 210, "210"),
        ("admissions", "target", 200, "200"),
        ("admissions", "attainment", 105, "105%"),
    ]
    assert found[1]["comparator"] == ">=" and found[1]["basis"] == "total"
    assert (found[1]["period_start"], found[1]["period_end"]) == ("2020", "2025")
    assert (found[2]["period_start"], found[2]["period_end"]) == ("2020", "2024-10-20")


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


def test_expulsions():
    text = "Năm 2019, Huyện ủy Mường Tè đã khai trừ 3 đảng viên, xóa tên 12 đảng viên."
    assert brief(text) == [("expulsions", "flow", 3), ("expulsions", "flow", 12)]


def test_discipline_and_inspection_are_not_counts_of_the_district():
    text = (
        "Năm 2022, Huyện ủy Mường Tè kiểm tra 12 tổ chức cơ sở đảng; thi hành kỷ luật 4 đảng viên."
    )
    assert brief(text) == []


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
    text = "Năm 2020, huyện Mường Tè có 45 lượt tổ chức cơ sở đảng được khen; 12 đảng viên hoàn thành xuất sắc nhiệm vụ 5 năm liền."
    assert brief(text) == []


def test_subgroups_of_members_are_not_the_membership():
    text = "Đảng bộ huyện Mường Tè có 2.345 đảng viên được miễn sinh hoạt và 150 đảng viên dự bị."
    assert brief(text) == []


def test_targets_after_a_goal_word():
    text = "Nghị quyết Đại hội Đảng bộ huyện Mường Tè đề ra mục tiêu đến năm 2025 kết nạp từ 500 đảng viên trở lên."
    (goal,) = facts(text, "2021-01-05")
    assert (goal["metric"], goal["kind"], goal["value"], goal["comparator"]) == (
        "admissions",
        "target",
        500,
        ">=",
    )
    assert (goal["period_start"], goal["period_end"], goal["basis"]) == ("2021", "2025", "total")


def test_yearly_target_and_range_target():
    text = "Huyện ủy Mường Tè đặt chỉ tiêu kết nạp đảng viên mới hằng năm từ 90–100 đảng viên."
    found = facts(text, "2021-01-05")
    assert [(f["value"], f["comparator"], f["basis"], f["figure"]) for f in found] == [
        (90, ">=", "per_year", "90"),
        (100, "<=", "per_year", "100"),
    ]


def test_achieved_after_a_goal_word_is_not_a_target():
    text = "Thực hiện mục tiêu nghị quyết, năm 2022 huyện Mường Tè đã kết nạp 120 đảng viên."
    assert brief(text) == [("admissions", "flow", 120)]


def test_other_is_left_out_unless_asked_for():
    text = "Huyện Mường Tè có 14 xã, 1 thị trấn với 45.000 dân."
    assert brief(text) == []
    others = facts(text, include_other=True)
    assert {f["metric"] for f in others} == {"other"} and len(others) == 3


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2021, Đảng bộ huyện Mường Tè đã phát triển được 142 đảng viên.",
        "Năm 2021, toàn Đảng bộ huyện Mường Tè phát triển mới 142 đảng viên.",
    ],
)
def test_developing_members_is_admitting_them(text):
    assert brief(text) == [("admissions", "flow", 142)]


def test_a_goal_to_develop_members_stated_with_is():
    text = "Trong năm 2023, chỉ tiêu phát triển đảng viên mới của Đảng bộ huyện Mường Tè là 95 đảng viên."
    assert brief(text, "2023-04-01") == [("admissions", "target", 95)]


def test_the_plan_a_flow_is_counted_against():
    text = "Từ đầu năm 2023 đến nay, huyện Mường Tè kết nạp được 41 đảng viên trong tổng số 120 đảng viên theo kế hoạch năm 2023."
    found = facts(text, "2023-05-01")
    assert [(f["kind"], f["value"], f["period_start"], f["period_end"]) for f in found] == [
        ("flow", 41, "2023-01-01", "2023-05-01"),
        ("target", 120, "2023", "2023"),
    ]


def test_a_plan_and_its_result_in_one_sentence():
    text = "Huyện Mường Tè có kế hoạch năm 2022 phát triển 120 đảng viên và kết quả là 131 đảng viên mới được kết nạp."
    assert brief(text, "2023-01-10") == [("admissions", "target", 120), ("admissions", "flow", 131)]


def test_exceeding_a_goal_by_some_members_is_not_a_count():
    text = "Năm 2022, huyện Mường Tè kết nạp 150 đảng viên (vượt chỉ tiêu đặt ra là 30 đảng viên)."
    assert brief(text, "2023-01-10") == [("admissions", "flow", 150)]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2022, huyện Mường Tè kết nạp 150 đảng viên. Trong đó, Đảng bộ các xã kết nạp 120 đảng viên.",
        "Năm 2022, huyện Mường Tè kết nạp 150 đảng viên, riêng khối xã kết nạp được 120 đảng viên.",
        "Năm 2022, huyện Mường Tè kết nạp 150 đảng viên. Trong số đảng viên mới, có 12 đảng viên được kết nạp trong doanh nghiệp.",
    ],
)
def test_parts_opened_by_of_which_or_only_are_not_the_total(text):
    assert brief(text, "2023-01-10") == [("admissions", "flow", 150)]


def test_members_raised_to_a_total_after_a_bracketed_split():
    text = (
        "Năm 2022, huyện Mường Tè kết nạp 70 đảng viên (gồm 30 đảng viên nữ), nâng tổng số "
        "đảng viên lên 2.310 đồng chí, sinh hoạt trong 31 tổ chức cơ sở đảng."
    )
    assert brief(text, "2023-01-10") == [
        ("admissions", "flow", 70),
        ("party_members", "stock", 2310),
        ("base_organizations", "stock", 31),
    ]


def test_thousands_in_words():
    (members,) = facts("Đến nay, Đảng bộ TP.Biên Hòa có trên 23 ngàn đảng viên.")
    assert (members["value"], members["qualifier"], members["district_id"]) == (
        23000,
        ">",
        "bien-hoa-dong-nai",
    )


def test_direct_committees_under_the_district():
    text = "Đảng bộ huyện Mường Tè hiện có 21 đảng bộ trực thuộc và 9 chi bộ cơ sở."
    assert brief(text) == [("base_party_committees", "stock", 21), ("base_party_cells", "stock", 9)]


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


def test_a_plan_already_named_is_not_a_new_goal():
    text = "Năm 2019, Huyện ủy Mường Tè đã kết nạp vượt kế hoạch đề ra, tổng số 160 đảng viên."
    assert [f["kind"] for f in facts(text, "2020-01-10")] == ["flow"]


def test_removals_in_the_year_and_a_total_without_a_verb():
    text = (
        "Năm 2021, Huyện ủy Mường Tè kết nạp 90 đảng viên. Trong năm, đã xóa tên 4 đảng viên và cho ra 2 đảng viên. "
        "Hiện nay, tổng số đảng viên của đảng bộ hơn 3.100 đồng chí."
    )
    assert brief(text, "2022-06-01") == [
        ("admissions", "flow", 90),
        ("expulsions", "flow", 4),
        ("expulsions", "flow", 2),
        ("party_members", "stock", 3100),
    ]


def test_a_count_that_is_the_subject_of_a_predicate_is_no_stock():
    text = "Năm 2022, toàn huyện Mường Tè có 24 tổ chức cơ sở đảng kết nạp 101 đảng viên mới."
    assert brief(text, "2023-01-10") == [("admissions", "flow", 101)]


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
