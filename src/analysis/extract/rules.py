"""Reading one figure: what it measures and how it relates to time, or abstaining.

Each figure goes through the rules in turn, from the most specific:

1. attainment: "đạt 117,3% chỉ tiêu", "vượt 5% kế hoạch", of the figure stated just before;
2. evaluation: a count or share with a rating grade right after it ("15,2% đảng viên hoàn
   thành xuất sắc nhiệm vụ"), right before it ("hoàn thành tốt nhiệm vụ 32 chi, đảng bộ"), or
   a share of the count before it ("…, chiếm 7,3%");
3. change: "tăng 7 TCCSĐ so với năm 2010" (no baseline, no change);
4. admissions: governed by "kết nạp", or "N quần chúng … được kết nạp"; a ratio "469/400" is
   the figure and its target;
5. expulsions: governed by "đưa ra khỏi Đảng", "khai trừ", "xóa tên";
6. stock: a count of organisations or members governed by "có", "gồm", "là", "với".

A figure after a goal word ("mục tiêu", "chỉ tiêu … là", "phấn đấu") in its paragraph is a
target. A figure whose subject is a lower unit or the province, that counts occasions
("93 lượt"), a streak ("5 năm liền"), a group among those admitted ("trong đó 168 …"), or
that no rule reads, becomes `other` with a low confidence (left out by default).
"""

from __future__ import annotations

import re
from dataclasses import replace

from analysis.extract import metrics
from analysis.extract.quantities import Quantity
from analysis.extract.ratings import read_evaluation
from analysis.extract.readings import (
    STOCK_NOUNS,
    TARGET_OF_QUALIFIER,
    Context,
    Reading,
    last_named,
    other_reading,
    target_readings,
)

_ATTAINMENT_BEFORE = re.compile(
    r"\b(?P<verb>đạt|vượt|bằng)(?: được)?(?: tỷ lệ| tỉ lệ)?(?:\s+(?:trên|hơn|gần|khoảng|xấp xỉ))?\s*$",
    re.IGNORECASE,
)
_ATTAINMENT_AFTER = re.compile(
    r"\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu|nghị quyết|NQ|KH)\b", re.IGNORECASE
)
_BARE_SHARE_AFTER = re.compile(r"\s*(?:[;,.)]|và\b|$)", re.IGNORECASE)
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
HEADLINE_LENGTH = 160
_ASIDE = re.compile(r"\([^()]*\)")
_GOAL_IS = re.compile(r"\b(?:chỉ tiêu|kế hoạch|mục tiêu)\b[^,;()]{0,40}\blà\s*$", re.IGNORECASE)
_OF_WHICH = re.compile(r"\btrong đó\b|\bgồm\b", re.IGNORECASE)
_RAISED_TO = re.compile(r"\b(?:nang|dua)(?: \w+){0,2}? tong so\b")
_PREDICATE_AFTER = re.compile(
    r"(?:\s+[^\W\d_]+){0,6}?\s+(?:được\s+)?(?:kết nạp|phát triển|xếp loại|hoàn thành|được công nhận"
    r"|được đánh giá|đạt trong sạch|đạt danh hiệu)\b",
    re.IGNORECASE,
)
_LEADING = re.compile(r"[\s,]*(?:và\s+)?")
_TRAILING = re.compile(r"\s*(?:đảng viên|ĐV)?\s*(?:mới)?\s*[.;,]?\s*(?:và\s*)?")
_ADMITTING = re.compile(r"\b(?:ket nap|phat trien) (?:dang|dang vien)\b")
_GOAL_BRACKET = re.compile(r"\b(?:chỉ tiêu|kế hoạch)\b[^()]{0,40}\(\s*$", re.IGNORECASE)
_PLANNED_AFTER = re.compile(r"\s*(?:mới\s+)?(?:theo|của)\s+(?:kế hoạch|chỉ tiêu)", re.IGNORECASE)
_BASELINE = re.compile(r"\bso voi\b")
_PER_YEAR = re.compile(r"\b(?:binh quan|trung binh|moi nam|hang nam)\b")
_AVERAGE = re.compile(r"\b(?:binh quan|trung binh)\b")
_WORD_AFTER = re.compile(r"[^\S\n]*[^\W\d_]")
_TOTAL_OF = re.compile(r"\b(?:tong so|so luong)\s+")


