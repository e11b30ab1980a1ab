"""Labels of vocabulary codes for reading, in Vietnamese and English.

The Vietnamese label of a code is the wording the schema declares for it (`Term.label_vi`);
the English label is declared here, once per code, beside it. Reports show these labels,
never the codes; `label_codes` also replaces the codes that analyses write into their
sentences ("induction_trained among admissions …").
"""

from __future__ import annotations

import re

from analysis.data.schema import VOCABULARIES
from analysis.text.phrases import Label

LABELS_EN: dict[str, dict[str, str]] = {
    "metric": {
        "party_members": "party members", "base_organizations": "base party organisations",
        "base_party_committees": "base party committees", "base_party_cells": "base party cells",
        "subordinate_cells": "subordinate cells", "admissions": "admissions",
        "expulsions": "expulsions", "admission_rate": "admission rate",
        "evaluation": "ratings", "other": "other",
    },
    "subject": {"organization": "organisations", "member": "members"},
    "category": {
        "excellent": "excellent", "good": "good", "completed": "completed",
        "not_completed": "not completed", "good_or_above": "good or above",
        "completed_or_above": "completed or above",
        "clean_strong_exemplary": "clean, strong and exemplary", "clean_strong": "clean and strong",
        "clean_strong_or_above": "clean and strong or above", "assessed": "assessed",
        "women": "women", "ethnic_minority": "ethnic minorities", "youth_union": "youth union members",
        "students": "students", "farmers": "farmers", "university_educated": "university educated",
        "in_enterprises": "in enterprises", "induction_trained": "induction trained",
    },
    "kind": {"stock": "level", "flow": "flow", "change": "change", "target": "target",
             "attainment": "attainment"},
    "unit": {"count": "number", "percent": "%", "percent_above_target": "% above the target"},
    "comparator": {">=": "at least", "<=": "at most", "=": "exactly", ">": "more than",
                   "<": "less than", "~": "about"},
    "basis": {"total": "total for the period", "per_year": "average per year",
              "each_year": "every year"},
    "period_kind": {"year": "year", "year_to_date": "year to date", "term": "term",
                    "term_to_date": "term to date", "review": "review", "dates": "dates"},
    "district_type": {"huyện": "rural district", "quận": "urban district", "thị xã": "town",
                      "thành phố": "city"},
    "region": {
        "Trung du và miền núi phía Bắc": "Northern Midlands and Mountains",
        "Đồng bằng sông Hồng": "Red River Delta",
        "Bắc Trung Bộ và duyên hải miền Trung": "North Central and Central Coast",
        "Tây Nguyên": "Central Highlands", "Đông Nam Bộ": "South East",
        "Đồng bằng sông Cửu Long": "Mekong River Delta",
    },
}  # fmt: skip
"""English labels of every vocabulary code (a test checks that none is missing)."""

SCHEMES_VI = {"pre-2018": "trước 2018"}
"""Vietnamese of the rating schemes' names that are words (`evaluations.rating_scheme`; "2018"
and "2025" are the same in both languages)."""

_SNAKE = re.compile(r"\b[a-z]+(?:_[a-z]+)+\b")
_SNAKE_VOCABULARIES = ("category", "metric", "unit", "basis", "period_kind")


def term_label(vocabulary: str, code: str, lang: str) -> str:
    """The label of `code` in `lang`; the code itself when it is not in the vocabulary."""
    if lang == "vi":
        try:
            return VOCABULARIES[vocabulary].term(code).label_vi
        except KeyError:
            return str(code)
    return LABELS_EN.get(vocabulary, {}).get(code, str(code))


def label_codes(text: str, lang: str) -> str:
    """`text` with every snake_case vocabulary code in it replaced by its label."""

    def label(match: re.Match) -> str:
        code = match.group(0)
        for vocabulary in _SNAKE_VOCABULARIES:
            if code in LABELS_EN[vocabulary]:
                return term_label(vocabulary, code, lang)
        return code

    return _SNAKE.sub(label, text)


def scheme_label(scheme: str) -> Label:
    """A rating scheme's name ('2018', 'pre-2018') with its Vietnamese."""
    return Label(scheme, SCHEMES_VI.get(scheme, scheme))
