"""Reading flows of members: admissions ("kết nạp", "phát triển đảng viên") and removals.

A figure is an admission when "kết nạp" or "phát triển" governs it with nothing but words
between ("kết nạp được 469 đảng viên", "chỉ tiêu phát triển đảng viên mới … là 180"), or when it
is followed by "được kết nạp". A ratio "469/400" is the figure achieved and its target; a
number "theo kế hoạch" after a flow is that flow's plan. A group among those admitted ("trong
đó 45 đảng viên nữ", "riêng khối xã …") is not the total; nor is an achieved yearly average.
"""

from __future__ import annotations

import re

from analysis.extract import metrics
from analysis.extract.quantities import Quantity
from analysis.extract.readings import (
    TARGET_OF_QUALIFIER,
    Context,
    Reading,
    last_named,
    other_reading,
    target_readings,
)

_ADMITTED_AFTER = re.compile(r"(?:\s+[^\W\d_]+){0,3}?\s+(?:mới\s+)?được kết nạp", re.IGNORECASE)
_GROUP_AFTER = re.compile(
    r"\s*(?:(?:là|thuộc|trong|ở|người)\s+){0,2}(?:nữ|dân tộc|đoàn viên|học sinh|sinh viên"
    r"|doanh nghiệp|tôn giáo|có đạo|nông thôn|công nhân|khối|lực lượng|quân đội|công an"
    r"|chủ doanh nghiệp|trí thức|trẻ|dưới|trên \d|được miễn|miễn sinh hoạt|dự bị|chính thức"
    r"|cao tuổi|đủ tư cách|được tặng|được trao|được khen|chưa được đánh giá|chưa đánh giá"
    r"|không đánh giá|trong độ tuổi|nông dân|công chức|viên chức|dtts|các tôn giáo|có trình độ)\b",
    re.IGNORECASE,
)
_SUBSET_START = re.compile(
    r"\W*(?:trong đó|trong số|riêng(?!\s+(?:trong|năm|tháng|quý|từ|đến)\b))\b(?!\s+\d)",
    re.IGNORECASE,
)  # "Riêng các xã …" opens a part; "Riêng trong 2 tháng đầu năm" only a period
_SUBSET_OPENING = re.compile(
    r"(?:^|[,;:(.])\s*(?:trong đó|trong số|riêng(?!\s+(?:trong|năm|tháng|quý|từ|đến)\b))\b(?!\s+\d)[^\d]*$",
    re.IGNORECASE,
)  # a segment opened by "trong đó", "riêng" … with no other figure before this one
_ASIDE = re.compile(r"\([^()]*\)")
OF_WHICH = re.compile(r"\btrong đó\b|\bgồm\b", re.IGNORECASE)
_GOAL_BRACKET = re.compile(r"\b(?:chỉ tiêu|kế hoạch)\b[^()]{0,40}\(\s*$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(r"\s*(?:mới\s+)?(?:theo|của)\s+(?:kế hoạch|chỉ tiêu)", re.IGNORECASE)
_PER_YEAR = re.compile(r"\b(?:binh quan|trung binh|moi nam|hang nam)\b")
_AVERAGE = re.compile(r"\b(?:binh quan|trung binh)\b")


def _subset_opener(doc, opening: int, clause_start: int, q: Quantity) -> int | None:
    """Where "Trong đó" / "Trong số" / "Riêng" opens the part of a total the figure is in."""
    for start in (opening, clause_start):
        if _SUBSET_START.match(doc.text, start):
            return start  # "Trong đó, có 125 đảng viên là nữ; 136 …": every figure of it
    found = _SUBSET_OPENING.search(doc.text[opening : q.start])
    return opening + found.start() if found else None


def in_group(ctx: Context, q: Quantity, noun: metrics.Cue | None) -> bool:
    """Tells whether a figure counts a group within the one before it in its clause
    ("…, trong đó 168 đảng viên nông thôn") or a group by its words ("1.200 đảng viên nữ")."""
    doc = ctx.doc
    if _GROUP_AFTER.match(doc.text, noun.end if noun else q.end):
        return True
    clause_start, _ = doc.clause_bounds(q.start)
    sentence = doc.sentence_at(q.start)
    opening = min(sentence.start, clause_start)
    if _PER_YEAR.search(doc.folded, opening, q.start):
        return False  # "Trong đó mỗi năm … kết nạp 90": a yearly split of a total
    opener = _subset_opener(doc, opening, clause_start, q)
    if opener is not None:
        # "Trong đó, …: Đảng bộ huyện Ninh Phước kết nạp 52" is that district's own figure
        return not any(opener < start < q.start for start in ctx.district_spans)
    previous = last_named(ctx)
    if previous is None or previous.start < clause_start:
        return False
    between = _ASIDE.sub(" ", doc.text[previous.end : q.start])  # "(gồm …)" closed before it
    return bool(OF_WHICH.search(between))


def _admissions_target(ctx: Context, q: Quantity) -> list[Reading]:
    clause_start, _ = ctx.doc.clause_bounds(q.start)
    per_year = _PER_YEAR.search(ctx.doc.folded, clause_start, q.start)
    goal = Reading(
        q.start,
        q.end,
        "admissions",
        "target",
        q.value,
        comparator=TARGET_OF_QUALIFIER[q.qualifier],
        basis="per_year" if per_year else "total",
        rule="admissions-target",
        confidence=0.75,
    )
    return target_readings(goal, q)


def _admissions_flow(q: Quantity) -> list[Reading]:
    end = q.first_end if q.denominator else q.end
    flow = Reading(
        q.start,
        end,
        "admissions",
        "flow",
        q.value,
        qualifier=q.qualifier or "",
        rule="admissions",
        confidence=0.85,
    )
    if not q.denominator:
        return [flow]
    value, start, end = q.denominator
    goal = Reading(
        start,
        end,
        "admissions",
        "target",
        value,
        comparator=">=",
        basis="total",
        rule="admissions-ratio-target",
        confidence=0.7,
        linked=flow,
    )
    return [flow, goal]


def read_admissions(ctx: Context, q: Quantity, target: bool) -> list[Reading] | None:
    """Reads admissions: "kết nạp (được) N đảng viên", "N quần chúng … được kết nạp"."""
    doc = ctx.doc
    noun = metrics.noun_after(doc, q.end)
    if noun is not None and noun.meaning not in ("party_members", "people"):
        return None
    clause_start, _ = doc.clause_bounds(q.start)
    governed = metrics.admit_verb_before(doc, clause_start, q.start) is not None
    if not governed and not (noun and _ADMITTED_AFTER.match(doc.text, noun.end)):
        return None
    if q.percent:
        return [other_reading(q, "admission-rate")]
    if in_group(ctx, q, noun):
        return [other_reading(q, "admitted-group")]
    if target:
        return _admissions_target(ctx, q)
    if _AVERAGE.search(doc.folded, clause_start, q.start):
        return [other_reading(q, "average-per-year")]  # an achieved yearly average is no flow
    if q.high is not None:
        return [other_reading(q, "range")]
    return _admissions_flow(q)


def read_planned(ctx: Context, q: Quantity) -> Reading | None:
    """Reads "… 200 đảng viên (mới) theo kế hoạch", or "chỉ tiêu … (190 đảng viên)", after a
    flow: the plan for that flow."""
    noun = metrics.noun_after(ctx.doc, q.end)
    flow = last_named(ctx, ("flow",))
    if (
        q.percent
        or flow is None
        or (noun is not None and noun.meaning not in ("party_members", "people"))
    ):
        return None
    planned = _PLANNED_AFTER.match(ctx.doc.text, noun.end if noun else q.end)
    if not planned and not _GOAL_BRACKET.search(ctx.doc.text, max(0, q.start - 60), q.start):
        return None
    return Reading(
        q.start,
        q.end,
        flow.metric,
        "target",
        q.value,
        comparator="=",
        basis="total",
        rule="planned",
        confidence=0.7,
        linked=flow,
    )


def read_expulsions(ctx: Context, q: Quantity, verb: metrics.Cue | None) -> Reading | None:
    """Reads "đưa ra khỏi Đảng 16 đảng viên", "khai trừ 2 đảng viên"."""
    if verb is None or verb.meaning != "expel" or q.percent:
        return None
    gap = ctx.doc.text[verb.end : q.start]
    noun = metrics.noun_after(ctx.doc, q.end)
    if len(gap) > 24 or (noun is not None and noun.meaning not in ("party_members", "people")):
        return None
    return Reading(
        q.start,
        q.end,
        "expulsions",
        "flow",
        q.value,
        qualifier=q.qualifier or "",
        rule="expulsions",
        confidence=0.85,
    )
