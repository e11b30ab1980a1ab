"""Poisson and negative-binomial models across districts, on simulated test data."""

import numpy as np
import pandas as pd
import pytest

from analysis.compare.inputs import ComparisonInputError
from analysis.compare.model import MIN_UNITS_PER_WINDOW, Family, TooFewUnits, fit_count_model

RATIOS = {"Đồng bằng sông Hồng": 1.0, "Tây Nguyên": 1.5, "Đông Nam Bộ": 0.8}


def districts(n: int = 150, seed: int = 1, spread: float = 0.0) -> pd.DataFrame:
    """Test data: known rate ratios between regions; gamma spread between districts if
    `spread` > 0 (coefficient of variation), otherwise pure Poisson counts."""
    rng = np.random.default_rng(seed)
    region = rng.choice(sorted(RATIOS), n)
    exposure = rng.uniform(1000, 20000, n)
    rate = 0.03 * np.array([RATIOS[r] for r in region])
    if spread:
        rate = rate * rng.gamma(1 / spread**2, spread**2, n)
    return pd.DataFrame(
        {
            "district_id": [f"d-{i:03d}" for i in range(n)],
            "indicator": "admissions per 100 members",
            "window": "2020–2025",
            "kind": "rate",
            "numerator": rng.poisson(rate * exposure).astype(float),
            "exposure": exposure,
            "region": region,
        }
    )


def test_poisson_recovers_known_rate_ratios():
    model = fit_count_model(districts(), "admissions per 100 members", effects=["region"])
    ratios = model.rate_ratios.set_index("level")
    assert set(ratios["reference"]) == {model.rate_ratios["reference"].iloc[0]}
    reference = ratios["reference"].iloc[0]
    for level, row in ratios.iterrows():
        truth = RATIOS[level] / RATIOS[reference]
        assert row["low"] < truth < row["high"]
        assert row["rate_ratio"] == pytest.approx(truth, rel=0.03)
    assert model.baseline["rate"] == pytest.approx(3.0 * RATIOS[reference], rel=0.03)
    assert model.dispersion == pytest.approx(1, abs=0.25)
    assert model.dispersion_tests["p_value"].iloc[0] > 0.05
    assert "no over-dispersion" in model.reading


def test_negative_binomial_for_over_dispersed_counts():
    data = districts(300, seed=2, spread=0.3)
    poisson = fit_count_model(data, "admissions per 100 members", effects=["region"])
    assert poisson.dispersion > 3 and poisson.dispersion_tests["p_value"].iloc[0] < 0.001
    assert "prefer the negative binomial" in poisson.reading
    nb = fit_count_model(data, "admissions per 100 members", effects=["region"], family=Family.NEGATIVE_BINOMIAL)  # fmt: skip
    assert nb.alpha == pytest.approx(0.09, rel=0.35)  # α = CV² of the gamma spread
    assert nb.dispersion == pytest.approx(1, abs=0.3)
    for _, row in nb.rate_ratios.iterrows():
        assert row["low"] < RATIOS[row["level"]] / RATIOS[row["reference"]] < row["high"]
    widths = lambda m: (m.rate_ratios["high"] / m.rate_ratios["low"]).to_numpy()  # noqa: E731
    assert (widths(nb) > widths(poisson)).all()  # honest, wider intervals
    assert len(nb.dispersion_tests) == 2


def test_cells_residuals_and_excluded_districts():
    data = districts(40)
    data.loc[3, "numerator"] = np.nan
    model = fit_count_model(data, "admissions per 100 members", effects=["region"])
    assert model.excluded == ["d-003"] and model.n_units == 39
    assert model.cells["districts"].sum() == 39 and set(model.cells["region"]) == set(RATIOS)
    assert len(model.residuals) == 39
    assert set(model.diagnostics) >= {"deviance", "pearson_chi2", "df_resid", "aic"}
    assert model.windows == {"2020–2025": 39}


def test_refused_with_fewer_than_ten_districts_in_a_window():
    data = pd.concat([districts(30), districts(MIN_UNITS_PER_WINDOW - 1, seed=3).assign(window="2015–2020")])  # fmt: skip
    with pytest.raises(TooFewUnits) as error:
        fit_count_model(data, "admissions per 100 members")
    message = str(error.value)
    assert "'2015–2020': 9" in message and "at least 10" in message
    model = fit_count_model(data, "admissions per 100 members", windows=["2020–2025"])
    assert model.n_units == 30


def test_year_effects_across_windows():
    data = pd.concat([districts(60, seed=4).assign(window="2022", year="2022"), districts(60, seed=5).assign(window="2023", year="2023")])  # fmt: skip
    data.loc[data["year"] == "2023", "numerator"] = np.round(data.loc[data["year"] == "2023", "numerator"] * 1.2)  # fmt: skip
    model = fit_count_model(data, "admissions per 100 members", effects=["region", "year"])
    year = model.rate_ratios[model.rate_ratios["effect"] == "year"].iloc[0]
    assert year["level"] == "2023" and year["reference"] == "2022"  # tie: first alphabetically
    assert year["low"] < 1.2 < year["high"]
    assert len(model.cells) == 6


def test_unusable_requests_are_refused_clearly():
    data = districts(30)
    with pytest.raises(ComparisonInputError, match="effect column"):
        fit_count_model(data, "admissions per 100 members", effects=["province"])
    with pytest.raises(ComparisonInputError, match="needs a rate"):
        fit_count_model(data.assign(kind="share", exposure=10_000.0), "admissions per 100 members")  # fmt: skip
    with pytest.raises(ComparisonInputError, match="no row has the indicator"):
        fit_count_model(data, "expulsions")
    confounded = data.assign(zone=data["region"])
    with pytest.raises(ComparisonInputError, match="cannot be told apart"):
        fit_count_model(confounded, "admissions per 100 members", effects=["region", "zone"])
