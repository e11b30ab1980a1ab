"""Giving each reading its period from the time phrases around it.

Where the period of a figure is found, by kind:

* stock, change (its end): the nearest time phrase before it in its sentence, else in its
  paragraph; an evaluation may also take the first one after it in the paragraph ("Hằng năm
  … đạt 100% …. Từ năm 2010–2020, …"), else the last period named before it in the article
  ("đánh giá chất lượng năm 2013 … Qua kết quả đánh giá, …"); else the publication date
  ("đến nay" is implied).
  "Hằng năm" with a multi-year period makes a stock held in each year of it (basis
  each_year). A change starts at its baseline ("so với năm 2010") or is not a change.
* flow: the nearest period before it in its sentence, else after it in its clause, else
  before it in its paragraph, else the period the article reviews. A cut-off alone ("tính
  đến ngày 31/12/2015") ends the flow and the article's review gives its start.
* target: a term, review, horizon ("đến năm 2025") or year in its sentence or paragraph;
  a ratio's target covers the term (or year) of the figure achieved; else the current term.
* attainment: the period of the figure it refers to.

Without a period, a flow or target is not proposed (the rule abstains).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from analysis.extract.periods import TimePhrase
from analysis.extract.readings import Reading
from analysis.extract.segment import Document
from analysis.text.periods import PartialDate

FLOW_ROLES = ("period",)
MOMENT_ROLES = ("moment", "period", "horizon")
TARGET_ROLES = ("period", "horizon")
UNKNOWN_END = 0.3
"""Confidence factor of a figure whose end is "now" with no publication date: it falls below
the default threshold, so such figures are shown only with --include-other."""
LEAD_LENGTH = 120
"""Characters from which a paragraph counts as text rather than a title or a dateline."""


@dataclass(frozen=True)
class Dated:
    """The period of a reading, and how much it lowers the confidence (factor)."""

    period_start: str
    period_end: str
    period_kind: str
    basis: str = ""
    factor: float = 1.0


@dataclass
class Timeline:
    """The time phrases of an article, with what resolves the rest.

    Attributes:
        doc: The article.
        phrases: Its time phrases, in order.
        published: The publication date, if known.
        term: The current congress term (first year, last year), if known.
        review: The period the article reviews (start, end, kind), if it says.
    """

    doc: Document
    phrases: list[TimePhrase]
    published: PartialDate | None
    term: tuple[int, int] | None
    review: tuple[str, str, str] | None

    def _before(self, start: int, end: int, roles: tuple[str, ...]) -> TimePhrase | None:
        found = [p for p in self.phrases if start <= p.start and p.end <= end and p.role in roles]
        return found[-1] if found else None

    def _after(self, start: int, end: int, roles: tuple[str, ...]) -> TimePhrase | None:
        found = [p for p in self.phrases if start <= p.start and p.end <= end and p.role in roles]
        return found[0] if found else None

    def _marker(self, start: int, end: int) -> bool:
        return self._before(start, end, ("each_year", "per_year")) is not None

    def nearest(
        self, offset: int, roles: tuple[str, ...], after_in_paragraph: bool = False
    ) -> tuple[TimePhrase | None, float]:
        """The nearest phrase before `offset` in its sentence, then its paragraph."""
        sentence = self.doc.sentence_at(offset)
        paragraph = self.doc.paragraph_at(offset)
        phrase = self._before(sentence.start, offset, roles)
        if phrase is not None:
            return phrase, 1.0
        phrase = self._before(paragraph.start, sentence.start, roles)
        if phrase is not None:
            return phrase, 0.9
        if after_in_paragraph:
            phrase = self._after(offset, paragraph.end, roles)
            if phrase is not None:
                return phrase, 0.8
        return None, 0.0

    def published_text(self) -> str:
        """The publication date as YYYY, YYYY-MM or YYYY-MM-DD, or ""."""
        return self.published.isoformat() if self.published else ""


def _moment(timeline: Timeline, reading: Reading, evaluation: bool) -> Dated:
    phrase, factor = timeline.nearest(reading.start, MOMENT_ROLES, after_in_paragraph=evaluation)
    if phrase is None and evaluation:  # a rating is of a year: the last one the article named
        phrase, factor = timeline._before(0, reading.start, ("period",)), 0.8
    if phrase is None and evaluation and timeline.published:
        return Dated("", str(_rated_year(timeline.published)), "year", factor=0.6)
    if phrase is None:
        end = timeline.published_text()
        return Dated("", end, _kind_of_end(end), factor=0.8 if end else UNKNOWN_END)
    doc = timeline.doc
    paragraph = doc.paragraph_at(reading.start)
    multi_year = phrase.role == "period" and phrase.period_start[:4] != phrase.period_end[:4]
    if multi_year and timeline._marker(paragraph.start, reading.start):
        return Dated(
            phrase.period_start[:4], phrase.period_end[:4], phrase.kind, "each_year", factor
        )
    end = phrase.period_end
    return Dated("", end, _kind_of_end(end), factor=factor if end else UNKNOWN_END)


def _rated_year(published) -> int:
    """The year whose ratings an article reports when it names none: ratings are made once a
    year, at its end, so before December it is the year before publication."""
    return published.year if published.month == 12 else published.year - 1


def _kind_of_end(end: str) -> str:
    return "year" if len(end) == 4 else "dates"


def _change(timeline: Timeline, reading: Reading) -> Dated | None:
    doc = timeline.doc
    clause_start, clause_end = doc.clause_bounds(reading.start)
    baseline = timeline._after(reading.end, clause_end, ("baseline",))
    baseline = baseline or timeline._before(clause_start, reading.start, ("baseline",))
    rating = reading.metric == "evaluation"
    if baseline is None and rating:  # "(bằng 45,3% và tăng 0,86%)" after "… so với năm 2012"
        baseline = timeline._before(0, reading.start, ("baseline",))
    if baseline is None:
        return None
    moment = _moment(timeline, reading, evaluation=rating)
    return Dated(baseline.period_start, moment.period_end, moment.period_kind, factor=moment.factor)


def _cut_off_flow(timeline: Timeline, phrase: TimePhrase, factor: float) -> Dated:
    """A flow with only its end stated ("tính đến ngày 31/12/2015 đã kết nạp …"): from the
    start of the period the article reviews, else from the start of the cut-off's year."""
    review = timeline.review
    if review is not None and review[0] < phrase.period_end:
        return Dated(review[0], phrase.period_end, "review", factor=factor * 0.9)
    year = phrase.period_end[:4]
    return Dated(f"{year}-01-01", phrase.period_end, "year_to_date", factor=factor * 0.7)


