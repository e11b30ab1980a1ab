from analysis.present.collation import collation_key, sort_names


def test_names_follow_the_vietnamese_alphabet():
    names = ["Tánh Linh", "Đức Linh", "Di Linh", "Đạ Huoai", "Đam Rông", "Ân Thi", "Anh Sơn",
             "Bắc Bình", "Bảo Lâm", "Ba Vì", "Ơn", "Ông", "Ô Môn"]  # fmt: skip
    assert sort_names(names) == [
        "Anh Sơn", "Ân Thi", "Ba Vì", "Bảo Lâm", "Bắc Bình", "Di Linh", "Đạ Huoai", "Đam Rông",
        "Đức Linh", "Ô Môn", "Ông", "Ơn", "Tánh Linh",
    ]  # fmt: skip


def test_tones_count_only_between_equal_letters():
    assert collation_key("Ba") < collation_key("Bà") < collation_key("Bả") < collation_key("Bã")
    assert collation_key("Bã") < collation_key("Bá") < collation_key("Bạ") < collation_key("Bac")
