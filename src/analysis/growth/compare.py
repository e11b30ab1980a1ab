"""Districts compared by their latest figures, within a region or a province."""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.selection import count_ids, label_districts
from analysis.growth.admissions import admissions_per_year
from analysis.growth.stocks import compute_growth, stock_series
from analysis.memo import memoize
from analysis.text.phrases import Wording


def _latest(series: pd.DataFrame, metric: str) -> pd.DataFrame:
    levels = series[series["metric"] == metric].sort_values(
        ["date", "derived"], ascending=[True, False]
    )
    return levels.groupby("district_id").tail(1).set_index("district_id")


@memoize
def compare_districts(dataset: Dataset) -> pd.DataFrame:
    """Returns one row per district with its latest figures, ranks and support.

    Figures of different districts come from different dates; each comes with its date so
    that a reader can judge whether a comparison is fair. Ranks are 1 for the highest value
    among the districts that have the figure. Only comparable windows enter: admissions over
    at least six months that are not year-to-date (`ranked` in admissions_per_year), growth
    over at least a year; shorter spans are shown in their own tables, never annualised here.
    `admissions_members` is the membership paired with the admissions' own period (at its
    start or within it), used for per-100 rates and the fit.

    Returns:
        Columns district_id, district, district_type, province, region, members,
        members_date, members_facts, base_organizations, base_organizations_date,
        base_organizations_facts, admissions_per_year, admissions_period, admissions_facts,
        admissions_per_100_members, admissions_members, admissions_members_date,
        members_cagr_percent, members_cagr_years, the rank_*
        columns, and n_facts.
    """
    series = stock_series(dataset)
    members = _latest(series, "party_members")
    organizations = _latest(series, "base_organizations")
    per_year = admissions_per_year(dataset)
    per_year = per_year[per_year["ranked"].astype(bool)].sort_values(["period_end", "years"])
    admissions = per_year.groupby("district_id").tail(1).set_index("district_id")
    growth = compute_growth(dataset, ("party_members",))
    growth = growth[~growth["short_span"].astype(bool)]
    growth = (
        growth[growth["pair"] != "consecutive"].combine_first(growth) if len(growth) else growth
    )
    growth = growth.sort_values("years").groupby("district_id").tail(1).set_index("district_id")

    table = dataset.districts[["district_id"]].set_index("district_id")
    table["members"] = members["value"]
    table["members_date"] = members["date"]
    table["members_facts"] = count_ids(members["fact_ids"])
    table["base_organizations"] = organizations["value"]
    table["base_organizations_date"] = organizations["date"]
    table["base_organizations_facts"] = count_ids(organizations["fact_ids"])
    table["admissions_per_year"] = admissions["per_year"]
    table["admissions_period"] = admissions["period"]
    table["admissions_facts"] = count_ids(admissions["fact_ids"])
    table["admissions_per_100_members"] = admissions["per_100_members"]
    table["admissions_members"] = admissions["members"]
    table["admissions_members_date"] = admissions["members_date"]
    table["members_cagr_percent"] = growth["cagr_percent"] if len(growth) else np.nan
    table["members_cagr_years"] = growth["years"] if len(growth) else np.nan
    for column in (
        "members",
        "admissions_per_year",
        "admissions_per_100_members",
        "members_cagr_percent",
    ):
        table[f"rank_{column}"] = table[column].rank(ascending=False, method="min").astype("Int64")
    for column in ("members_facts", "base_organizations_facts", "admissions_facts"):
        table[column] = table[column].fillna(0).astype(int)
    table["n_facts"] = (
        dataset.facts.groupby("district_id").size().reindex(table.index).fillna(0).astype(int)
    )
    return label_districts(table.reset_index(), dataset)


def keep_province(comparison: pd.DataFrame, district_id: str) -> pd.DataFrame:
    """Returns the rows of `compare_districts` for the province of one district, with the
    number of districts its ranks were computed over (`ranked_among`)."""
    province = comparison.loc[comparison["district_id"] == district_id, "province"].iloc[0]
    rows = comparison[comparison["province"] == province].assign(ranked_among=len(comparison))
    return rows.sort_values("rank_admissions_per_100_members", na_position="last").reset_index(
        drop=True
    )


def fit_admissions_vs_members(comparison: pd.DataFrame) -> dict | None:
    """Fits admissions per year ∝ members^slope across districts (OLS on logarithms).

    A slope of 1 means districts admit in proportion to their size. Each district's
    admissions are paired with its membership at the start of (or within) the same period
    (`admissions_members`), never with a figure from another period. Districts come from
    different years, and each district counts once, so the fit describes
    this collection of figures, not a causal relation.

    Args:
        comparison: The table of `compare_districts`.

    Returns:
        slope, its 95 % interval, intercept, r_squared, n, p_value (slope = 0) and a reading;
        None with fewer than three districts having both figures.
    """
    import statsmodels.api as sm

    rows = comparison.dropna(subset=["admissions_members", "admissions_per_year"])
    rows = rows[(rows["admissions_members"] > 0) & (rows["admissions_per_year"] > 0)]
    if len(rows) < 3:
        return None
    x = sm.add_constant(np.log(rows["admissions_members"].to_numpy(dtype=float)))
    model = sm.OLS(np.log(rows["admissions_per_year"].to_numpy(dtype=float)), x).fit()
    low, high = model.conf_int(0.05)[1]
    slope = float(model.params[1])
    verdict = "as_many" if low <= 1 <= high else ("fewer" if high < 1 else "more")
    reading = Wording(
        "fit_reading", n=len(rows), slope=slope, low=low, high=high, verdict=Wording(verdict)
    )
    return {
        "slope": slope,
        "slope_low": float(low),
        "slope_high": float(high),
        "intercept": float(model.params[0]),
        "r_squared": float(model.rsquared),
        "n": len(rows),
        "p_value": float(model.pvalues[1]),
        "reading": reading,
    }
