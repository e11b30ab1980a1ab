"""Figures of fair comparisons: a funnel plot per indicator and window, and a caterpillar
plot of the shrunk estimates with their intervals.

Built like the other report figures (a matplotlib Figure without pyplot, wrapped in a
`Chart`) from the tables of `analysis.compare` (funnel, its curves, shrinkage), without
computing anything statistical. An indicator is titled by its `indicator_label` column where
the table has one (as `analysis.compare.tables` adds), else by its code. Districts are
labelled by name: from `names` (district id → name), else from a
`district` column (as `label_districts` adds), else by id.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping

import matplotlib as mpl
import numpy as np
import pandas as pd

from analysis.compare.indicators import EXPOSURES, EXPOSURES_VI, Indicator, label
from analysis.present.chart_marks import MarkedChart, mark_chart, rows_digest
from analysis.present.comparison_words import ADJUSTMENTS_VI, CHART_WORDS
from analysis.present.formats import format_number
from analysis.present.overview import format_window
from analysis.present.plots import Chart, _empty, _figure, _legend_below

MAX_NAMED_IN_FUNNEL = 15
"""A funnel plot names every district up to this many, and only those outside 99.8 % beyond."""
MAX_LABELLED = 40
"""A caterpillar plot names every district up to this many, and only the highlighted beyond."""
OUTSIDE_998 = {"above": "#c62828", "below": "#1565c0"}
OUTSIDE_95 = {"above": "#ef9a9a", "below": "#90caf9"}
WITHIN = "#78909c"


def number_ticks(ax, lang: str, axis: str = "both") -> None:
    """In Vietnamese, tick labels written the Vietnamese way (`2.500`, `0,5`); English keeps
    matplotlib's own."""
    if lang != "vi":
        return

    def write(value: float, _position) -> str:
        text = f"{value:,.6g}"
        decimals = len(text.split(".")[1]) if "." in text and "e" not in text else 0
        return format_number(value, decimals, lang)

    axes = (ax.xaxis, ax.yaxis) if axis == "both" else ((ax.xaxis,) if axis == "x" else (ax.yaxis,))
    for one in axes:
        if one.get_scale() == "linear":
            one.set_major_formatter(mpl.ticker.FuncFormatter(write))


def _choose(frame: pd.DataFrame, column: str, wanted: str | None) -> str:
    values = sorted(frame[column].dropna().astype(str).unique())
    if wanted is not None:
        if wanted not in values:
            raise ValueError(f"no comparison has {column} {wanted!r}; found: {values}")
        return wanted
    if len(values) != 1:
        raise ValueError(f"several values of {column} ({values}); choose one with {column}=")
    return values[0]


def select_comparison(
    frame: pd.DataFrame, indicator: str | None = None, window: str | None = None
) -> pd.DataFrame:
    """The rows of one indicator and window (either may be omitted when there is only one)."""
    indicator = _choose(frame, "indicator", indicator)
    rows = frame[frame["indicator"].astype(str) == indicator]
    window = _choose(rows, "window", window)
    return rows[rows["window"].astype(str) == window]


def _names(rows: pd.DataFrame, names: Mapping[str, str] | None) -> pd.Series:
    ids = rows["district_id"].astype(str)
    shown = rows["district"].astype(str) if "district" in rows else ids
    if names:
        shown = ids.map(lambda i: names.get(i)).fillna(shown)
    return shown


def _wrap(text: str, ax, per_inch: float = 13.0) -> str:
    """Text wrapped to the width of the axes (about `per_inch` characters an inch)."""
    inches = ax.get_position().width * ax.figure.get_figwidth()
    return "\n".join(textwrap.wrap(text, max(30, int(inches * per_inch))))


def _title(first: pd.Series, lang: str = "en") -> str:
    """The indicator and window: in English as the table labels them, in Vietnamese said."""
    if lang == "vi" and first["indicator"] in set(Indicator):
        return f"{label(first['indicator'], 'vi')}, {format_window(first['window'], 'vi')}"
    shown = first.get("indicator_label")
    return f"{first['indicator'] if pd.isna(shown) else shown}, {first['window']}"


