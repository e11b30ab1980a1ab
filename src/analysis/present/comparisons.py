"""Showing fair comparisons in a notebook: per indicator and window, a sentence with the
window and the districts sharing it, the funnel plot and the caterpillar plot with rank
intervals; the figures left out with their reasons; the count model or why it is refused;
and where one district sits.

Takes the tables of `analysis.compare.tables`; computes nothing statistical.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import display

from analysis.compare.dispersion import MIN_DISTRICTS_FOR_DISPERSION
from analysis.compare.funnel import funnel_curves
from analysis.compare.indicators import EXPOSURES, EXPOSURES_VI, Indicator, label
from analysis.compare.model import Family
from analysis.compare.shrinkage import MIN_DISTRICTS_FOR_PRIOR
from analysis.data.outputs import COLUMNS, Column, Kind, output_table
from analysis.present.chart_marks import mark_point, rows_digest
from analysis.present.comparison_plots import (
    funnel_names_district,
    mark_caterpillar,
    plot_caterpillar,
    plot_funnel,
)
from analysis.present.comparison_words import ADJUSTMENTS_VI, MODEL_VI, WORDS
from analysis.present.formats import format_number, format_value
from analysis.present.overview import format_window
from analysis.present.tables import show_note, show_table
from analysis.text.phrases import Label, Wording

LEFT_OUT_SHOWN = ["district", "province", "period", "reason", "district_compared"]
POSITION_SHOWN = [
    "indicator_label", "window", "period", "n_districts", "value_per_100", "funnel_target", "low_998",
    "high_998", "position_998", "estimate", "low", "high", "rank", "rank_low", "rank_high",
]  # fmt: skip
FIGURES_SHOWN = ["window", "district", "province", "period", "numerator", "exposure", "value_per_100", "reading"]  # fmt: skip
RATE_RATIO_SHOWN = ["effect", "level", "reference", "rate_ratio", "rate_ratio_low", "rate_ratio_high", "p_value"]  # fmt: skip
RATE_RATIO_NAMES = {"low": "rate_ratio_low", "high": "rate_ratio_high"}
"""The count model's interval of a rate ratio, under the columns declared for it."""


def _readable(frame: pd.DataFrame, columns: list[str], lang: str = "en") -> pd.DataFrame:
    """The columns shown, formatted as text, with their declared labels as headers; the
    funnel's generic `value` and `target` under the names the funnel table declares."""
    shown = output_table("funnel").declared_frame(frame).reindex(columns=columns)
    if lang == "vi" and "window" in shown:
        shown = shown.assign(window=shown["window"].map(lambda v: format_window(v, lang), na_action="ignore"))  # fmt: skip
    for column in ("effect", "test") if lang == "vi" else ():
        if column in shown:
            shown[column] = shown[column].map(lambda v: MODEL_VI.get(v, v), na_action="ignore")
    return pd.DataFrame(
        {_column(c).label(lang): [format_value(v, _column(c), lang) for v in shown[c]] for c in columns},
        index=shown.index,
    )  # fmt: skip


def _column(name: str) -> Column:
    """The declaration of a column (a column of words when it has none)."""
    label = name.replace("_", " ")
    return COLUMNS.get(name) or Column(name, Kind.TEXT, label, label, label)


def describe_window(rows: pd.DataFrame, lang: str = "en") -> str:
    """A sentence on one comparison: its window, how many districts share it, the target,
    φ and τ², and which districts lie outside the 99.8 % limits."""
    w, first = WORDS[lang], rows.iloc[0]
    n = int(first["n_districts"])
    indicator = label(first["indicator"], lang) if "indicator" in rows else first["indicator_label"]
    window = format_window(first["window"], lang)
    text = w["window"].format(indicator=indicator[:1].upper() + indicator[1:], window=window, n=n)
    if n < MIN_DISTRICTS_FOR_DISPERSION:
        return text + w["few"].format(min=MIN_DISTRICTS_FOR_DISPERSION)
    outside = rows[rows["position_998"].astype(str).isin(["above", "below"])]
    names = ", ".join(f"{d} ({format_value(p, COLUMNS['position_998'], lang)})" for d, p in zip(outside["district"], outside["position_998"], strict=True))  # fmt: skip
    adjustment = str(first["adjustment"])
    shown = ADJUSTMENTS_VI.get(adjustment, adjustment) if lang == "vi" else adjustment
    tau2 = format_number(first["tau2"], 3, lang)
    widened = (
        w["not_widened"]
        if adjustment == "none"
        else w["widened"].format(adjustment=shown, tau2=tau2)
    )
    text += w["pooled"].format(target=format_number(first["target"], 2, lang),
                               phi=format_number(first["phi"], 2, lang), widened=widened)  # fmt: skip
    return text + (w["outside"].format(names=names) if names else w["none_outside"])


