"""Findings about ratings, stated attainments and targets."""

from __future__ import annotations

from analysis.data.dataset import Dataset
from analysis.data.schema import code_label
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.evaluations import check_evaluations, check_excellent_cap, summarize_evaluations
from analysis.period_readings import read_periods
from analysis.quality.findings import _finding
from analysis.targets import compare_stated_attainment
from analysis.text.periods import period_label
from analysis.text.phrases import Wording
from analysis.text.rounding import DIFFERS


def _evaluation_findings(dataset: Dataset) -> list[dict]:
    return [
        _finding(
            row.district_id,
            Wording("evaluation_check", check=row.check),
            Wording(
                "ratings_in",
                subject=code_label("subject", row.subject),
                period=row.period,
                what=row.what,
            ),
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
            Wording("excellent_cap"),
            Wording(
                "excellent_ratio",
                subject=code_label("subject", row.subject),
                period=row.period,
                excellent=row.excellent,
                ratio=row.ratio_percent,
                good=row.good,
                ratio_above=row.ratio_of_good_or_above_percent,
            ),
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
            Wording("attainment_differs"),
            Wording(
                "attainment_vs",
                period=row.period,
                achieved=row.achieved,
                target=row.target,
                meaning=row.target_meaning,
                computed=row.computed_attainment_percent,
                qualifier=row.qualifier,
                stated=row.stated_attainment_percent,
            ),
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
                    Wording("per_year_vs_total"),
                    Wording(
                        "per_year_total",
                        metric=code_label("metric", per_year.metric),
                        period=period_label(per_year.period_start_text, per_year.period_end_text),
                        value=per_year.value,
                        low_years=per_year.years_low,
                        high_years=per_year.years_high,
                        reading=per_year.reading,
                        low=low,
                        high=high,
                        total=total.value,
                    ),
                    total.value,
                    per_year.value * per_year.years,
                    join_ids([per_year.fact_id, total.fact_id]),
                )
            )
    return findings
