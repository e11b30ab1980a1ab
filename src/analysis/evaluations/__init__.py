"""Annual evaluations: distributions over rating categories and their consistency.

Sources state ratings as counts, as shares, or both, often for only some categories. This
module rebuilds each distribution (district, period, subject) under the rating scheme of its
year, derives what follows from what is stated (a share from a count and the total, a missing
count from the total), and checks what does not add up, including the rule that those rated
excellent may not exceed 20 % of those rated good.

Ratings cover every organisation or member of a district: a census, not a sample. Shares and
the differences between districts are exact (`share_differences`), so no sampling interval is
attached; the one test offered (`test_homogeneity`) is model-based and says so.
"""

from analysis.evaluations.checks import (
    CAP,
    CAP_ROUNDING,
    check_evaluations,
    check_excellent_cap,
    share_differences,
)
from analysis.evaluations.distributions import (
    KEYS,
    PRE2018_ONLY,
    TOTAL_WINDOW_AFTER,
    TOTAL_WINDOW_BEFORE,
    evaluation_figures,
    rating_scheme,
    summarize_evaluations,
)
from analysis.evaluations.homogeneity import (
    HomogeneityTest,
    NotTestable,
    contingency_table,
    homogeneity_table,
    test_homogeneity,
)

__all__ = [
    "CAP",
    "CAP_ROUNDING",
    "KEYS",
    "PRE2018_ONLY",
    "TOTAL_WINDOW_AFTER",
    "TOTAL_WINDOW_BEFORE",
    "HomogeneityTest",
    "NotTestable",
    "check_evaluations",
    "check_excellent_cap",
    "contingency_table",
    "evaluation_figures",
    "homogeneity_table",
    "rating_scheme",
    "share_differences",
    "summarize_evaluations",
    "test_homogeneity",
]
