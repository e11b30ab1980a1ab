"""Checks of rating figures: what does not add up, the cap on excellent, share differences."""

from __future__ import annotations

import math

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.schema import code_label
from analysis.data.selection import join_ids
from analysis.evaluations.distributions import KEYS, summarize_evaluations
from analysis.memo import memoize
from analysis.text.phrases import Wording
from analysis.text.rounding import DIFFERS, rounding_tolerance, stated_decimals

CHECK_COLUMNS = [
    "district_id", "period", "subject", "check", "what", "stated", "computed", "difference",
    "fact_ids",
]  # fmt: skip


def _share_sum_findings(parts: pd.DataFrame) -> list[dict]:
    """Stated shares that sum to more than 100, or not to 100 in a complete distribution."""
    shares = parts.dropna(subset=["share_stated"])
    if len(shares) < 2:
        return []
    total_share = shares["share_stated"].sum()
    tolerance = sum(rounding_tolerance(s) for s in shares["share_stated"]) + 1e-9
    known_zero = parts[parts["share_stated"].isna() & (parts["count"] == 0)]
    complete = len(shares) + len(known_zero) == len(parts) and parts["complete"].all()
    if not (total_share > 100 + tolerance or (complete and abs(total_share - 100) > tolerance)):
        return []
    return [
        {
            "check": Wording("shares_not_100"),
            "what": Wording(
                "shares_sum",
                categories=tuple(code_label("category", c) for c in shares["category"]),
                total=total_share,
                tolerance=tolerance,
            ),
            "stated": total_share,
            "computed": 100.0,
            "difference": total_share - 100,
            "fact_ids": join_ids(shares["fact_ids"]),
        }
    ]


def _share_findings(group: pd.DataFrame) -> list[dict]:
    """Stated shares that differ from count ÷ total beyond rounding."""
    return [
        {
            "check": Wording("share_differs"),
            "what": Wording(
                "share_vs_count",
                category=code_label("category", row.category),
                count=row.count,
                total=row.total,
                computed=row.share_computed,
                decimals=max(1, stated_decimals(row.share_stated)),
                stated=row.share_stated,
                basis=row.total_basis,
            ),
            "stated": row.share_stated,
            "computed": row.share_computed,
            "difference": row.share_difference,
            "fact_ids": row.fact_ids,
        }
        for row in group[group["share_check"] == DIFFERS].itertuples()
    ]


def _count_findings(group: pd.DataFrame, parts: pd.DataFrame) -> list[dict]:
    """Stated counts that add up to more than the total rated."""
    stated_counts = parts[parts["count_basis"] == "stated"]["count"].sum()
    total = group["total"].iloc[0]
    if math.isnan(total) or not stated_counts > total:
        return []
    return [
        {
            "check": Wording("counts_exceed"),
            "what": Wording(
                "counts_sum", counts=stated_counts, total=total, basis=group["total_basis"].iloc[0]
            ),
            "stated": stated_counts,
            "computed": total,
            "difference": stated_counts - total,
            "fact_ids": join_ids(group["fact_ids"]),
        }
    ]


def _may_have_findings(summary: pd.DataFrame) -> pd.Series:
    """Rows of the distributions that may fail a check, found for all distributions at once
    (a national panel has tens of thousands); the checks themselves then run on these only.
    The conditions are those of the checks, loosened by a margin, so none is missed."""
    margin = 1e-6
    group = summary.groupby(KEYS, dropna=False, sort=False).ngroup()
    parts = ~summary["cumulative"].astype(bool)
    shares = summary["share_stated"].where(parts)
    stated = shares.notna()
    tolerance = shares[stated].map(rounding_tolerance).reindex(shares.index, fill_value=0.0)
    by = {
        "shares": stated.groupby(group).sum(),
        "total_share": shares.groupby(group).sum(),
        "tolerance": tolerance.groupby(group).sum() + 1e-9 - margin,
        "parts": parts.groupby(group).sum(),
        "known_zero": (parts & ~stated & (summary["count"] == 0)).groupby(group).sum(),
        "complete": (summary["complete"].astype(bool) | ~parts).groupby(group).all(),
        "differs": (summary["share_check"] == DIFFERS).groupby(group).any(),
        "stated_counts": summary["count"]
        .where(parts & (summary["count_basis"] == "stated"))
        .groupby(group)
        .sum(),
        "total": summary["total"].groupby(group).min(),
    }
    off = (by["total_share"] - 100).abs() > by["tolerance"]
    complete = (by["shares"] + by["known_zero"] == by["parts"]) & by["complete"]
    sums = (by["shares"] >= 2) & ((by["total_share"] > 100 + by["tolerance"]) | (complete & off))
    counts = by["stated_counts"] > by["total"] + margin  # counts are whole numbers
    flagged = sums | by["differs"] | counts
    return group.map(flagged).astype(bool)


