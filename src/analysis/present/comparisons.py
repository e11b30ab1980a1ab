"""Showing fair comparisons in a notebook: per indicator and window, a sentence with the
window and the districts sharing it, the funnel plot and the caterpillar plot with rank
intervals; the figures left out with their reasons; the count model or why it is refused;
and where one district sits.

Takes the tables of `analysis.compare.tables`; computes nothing statistical.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from IPython.display import display

from analysis.compare.dispersion import MIN_DISTRICTS_FOR_DISPERSION
from analysis.compare.funnel import funnel_curves
from analysis.compare.indicators import EXPOSURES, EXPOSURES_VI, Indicator, label
from analysis.compare.shrinkage import MIN_DISTRICTS_FOR_PRIOR
from analysis.data.outputs import COLUMNS
from analysis.present.comparison_plots import plot_caterpillar, plot_funnel
from analysis.present.formats import VALUES_VI, format_number, format_yes_no
from analysis.present.tables import show_note, show_table
from analysis.present.wording import phrase, section
from analysis.text.phrases import Label, Wording

LEFT_OUT_SHOWN = ["district", "province", "period", "reason", "district_compared"]
POSITION_SHOWN = [
    "indicator_label", "window", "period", "n_districts", "value", "target", "low_998",
    "high_998", "position_998", "estimate", "low", "high", "rank", "rank_low", "rank_high",
]  # fmt: skip
FIGURES_SHOWN = ["window", "district", "province", "period", "numerator", "exposure", "value", "reading"]  # fmt: skip
RATE_RATIO_SHOWN = ["effect", "level", "reference", "rate_ratio", "low", "high", "p_value"]


def _cell(value: object, lang: str = "en") -> str:
    """A cell as a reader writes it: no scientific notation, no True/False; a phrase of the
    analyses in `lang`."""
    if isinstance(value, Wording | Label):
        return value.say(lang)
    if lang == "vi" and isinstance(value, str):
        return VALUES_VI.get(value, value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool | np.bool_):
        return format_yes_no(True, lang) if value else ""
    if isinstance(value, float):
        text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.3g}" if abs(value) >= 0.01 else f"{value:.4f}"  # fmt: skip
        return text.translate(str.maketrans({",": ".", ".": ","})) if lang == "vi" else text
    return str(value)


def _header(column: str, lang: str) -> str:
    """A column's declared label, or its name in words when it is not declared."""
    return COLUMNS[column].label(lang) if column in COLUMNS else column.replace("_", " ")


def _readable(frame: pd.DataFrame, columns: list[str], lang: str = "en") -> pd.DataFrame:
    """The columns shown, formatted as text, with headers in words (not code names)."""
    shown = frame.reindex(columns=columns)
    return pd.DataFrame(
        {_header(c, lang): [_cell(v, lang) for v in shown[c]] for c in columns},
        index=shown.index,
    )


def describe_window(rows: pd.DataFrame, lang: str = "en") -> str:
    """A sentence on one comparison: its window, how many districts share it, the target,
    φ and τ², and which districts lie outside the 99.8 % limits."""
    first = rows.iloc[0]
    n = int(first["n_districts"])
    text = phrase("window_shared", lang, indicator=label(first["indicator"], lang), window=first["window"], n=n)  # fmt: skip
    if n < MIN_DISTRICTS_FOR_DISPERSION:
        return text + phrase("too_few_funnel", lang, k=MIN_DISTRICTS_FOR_DISPERSION)
    outside = rows[rows["position_998"].astype(str).isin(["above", "below"])]
    names = ", ".join(f"{d} ({_cell(p, lang)})" for d, p in zip(outside["district"], outside["position_998"], strict=True))  # fmt: skip
    widened = (
        phrase(
            "widened", lang, adjustment=first["adjustment"], tau2=_cell(float(first["tau2"]), lang)
        )
        if first["adjustment"] != "none"
        else phrase("not_widened", lang)
    )
    number = {"target": format_number(first["target"], 2, lang), "phi": format_number(first["phi"], 2, lang)}  # fmt: skip
    ending = phrase("outside", lang, names=names) if names else phrase("none_outside", lang)
    return text + phrase("pooled", lang, widened=widened, **number) + ending


