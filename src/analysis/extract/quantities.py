"""Numbers in an article, read the Vietnamese way, with the words that qualify them.

Finds every figure ("8.723", "117,3%", "469/400", "90–100") and reads it with the project's
own parser (`analysis.numbers.parse_number`), which also turns the words before it into a
qualifier ("gần 640" nearly, "trên 90 %" more than, "hơn 2.100", "khoảng", "không quá 1%",
"từ 90 … trở lên" at least). Dates, clock times, document numbers ("02-NQ/TU"), ordinals
("lần thứ 6") and years are not figures: years are left to `periods`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.text.numbers import NumberFormatError, parse_number

_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
# A figure stands alone: not part of a date (18/10/2021), a time (14:50, 8h30), a code
# (02-NQ/TU, GMT+7) or a longer number.
_ALONE_BEFORE = r"(?<![\w.,/:+-])"
_ALONE_AFTER = r"(?![\w/]|[.,]\d|:\d|-[^\W\d_])"
_TOKEN = re.compile(rf"{_ALONE_BEFORE}({_NUMBER}){_ALONE_AFTER}(\s?%)?")
_RATIO = re.compile(rf"{_ALONE_BEFORE}({_NUMBER})/({_NUMBER}){_ALONE_AFTER}(\s?%)?")
_NOUN_RATIO = re.compile(
    rf"{_ALONE_BEFORE}({_NUMBER})(\s+(?:đảng viên|quần chúng)\s*)/\s*({_NUMBER}){_ALONE_AFTER}"
)  # "80 đảng viên/85 chỉ tiêu"
_RANGE_TAIL = re.compile(rf"\s*(?:[-–—]|\s(?:đến|tới)\s)\s*({_NUMBER})(\s?%)?{_ALONE_AFTER}")
# Words that make the number after them a label, not a figure: a day ("ngày 24", "sáng
# 18/10"), a month, an ordinal, a document or a unit's number ("Quận 1", "chi bộ 2").
_LABEL_BEFORE = re.compile(
    r"(?:(?<!tổng )\b(?:tháng|quý|khóa|khoá|thứ|số|điều|khoản|kỳ|ngày|sáng|chiều|tối|trưa|đêm"
    r"|hôm|nghị quyết|chỉ thị|kết luận|quy định|hướng dẫn|kế hoạch|quyết định|thông báo"
    r"|công văn|đề án|chương trình|quận|phường|khu phố|tổ dân phố|tổ|ấp|xóm|đội|chi bộ)"
    r"\s+(?:ngày\s+|số\s+)?)$"
)
_THOUSANDS = re.compile(r"\s+(?:ngàn|nghìn)\b", re.IGNORECASE)
_YEAR = re.compile(r"^(19\d\d|20\d\d|2100)$")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
_AT_LEAST_AFTER = re.compile(r"^(?:\s+[^\W\d_]+){0,3}?\s+(trở lên|trở xuống)\b", re.IGNORECASE)
_NONE_LEFT = re.compile(
    r"\bkhông (?:còn|có)(?=\s+(?:tổ chức|tccsđ|chi bộ|đảng bộ|chi, đảng bộ|đảng viên|cơ sở đảng)\b)",
    re.IGNORECASE,
)
_STOP_WORDS = re.compile(r"hoàn|không|đạt|và|chiếm", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    """A figure stated in the text.

    Attributes:
        start: Offset of its first digit (or of the numerator of a ratio).
        end: Offset after its last character (the % sign, the denominator, a range's end).
        value: The number (the numerator of a ratio, the low end of a range).
        percent: Whether a percent sign follows it.
        qualifier: '>', '<', '~', '>=' or '<=' from the words around it, or None.
        denominator: For "469/400", the 400 and its offsets; else None.
        high: For a range "90–100", the 100 and its offsets; else None.
        first_end: Offset after the first number (before a %, "/400" or "–100").
    """

    start: int
    end: int
    value: float
    percent: bool = False
    qualifier: str | None = None
    denominator: tuple[float, int, int] | None = None
    high: tuple[float, int, int] | None = None
    first_end: int = -1


def _is_label(lower: str, start: int) -> bool:
    return bool(_LABEL_BEFORE.search(lower, max(0, start - 24), start))


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _prefix_qualifier(text: str, start: int, token: str) -> tuple[str | None, int]:
    """Tries the one or two words before a number as a qualifier; returns it and its start."""
    window = text[max(0, start - 24) : start]
    words = list(re.finditer(r"[^\W\d_]+", window))
    for count in (2, 1):
        if len(words) < count or not window[words[-1].end() :].isspace():
            continue
        first = words[-count]
        phrase = window[first.start() :].strip()
        try:
            qualifier = parse_number(f"{phrase} {token}").qualifier
        except NumberFormatError:
            continue
        if qualifier:
            return qualifier, start - len(window) + first.start()
    return None, start


def _suffix_qualifier(text: str, end: int) -> str | None:
    """Reads "trở lên" / "trở xuống" after a number and at most three words of noun."""
    tail = text[end : end + 48]
    match = _AT_LEAST_AFTER.match(tail)
    if match is None or _STOP_WORDS.search(tail[: match.start(1)]):
        return None
    return ">=" if match.group(1).lower() == "trở lên" else "<="


def _qualifier(text: str, start: int, end: int, token: str) -> str | None:
    before, _ = _prefix_qualifier(text, start, token)
    after = _suffix_qualifier(text, end)
    if before == ">=" and text[max(0, start - 4) : start].strip().lower() == "từ":
        return ">=" if after == ">=" else None  # "từ 90 … trở lên"; "từ 90" alone is a range start
    return before or after


def _read(token: str) -> float | None:
    try:
        return parse_number(token).value
    except NumberFormatError:
        return None


def _ratio(text: str, match: re.Match) -> Quantity | None:
    top, bottom = _read(match.group(1)), _read(match.group(2))
    if top is None or bottom is None:
        return None
    percent = bool(match.group(3))
    qualifier = _qualifier(text, match.start(), match.end(), match.group(1))
    return Quantity(
        match.start(),
        match.end(),
        top,
        percent,
        qualifier,
        denominator=(bottom, match.start(2), match.end(2)),
        first_end=match.end(1),
    )


def _single(text: str, match: re.Match) -> Quantity | None:
    token = match.group(1)
    percent = bool(match.group(2))
    if not percent and _YEAR.match(token):
        return None
    value = _read(token)
    if value is None:
        return None
    end, high = match.end(), None
    tail = _RANGE_TAIL.match(text, end)
    if tail and (bool(tail.group(2)) or not percent) and not _YEAR.match(tail.group(1)):
        top = _read(tail.group(1))
        if top is not None and top > value:
            high = (top, tail.start(1), tail.end())
            end, percent = tail.end(), percent or bool(tail.group(2))
    thousands = _THOUSANDS.match(text, end)
    if thousands and not percent and high is None:
        value, end = value * 1000, thousands.end()  # "18 ngàn đảng viên"
    qualifier = None if high else _qualifier(text, match.start(), end, token)
    return Quantity(
        match.start(), end, value, percent, qualifier, high=high, first_end=match.end(1)
    )


def find_quantities(text: str) -> list[Quantity]:
    """Returns the figures of a text in order, dates, times, ids and years left out.

    "Không còn" / "không có" before organisations or members is a figure too: none, read as
    0 % (the rules keep it only where a rating follows: "không còn chi bộ yếu kém").
    """
    lower = text.lower() if len(text.lower()) == len(text) else text
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for match in _RATIO.finditer(text):
        if not _is_label(lower, match.start()):
            quantity = _ratio(text, match)
            if quantity:
                found.append(quantity)
                taken.append((quantity.start, quantity.end))
    for match in _NOUN_RATIO.finditer(text):
        top, bottom = _read(match.group(1)), _read(match.group(3))
        if top is not None and bottom is not None and not _overlaps(taken, *match.span()):
            denominator = (bottom, match.start(3), match.end(3))
            found.append(
                Quantity(
                    match.start(), match.end(), top, denominator=denominator, first_end=match.end(1)
                )
            )
            taken.append(match.span())
    for match in _TOKEN.finditer(text):
        if _is_label(lower, match.start()) or _overlaps(taken, *match.span()):
            continue
        quantity = _single(text, match)
        if quantity:
            found.append(quantity)
            taken.append((quantity.start, quantity.end))
    found += [Quantity(m.start(), m.end(), 0.0, percent=True) for m in _NONE_LEFT.finditer(text)]
    found.sort(key=lambda q: q.start)
    return found