def _number(value: float, decimals: int, lang: str) -> str:
    """A number in a chart: Python's formatting in English (as before), the Vietnamese way else."""
    return f"{value:.{decimals}f}" if lang == "en" else format_number(value, decimals, lang)


def _limits_note(first: pd.Series, lang: str = "en") -> str:
    w = CHART_WORDS[lang]
    phi = "" if pd.isna(first["phi"]) else f"φ = {_number(first['phi'], 2, lang)}"
    adjustment = str(first["adjustment"])
    if adjustment == "additive":
        tau2 = f"{first['tau2']:.2g}" if lang == "en" else format_number(first["tau2"], 4, lang).rstrip("0").rstrip(",")  # fmt: skip
        shown = ADJUSTMENTS_VI["additive"] if lang == "vi" else "additive"
        return w["widened_additive"].format(adjustment=shown, tau2=tau2, phi=phi)
    if adjustment == "multiplicative":
        shown = ADJUSTMENTS_VI["multiplicative"] if lang == "vi" else "multiplicative"
        return w["widened"].format(adjustment=shown, phi=phi)
    return w["unadjusted"].format(phi=phi or w["no_phi"])


def _draw_limits(ax, curve: pd.DataFrame, lang: str = "en") -> None:
    w = CHART_WORDS[lang]
    ax.plot(curve["exposure"], curve["target"], color="#2e7d32", linewidth=1.4, label=w["pooled"])  # fmt: skip
    for key, style, name in (("95", "--", w["limits_95"]), ("998", ":", w["limits_998"])):
        ax.plot(curve["exposure"], curve[f"high_{key}"], style, color="#444", linewidth=1, label=name)  # fmt: skip
        ax.plot(curve["exposure"], curve[f"low_{key}"], style, color="#444", linewidth=1)


def _label_outside(ax, outside: pd.DataFrame, names) -> None:
    """Names beside the points, alternately above and below so neighbours do not overlap."""
    outside = outside.sort_values("value")
    for number, ((_, row), name) in enumerate(
        zip(outside.iterrows(), _names(outside, names), strict=True)
    ):
        ax.annotate(name, (row["exposure"], row["value"]), xytext=(4, 3 if number % 2 else -8),
                    textcoords="offset points", fontsize=7)  # fmt: skip


def _point_colours(rows: pd.DataFrame) -> list[str]:
    colours = []
    for outer, inner in zip(rows["position_998"], rows["position_95"], strict=True):
        colours.append(OUTSIDE_998.get(outer) or OUTSIDE_95.get(inner) or WITHIN)
    return colours


def _named_in_funnel(rows: pd.DataFrame) -> pd.DataFrame:
    """The districts a funnel plot names: all up to `MAX_NAMED_IN_FUNNEL`, else those
    outside the 99.8 % limits."""
    return rows if len(rows) <= MAX_NAMED_IN_FUNNEL else rows[rows["position_998"] != "within"]


def funnel_names_district(funnel: pd.DataFrame, district_id: str) -> bool:
    """Whether the funnel plot of these rows (one comparison) names the district itself."""
    rows = funnel[funnel["value"].notna()]
    return bool((_named_in_funnel(rows)["district_id"] == district_id).any())


