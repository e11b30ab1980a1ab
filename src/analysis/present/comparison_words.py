"""The words of the comparison sections (`comparisons`), in Vietnamese and English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "window": "{indicator}, {window}: {n} đơn vị cùng có số liệu.",
        "few": " Ít hơn {min} đơn vị: không tính giới hạn phễu và thứ hạng; số liệu được liệt kê nguyên như vậy.",
        "widened": "giới hạn được nới rộng ({adjustment}, τ² = {tau2})",
        "not_widened": "φ không lớn hơn 1 có ý nghĩa, giới hạn không nới rộng",
        "pooled": " Giá trị chung {target} trên 100; φ = {phi}: {widened}.",
        "outside": " Ngoài giới hạn 99,8 %: {names}.", "none_outside": " Không đơn vị nào nằm ngoài giới hạn 99,8 %.",
        "none": "Không đơn vị nào có số liệu so sánh được: {indicator}.",
        "figures": "Số liệu được so sánh: {indicator} (cơ sở so sánh: {exposure})",
        "left_out": "Không đưa vào so sánh {indicator}: {n} số liệu của {districts} đơn vị, trong đó {absent} đơn vị không có số liệu nào được so sánh",
        "ratios": "Tỷ số tỷ suất, khoảng 95 %", "cells": "Số đơn vị, số sự kiện và cơ sở so sánh theo ô",
        "dispersion": "Kiểm định phân tán quá mức", "no_position": "Đơn vị không có số liệu nào được so sánh giữa các đơn vị.",
        "position": "Vị trí trong các so sánh giữa các đơn vị",
    },
    "en": {
        "window": "{indicator}, window {window}: {n} district(s) share it.",
        "few": " Fewer than {min}: no funnel limits, no ranks; the figures are listed as they are.",
        "widened": "limits widened ({adjustment}, τ² = {tau2})",
        "not_widened": "φ not significantly above 1, limits not widened",
        "pooled": " Pooled value {target} per 100; φ = {phi}: {widened}.",
        "outside": " Outside the 99.8 % limits: {names}.", "none_outside": " None lies outside the 99.8 % limits.",
        "none": "No district has a comparable figure: {indicator}.",
        "figures": "Figures compared: {indicator} (exposure: {exposure})",
        "left_out": "Left out of the comparison of {indicator}: {n} figure(s) of {districts} district(s), {absent} of them with no figure compared",
        "ratios": "Rate ratios, 95 % intervals", "cells": "Districts, events and exposure per cell",
        "dispersion": "Tests of over-dispersion", "no_position": "The district has no figure compared across districts.",
        "position": "Place in the comparisons across districts",
    },
}  # fmt: skip
"""Sentences and captions of the comparison sections, with their placeholders."""

ADJUSTMENTS_VI = {"additive": "cộng thêm phương sai τ²", "multiplicative": "nhân với φ"}
"""Vietnamese for how the funnel limits were widened."""

CHART_WORDS: dict[str, dict[str, str]] = {
    "vi": {
        "pooled": "giá trị chung", "limits_95": "giới hạn 95 %", "limits_998": "giới hạn 99,8 %",
        "above_998": "cao hơn giới hạn 99,8 %", "below_998": "thấp hơn giới hạn 99,8 %",
        "above_95": "chỉ cao hơn giới hạn 95 %", "below_95": "chỉ thấp hơn giới hạn 95 %",
        "exposure": "cơ sở so sánh ({unit}); {note}", "per_100": "trên 100",
        "share_unit": "số đơn vị được đánh giá", "rate_unit": "đảng viên × năm",
        "widened_additive": "giới hạn nới rộng do phân tán quá mức ({adjustment}, τ² = {tau2}; {phi})",
        "widened": "giới hạn nới rộng do phân tán quá mức ({adjustment}, {phi})",
        "unadjusted": "giới hạn không điều chỉnh ({phi})", "no_phi": "không ước lượng φ",
        "districts": "{title}: {n} đơn vị", "missing": " ({n} đơn vị không có số liệu so sánh được)",
        "no_figure": "Không đơn vị nào có số liệu so sánh được: {title}.",
        "no_estimate": "Không có ước lượng co rút cho {title}: {n} đơn vị có số liệu là quá ít.",
        "rank": "hạng", "estimate": "ước lượng, khoảng 95 %", "raw": "giá trị gốc",
        "mean": "trung bình các đơn vị",
        "caterpillar_axis": "trên 100, ước lượng Bayes thực nghiệm, cao nhất ở trên; nhãn ghi thứ hạng và khoảng 95 % của thứ hạng",
    },
    "en": {
        "pooled": "pooled value", "limits_95": "95 % limits", "limits_998": "99.8 % limits",
        "above_998": "above 99.8 %", "below_998": "below 99.8 %",
        "above_95": "above 95 % only", "below_95": "below 95 % only",
        "exposure": "exposure ({unit}); {note}", "per_100": "per 100",
        "share_unit": "units rated", "rate_unit": "member-years",
        "widened_additive": "limits widened for over-dispersion ({adjustment}, τ² = {tau2}; {phi})",
        "widened": "limits widened for over-dispersion ({adjustment}, {phi})",
        "unadjusted": "limits without adjustment ({phi})", "no_phi": "φ not estimated",
        "districts": "{title}: {n} districts", "missing": " ({n} without a comparable figure)",
        "no_figure": "No district has a comparable figure: {title}.",
        "no_estimate": "No shrunk estimate for {title}: {n} district(s) with a figure is too few.",
        "rank": "rank", "estimate": "estimate, 95 % interval", "raw": "raw value",
        "mean": "mean across districts",
        "caterpillar_axis": "per 100, empirical-Bayes estimate, highest first; labels give the rank and its 95 % interval",
    },
}  # fmt: skip
"""The words inside the funnel and caterpillar charts (`comparison_plots`)."""

MODEL_VI = {
    "region": "vùng", "window": "kỳ so sánh",
    "Cameron–Trivedi (variance μ + α·μ²) on the Poisson fit":
        "Cameron–Trivedi (phương sai μ + α·μ²) trên mô hình Poisson",
    "likelihood ratio, negative binomial against Poisson (α = 0, halved χ²₁)":
        "tỷ số hợp lý, nhị thức âm so với Poisson (α = 0, nửa χ²₁)",
}  # fmt: skip
"""Vietnamese of the words `compare.model` writes into its tables (effects, tests)."""
