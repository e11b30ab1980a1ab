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
               "Tăng trưởng bình quân năm giữa hai mốc (khoảng dưới một năm không quy ra năm); số kết nạp chia cho độ dài thời kỳ theo cách nguồn tin hiểu (nhiệm kỳ tính từ đại hội, tổng kết 10 năm là 10 năm), và trên 100 đảng viên."),
        "en": ("Growth and admissions",
               "Compound annual growth between two levels (spans under a year are not annualised); admissions divided by the period as the source means it (a term from the congress, a ten-year review as ten years), and per 100 members."),
    },
    "ratings": {
        "vi": ("Xếp loại chất lượng",
               "Phân bố xếp loại mỗi năm, theo quy định của năm đó. Đây là số liệu toàn bộ, không phải mẫu, nên tỷ lệ là chính xác. Trước 2018 loại cao nhất là “trong sạch vững mạnh”."),
        "en": ("Ratings",
               "Each year's distribution of ratings, under the scheme of its year. Ratings are a census, not a sample, so the shares are exact. Before 2018 the top grade was “clean and strong”."),
    },
    "targets": {
        "vi": ("Chỉ tiêu",
               "Mỗi chỉ tiêu với kết quả theo số liệu, mức kỳ vọng theo thời gian đã qua (nhiệm kỳ tính từ đại hội) và tình trạng; “chưa xác định” khi các cách hiểu hợp lý của thời kỳ cho kết luận khác nhau."),
        "en": ("Targets",
               "Each target with what the data show achieved, the pro-rata expectation (a term runs from the congress) and a status; “undetermined” where the admissible readings of the period disagree."),
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
        "vi": ("Kiểm định đồng nhất", "Kiểm định khi bình phương Pearson (dựa trên mô hình) trên phân bố mới nhất của mỗi đơn vị, trong cùng một quy định xếp loại."),
        "en": ("Tests of homogeneity", "A model-based Pearson chi-square test on each district's latest distribution, within one rating scheme."),
    },
    "sources": {
        "vi": ("Theo nguồn", ""),
        "en": ("By source", ""),
    },
    "fair-growth": {
        "vi": ("So sánh công bằng: biểu đồ phễu, ước lượng co rút, khoảng thứ hạng",
               "Mỗi chỉ số được so sánh trong một kỳ chung của các đơn vị: một nhiệm kỳ đại hội (từ 1/7 năm đại hội đến 30/6 năm năm sau), chứa ít nhất hai phần ba số ngày của số liệu. Số kết nạp trên 100 đảng viên mỗi năm lấy số kết nạp trong ít nhất sáu tháng (không dùng số từ đầu năm đến nay) chia cho số đảng viên đầu kỳ hoặc trong kỳ nhân với số năm; tăng trưởng là mức thay đổi ròng giữa hai mốc cách nhau ít nhất một năm, trên 100 đảng viên ở mốc đầu, mỗi năm. Biểu đồ phễu đặt giá trị của mỗi đơn vị theo quy mô, với giới hạn 95 % và 99,8 % quanh giá trị chung, nới rộng khi các đơn vị phân tán nhiều hơn mức ngẫu nhiên (φ, τ²). Biểu đồ ước lượng co rút (Bayes thực nghiệm) có khoảng 95 % và khoảng thứ hạng 95 % thay cho thứ hạng đơn thuần. Phương pháp: docs/comparisons.md."),
        "en": ("Fair comparisons: funnel plots, shrunk estimates and rank intervals",
               "Each indicator is compared within one window the districts share: a party congress term (1 July of the congress year to 30 June five years later) holding at least two thirds of a figure's days. Admissions per 100 members per year divide admissions over at least six months (never year-to-date) by the membership at the start or within the period times its years; growth is the net change between two levels at least a year apart, per 100 members at the first level per year. The funnel plot places each district's value against its exposure, with 95 % and 99.8 % limits around the pooled value, widened when the districts spread more than chance allows (φ, τ²). The caterpillar plot gives empirical-Bayes estimates with 95 % intervals, and each rank with its 95 % interval instead of a bare rank. Methods: docs/comparisons.md."),
    },
    "fair-ratings": {
        "vi": ("So sánh công bằng: biểu đồ phễu, ước lượng co rút, khoảng thứ hạng",
               "Mỗi chỉ số được so sánh trong một năm xếp loại, theo một quy định xếp loại (không so sánh giữa các quy định khác nhau): tỷ lệ tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ, và từ hoàn thành tốt nhiệm vụ trở lên, trên 100 tổ chức được xếp loại. Biểu đồ phễu đặt giá trị của mỗi đơn vị theo quy mô, với giới hạn 95 % và 99,8 % quanh giá trị chung, nới rộng khi các đơn vị phân tán nhiều hơn mức ngẫu nhiên (φ, τ²). Biểu đồ ước lượng co rút (Bayes thực nghiệm) có khoảng 95 % và khoảng thứ hạng 95 %. Phương pháp: docs/comparisons.md."),
        "en": ("Fair comparisons: funnel plots, shrunk estimates and rank intervals",
               "Each indicator is compared within one rating year under one rating scheme (never across schemes): the share of organisations rated excellent, and good or above, per 100 organisations rated. The funnel plot places each district's value against its exposure, with 95 % and 99.8 % limits around the pooled value, widened when the districts spread more than chance allows (φ, τ²). The caterpillar plot gives empirical-Bayes estimates with 95 % intervals, and each rank with its 95 % interval. Methods: docs/comparisons.md."),
    },
    "fair-targets": {
        "vi": ("So sánh công bằng: biểu đồ phễu, ước lượng co rút, khoảng thứ hạng",
               "Mỗi chỉ số được so sánh trong chính thời kỳ của chỉ tiêu: số kết nạp đạt được trên 100 phần chỉ tiêu tương ứng với phần thời kỳ đã qua (100 = đúng tiến độ), trong ít nhất sáu tháng của thời kỳ. Biểu đồ phễu đặt giá trị của mỗi đơn vị theo quy mô, với giới hạn 95 % và 99,8 % quanh giá trị chung, nới rộng khi các đơn vị phân tán nhiều hơn mức ngẫu nhiên (φ, τ²). Biểu đồ ước lượng co rút (Bayes thực nghiệm) có khoảng 95 % và khoảng thứ hạng 95 %. Phương pháp: docs/comparisons.md."),
        "en": ("Fair comparisons: funnel plots, shrunk estimates and rank intervals",
               "Each indicator is compared within the target's own period: admissions achieved per 100 of the target pro rata to the share of its period elapsed (100 = on pace), over at least six months of the period. The funnel plot places each district's value against its exposure, with 95 % and 99.8 % limits around the pooled value, widened when the districts spread more than chance allows (φ, τ²). The caterpillar plot gives empirical-Bayes estimates with 95 % intervals, and each rank with its 95 % interval. Methods: docs/comparisons.md."),
    },
    "model": {
        "vi": ("Mô hình chung cho các đơn vị",
               "Mô hình đếm (nhị thức âm, có offset theo quy mô và hiệu ứng vùng) trên các kỳ có ít nhất 10 đơn vị cùng có số liệu; nếu không đủ điều kiện, nêu lý do không ước lượng."),
        "en": ("A model across districts",
               "A count model (negative binomial, with an exposure offset and region effects) over the windows at least 10 districts share; when it does not apply, the reason it is not fitted."),
    },
    "figures": {
        "vi": ("Mọi số liệu, kèm nguồn",
               "Mỗi số liệu như nguồn nêu, với nơi đăng, ngày đăng và đoạn văn. Số thứ tự là số chú thích trong các bảng."),
        "en": ("All figures, with their sources",
               "Every figure as its source states it, with publisher, date and paragraph. The numbers are the footnotes of the tables."),
    },
}  # fmt: skip