@memoize
def check_evaluations(dataset: Dataset, summary: pd.DataFrame | None = None) -> pd.DataFrame:
    """Returns what does not add up in the evaluation figures.

    Checks: stated shares of a distribution that do not sum to 100 (tolerance: half a unit
    of the last stated decimal per share summed, e.g. 0.15 for three shares with one
    decimal); a stated share that differs from count ÷ total beyond rounding (Sốp Cộp 2023:
    6 of 41 is 14.6 %, stated 15.2 %); counts that add up to more than the total rated.

    Returns:
        Columns district_id, period, subject, check, what, stated, computed, difference,
        fact_ids.
    """
    summary = summarize_evaluations(dataset) if summary is None else summary
    summary = summary[_may_have_findings(summary)]
    findings = []
    for key, group in summary.groupby(KEYS, dropna=False, sort=True):
        district, period, _, subject = key
        parts = group[~group["cumulative"]]
        where = {"district_id": district, "period": period, "subject": subject}
        for finding in (
            _share_sum_findings(parts) + _share_findings(group) + _count_findings(group, parts)
        ):
            findings.append(where | finding)
    return pd.DataFrame(findings, columns=CHECK_COLUMNS)


CAP = 20.0
"""Since 2018, those rated excellent may not exceed 20 % of those rated good."""


CAP_ROUNDING = 0.5


def check_excellent_cap(summary: pd.DataFrame) -> pd.DataFrame:
    """Returns, for each 2018-scheme distribution with both figures, excellent as a percent
    of good, whether it is at the cap (within half a point of 20 %) or above it.

    "Those rated good" is read two ways: good alone (`ratio_percent`) or good and excellent
    together (`ratio_of_good_or_above_percent`). A distribution is `above_cap` only when it
    breaks the rule under both readings (Chương Mỹ 2022: 10 excellent is 21.7 % of 46 good
    but 17.9 % of 56, so it is not a breach); `at_cap` when either reading is at 20 %.

    Uses exact counts where both are counts, else the stated or computed shares (excellent
    share ÷ good share is the same ratio).

    Returns:
        Columns district_id, period, subject, excellent, good, ratio_percent,
        ratio_of_good_or_above_percent, at_cap, above_cap, fact_ids.
    """
    rows = []
    parts = summary[(summary["scheme"] == "2018") & ~summary["cumulative"]]
    for (district, period, _, subject), group in parts.groupby(KEYS, dropna=False, sort=True):
        cells = group.set_index("category")
        if not {"excellent", "good"} <= set(cells.index):
            continue
        exact = all(
            cells.at[c, "count_basis"] in ("stated", "derived: total minus the other counts")
            for c in ("excellent", "good")
        )
        column = "count" if exact else "share"
        excellent, good = cells.at["excellent", column], cells.at["good", column]
        if pd.isna(excellent) or pd.isna(good) or not good:
            continue
        ratio = excellent / good * 100
        lenient = excellent / (excellent + good) * 100
        rows.append(
            {
                "district_id": district,
                "period": period,
                "subject": subject,
                "excellent": excellent,
                "good": good,
                "ratio_percent": ratio,
                "ratio_of_good_or_above_percent": lenient,
                "at_cap": min(abs(ratio - CAP), abs(lenient - CAP)) <= CAP_ROUNDING,
                "above_cap": lenient > CAP + CAP_ROUNDING,
                "fact_ids": join_ids(group["fact_ids"]),
            }
        )
    columns = [
        "district_id", "period", "subject", "excellent", "good", "ratio_percent",
        "ratio_of_good_or_above_percent", "at_cap", "above_cap", "fact_ids",
    ]  # fmt: skip
    return pd.DataFrame(rows, columns=columns)


def share_differences(summary: pd.DataFrame, category: str = "good_or_above") -> pd.DataFrame:
    """Returns the exact difference of one category's share between every two districts rated
    in the same year under the same scheme (ratings are a census: no sampling error).

    Returns:
        Columns year, scheme, subject, district_id, other_district_id, share, other_share,
        difference (percentage points, district minus other), derived (always True), fact_ids.
    """
    rows = summary[(summary["category"] == category) & summary["year"].notna()]
    rows = rows.dropna(subset=["share"])
    pairs = rows.merge(rows, on=["year", "scheme", "subject"], suffixes=("", "_other"))
    pairs = pairs[pairs["district_id"] < pairs["district_id_other"]]
    return pd.DataFrame(
        {
            "year": pairs["year"],
            "scheme": pairs["scheme"],
            "subject": pairs["subject"],
            "district_id": pairs["district_id"],
            "other_district_id": pairs["district_id_other"],
            "share": pairs["share"],
            "other_share": pairs["share_other"],
            "difference": pairs["share"] - pairs["share_other"],
            "derived": True,
            "fact_ids": [
                join_ids(p) for p in zip(pairs["fact_ids"], pairs["fact_ids_other"], strict=True)
            ],
        }
    ).reset_index(drop=True)
