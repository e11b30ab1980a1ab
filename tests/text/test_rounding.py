import math

import pytest

from analysis.text.rounding import (
    CONSISTENT,
    DIFFERS,
    DOUBLE_ROUNDED,
    TRUNCATED,
    compare_to_stated,
    rounding_tolerance,
    stated_decimals,
)


@pytest.mark.parametrize(
    ("value", "decimals"), [(117.3, 1), (100.0, 0), (94.11, 2), (15.2, 1), (0.1, 1)]
)
def test_stated_decimals(value, decimals):
    assert stated_decimals(value) == decimals


@pytest.mark.parametrize(
    ("computed", "stated", "qualifier", "status"),
    [
        (117.25, 117.3, None, CONSISTENT),  # Sốp Cộp: 469/400
        (14.634, 15.2, None, DIFFERS),  # Sốp Cộp: 6/41
        (78.0488, 78.1, None, DOUBLE_ROUNDED),  # 32/41 → 78.05 → 78.1
        (94.1176, 94.11, None, TRUNCATED),  # Long Thành: 80/85, truncated
        (94.1276, 94.11, None, DIFFERS),
        (79.41, 79, None, CONSISTENT),
        (38.97, 38.1, ">", CONSISTENT),
        (37.0, 38.1, ">", DIFFERS),
        (10800, 11000, "~", CONSISTENT),
    ],
)
def test_compare_to_stated(computed, stated, qualifier, status):
    assert compare_to_stated(computed, stated, qualifier)[0] == status


def test_missing_values_compare_to_nothing():
    status, difference = compare_to_stated(math.nan, 1.0)
    assert status == "" and math.isnan(difference)


def test_rounding_tolerance():
    assert rounding_tolerance(117.3) == pytest.approx(0.05)
