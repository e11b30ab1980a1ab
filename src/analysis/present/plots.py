"""Figures for the reports (seaborn on matplotlib).

Each function returns a `Chart`: a matplotlib Figure built without pyplot (so figures do not
pile up in global state between reports) that a notebook shows exactly once, as the value of
its cell, as a PNG image. `chart.figure` is the Figure, for changes or `savefig`. Derived
points are drawn hollow, stated ones filled.
"""

from __future__ import annotations

import io

import matplotlib as mpl
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.figure import Figure

STATUS_COLOURS = {
    "met": "#2e7d32",
    "on track": "#7cb342",
    "behind": "#f9a825",
    "not met": "#c62828",
    "not yet measurable": "#9e9e9e",
    "undetermined": "#8e24aa",
}
CATEGORY_COLOURS = {
    "excellent": "#1b5e20",
    "clean_strong_exemplary": "#1b5e20",
    "clean_strong": "#43a047",
    "good": "#7cb342",
    "completed": "#fdd835",
    "not_completed": "#e53935",
}


class Chart:
    """A figure that notebooks display as a PNG image."""

    dpi = 90

    def __init__(self, figure: Figure) -> None:
        self.figure = figure

    @property
    def title(self) -> str:
        """The chart's title, also its alternative text in HTML."""
        return self.figure.axes[0].get_title() if self.figure.axes else ""

    def _repr_png_(self) -> tuple[bytes, dict]:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue(), {"alt": self.title or "Chart"}

    def __repr__(self) -> str:
        return f"<Chart {self.title!r}>"


def _figure(
    width: float = 7.0,
    height: float = 3.6,
    *,
    labels: list[str] = (),
    rotated: list[str] = (),
    legend: bool = False,
) -> tuple[Figure, object]:
    """A figure with fixed margins (a layout engine doubles the drawing time): wide enough on
    the left for horizontal-bar `labels`, at the bottom for `rotated` tick labels, and with
    room below the axes for a legend."""
    height += 0.35 if legend else 0
    figure = Figure(figsize=(width, height), dpi=80)
    left = min(0.6, 0.1 + 0.06 * max((len(str(t)) for t in labels), default=0) / width)
    bottom = 0.55 + 0.045 * max((len(str(t)) for t in rotated), default=0) + (0.35 if legend else 0)
    figure.subplots_adjust(
        left=left, right=0.97, top=1 - 0.45 / height, bottom=min(0.6, bottom / height)
    )
    return figure, figure.add_subplot()


def _legend_below(figure: Figure, ax, columns: int = 4) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        figure.legend(handles, labels, loc="lower center", ncols=columns, fontsize=7, frameon=False)


def _empty(message: str) -> Chart:
    figure, ax = _figure(height=1.2)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555")
    return Chart(figure)


def plot_stocks(series: pd.DataFrame, title: str = "Levels over time") -> Chart:
    """Stock levels per metric over time; hollow markers for derived levels."""
    if series.empty:
        return _empty("No stock levels in the data.")
    figure, ax = _figure(legend=True)
    palette = dict(zip(sorted(series["metric"].unique()), sns.color_palette("tab10"), strict=False))
    series = series.assign(
        year=series["date"].dt.year + (series["date"].dt.day_of_year - 1) / 365.25
    )
    for metric, group in series.sort_values("date").groupby("metric"):
        colour = palette[metric]
        ax.plot(group["year"], group["value"], color=colour, linewidth=1, alpha=0.6)
        stated, derived = group[~group["derived"]], group[group["derived"]]
        if len(stated):
            ax.scatter(stated["year"], stated["value"], color=colour, label=metric, zorder=3)
        if len(derived):
            ax.scatter(derived["year"], derived["value"], facecolors="white", edgecolors=colour, zorder=3,
                       label=f"{metric} (derived)")  # fmt: skip
    ax.xaxis.set_major_formatter(
        mpl.ticker.FuncFormatter(lambda x, _: f"{x:.0f}" if float(x).is_integer() else "")
    )
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_yscale("log")
    ax.set_xlabel("date (a tick marks 1 January; year-end figures sit just before it)")
    ax.set_ylabel("count (log scale)")
    ax.set_title(title)
    _legend_below(figure, ax, columns=4)
    return Chart(figure)


def plot_admissions(per_year: pd.DataFrame, title: str = "Admissions per year") -> Chart:
    """Admissions per year for each stated period; hatched bars are extrapolated part-years."""
    if per_year.empty:
        return _empty("No admissions figures in the data.")
    frame = per_year.reset_index(drop=True)
    figure, ax = _figure(rotated=list(frame["period"]))
    colours = ["#90a4ae" if partial else "#1565c0" for partial in frame["partial_year"]]
    bars = ax.bar(range(len(frame)), frame["per_year"], color=colours)
    for bar, partial in zip(bars, frame["partial_year"], strict=True):
        if partial:
            bar.set_hatch("//")
    ax.set_xticks(range(len(frame)), frame["period"], rotation=30, ha="right", fontsize=7)
    ax.set_ylabel("admitted per year")
    ax.set_title(title + " (hatched: part of a year, extrapolated)")
    return Chart(figure)