def _flow(timeline: Timeline, reading: Reading) -> Dated | None:
    doc = timeline.doc
    sentence = doc.sentence_at(reading.start)
    _, clause_end = doc.clause_bounds(reading.start)
    phrase = timeline._before(sentence.start, reading.start, (*FLOW_ROLES, "moment"))
    factor = 1.0
    if phrase is None:
        phrase = timeline._after(reading.end, clause_end, FLOW_ROLES)
    if phrase is None:
        phrase, factor = timeline.nearest(reading.start, (*FLOW_ROLES, "moment"))
    if phrase is None and timeline.review is not None:
        review = timeline.review
        return Dated(review[0], review[1], review[2], factor=0.7)
    if phrase is None:  # the last period the article named before ("Năm qua, …")
        phrase, factor = timeline._before(0, reading.start, FLOW_ROLES), 0.7
    if phrase is None:
        return None
    if phrase.role == "period":
        return Dated(phrase.period_start, phrase.period_end, phrase.kind, factor=factor)
    return _cut_off_flow(timeline, phrase, factor) if phrase.period_end else None


def _target_of(timeline: Timeline, phrase: TimePhrase) -> Dated:
    if phrase.role == "horizon":
        year = int(phrase.period_end)
        published = timeline.published
        start = published.year if published and published.year < year else year - 5
        return Dated(str(start), str(year), "term" if year % 5 == 0 else "dates")
    if phrase.kind in ("term_to_date", "year_to_date"):
        return _linked_target(timeline, phrase.kind, phrase.period_start)
    return Dated(phrase.period_start[:4], phrase.period_end[:4], phrase.kind)