def _bare_attainment(ctx: Context, q: Quantity, flow: Reading | None, before: re.Match) -> bool:
    """ "kết nạp 115 ĐV, đạt 104,5%": a share stated right after a flow, in its clause, with
    no word after it, is the flow's attainment (the article names the plan elsewhere)."""
    if (
        flow is None
        or before.group("verb").lower() == "bằng"
        or not _BARE_SHARE_AFTER.match(ctx.doc.text, q.end)
    ):
        return False
    between = ctx.doc.text[flow.end : before.end()]  # "đạt tỷ lệ 7,61%" is a rate, not this
    return len(between) <= 40 and not re.search(r"\d|tỷ lệ|tỉ lệ", between)


def read_attainment(ctx: Context, q: Quantity) -> Reading | None:
    """Reads "đạt 117,3% chỉ tiêu" / "vượt 5% kế hoạch" as an attainment of the figure before."""
    text = ctx.doc.text
    before = _ATTAINMENT_BEFORE.search(text, max(0, q.start - 24), q.start)
    if not q.percent or before is None:
        return None
    linked = last_named(ctx, ("flow",))
    clause_start, _ = ctx.doc.clause_bounds(q.start)
    if not _ATTAINMENT_AFTER.match(text, q.end) and not _bare_attainment(ctx, q, linked, before):
        return None
    admitting = _ADMITTING.search(ctx.doc.folded, clause_start, q.start)
    if linked is None and admitting is None:
        return other_reading(q, "attainment-of-nothing")
    over = before.group("verb").lower() == "vượt"
    unit = "percent_above_target" if over else "percent"
    return Reading(
        q.start,
        q.end,
        linked.metric if linked else "admissions",
        "attainment",
        q.value,
        unit,
        rule="attainment",
        confidence=0.85,
        linked=linked,
        qualifier=q.qualifier or "",
    )


def _share_change(ctx: Context, q: Quantity, verb: metrics.Cue) -> Reading:
    """Reads "(bằng 45,3% và tăng 0,86%)" after a rating: the change of that share, in
    percentage points; any other change in percent is left as `other`."""
    rated = [r for r in ctx.readings if r.metric == "evaluation" and r.kind == "stock"]
    if not rated or ctx.readings[-1] is not rated[-1]:
        return other_reading(q, "percent-change")
    value = -q.value if verb.meaning == "down" else q.value
    return replace(
        rated[-1],
        start=q.start,
        end=q.end,
        kind="change",
        value=value,
        unit="percent",
        rule="evaluation-change",
        confidence=0.7,
        qualifier=q.qualifier or "",
        anchor=q.start,
    )


def read_change(ctx: Context, q: Quantity, verb: metrics.Cue | None) -> Reading | None:
    """Reads "tăng 7 TCCSĐ so với năm 2010" (a difference from a stated baseline)."""
    doc = ctx.doc
    if verb is None or verb.meaning not in ("up", "down") or doc.text[verb.end : q.start].strip():
        return None
    if q.percent:
        return _share_change(ctx, q, verb)
    clause_start, clause_end = doc.clause_bounds(q.start)
    if not _BASELINE.search(doc.folded, clause_start, clause_end):
        return other_reading(q, "change-without-baseline")
    noun = metrics.noun_after(doc, q.end)
    metric = noun.meaning if noun else None
    named = [r for r in ctx.readings if r.metric != "other"]
    if named and named[-1].kind == "target":
        return other_reading(q, "change-of-a-goal")  # "phấn đấu kết nạp 118, tăng 17 so với …"
    if metric in (None, "party_members", "people"):
        previous = last_named(ctx)
        metric = previous.metric if previous else ("party_members" if metric else None)
    if metric in ("committee_word", "cell_word"):
        metric = None
    if metric is None:
        return other_reading(q, "change-of-unknown")
    value = -q.value if verb.meaning == "down" else q.value
    return Reading(
        q.start,
        q.end,
        metric,
        "change",
        value,
        rule="change",
        confidence=0.8,
        qualifier=q.qualifier or "",
    )


