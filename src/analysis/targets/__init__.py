"""Targets: how far each district is from its goals, and whether stated attainments add up.

Status rules (`assess_targets`):

* count targets (admissions over a term or a year, basis `total`): the achievement is the
  sum of non-overlapping admissions flows that run on from the target's start. *met* when
  it reaches 100 % of the target; *not met* when the period is over without reaching it;
  otherwise *on track* when the attainment is at least the share of the period elapsed
  (pro rata), else *behind*. The projection extends the pace so far to the period's end;
* average targets ("at least 90 a year", basis `per_year`): the attainment is the average
  per year so far against the yearly target, so it does not depend on how many years the
  period counts. *met* when the period is over at 100 % or more; otherwise *on track* at
  100 % or more, else *behind* (*not met* once the period is over);
* level targets (`each_year`: a share of organisations rated good or above, an admission
  rate): every measured year within the period is compared with the target. *met* when all
  years of the period are measured and meet it; *on track* when the measured years meet it
  but the period has years not measured; *behind* when a measured year misses it and the
  period is not over; *not met* when a year misses it and the period is over;
* *not yet measurable* when no achievement in the target's period is in the data.

"Over" means the latest figure in the data is dated at or after the period's end.
"""

from analysis.targets.assess import assess_targets, count_statuses
from analysis.targets.attainment import compare_stated_attainment
from analysis.targets.status import (
    BEHIND,
    DAY,
    MET,
    NOT_MEASURABLE,
    NOT_MET,
    ON_TRACK,
    TARGET_KEYS,
    UNDETERMINED,
    TargetStatus,
)

__all__ = [
    "BEHIND",
    "DAY",
    "MET",
    "NOT_MEASURABLE",
    "NOT_MET",
    "ON_TRACK",
    "TARGET_KEYS",
    "UNDETERMINED",
    "TargetStatus",
    "assess_targets",
    "compare_stated_attainment",
    "count_statuses",
]
