"""Funnel and caterpillar plots."""

import sys

import numpy as np
import pandas as pd
import pytest

from analysis.compare.funnel import Position, compute_funnel, funnel_curves
from analysis.compare.shrinkage import shrink_estimates
from analysis.present.comparison_plots import plot_caterpillar, plot_funnel

PNG = b"\x89PNG\r\n\x1a\n"


def panel(n: int = 30, seed: int = 3) -> pd.DataFrame:
    """Test data: Poisson counts around 4 per 100, two districts far above."""
    rng = np.random.default_rng(seed)
    exposure = rng.integers(500, 8000, n).astype(float)
    numerator = rng.poisson(0.04 * exposure).astype(float)
    numerator[:2] *= 3
    return pd.DataFrame(
        {
            "district_id": [f"id-{i:02d}" for i in range(n)],
            "indicator": "admissions per 100 members",
            "window": "2020–2025",
            "kind": "rate",
            "numerator": numerator,
            "exposure": exposure,
            "district": [f"Huyện Thử {i}" for i in range(n)],
        }
    )


def test_funnel_plot_labels_outliers_by_name():
    table = compute_funnel(panel())
    chart = plot_funnel(table, funnel_curves(table))
    data, metadata = chart._repr_png_()
    assert data.startswith(PNG) and metadata["alt"] == chart.title
    assert "30 districts" in chart.title and "2020–2025" in chart.title
    labels = {t.get_text() for t in chart.figure.axes[0].texts}
    outside = table[table["position_998"] != Position.WITHIN]
    assert len(outside) >= 2 and labels == set(outside["district"])
    assert not any(label.startswith("id-") for label in labels)


def test_funnel_plot_takes_names_from_a_mapping():
    data = panel().drop(columns="district")
    table = compute_funnel(data)
    names = {i: f"Tên {i[-2:]}" for i in data["district_id"]}
    chart = plot_funnel(table, funnel_curves(table), names=names)
    labels = {t.get_text() for t in chart.figure.axes[0].texts}
    assert labels and all(label.startswith("Tên ") for label in labels)


def test_caterpillar_is_ordered_by_estimate_with_rank_intervals():
    table = shrink_estimates(panel(), draws=300)
    chart = plot_caterpillar(table, highlight="id-05")
    assert chart._repr_png_()[0].startswith(PNG)
    ticks = [t.get_text() for t in chart.figure.axes[0].get_yticklabels()]
    expected = table.sort_values("estimate", ascending=False)["district"].tolist()
    assert [t.split(" · ")[0] for t in ticks] == expected
    assert "rank 1 (" in ticks[0]


def test_long_caterpillar_names_only_the_highlighted_district():
    table = shrink_estimates(panel(60), draws=100)
    ticks = [t.get_text() for t in plot_caterpillar(table, highlight="id-07").figure.axes[0].get_yticklabels()]  # fmt: skip
    assert len(ticks) == 1 and ticks[0].startswith("Huyện Thử 7 ·")


def test_nothing_to_show_gives_a_message():
    data = panel(3)
    chart = plot_caterpillar(shrink_estimates(data))
    assert chart._repr_png_()[0].startswith(PNG)
    assert "too few" in chart.figure.axes[0].texts[0].get_text()
    data["numerator"] = np.nan
    table = compute_funnel(data)
    assert (
        "No district has"
        in plot_funnel(table, funnel_curves(table)).figure.axes[0].texts[0].get_text()
    )


def test_a_comparison_must_be_chosen_when_there_are_several():
    data = pd.concat([panel(), panel(seed=4).assign(window="2015–2020")], ignore_index=True)
    table = compute_funnel(data)
    curves = funnel_curves(table)
    with pytest.raises(ValueError, match="several values of window"):
        plot_funnel(table, curves)
    chart = plot_funnel(table, curves, window="2015–2020")
    assert "2015–2020" in chart.title
    drawn = chart.figure.axes[0].lines[0].get_xdata()
    expected = curves.loc[curves["window"] == "2015–2020", "exposure"].to_numpy()
    assert list(drawn) == list(expected)  # the curve of the window shown
    with pytest.raises(ValueError, match="no comparison has indicator"):
        plot_funnel(table, curves, indicator="expulsions")


