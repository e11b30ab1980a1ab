"""Findings about ratings, stated attainments and targets."""

from __future__ import annotations

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.evaluations import check_evaluations, check_excellent_cap, summarize_evaluations
from analysis.period_readings import read_periods
from analysis.quality.findings import _finding
from analysis.targets import compare_stated_attainment
from analysis.text.periods import period_label
from analysis.text.rounding import DIFFERS


def _evaluation_findings(dataset: Dataset) -> list[dict]:
    return [
        _finding(
            row.district_id,
            f"evaluation: {row.check}",
            f"{row.subject} ratings {row.period}: {row.what}",
            row.stated,
            row.computed,
            row.fact_ids,
        )
        for row in check_evaluations(dataset).itertuples()
    ]


def _cap_findings(dataset: Dataset) -> list[dict]:
    """Ratings of 2018 on with more rated excellent than 20 % of those rated good."""
    cap = check_excellent_cap(summarize_evaluations(dataset))
    return [
        _finding(
            row.district_id,
            "excellent above 20 % of good",
            f"{row.subject} ratings {row.period}: excellent {row.excellent:g} is "
            f"{row.ratio_percent:.1f} % of good {row.good:g} and "
            f"{row.ratio_of_good_or_above_percent:.1f} % of good or above (the rule allows at "
            "most 20 %)",
            row.ratio_percent,
            20.0,
            row.fact_ids,
        )
        for row in cap[cap["above_cap"]].itertuples()
    ]


def _attainment_findings(dataset: Dataset) -> list[dict]:
    table = compare_stated_attainment(dataset)
    return [
        _finding(
            row.district_id,
            "attainment differs from admissions ÷ target",
            f"admissions {row.period}: {row.achieved:g} against {row.target:g} "
            f"({row.target_meaning}) is {row.computed_attainment_percent:.2f} %, stated "
            f"{row.qualifier}{row.stated_attainment_percent:g} %",
            row.stated_attainment_percent,
            row.computed_attainment_percent,
            join_ids([row.fact_ids, row.target_facts]),
        )
        for row in table[table["check"] == DIFFERS].itertuples()
    ]


def _target_findings(dataset: Dataset) -> list[dict]:
    """A per-year target whose total over the period differs from a stated total target under
    every admissible length of the period (Bắc Kạn: 90 a year over the 2020–2025 term is
    412–488 over 4.6–5.4 years, so a stated 450 agrees)."""
    findings = []
    targets = select_facts(dataset, kind="target", unit="count")
    targets = targets.assign(basis=text_of(targets["basis"]), metric=text_of(targets["metric"]))
    targets = targets.join(
        read_periods(dataset)[["years", "years_low", "years_high", "reading"]], on="fact_id"
    )
    for per_year in targets[targets["basis"] == "per_year"].itertuples():
        totals = targets[
            (targets["district_id"] == per_year.district_id)
            & (targets["metric"] == per_year.metric)
            & (targets["basis"] == "total")
            & (targets["period_start"] == per_year.period_start)
            & (targets["period_end"] == per_year.period_end)
        ]
        low, high = per_year.value * per_year.years_low, per_year.value * per_year.years_high
        for total in totals.itertuples():
            if low - 0.5 <= total.value <= high + 0.5:
                continue
            findings.append(
                _finding(
                    per_year.district_id,
                    "per-year target × years differs from the total target",
                    f"{per_year.metric} {period_label(per_year.period_start_text, per_year.period_end_text)}: "
                    f"{per_year.value:g} a year over {per_year.years_low:.2f}–"
                    f"{per_year.years_high:.2f} years ({per_year.reading}) is {low:.0f}–"
                    f"{high:.0f}, but the stated total is {total.value:g}",
                    total.value,
                    per_year.value * per_year.years,
                    join_ids([per_year.fact_id, total.fact_id]),
                )
            )
    return findings