def plot_funnel(
    funnel: pd.DataFrame,
    curves: pd.DataFrame,
    indicator: str | None = None,
    window: str | None = None,
    names: Mapping[str, str] | None = None,
    lang: str = "en",
) -> Chart:
    """Values against exposure with the target, 95 % and 99.8 % limits; every district is
    named up to `MAX_NAMED_IN_FUNNEL`, beyond that only those outside the 99.8 % limits.

    Args:
        funnel: From `analysis.compare.funnel.compute_funnel`.
        curves: From `analysis.compare.funnel.funnel_curves` (the limit lines).
        indicator: The indicator to show (may be omitted if there is only one).
        window: The window to show (may be omitted if the indicator has only one).
        names: District names by id, for labels.
        lang: Language of the words in the chart ('en' or 'vi').
    """
    w = CHART_WORDS[lang]
    comparison = select_comparison(funnel, indicator, window)
    first = comparison.iloc[0]
    rows = comparison[comparison["value"].notna()]
    if rows.empty:
        return _empty(w["no_figure"].format(title=_title(first, lang)))
    figure, ax = _figure(7.0, 4.2, legend=True)
    _draw_limits(ax, select_comparison(curves, first["indicator"], first["window"]), lang)
    ax.scatter(rows["exposure"], rows["value"], c=_point_colours(rows), s=18, zorder=3)
    named = _named_in_funnel(rows)
    _label_outside(ax, named, names)
    for colour, name in ((OUTSIDE_998["above"], w["above_998"]), (OUTSIDE_998["below"], w["below_998"]),
                         (OUTSIDE_95["above"], w["above_95"]), (OUTSIDE_95["below"], w["below_95"])):  # fmt: skip
        ax.scatter([], [], color=colour, s=18, label=name)
    if rows["exposure"].max() > 20 * rows["exposure"].min():
        ax.set_xscale("log")
    exposures = EXPOSURES_VI if lang == "vi" else EXPOSURES
    unit = exposures.get(first["indicator"]) or w["share_unit" if first["kind"] == "share" else "rate_unit"]  # fmt: skip
    xlabel = w["exposure"].format(unit=unit, note=_limits_note(first, lang))
    ax.set_xlabel(xlabel if lang == "en" else _wrap(xlabel, ax, 15), fontsize=8)
    ax.set_ylabel(w["per_100"])
    number_ticks(ax, lang)
    missing = len(comparison) - len(rows)
    title = w["districts"].format(title=_title(first, lang), n=len(rows)) + (
        w["missing"].format(n=missing) if missing else ""
    )
    ax.set_title(_wrap(title, ax), fontsize=9)
    # Vietnamese legend entries are longer: three columns in a smaller type
    _legend_below(figure, ax, *((4,) if lang == "en" else (3, 7.5)))
    return Chart(figure)


def _caterpillar_labels(rows: pd.DataFrame, names, highlight, lang: str = "en") -> list[str]:
    shown = _names(rows, names)
    rank_word = CHART_WORDS[lang]["rank"]
    labels = [
        f"{name} · {rank_word} {rank} ({low}–{high})"
        for name, rank, low, high in zip(
            shown, rows["rank"], rows["rank_low"], rows["rank_high"], strict=True
        )
    ]
    if len(rows) <= MAX_LABELLED:
        return labels
    return [lab if d == highlight else "" for lab, d in zip(labels, rows["district_id"], strict=True)]  # fmt: skip


