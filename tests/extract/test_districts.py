from analysis.extract.districts import district_for, find_mentions
from analysis.extract.segment import read_document


def mentioned(text: str) -> list[tuple]:
    doc = read_document(text)
    return [(doc.text[m.start : m.end], m.candidates) for m in find_mentions(doc)]


def test_names_after_a_district_prefix_or_committee():
    text = (
        "Huyện ủy Mường Tè họp. Đảng bộ huyện Sốp Cộp có. Thành ủy Long Xuyên báo cáo. "
        "Thị ủy Kỳ Anh chỉ đạo. TP. Long Xuyên phát triển."
    )
    assert mentioned(text) == [
        ("Mường Tè", ("muong-te-lai-chau",)),
        ("Sốp Cộp", ("sop-cop-son-la",)),
        ("Long Xuyên", ("long-xuyen-an-giang",)),
        ("Kỳ Anh", ("thi-xa-ky-anh-ha-tinh",)),
        ("Long Xuyên", ("long-xuyen-an-giang",)),
    ]


def test_a_commune_of_the_same_name_is_not_the_district():
    assert mentioned("Chi bộ tiểu khu 2, xã Vân Hồ sinh hoạt") == []


def test_a_shared_name_is_settled_by_the_province_named():
    assert mentioned("Huyện ủy Bảo Lâm, tỉnh Lâm Đồng tổ chức") == [
        ("Bảo Lâm", ("bao-lam-lam-dong",))
    ]
    assert mentioned("Huyện ủy Bảo Lâm tổ chức")[0][1] == ("bao-lam-cao-bang", "bao-lam-lam-dong")


def test_figure_takes_the_last_district_named_before_it_in_a_round_up():
    text = "Huyện Mường Tè có 3.100 đảng viên; huyện Phong Thổ có 4.520 đảng viên."
    doc = read_document(text)
    mentions = find_mentions(doc)
    assert district_for(mentions, text.index("3.100"))[0] == "muong-te-lai-chau"
    assert district_for(mentions, text.index("4.520"))[0] == "phong-tho-lai-chau"


def test_no_district_lowers_the_confidence():
    assert district_for([], 10) == ("", 0.5)
