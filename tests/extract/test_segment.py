from analysis.extract.segment import fold_aligned, lower_aligned, read_document
from analysis.text.vietnamese import fold


def test_paragraphs_are_non_blank_lines_numbered_from_one():
    doc = read_document("Tiêu đề\n\n   \n18/10/2021 14:50\nĐoạn một. Câu hai.\n\nĐoạn hai\n")
    texts = [doc.text[p.start : p.end] for p in doc.paragraphs]
    assert texts == ["Tiêu đề", "18/10/2021 14:50", "Đoạn một. Câu hai.", "Đoạn hai"]
    assert [p.number for p in doc.paragraphs] == [1, 2, 3, 4]
    assert doc.paragraph_at(doc.text.index("Câu hai")).number == 3


def test_sentences_split_at_full_stops_but_not_in_numbers_or_abbreviations():
    text = "Huyện có 8.723 đảng viên. TP. Long Xuyên có 67 chi bộ. Xã mới thành lập năm 2020."
    doc = read_document(text)
    sentences = [doc.text[s.start : s.end] for s in doc.sentences]
    assert sentences == [
        "Huyện có 8.723 đảng viên.",
        "TP. Long Xuyên có 67 chi bộ.",
        "Xã mới thành lập năm 2020.",
    ]


def test_clauses_end_at_semicolons_and_colons():
    doc = read_document("Năm 2021 kết nạp 50 đảng viên; năm 2022 kết nạp 60 đảng viên.")
    start, end = doc.clause_bounds(doc.text.index("60"))
    assert doc.text[start:end].strip() == "năm 2022 kết nạp 60 đảng viên."


def test_folded_and_lower_texts_keep_offsets():
    text = "Đảng bộ huyện SỐP CỘP: 4.014 đảng viên, Hoà Bình"
    folded, lower = fold_aligned(text), lower_aligned(text)
    assert len(folded) == len(lower) == len(text)
    assert " ".join(folded.split()) == fold(text)
    assert lower[text.index("SỐP") :].startswith("sốp cộp")


def test_nfd_input_is_normalised():
    import unicodedata

    doc = read_document(unicodedata.normalize("NFD", "Đảng viên"))
    assert doc.text == "Đảng viên"
