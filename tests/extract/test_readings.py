from analysis.extract.quantities import Quantity
from analysis.extract.readings import Reading, other_reading, target_readings


def test_a_range_target_is_two_bounds_with_their_own_offsets():
    q = Quantity(10, 16, 90.0, high=(100.0, 13, 16), first_end=12)
    goal = Reading(10, 16, "admissions", "target", 90.0, comparator="=", rule="admissions-target")
    low, high = target_readings(goal, q)
    assert (low.start, low.end, low.value, low.comparator) == (10, 12, 90.0, ">=")
    assert (high.start, high.end, high.value, high.comparator) == (13, 16, 100.0, "<=")
    assert low.rule == high.rule == "admissions-target-range"


def test_a_single_target_stays_as_read():
    goal = Reading(0, 3, "admissions", "target", 450.0, comparator=">=")
    assert target_readings(goal, Quantity(0, 3, 450.0)) == [goal]


def test_other_keeps_the_unit_and_says_why():
    found = other_reading(Quantity(4, 8, 12.5, percent=True), "no-metric")
    assert (found.metric, found.unit, found.rule, found.confidence) == (
        "other",
        "percent",
        "other:no-metric",
        0.2,
    )
