"""What a target is and where it can stand: the targets in the data, and the vocabulary of statuses."""

from __future__ import annotations

from enum import StrEnum

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import join_ids, select_facts, text_of
from analysis.period_readings import read_periods
from analysis.text.phrases import Label


class TargetStatus(StrEnum):
    """Where a target stands (a vocabulary: the values are the codes shown)."""

    MET = "met"
    ON_TRACK = "on track"
    BEHIND = "behind"
    NOT_MET = "not met"
    NOT_MEASURABLE = "not yet measurable"
    UNDETERMINED = "undetermined"


MET, ON_TRACK, BEHIND, NOT_MET, NOT_MEASURABLE, UNDETERMINED = TargetStatus


STATUS_VI = {
    MET: "đạt", ON_TRACK: "đúng tiến độ", BEHIND: "chậm tiến độ", NOT_MET: "không đạt",
    NOT_MEASURABLE: "chưa đo được", UNDETERMINED: "chưa xác định",
}  # fmt: skip
"""The statuses in Vietnamese."""


def status_label(status: TargetStatus) -> Label:
    """A status as a word of a sentence, said in the reader's language."""
    return Label(str(status), STATUS_VI[TargetStatus(status)])


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


def _meets(value: float, comparator: str, target: float) -> bool:
    if comparator == "<=":
        return value <= target
    return value >= target