def _subset_opener(doc, opening: int, clause_start: int, q: Quantity) -> int | None:
    """Where "Trong đó" / "Trong số" / "Riêng" opens the part of a total the figure is in."""
    for start in (opening, clause_start):
        if _SUBSET_START.match(doc.text, start):
            return start  # "Trong đó, có 125 đảng viên là nữ; 136 …": every figure of it
    found = _SUBSET_OPENING.search(doc.text[opening : q.start])
    return opening + found.start() if found else None


def _in_group(ctx: Context, q: Quantity, noun: metrics.Cue | None) -> bool:
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
    return bool(_OF_WHICH.search(between))


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
    if _in_group(ctx, q, noun):
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


def _split_word(ctx: Context, q: Quantity, word: str) -> str | None:
    """Bare "đảng bộ" / "chi bộ" after "trong đó" or "gồm" that splits a count of TCCSĐ."""
    parent = next(
        (
            r
            for r in reversed(ctx.readings)
            if r.metric == "base_organizations" and r.kind == "stock"
        ),
        None,
    )
    if parent is None or not _OF_WHICH.search(ctx.doc.text, parent.end, q.start):
        return None
    return "base_party_committees" if word == "committee_word" else "base_party_cells"


def _total_named_before(ctx: Context, q: Quantity) -> str | None:
    """Reads "Tổng số chi bộ trực thuộc … là 141 chi bộ": the noun after "tổng số"."""
    clause_start, _ = ctx.doc.clause_bounds(q.start)
    found = None
    for match in _TOTAL_OF.finditer(ctx.doc.folded, clause_start, q.start):
        noun = metrics.noun_after(ctx.doc, match.end())
        if noun is not None and noun.meaning in STOCK_NOUNS:
            found = noun.meaning
    return found


def read_stock(ctx: Context, q: Quantity, verb: metrics.Cue | None, target: bool) -> Reading | None:
    """Reads a count of organisations or members that the district has ("có", "gồm", "với")."""
    noun = metrics.noun_after(ctx.doc, q.end)
    if q.percent:
        return None
    metric = noun.meaning if noun else None
    if metric in ("committee_word", "cell_word"):
        metric = _split_word(ctx, q, metric)
    unknown_noun = noun is None and _WORD_AFTER.match(ctx.doc.text, q.end)
    if metric not in STOCK_NOUNS and not unknown_noun:
        metric = _total_named_before(ctx, q)
    if metric not in STOCK_NOUNS:
        return None
    listed = (
        bool(ctx.readings)
        and ctx.readings[-1].kind in ("stock", "target")
        and ctx.readings[-1].metric in STOCK_NOUNS
    )
    if (
        verb is not None
        and verb.meaning != "exist"
        and not (listed and verb.start < ctx.readings[-1].start)
    ):
        return other_reading(q, f"stock-after-{verb.meaning}")
    if verb is None and not listed and not _total_named_before(ctx, q):
        return None
    if not target and _GOAL_IS.search(ctx.doc.text, max(0, q.start - 60), q.start):
        return other_reading(q, "goal-figure")  # "vượt chỉ tiêu đặt ra là 50 đảng viên"
    if noun is not None and _PREDICATE_AFTER.match(ctx.doc.text, noun.end):
        return other_reading(q, "subject-of-a-predicate")  # "có 24 TCCSĐ kết nạp 101 …"
    if _same_noun_subset(ctx, q) or (metric == "party_members" and _in_group(ctx, q, noun)):
        return other_reading(q, "subset")
    if target:
        return Reading(
            q.start,
            q.end,
            metric,
            "target",
            q.value,
            comparator=TARGET_OF_QUALIFIER[q.qualifier],
            basis="total",
            rule="stock-target",
            confidence=0.7,
        )
    return Reading(
        q.start,
        q.end,
        metric,
        "stock",
        q.value,
        qualifier=q.qualifier or "",
        rule="stock",
        confidence=0.9,
        linked=_raised_by(ctx, q),
    )