def plot_evaluations(
    summary: pd.DataFrame, title: str = "Rating distributions", latest: int = 8
) -> Chart:
    """Stacked shares of the rating categories, one bar per district, period and subject.

    Args:
        summary: From `evaluations.summarize_evaluations`.
        title: Chart title.
        latest: Show at most this many distributions, the most recent first.
    """
    parts = summary[~summary["cumulative"] & summary["share"].notna()]
    if parts.empty:
        return _empty("No rating distributions in the data.")
    parts = parts.assign(
        label=parts["district_id"] + " · " + parts["period"] + " · " + parts["subject"]
    )
    newest_first = parts.sort_values(["year", "period"], ascending=False, na_position="last")
    labels = list(dict.fromkeys(newest_first["label"]))
    if len(labels) > latest:
        labels, title = labels[:latest], f"{title} (latest {latest} of {len(labels)})"
    parts = parts[parts["label"].isin(labels)]
    figure, ax = _figure(height=max(2.2, 0.4 * len(labels) + 1.2), labels=labels, legend=True)
    positions = np.arange(len(labels))
    left = np.zeros(len(labels))
    for category in [c for c in CATEGORY_COLOURS if c in set(parts["category"])]:
        values = (
            parts[parts["category"] == category]
            .set_index("label")["share"]
            .reindex(labels)
            .fillna(0)
        )
        ax.barh(positions, values, left=left, color=CATEGORY_COLOURS[category], label=category)
        left += values.to_numpy()
    ax.set_yticks(positions, labels)
    ax.axvline(100, color="#333", linewidth=0.8, linestyle=":")
    ax.set_xlabel("share (%)")
    ax.set_title(title)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    _legend_below(figure, ax, columns=6)
    return Chart(figure)


def plot_exact_shares(summary: pd.DataFrame, category: str = "good_or_above") -> Chart:
    """One category's share for each district, period and subject rated (a census: the
    shares are exact, so no interval is drawn; estimated shares are drawn hollow)."""
    rows = summary[(summary["category"] == category) & summary["share"].notna()]
    if rows.empty:
        return _empty(f"No share of {category} in the data.")
    rows = rows.assign(label=rows["district_id"] + " · " + rows["period"] + " · " + rows["subject"])
    figure, ax = _figure(height=max(1.6, 0.4 * len(rows) + 1), labels=list(rows["label"]))
    y = np.arange(len(rows))
    estimated = rows["count_basis"].str.startswith("reconstructed").to_numpy()
    ax.scatter(rows["share"][~estimated], y[~estimated], color="#1565c0", label="exact")
    ax.scatter(rows["share"][estimated], y[estimated], facecolors="none", edgecolors="#1565c0",
               label="estimated (reconstructed counts)")  # fmt: skip
    ax.set_yticks(y, rows["label"], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel(f"{category} (%)")
    ax.set_title(f"Share {category} (ratings are a census: exact shares)")
    return Chart(figure)


def plot_targets(assessment: pd.DataFrame, title: str = "Attainment of targets") -> Chart:
    """Attainment against the expected (pro rata) attainment, coloured by status."""
    measured = assessment[assessment["attainment_percent"].notna()].reset_index(drop=True)
    if measured.empty:
        return _empty("No target can be measured with the data.")
    labels = measured["district_id"] + " · " + measured["metric"] + " " + measured["period"]
    figure, ax = _figure(
        height=max(1.8, 0.4 * len(measured) + 1.2), labels=list(labels), legend=True
    )
    y = np.arange(len(measured))
    ax.barh(
        y, measured["attainment_percent"], color=[STATUS_COLOURS[s] for s in measured["status"]]
    )
    expected = measured["expected_attainment_percent"]
    ax.scatter(
        expected, y, marker="|", s=200, color="#000", label="expected so far (pro rata)", zorder=3
    )
    ax.axvline(100, color="#333", linewidth=0.8, linestyle=":")
    ax.set_yticks(y, labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("attainment (%)")
    ax.set_title(title)
    for status in dict.fromkeys(measured["status"]):
        ax.bar(0, 0, color=STATUS_COLOURS[status], label=status)  # legend keys only
    _legend_below(figure, ax, columns=5)
    return Chart(figure)


def plot_ranking(
    table: pd.DataFrame, column: str, highlight: str | None = None, title: str = ""
) -> Chart:
    """A bar per district for one figure, sorted, with one district highlighted."""
    rows = table[table[column].notna()].sort_values(column, ascending=False)
    if rows.empty:
        return _empty(f"No district has {column}.")
    figure, ax = _figure(
        height=max(1.6, 0.28 * len(rows) + 1), labels=list(rows["district"].astype(str))
    )
    colours = ["#c62828" if d == highlight else "#1565c0" for d in rows["district_id"]]
    ax.barh(rows["district"].astype(str), rows[column], color=colours)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(column.replace("_", " "))
    ax.set_title(title or column.replace("_", " "))
    return Chart(figure)


def plot_admissions_vs_members(table: pd.DataFrame, fit: dict | None = None) -> Chart:
    """Admissions per year against membership (log-log), with the fitted power law."""
    rows = table.dropna(subset=["members", "admissions_per_year"])
    rows = rows[(rows["members"] > 0) & (rows["admissions_per_year"] > 0)]
    if rows.empty:
        return _empty("No district has both membership and admissions figures.")
    figure, ax = _figure(height=4)
    sns.scatterplot(data=rows, x="members", y="admissions_per_year", hue="region", ax=ax, s=30)
    if fit:
        xs = np.geomspace(rows["members"].min(), rows["members"].max(), 50)
        ax.plot(xs, np.exp(fit["intercept"]) * xs ** fit["slope"], color="#333", linewidth=1,
                label=f"fit: admissions ∝ members^{fit['slope']:.2f}")  # fmt: skip
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_title("Admissions per year and membership")
    ax.legend(fontsize=6)
    return Chart(figure)


def plot_quality(summary: pd.DataFrame) -> Chart:
    """Number of findings per check."""
    if summary.empty:
        return _empty("No contradiction found.")
    figure, ax = _figure(height=max(1.6, 0.35 * len(summary) + 1), labels=list(summary["check"]))
    ax.barh(summary["check"], summary["findings"], color="#6a1b9a")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("findings")
    ax.set_title("Contradictions found, by check")
    return Chart(figure)
