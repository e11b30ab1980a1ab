"""Targets: how far each district is from its goals, and whether stated attainments add up.

Status rules (`assess_targets`):

* count targets (admissions over a term or a year, basis `total`): the achievement is the
  sum of non-overlapping admissions flows that run on from the target's start. *met* when
  it reaches 100 % of the target; *not met* when the period is over without reaching it;
  otherwise *on track* when the attainment is at least the share of the period elapsed
  (pro rata), else *behind*. The projection extends the pace so far to the period's end;
* average targets ("at least 90 a year", basis `per_year`): the attainment is the average
  per year so far against the yearly target, so it does not depend on how many years the
  period counts. *met* when the period is over at 100 % or more; otherwise *on track* at
  100 % or more, else *behind* (*not met* once the period is over);
* level targets (`each_year`: a share of organisations rated good or above, an admission
  rate): every measured year within the period is compared with the target. *met* when all
  years of the period are measured and meet it; *on track* when the measured years meet it
  but the period has years not measured; *behind* when a measured year misses it and the
  period is not over; *not met* when a year misses it and the period is over;
* *not yet measurable* when no achievement in the target's period is in the data.

"Over" means the latest figure in the data is dated at or after the period's end.
"""

from __future__ import annotations

import math
from enum import StrEnum

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.evaluations import summarize_evaluations
from analysis.growth import admission_flows, admissions_per_year
from analysis.memo import memoize
from analysis.period_readings import read_periods
from analysis.text.periods import period_label
from analysis.text.rounding import compare_to_stated


class TargetStatus(StrEnum):
    """Where a target stands (a vocabulary: the values are the codes shown)."""

    MET = "met"
    ON_TRACK = "on track"
    BEHIND = "behind"
    NOT_MET = "not met"
    NOT_MEASURABLE = "not yet measurable"
    UNDETERMINED = "undetermined"


MET, ON_TRACK, BEHIND, NOT_MET, NOT_MEASURABLE, UNDETERMINED = TargetStatus
TARGET_KEYS = [
    "district_id", "metric", "subject", "category", "unit", "comparator", "basis",
    "period_start", "period_end", "period_start_text", "period_end_text", "value",
]  # fmt: skip
DAY = 1 / 366


def _targets(dataset: Dataset) -> pd.DataFrame:
    targets = select_facts(dataset, kind="target")
    for column in ("metric", "subject", "category", "unit", "comparator", "basis"):
        targets = targets.assign(**{column: text_of(targets[column])})
    grouped = (
        targets.groupby(TARGET_KEYS, sort=True)["fact_id"]
        .agg(["first", join_ids])
        .reset_index()
        .rename(columns={"join_ids": "target_facts"})
    )
    readings = read_periods(dataset).rename(
        columns={"start": "reading_start", "end": "reading_end"}
    )
    return grouped.join(readings.drop(columns=[]), on="first").drop(columns="first")


def _chain(flows: pd.DataFrame, target) -> pd.DataFrame:
    """Non-overlapping flows running on from the target's start (as read) without a gap."""
    chain = []
    cursor = target.reading_start
    inside = flows[(flows["reading_start"] >= cursor) & (flows["reading_end"] <= target.end_high)]
    while True:
        candidates = inside[inside["reading_start"] == cursor]
        if candidates.empty:
            break
        best = candidates.sort_values(["reading_end", "derived"], ascending=[False, True]).iloc[0]
        chain.append(best)
        cursor = best["reading_end"] + pd.Timedelta(days=1)
    return pd.DataFrame(chain)


def _status(achieved, value, target_years, elapsed, per_year: bool, comparator: str) -> str:
    """The status under one reading of the target's length and of the time elapsed."""
    over = elapsed >= target_years - DAY
    total = value * target_years if per_year else value
    if comparator == "<=":
        return NOT_MET if achieved > total else (MET if over else ON_TRACK)
    attainment = achieved / elapsed / value * 100 if per_year else achieved / total * 100
    expected = 100.0 if per_year else min(1.0, elapsed / target_years) * 100
    if attainment >= 100 and (over or not per_year):
        return MET
    if over:
        return NOT_MET
    return ON_TRACK if attainment >= expected else BEHIND


