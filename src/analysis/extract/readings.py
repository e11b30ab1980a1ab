"""A figure read as a fact, and what the rules share while reading an article."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from analysis.extract.quantities import Quantity
from analysis.extract.segment import Document

STOCK_NOUNS = frozenset(
    {
        "base_organizations",
        "base_party_committees",
        "base_party_cells",
        "subordinate_cells",
        "party_members",
    }
)
ORG_NOUNS = STOCK_NOUNS - {"party_members"} | {"committee_word", "cell_word", "org_word"}
CUMULATIVE = {"good": "good_or_above", "completed": "completed_or_above"}
TARGET_OF_QUALIFIER = {">": ">=", ">=": ">=", "<": "<=", "<=": "<=", "~": "=", None: "="}


@dataclass
class Reading:
    """A figure read as a fact (or as `other`), before its period is resolved.

    Attributes:
        start, end: Offsets of the figure in the text.
        metric, kind, value, unit, subject, category: As in the facts table.
        comparator: For targets: >=, <= or =.
        qualifier: The source's qualifier: >, <, ~ (or >=, <= stated as words).
        basis: total or per_year for targets (each_year is decided with the period).
        rule: The rule that read it.
        confidence: How sure the rule is (0–1), before period and district.
        linked: For an attainment, or the target of a ratio: the figure it refers to.
        anchor: Offset where the figure's own words begin (for time phrases).
    """

    start: int
    end: int
    metric: str
    kind: str
    value: float
    unit: str = "count"
    subject: str = ""
    category: str = ""
    comparator: str = ""
    qualifier: str = ""
    basis: str = ""
    rule: str = ""
    confidence: float = 0.0
    linked: Reading | None = None
    anchor: int = -1


@dataclass
class Context:
    """What the rules know beyond the figure: the article and earlier readings.

    Attributes:
        doc: The article.
        district_spans: Where district names are, start to end (for scope and wording).
        city_spans: Where a city that is a province is named (its figures are not a district's).
        quantities: Every figure of the article, in order.
        readings: Readings of the current sentence, in order.
        consumed: Quantities already read with another (the second part of a sum).
    """

    doc: Document
    quantities: list[Quantity] = field(default_factory=list)
    district_spans: dict[int, int] = field(default_factory=dict)
    city_spans: tuple[tuple[int, int], ...] = ()
    readings: list[Reading] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)


def unit_of(q: Quantity) -> str:
    return "percent" if q.percent else "count"


def other_reading(q: Quantity, why: str) -> Reading:
    return Reading(
        q.start, q.end, "other", "stock", q.value, unit_of(q), rule=f"other:{why}", confidence=0.2
    )


def last_named(ctx: Context, kinds: tuple[str, ...] = ("flow", "stock")) -> Reading | None:
    for reading in reversed(ctx.readings):
        if reading.metric not in ("other", "evaluation") and reading.kind in kinds:
            return reading
    return None


def target_readings(base: Reading, q: Quantity) -> list[Reading]:
    """A target as read, or for a range ("từ 90–100") its two bounds: >= 90 and <= 100."""
    if q.high is None:
        return [base]
    top, start, end = q.high
    low = replace(base, end=q.first_end, comparator=">=", rule=base.rule + "-range")
    high = replace(
        base, start=start, end=end, value=top, comparator="<=", rule=base.rule + "-range"
    )
    return [low, high]