def show_comparison(
    funnel: pd.DataFrame,
    shrinkage: pd.DataFrame,
    indicator: str,
    highlight: str | None = None,
    lang: str = "en",
) -> None:
    """Displays every window of one indicator: the sentence of `describe_window`, the funnel
    plot (3 districts or more) and the caterpillar plot with rank intervals (5 or more); then
    the figures compared, window by window."""
    rows = funnel[funnel["indicator"] == indicator]
    if rows.empty:
        display(show_note(phrase("no_comparable", lang, indicator=label(indicator, lang))))
        return
    curves = funnel_curves(rows)
    for window, group in rows.groupby("window", sort=True):
        display(show_note(describe_window(group, lang)))
        n = int(group["n_districts"].iloc[0])
        if n >= MIN_DISTRICTS_FOR_DISPERSION:
            display(plot_funnel(group, curves, indicator, window))
        if n >= MIN_DISTRICTS_FOR_PRIOR:
            display(plot_caterpillar(shrinkage, indicator, window, highlight=highlight))
    exposures = EXPOSURES_VI if lang == "vi" else EXPOSURES
    caption = phrase("figures_compared", lang, indicator=label(indicator, lang), exposure=exposures[Indicator(indicator)])  # fmt: skip
    display(show_table(_readable(rows, FIGURES_SHOWN, lang), caption=caption))


def show_left_out(left: pd.DataFrame, indicator: str, lang: str = "en") -> None:
    """Displays the figures of an indicator that no comparison uses, with the reason."""
    rows = left[left["indicator"] == indicator]
    absent = rows.loc[~rows["district_compared"].astype(bool), "district_id"].nunique()
    caption = phrase(
        "left_out", lang, indicator=label(indicator, lang), rows=len(rows),
        districts=rows["district_id"].nunique(), absent=absent,
    )  # fmt: skip
    display(show_table(_readable(rows, LEFT_OUT_SHOWN, lang), caption=caption))


def show_count_model(model, reading: str, lang: str = "en") -> None:
    """Displays the count model's reading, rate ratios, cells and dispersion tests, or the
    refusal sentence when there is no model."""
    display(show_note(_cell(reading, lang)))
    if model is None:
        return
    display(show_table(_readable(model.rate_ratios, RATE_RATIO_SHOWN), caption="Rate ratios, 95 % intervals"))  # fmt: skip
    cells, tests = model.cells, model.dispersion_tests
    display(
        show_table(
            _readable(cells, list(cells.columns)), caption="Districts, events and exposure per cell"
        )
    )
    display(show_table(_readable(tests, list(tests.columns)), caption="Tests of over-dispersion"))


def show_position(position: pd.DataFrame, lang: str = "en") -> None:
    """Displays where one district sits in each comparison (`compare.tables.district_position`)."""
    if position.empty:
        display(show_note(phrase("no_position", lang)))
        return
    display(show_table(_readable(position, POSITION_SHOWN, lang), caption=section("place", lang)[0]))  # fmt: skip


def show_district_charts(funnel: pd.DataFrame, shrinkage: pd.DataFrame, district_id: str) -> None:
    """Displays, for each indicator the district is compared on, the funnel plot (3 districts
    or more) and the caterpillar plot with the district in red (5 or more) of one window: the
    one comparing the most districts, the latest of equals. The position table lists every
    window; a chart per window would be dozens of charts on a national panel."""
    mine = funnel[funnel["district_id"] == district_id]
    mine = mine.sort_values(["indicator", "window"], ascending=[True, False])
    chosen = mine.groupby("indicator", sort=True)["n_districts"].idxmax(skipna=False)
    for row in mine.loc[chosen.to_numpy()].itertuples():
        rows = funnel[(funnel["indicator"] == row.indicator) & (funnel["window"] == row.window)]
        if row.n_districts >= MIN_DISTRICTS_FOR_DISPERSION:
            display(plot_funnel(rows, funnel_curves(rows), row.indicator, row.window))
        if row.n_districts >= MIN_DISTRICTS_FOR_PRIOR:
            display(plot_caterpillar(shrinkage, row.indicator, row.window, highlight=district_id))
