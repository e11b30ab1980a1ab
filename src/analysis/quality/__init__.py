"""Every contradiction found in a dataset, in one table.

Contradictions are findings, not errors to fix: the figures stay as stated, and this table
says which disagree, by how much, and which facts are involved. The checks:

* ratings from 2018 on with more rated excellent than 20 % of those rated good;
* evaluation shares that do not sum to 100, shares that differ from count ÷ total, counts
  above the total rated (evaluations module);
* stated attainments that differ from admissions ÷ target beyond rounding or truncation
  (targets module);
* a stated change that disagrees with the two stocks it links;
* admissions over a period above the membership they add to;
* a group of admitted members larger than all admitted (Sa Thầy: 983 trained, 862
  admitted), or a stated share of a group that differs from its count ÷ the total;
* base party committees plus base party cells that differ from base organizations;
* a per-year target whose total over the period differs from a total target stated for the
  same period under every admissible length of the period (periods as the sources mean them);
* a rise in membership between two dates far beyond the admissions over the same dates;
* a stated admission rate more than 10 % away from admissions per 100 members (sources
  divide by membership at dates the data may not have, so small gaps are expected);
* two sources stating the same figure with different values (within one source, two values
  usually mean two different things, such as two kinds of expulsion);
* contradictions the readers noted in their own words (marked as such).
"""

from analysis.quality.contradictions import (
    CHECKS,
    find_contradictions,
    findings_by_source,
    summarize_quality,
)
from analysis.quality.findings import (
    COLUMNS,
    RATE_TOLERANCE,
    READER_PHRASES,
    RISE_FACTOR,
    RISE_MARGIN,
)

__all__ = [
    "CHECKS",
    "COLUMNS",
    "RATE_TOLERANCE",
    "READER_PHRASES",
    "RISE_FACTOR",
    "RISE_MARGIN",
    "find_contradictions",
    "findings_by_source",
    "summarize_quality",
]
