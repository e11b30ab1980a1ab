"""What the district report shows of the comparisons across districts."""

from analysis.compare import tables as compared
from analysis.present import comparisons


def test_one_window_per_indicator_is_drawn_the_widest_then_the_latest(embedded, monkeypatch):
    funnel, shrunk = compared.funnel_table(embedded), compared.shrinkage_table(embedded)
    drawn = []
    monkeypatch.setattr(comparisons, "display", lambda chart: None)
    monkeypatch.setattr(
        comparisons,
        "_marked_funnel",
        lambda rows, row, lang: drawn.append(("funnel", row.indicator, row.window)),
    )
    monkeypatch.setattr(
        comparisons,
        "mark_caterpillar",
        lambda s, i, w, district, lang: drawn.append(("estimates", i, w)),
    )
    counts = funnel.groupby(["district_id", "indicator"])["window"].nunique()
    district = counts[counts > 1].index[0][0]  # a district compared in several windows
    comparisons.show_district_charts(funnel, shrunk, district)

    mine = funnel[funnel["district_id"] == district]
    for indicator, own in mine.groupby("indicator"):
        widest = own[own["n_districts"] == own["n_districts"].max()]
        expected = widest["window"].max()
        windows = {w for kind, i, w in drawn if i == indicator}
        n = int(widest["n_districts"].iloc[0])
        assert windows == ({expected} if n >= comparisons.MIN_DISTRICTS_FOR_DISPERSION else set())
    assert (
        len(drawn)
        <= 2 * mine["indicator"].nunique()
        < 2 * len(mine[["indicator", "window"]].drop_duplicates())
    )


def test_the_position_table_shows_rates_per_100_with_two_decimals(embedded, monkeypatch):
    import re

    shown = []
    monkeypatch.setattr(comparisons, "display", shown.append)
    funnel, shrunk = compared.comparison_tables(embedded, "vi")
    position = compared.locate_district(funnel, shrunk, "sop-cop-son-la")
    comparisons.show_position(position, "vi")
    page = shown[0].data
    assert "<th>Giá trị trên 100</th>" in page and "<th>Giá trị chung</th>" in page
    assert "Chỉ tiêu đặt ra" not in page  # the pooled value is not a target set
    row = page.split("<tr", 3)[2]  # admissions per 100 members per year, 2020–2025
    value, pooled = re.findall(r"<td>(\d+,\d\d)</td>", row)[:2]
    expected = position["value"].iloc[0]
    assert value == f"{expected:.2f}".replace(".", ",") and pooled == "2,42"
    assert "nhiệm kỳ 2020–2025" in row


def test_the_count_model_reading_is_said_in_either_language():
    import numpy as np
    import pandas as pd

    from analysis.compare.model import Family, fit_count_model

    rng = np.random.default_rng(2)
    exposure = rng.uniform(1000, 20000, 40)
    data = pd.DataFrame({
        "district_id": [f"d-{i:02d}" for i in range(40)], "indicator": "admissions",
        "window": "2020–2025", "kind": "rate", "numerator": rng.poisson(0.03 * exposure).astype(float),
        "exposure": exposure, "region": rng.choice(["Tây Nguyên", "Đông Nam Bộ"], 40),
    })  # fmt: skip
    model = fit_count_model(data, "admissions", effects=["region"], family=Family.NEGATIVE_BINOMIAL)
    english = model.reading.replace("model of admissions over", "model of admissions per 100 members per year over")  # fmt: skip
    reading = comparisons.model_reading(model)
    assert reading == english  # what the English pages showed, word for word
    vietnamese = reading.say("vi")
    assert vietnamese.startswith("Mô hình nhị thức âm cho kết nạp / 100 đảng viên / năm trên 2020–2025 (40 đơn vị)")  # fmt: skip
    assert "Poisson model allows" not in vietnamese and "districts" not in vietnamese
