"""Reading one figure: what it measures and how it relates to time, or abstaining.

Each figure goes through the rules in turn, from the most specific:

1. attainment: "đạt 117,3% chỉ tiêu", "vượt 5% kế hoạch", of the figure stated just before;
2. evaluation: a count or share with a rating grade right after it ("12,5% đảng viên hoàn
   thành xuất sắc nhiệm vụ"), right before it ("hoàn thành tốt nhiệm vụ 27 chi, đảng bộ"), or
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
from analysis.extract.admissions import read_admissions, read_expulsions, read_planned
from analysis.extract.quantities import Quantity
from analysis.extract.ratings import read_evaluation
from analysis.extract.readings import (
    Context,
    Reading,
    last_named,
    other_reading,
)
from analysis.extract.stocks import read_stock

_ATTAINMENT_BEFORE = re.compile(
    r"\b(?P<verb>đạt|vượt|bằng)(?: được)?(?: tỷ lệ| tỉ lệ)?(?:\s+(?:trên|hơn|gần|khoảng|xấp xỉ))?\s*$",
    re.IGNORECASE,
)
_ATTAINMENT_AFTER = re.compile(
    r"\s*(?:so với\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu|nghị quyết|NQ|KH)\b", re.IGNORECASE
)
_BARE_SHARE_AFTER = re.compile(r"\s*(?:[;,.)]|và\b|$)", re.IGNORECASE)
HEADLINE_LENGTH = 160
_LEADING = re.compile(r"[\s,]*(?:và\s+)?")
_TRAILING = re.compile(r"\s*(?:đảng viên|ĐV)?\s*(?:mới)?\s*[.;,]?\s*(?:và\s*)?")
_ADMITTING = re.compile(r"\b(?:ket nap|phat trien) (?:dang|dang vien)\b")
_BASELINE = re.compile(r"\bso voi\b")


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
