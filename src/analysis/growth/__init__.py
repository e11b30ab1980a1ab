"""Growth of membership and organisations, and the pace of admissions.

Every row carries the ids of the facts it comes from (`fact_ids`) and says whether it is
stated by a source or derived by the library (`derived`, with the `method`).
"""

from analysis.growth.admissions import (
    KIND_PRECEDENCE,
    PER_YEAR_COLUMNS,
    READING,
    admission_changes,
    admission_flows,
    admissions_per_year,
    compare_year_to_date,
)
from analysis.growth.compare import compare_districts, fit_admissions_vs_members, keep_province
from analysis.growth.stocks import (
    GROWTH_COLUMNS,
    START_SLACK_DAYS,
    STOCK_COLUMNS,
    annualised_growth,
    compute_growth,
    stock_series,
)

__all__ = [
    "GROWTH_COLUMNS",
    "KIND_PRECEDENCE",
    "PER_YEAR_COLUMNS",
    "READING",
    "START_SLACK_DAYS",
    "STOCK_COLUMNS",
    "admission_changes",
    "admission_flows",
    "admissions_per_year",
    "annualised_growth",
    "compare_districts",
    "compare_year_to_date",
    "compute_growth",
    "fit_admissions_vs_members",
    "keep_province",
    "stock_series",
]
