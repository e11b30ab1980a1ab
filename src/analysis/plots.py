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

    dpi = 100

    def __init__(self, figure: Figure) -> None:
        self.figure = figure

    def _repr_png_(self) -> bytes:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue()

    def __repr__(self) -> str:
        title = self.figure.axes[0].get_title() if self.figure.axes else ""
        return f"<Chart {title!r}>"


def _figure(width: float = 7.0, height: float = 3.6) -> tuple[Figure, object]:
    with mpl.rc_context({"figure.dpi": 80}):
        figure = Figure(figsize=(width, height), layout="constrained")
    return figure, figure.add_subplot()


def _empty(message: str) -> Chart:
    figure, ax = _figure(height=1.2)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555")
    return Chart(figure)


def plot_stocks(series: pd.DataFrame, title: str = "Levels over time") -> Chart:
    """Stock levels per metric over time; hollow markers for derived levels."""
    if series.empty:
        return _empty("No stock levels in the data.")
    figure, ax = _figure()
    palette = dict(zip(sorted(series["metric"].unique()), sns.color_palette("tab10"), strict=False))
    for metric, group in series.sort_values("date").groupby("metric"):
        colour = palette[metric]
        ax.plot(group["date"], group["value"], color=colour, linewidth=1, alpha=0.6)
        stated, derived = group[~group["derived"]], group[group["derived"]]
        if len(stated):
            ax.scatter(stated["date"], stated["value"], color=colour, label=metric, zorder=3)
        if len(derived):
            ax.scatter(derived["date"], derived["value"], facecolors="white", edgecolors=colour, zorder=3,
                       label=f"{metric} (derived)")  # fmt: skip
    ax.set_yscale("log")
    ax.set_ylabel("count (log scale)")
    ax.set_title(title)
    ax.legend(fontsize=7, loc="best")
    return Chart(figure)


def plot_admissions(per_year: pd.DataFrame, title: str = "Admissions per year") -> Chart:
    """Admissions per year for each stated period; hatched bars are extrapolated part-years."""
    if per_year.empty:
        return _empty("No admissions figures in the data.")
    figure, ax = _figure()
    frame = per_year.reset_index(drop=True)
    colours = ["#90a4ae" if partial else "#1565c0" for partial in frame["partial_year"]]
    bars = ax.bar(range(len(frame)), frame["per_year"], color=colours)
    for bar, partial in zip(bars, frame["partial_year"], strict=True):
        if partial:
            bar.set_hatch("//")
    ax.set_xticks(range(len(frame)), frame["period"], rotation=30, ha="right", fontsize=7)
    ax.set_ylabel("admitted per year")
    ax.set_title(title + " (hatched: part of a year, extrapolated)")
    return Chart(figure)


def plot_evaluations(summary: pd.DataFrame, title: str = "Rating distributions") -> Chart:
    """Stacked shares of the rating categories, one bar per district, period and subject."""
    parts = summary[~summary["cumulative"] & summary["share"].notna()]
    if parts.empty:
        return _empty("No rating distributions in the data.")
    parts = parts.assign(
        label=parts["district_id"] + " · " + parts["period"] + " · " + parts["subject"]
    )
    labels = list(dict.fromkeys(parts["label"]))
    figure, ax = _figure(height=max(1.6, 0.45 * len(labels) + 1))
    left = np.zeros(len(labels))
    order = [c for c in CATEGORY_COLOURS if c in set(parts["category"])]
    for category in order:
        values = (
            parts[parts["category"] == category]
            .set_index("label")["share"]
            .reindex(labels)
            .fillna(0)
        )
        ax.barh(labels, values, left=left, color=CATEGORY_COLOURS[category], label=category)
        left += values.to_numpy()
    ax.axvline(100, color="#333", linewidth=0.8, linestyle=":")
    ax.set_xlabel("share (%)")
    ax.set_title(title)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.legend(fontsize=7, ncols=3, loc="lower right")
    return Chart(figure)


def plot_share_intervals(summary: pd.DataFrame, category: str = "good_or_above") -> Chart:
    """A share with its Wilson interval for each district and period that has exact counts."""
    rows = summary[(summary["category"] == category) & summary["ci_low"].notna()]
    if rows.empty:
        return _empty(f"No exact counts to give an interval for {category}.")
    rows = rows.assign(label=rows["district_id"] + " · " + rows["period"] + " · " + rows["subject"])
    figure, ax = _figure(height=max(1.6, 0.4 * len(rows) + 1))
    y = np.arange(len(rows))
    ax.errorbar(rows["share"], y, xerr=[rows["share"] - rows["ci_low"], rows["ci_high"] - rows["share"]],
                fmt="o", color="#1565c0", capsize=3)  # fmt: skip
    ax.set_yticks(y, rows["label"], fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel(f"{category} (%), 95 % Wilson interval")
    ax.set_title(f"Share {category} with its uncertainty")
    return Chart(figure)


def plot_targets(assessment: pd.DataFrame, title: str = "Attainment of targets") -> Chart:
    """Attainment against the expected (pro rata) attainment, coloured by status."""
    measured = assessment[assessment["attainment_percent"].notna()].reset_index(drop=True)
    if measured.empty:
        return _empty("No target can be measured with the data.")
    labels = measured["district_id"] + " · " + measured["metric"] + " " + measured["period"]
    figure, ax = _figure(height=max(1.6, 0.4 * len(measured) + 1))
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
    ax.legend(fontsize=7, loc="lower right")
    return Chart(figure)


def plot_ranking(
    table: pd.DataFrame, column: str, highlight: str | None = None, title: str = ""
) -> Chart:
    """A bar per district for one figure, sorted, with one district highlighted."""
    rows = table[table[column].notna()].sort_values(column, ascending=False)
    if rows.empty:
        return _empty(f"No district has {column}.")
    figure, ax = _figure(height=max(1.6, 0.28 * len(rows) + 1))
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
    figure, ax = _figure(height=max(1.6, 0.35 * len(summary) + 1))
    ax.barh(summary["check"], summary["findings"], color="#6a1b9a")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel("findings")
    ax.set_title("Contradictions found, by check")
    return Chart(figure)
