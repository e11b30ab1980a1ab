"""The words that say what a figure counts: metric nouns, ratings, subjects, verbs, scope.

The cues come from how the Vietnamese party press writes its figures, not from particular
articles: a count is followed by what it counts ("56 TCCSĐ", "289 chi bộ trực thuộc", "8.723
đảng viên"); an admission is governed by "kết nạp"; a rating is one of the four grades of
Regulation 132-QĐ/TW (or a pre-2018 grade); a figure belongs to the district only when no
lower unit (a cell, a commune, a school) or higher one (the province) is its subject.

Nouns and ratings are matched on the folded text, so accent slips ("cơ sơ") do not matter;
short verbs on the lower-case text with accents, where folding would merge words ("có" and
"cơ", "tăng" and "tặng", "giảm" and "giám").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from analysis.extract.segment import Document

# What a count counts, matched right after the number (folded text), longest first.
_NOUNS = (
    (r"to chuc co so (?:cua )?dang|to chuc dang co so|tccs ?d|tccs dang|co so dang", "base_organizations"),
    (r"chi\s+dang bo co so|chi\s+dang bo", "base_organizations"),
    (r"dang bo co so|dang bo truc thuoc", "base_party_committees"),
    (r"chi bo co so", "base_party_cells"),
    (r"chi bo truc thuoc (?:cac )?(?:huyen|thanh|thi|quan) uy", "base_party_cells"),
    (r"chi bo truc thuoc(?: dang uy co so| dang bo co so)?", "subordinate_cells"),
    (r"dang bo", "committee_word"),
    (r"chi bo", "cell_word"),
    (r"dang vien|dv", "party_members"),
    (r"to chuc dang|to chuc", "org_word"),
    (r"quan chung|nguoi|dong chi|truong hop", "people"),
)  # fmt: skip
_NOUN = re.compile(
    r"\s*(?:so\s+)?(?:" + "|".join(f"(?P<n{i}>{p})" for i, (p, _) in enumerate(_NOUNS)) + r")\b"
)

# Ratings, longest first (folded text).
_RATINGS = (
    (r"trong sach\s+vung manh(?:\s+va)?\s+hoan thanh tot nhiem vu(?: tro len)?", "good_or_above"),
    (r"hoan thanh tot nhiem vu tro len|tot tro len", "good_or_above"),
    (r"hoan thanh xuat sac(?: nhiem vu)?(?:\s+va|\s+)\s*hoan thanh tot nhiem vu", "good_or_above"),
    (r"hoan thanh xuat sac nhiem vu|htxsnv|xuat sac nhiem vu", "excellent"),
    (r"hoan thanh tot nhiem vu|httnv", "good"),
    (r"hoan thanh nhiem vu tro len", "completed_or_above"),
    (r"(?:khong|chua) hoan thanh nhiem vu|khtnv", "not_completed"),
    (r"hoan thanh nhiem vu|htnv", "completed"),
    (r"trong sach\s+vung manh\s+tieu bieu|tsvm tieu bieu", "clean_strong_exemplary"),
    (r"(?<!ngay cang )(?<!cang )trong sach\s+vung manh|tsvm", "clean_strong_or_above"),
    (r"yeu kem", "not_completed"),
)  # fmt: skip
_RATING = re.compile("|".join(f"(?P<r{i}>{p})" for i, (p, _) in enumerate(_RATINGS)))

_SUBJECTS = re.compile(
    r"(?P<member>dang vien)|(?P<organization>to chuc co so dang|tccs ?d|to chuc dang|co so dang"
    r"|chi\s+dang bo|chi bo|dang bo|tap the)"
)

# Verbs before a figure: on folded text (long, unambiguous) and on lower text (short).
_VERBS_FOLDED = re.compile(
    r"(?P<admit>ket nap|phat trien(?: moi)?(?= (?:duoc|them|moi|dang vien|\d)))|(?P<expel>dua ra khoi dang|cho ra khoi dang|cho ra(?= \d)|khai tru|xoa ten)"
    r"|(?P<exist>(?:nang|dua) tong so)|(?P<action>kiem tra|giam sat|thanh lap|sap nhap|hop nhat|chia tach|giai the|khen thuong"
    r"|ky luat|ki luat|xu ly|boi duong|tap huan|dao tao|danh cho|kien toan|cung co|gioi thieu"
    r"|ra soat|phan cong|tham du|ho tro|lua chon|quan triet|trao tang|chuyen sinh hoat)\b"
)
_VERBS_LOWER = re.compile(
    r"\b(?:(?P<exist>hiện có|gồm có|gồm|có|là|với|còn|lên)|(?P<up>tăng thêm|tăng|vượt)|(?P<down>giảm)"
    r"|(?P<give>cho|tặng|dự))\b"
)

_SUB_UNIT_HEAD = re.compile(
    r"\b(?:chi bộ|đảng bộ|đảng ủy|đảng uỷ)\s+(?:(?P<kind>(?:các\s+)?(?:xã|phường)|thị trấn|thôn|làng|bản"
    r"|tiểu khu|khu phố|khu dân cư|tổ dân phố|ấp|trường|cơ quan|công an|quân sự|doanh nghiệp"
    r"|công ty|bệnh viện|khối)\b|(?P<name>[^\W\d_]+))",
    re.IGNORECASE,
)
_PLACE = re.compile(
    r"\b(?:(?<!thị )xã|phường|thị trấn|thôn|làng|bản|tiểu khu|ấp|khu phố)\s+(?P<name>\w+)",
    re.IGNORECASE,
)
_INSTITUTION = re.compile(
    r"\b(?:trường|trung học|THPT|THCS|tiểu học|mầm non|công ty|bệnh viện|hợp tác xã|HTX"
    r"|doanh nghiệp)\b",
    re.IGNORECASE,
)
_PROVINCE = re.compile(
    r"\b(?:toàn tỉnh|đảng bộ tỉnh|tỉnh ủy|tỉnh uỷ|cả nước|toàn quốc|toàn đảng(?! bộ))\b",
    re.IGNORECASE,
)
_DISTRICT = re.compile(
    r"\b(?:toàn (?:huyện|thành phố|thị xã|quận|đảng bộ)|đảng bộ (?:huyện|thành phố|thị xã|quận)"
    r"|(?:huyện|thành|thị|quận) (?:ủy|uỷ)|trên địa bàn(?: huyện| thành phố| thị xã| quận)?"
    r")\b",
    re.IGNORECASE,
)
_ASIDE = re.compile(r"\([^()]*\)")  # a closed bracket before the figure: not its subject
ADMIT_REACH = 60
"""Characters from "kết nạp" to the figure it governs ("chỉ tiêu kết nạp đảng viên mới … là 180")."""
_DISTRICT_LEVEL_WORDS = frozenset({"huyện", "thành", "thị", "quận", "tỉnh", "tp", "tx"})

_TARGET_CUE = re.compile(
    r"\b(?:(?:muc tieu|chi tieu)(?:\s+(?:dat ra|de ra|duoc giao|giao))?"
    r"|ke hoach\s+(?:dat ra|de ra|duoc giao|giao)|phan dau|(?P<bare>de ra|dat ra))\b"
)
_GOAL_NOUN_BEFORE = re.compile(r"\b(?:chi tieu|ke hoach|muc tieu|nghi quyet)\b[^;:.]{0,70}$")
_PLAN_CUE = re.compile(r"\bke hoach(?: nam \d{4})?(?: \w+){0,2}? (?:ket nap|phat trien)\b")
_ACHIEVED = re.compile(r"(?:%|\bđạt|\bvượt|\bhoàn thành|\bso với|\bthực hiện)\s*$")
_DONE = re.compile(r"\b(?:đã|được|đạt được|kết quả)\b")
_STREAK = re.compile(
    r"\W*(?:[^\W\d_]+\W+){0,8}?\d+\s+(?:năm|lần)\s+(?:liền|liên tục|liên tiếp)\b", re.IGNORECASE
)
_COUNTED_TIMES = re.compile(
    r"\s*(?:lượt|lần|lớp|đợt|khóa|khoá|cuộc|buổi|hội nghị)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Cue:
    """A cue word found in the text: its bounds and what it means."""

    start: int
    end: int
    meaning: str


def noun_after(doc: Document, offset: int) -> Cue | None:
    """Returns what the figure ending at `offset` counts, from the words right after it."""
    match = _NOUN.match(doc.folded, offset)
    if match is None:
        return None
    index = int(match.lastgroup[1:])
    return Cue(match.start(match.lastgroup), match.end(), _NOUNS[index][1])


def counts_occasions(doc: Document, offset: int) -> bool:
    """Tells whether a figure counts occasions (lượt, lần, lớp, đợt), not units or people."""
    return bool(_COUNTED_TIMES.match(doc.lower, offset))


def is_streak(doc: Document, offset: int, end: int) -> bool:
    """Tells whether "N năm liền" follows the figure in its clause (a streak, not a year)."""
    return bool(_STREAK.match(doc.text, offset, end))


def ratings_in(doc: Document, start: int, end: int) -> list[Cue]:
    """Returns the rating phrases between two offsets, in order."""
    cues = []
    for match in _RATING.finditer(doc.folded, start, end):
        index = int(match.lastgroup[1:])
        cues.append(Cue(match.start(), match.end(), _RATINGS[index][1]))
    return cues


def subjects_in(doc: Document, start: int, end: int) -> list[Cue]:
    """Returns the words naming who is rated (members or organisations) between two offsets."""
    return [
        Cue(m.start(), m.end(), m.lastgroup) for m in _SUBJECTS.finditer(doc.folded, start, end)
    ]


def verb_before(doc: Document, start: int, offset: int) -> Cue | None:
    """Returns the last verb between `start` and `offset` (the one governing the figure)."""
    cues = [
        Cue(m.start(), m.end(), m.lastgroup)
        for m in _VERBS_FOLDED.finditer(doc.folded, start, offset + 4)  # room for look-aheads
        if m.end() <= offset
    ]
    cues += [
        Cue(m.start(), m.end(), m.lastgroup)
        for m in _VERBS_LOWER.finditer(doc.lower, start, offset)
    ]
    if not cues:
        return None
    return max(cues, key=lambda c: (c.end, c.end - c.start))


def admit_verb_before(doc: Document, start: int, offset: int) -> Cue | None:
    """Returns the last "kết nạp" / "phát triển" before `offset` that governs it: nothing but
    words between (no other figure, no other action: "kết nạp … cho 983" is not governed)."""
    found = [
        m
        for m in _VERBS_FOLDED.finditer(doc.folded, start, offset + 4)  # room for the look-ahead
        if m.lastgroup == "admit" and m.end() <= offset
    ]
    if not found:
        return None
    verb = found[-1]
    between = verb_before(doc, verb.end(), offset)
    if re.search(r"\d", doc.text[verb.end() : offset]) or offset - verb.end() > ADMIT_REACH:
        return None
    if (
        between is not None
        and between.meaning != "up"
        and doc.lower[between.start : between.end] != "là"
    ):
        return None  # another verb governs it: "kết nạp 101 …, nâng tổng số lên 4.000"
    if doc.folded[max(0, verb.start() - 5) : verb.start()] == "duoc ":
        return None  # "N quần chúng được kết nạp": the figure is before the verb
    return Cue(verb.start(), verb.end(), "admit")


def _is_list_item(doc: Document, offset: int) -> bool:
    return bool(re.search(r"\d[\d.,]*%?\s*$", doc.text[max(0, offset - 12) : offset]))


def _scope_cues(doc: Document, start: int, offset: int, districts: frozenset[int]) -> list[Cue]:
    cues = []
    for m in _SUB_UNIT_HEAD.finditer(doc.text, start, offset):
        name = m.group("name")
        if name is None or (
            name[:1].isupper()
            and name.lower() not in _DISTRICT_LEVEL_WORDS
            and m.start("name") not in districts
        ):
            cues.append(Cue(m.start(), m.end(), "sub_unit"))
    for m in _PLACE.finditer(doc.text, start, offset):
        if m.group("name")[:1].isupper():
            cues.append(Cue(m.start(), m.end(), "sub_unit"))
    cues += [
        Cue(m.start(), m.end(), "sub_unit") for m in _INSTITUTION.finditer(doc.text, start, offset)
    ]
    cues += [
        Cue(m.start(), m.end(), "province") for m in _PROVINCE.finditer(doc.text, start, offset)
    ]
    cues += [
        Cue(m.start(), m.end(), "district") for m in _DISTRICT.finditer(doc.text, start, offset)
    ]
    asides = [m.span() for m in _ASIDE.finditer(doc.text, start, offset)]
    return [
        c
        for c in cues
        if not _is_list_item(doc, c.start) and not any(a <= c.start < b for a, b in asides)
    ]


def scope_before(
    doc: Document,
    start: int,
    offset: int,
    districts: frozenset[int] = frozenset(),
    cities: tuple[tuple[int, int], ...] = (),
) -> str | None:
    """Returns whose figure it is: 'district', 'sub_unit', 'province' or None (not said).

    The last scope word before the figure in its sentence decides; words that follow a
    number are items of a list ("14 đảng bộ, 42 chi bộ"), not the subject. `districts` holds
    the offsets where district names begin, so "Đảng bộ Sa Thầy" is the district's; `cities`
    the spans naming a city that is a province ("Đảng bộ TP Cần Thơ").
    """
    cues = _scope_cues(doc, start, offset, districts)
    cues += [Cue(a, b, "province") for a, b in cities if start <= a and b <= offset]
    return max(cues, key=lambda c: c.end).meaning if cues else None


def target_cue_before(doc: Document, start: int, offset: int) -> Cue | None:
    """Returns the last word setting a goal ("mục tiêu", "chỉ tiêu … đặt ra", "phấn đấu")
    before a figure in its paragraph, or a plan to admit ("kế hoạch năm 2016 kết nạp") in its
    sentence; None if the figure is stated as achieved after it ("đã", "được")."""
    found = None
    for m in _TARGET_CUE.finditer(doc.folded, start, offset):
        if _ACHIEVED.search(doc.lower, max(0, m.start() - 14), m.start()):
            continue
        if m.group("bare") and _GOAL_NOUN_BEFORE.search(
            doc.folded, max(0, m.start() - 70), m.start()
        ):
            continue  # "chỉ tiêu … đề ra": the plan already named, not a new goal
        found = Cue(m.start(), m.end(), "target")
    sentence = doc.sentence_at(offset)
    for m in _PLAN_CUE.finditer(doc.folded, max(start, sentence.start), offset):
        if not _ACHIEVED.search(doc.lower, max(0, m.start() - 14), m.start()):
            found = (
                Cue(m.start(), m.end(), "target") if not found or m.start() > found.start else found
            )
    if found and _DONE.search(doc.lower, found.end, offset):
        return None
    return found
