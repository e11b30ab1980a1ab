import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analysis.text.vietnamese import (
    clean_name,
    clean_text,
    fold,
    normalize_tone_marks,
    slugify,
    split_type_prefix,
    to_nfc,
)

NAMES = ["Sốp Cộp", "Đức Thọ", "Long Xuyên", "Hòa Bình", "Thủy Nguyên", "Đắk Hà", "Quảng Điền"]


@pytest.mark.parametrize("name", NAMES)
def test_nfc_and_nfd_compare_equal_after_cleaning(name):
    nfd = unicodedata.normalize("NFD", name)
    assert nfd != name
    assert clean_name(nfd) == clean_name(name)
    assert fold(nfd) == fold(name)


@given(st.text(alphabet="aăâeêioôơuưyđAĂÂĐ \u0300\u0301\u0303\u0309\u0323hnkgt", max_size=30))
def test_fold_is_the_same_for_nfc_and_nfd(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Hoà Bình", "Hòa Bình"),
        ("Thuỷ Nguyên", "Thủy Nguyên"),
        ("khoẻ", "khỏe"),
        ("Hoàng Mai", "Hoàng Mai"),  # closed syllable: both styles agree
        ("Quý", "Quý"),  # qu + y: the tone stays on y
        ("Hòa", "Hòa"),
    ],
)
def test_tone_marks_are_placed_one_way(old, new):
    assert normalize_tone_marks(old) == new
    assert unicodedata.is_normalized("NFC", normalize_tone_marks(old))


def test_clean_text_folds_white_space_and_nbsp():
    assert clean_text("  Huyện\u00a0 Vũng  Liêm \u200b") == "Huyện Vũng Liêm"


@pytest.mark.parametrize(
    ("text", "key"),
    [("Thị xã  Đắk Hà", "thi xa dak ha"), ("Bà Rịa - Vũng Tàu", "ba ria vung tau"), ("ĐĂK", "dak")],
)
def test_fold(text, key):
    assert fold(text) == key


def test_slugify():
    assert slugify("Sốp Cộp") == "sop-cop"
    assert slugify("Quận 1") == "quan-1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("huyện Sốp Cộp", ("huyện", "Sốp Cộp")),
        ("TP Long Xuyên", ("thành phố", "Long Xuyên")),
        ("TP. Long Xuyên", ("thành phố", "Long Xuyên")),
        ("thị xã Kỳ Anh", ("thị xã", "Kỳ Anh")),
        ("Quận 1", ("quận", "Quận 1")),
        ("Sốp Cộp", (None, "Sốp Cộp")),
        ("Huyện", (None, "Huyện")),
    ],
)
def test_split_type_prefix(text, expected):
    assert split_type_prefix(text) == expected


def test_to_nfc_is_idempotent():
    assert to_nfc(to_nfc("Cộp")) == to_nfc("Cộp")
