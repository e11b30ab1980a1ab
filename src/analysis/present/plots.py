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
    "good": "#7cb342",
    "clean_strong_exemplary": "#0d47a1",  # before 2018: blues, never the green of "excellent"
    "clean_strong": "#64b5f6",
    "completed": "#fdd835",
    "not_completed": "#e53935",
}
METRIC_COLOURS = {
    "party_members": "#1565c0",
    "base_organizations": "#2e7d32",
    "base_party_committees": "#6a1b9a",
    "base_party_cells": "#ef6c00",
    "subordinate_cells": "#8d6e63",
}
"""Fixed colours, so that a metric or a grade has the same colour in every chart."""
_WORDS = {
    "vi": {"derived": "suy ra", "date": "cuối năm", "count": "số lượng (thang log)", "per_year": "kết nạp mỗi năm",
           "part": "gạch chéo: chưa đủ năm, ngoại suy", "share": "tỷ lệ (%)", "attainment": "tỷ lệ đạt (%)",
           "expected": "kỳ vọng đến nay", "levels": "Số lượng theo thời gian", "admissions": "Kết nạp mỗi năm",
           "ratings": "Phân bố xếp loại", "targets": "Tỷ lệ đạt chỉ tiêu", "latest": "{n} gần nhất trên {of}",
           "per_100": "Kết nạp mỗi năm trên 100 đảng viên", "findings": "số phát hiện",
           "by_check": "Số liệu mâu thuẫn, theo loại kiểm tra", "no_findings": "Không phát hiện mâu thuẫn nào.",
           "vs_members": "Kết nạp mỗi năm và số đảng viên", "fit": "đường khớp: kết nạp ∝ đảng viên^{slope}",
           "no_pairs": "Không đơn vị nào có cả số đảng viên và số kết nạp.",
           "members": "đảng viên (thang log)", "admitted": "kết nạp mỗi năm (thang log)",
           "no_levels": "Không có số lượng nào trong số liệu.", "no_admissions": "Không có số liệu kết nạp.",
           "no_ratings": "Không có phân bố xếp loại nào trong số liệu.",
           "no_targets": "Không chỉ tiêu nào đo được bằng số liệu.", "no_column": "Không đơn vị nào có {column}."},
    "en": {"derived": "derived", "date": "end of year", "count": "count (log scale)", "per_year": "admitted per year",
           "part": "hatched: part of a year, extrapolated", "share": "share (%)", "attainment": "attainment (%)",
           "expected": "expected so far (pro rata)", "levels": "Levels over time", "admissions": "Admissions per year",
           "ratings": "Rating distributions", "targets": "Attainment of targets", "latest": "latest {n} of {of}",
           "per_100": "Admissions a year per 100 members", "findings": "findings",
           "by_check": "Contradictions found, by check", "no_findings": "No contradiction found.",
           "vs_members": "Admissions per year and membership", "fit": "fit: admissions ∝ members^{slope}",
           "no_pairs": "No district has both membership and admissions figures.",
           "members": "members (log scale)", "admitted": "admitted per year (log scale)",
           "no_levels": "No stock levels in the data.", "no_admissions": "No admissions figures in the data.",
           "no_ratings": "No rating distributions in the data.",
           "no_targets": "No target can be measured with the data.", "no_column": "No district has {column}."},
}  # fmt: skip


def _label(code: str, vocabulary: str, lang: str) -> str:
    from analysis.present.formats import format_code

    return format_code(code, vocabulary, lang)


