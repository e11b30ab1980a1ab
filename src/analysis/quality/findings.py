"""The shape of a finding, and the thresholds the checks use."""

from __future__ import annotations

import re

from analysis.text.phrases import Wording

RATE_TOLERANCE = 0.10


RISE_FACTOR = 2


RISE_MARGIN = 20


COLUMNS = [
    "district_id",
    "check",
    "what",
    "stated",
    "computed",
    "difference",
    "fact_ids",
    "found_by",
]


READER_PHRASES = re.compile(
    r"does not reconcile|inconsistent|exceeds the|oddly|also stated as|contradict|in error",
    re.IGNORECASE,
)
"""Words with which readers noted a contradiction. Notes that only explain a reading ("the
article calls it the last 10 years", "implies a 2020 plan of about 60", "80 of 85 would be
94.12") are not findings: periods and truncation are now read as the sources mean them."""


def _finding(district, check, what, stated=None, computed=None, fact_ids="", found_by=None):
    difference = None if stated is None or computed is None else stated - computed
    return {
        "district_id": district,
        "check": check,
        "what": what,
        "stated": stated,
        "computed": computed,
        "difference": difference,
        "fact_ids": fact_ids,
        "found_by": Wording("library") if found_by is None else found_by,
    }
