"""Admissions and removals, on sentences written for the tests (not from any article)."""

import pytest

from .helpers import brief, facts


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


def test_expulsions():
    text = "Năm 2019, Huyện ủy Mường Tè đã khai trừ 3 đảng viên, xóa tên 12 đảng viên."
    assert brief(text) == [("expulsions", "flow", 3), ("expulsions", "flow", 12)]


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
