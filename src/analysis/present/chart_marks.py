"""Charts drawn once per batch and marked for each district.

A funnel plot of a national comparison is the same picture in every district report of a
batch; only the district to point out differs. Drawing it (about 0.15 s) for every report
is most of what the charts of a report cost, so a kernel draws it once, keeps the rendered
pixels (compressed), and for each report restores them and draws only the ring and name of
the district on top (Matplotlib's "blitting"), then encodes the PNG. The picture is the one
a full drawing with the ring on top would give.

Bases are kept by what determines them (the caller's key: language, indicator, window and
a hash of the rows drawn), a few at a time.
"""

from __future__ import annotations

import io
import zlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from PIL import Image

from analysis.present.plots import Chart

MARK_COLOUR = "#111111"
"""Black: in a funnel plot red already means above the 99.8 % limit."""
HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
MAX_BASES = 24
"""Bases kept per kernel: the ten charts of a district report (a funnel and an estimates
chart for each of five indicators), and estimates charts with room for labels of other
lengths. Each keeps its figure and its pixels compressed (about 0.1–0.3 MB, against 3.6 MB
for the pixels of a chart of 1,200 × 750 as they are)."""


@dataclass
class _Base:
    """A chart rendered once: its figure, canvas and compressed pixels."""

    chart: Chart
    canvas: FigureCanvasAgg
    pixels: bytes

    @classmethod
    def render(cls, chart: Chart) -> _Base:
        chart.figure.set_dpi(chart.dpi)  # the size `Chart._repr_png_` would give
        canvas = FigureCanvasAgg(chart.figure)
        canvas.draw()
        pixels = zlib.compress(np.asarray(canvas.buffer_rgba()).tobytes(), 1)
        base = cls(chart, canvas, pixels)
        base.drop_pixels()
        return base

    def restore(self) -> None:
        """Gives the canvas a renderer holding the base's pixels, to draw marks on."""
        buffer = np.asarray(self.canvas.get_renderer().buffer_rgba())
        buffer[...] = np.frombuffer(zlib.decompress(self.pixels), np.uint8).reshape(buffer.shape)

    def drop_pixels(self) -> None:
        """Frees the canvas's renderer and its pixels: between two marks a base costs its
        figure and its compressed pixels only."""
        self.canvas.renderer = None
        self.canvas._lastKey = None


_bases: OrderedDict[tuple, _Base] = OrderedDict()
drawn = 0
"""How many bases were drawn (a test's way to see that one is drawn once)."""


def rows_digest(rows: pd.DataFrame) -> int:
    """A digest of the rows a chart draws, for its key (every cell as text)."""
    return int(pd.util.hash_pandas_object(rows.astype(str), index=False).sum())


class MarkedChart:
    """A chart as a PNG image with one point marked; notebooks display it as a `Chart`."""

    def __init__(self, png: bytes, title: str) -> None:
        self.png = png
        self.title = title

    def _repr_png_(self) -> tuple[bytes, dict]:
        return self.png, {"alt": self.title or "Chart"}

    def __repr__(self) -> str:
        return f"<MarkedChart {self.title!r}>"


def mark_point(key: tuple, draw: Callable[[], Chart], x: float, y: float, name: str) -> MarkedChart:
    """The chart `draw()` returns (drawn once per `key`) with the point (x, y), in data
    coordinates of its first axes, ringed and named.

    Args:
        key: What determines the chart: two calls with equal keys must draw the same.
        draw: Draws the chart without the mark.
        x: The point's horizontal position in data units.
        y: The point's vertical position in data units.
        name: The text beside the ring (the district's name).
    """
    return mark_chart(key, draw, lambda ax: add_mark(ax, x, y, name))


def mark_chart(
    key: tuple, draw: Callable[[], Chart], marks: Callable[[object], list]
) -> MarkedChart:
    """The chart `draw()` returns (drawn once per `key`) with the artists `marks(axes)` adds
    to its first axes drawn on top (and removed again, leaving the base as it was)."""
    global drawn
    base = _bases.get(key)
    if base is None:
        base = _Base.render(draw())
        drawn += 1
        _bases[key] = base
        while len(_bases) > MAX_BASES:
            _bases.popitem(last=False)
    _bases.move_to_end(key)
    return MarkedChart(_draw_marks(base, marks), base.chart.title)


def add_mark(ax, x: float, y: float, name: str) -> list:
    """Adds the ring and the name of a point to axes; returns the two artists."""
    ring = ax.scatter([x], [y], s=110, facecolors="none", edgecolors=MARK_COLOUR, linewidths=2.2, zorder=6)  # fmt: skip
    note = ax.annotate(name, (x, y), xytext=(7, 7), textcoords="offset points", fontsize=8,
                       fontweight="bold", color=MARK_COLOUR, zorder=7, path_effects=HALO)  # fmt: skip
    return [ring, note]


def _draw_marks(base: _Base, marks: Callable[[object], list]) -> bytes:
    ax = base.chart.figure.axes[0]
    base.restore()
    artists = marks(ax)
    try:
        for artist in artists:
            ax.draw_artist(artist)
        width, height = base.canvas.get_width_height()
        image = Image.frombuffer("RGBA", (width, height), base.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)  # fmt: skip
        buffer = io.BytesIO()
        image.save(buffer, format="png")
    finally:
        for artist in artists:
            artist.remove()
        base.drop_pixels()
    return buffer.getvalue()