def _count_target(target, flows: pd.DataFrame) -> dict:
    """Measures a count target under every admissible reading of its period and of the
    achievement's cut-off; a status only if all readings agree, else `undetermined`."""
    years = target.years
    per_year = target.basis == "per_year"
    result = {
        "target_years": years,
        "target_years_low": target.years_low,
        "target_years_high": target.years_high,
        "target_total": target.value * years if per_year else target.value,
        "reading": target.reading,
    }
    chain = _chain(flows[flows["district_id"] == target.district_id], target)
    if chain.empty:
        return result | {
            "status": NOT_MEASURABLE,
            "status_reason": "no admissions figure running from the target's start "
            f"({target.reading})",
        }
    achieved = chain["value"].sum()
    as_of = chain["reading_end"].max()
    elapsed = chain["years"].sum()
    elapsed_low = chain["years_low"].fillna(0).sum()
    elapsed_high = chain["years_high"].sum()
    readings = {
        (t, e): _status(achieved, target.value, t, e, per_year, target.comparator)
        for t in (target.years_low, years, target.years_high)
        for e in (max(elapsed_low, DAY), elapsed, elapsed_high)
    }
    statuses = sorted(set(readings.values()))
    status = statuses[0] if len(statuses) == 1 else UNDETERMINED
    total = target.value * years if per_year else target.value
    if per_year:
        attainment = achieved / elapsed / target.value * 100 if target.value else math.nan
        expected, projected = 100.0, attainment
        reason = (
            f"{achieved:g} in {elapsed:.2f} years = {achieved / elapsed:.1f} a year against "
            f"{target.value:g} a year ({attainment:.1f} %) by {as_of.date()}"
        )
    else:
        attainment = achieved / total * 100 if total else math.nan
        expected = min(1.0, elapsed / years) * 100
        projected = achieved / elapsed * years / total * 100 if total else math.nan
        reason = (
            f"{achieved:g} of {total:g} ({attainment:.1f} %) by {as_of.date()}, "
            f"{expected:.0f} % of the period elapsed ({target.reading})"
        )
    if status is UNDETERMINED:
        examples = {}
        for (t, e), one in readings.items():
            examples.setdefault(one, f"{one} if {e:.2f} of {t:.2f} years have elapsed")
        reason += "; undetermined: " + ", ".join(examples.values())
    if not chain["cutoff_known"].all():
        reason += "; the latest figure's cut-off is not stated (it may be any day of the year)"
    return result | {
        "achieved": achieved,
        "as_of": as_of,
        "achieved_method": "sum of admissions flows from the target's start"
        if len(chain) > 1
        else f"admissions {chain.iloc[0]['period_label']}",
        "achieved_facts": join_ids(chain["fact_ids"]),
        "achieved_derived": bool(chain["derived"].any()),
        "attainment_percent": attainment,
        "share_elapsed": min(1.0, elapsed / years),
        "share_elapsed_low": min(1.0, elapsed_low / target.years_high),
        "share_elapsed_high": min(1.0, elapsed_high / target.years_low),
        "expected_attainment_percent": expected,
        "projected_total": achieved / elapsed * years if elapsed else math.nan,
        "projected_attainment_percent": projected,
        "status": status,
        "status_reason": reason,
    }


def _meets(value: float, comparator: str, target: float) -> bool:
    if comparator == "<=":
        return value <= target
    return value >= target


def _level_target(target, levels: pd.DataFrame) -> dict:
    first, last = target.period_start.year, target.period_end.year
    measured = levels[(levels["year"] >= first) & (levels["year"] <= last)].sort_values("year")
    if measured.empty:
        return {
            "status": NOT_MEASURABLE,
            "status_reason": "no figure for a year of the target's period",
        }
    misses = measured[~measured["value"].map(lambda v: _meets(v, target.comparator, target.value))]
    latest = measured.iloc[-1]
    over = latest["year"] >= last
    all_years = set(range(first, last + 1)) <= set(measured["year"])
    if misses.empty:
        status = MET if all_years else ON_TRACK
    else:
        status = NOT_MET if over else BEHIND
    years = ", ".join(
        f"{int(y)}: {v:.3g}" for y, v in zip(measured["year"], measured["value"], strict=True)
    )
    attainment = (
        latest["value"] / target.value * 100
        if target.value and target.comparator != "<="
        else math.nan
    )
    return {
        "achieved": latest["value"],
        "as_of": pd.Timestamp(int(latest["year"]), 12, 31),
        "achieved_method": latest["method"],
        "achieved_facts": join_ids(measured["fact_ids"]),
        "achieved_derived": bool(measured["derived"].any()),
        "attainment_percent": attainment,
        "status": status,
        "status_reason": f"measured {years}"
        + (f"; misses in {', '.join(str(int(y)) for y in misses['year'])}" if len(misses) else ""),
    }


