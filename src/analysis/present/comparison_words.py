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
