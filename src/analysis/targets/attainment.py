"""Attainments stated by sources, checked against admissions divided by the target."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import DistrictSlices, join_ids, select_facts, text_of
from analysis.growth import admission_flows
from analysis.memo import memoize
from analysis.period_readings import read_periods
from analysis.targets.status import DAY, _targets
from analysis.text.periods import period_label
from analysis.text.rounding import compare_to_stated


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


ATTAINMENT_COLUMNS = [
    "district_id", "period", "period_end", "stated_attainment_percent", "qualifier",
    "stated_as", "achieved", "target", "target_meaning", "computed_attainment_percent",
    "check", "difference", "implied_target", "fact_ids", "target_facts",
]  # fmt: skip


def _attainment_row(fact, flows: pd.DataFrame, targets: pd.DataFrame) -> dict:
    """One stated attainment beside the one computed from the same period's admissions."""
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
    return {
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
    flows = DistrictSlices(admission_flows(dataset))
    targets = DistrictSlices(_targets(dataset))
    rows = [
        _attainment_row(fact, flows[fact.district_id], targets[fact.district_id])
        for fact in facts.itertuples()
    ]
    return pd.DataFrame(rows, columns=ATTAINMENT_COLUMNS)