def _raised_by(ctx: Context, q: Quantity) -> Reading | None:
    """The flow a total is the result of ("kết nạp 208 …, nâng tổng số đảng viên lên 8.575"):
    the total is as of that flow's end."""
    flow = last_named(ctx, ("flow",))
    sentence = ctx.doc.sentence_at(q.start)
    if flow is None or flow.start < sentence.start:
        return None
    return flow if _RAISED_TO.search(ctx.doc.folded, flow.end, q.start) else None


def _same_noun_subset(ctx: Context, q: Quantity) -> bool:
    """Tells whether the figure is part of the one before it ("4.014 đảng viên, trong đó
    1.200 đảng viên nữ"): same noun, after "trong đó"."""
    noun = metrics.noun_after(ctx.doc, q.end)
    for reading in reversed(ctx.readings):
        before = metrics.noun_after(ctx.doc, reading.end)
        if before and noun and before.meaning == noun.meaning:
            return bool(
                re.search(r"\btrong đó\b", ctx.doc.text[reading.end : q.start], re.IGNORECASE)
            )
    return False


def is_headline(doc, offset: int) -> bool:
    """Tells whether a figure is in the article's headline: its first paragraph when short and
    not ended by a full stop. Headlines restate (and round) figures the body gives."""
    first = doc.paragraphs[0] if doc.paragraphs else None
    if first is None or not first.start <= offset < first.end:
        return False
    return first.end - first.start <= HEADLINE_LENGTH and doc.text[first.end - 1] not in ".;"


def read_elided(ctx: Context, q: Quantity) -> Reading | None:
    """ "Đảng bộ TP Tam Kỳ chỉ tiêu phát triển 150 đảng viên mới; Hội An 110; Điện Bàn 150":
    a clause of only a district's name and a figure repeats the reading before it."""
    named = [r for r in ctx.readings if r.metric != "other"]
    clause_start, clause_end = ctx.doc.clause_bounds(q.start)
    if not named or q.percent:
        return None
    head = _LEADING.match(ctx.doc.text, clause_start).end()
    name_end = ctx.district_spans.get(head)
    if name_end is None or ctx.doc.text[name_end : q.start].strip(" :,") != "":
        return None
    if not _TRAILING.fullmatch(ctx.doc.text, q.end, clause_end):
        return None
    return replace(
        named[-1],
        start=q.start,
        end=q.end,
        value=q.value,
        qualifier=q.qualifier or "",
        rule="elided",
        confidence=0.6,
        linked=None,
        anchor=q.start,
    )


def read_figure(ctx: Context, q: Quantity) -> list[Reading]:
    """Reads one figure with every rule, most specific first; `other` when none applies."""
    doc = ctx.doc
    sentence = doc.sentence_at(q.start)
    paragraph = doc.paragraph_at(q.start)
    _, clause_end = doc.clause_bounds(q.start)
    if is_headline(doc, q.start):
        return [other_reading(q, "headline")]
    if metrics.counts_occasions(doc, q.end):
        return [other_reading(q, "occasions")]
    if metrics.is_streak(doc, q.end, clause_end):
        return [other_reading(q, "streak")]
    scope = metrics.scope_before(
        doc, sentence.start, q.start, frozenset(ctx.district_spans), ctx.city_spans
    )
    if scope in ("sub_unit", "province"):
        return [other_reading(q, f"scope-{scope.replace('_', '-')}")]
    elided = read_elided(ctx, q)
    if elided is not None:
        return [elided]
    target = metrics.target_cue_before(doc, paragraph.start, q.start) is not None
    attained = read_attainment(ctx, q)
    if attained is not None:
        return [attained]
    evaluated = read_evaluation(ctx, q, target)
    if evaluated is not None:
        return evaluated
    clause_start, _ = doc.clause_bounds(q.start)
    verb = metrics.verb_before(doc, clause_start, q.start) or metrics.verb_before(
        doc, sentence.start, q.start
    )
    for reading in (read_change(ctx, q, verb), read_planned(ctx, q), read_expulsions(ctx, q, verb)):
        if reading is not None:
            return [reading]
    admitted = read_admissions(ctx, q, target)
    if admitted is not None:
        return admitted
    stock = read_stock(ctx, q, verb, target)
    return [stock] if stock is not None else [other_reading(q, "no-metric")]