def _evaluation_levels(summary: pd.DataFrame, target) -> pd.DataFrame:
    rows = summary[
        (summary["district_id"] == target.district_id)
        & (summary["subject"] == target.subject)
        & (summary["category"] == target.category)
        & summary["year"].notna()
        & summary["share"].notna()
    ]
    return pd.DataFrame(
        {
            "year": rows["year"].astype(int),
            "value": rows["share"],
            "method": np.where(rows["share_computed"].notna(), "share from counts", "stated share"),
            "derived": rows["share_computed"].notna(),
            "fact_ids": rows["fact_ids"],
        }
    )


def _rate_levels(dataset: Dataset, per_year: pd.DataFrame, district: str) -> pd.DataFrame:
    stated = select_facts(
        dataset, metric="admission_rate", kind=("flow", "stock"), district=district
    )
    stated_rows = pd.DataFrame(
        {
            "year": stated["period_end"].dt.year,
            "value": stated["value"],
            "method": "stated admission rate",
            "derived": False,
            "fact_ids": stated["fact_id"],
        }
    )
    computed = per_year[
        (per_year["district_id"] == district)
        & per_year["per_100_members"].notna()
        & (per_year["period_kind"] == "year")
    ]
    computed_rows = pd.DataFrame(
        {
            "year": computed["period_start"].dt.year,
            "value": computed["per_100_members"],
            "method": "admissions per 100 members (derived)",
            "derived": True,
            "fact_ids": computed["fact_ids"],
        }
    )
    return pd.concat([stated_rows, computed_rows], ignore_index=True)


@memoize
def assess_targets(dataset: Dataset) -> pd.DataFrame:
    """Returns every target with its achievement, attainment, projection and status.

    Identical targets stated by several sources are one row. See the module docstring for
    the status rules.

    Returns:
        Columns district_id, metric, subject, category, comparator, target, unit, basis,
        period, period_kind, reading (the point reading of the period), period_start,
        period_end, target_years (with target_years_low/high, the admissible lengths),
        target_total, achieved, as_of, achieved_method, attainment_percent, share_elapsed
        (with share_elapsed_low/high), expected_attainment_percent, projected_total,
        projected_attainment_percent, status, status_reason, stated_attainment_percent,
        stated_check, target_facts, achieved_facts, achieved_derived.
    """
    targets = _targets(dataset)
    flows = admission_flows(dataset).assign(
        period_label=lambda f: [
            period_label(s, e)
            for s, e in zip(f["period_start_text"], f["period_end_text"], strict=True)
        ]
    )
    summary = summarize_evaluations(dataset)
    per_year = admissions_per_year(dataset)
    attainments = compare_stated_attainment(dataset)
    rows = []
    for target in targets.itertuples():
        if not target.basis and target.years_high > 1 + DAY:
            result = {
                "status": UNDETERMINED,
                "status_reason": "basis unknown: a multi-year target may be a total, a yearly "
                "average or a level to hold every year",
            }
        elif target.metric == "admissions" and target.unit == "count":
            result = _count_target(target, flows)
        elif target.metric == "evaluation" and target.unit == "percent":
            result = _level_target(target, _evaluation_levels(summary, target))
        elif target.metric == "admission_rate":
            result = _level_target(target, _rate_levels(dataset, per_year, target.district_id))
        else:
            result = {
                "status": NOT_MEASURABLE,
                "status_reason": f"no rule to measure a {target.metric} target",
            }
        stated = attainments[attainments["target_facts"] == target.target_facts]
        if not stated.empty:
            latest = stated.sort_values("period_end").iloc[-1]
            result["stated_attainment_percent"] = latest["stated_attainment_percent"]
            result["stated_check"] = latest["check"]
        rows.append(
            {
                "district_id": target.district_id,
                "metric": target.metric,
                "subject": target.subject,
                "category": target.category,
                "comparator": target.comparator,
                "target": target.value,
                "unit": target.unit,
                "basis": target.basis,
                "period": period_label(target.period_start_text, target.period_end_text),
                "period_kind": target.period_kind,
                "reading": target.reading,
                "period_start": target.period_start,
                "period_end": target.period_end,
                "target_facts": target.target_facts,
                **result,
            }
        )
    columns = [
        "district_id", "metric", "subject", "category", "comparator", "target", "unit", "basis",
        "period", "period_kind", "reading", "period_start", "period_end", "target_years",
        "target_years_low", "target_years_high", "target_total", "achieved", "as_of",
        "achieved_method", "attainment_percent", "share_elapsed", "share_elapsed_low",
        "share_elapsed_high", "expected_attainment_percent", "projected_total", "projected_attainment_percent",
        "status", "status_reason", "stated_attainment_percent", "stated_check", "target_facts",
        "achieved_facts", "achieved_derived",
    ]  # fmt: skip
    return pd.DataFrame(rows).reindex(columns=columns)


