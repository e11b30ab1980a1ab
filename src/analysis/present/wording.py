"""The words of a report around its tables and charts, in Vietnamese and English.

Section titles and their one-paragraph introductions; report titles. Kept apart from the code
that uses them so that a translator reads one file.
"""

from __future__ import annotations

SECTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "summary": {
        "vi": ("Tóm tắt", ""),
        "en": ("Summary", ""),
    },
    "levels": {
        "vi": ("Số lượng theo thời gian",
               "Số đảng viên và tổ chức cơ sở đảng theo nguồn, và số suy ra từ các thay đổi được công bố."),
        "en": ("Levels over time",
               "Members and organisations as stated, and levels derived from stated changes."),
    },
    "growth": {
        "vi": ("Tăng trưởng và kết nạp",
               "Tăng trưởng bình quân năm giữa hai mốc; số kết nạp chia cho độ dài thời kỳ, và trên 100 đảng viên."),
        "en": ("Growth and admissions",
               "Compound annual growth between two levels; admissions divided by the period's length, and per 100 members."),
    },
    "ratings": {
        "vi": ("Xếp loại chất lượng",
               "Phân bố xếp loại mỗi năm, với khoảng tin cậy Wilson. Trước 2018 loại cao nhất là “trong sạch vững mạnh”."),
        "en": ("Ratings",
               "Each year's distribution of ratings, with Wilson intervals. Before 2018 the top grade was “clean and strong”."),
    },
    "targets": {
        "vi": ("Chỉ tiêu",
               "Mỗi chỉ tiêu với kết quả theo số liệu, mức kỳ vọng theo thời gian đã qua và tình trạng."),
        "en": ("Targets",
               "Each target with what the data show achieved, the pro-rata expectation and a status."),
    },
    "contradictions": {
        "vi": ("Số liệu mâu thuẫn", "Số liệu không khớp nhau; được nêu ra, không sửa."),
        "en": ("Contradictions", "Figures that do not add up; shown, not corrected."),
    },
    "peers": {
        "vi": ("So với các đơn vị trong tỉnh",
               "Số liệu mới nhất của các đơn vị cùng tỉnh, mỗi số kèm thời điểm; xếp hạng trong vùng."),
        "en": ("Compared with its province",
               "The latest figures of the province's districts, each with its date; ranks within the region."),
    },
    "comparison": {
        "vi": ("Các đơn vị", "Mỗi đơn vị một dòng; số liệu của các đơn vị có thời điểm khác nhau."),
        "en": ("Districts", "One row per district; figures of different districts come from different dates."),
    },
    "tests": {
        "vi": ("Kiểm định đồng nhất", "Kiểm định khi bình phương Pearson trên phân bố mới nhất của mỗi đơn vị."),
        "en": ("Tests of homogeneity", "Pearson's chi-square test on each district's latest distribution."),
    },
    "sources": {
        "vi": ("Theo nguồn", ""),
        "en": ("By source", ""),
    },
    "figures": {
        "vi": ("Mọi số liệu, kèm nguồn",
               "Mỗi số liệu như nguồn nêu, với nơi đăng, ngày đăng và đoạn văn. Số thứ tự là số chú thích trong các bảng."),
        "en": ("All figures, with their sources",
               "Every figure as its source states it, with publisher, date and paragraph. The numbers are the footnotes of the tables."),
    },
}  # fmt: skip

TITLES: dict[str, dict[str, str]] = {
    "district_report": {"vi": "Báo cáo đơn vị", "en": "District report"},
    "compare_growth": {"vi": "Tăng trưởng các đơn vị", "en": "Growth across districts"},
    "compare_evaluations": {"vi": "Xếp loại các đơn vị", "en": "Ratings across districts"},
    "compare_targets": {"vi": "Chỉ tiêu các đơn vị", "en": "Targets across districts"},
    "data_quality": {"vi": "Chất lượng số liệu", "en": "Data quality"},
}

PHRASES: dict[str, dict[str, str]] = {
    "contents": {"vi": "Mục lục", "en": "Contents"},
    "synthetic": {
        "vi": "SỐ LIỆU TỔNG HỢP (SYNTHETIC), sinh ra để đo hiệu năng: không phải số liệu thật.",
        "en": "SYNTHETIC DATA, generated for benchmarks: not real figures.",
    },
    "data": {
        "vi": "Số liệu: {origin}{scope} — {districts} đơn vị, {facts} số liệu, {sources} nguồn.",
        "en": "Data: {origin}{scope} — {districts} districts, {facts} facts, {sources} sources.",
    },
    "scope_region": {"vi": "đơn vị và các đơn vị cùng vùng", "en": "the district and the other districts of its region"},
    "empty": {"vi": "{title}: không có số liệu.", "en": "{title}: nothing in the data."},
    "provinces": {"vi": "Tỉnh trước 1/7/2025: {before}; từ 1/7/2025: {after}. Vùng: {region}.", "en": "Province before 1 July 2025: {before}; from 1 July 2025: {after}. Region: {region}."},
    "gso_code": {"vi": "Mã GSO {code}", "en": "GSO code {code}"},
    "not_in_register": {"vi": "không có trong danh mục GSO tháng 7/2025 (đã sáp nhập hoặc đổi tên trước đó)", "en": "not in the GSO register of July 2025 (merged or renamed before)"},
    "source_facts": {"vi": "Nguồn: số liệu", "en": "Source: figures"},
    "source_table": {"vi": "Nguồn: bảng trên; mỗi số liệu có chú thích nguồn.", "en": "Source: the table above, each figure with its footnote."},
}  # fmt: skip


def section(key: str, lang: str) -> tuple[str, str]:
    """The title and introduction of a section in `lang`."""
    return SECTIONS[key][lang]


def phrase(key: str, lang: str, **values: object) -> str:
    """A phrase in `lang`, with `values` filled in."""
    return PHRASES[key][lang].format(**values)
