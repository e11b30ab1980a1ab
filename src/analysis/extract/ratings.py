"""Reading ratings: counts and shares of organisations or members in a grade.

A figure is a rating when a grade (see `metrics`) stands right after it ("12,5% đảng viên
hoàn thành xuất sắc nhiệm vụ"), right before it with only filler words between ("hoàn thành
tốt nhiệm vụ 27 chi, đảng bộ", "yếu kém không quá 1%"), or when it is the share of the count
just read ("…, chiếm 7,3%"). Who is rated comes from the noun after the figure, else the
last one named before it in the sentence ("Về đảng viên, …"). A grade followed by "trong
đó" and a better grade is cumulative ("100% hoàn thành nhiệm vụ, trong đó 90% …" is
completed or above); so is a minimum share of a grade set as a goal ("tỷ lệ … hoàn thành tốt
nhiệm vụ đạt 90% trở lên"). "1 đảng bộ và 5 chi bộ <grade>" is 6 organisations (derived:
rule evaluation-sum).
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extract import metrics
from analysis.extract.quantities import Quantity
from analysis.extract.readings import (
    CUMULATIVE,
    ORG_NOUNS,
    TARGET_OF_QUALIFIER,
    Context,
    Reading,
    other_reading,
    target_readings,
    unit_of,
)

_FILLER = re.compile(
    r"^(?:[\s,]|\b(?:hằng năm|hàng năm|mỗi năm|đạt|là|có|chiếm|được|với|tỷ lệ|tỉ lệ|trên|hơn"
    r"|gần|khoảng|từ|không quá|dưới|tối thiểu|ít nhất|số|tổng số)\b)*$",
    re.IGNORECASE,
)
_AFTER_NOUN_FILLER = re.compile(
    r"(?:\s|,|\(\s*[\d.,]+\s?%\s*\)|\b(?:đạt|được|xếp loại|là|mức|đánh giá|công nhận|đủ tư cách|trở lên)\b)*",
    re.IGNORECASE,
)
_SHARE_BEFORE = re.compile(
    r"(?:chiếm(?: tỷ lệ| tỉ lệ)?|bằng|\(|đạt tỷ lệ|đạt tỉ lệ)\s*$", re.IGNORECASE
)
_AND_NEXT = re.compile(r"\s*(?:và|,)\s*", re.IGNORECASE)
SHARED_REACH = 60
_JOINED = re.compile(r"\bvà\b", re.IGNORECASE)
_OF_DISTRICT = re.compile(
    r"của\s+(?:toàn\s+)?(?:đảng bộ\s+)?(?:huyện|thành phố|thị xã|quận|huyện ủy|huyện uỷ)\s+",
    re.IGNORECASE,
)
_OF_WHICH_AFTER = re.compile(r"\W*trong đó\b", re.IGNORECASE)


def _rating_after(ctx: Context, q: Quantity, clause_end: int) -> metrics.Cue | None:
    doc = ctx.doc
    offset = q.end
    noun = metrics.noun_after(doc, offset)
    if noun is not None:
        offset = noun.end
    offset = _AFTER_NOUN_FILLER.match(doc.text, offset).end()
    whose = _OF_DISTRICT.match(doc.text, offset)
    if whose and whose.end() in ctx.district_spans:  # "… đảng viên của huyện Mường Tè được …"
        offset = _AFTER_NOUN_FILLER.match(doc.text, ctx.district_spans[whose.end()]).end()
    cues = metrics.ratings_in(doc, offset, clause_end)
    if cues and cues[0].start == offset:
        return cues[0]
    return _shared_rating(ctx, offset, clause_end)


def _shared_rating(ctx: Context, offset: int, clause_end: int) -> metrics.Cue | None:
    """ "90% tổ chức cơ sở đảng và 90% đảng viên hoàn thành tốt nhiệm vụ": the grade after
    the next figure, joined by "và" with only words between, applies to both."""
    following = [p for p in ctx.quantities if offset <= p.start < clause_end]
    if not following:
        return None
    between = ctx.doc.text[offset : following[0].start]
    if len(between) > SHARED_REACH or not _JOINED.search(between) or re.search(r"\d|[;:]", between):
        return None
    return _rating_after(ctx, following[0], clause_end)


def _rating_before(ctx: Context, q: Quantity, clause_start: int) -> metrics.Cue | None:
    cues = metrics.ratings_in(ctx.doc, clause_start, q.start)
    if cues and _FILLER.match(ctx.doc.text[cues[-1].end : q.start]):
        return cues[-1]
    return None


def _subject(ctx: Context, q: Quantity, sentence_start: int) -> str:
    noun = metrics.noun_after(ctx.doc, q.end)
    if noun is not None and noun.meaning == "party_members":
        return "member"
    if noun is not None and noun.meaning in ORG_NOUNS:
        return "organization"
    cues = metrics.subjects_in(ctx.doc, sentence_start, q.start)
    return cues[-1].meaning if cues else ""


def _evaluation_share(ctx: Context, q: Quantity, clause_start: int) -> Reading | None:
    counts = [r for r in ctx.readings if r.category != "assessed"]
    last = counts[-1] if counts else None
    if not (q.percent and last and last.metric == "evaluation" and last.unit == "count"):
        return None
    if last.start < clause_start or not _SHARE_BEFORE.search(
        ctx.doc.text, max(0, q.start - 16), q.start
    ):
        return None
    return replace(
        last,
        start=q.start,
        end=q.end,
        value=q.value,
        unit="percent",
        rule="evaluation-share",
        confidence=0.8,
        anchor=q.start,
    )


def _grade(
    ctx: Context, q: Quantity, rating: metrics.Cue, end: int, target: bool
) -> tuple[str, str]:
    """The category and, for a target, the comparator of a rated figure."""
    category, comparator = rating.meaning, ""
    if _OF_WHICH_AFTER.match(ctx.doc.text, max(rating.end, end)):
        category = CUMULATIVE.get(category, category)  # "100% hoàn thành nhiệm vụ, trong đó …"
    if target:
        comparator = "<=" if q.value == 0 else TARGET_OF_QUALIFIER[q.qualifier]
        if comparator == ">=":
            category = CUMULATIVE.get(category, category)
    return category, comparator


def _with_assessed(base: Reading, q: Quantity) -> list[Reading]:
    """A count "45/52 TCCSĐ <grade>": the 45 rated so, and the 52 assessed."""
    if not q.denominator or q.percent:
        return [base]
    value, start, end = q.denominator
    assessed = replace(base, start=start, end=end, value=value, category="assessed")
    return [base, replace(assessed, rule="evaluation-assessed", confidence=0.6)]


def read_evaluation(ctx: Context, q: Quantity, target: bool) -> list[Reading] | None:
    """Reads a count or share of organisations or members in a rating grade."""
    doc = ctx.doc
    clause_start, clause_end = doc.clause_bounds(q.start)
    share = _evaluation_share(ctx, q, clause_start)
    if share is not None:
        return [share]
    noun = metrics.noun_after(doc, q.end)
    if not q.percent and (noun is None or noun.meaning not in ORG_NOUNS | {"party_members"}):
        return None
    summed = _sum_of_parts(ctx, q, noun, clause_end)
    end = summed[1].end if summed else q.end
    rating = _rating_after(ctx, replace(q, end=end), clause_end)
    rating = rating or _rating_before(ctx, q, clause_start)
    if rating is None:
        return None
    subject = _subject(ctx, q, doc.sentence_at(q.start).start)
    if not subject:
        return [other_reading(q, "rating-without-subject")]
    category, comparator = _grade(ctx, q, rating, end, target)
    base = Reading(
        q.start,
        end,
        "evaluation",
        "target" if target else "stock",
        summed[0] if summed else q.value,
        unit_of(q),
        subject,
        category,
        comparator,
        qualifier="" if target else q.qualifier or "",
        basis="each_year" if target else "",
        rule="evaluation-sum" if summed else "evaluation",
        confidence=0.6 if summed else 0.8,
    )
    if target:
        return target_readings(base, q)
    if q.high is not None:
        return [other_reading(q, "range")]
    return _with_assessed(base, q)


def _sum_of_parts(
    ctx: Context, q: Quantity, noun: metrics.Cue | None, clause_end: int
) -> tuple[float, Quantity] | None:
    """Reads "1 đảng bộ và 5 chi bộ <grade>" as 6 organisations (the parts become `other`)."""
    if q.percent or noun is None or noun.meaning not in ORG_NOUNS:
        return None
    joint = _AND_NEXT.match(ctx.doc.text, noun.end)
    following = [p for p in ctx.quantities if joint and p.start == joint.end()]
    if not following:
        return None
    second = following[0]
    second_noun = metrics.noun_after(ctx.doc, second.end)
    if second.percent or second_noun is None or second_noun.meaning not in ORG_NOUNS:
        return None
    if _rating_after(ctx, second, clause_end) is None:
        return None
    ctx.consumed.add(second.start)
    return q.value + second.value, second