class Chart:
    """A figure that notebooks display as a PNG image."""

    dpi = 90

    def __init__(self, figure: Figure, alt: str = "") -> None:
        self.figure = figure
        self.alt = alt

    @property
    def title(self) -> str:
        """The chart's title, also its alternative text in HTML."""
        return self.figure.axes[0].get_title() if self.figure.axes else ""

    def _repr_png_(self) -> tuple[bytes, dict]:
        buffer = io.BytesIO()
        self.figure.savefig(buffer, format="png", dpi=self.dpi)
        return buffer.getvalue(), {"alt": self.title or self.alt or "Chart"}

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
    height += 0.6 if legend else 0
    figure = Figure(figsize=(width, height), dpi=80)
    left = min(0.6, 0.1 + 0.06 * max((len(str(t)) for t in labels), default=0) / width)
    bottom = 0.55 + 0.045 * max((len(str(t)) for t in rotated), default=0) + (0.6 if legend else 0)
    figure.subplots_adjust(
        left=left, right=0.97, top=1 - 0.45 / height, bottom=min(0.6, bottom / height)
    )
    return figure, figure.add_subplot()


def _legend_below(figure: Figure, ax, columns: int = 4, fontsize: float = 9) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if handles:
        figure.legend(handles, labels, loc="lower center", ncols=columns, fontsize=fontsize, frameon=False)  # fmt: skip


def _empty(message: str) -> Chart:
    """A chart that only says why there is nothing to draw (the message is its alt text)."""
    figure, ax = _figure(height=1.2)
    ax.axis("off")
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555")
    return Chart(figure, alt=message)


def plot_stocks(series: pd.DataFrame, title: str = "", lang: str = "en") -> Chart:
    """Stock levels per metric over time; hollow markers for derived levels."""
    if series.empty:
        return _empty(_WORDS[lang]["no_levels"])
    words = _WORDS[lang]
    figure, ax = _figure(width=6.4, height=3.0, legend=True)
    extra = [m for m in sorted(series["metric"].unique()) if m not in METRIC_COLOURS]
    palette = {**METRIC_COLOURS, **dict(zip(extra, sns.color_palette("tab10"), strict=False))}
    series = series.assign(
        year=series["date"].dt.year + (series["date"].dt.day_of_year - 1) / 365.25
    )
    for metric, group in series.sort_values("date").groupby("metric"):
        colour = palette[metric]
        ax.plot(group["year"], group["value"], color=colour, linewidth=1, alpha=0.6)
        stated, derived = group[~group["derived"]], group[group["derived"]]
        name = _label(metric, "metric", lang)
        if len(stated):
            ax.scatter(stated["year"], stated["value"], color=colour, label=name, zorder=3)
        if len(derived):
            ax.scatter(derived["year"], derived["value"], facecolors="white", edgecolors=colour, zorder=3,
                       label=f"{name} ({words['derived']})")  # fmt: skip
    ax.xaxis.set_major_formatter(
        # a tick sits at 1 January of year k, that is at the end of year k - 1: labelled k - 1
        mpl.ticker.FuncFormatter(lambda x, _: f"{x - 1:.0f}" if float(x).is_integer() else "")
    )
    ax.xaxis.set_major_locator(mpl.ticker.MaxNLocator(integer=True))
    ax.set_xlim(series["year"].min() - 0.5, series["year"].max() + 0.5)
    ax.set_yscale("log")
    ax.set_xlabel(words["date"])
    ax.set_ylabel(words["count"])
    ax.set_title(title or words["levels"])
    _legend_below(figure, ax, columns=3)
    return Chart(figure)


def plot_admissions(per_year: pd.DataFrame, title: str = "", lang: str = "en") -> Chart:
    """Admissions per year for each stated period; hatched bars are extrapolated part-years."""
    if per_year.empty:
        return _empty(_WORDS[lang]["no_admissions"])
    from analysis.present.formats import format_period

    words = _WORDS[lang]
    frame = per_year.reset_index(drop=True)
    frame = frame.assign(period=[format_period(p, lang) for p in frame["period"]])
    figure, ax = _figure(width=6.4, height=3.0, rotated=list(frame["period"]))
    colours = ["#90a4ae" if partial else "#1565c0" for partial in frame["partial_year"]]
    bars = ax.bar(range(len(frame)), frame["per_year"], color=colours)
    for bar, partial in zip(bars, frame["partial_year"], strict=True):
        if partial:
            bar.set_hatch("//")
    ax.set_xticks(range(len(frame)), frame["period"], rotation=30, ha="right", fontsize=8)
    ax.set_ylabel(words["per_year"])
    ax.set_title(f"{title or words['admissions']} ({words['part']})")
    return Chart(figure)


