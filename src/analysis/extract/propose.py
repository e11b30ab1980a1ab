"""Proposed facts from an article: the pieces put together, one row per figure read.

    from analysis.extract import extract_facts
    result = extract_facts(text, source="article.txt", published=parse_partial_date("2024-01-23"))
    result.rows        # dicts in the facts layout, with span offsets, rule and confidence

Rows carry offsets into the article, never its sentences. Figures no rule can tie to a
metric, a period and a district are `other` with a low confidence, left out unless asked for.
The confidence is a ranking aid set by the rules (a named rule, lowered when the period or
the district had to be inferred), not a calibrated probability.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from analysis.extract import dating, districts, periods, quantities, rules
from analysis.extract.readings import Context, Reading, other_reading
from analysis.extract.segment import Document, read_document
from analysis.text.periods import PartialDate

COLUMNS = (
    "source",
    "district_id",
    "metric",
    "subject",
    "category",
    "kind",
    "period_start",
    "period_end",
    "period_kind",
    "value",
    "unit",
    "comparator",
    "qualifier",
    "basis",
    "paragraph",
    "span_start",
    "span_end",
    "rule",
    "confidence",
)
"""Columns of a proposal: the facts layout, the period kind, offsets, rule and confidence."""

REPEAT_KEY = (
    "district_id",
    "metric",
    "subject",
    "category",
    "kind",
    "period_start",
    "period_end",
    "value",
    "unit",
    "comparator",
)
"""Proposals equal in these columns state the same fact twice."""

OTHER_CONFIDENCE = 0.3
"""Proposals below this confidence (the `other` ones) are left out unless asked for."""


@dataclass
class Extraction:
    """What was read from one article.

    Attributes:
        source: Where the article came from (a file name).
        text: The article as read (NFC); offsets refer to it.
        published: The publication date used (stated or given), or "".
        districts: The district ids the article names.
        rows: Proposed facts, in text order (dicts keyed by COLUMNS).
        warnings: What the reader should know (no date, no district …).
    """

    source: str
    text: str
    published: str
    districts: list[str]
    rows: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _current_term(doc: Document, published: PartialDate | None) -> tuple[int, int] | None:
    if published is not None:
        day = published.last_day if published.month else date(published.year, 12, 31)
        return periods.term_containing(day)
    stated = re.findall(r"\bnhiem ky (?:[ivx]+ )?((?:19|20)\d\d)\s+((?:19|20)\d\d)\b", doc.folded)
    return (int(stated[-1][0]), int(stated[-1][1])) if stated else None


def _district_warnings(doc: Document, mentions: list[districts.Mention]) -> list[str]:
    if any(len(m.candidates) == 1 for m in mentions):
        return []
    shared = {doc.text[m.start : m.end]: m.candidates for m in mentions}
    if not shared:
        return ["no district named in the text (give --district)"]
    return [
        f"{name!r} is the name of several districts ({', '.join(ids)}): give --district"
        for name, ids in shared.items()
    ]


def _timeline(doc: Document, published: PartialDate | None) -> dating.Timeline:
    context = periods.TimeContext(published, _current_term(doc, published))
    phrases = periods.find_time_phrases(doc, context)
    review = dating.article_review(doc, phrases, published)
    return dating.Timeline(doc, phrases, published, context.term, review)


def _figures(doc: Document, timeline: dating.Timeline) -> list[quantities.Quantity]:
    spans = [(p.start, p.end) for p in timeline.phrases]
    found = quantities.find_quantities(doc.text)
    return [q for q in found if not any(s < q.end and q.start < e for s, e in spans)]


def read_article(doc: Document, timeline: dating.Timeline, mentions: list) -> list[Reading]:
    """Reads every figure of an article, sentence by sentence."""
    figures = _figures(doc, timeline)
    cities = tuple(districts.province_cities(doc))
    context = Context(doc, figures, {m.start: m.end for m in mentions}, cities)
    found_all: list[Reading] = []
    sentence = None
    for quantity in figures:
        current = doc.sentence_at(quantity.start)
        if current is not sentence:
            sentence, context.readings = current, []
        if quantity.start in context.consumed:
            found = [other_reading(quantity, "part-of-sum")]
        else:
            found = rules.read_figure(context, quantity)
        context.readings.extend(found)
        found_all.extend(found)
    return found_all


def _row(
    source: str,
    reading: Reading,
    dated: dating.Dated,
    district: tuple[str, float],
    paragraph: int,
) -> dict:
    comparator = reading.comparator if reading.kind == "target" else ""
    confidence = (
        reading.confidence * dated.factor * (district[1] if reading.metric != "other" else 1)
    )
    return {
        "source": source,
        "district_id": district[0],
        "metric": reading.metric,
        "subject": reading.subject,
        "category": reading.category,
        "kind": reading.kind,
        "period_start": dated.period_start,
        "period_end": dated.period_end,
        "period_kind": dated.period_kind,
        "value": int(reading.value)
        if float(reading.value).is_integer()
        else round(reading.value, 6),
        "unit": reading.unit,
        "comparator": comparator,
        "qualifier": reading.qualifier,
        "basis": reading.basis or dated.basis,
        "paragraph": paragraph,
        "span_start": reading.start,
        "span_end": reading.end,
        "rule": reading.rule,
        "confidence": round(min(confidence, 1.0), 2),
    }


def _date_all(
    timeline: dating.Timeline, readings: list[Reading]
) -> list[tuple[Reading, dating.Dated]]:
    dated: dict[int, dating.Dated] = {}
    out = []
    for reading in readings:
        linked = dated.get(id(reading.linked)) if reading.linked is not None else None
        found = dating.date_reading(timeline, reading, linked)
        if found is None and reading.metric != "other":
            reading = other_reading(
                quantities.Quantity(
                    reading.start, reading.end, reading.value, reading.unit != "count"
                ),
                "no-period",
            )
            found = dating.date_reading(timeline, reading)
        dated[id(reading)] = found
        out.append((reading, found))
    return out


def extract_facts(
    text: str,
    *,
    source: str = "",
    district: str | None = None,
    published: PartialDate | None = None,
    include_other: bool = False,
) -> Extraction:
    """Proposes facts from the text of one article.

    Args:
        text: The article as plain text.
        source: A name for the article (its file name), copied into every row.
        district: A district id for every figure, instead of the names in the text.
        published: The publication date; by default the dateline of the article, if any.
        include_other: Also return the `other` proposals (low confidence).

    Returns:
        The Extraction, rows in text order.
    """
    doc = read_document(text)
    stated = periods.find_published(doc)
    when = published or stated
    timeline = _timeline(doc, when)
    mentions = districts.find_mentions(doc)
    result = Extraction(
        source,
        doc.text,
        when.isoformat() if when else "",
        sorted({c for m in mentions for c in m.candidates}),
    )
    if when is None:
        result.warnings.append(
            "no publication date in the text: 'đến nay' cannot be resolved (give --published)"
        )
    if district is None:
        result.warnings += _district_warnings(doc, mentions)
    rows = []
    for reading, dated in _date_all(timeline, read_article(doc, timeline, mentions)):
        where = (district, 1.0) if district else districts.district_for(mentions, reading.start)
        row = _row(source, reading, dated, where, doc.paragraph_at(reading.start).number)
        if include_other or (row["confidence"] >= OTHER_CONFIDENCE and row["metric"] != "other"):
            rows.append(row)
    result.rows = drop_repeats(rows)
    return result


def drop_repeats(rows: list[dict]) -> list[dict]:
    """Keeps one of the proposals an article states twice (a title or lead repeated in the
    body): the most confident, or the later one."""
    best: dict[tuple, dict] = {}
    for row in rows:
        key = tuple(row[c] for c in REPEAT_KEY)
        if (
            row["metric"] == "other"
            or key not in best
            or row["confidence"] >= best[key]["confidence"]
        ):
            best[key if row["metric"] != "other" else (*key, row["span_start"])] = row
    kept = {id(r) for r in best.values()}
    return [r for r in rows if id(r) in kept]
