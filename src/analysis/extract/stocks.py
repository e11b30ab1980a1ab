"""Reading stocks: counts of organisations or members that the district has.

"huyện hiện có 61 TCCSĐ, gồm 18 đảng bộ và 43 chi bộ", "… với 7.310 đảng viên",
"Tổng số chi bộ trực thuộc … là 141 chi bộ", "… nâng tổng số đảng viên lên 5.012 đồng chí". A
count governed by another verb ("kiểm tra 12 TCCSĐ"), that is the subject of a predicate
("có 24 TCCSĐ kết nạp …"), the value of a goal ("chỉ tiêu … là 50") or a part of the count
before it is not a stock.
"""

from __future__ import annotations

import re

from analysis.extract import metrics
from analysis.extract.admissions import OF_WHICH, in_group
from analysis.extract.quantities import Quantity
from analysis.extract.readings import (
    STOCK_NOUNS,
    TARGET_OF_QUALIFIER,
    Context,
    Reading,
    last_named,
    other_reading,
)

_GOAL_IS = re.compile(r"\b(?:chỉ tiêu|kế hoạch|mục tiêu)\b[^,;()]{0,40}\blà\s*$", re.IGNORECASE)
_RAISED_TO = re.compile(r"\b(?:nang|dua)(?: \w+){0,2}? tong so\b")
_PREDICATE_AFTER = re.compile(
    r"(?:\s+[^\W\d_]+){0,6}?\s+(?:được\s+)?(?:kết nạp|phát triển|xếp loại|hoàn thành|được công nhận"
    r"|được đánh giá|đạt trong sạch|đạt danh hiệu)\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"[^\S\n]*[^\W\d_]")
_TOTAL_OF = re.compile(r"\b(?:tong so|so luong)\s+")


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
    if parent is None or not OF_WHICH.search(ctx.doc.text, parent.end, q.start):
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
    if _same_noun_subset(ctx, q) or (metric == "party_members" and in_group(ctx, q, noun)):
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