def plot_evaluations(
    summary: pd.DataFrame,
    title: str = "",
    latest: int = 8,
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> Chart:
    """Stacked shares of the rating categories, one bar per district, period and subject.

    Args:
        summary: From `evaluations.summarize_evaluations`.
        title: Chart title.
        latest: Show at most this many distributions, the most recent first.
        lang: Language of the labels.
        names: District names by id, for the labels (ids without it; none for one district).
    """
    parts = summary[~summary["cumulative"] & summary["share"].notna()]
    if parts.empty:
        return _empty(_WORDS[lang]["no_ratings"])
    words = _WORDS[lang]
    title = title or words["ratings"]
    single = parts["district_id"].nunique() == 1
    who = "" if single else parts["district_id"].map(lambda d: (names or {}).get(d, d)) + " · "
    subject = parts["subject"].map(lambda s: _label(s, "subject", lang))
    parts = parts.assign(label=who + parts["period"] + " · " + subject)
    newest_first = parts.sort_values(["year", "period"], ascending=False, na_position="last")
    labels = list(dict.fromkeys(newest_first["label"]))
    if len(labels) > latest:
        shown = words["latest"].format(n=latest, of=len(labels))
        labels, title = labels[:latest], f"{title} ({shown})"
    parts = parts[parts["label"].isin(labels)]
    figure, ax = _figure(
        width=6.4, height=max(2.0, 0.32 * len(labels) + 1.1), labels=labels, legend=True
    )
    positions = np.arange(len(labels))
    left = np.zeros(len(labels))
    for category in [c for c in CATEGORY_COLOURS if c in set(parts["category"])]:
        values = (
            parts[parts["category"] == category]
            .set_index("label")["share"]
            .reindex(labels)
            .fillna(0)
        )
        name = _label(category, "category", lang)
        ax.barh(positions, values, left=left, color=CATEGORY_COLOURS[category], label=name)
        left += values.to_numpy()
    ax.set_yticks(positions, labels)
    ax.axvline(100, color="#333", linewidth=0.8, linestyle=":")
    ax.set_xlabel(words["share"])
    ax.set_title(title)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    _legend_below(figure, ax, columns=2)
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


def plot_targets(
    assessment: pd.DataFrame,
    title: str = "",
    lang: str = "en",
    names: dict[str, str] | None = None,
) -> Chart:
    """Attainment against the expected (pro rata) attainment, coloured by status."""
    measured = assessment[assessment["attainment_percent"].notna()].reset_index(drop=True)
    if measured.empty:
        return _empty(_WORDS[lang]["no_targets"])
    from analysis.present.formats import format_period

    words = _WORDS[lang]
    single = measured["district_id"].nunique() == 1
    who = "" if single else measured["district_id"].map(lambda d: (names or {}).get(d, d)) + " · "
    labels = (
        who
        + measured["metric"].map(lambda m: _label(m, "metric", lang))
        + " "
        + [format_period(p, lang) for p in measured["period"]]
    )
    figure, ax = _figure(
        width=6.4, height=max(1.8, 0.32 * len(measured) + 1.1), labels=list(labels), legend=True
    )
    y = np.arange(len(measured))
    ax.barh(
        y, measured["attainment_percent"], color=[STATUS_COLOURS[s] for s in measured["status"]]
    )
    expected = measured["expected_attainment_percent"]
    ax.scatter(expected, y, marker="|", s=200, color="#000", label=words["expected"], zorder=3)
    ax.axvline(100, color="#333", linewidth=0.8, linestyle=":")
    ax.set_yticks(y, labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlabel(words["attainment"])
    ax.set_title(title or words["targets"])
    from analysis.data.outputs import COLUMNS
    from analysis.present.formats import format_value

    for status in dict.fromkeys(measured["status"]):
        name = format_value(status, COLUMNS["status"], lang)
        ax.bar(0, 0, color=STATUS_COLOURS[status], label=name)  # legend keys only
    _legend_below(figure, ax, columns=5)
    return Chart(figure)


def plot_ranking(
    table: pd.DataFrame,
    column: str,
    highlight: str | None = None,
    title: str = "",
    lang: str = "en",
) -> Chart:
    """A bar per district for one figure, sorted, with one district highlighted."""
    rows = table[table[column].notna()].sort_values(column, ascending=False)
    if rows.empty:
        from analysis.data.outputs import COLUMNS

        shown = COLUMNS[column].label(lang) if lang == "vi" and column in COLUMNS else column
        return _empty(_WORDS[lang]["no_column"].format(column=shown))
    if len(rows) > 30:  # the table gives every district; the chart the top and the bottom
        rows = pd.concat([rows.head(15), rows.tail(15)])
    figure, ax = _figure(
        width=6.4, height=max(1.6, 0.22 * len(rows) + 1), labels=list(rows["district"].astype(str))
    )
    colours = ["#c62828" if d == highlight else "#1565c0" for d in rows["district_id"]]
    ax.barh(rows["district"].astype(str), rows[column], color=colours)
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=8)
    from analysis.data.outputs import COLUMNS

    label = COLUMNS[column].label(lang) if column in COLUMNS else column.replace("_", " ")
    ax.set_xlabel(label)
    ax.set_title(
        title or (_WORDS[lang]["per_100"] if column == "admissions_per_100_members" else label)
    )
    return Chart(figure)


def plot_admissions_vs_members(
    table: pd.DataFrame, fit: dict | None = None, lang: str = "en"
) -> Chart:
    """Admissions per year against membership (log-log), with the fitted power law."""
    from analysis.present.formats import format_number

    words = _WORDS[lang]
    rows = table.dropna(subset=["members", "admissions_per_year"])
    rows = rows[(rows["members"] > 0) & (rows["admissions_per_year"] > 0)]
    if rows.empty:
        return _empty(words["no_pairs"])
    rows = rows.assign(region=rows["region"].map(lambda r: _label(r, "region", lang)))
    figure, ax = _figure(height=4)
    sns.scatterplot(data=rows, x="members", y="admissions_per_year", hue="region", ax=ax, s=30)
    if fit:
        xs = np.geomspace(rows["members"].min(), rows["members"].max(), 50)
        slope = format_number(fit["slope"], 2, lang)
        ax.plot(xs, np.exp(fit["intercept"]) * xs ** fit["slope"], color="#333", linewidth=1,
                label=words["fit"].format(slope=slope))  # fmt: skip
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel(words["members"])
    ax.set_ylabel(words["admitted"])
    ax.set_title(words["vs_members"])
    ax.legend(fontsize=6)
    return Chart(figure)


def plot_quality(summary: pd.DataFrame, lang: str = "en") -> Chart:
    """Number of findings per check."""
    from analysis.data.outputs import COLUMNS
    from analysis.present.formats import format_value

    words = _WORDS[lang]
    if summary.empty:
        return _empty(words["no_findings"])
    checks = [format_value(c, COLUMNS["check"], lang) for c in summary["check"]]
    figure, ax = _figure(height=max(1.6, 0.35 * len(summary) + 1), labels=checks)
    ax.barh(checks, summary["findings"], color="#6a1b9a")
    ax.invert_yaxis()
    ax.tick_params(axis="y", labelsize=7)
    ax.set_xlabel(words["findings"])
    ax.set_title(words["by_check"])
    return Chart(figure)
