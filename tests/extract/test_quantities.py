import pytest

from analysis.extract.quantities import find_quantities


def read(text: str) -> list[tuple]:
    return [(text[q.start : q.end], q.value, q.percent, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Toàn huyện có 8.723 đảng viên", [("8.723", 8723.0, False, None)]),
        ("đạt 117,3% kế hoạch", [("117,3%", 117.3, True, None)]),
        ("đạt 117,3 % kế hoạch", [("117,3 %", 117.3, True, None)]),
        ("có gần 640 đảng viên", [("640", 640.0, False, "~")]),
        ("trên 90 % tổ chức", [("90 %", 90.0, True, ">")]),
        ("cho hơn 2.100 quần chúng", [("2.100", 2100.0, False, ">")]),
        ("khoảng 1.234,5 người", [("1.234,5", 1234.5, False, "~")]),
        ("kết nạp từ 85 đảng viên trở lên", [("85", 85.0, False, ">=")]),
        ("yếu kém không quá 2%", [("2%", 2.0, True, "<=")]),
        ("tăng 05 chi bộ", [("05", 5.0, False, None)]),
    ],
)
def test_vietnamese_numbers_and_qualifiers(text, expected):
    assert read(text) == expected


def test_from_alone_is_not_at_least():
    assert read("tăng từ 50 lên 60 đảng viên")[0][3] is None


def test_ratio_keeps_both_numbers():
    (q,) = find_quantities("kết nạp được 215/180 đảng viên")
    assert (q.value, q.denominator[0]) == (215.0, 180.0)


def test_range_is_one_figure_with_its_high_end():
    (q,) = find_quantities("mỗi năm kết nạp từ 80–95 đảng viên")
    assert (q.value, q.high[0]) == (80.0, 95.0)


@pytest.mark.parametrize(
    "text",
    [
        "Cập nhật 14:30 ngày 05/06/2023",
        "theo Nghị quyết số 15-NQ/HU, ngày 3/2/2022",
        "Sáng 17/5, hội nghị khai mạc",
        "sinh hoạt vào ngày 15 hằng tháng",
        "trong năm 2019 và năm 2020",
        "Hội nghị lần thứ 6, khóa 12",
        "Quận 3 và chi bộ 2",
    ],
)
def test_dates_times_codes_and_years_are_not_figures(text):
    assert find_quantities(text) == []


def test_total_before_a_number_is_not_a_label():
    assert read("với tổng số 3.507 đảng viên")[0][:2] == ("3.507", 3507.0)


def test_none_left_is_a_zero_share():
    (q,) = find_quantities("không còn chi bộ yếu kém")
    assert (q.value, q.percent) == (0.0, True)
