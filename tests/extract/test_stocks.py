"""Stocks of organisations and members, on sentences written for the tests."""

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


def test_discipline_and_inspection_are_not_counts_of_the_district():
    text = (
        "Năm 2022, Huyện ủy Mường Tè kiểm tra 12 tổ chức cơ sở đảng; thi hành kỷ luật 4 đảng viên."
    )
    assert brief(text) == []


def test_subgroups_of_members_are_not_the_membership():
    text = "Đảng bộ huyện Mường Tè có 2.345 đảng viên được miễn sinh hoạt và 150 đảng viên dự bị."
    assert brief(text) == []


def test_exceeding_a_goal_by_some_members_is_not_a_count():
    text = "Năm 2022, huyện Mường Tè kết nạp 150 đảng viên (vượt chỉ tiêu đặt ra là 30 đảng viên)."
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


def test_a_count_that_is_the_subject_of_a_predicate_is_no_stock():
    text = "Năm 2022, toàn huyện Mường Tè có 24 tổ chức cơ sở đảng kết nạp 101 đảng viên mới."
    assert brief(text, "2023-01-10") == [("admissions", "flow", 101)]
