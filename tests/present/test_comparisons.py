"""What the district report shows of the comparisons across districts."""

from analysis.compare import tables as compared
from analysis.present import comparisons


def test_one_window_per_indicator_is_drawn_the_widest_then_the_latest(embedded, monkeypatch):
    funnel, shrunk = compared.funnel_table(embedded), compared.shrinkage_table(embedded)
    drawn = []
    monkeypatch.setattr(comparisons, "display", lambda chart: None)
    monkeypatch.setattr(
        comparisons, "plot_funnel", lambda rows, curves, i, w, lang: drawn.append(("funnel", i, w))
    )
    monkeypatch.setattr(
        comparisons,
        "plot_caterpillar",
        lambda s, i, w, highlight, lang: drawn.append(("estimates", i, w)),
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
