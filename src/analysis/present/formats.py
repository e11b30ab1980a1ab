"""Values written for readers, in Vietnamese or English.

Never scientific notation; thousands separators; decimals fixed per kind of column (counts 0,
per-year averages 1, percentages 1, rates per 100 members 2, years 1). Vietnamese writes
`4.014` and `95,5 %`, English `4,014` and `95.5 %`. Dates and periods are written as people
write them: "end of 2023", "2023, to 28 May", "2020–2025 term".
"""

from __future__ import annotations

import math
import re

import pandas as pd

from analysis.data.labels import SCHEMES_VI, label_codes, term_label
from analysis.data.outputs import Column, Kind
from analysis.targets.status import STATUS_VI
from analysis.text.moments import MONTHS_EN, write_day
from analysis.text.phrases import Label, Wording, static_phrase, write_number

LANGUAGES = ("vi", "en")
DECIMALS = {
    Kind.COUNT: 0,
    Kind.RANK: 0,
    Kind.AVERAGE: 1,
    Kind.PERCENT: 1,
    Kind.FRACTION: 1,
    Kind.RATE: 2,
    Kind.YEARS: 1,
    Kind.NUMBER: 2,
}
_WORDS = {
    "vi": {"yes": "có", "no": "không", "end": "cuối năm {y}", "term": "nhiệm kỳ {a}–{b}",
           "to": "{a}, đến {b}", "span": "{a} – {b}", "each_year": " (mỗi năm)"},
    "en": {"yes": "yes", "no": "no", "end": "end of {y}", "term": "{a}–{b} term",
           "to": "{a}, to {b}", "span": "{a} – {b}"},
}  # fmt: skip


VALUES_VI = {
    **STATUS_VI, **SCHEMES_VI, "consistent": "khớp", "consistent if rounded twice": "khớp nếu làm tròn hai lần",
    "differs beyond rounding": "lệch quá sai số làm tròn", "stated": "công bố",
    "reconstructed from the stated share and the total": "ước tính từ tỷ lệ công bố và tổng",
    "percent of the target": "phần trăm chỉ tiêu", "percent above the target": "phần trăm vượt chỉ tiêu",
    "within": "trong giới hạn", "above": "cao hơn", "below": "thấp hơn",
}  # fmt: skip
"""Vietnamese for the closed sets of words the analyses write that the phrase book does not
hold (statuses, share checks, positions, rating schemes). The names of the contradiction checks
and the other sentences without values are said from the phrase book
(`analysis.text.phrases.static_phrase`), even when a table holds them as plain text."""


def check_lang(lang: str) -> str:
    """Returns `lang` if it is 'vi' or 'en', else raises ValueError saying what is expected."""
    if lang not in LANGUAGES:
        raise ValueError(f"lang must be 'vi' or 'en', not {lang!r}")
    return lang


def is_missing(value: object) -> bool:
    """Whether a value is missing (None, NaN, NA, NaT or empty text)."""
    if value is None or value is pd.NA or value is pd.NaT or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def format_number(value: float, decimals: int, lang: str) -> str:
    """A number with thousands separators and fixed decimals, never in scientific notation."""
    return write_number(value, decimals, lang)


def format_probability(value: float, lang: str) -> str:
    """A p-value: three decimals, and '< 0.001' below that."""
    if value < 0.001:
        return "< " + format_number(0.001, 3, lang)
    return format_number(value, 3, lang)


def format_day(day: pd.Timestamp | str, lang: str, *, year: bool = True) -> str:
    """A day as people write it: '28/5/2023' in Vietnamese, '28 May 2023' in English."""
    return write_day(pd.Timestamp(day), lang, year=year)


def format_date(value: pd.Timestamp, lang: str) -> str:
    """A date; the last day of a year is written 'end of 2023'."""
    value = pd.Timestamp(value)
    if value.month == 12 and value.day == 31:
        return _WORDS[lang]["end"].format(y=value.year)
    return format_day(value, lang)


