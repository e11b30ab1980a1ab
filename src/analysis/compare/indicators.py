"""The indicators compared across districts, built from a dataset over comparable windows.

Each indicator gives, per district and window, a whole-count numerator and an exposure (the
input of `analysis.compare.funnel` and `analysis.compare.shrinkage`):

* `admissions`: admissions over a flow's period ÷ membership × years, per 100 members per
  year. Only flows that are comparable under the period model (`growth.admissions_per_year`
  `ranked`: at least six months under every admissible reading, cut-off known, not
  year-to-date) with a membership figure dated at the period's start (or within it). The
  years are the point reading of the period (`reading`: a term from congress to congress, a
  review as its stated number of years); `years_low`/`years_high` give the admissible range.
* `membership_growth`: net change in members between two levels at least a year apart ÷
  (members at the first level × years), per 100 members per year (linear, not compounded).
  A fall is not a count of events and is left out, with its reason.
* `rated_excellent`, `rated_good_or_above`: organisations in that grade out of those rated,
  per 100, one rating year and one scheme per window (never across schemes).
* `admissions_target`: admissions achieved ÷ the target pro rata to the elapsed share of its
  period, per 100 (100 = on pace), for admissions targets stated as counts, over at least six
  months of the period under every reading.

Windows: a rate or growth figure belongs to the party congress term (1 July of Y to 30 June
of Y + 5, the default congress date) holding at least two thirds of its days; a district
keeps one figure per term, the longest (then the latest). Ratings are windowed by year and
scheme, targets by their stated period. Every figure of these kinds that is not compared is
listed by `left_out` with the reason.
"""

from __future__ import annotations

from enum import StrEnum

import numpy as np
import pandas as pd

from analysis.compare.inputs import INPUT_COLUMNS, Kind
from analysis.data.dataset import Dataset
from analysis.data.labels import scheme_label, term_label
from analysis.data.selection import label_districts
from analysis.evaluations import summarize_evaluations
from analysis.growth import admissions_per_year, compute_growth
from analysis.memo import memoize
from analysis.targets import assess_targets
from analysis.text.periods import CONGRESS_DEFAULT, MIN_RANKED_YEARS, TERM_YEARS
from analysis.text.phrases import Label, Wording

MIN_SHARE_IN_TERM = 2 / 3
"""A figure belongs to a term when at least this share of its days falls within it."""


class Indicator(StrEnum):
    """The indicators compared across districts (codes; labels are for display)."""

    ADMISSIONS = "admissions"
    MEMBERSHIP_GROWTH = "membership_growth"
    RATED_EXCELLENT = "rated_excellent"
    RATED_GOOD_OR_ABOVE = "rated_good_or_above"
    ADMISSIONS_TARGET = "admissions_target"


LABELS = {
    Indicator.ADMISSIONS: ("admissions per 100 members per year", "kết nạp / 100 đảng viên / năm"),
    Indicator.MEMBERSHIP_GROWTH: (
        "net membership growth per 100 members per year",
        "tăng đảng viên / 100 đảng viên / năm",
    ),
    Indicator.RATED_EXCELLENT: (
        "organisations rated excellent, per 100 rated",
        "TCCSĐ hoàn thành xuất sắc / 100 TCCSĐ",
    ),
    Indicator.RATED_GOOD_OR_ABOVE: (
        "organisations rated good or above, per 100 rated",
        "TCCSĐ hoàn thành tốt trở lên / 100 TCCSĐ",
    ),
    Indicator.ADMISSIONS_TARGET: (
        "admissions per 100 of the target to date (pro rata)",
        "kết nạp / 100 chỉ tiêu tính đến thời điểm",
    ),
}

EXPOSURES = {
    Indicator.ADMISSIONS: "member-years",
    Indicator.MEMBERSHIP_GROWTH: "member-years at the first level",
    Indicator.RATED_EXCELLENT: "organisations rated",
    Indicator.RATED_GOOD_OR_ABOVE: "organisations rated",
    Indicator.ADMISSIONS_TARGET: "admissions targeted to date",
}
"""What each indicator's exposure counts."""

EXPOSURES_VI = {
    Indicator.ADMISSIONS: "đảng viên × năm",
    Indicator.MEMBERSHIP_GROWTH: "đảng viên × năm, tính ở mốc đầu",
    Indicator.RATED_EXCELLENT: "số tổ chức được xếp loại",
    Indicator.RATED_GOOD_OR_ABOVE: "số tổ chức được xếp loại",
    Indicator.ADMISSIONS_TARGET: "chỉ tiêu kết nạp tính đến thời điểm",
}
"""The exposures in Vietnamese."""

