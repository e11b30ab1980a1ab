"""Achievement of one target: admissions counted over its period, or levels measured each year."""

from __future__ import annotations

import math

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, select_facts
from analysis.targets.status import (
    BEHIND,
    DAY,
    MET,
    NOT_MEASURABLE,
    NOT_MET,
    ON_TRACK,
    UNDETERMINED,
    _meets,
    _status,
    status_label,
)
from analysis.text.phrases import Wording, joined


def _chain(flows: list[dict], target) -> pd.DataFrame:
    """Non-overlapping flows running on from the target's start (as read) without a gap.

    At each step the flow starting at the cursor that runs longest is taken (a stated flow
    before a derived one of the same span; the first listed on a tie).
    """
    cursor = target.reading_start
    inside = [
        r for r in flows if r["reading_start"] >= cursor and r["reading_end"] <= target.end_high
    ]
    chain = []
    while True:
        candidates = [row for row in inside if row["reading_start"] == cursor]
        if not candidates:
            break
        best = min(candidates, key=lambda row: (-row["reading_end"].value, row["derived"]))
        chain.append(best)
        cursor = best["reading_end"] + pd.Timedelta(days=1)
    return pd.DataFrame(chain)


def _statuses_by_reading(target, chain: pd.DataFrame, achieved: float, per_year: bool) -> dict:
    """The status under every admissible reading (target years, years elapsed)."""
    elapsed_low = chain["years_low"].fillna(0).sum()
    return {
        (t, e): _status(achieved, target.value, t, e, per_year, target.comparator)
        for t in (target.years_low, target.years, target.years_high)
        for e in (max(elapsed_low, DAY), chain["years"].sum(), chain["years_high"].sum())
    }


def _count_attainment(target, achieved, elapsed, as_of, per_year: bool) -> tuple:
    """Attainment, expected and projected attainment (percent) and the reason in words."""
    years = target.years
    total = target.value * years if per_year else target.value
    if per_year:
        attainment = achieved / elapsed / target.value * 100 if target.value else math.nan
        reason = Wording(
            "count_per_year", achieved=achieved, elapsed=elapsed, rate=achieved / elapsed,
            target=target.value, attainment=attainment, as_of=as_of,
        )  # fmt: skip
        return attainment, 100.0, attainment, reason
    attainment = achieved / total * 100 if total else math.nan
    expected = min(1.0, elapsed / years) * 100
    projected = achieved / elapsed * years / total * 100 if total else math.nan
    reason = Wording(
        "count_total", achieved=achieved, total=total, attainment=attainment, as_of=as_of,
        expected=expected, reading=target.reading,
    )  # fmt: skip
    return attainment, expected, projected, reason


def _undetermined_note(readings: dict) -> Wording:
    """One example reading for each status the readings disagree on."""
    examples = {}
    for (t, e), one in readings.items():
        examples.setdefault(one, Wording("status_if", status=status_label(one), elapsed=e, years=t))
    return Wording("undetermined", examples=tuple(examples.values()))


def _count_target(target, flows: list[dict]) -> dict:
    """Measures a count target from its district's admissions flows (records) under every admissible reading of its period and of the
    achievement's cut-off; a status only if all readings agree, else `undetermined`."""
    years = target.years
    per_year = target.basis == "per_year"
    result = {
        "target_years": years,
        "target_years_low": target.years_low,
        "target_years_high": target.years_high,
        "target_total": target.value * years if per_year else target.value,
        "period_reading": target.reading,
    }
    chain = _chain(flows, target)
    if chain.empty:
        return result | {
            "status": NOT_MEASURABLE,
            "status_reason": Wording("no_admissions_from_start", reading=target.reading),
        }
    achieved = chain["value"].sum()
    as_of = chain["reading_end"].max()
    elapsed = chain["years"].sum()
    elapsed_low = chain["years_low"].fillna(0).sum()
    elapsed_high = chain["years_high"].sum()
    readings = _statuses_by_reading(target, chain, achieved, per_year)
    statuses = sorted(set(readings.values()))
    status = statuses[0] if len(statuses) == 1 else UNDETERMINED
    attainment, expected, projected, reason = _count_attainment(
        target, achieved, elapsed, as_of, per_year
    )
    reasons = [reason]
    if status is UNDETERMINED:
        reasons.append(_undetermined_note(readings))
    if not chain["cutoff_known"].all():
        reasons.append(Wording("cutoff_unknown"))
    return result | {
        "achieved": achieved,
        "as_of": as_of,
        "achieved_method": Wording("sum_of_flows")
        if len(chain) > 1
        else Wording("admissions_in", period=chain.iloc[0]["period_label"]),
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
        "status_reason": joined(reasons) if len(reasons) > 1 else reason,
    }


def _level_target(target, levels: pd.DataFrame) -> dict:
    first, last = target.period_start.year, target.period_end.year
    measured = levels[(levels["year"] >= first) & (levels["year"] <= last)].sort_values("year")
    if measured.empty:
        return {
            "status": NOT_MEASURABLE,
            "status_reason": Wording("no_level_in_period"),
        }
    misses = measured[~measured["value"].map(lambda v: _meets(v, target.comparator, target.value))]
    latest = measured.iloc[-1]
    over = latest["year"] >= last
    all_years = set(range(first, last + 1)) <= set(measured["year"])
    if misses.empty:
        status = MET if all_years else ON_TRACK
    else:
        status = NOT_MET if over else BEHIND
    levels = tuple(
        Wording("year_value", year=str(int(y)), value=v)
        for y, v in zip(measured["year"], measured["value"], strict=True)
    )
    reason = Wording("measured_levels", levels=levels)
    if len(misses):
        missed = ", ".join(str(int(y)) for y in misses["year"])
        reason = joined([reason, Wording("misses_in", years=missed)])
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
        "status_reason": reason,
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
            "method": [
                Wording("share_from_counts" if computed else "stated_share")
                for computed in rows["share_computed"].notna()
            ],
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
            "method": Wording("stated_rate"),
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
            "method": Wording("derived_rate"),
            "derived": True,
            "fact_ids": computed["fact_ids"],
        }
    )
    return pd.concat([stated_rows, computed_rows], ignore_index=True)