def _partial(text: str, lang: str, *, year: bool = True) -> str:
    parts = text.split("-")
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        month = int(parts[1])
        if lang == "vi":
            return f"tháng {month}" + (f"/{parts[0]}" if year else "")
        return MONTHS_EN[month - 1] + (f" {parts[0]}" if year else "")
    return format_day(text, lang, year=year)


EACH_YEAR = " (each year)"
"""How `evaluations.summarize_evaluations` marks a period whose every year is rated."""
_PARTIAL = r"\d{4}(?:-\d{2}(?:-\d{2})?)?"
_PERIOD = re.compile(rf"^({_PARTIAL})\s*[–-]\s*({_PARTIAL})$")


def format_period(text: str, lang: str) -> str:
    """A period label ('2020 – 2024-01-23', '2020–2025', '2023') as people write it.

    Two years five apart starting on a multiple of five are a congress term; an end in the
    start's year is written '2023, to 28 May'. Text in another form is returned as it is.
    """
    text = str(text).strip()
    if lang == "vi" and text.endswith(EACH_YEAR):  # a rating stated for every year of a period
        return format_period(text.removesuffix(EACH_YEAR), lang) + _WORDS[lang]["each_year"]
    if re.fullmatch(_PARTIAL, text):
        return _partial(text, lang)
    match = _PERIOD.match(text)
    if not match:
        return text
    start, end = match.groups()
    words = _WORDS[lang]
    if len(start) == len(end) == 4:
        a, b = int(start), int(end)
        if b - a == 5 and a % 5 == 0:
            return words["term"].format(a=a, b=b)
        return f"{a}–{b}"
    if start[:4] == end[:4] and len(start) == 4:
        return words["to"].format(a=start, b=_partial(end, lang, year=False))
    if start[:4] == end[:4] and start[5:] == "01-01" and end[5:] == "12-31":
        return start[:4]
    same_year = start[:4] == end[:4]
    first = _partial(start, lang, year=not same_year) if len(start) > 4 else start
    return words["span"].format(a=first, b=_partial(end, lang))


def format_code(value: str, vocabulary: str | None, lang: str) -> str:
    """A vocabulary code by its declared label in `lang` (`analysis.data.labels`)."""
    if vocabulary:
        return term_label(vocabulary, value, lang)
    return str(value).replace("_", " ")


def format_value(value: object, column: Column, lang: str) -> str:
    """Formats one value of a declared column for reading (not escaped: text as it is)."""
    kind = column.kind
    if kind == Kind.FLAG:
        return "✓" if not is_missing(value) and bool(value) else ""
    if is_missing(value):
        return ""
    if kind == Kind.FRACTION:
        return format_number(float(value) * 100, 1, lang) + " %"
    if kind == Kind.PERCENT:
        return format_number(value, 1, lang) + " %"
    if kind == Kind.NUMBER and float(value).is_integer():
        return format_number(value, 0, lang)
    if kind in DECIMALS:
        return format_number(value, DECIMALS[kind], lang)
    if kind == Kind.PROBABILITY:
        return format_probability(float(value), lang)
    if kind == Kind.YEAR:
        return str(int(value))
    if kind == Kind.DATE:
        return format_date(value, lang)
    if kind == Kind.PERIOD:
        return format_period(value, lang)
    if kind == Kind.PARTIAL_DATE:
        text = str(value).strip()
        return _partial(text, lang) if re.fullmatch(_PARTIAL, text) else text
    if kind == Kind.CODE:
        return format_code(value, column.vocabulary, lang)
    if isinstance(value, Wording | Label):  # English sentences keep codes: show their labels
        return value.say(lang) if lang == "vi" else label_codes(value.say(lang), "en")
    if isinstance(value, str):  # free text the analyses write in English: codes in English
        if lang == "vi":
            phrase = static_phrase(value)
            return phrase.say(lang) if phrase is not None else VALUES_VI.get(value, value)
        return label_codes(value, "en")
    return str(value)


def format_yes_no(value: bool, lang: str) -> str:
    """'yes'/'no' ('có'/'không') for a flag in a sentence."""
    return _WORDS[lang]["yes" if value else "no"]