DETAIL_COLUMNS = ["period", "term", "years", "reading", "approximate", "fact_ids"]
LEFT_OUT_COLUMNS = ["district_id", "indicator", "period", "reason", "district_compared", "fact_ids"]  # fmt: skip


def label(indicator: str, lang: str = "en") -> str:
    """The display label of an indicator code in 'en' or 'vi'."""
    english, vietnamese = LABELS[Indicator(indicator)]
    return vietnamese if lang == "vi" else english


def window_of(period: str, kind: str) -> Wording:
    """The window of a target's period: '2020–2025 (term)', said in the reader's language."""
    if kind in ("term", "year"):
        return Wording(f"window_{kind}", period=period)
    return Wording(
        "window_period", period=period, kind=Label(kind, term_label("period_kind", kind, "vi"))
    )


def term_of(start: pd.Timestamp, end: pd.Timestamp) -> tuple[str | None, float]:
    """The congress term holding most of a period's days, and the share it holds.

    Returns:
        ("2020–2025", share) when at least `MIN_SHARE_IN_TERM` of the days fall in that term
        (1 July 2020 to 30 June 2025), else (None, the largest share found).
    """
    days = (end - start).days + 1
    best, best_share = None, 0.0
    first = TERM_YEARS * ((start.year - TERM_YEARS) // TERM_YEARS)
    for year in range(first, end.year + 1, TERM_YEARS):
        term_start = pd.Timestamp(year, *CONGRESS_DEFAULT)
        term_end = pd.Timestamp(year + TERM_YEARS, *CONGRESS_DEFAULT) - pd.Timedelta(days=1)
        overlap = (min(end, term_end) - max(start, term_start)).days + 1
        if overlap / days > best_share:
            best, best_share = f"{year}–{year + TERM_YEARS}", overlap / days
    return (best if best_share >= MIN_SHARE_IN_TERM else None), best_share


def _nothing() -> tuple[pd.DataFrame, pd.DataFrame]:
    """No figure of a kind: an empty input and an empty list of figures left out."""
    left = ["district_id", "indicator", "period", "reason", "fact_ids"]
    return pd.DataFrame(columns=INPUT_COLUMNS + DETAIL_COLUMNS), pd.DataFrame(columns=left)


def _reasons(*rules: tuple) -> np.ndarray:
    """Per row, the phrase of the first rule (condition, phrase code) that holds, else ""."""
    out = np.full(len(rules[0][0]), "", dtype=object)
    for condition, code in reversed(rules):
        out[np.asarray(condition, dtype=bool)] = Wording(code)
    return out


def _left(rows: pd.DataFrame, indicator: Indicator, reason) -> pd.DataFrame:
    out = rows.assign(indicator=indicator.value, reason=reason)
    return out[["district_id", "indicator", "period", "reason", "fact_ids"]]


def _by_term(rows: pd.DataFrame, indicator: Indicator, start: str, end: str):
    """Assigns each figure to its term and keeps the longest (then latest) per district and
    term; returns (kept, left out)."""
    terms = [term_of(s, e) for s, e in zip(rows[start], rows[end], strict=True)]
    rows = rows.assign(term=[t for t, _ in terms], window=[t for t, _ in terms])
    share = pd.Series([s for _, s in terms], index=rows.index)
    spans = rows[rows["term"].isna()]
    left = [_left(spans, indicator, [Wording("spans_two_terms", share=s) for s in share[spans.index]])]  # fmt: skip
    rows = rows[rows["term"].notna()].sort_values(["years", end], ascending=False)
    kept = rows.drop_duplicates(["district_id", "term"])
    shorter = rows.drop(kept.index)
    longer = kept.set_index(["district_id", "term"])["period"]
    reasons = [
        Wording("longer_compared", term=t, period=longer[(d, t)])
        for d, t in zip(shorter["district_id"], shorter["term"], strict=True)
    ]
    left.append(_left(shorter, indicator, reasons))
    return kept, pd.concat(left)


def _admissions(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    flows = admissions_per_year(dataset)
    if flows.empty:
        return _nothing()
    indicator = Indicator.ADMISSIONS
    not_ranked = flows[~flows["ranked"]]
    reasons = [
        Wording("year_to_date_left")
        if kind == "year_to_date"
        else Wording("short_left" if low < MIN_RANKED_YEARS else "cutoff_not_stated")
        for kind, low in zip(
            not_ranked["period_kind"], not_ranked["years_low"].fillna(0), strict=True
        )
    ]
    no_base = flows[flows["ranked"] & flows["members"].isna()]
    left = [
        _left(not_ranked, indicator, reasons),
        _left(no_base, indicator, [Wording("no_base_members")] * len(no_base)),
    ]
    rows = flows[flows["ranked"] & flows["members"].notna()]
    kept, spans = _by_term(rows, indicator, "reading_start", "reading_end")
    data = kept.assign(
        indicator=indicator.value,
        kind=Kind.RATE.value,
        numerator=kept["admissions"],
        exposure=kept["members"] * kept["years"],
        approximate=kept["qualifier"] != "",
        reading=[
            Wording("admissions_reading", reading=r, date=d)
            for r, d in zip(
                kept["period_reading"], pd.to_datetime(kept["members_date"]), strict=True
            )
        ],
    )
    return data, pd.concat([*left, spans])


def _growth(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    growth = compute_growth(dataset, ("party_members",))
    if growth.empty:
        return _nothing()
    growth = growth.assign(
        period=growth["start_date"].dt.strftime("%Y-%m-%d")
        + " – "
        + growth["end_date"].dt.strftime("%Y-%m-%d"),
        start=growth["start_date"] + pd.Timedelta(days=1),
    )
    indicator = Indicator.MEMBERSHIP_GROWTH
    short = growth[growth["short_span"]]
    falls = growth[~growth["short_span"] & (growth["change"] < 0)]
    left = [
        _left(short, indicator, [Wording("short_growth_left")] * len(short)),
        _left(falls, indicator, [Wording("fall_left")] * len(falls)),
    ]
    rows = growth[~growth["short_span"] & (growth["change"] >= 0)]
    kept, spans = _by_term(rows, indicator, "start", "end_date")
    data = kept.assign(
        indicator=indicator.value,
        kind=Kind.RATE.value,
        numerator=kept["change"].round(),
        exposure=kept["start_value"] * kept["years"],
        reading=[
            Wording("growth_reading", pair=Wording("pair_" + p.replace(" ", "_")))
            for p in kept["pair"]
        ],
    )
    return data, pd.concat([*left, spans])


RATING_INDICATORS = {
    "excellent": Indicator.RATED_EXCELLENT,
    "good_or_above": Indicator.RATED_GOOD_OR_ABOVE,
}


def _ratings(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    summary = summarize_evaluations(dataset)
    rows = summary[
        (summary["subject"] == "organization") & summary["category"].isin(RATING_INDICATORS)
    ].copy()
    if rows.empty:
        return _nothing()
    rows["indicator"] = rows["category"].map(lambda c: RATING_INDICATORS[c].value)
    rows["period"] = rows["period"].astype(str)
    reason = _reasons(
        (rows["year"].isna(), "not_single_year"),
        (rows["count"].isna(), "no_grade_count"),
        (rows["total"].isna(), "rated_unknown"),
    )
    left = rows[reason != ""].assign(reason=reason[reason != ""])
    kept = rows[reason == ""]
    data = kept.assign(
        window=[
            Wording("window_scheme", year=str(int(y)), scheme=scheme_label(s))
            for y, s in zip(kept["year"], kept["scheme"], strict=True)
        ],
        term="",
        kind=Kind.SHARE.value,
        numerator=kept["count"],
        exposure=kept["total"],
        years=1.0,
        approximate=kept["total_estimated"].astype(bool),
        reading=[Wording("rated_reading", basis=b) for b in kept["total_basis"]],
    )
    return data, left[["district_id", "indicator", "period", "reason", "fact_ids"]]


def _targets(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    targets = assess_targets(dataset)
    indicator = Indicator.ADMISSIONS_TARGET
    rows = targets[(targets["metric"] == "admissions") & (targets["unit"] == "count")]
    if rows.empty:
        return _nothing()
    rows = rows.assign(
        fact_ids=rows["target_facts"].fillna("")
        + np.where(rows["achieved_facts"].fillna("") != "", ";", "")
        + rows["achieved_facts"].fillna(""),
        elapsed_low=rows["share_elapsed_low"] * rows["target_years_low"],
    )
    reason = _reasons(
        (rows["achieved"].isna() | rows["target_total"].isna(), "no_admissions_in_target"),
        (rows["elapsed_low"] < MIN_RANKED_YEARS, "short_target_left"),
    )
    left = _left(rows[reason != ""], indicator, reason[reason != ""])
    kept = rows[reason == ""]
    share = kept["share_elapsed"].clip(upper=1)
    data = kept.assign(
        indicator=indicator.value,
        window=[window_of(p, k) for p, k in zip(kept["period"], kept["period_kind"], strict=True)],
        term="",
        kind=Kind.RATE.value,
        numerator=kept["achieved"],
        exposure=kept["target_total"] * share,
        years=kept["target_years"] * share,
        approximate=False,
        reading=[
            Wording("elapsed_by", share=s, date=d)
            for s, d in zip(share, kept["as_of"], strict=True)
        ],
    )
    return data, left


PARTS = {"admissions": _admissions, "growth": _growth, "ratings": _ratings, "targets": _targets}
"""The parts of the comparison inputs, each from its own analysis, in the order of the
inputs."""
PART_INDICATORS = {
    "targets": (Indicator.ADMISSIONS_TARGET,),
    "ratings": (Indicator.RATED_EXCELLENT, Indicator.RATED_GOOD_OR_ABOVE),
    "admissions": (Indicator.ADMISSIONS,),
    "growth": (Indicator.MEMBERSHIP_GROWTH,),
}
"""The indicators each part gives."""
PART_OF = {code.value: part for part, codes in PART_INDICATORS.items() for code in codes}


@memoize
def indicator_part(dataset: Dataset, part: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The inputs and the figures left out of one part of `PARTS`."""
    return PARTS[part](dataset)


def _finished(data: pd.DataFrame, dataset: Dataset) -> pd.DataFrame:
    data = data.astype({"numerator": float, "exposure": float, "approximate": bool})
    return label_districts(data.sort_values(["indicator", "window", "district_id"]), dataset)


def indicator_inputs(dataset: Dataset, indicator: str) -> pd.DataFrame:
    """The rows of `comparison_inputs` of one indicator, from its part alone: a comparison
    of one indicator need not wait for the others (`analysis.compare.tables.shrunk_indicator`)."""
    rows = indicator_part(dataset, PART_OF[indicator])[0]
    rows = rows[rows["indicator"] == indicator][INPUT_COLUMNS + DETAIL_COLUMNS]
    return _finished(rows, dataset).reset_index(drop=True)


@memoize
def build_indicators(dataset: Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Returns `comparison_inputs` and `left_out` together, computed once."""
    parts = [indicator_part(dataset, part) for part in PARTS]
    data = pd.concat([p[0][INPUT_COLUMNS + DETAIL_COLUMNS] for p in parts], ignore_index=True)
    left = pd.concat([p[1] for p in parts], ignore_index=True)
    compared = set(zip(data["district_id"], data["indicator"], strict=True))
    left["district_compared"] = [
        (d, i) in compared for d, i in zip(left["district_id"], left["indicator"], strict=True)
    ]
    data = _finished(data, dataset)
    left = label_districts(left[LEFT_OUT_COLUMNS].sort_values(["indicator", "district_id"]), dataset)  # fmt: skip
    return data.reset_index(drop=True), left.reset_index(drop=True)


def comparison_inputs(dataset: Dataset) -> pd.DataFrame:
    """Returns the input frame of every comparison: one row per district, indicator and
    window (see the module docstring), with the district's name and region, the period, the
    term, the years, the reading of the period, whether a figure is approximate, and the
    facts it comes from."""
    return build_indicators(dataset)[0]


def left_out(dataset: Dataset) -> pd.DataFrame:
    """Returns every figure of the compared kinds that no comparison uses, with the reason,
    and whether the district is compared on that indicator through another figure."""
    return build_indicators(dataset)[1]


COVERAGE_COLUMNS = ["indicator", "window", "districts", "districts_compared", "districts_left_out"]  # fmt: skip


def coverage(inputs: pd.DataFrame, left: pd.DataFrame) -> pd.DataFrame:
    """Returns, per indicator and window, how many districts share it, how many districts are
    compared on the indicator, and how many have a figure of it but none compared (an
    indicator with no comparable figure at all has one row with an empty window)."""
    rows = []
    for indicator in Indicator:
        own = inputs[inputs["indicator"] == indicator.value]
        absent = left[(left["indicator"] == indicator.value) & ~left["district_compared"].astype(bool)]  # fmt: skip
        common = [indicator.value, own["district_id"].nunique(), absent["district_id"].nunique()]
        windows = own.groupby("window")["district_id"].nunique()
        for window, districts in windows.items() if len(windows) else [("", 0)]:
            rows.append([common[0], window, districts, common[1], common[2]])
    return pd.DataFrame(rows, columns=COVERAGE_COLUMNS)
