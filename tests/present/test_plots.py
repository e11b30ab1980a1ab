import sys

import pandas as pd
import pytest

from analysis import evaluations, growth, quality, targets
from analysis.present import plots

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize(
    "make",
    [
        lambda ds: plots.plot_stocks(growth.stock_series(ds)),
        lambda ds: plots.plot_admissions(growth.admissions_per_year(ds)),
        lambda ds: plots.plot_evaluations(evaluations.summarize_evaluations(ds)),
        lambda ds: plots.plot_exact_shares(evaluations.summarize_evaluations(ds)),
        lambda ds: plots.plot_targets(targets.assess_targets(ds)),
        lambda ds: plots.plot_ranking(
            growth.compare_districts(ds), "members", highlight="sop-cop-son-la"
        ),
        lambda ds: plots.plot_quality(quality.summarize_quality(quality.find_contradictions(ds))),
        lambda ds: plots.plot_admissions_vs_members(growth.compare_districts(ds)),
    ],
)
def test_every_chart_renders_a_png_with_alternative_text(embedded, make):
    chart = make(embedded)
    data, metadata = chart._repr_png_()
    assert data.startswith(PNG) and len(data) > 2000
    assert metadata["alt"] and metadata["alt"] == (chart.title or "Chart")


def test_charts_do_not_use_pyplot(embedded):
    plots.plot_stocks(growth.stock_series(embedded))._repr_png_()
    pyplot = sys.modules.get("matplotlib.pyplot")
    assert pyplot is None or not pyplot.get_fignums()


def test_empty_input_gives_a_message_not_an_error():
    chart = plots.plot_stocks(
        pd.DataFrame(columns=["district_id", "metric", "date", "value", "derived"])
    )
    assert chart._repr_png_()[0].startswith(PNG)
    assert "Chart" in repr(chart)


def test_evaluation_chart_shows_the_latest_distributions(embedded):
    chart = plots.plot_evaluations(evaluations.summarize_evaluations(embedded), latest=3)
    assert "latest 3 of" in chart.title
    assert len(chart.figure.axes[0].get_yticks()) == 3


def test_vietnamese_empty_charts_and_legends_say_it_in_vietnamese(embedded):
    empty = plots.plot_targets(pd.DataFrame({"attainment_percent": []}), lang="vi")
    assert empty._repr_png_()[1]["alt"] == "Không chỉ tiêu nào đo được bằng số liệu."
    chart = plots.plot_targets(targets.assess_targets(embedded), lang="vi")
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert "đạt" in legend and "met" not in legend
