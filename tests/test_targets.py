import pytest

from analysis.targets import assess_targets, compare_stated_attainment

from conftest import dataset_with, fact

SOP = "sop-cop-son-la"


def test_sop_cop_attainment(embedded):
    stated = compare_stated_attainment(embedded)
    row = stated[stated["district_id"] == SOP].iloc[0]
    assert row["computed_attainment_percent"] == pytest.approx(117.25)
    assert row["stated_attainment_percent"] == 117.3
    assert row["check"] == "consistent"
    targets = assess_targets(embedded)
    target = targets[targets["district_id"] == SOP].iloc[0]
    assert target["status"] == "met"
    assert target["attainment_percent"] == pytest.approx(117.25)
    elapsed = (3 + 207 / 366) / 5  # congress 1 July 2020 – 23 Jan 2024, of a 5-year term
    assert target["share_elapsed"] == pytest.approx(elapsed)
    assert target["expected_attainment_percent"] == pytest.approx(elapsed * 100)
    assert target["projected_total"] == pytest.approx(469 / elapsed)
    assert target["stated_check"] == "consistent"


def test_truncated_attainment_is_consistent(embedded):
    stated = compare_stated_attainment(embedded)
    row = stated[stated["district_id"] == "long-thanh-dong-nai"].iloc[0]
    assert row["computed_attainment_percent"] == pytest.approx(94.1176, abs=1e-4)
    assert row["check"] == "consistent if truncated"


def test_implied_target_when_none_is_stated(embedded):
    stated = compare_stated_attainment(embedded)
    row = stated[stated["district_id"] == "binh-xuyen-vinh-phuc"].iloc[0]
    assert row["implied_target"] == pytest.approx(124 / 0.69)


def test_percent_above_target_counts_as_attainment(embedded):
    stated = compare_stated_attainment(embedded)
    row = stated[(stated["district_id"] == "kim-thanh-hai-duong")].iloc[0]
    assert row["stated_attainment_percent"] == 108
    assert row["implied_target"] == pytest.approx(162 / 1.08)


def _status(tmp_path, facts, name="t"):
    table = assess_targets(dataset_with(tmp_path, facts, name))
    return table.iloc[0]


def _target(value, start="2021", end="2021", basis="total", **extra):
    return fact(
        "t", SOP, "admissions", "target", start, end, value, comparator=">=", basis=basis, **extra
    )


@pytest.mark.parametrize(
    ("flow_end", "value", "status"),
    [
        ("2021-06-30", "60", "on track"),  # 60 % at 50 % of the year
        ("2021-06-30", "40", "behind"),
        ("2021-06-30", "100", "met"),
        ("2021-12-31", "90", "not met"),
    ],
)
def test_count_target_statuses(tmp_path, flow_end, value, status):
    row = _status(
        tmp_path,
        [_target("100"), fact("f", SOP, "admissions", "flow", "2021-01-01", flow_end, value)],
    )
    assert row["status"] == status


def test_target_without_figures_is_not_measurable(tmp_path):
    assert _status(tmp_path, [_target("100")])["status"] == "not yet measurable"


def test_per_year_target_compares_the_average(tmp_path):
    facts = [
        _target("90", "2021", "2025", basis="per_year"),
        fact("a", SOP, "admissions", "flow", "2021", "2021", "100"),
        fact("b", SOP, "admissions", "flow", "2022", "2022", "80"),
    ]
    row = _status(tmp_path, facts)
    assert row["achieved"] == 180
    assert row["attainment_percent"] == pytest.approx(90 / 90 * 100)
    assert row["status"] == "on track"
    assert row["target_total"] == 90 * 5


def test_share_target_each_year(tmp_path):
    target = fact(
        "t",
        SOP,
        "evaluation",
        "target",
        "2021",
        "2022",
        "90",
        unit="percent",
        comparator=">=",
        basis="each_year",
        subject="organization",
        category="good_or_above",
    )
    share = fact(
        "s",
        SOP,
        "evaluation",
        "stock",
        "",
        "2021",
        "92",
        unit="percent",
        subject="organization",
        category="good_or_above",
    )
    low = fact(
        "u",
        SOP,
        "evaluation",
        "stock",
        "",
        "2022",
        "85",
        unit="percent",
        subject="organization",
        category="good_or_above",
    )
    assert _status(tmp_path, [target, share], "a")["status"] == "on track"
    assert _status(tmp_path, [target, share, low], "b")["status"] == "not met"
