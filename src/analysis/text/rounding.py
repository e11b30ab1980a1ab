"""Whether a computed number agrees with the rounded figure a source stated."""

from __future__ import annotations

import math

EPSILON = 1e-9

CONSISTENT = "consistent"
DOUBLE_ROUNDED = "consistent if rounded twice"
TRUNCATED = "consistent if truncated"
DIFFERS = "differs beyond rounding"


def stated_decimals(value: float) -> int:
    """Returns how many decimals a stated figure was written with (117.3 → 1, 100 → 0)."""
    text = f"{value:.10g}"
    if "e" in text or "." not in text:
        return 0
    return len(text.split(".")[1])


def rounding_tolerance(stated: float) -> float:
    """Half a unit of the last decimal written: 0.05 for 117.3, 0.5 for 79."""
    return 0.5 * 10 ** -stated_decimals(stated)


def compare_to_stated(
    computed: float, stated: float, qualifier: str | None = None
) -> tuple[str, float]:
    """Compares a computed figure with what the source stated.

    Args:
        computed: Our figure.
        stated: The source's figure.
        qualifier: The source's qualifier: '>' (more than), '<' (less than), '~' (about).

    Returns:
        (status, computed minus stated). The status is CONSISTENT within half a unit of the
        last stated decimal; DOUBLE_ROUNDED within 0.55 of a unit (78.048 rounded to 78.05,
        then to 78.1); TRUNCATED when the source cut the digits off instead of rounding
        (Long Thành: 80 / 85 = 94.1176 stated 94.11); else DIFFERS. With '>' or '<' the stated figure is a bound; with '~' a
        difference up to 5 % of the stated figure is consistent.
    """
    if computed is None or stated is None or math.isnan(computed) or math.isnan(stated):
        return "", math.nan
    difference = computed - stated
    tolerance = rounding_tolerance(stated) + EPSILON
    if qualifier == ">":
        ok = difference > -tolerance
    elif qualifier == "<":
        ok = difference < tolerance
    elif qualifier == "~":
        ok = abs(difference) <= max(tolerance, 0.05 * abs(stated))
    else:
        ok = abs(difference) <= tolerance
        if not ok and abs(difference) <= 1.1 * tolerance:
            return DOUBLE_ROUNDED, difference
        if not ok and _truncates_to(computed, stated):
            return TRUNCATED, difference
    return (CONSISTENT if ok else DIFFERS), difference


def _truncates_to(computed: float, stated: float) -> bool:
    """Whether `stated` is `computed` with the digits after its last decimal cut off."""
    scale = 10 ** stated_decimals(stated)
    return math.isclose(math.trunc(computed * scale + EPSILON) / scale, stated, abs_tol=EPSILON)