def _exposure(indicator: str, lang: str) -> str:
    return (EXPOSURES_VI if lang == "vi" else EXPOSURES)[Indicator(indicator)]


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
    w = WORDS[lang]
    rows = funnel[funnel["indicator"] == indicator]
    if rows.empty:
        display(show_note(w["none"].format(indicator=label(indicator, lang))))
        return
    curves = funnel_curves(rows)
    for window, group in rows.groupby("window", sort=True):
        display(show_note(describe_window(group, lang)))
        n = int(group["n_districts"].iloc[0])
        if n >= MIN_DISTRICTS_FOR_DISPERSION:
            display(plot_funnel(group, curves, indicator, window, lang=lang))
        if n >= MIN_DISTRICTS_FOR_PRIOR:
            display(plot_caterpillar(shrinkage, indicator, window, highlight=highlight, lang=lang))
    caption = w["figures"].format(
        indicator=label(indicator, lang), exposure=_exposure(indicator, lang)
    )
    windows = rows["window"].map(lambda v: format_window(v, lang))
    display(
        show_table(
            _readable(rows.assign(window=windows), FIGURES_SHOWN, lang), caption=caption, lang=lang
        )
    )


def show_left_out(left: pd.DataFrame, indicator: str, lang: str = "en") -> None:
    """Displays the figures of an indicator that no comparison uses, with the reason."""
    rows = left[left["indicator"] == indicator]
    absent = rows.loc[~rows["district_compared"].astype(bool), "district_id"].nunique()
    caption = WORDS[lang]["left_out"].format(
        indicator=label(indicator, lang), n=len(rows), districts=rows["district_id"].nunique(),
        absent=absent,
    )  # fmt: skip
    display(show_table(_readable(rows, LEFT_OUT_SHOWN, lang), caption=caption, lang=lang))


def show_count_model(model, reading: str, lang: str = "en") -> None:
    """Displays the count model's reading, rate ratios, cells and dispersion tests, or the
    refusal sentence when there is no model."""
    w = WORDS[lang]
    if model is not None and lang == "vi":
        reading = model_reading(model)
    display(show_note(reading.say(lang) if isinstance(reading, Wording | Label) else reading))
    if model is None:
        return
    ratios = model.rate_ratios.rename(columns=RATE_RATIO_NAMES)
    display(show_table(_readable(ratios, RATE_RATIO_SHOWN, lang), caption=w["ratios"], lang=lang))
    cells, tests = model.cells, model.dispersion_tests
    display(show_table(_readable(cells, list(cells.columns), lang), caption=w["cells"], lang=lang))
    display(
        show_table(_readable(tests, list(tests.columns), lang), caption=w["dispersion"], lang=lang)
    )


def show_position(position: pd.DataFrame, lang: str = "en") -> None:
    """Displays where one district sits in each comparison (`compare.tables.district_position`)."""
    if position.empty:
        display(show_note(WORDS[lang]["no_position"]))
        return
    position = _readable(position, POSITION_SHOWN, lang)
    display(show_table(position, caption=WORDS[lang]["position"], lang=lang))


def model_reading(model) -> Wording:
    """The reading of a fitted count model as a phrase (`compare.model` writes it in English
    only): its family, indicator, windows, dispersion and what the dispersion tests say."""
    windows = [Wording("model_window", window=w, n=n) for w, n in model.windows.items()]
    overdispersed = bool(model.dispersion_tests["p_value"].iloc[0] < 0.05)
    poisson = model.family == Family.POISSON
    verdict = "no_overdispersion" if not overdispersed else ("prefer_nb" if poisson else "as_nb")
    family = Label("Poisson", "Poisson") if poisson else Label("Negative binomial", "nhị thức âm")
    code = model.indicator
    known = code in set(Indicator)
    indicator = Label(label(code), label(code, "vi")) if known else Label(code, code)
    return Wording("model_reading", family=family, indicator=indicator, windows=windows,
                   dispersion=model.dispersion, verdict=Wording(verdict))  # fmt: skip


def show_district_charts(
    funnel: pd.DataFrame, shrinkage: pd.DataFrame, district_id: str, lang: str = "en"
) -> None:
    """Displays, for each indicator the district is compared on, the funnel plot (3 districts
    or more) with the district ringed and named, and the caterpillar plot with the district
    in red (5 or more), of one window: the one comparing the most districts, the latest of
    equals. The position table lists every window; a chart per window would be dozens of
    charts on a national panel. The funnel of a window is drawn once per kernel and marked
    for each district (`chart_marks`)."""
    mine = funnel[funnel["district_id"] == district_id]
    mine = mine.sort_values(["indicator", "window"], ascending=[True, False])
    chosen = mine.groupby("indicator", sort=True)["n_districts"].idxmax(skipna=False)
    for row in mine.loc[chosen.to_numpy()].itertuples():
        rows = funnel[(funnel["indicator"] == row.indicator) & (funnel["window"] == row.window)]
        if row.n_districts >= MIN_DISTRICTS_FOR_DISPERSION:
            display(_marked_funnel(rows, row, lang))
        if row.n_districts >= MIN_DISTRICTS_FOR_PRIOR:
            display(mark_caterpillar(shrinkage, row.indicator, row.window, district_id, lang))


def _marked_funnel(rows: pd.DataFrame, row, lang: str):
    def draw():
        return plot_funnel(rows, funnel_curves(rows), row.indicator, row.window, lang=lang)

    if pd.isna(row.value) or pd.isna(row.exposure):
        return draw()
    key = ("funnel", lang, row.indicator, row.window, rows_digest(rows))
    named = funnel_names_district(rows, row.district_id)  # the base names it: ring only
    name = "" if named else str(row.district)
    return mark_point(key, draw, float(row.exposure), float(row.value), name)