def plot_caterpillar(
    shrinkage: pd.DataFrame,
    indicator: str | None = None,
    window: str | None = None,
    names: Mapping[str, str] | None = None,
    highlight: str | None = None,
    lang: str = "en",
    room_for: int = 0,
) -> Chart:
    """Shrunk estimates with 95 % intervals, highest first, raw values as hollow circles and
    each district's rank interval in its label (every label up to `MAX_LABELLED` districts).

    Args:
        shrinkage: From `analysis.compare.shrinkage.shrink_estimates`.
        indicator: The indicator to show (may be omitted if there is only one).
        window: The window to show (may be omitted if the indicator has only one).
        names: District names by id, for labels.
        highlight: A district id drawn in red and always labelled.
        lang: Language of the words in the chart ('en' or 'vi').
        room_for: Leave room on the left for a label of this many characters (a base
            that `mark_caterpillar` marks with one district's label).
    """
    w = CHART_WORDS[lang]
    comparison = select_comparison(shrinkage, indicator, window)
    first = comparison.iloc[0]
    rows = comparison[comparison["estimate"].notna()].sort_values("estimate", ascending=False)
    if rows.empty:
        return _empty(
            w["no_estimate"].format(title=_title(first, lang), n=int(first["n_districts"]))
        )
    labels = _caterpillar_labels(rows, names, highlight, lang)
    room = [*labels, "x" * room_for]
    height = 0.22 * len(rows) + 1.2 if len(rows) <= MAX_LABELLED else 6.0
    figure, ax = _figure(7.0, max(2.2, height), labels=room, legend=True)
    y = np.arange(len(rows))
    ax.hlines(y, rows["low"], rows["high"], colors="#1565c0", linewidth=1.2)
    ax.scatter(rows["estimate"], y, color="#1565c0", s=14, zorder=3, label=w["estimate"])  # fmt: skip
    chosen = (rows["district_id"] == highlight).to_numpy()
    if chosen.any():
        ax.hlines(y[chosen], rows["low"][chosen], rows["high"][chosen], colors="#c62828", linewidth=2.5, zorder=4)  # fmt: skip
        ax.scatter(rows["estimate"][chosen], y[chosen], color="#c62828", s=24, zorder=5)
    ax.scatter(rows["raw"], y, facecolors="none", edgecolors="#333", s=14, zorder=3, label=w["raw"])  # fmt: skip
    ax.axvline(first["prior_mean"], color="#333", linewidth=0.8, linestyle=":", label=w["mean"])  # fmt: skip
    shown = [i for i, label in enumerate(labels) if label]
    ax.set_yticks(y[shown], [labels[i] for i in shown], fontsize=6 if len(rows) > 20 else 7)
    ax.invert_yaxis()
    ax.set_xlabel(_wrap(w["caterpillar_axis"], ax, 15), fontsize=8)
    number_ticks(ax, lang, axis="x")
    ax.set_title(
        _wrap(w["districts"].format(title=_title(first, lang), n=len(rows)), ax), fontsize=9
    )
    _legend_below(figure, ax, columns=3)
    return Chart(figure)


def mark_caterpillar(
    shrinkage: pd.DataFrame,
    indicator: str,
    window: str,
    district_id: str,
    lang: str = "en",
) -> Chart | MarkedChart:
    """`plot_caterpillar` with `district_id` highlighted, drawn once per comparison and
    language in a kernel and marked for each district (`chart_marks`): the district's
    interval and estimate in red and, beyond `MAX_LABELLED` districts, its label."""
    comparison = select_comparison(shrinkage, indicator, window)
    rows = comparison[comparison["estimate"].notna()].sort_values("estimate", ascending=False)
    where = np.flatnonzero((rows["district_id"] == district_id).to_numpy())
    if not len(where):
        return plot_caterpillar(shrinkage, indicator, window, highlight=district_id, lang=lang)
    i, row = int(where[0]), rows.iloc[int(where[0])]
    label = _caterpillar_labels(rows.iloc[[i]], None, None, lang)[0]  # one row: labelled
    small = 6 if len(rows) > 20 else 7

    def marks(ax) -> list:
        artists = [
            ax.hlines([i], [row["low"]], [row["high"]], colors="#c62828", linewidth=2.5, zorder=4),
            ax.scatter([row["estimate"]], [i], color="#c62828", s=24, zorder=5),
        ]
        if len(rows) > MAX_LABELLED:  # the base has no labels: write this one as a tick's
            artists.append(ax.annotate(label, (0, i), xycoords=("axes fraction", "data"),
                                       xytext=(-7, 0), textcoords="offset points", ha="right",
                                       va="center", fontsize=small))  # fmt: skip
        return artists

    # Room for labels up to a multiple of 6 characters: a few bases per comparison, each
    # as wide on the left as the district's own label needs (within 5 characters).
    room = -(-len(label) // 6) * 6 if len(rows) > MAX_LABELLED else 0

    def draw() -> Chart:
        return plot_caterpillar(shrinkage, indicator, window, lang=lang, room_for=room)

    key = ("caterpillar", lang, indicator, window, room, rows_digest(rows))
    return mark_chart(key, draw, marks)
