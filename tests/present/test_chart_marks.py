"""Charts drawn once and marked per district (`present.chart_marks`)."""

import io

import numpy as np
import pytest
from matplotlib.figure import Figure
from PIL import Image

from analysis.present import chart_marks
from analysis.present.plots import Chart


@pytest.fixture(autouse=True)
def no_bases(monkeypatch):
    monkeypatch.setattr(chart_marks, "_bases", chart_marks.OrderedDict())
    monkeypatch.setattr(chart_marks, "drawn", 0)


def _chart() -> Chart:
    figure = Figure(figsize=(5, 3), dpi=80)
    ax = figure.add_subplot()
    rng = np.random.default_rng(3)
    ax.scatter(rng.uniform(1, 10, 200), rng.uniform(0, 5, 200), color="#78909c", s=14)
    ax.set_title("SYNTHETIC points")
    return Chart(figure)


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGBA"))


def test_a_base_is_drawn_once_and_each_mark_is_its_own(monkeypatch):
    first = chart_marks.mark_point(("k",), _chart, 2.0, 1.0, "Huyện A")
    again = chart_marks.mark_point(("k",), _chart, 2.0, 1.0, "Huyện A")
    other = chart_marks.mark_point(("k",), _chart, 8.0, 4.0, "Huyện B")
    assert chart_marks.drawn == 1
    assert first.png == again.png  # nothing of the first mark is left on the base
    assert first.png != other.png
    assert first._repr_png_()[1] == {"alt": "SYNTHETIC points"}
    chart_marks.mark_point(("another",), _chart, 2.0, 1.0, "Huyện A")
    assert chart_marks.drawn == 2


def test_the_marked_picture_is_the_full_drawing_with_the_mark():
    marked = chart_marks.mark_point(("k",), _chart, 5.0, 2.5, "Huyện Sốp Cộp")
    full = _chart()
    chart_marks.add_mark(full.figure.axes[0], 5.0, 2.5, "Huyện Sốp Cộp")
    expected = _pixels(full._repr_png_()[0])
    got = _pixels(marked.png)
    assert got.shape == expected.shape
    assert (got != expected).any(axis=2).mean() < 0.002  # edge pixels blended in another order
    blank = _pixels(chart_marks.mark_point(("k",), _chart, 50.0, 50.0, "").png)
    assert (got != blank).any(axis=2).sum() > 100  # the mark is visible