def test_plots_do_not_use_pyplot():
    table = compute_funnel(panel())
    plot_funnel(table, funnel_curves(table))._repr_png_()
    pyplot = sys.modules.get("matplotlib.pyplot")
    assert pyplot is None or not pyplot.get_fignums()


def _texts(figure) -> list[str]:
    """Every text drawn in a figure: titles, axis labels, ticks, annotations, legends."""
    return [t.get_text() for t in figure.findobj(lambda a: hasattr(a, "get_text")) if t.get_text()]


def test_vietnamese_charts_draw_no_english_word():
    from analysis.present.comparison_words import CHART_WORDS

    funnel = compute_funnel(panel().assign(indicator="admissions"))
    shrunk = shrink_estimates(panel().assign(indicator="admissions"))
    english = [w for w in CHART_WORDS["en"].values() if "{" not in w] + ["districts", "rank"]
    for chart in (plot_funnel(funnel, funnel_curves(funnel), lang="vi"),
                  plot_caterpillar(shrunk, highlight="id-05", lang="vi")):  # fmt: skip
        texts = " | ".join(_texts(chart.figure))
        title = " ".join(chart.title.split())
        assert "kết nạp / 100 đảng viên / năm" in title and "30 đơn vị" in title
        assert not [w for w in english if w in texts], texts
        assert "giá trị" in texts or "ước lượng" in texts


def test_english_charts_keep_their_words():
    funnel = compute_funnel(panel())
    texts = _texts(plot_funnel(funnel, funnel_curves(funnel)).figure)
    assert "pooled value" in texts and "per 100" in texts
    assert any(t.startswith("exposure (member-years); limits") for t in texts)


def _pixels(png: bytes) -> np.ndarray:
    from io import BytesIO

    from PIL import Image

    return np.asarray(Image.open(BytesIO(png)).convert("RGBA"))


@pytest.mark.parametrize("n", [30, 60])
def test_a_marked_caterpillar_is_the_highlighted_one(n, monkeypatch):
    """Drawn once and marked per district (`mark_caterpillar`): up to `MAX_LABELLED`
    districts the very picture `plot_caterpillar(highlight=...)` draws; beyond, the same
    marks with the district's label, the margin left for it rounded up."""
    from analysis.present import chart_marks
    from analysis.present.comparison_plots import MAX_LABELLED, mark_caterpillar

    monkeypatch.setattr(chart_marks, "_bases", chart_marks.OrderedDict())
    monkeypatch.setattr(chart_marks, "drawn", 0)
    table = shrink_estimates(panel(n), draws=100)
    window = table["window"].iloc[0]
    marked = {d: mark_caterpillar(table, table["indicator"].iloc[0], window, d) for d in ("id-05", "id-07")}  # fmt: skip
    full = _pixels(plot_caterpillar(table, highlight="id-05")._repr_png_()[0])
    got = _pixels(marked["id-05"]._repr_png_()[0])
    assert got.shape == full.shape
    difference = (got != full).any(axis=2).mean()
    if n <= MAX_LABELLED:
        assert chart_marks.drawn == 1 and difference == 0
    else:
        assert chart_marks.drawn <= 2 and difference < 0.15  # the margin differs a little
    assert marked["id-05"].png != marked["id-07"].png
    assert marked["id-05"].title == plot_caterpillar(table).title


def test_the_mark_names_a_district_only_where_the_funnel_does_not():
    """A district report rings its district on the funnel; the name is written only when
    the funnel itself does not name the district (else the two names overlap)."""
    from analysis.present.comparison_plots import funnel_names_district

    small = compute_funnel(panel(10))
    assert all(funnel_names_district(small, d) for d in small["district_id"])
    large = compute_funnel(panel(30))
    outside = large[large["position_998"] != Position.WITHIN]["district_id"]
    within = large[large["position_998"] == Position.WITHIN]["district_id"]
    assert len(outside) and all(funnel_names_district(large, d) for d in outside)
    assert not any(funnel_names_district(large, d) for d in within)
