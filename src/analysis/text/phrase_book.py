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
    "list.": {"en": "{parts:list.}", "vi": "{parts:list.}"},
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
    # how a rating count or total is known (evaluations.distributions)
    "total_minus_others": {"en": "derived: total minus the other counts",
                           "vi": "suy ra: tổng trừ các loại khác"},
    "from_share": {"en": "reconstructed from the stated share × the total (an estimate)",
                   "vi": "ước tính từ tỷ lệ công bố × tổng"},
    "sum_of_categories": {"en": "derived: sum of its categories", "vi": "suy ra: tổng các loại"},
    "sum_of_estimates": {"en": "reconstructed: sum of its categories",
                         "vi": "ước tính: tổng các loại"},
    "stated_assessed": {"en": "stated number assessed", "vi": "số được đánh giá (công bố)"},
    "sum_of_stated": {"en": "sum of the stated counts", "vi": "tổng các số công bố"},
    "organizations_on": {"en": "base organizations on {date:date} (estimate of those rated)",
                         "vi": "số tổ chức cơ sở đảng ngày {date:date} (ước tính số được đánh giá)"},
    "members_on": {"en": "party members on {date:date} (estimate of those rated)",
                   "vi": "số đảng viên ngày {date:date} (ước tính số được đánh giá)"},
    # what does not add up in ratings (evaluations.checks)
    "shares_not_100": {"en": "shares do not sum to 100", "vi": "tổng các tỷ lệ khác 100"},
    "shares_sum": {"en": "stated shares of {categories:list,} sum to {total:.4g} % (tolerance ±{tolerance:.2g})",
                   "vi": "tổng tỷ lệ công bố của {categories:list,} là {total:.4g} % (sai số cho phép ±{tolerance:.2g})"},
    "share_differs": {"en": "share differs from count ÷ total", "vi": "tỷ lệ khác số lượng ÷ tổng"},
    "share_vs_count": {
        "en": "{category}: {count:g} of {total:g} is {computed:.{decimals}f} %, stated {stated:g} % ({basis})",
        "vi": "{category}: {count:g}/{total:g} là {computed:.{decimals}f} %, công bố {stated:g} % (tổng: {basis})",
    },
    "counts_exceed": {"en": "counts exceed the total", "vi": "số lượng vượt tổng"},
    "counts_sum": {"en": "stated counts sum to {counts:g}, more than the {total:g} rated ({basis})",
                   "vi": "tổng số lượng công bố là {counts:g}, nhiều hơn {total:g} được đánh giá ({basis})"},
    # tests of homogeneity (evaluations.homogeneity)
    "exact_counts": {"en": "exact", "vi": "chính xác"},
    "reconstructed_allowed": {"en": "reconstructed allowed", "vi": "có dùng số ước tính"},
    "not_testable": {"en": "not testable", "vi": "không kiểm định được"},
    "pearson_test": {"en": "Pearson chi-square test of homogeneity (model-based)",
                     "vi": "kiểm định đồng nhất khi bình phương Pearson (dựa trên mô hình)"},
    "too_few_to_test": {
        "en": "{n} district(s) with a complete {scheme} distribution of {subject} ratings{allowed}; "
              "a test of homogeneity needs at least two, over at least two categories",
        "vi": "{n} đơn vị có đủ phân bố xếp loại {subject} theo quy định {scheme}{allowed}; "
              "kiểm định đồng nhất cần ít nhất hai đơn vị và ít nhất hai loại",
    },
    "with_reconstructed": {"en": " (reconstructed counts allowed)", "vi": " (có dùng số ước tính)"},
    "nothing": {"en": "", "vi": ""},
    "differ": {"en": "The {n} districts' rating distributions differ more than chance alone would explain (p {p}).",
               "vi": "Phân bố xếp loại của {n} đơn vị khác nhau nhiều hơn mức ngẫu nhiên có thể giải thích (p {p})."},
    "no_evidence": {"en": "The data give no evidence that the {n} districts' distributions differ (p = {p:.3f}); this does not show that they are the same.",
                    "vi": "Số liệu không cho thấy phân bố của {n} đơn vị khác nhau (p = {p:.3f}); điều đó không chứng tỏ chúng giống nhau."},
    "p_below": {"en": "< 0.001", "vi": "< 0,001"},
    "p_equals": {"en": "= {p:.3f}", "vi": "= {p:.3f}"},
    "census_note": {
        "en": "The ratings are a census of the districts' organisations or members, so their differences are exact; "
              "this p-value is model-based: it asks whether the ratings could be draws from one common distribution.",
        "vi": "Xếp loại là số liệu toàn bộ tổ chức hoặc đảng viên của các đơn vị, nên chênh lệch giữa các đơn vị là chính xác; "
              "giá trị p này dựa trên mô hình: nó hỏi liệu các xếp loại có thể được rút ra từ cùng một phân bố chung hay không.",
    },
    "periods_differ": {"en": "The distributions come from different periods ({periods}), so a difference may reflect the year rather than the district.",
                       "vi": "Các phân bố thuộc các thời kỳ khác nhau ({periods}), nên chênh lệch có thể do năm chứ không do đơn vị."},
    "cochran_not_met": {"en": "Some expected counts are small (Cochran's rule not met), so the p-value is only approximate.",
                        "vi": "Một số tần số kỳ vọng nhỏ (không đạt quy tắc Cochran), nên giá trị p chỉ gần đúng."},
    "estimated_counts": {"en": "Some counts were reconstructed from rounded shares and a membership total, so they are estimates.",
                         "vi": "Một số số lượng được ước tính từ tỷ lệ đã làm tròn và tổng số, nên chỉ là số ước tính."},
    # contradictions (quality)
    "evaluation_check": {"en": "evaluation: {check}", "vi": "xếp loại: {check}"},
    "ratings_in": {"en": "{subject} ratings {period}: {what}", "vi": "xếp loại {subject} {period}: {what}"},
    "excellent_cap": {"en": "excellent above 20 % of good", "vi": "loại xuất sắc vượt 20 % loại tốt"},
    "excellent_ratio": {
        "en": "{subject} ratings {period}: excellent {excellent:g} is {ratio:.1f} % of good {good:g} and "
              "{ratio_above:.1f} % of good or above (the rule allows at most 20 %)",
        "vi": "xếp loại {subject} {period}: loại xuất sắc {excellent:g} bằng {ratio:.1f} % loại tốt {good:g} "
              "và {ratio_above:.1f} % số từ tốt trở lên (quy định cho phép tối đa 20 %)",
    },
    "attainment_differs": {"en": "attainment differs from admissions ÷ target",
                           "vi": "tỷ lệ đạt khác số kết nạp ÷ chỉ tiêu"},
    "attainment_vs": {
        "en": "admissions {period}: {achieved:g} against {target:g} ({meaning}) is {computed:.2f} %, "
              "stated {qualifier}{stated:g} %",
        "vi": "kết nạp {period}: {achieved:g} so với chỉ tiêu {target:g} ({meaning}) là {computed:.2f} %, "
              "công bố {qualifier}{stated:g} %",
    },
    "per_year_vs_total": {"en": "per-year target × years differs from the total target",
                          "vi": "chỉ tiêu mỗi năm × số năm khác chỉ tiêu cả kỳ"},
    "per_year_total": {
        "en": "{metric} {period}: {value:g} a year over {low_years:.2f}–{high_years:.2f} years ({reading}) "
              "is {low:.0f}–{high:.0f}, but the stated total is {total:g}",
        "vi": "{metric} {period}: {value:g} mỗi năm trong {low_years:.2f}–{high_years:.2f} năm ({reading}) "
              "là {low:.0f}–{high:.0f}, nhưng chỉ tiêu cả kỳ công bố là {total:g}",
    },
    "same_figure": {"en": "the same figure stated with different values",
                    "vi": "cùng một số liệu được nêu với giá trị khác nhau"},
    "figure_values": {"en": "{label} {period}: {values:list,}", "vi": "{label} {period}: {values:list,}"},
    "value_of_fact": {"en": "{value:g} ({fact})", "vi": "{value:g} ({fact})"},
    "noted_by_reader": {"en": "noted by the reader", "vi": "người đọc ghi chú"},
    "reader_note": {"en": "{metric} {value:g}: {note}", "vi": "{metric} {value:g}: {note}"},
    "library": {"en": "library", "vi": "kiểm tra tự động"},
    "readers_note": {"en": "reader's note", "vi": "ghi chú người đọc"},
    "change_vs_stocks": {"en": "change disagrees with the stocks", "vi": "thay đổi không khớp với số lượng"},
    "change_stocks": {
        "en": "{metric}: stated change {change:+g} since {since}, but the stocks give {computed:+g} "
              "({before:g} on {before_date:date}, {after:g} on {after_date:date})",
        "vi": "{metric}: thay đổi công bố {change:+g} từ {since}, nhưng số lượng cho {computed:+g} "
              "({before:g} ngày {before_date:date}, {after:g} ngày {after_date:date})",
    },
    "admissions_exceed": {"en": "admissions exceed membership", "vi": "số kết nạp vượt số đảng viên"},
    "admitted_vs_members": {"en": "{admitted:g} admitted {period} but {members:g} members on {date:date}",
                            "vi": "kết nạp {admitted:g} {period} nhưng chỉ có {members:g} đảng viên ngày {date:date}"},
    "group_share_differs": {"en": "group share differs from count ÷ total",
                            "vi": "tỷ lệ nhóm khác số lượng ÷ tổng"},
    "group_share": {"en": "{label}: {count:g} of {total:g} is {computed:.2f} %, stated {stated:g} %",
                    "vi": "{label}: {count:g}/{total:g} là {computed:.2f} %, công bố {stated:g} %"},
    "group_among": {"en": "{category} among admissions {period}", "vi": "{category} trong số kết nạp {period}"},
    "group_larger": {"en": "group larger than all admitted", "vi": "nhóm lớn hơn tổng số kết nạp"},
    "group_more": {"en": "{label}: {value:g}, more than the {total:g} admitted",
                   "vi": "{label}: {value:g}, nhiều hơn tổng {total:g} người được kết nạp"},
    "parts_differ": {"en": "parts differ from base organizations", "vi": "các bộ phận khác tổng số tổ chức cơ sở đảng"},
    "parts_sum": {
        "en": "on {date:date}: {committees:g} committees + {cells:g} cells = {parts:g}, stated {stated:g} base organizations",
        "vi": "ngày {date:date}: {committees:g} đảng bộ cơ sở + {cells:g} chi bộ cơ sở = {parts:g}, công bố {stated:g} tổ chức cơ sở đảng",
    },
    "rise_beyond": {"en": "membership rise beyond admissions", "vi": "số đảng viên tăng nhiều hơn số kết nạp"},
    "rise_admitted": {
        "en": "members {before:g} on {before_date:date} → {after:g} on {after_date:date} ({rise:+g} in {days} days), "
              "but {admitted:g} admitted over the same dates (the two figures may be counted differently)",
        "vi": "đảng viên {before:g} ngày {before_date:date} → {after:g} ngày {after_date:date} ({rise:+g} trong {days} ngày), "
              "nhưng chỉ kết nạp {admitted:g} trong cùng thời gian (hai số có thể được tính khác nhau)",
    },
    "rate_differs": {"en": "stated admission rate differs from admissions per 100 members",
                     "vi": "tỷ lệ kết nạp công bố khác số kết nạp trên 100 đảng viên"},
    "rate_vs": {
        "en": "{period}: stated {qualifier}{stated:g} %, computed {computed:.2f} per 100 members on {date:date} "
              "(the source may use another date)",
        "vi": "{period}: công bố {qualifier}{stated:g} %, tính được {computed:.2f} trên 100 đảng viên ngày {date:date} "
              "(nguồn có thể dùng ngày khác)",
    },
    # comparisons across districts (compare.indicators)
    "spans_two_terms": {"en": "spans two terms (at most {share:.0%} in one)",
                        "vi": "trải qua hai nhiệm kỳ (tối đa {share:.0%} trong một nhiệm kỳ)"},
    "longer_compared": {"en": "a longer figure of the district in the term {term} is compared ({period})",
                        "vi": "đã so sánh một số liệu dài hơn của đơn vị trong nhiệm kỳ {term} ({period})"},
    "year_to_date_left": {"en": "year to date: compared only with the same cut-off, not annualised",
                          "vi": "lũy kế từ đầu năm: chỉ so với cùng thời điểm chốt, không quy ra năm"},
    "short_left": {"en": "shorter than six months under some reading of its period",
                   "vi": "ngắn hơn sáu tháng theo một cách hiểu của thời kỳ"},
    "cutoff_not_stated": {"en": "cut-off not stated", "vi": "không nêu thời điểm chốt"},
    "no_base_members": {"en": "no membership figure dated at the period's start or within it",
                        "vi": "không có số đảng viên vào đầu thời kỳ hoặc trong thời kỳ"},
    "admissions_reading": {"en": "{reading}; members on {date:date}",
                           "vi": "{reading}; số đảng viên ngày {date:date}"},
    "short_growth_left": {"en": "levels less than a year apart: growth is not annualised",
                          "vi": "hai số cách nhau dưới một năm: không quy tăng trưởng ra năm"},
    "fall_left": {"en": "membership fell: a net fall is not a count of events",
                  "vi": "số đảng viên giảm: mức giảm ròng không phải là số sự kiện"},
    "growth_reading": {"en": "{pair} levels; net change ÷ (first level × years)",
                       "vi": "hai số {pair}; thay đổi ròng ÷ (số đầu × số năm)"},
    "pair_consecutive": {"en": "consecutive", "vi": "liên tiếp"},
    "pair_first_to_last": {"en": "first to last", "vi": "đầu và cuối"},
    "rated_reading": {"en": "rated: {basis}", "vi": "số được đánh giá: {basis}"},
    "not_single_year": {"en": "not a single rating year", "vi": "không phải một năm xếp loại"},
    "no_grade_count": {"en": "no count of organisations in the grade (a share without a count)",
                       "vi": "không có số tổ chức của loại này (chỉ có tỷ lệ)"},
    "rated_unknown": {"en": "number of organisations rated not known",
                      "vi": "không rõ số tổ chức được đánh giá"},
    "no_admissions_in_target": {"en": "no admissions figure within the target's period",
                                "vi": "không có số kết nạp trong kỳ của chỉ tiêu"},
    "short_target_left": {"en": "less than six months of the period under some reading",
                          "vi": "chưa đến sáu tháng của thời kỳ theo một cách hiểu"},
    "window_scheme": {"en": "{year} ({scheme} scheme)", "vi": "năm {year} (quy định {scheme})"},
    "window_term": {"en": "{period} (term)", "vi": "nhiệm kỳ {period}"},
    "window_year": {"en": "{period} (year)", "vi": "năm {period}"},
    "window_period": {"en": "{period} ({kind})", "vi": "{period} ({kind})"},
    "elapsed_by": {"en": "{share:.0%} of the period elapsed by {date:date}",
                   "vi": "đã qua {share:.0%} thời kỳ tính đến {date:date}"},
    # admissions per year (growth.admissions)
    "total_over_years": {"en": "total ÷ {years:.2f} years ({reading})",
                         "vi": "tổng ÷ {years:.2f} năm ({reading})"},
    "admitted_minus_difference": {
        "en": "{value:g} admitted {period} minus the stated difference {change:+g} from {since}",
        "vi": "kết nạp {value:g} {period} trừ chênh lệch công bố {change:+g} so với {since}",
    },
    "per_100_on": {"en": "per 100 members on {date:date}", "vi": "trên 100 đảng viên ngày {date:date}"},
    # levels and growth (growth.stocks)
    "level_minus_change": {"en": "{value:g} on {date:date} minus the stated change {change:+g} since {since}",
                           "vi": "{value:g} ngày {date:date} trừ thay đổi công bố {change:+g} từ {since}"},
    "growth_between": {"en": "compound annual growth between the two levels",
                       "vi": "tăng trưởng bình quân năm giữa hai số"},
    "growth_of_derived": {"en": "compound annual growth between the two levels (a level is itself derived)",
                          "vi": "tăng trưởng bình quân năm giữa hai số (một số là số suy ra)"},
    # fits and models across districts (growth.compare, compare.tables)
    "fit_reading": {
        "en": "Across {n} districts, admissions per year grow with membership to the power {slope:.2f} "
              "(95 % interval {low:.2f} to {high:.2f}); {verdict} Figures come from different years; "
              "this describes the collection, not a cause.",
        "vi": "Trên {n} đơn vị, số kết nạp mỗi năm tăng theo số đảng viên với số mũ {slope:.2f} "
              "(khoảng 95 %: {low:.2f} đến {high:.2f}); {verdict} Số liệu thuộc các năm khác nhau; "
              "đây là mô tả tập số liệu, không phải quan hệ nhân quả.",
    },
    "as_many": {"en": "larger districts admit proportionally as many.",
                "vi": "đơn vị lớn hơn kết nạp nhiều hơn đúng theo tỷ lệ quy mô."},
    "fewer": {"en": "larger districts admit proportionally fewer.",
              "vi": "đơn vị lớn hơn kết nạp ít hơn so với quy mô."},
    "more": {"en": "larger districts admit proportionally more.",
             "vi": "đơn vị lớn hơn kết nạp nhiều hơn so với quy mô."},
    "model_window": {"en": "{window} ({n} districts)", "vi": "{window} ({n} đơn vị)"},
    "model_reading": {
        "en": "{family} model of {indicator} over {windows:list,}: Pearson χ²/df = {dispersion:.2f}; "
              "{verdict}. The districts are all those with figures, not a sample; intervals describe "
              "the rates behind the counts.",
        "vi": "Mô hình {family} cho {indicator} trên {windows:list,}: χ² Pearson/bậc tự do = {dispersion:.2f}; "
              "{verdict}. Các đơn vị là mọi đơn vị có số liệu, không phải một mẫu; khoảng tin cậy mô tả "
              "tỷ suất nằm sau các số đếm.",
    },
    "no_overdispersion": {"en": "no over-dispersion beyond Poisson is detected",
                          "vi": "không phát hiện phân tán quá mức so với Poisson"},
    "prefer_nb": {"en": "counts vary more than a Poisson model allows: prefer the negative binomial",
                  "vi": "số đếm biến động nhiều hơn mô hình Poisson cho phép: nên dùng nhị thức âm"},
    "as_nb": {"en": "counts vary more than a Poisson model allows, as the negative binomial lets them",
              "vi": "số đếm biến động nhiều hơn mô hình Poisson cho phép, như mô hình nhị thức âm tính đến"},
    "no_model": {
        "en": "No count model for {indicator}: no window is shared by at least 10 districts with a "
              "comparable figure (the most in one window is {largest}). The funnel and the shrunk "
              "estimates compare them instead.",
        "vi": "Không có mô hình đếm cho {indicator}: không khoảng nào có ít nhất 10 đơn vị cùng có số "
              "liệu so sánh được (nhiều nhất trong một khoảng là {largest}). Biểu đồ phễu và ước lượng "
              "co rút được dùng để so sánh thay thế.",
    },
    "no_model_share": {
        "en": "No count model for {indicator}: it is a share, and a count model with an exposure "
              "offset needs a rate (events over member-years).",
        "vi": "Không có mô hình đếm cho {indicator}: đây là một tỷ lệ phần trăm, còn mô hình đếm có "
              "biến phơi nhiễm cần một tỷ suất (số sự kiện trên số đảng viên-năm).",
    },
    "no_model_confounded": {
        "en": "No count model for {indicator}: the effects {effects:list,} cannot be told apart "
              "with these districts; drop one of them.",
        "vi": "Không có mô hình đếm cho {indicator}: không tách được các hiệu ứng {effects:list,} "
              "với các đơn vị này; hãy bỏ bớt một hiệu ứng.",
    },
    "no_model_input": {
        "en": "No count model for {indicator}: {reason}.",
        "vi": "Không có mô hình đếm cho {indicator}: dữ liệu đầu vào không dùng được (chi tiết, "
              "bằng tiếng Anh: {reason}).",
    },
}  # fmt: skip