SECTIONS["place"] = {
    "en": ("Place in the comparisons across districts",
           "Where the district sits among all districts of the dataset that share a window (a congress term for admissions and growth, a rating year, a target's period): its value per 100, the pooled value and the 99.8 % limits, its position, its empirical-Bayes estimate with a 95 % interval, and its rank with the rank's 95 % interval. The charts show, for each indicator, its widest comparison (the most districts; the latest of equals): the funnel with at least 3 districts, the estimates with at least 5 (the district in red). Methods: docs/comparisons.md."),
    "vi": ("Vị trí trong các so sánh giữa các đơn vị",
           "Vị trí của đơn vị giữa mọi đơn vị trong bộ số liệu có chung một khoảng so sánh (một nhiệm kỳ đại hội với kết nạp và tăng trưởng, một năm xếp loại, thời kỳ của một chỉ tiêu): giá trị trên 100, giá trị chung và giới hạn 99,8 %, vị trí của đơn vị, ước lượng Bayes thực nghiệm với khoảng 95 %, và thứ hạng kèm khoảng 95 % của thứ hạng. Với mỗi chỉ số, biểu đồ thể hiện so sánh rộng nhất (nhiều đơn vị nhất; nếu bằng nhau thì lấy khoảng gần nhất): biểu đồ phễu khi có ít nhất 3 đơn vị, ước lượng khi có ít nhất 5 đơn vị (đơn vị đang xem tô màu đỏ). Phương pháp: docs/comparisons.md."),
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
