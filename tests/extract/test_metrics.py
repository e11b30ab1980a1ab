import pytest

from analysis.extract import metrics
from analysis.extract.segment import read_document


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        ("12 tổ chức cơ sở đảng", "base_organizations"),
        ("12 TCCSĐ", "base_organizations"),
        ("12 chi, đảng bộ cơ sở", "base_organizations"),
        ("12 chi, đảng bộ cơ sơ trực thuộc", "base_organizations"),
        ("12 đảng bộ cơ sở", "base_party_committees"),
        ("12 chi bộ cơ sở", "base_party_cells"),
        ("12 chi bộ trực thuộc Huyện ủy", "base_party_cells"),
        ("12 chi bộ trực thuộc đảng ủy cơ sở", "subordinate_cells"),
        ("12 đảng viên", "party_members"),
        ("12 quần chúng ưu tú", "people"),
        ("12 đảng bộ", "committee_word"),
        ("12 hộ nghèo", None),
    ],
)
def test_noun_after_a_number(text, meaning):
    doc = read_document(text)
    noun = metrics.noun_after(doc, 2)
    assert (noun.meaning if noun else None) == meaning


@pytest.mark.parametrize(
    ("text", "categories"),
    [
        ("hoàn thành xuất sắc nhiệm vụ", ["excellent"]),
        ("hoàn thành tốt nhiệm vụ", ["good"]),
        ("hoàn thành tốt nhiệm vụ trở lên", ["good_or_above"]),
        ("hoàn thành nhiệm vụ", ["completed"]),
        ("không hoàn thành nhiệm vụ", ["not_completed"]),
        ("đạt trong sạch, vững mạnh", ["clean_strong_or_above"]),
        ("trong sạch, vững mạnh và hoàn thành tốt nhiệm vụ", ["good_or_above"]),
        ("chi bộ yếu kém", ["not_completed"]),
        ("xây dựng Đảng bộ ngày càng trong sạch, vững mạnh", []),
    ],
)
def test_ratings(text, categories):
    doc = read_document(text)
    assert [c.meaning for c in metrics.ratings_in(doc, 0, len(text))] == categories


def test_have_is_not_base_in_folded_text():
    text = "Đảng bộ có 20 đảng bộ cơ sở, 14 chi bộ"
    doc = read_document(text)
    verb = metrics.verb_before(doc, 0, text.index("14"))
    assert (verb.meaning, doc.text[verb.start : verb.end]) == ("exist", "có")


@pytest.mark.parametrize(
    ("text", "scope"),
    [
        ("Chi bộ bản Nà Lừa có 31", "sub_unit"),
        ("Trường THCS thị trấn kết nạp 4", "sub_unit"),
        ("Đảng bộ xã Mường Giôn có 120", "sub_unit"),
        ("Toàn tỉnh có 60", "province"),
        ("Chi bộ bản Nà Lừa thuộc huyện; toàn huyện có 31", "district"),
        ("Đảng bộ thị xã Kỳ Anh có 31", "district"),
        ("Đảng bộ huyện có 20 đảng bộ xã, 31", "district"),
        ("Hiện có 31", None),
    ],
)
def test_scope_of_a_figure(text, scope):
    doc = read_document(text)
    assert (
        metrics.scope_before(doc, 0, text.rindex("31") if "31" in text else len(text) - 1) == scope
    )


@pytest.mark.parametrize(
    ("text", "is_target"),
    [
        ("Đại hội đề ra mục tiêu kết nạp 300 đảng viên", True),
        ("Phấn đấu đến năm 2025 có 95% tổ chức", True),
        ("Huyện đặt chỉ tiêu kết nạp 100 đảng viên", True),
        ("kết nạp 469 đảng viên, đạt 117,3% chỉ tiêu, thành lập 3 chi bộ", False),
        ("Thực hiện mục tiêu nghị quyết, năm 2022 đã kết nạp 120 đảng viên", False),
    ],
)
def test_goal_words(text, is_target):
    doc = read_document(text)
    offset = max(text.rfind(n) for n in ("300", "95%", "100", " 3 ", "120"))
    assert (metrics.target_cue_before(doc, 0, offset) is not None) == is_target


def test_streak_and_occasions():
    doc = read_document("27 đảng viên hoàn thành xuất sắc nhiệm vụ 3 năm liền; 81 lượt tổ chức")
    assert metrics.is_streak(doc, 2, len(doc.text))
    assert metrics.counts_occasions(doc, doc.text.index("81") + 2)
