"""The phrase book: every sentence the analyses write, in English and Vietnamese.

Each entry is a code with its two templates (fields as in `analysis.text.phrases`). The
analyses never write these sentences themselves: they make a `Wording` of a code and its
values, and reports say it in the reader's language. Kept in one file so that a translator
reads it at once; a test checks that both templates of an entry take the same fields.
"""

from __future__ import annotations

PHRASES: dict[str, dict[str, str]] = {
    # joining phrases
    "list;": {"en": "{parts:list;}", "vi": "{parts:list;}"},
    "list,": {"en": "{parts:list,}", "vi": "{parts:list,}"},
    # how a period is read (text.periods)
    "congress_known": {"en": "congress of {day:date}", "vi": "đại hội ngày {day:date}"},
    "congress_default": {
        "en": "congress on 1 July {year} (date not in the data; April–August admissible)",
        "vi": "đại hội ngày 1/7/{year} (số liệu không có ngày; có thể từ tháng 4 đến tháng 8)",
    },
    "calendar_year": {"en": "calendar year", "vi": "năm dương lịch"},
    "term_reading": {"en": "term from the {congress} to the next congress",
                     "vi": "nhiệm kỳ từ {congress} đến đại hội kế tiếp"},
    "term_to_date_reading": {"en": "from the {congress} to the stated end",
                             "vi": "từ {congress} đến thời điểm nguồn nêu"},
    "dates_as_stated": {"en": "dates as stated", "vi": "theo ngày nguồn nêu"},
    "year_to_cutoff": {"en": "from 1 January to the stated cut-off",
                       "vi": "từ 1/1 đến thời điểm nguồn nêu"},
    "cutoff_published": {"en": "cut-off unstated: read as the publication date",
                         "vi": "không nêu thời điểm chốt: lấy ngày đăng tin"},
    "cutoff_year_end": {"en": "cut-off unstated: read as the year's end (the lowest rate it admits)",
                        "vi": "không nêu thời điểm chốt: lấy cuối năm (tỷ lệ thấp nhất có thể)"},
    "review_mid_years": {"en": "{span} years, mid-{start} to mid-{end}",
                         "vi": "{span} năm, từ giữa năm {start} đến giữa năm {end}"},
    "review_to_end": {"en": "{span} years to the stated end",
                      "vi": "{span} năm đến thời điểm nguồn nêu"},
    # targets (targets.measures, targets.assess)
    "count_per_year": {
        "en": "{achieved:g} in {elapsed:.2f} years = {rate:.1f} a year against {target:g} a year "
              "({attainment:.1f} %) by {as_of:date}",
        "vi": "kết nạp {achieved:g} đảng viên trong {elapsed:.2f} năm, bình quân {rate:.1f} mỗi năm "
              "so với chỉ tiêu {target:g} mỗi năm ({attainment:.1f} %), tính đến {as_of:date}",
    },
    "count_total": {
        "en": "{achieved:g} of {total:g} ({attainment:.1f} %) by {as_of:date}, "
              "{expected:.0f} % of the period elapsed ({reading})",
        "vi": "kết nạp {achieved:g}/{total:g} đảng viên ({attainment:.1f} %) tính đến {as_of:date}, "
              "đã qua {expected:.0f} % thời gian ({reading})",
    },
    "undetermined": {"en": "undetermined: {examples:list,}", "vi": "chưa xác định: {examples:list,}"},
    "status_if": {"en": "{status} if {elapsed:.2f} of {years:.2f} years have elapsed",
                  "vi": "{status} nếu đã qua {elapsed:.2f} trên {years:.2f} năm"},
    "cutoff_unknown": {
        "en": "the latest figure's cut-off is not stated (it may be any day of the year)",
        "vi": "số liệu mới nhất không nêu thời điểm chốt (có thể là bất kỳ ngày nào trong năm)",
    },
    "no_admissions_from_start": {
        "en": "no admissions figure running from the target's start ({reading})",
        "vi": "không có số liệu kết nạp tính từ đầu kỳ của chỉ tiêu ({reading})",
    },
    "no_level_in_period": {"en": "no figure for a year of the target's period",
                           "vi": "không có số liệu cho năm nào trong kỳ của chỉ tiêu"},
    "measured_levels": {"en": "measured {levels:list,}", "vi": "số đo được: {levels:list,}"},
    "year_value": {"en": "{year}: {value:.3g}", "vi": "{year}: {value:.3g}"},
    "misses_in": {"en": "misses in {years}", "vi": "không đạt trong các năm {years}"},
    "basis_unknown": {
        "en": "basis unknown: a multi-year target may be a total, a yearly average or a level "
              "to hold every year",
        "vi": "chưa rõ cách tính: chỉ tiêu nhiều năm có thể là tổng cả kỳ, bình quân mỗi năm "
              "hoặc mức phải giữ hằng năm",
    },
    "no_rule": {"en": "no rule to measure a {metric} target",
                "vi": "chưa có cách đo chỉ tiêu {metric}"},
    "sum_of_flows": {"en": "sum of admissions flows from the target's start",
                     "vi": "tổng số kết nạp từ đầu kỳ của chỉ tiêu"},
    "admissions_in": {"en": "admissions {period}", "vi": "số kết nạp {period}"},
    "share_from_counts": {"en": "share from counts", "vi": "tỷ lệ tính từ số lượng"},
    "stated_share": {"en": "stated share", "vi": "tỷ lệ công bố"},
    "stated_rate": {"en": "stated admission rate", "vi": "tỷ lệ kết nạp công bố"},
    "derived_rate": {"en": "admissions per 100 members (derived)",
                     "vi": "số kết nạp trên 100 đảng viên (suy ra)"},
}  # fmt: skip
