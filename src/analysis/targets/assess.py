"""Targets assessed against what the data show, and counted by status."""

from __future__ import annotations

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import code_label
from analysis.data.selection import DistrictSlices
from analysis.evaluations import summarize_evaluations
from analysis.growth import admission_flows, admissions_per_year
from analysis.memo import memoize
from analysis.targets.attainment import compare_stated_attainment
from analysis.targets.measures import _count_target, _evaluation_levels, _level_target, _rate_levels
from analysis.targets.status import DAY, NOT_MEASURABLE, UNDETERMINED, _targets
from analysis.text.periods import period_label
from analysis.text.phrases import Wording

ASSESSMENT_COLUMNS = [
    "district_id", "metric", "subject", "category", "comparator", "target", "unit", "basis",
    "period", "period_kind", "period_reading", "period_start", "period_end", "target_years",
    "target_years_low", "target_years_high", "target_total", "achieved", "as_of",
    "achieved_method", "attainment_percent", "share_elapsed", "share_elapsed_low",
    "share_elapsed_high", "expected_attainment_percent", "projected_total", "projected_attainment_percent",
    "status", "status_reason", "stated_attainment_percent", "stated_check", "target_facts",
    "achieved_facts", "achieved_derived",
]  # fmt: skip


def _measure(target, dataset: Dataset, flows, summary, per_year) -> dict:
    """Measures one target by the rule for its metric and unit (see the module docstring)."""
    if not target.basis and target.years_high > 1 + DAY:
        return {
            "status": UNDETERMINED,
            "status_reason": Wording("basis_unknown"),
        }
    if target.metric == "admissions" and target.unit == "count":
        return _count_target(target, flows)
    if target.metric == "evaluation" and target.unit == "percent":
        return _level_target(target, _evaluation_levels(summary, target))
    if target.metric == "admission_rate":
        return _level_target(target, _rate_levels(dataset, per_year, target.district_id))
    return {
        "status": NOT_MEASURABLE,
        "status_reason": Wording("no_rule", metric=code_label("metric", target.metric)),
    }


@memoize
def assess_targets(dataset: Dataset) -> pd.DataFrame:
    """Returns every target with its achievement, attainment, projection and status.

    Identical targets stated by several sources are one row. See the module docstring for
    the status rules.

    Returns:
        Columns district_id, metric, subject, category, comparator, target, unit, basis,
        period, period_kind, period_reading (the point reading of the period), period_start,
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
    flows = DistrictSlices(flows)
    summary = DistrictSlices(summarize_evaluations(dataset))
    per_year = DistrictSlices(admissions_per_year(dataset))
    attainments = DistrictSlices(compare_stated_attainment(dataset), "target_facts")
    rows = []
    for target in targets.itertuples():
        district = target.district_id
        result = _measure(
            target, dataset, flows.records(district), summary[district], per_year[district]
        )
        stated = attainments[target.target_facts]
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
                "period_reading": target.reading,
                "period_start": target.period_start,
                "period_end": target.period_end,
                "target_facts": target.target_facts,
                **result,
            }
        )
    return pd.DataFrame(rows).reindex(columns=ASSESSMENT_COLUMNS)


def count_statuses(assessment: pd.DataFrame) -> pd.DataFrame:
    """Counts targets by status and metric."""
    if assessment.empty:
        return pd.DataFrame(columns=["metric", "status", "targets", "districts"])
    return (
        assessment.groupby(["metric", "status"])
        .agg(targets=("target", "size"), districts=("district_id", "nunique"))
        .reset_index()
    )