def _target_for(attainment, targets: pd.DataFrame):
    """The admissions target an attainment refers to, and the target for its period.

    A target covers an attainment when it starts with it (as read) or every admissible
    reading of the target's period contains the attainment's period (Bắc Kạn: calendar 2020 is not within the term that
    began at the mid-2020 congress).
    """
    covering = targets[
        (targets["district_id"] == attainment.district_id)
        & (targets["metric"] == "admissions")
        & (targets["unit"] == "count")
        & (
            (targets["start_high"] <= attainment.reading_start)
            | (targets["reading_start"] == attainment.reading_start)
        )
        & (targets["end_low"] >= attainment.reading_end)
    ]
    if covering.empty:
        return None, math.nan, ""
    one_year = attainment.years <= 1
    annual = covering[covering["years_high"] <= 1 + DAY]
    if one_year and not annual.empty:
        best = annual.iloc[0]
        return best, best["value"], "the year's target"
    per_year = covering[covering["basis"] == "per_year"]
    if one_year and not per_year.empty:
        best = per_year.iloc[0]
        return best, best["value"], "one year of a per-year target"
    cumulative = covering[
        (covering["reading_start"] == attainment.reading_start) & (covering["basis"] == "total")
    ]
    if not cumulative.empty:
        best = cumulative.iloc[0]
        return best, best["value"], "the term's total target"
    return None, math.nan, ""


@memoize
def compare_stated_attainment(dataset: Dataset) -> pd.DataFrame:
    """Returns each stated attainment beside the one computed from the data.

    For an attainment stated over a period, the admissions flow over the same period and
    the target that period belongs to give the computed attainment (Sốp Cộp: 469 of 400 is
    117.25 %, stated 117.3 %: consistent within rounding). Without a target in the data, the
    target the statement implies is derived (admissions ÷ attainment). "Exceeded the plan by
    N %" counts as an attainment of 100 + N %.

    Returns:
        Columns district_id, period, period_end, stated_attainment_percent, qualifier,
        stated_as, achieved, target, target_meaning, computed_attainment_percent, check,
        difference, implied_target, fact_ids, target_facts.
    """
    facts = select_facts(dataset, metric="admissions", kind="attainment", total_only=True)
    readings = read_periods(dataset).rename(
        columns={"start": "reading_start", "end": "reading_end"}
    )
    facts = facts.drop(columns="period_kind", errors="ignore").join(readings, on="fact_id")
    flows = admission_flows(dataset)
    targets = _targets(dataset)
    rows = []
    for fact in facts.itertuples():
        above = text_of(pd.Series([fact.unit]))[0] == "percent_above_target"
        stated = 100 + fact.value if above else fact.value
        qualifier = "" if pd.isna(fact.comparator) else str(fact.comparator)
        same = flows[
            (flows["district_id"] == fact.district_id)
            & (flows["period_start"] == fact.period_start)
            & (flows["period_end"] == fact.period_end)
        ]
        flow = same.iloc[0] if not same.empty else None
        target, target_value, meaning = _target_for(fact, targets)
        computed, check, difference, implied = math.nan, "", math.nan, math.nan
        if flow is not None and target is not None and target_value:
            computed = flow["value"] / target_value * 100
            check, difference = compare_to_stated(computed, stated, qualifier)
        elif flow is not None and stated:
            implied = flow["value"] / stated * 100
        rows.append(
            {
                "district_id": fact.district_id,
                "period": period_label(fact.period_start_text, fact.period_end_text),
                "period_end": fact.period_end,
                "stated_attainment_percent": stated,
                "qualifier": qualifier,
                "stated_as": f"{fact.value:g} % above the target (derived: 100 + {fact.value:g})"
                if above
                else "percent of the target",
                "achieved": np.nan if flow is None else flow["value"],
                "target": target_value,
                "target_meaning": meaning,
                "computed_attainment_percent": computed,
                "check": check,
                "difference": difference,
                "implied_target": implied,
                "fact_ids": join_ids([fact.fact_id] + ([] if flow is None else [flow["fact_ids"]])),
                "target_facts": "" if target is None else target["target_facts"],
            }
        )
    columns = [
        "district_id", "period", "period_end", "stated_attainment_percent", "qualifier",
        "stated_as", "achieved", "target", "target_meaning", "computed_attainment_percent",
        "check", "difference", "implied_target", "fact_ids", "target_facts",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def count_statuses(assessment: pd.DataFrame) -> pd.DataFrame:
    """Counts targets by status and metric."""
    if assessment.empty:
        return pd.DataFrame(columns=["metric", "status", "targets", "districts"])
    return (
        assessment.groupby(["metric", "status"])
        .agg(targets=("target", "size"), districts=("district_id", "nunique"))
        .reset_index()
    )