def _linked_target(timeline: Timeline, kind: str, start: str) -> Dated:
    if kind in ("term", "term_to_date") and timeline.term:
        first, last = timeline.term
        return Dated(str(first), str(last), "term")
    return Dated(start[:4], start[:4], "year")


def _target(timeline: Timeline, reading: Reading, linked: Dated | None) -> Dated | None:
    if linked is not None and linked.period_kind in (
        "term",
        "term_to_date",
        "year",
        "year_to_date",
    ):
        return _linked_target(timeline, linked.period_kind, linked.period_start)
    doc = timeline.doc
    sentence = doc.sentence_at(reading.start)
    phrase = timeline._before(sentence.start, reading.start, TARGET_ROLES)
    phrase = phrase or timeline._after(reading.end, sentence.end, TARGET_ROLES)
    factor = 1.0
    if phrase is None:
        phrase, factor = timeline.nearest(reading.start, TARGET_ROLES)
    if phrase is None:  # the period the article named before ("… trong năm 2024. Cụ thể: …")
        phrase, factor = timeline._before(0, reading.start, TARGET_ROLES), 0.7
    if phrase is not None:
        dated = _target_of(timeline, phrase)
        return Dated(dated.period_start, dated.period_end, dated.period_kind, factor=factor)
    if timeline.term:
        return Dated(str(timeline.term[0]), str(timeline.term[1]), "term", factor=0.6)
    return None


def _period_of(timeline: Timeline, reading: Reading, linked: Dated | None) -> Dated | None:
    if reading.kind == "attainment":
        return linked
    if reading.kind == "target":
        return _target(timeline, reading, linked)
    if reading.kind == "change":
        return _change(timeline, reading)
    if reading.kind == "flow":
        return _flow(timeline, reading)
    own = reading.linked and timeline._before(reading.linked.end, reading.start, MOMENT_ROLES)
    if linked is not None and linked.period_end and not own:  # a total raised by a flow
        return Dated("", linked.period_end, _kind_of_end(linked.period_end), factor=linked.factor)
    return _moment(timeline, reading, evaluation=reading.metric == "evaluation")


def date_reading(timeline: Timeline, reading: Reading, linked: Dated | None = None) -> Dated | None:
    """Returns the period of a reading, or None when it has none (the reading is dropped).

    A period whose end is unknown ("đến nay" without a publication date) keeps its reading
    but with a confidence below the default threshold.
    """
    dated = _period_of(timeline, reading, linked)
    if dated is not None and not dated.period_end:
        return replace(dated, factor=min(dated.factor, UNKNOWN_END))
    return dated


def _lead(doc: Document) -> list:
    """The paragraphs up to the second of some length: title, dateline and lead."""
    lead, long_ones = [], 0
    for paragraph in doc.paragraphs:
        lead.append(paragraph)
        long_ones += paragraph.end - paragraph.start >= LEAD_LENGTH
        if long_ones == 2:
            break
    return lead


def article_review(
    doc: Document, phrases: list[TimePhrase], published: PartialDate | None
) -> tuple[str, str, str] | None:
    """Returns the period an article reviews: a range or term in its lead (`_lead`),
    or, for a review conference ("tổng kết"), from the date of the document reviewed."""
    lead = _lead(doc)
    if not lead:
        return None
    lead_end = lead[-1].end
    for phrase in phrases:
        if (
            phrase.start < lead_end
            and phrase.role == "period"
            and phrase.kind in ("review", "term")
        ):
            return phrase.period_start, phrase.period_end, phrase.kind
    for paragraph in lead:
        if "tong ket" in doc.folded[paragraph.start : paragraph.end]:
            years = re.findall(
                r"\b\d{1,2}/\d{1,2}/((?:19|20)\d\d)\b", doc.text[paragraph.start : paragraph.end]
            )
            if years:
                return min(years), published.isoformat() if published else "", "review"
    return None
