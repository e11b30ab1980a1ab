"""The summary at the top of the reports across districts and of the data-quality report.

For each report, key figures as cards and three to six plain sentences, computed from the
tables the report shows (nothing is computed again). A sentence cites the facts it rests on
(footnotes) or, when it counts over a whole table, the section showing that table. A sentence
whose figures are missing is not written: a data-poor report says less, not "—".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from analysis.data.labels import term_label
from analysis.data.outputs import COLUMNS
from analysis.present.formats import format_number, format_period, format_value
from analysis.present.overview_words import WORDS
from analysis.text.phrases import Wording

OUTSIDE = ("above", "below")
"""Positions outside the 99.8 % funnel limits."""


@dataclass
class Overview:
    """Cards (label, value, detail, fact ids) and sentences (text, fact ids, section key)."""

    cards: list[tuple[str, str, str, str]] = field(default_factory=list)
    sentences: list[tuple[str, str, str]] = field(default_factory=list)


def _ids(frame: pd.DataFrame, column: str = "fact_ids") -> str:
    return ";".join(frame[column].dropna().astype(str)) if column in frame else ""


def _count(n: int, lang: str) -> str:
    return format_number(n, 0, lang)


def _rate(value: float, lang: str) -> str:
    return format_number(value, 2, lang)


def _percent(value: float, lang: str) -> str:
    return format_number(value, 1, lang) + " %"


def format_window(window: str, lang: str) -> str:
    """A comparison window as people write it: '2020–2025' a term, '2023 (2018 scheme)'; in
    Vietnamese a window that `analysis.compare.indicators` made a phrase says itself."""
    if lang == "vi" and isinstance(window, Wording):
        return window.say(lang)
    w = WORDS[lang]
    match = re.fullmatch(r"(\d{4}) \((.+) scheme\)", str(window))
    if match:
        return w["scheme_year"].format(year=match[1], scheme=match[2])
    match = re.fullmatch(r"(.+) \((year|term|dates|review|year_to_date|term_to_date)\)", window)
    if match:
        period = format_period(match[1], lang)
        return period if match[2] == "term" else w["in_year"].format(period=period)
    return format_period(window, lang)


def _extremes(rows: pd.DataFrame, column: str = "value") -> tuple[pd.Series, pd.Series] | None:
    """The rows with the highest and lowest value (None when fewer than two have one)."""
    rows = rows.dropna(subset=[column])
    if rows["district_id"].nunique() < 2:
        return None
    ordered = rows.sort_values([column, "district"], ascending=[False, True], kind="stable")
    return ordered.iloc[0], ordered.iloc[-1]


def _outside_sentence(funnel: pd.DataFrame, indicators: tuple[str, ...], lang: str):
    """How many districts lie outside the 99.8 % limits, in windows that have limits."""
    w = WORDS[lang]
    rows = funnel[funnel["indicator"].isin(indicators) & funnel["position_998"].notna()]
    rows = rows[rows["position_998"].astype(str) != ""]
    if rows.empty:
        return None
    windows = rows.groupby(["indicator", "window"]).ngroups
    outside = rows[rows["position_998"].isin(OUTSIDE)]
    if outside.empty:
        return (w["none_outside"].format(windows=_count(windows, lang)), "", "fair-growth")
    named = ", ".join(
        w["named_outside"].format(
            district=r.district, side=w[r.position_998], window=format_window(r.window, lang)
        )
        for r in outside.itertuples()
    )
    text = w["outside"].format(n=_count(len(outside), lang), windows=_count(windows, lang))
    return (text + " " + named + ".", _ids(outside), "fair-growth")


def summarize_growth(
    comparison: pd.DataFrame, levels: pd.DataFrame, funnel: pd.DataFrame, names: dict, lang: str
) -> Overview:
    """The growth comparison: districts and their figures, extremes of admissions per 100
    members with their windows, the fastest growth of membership (each district's latest
    span of a year or more), and the districts outside the funnel limits."""
    w, out = WORDS[lang], Overview()
    n = len(comparison)
    members = int(comparison["members"].notna().sum())
    admitted = int(comparison["admissions_per_year"].notna().sum())
    rated = int(comparison["admissions_per_100_members"].notna().sum())
    out.cards += [(w["c_districts"], _count(n, lang), "", ""),
                  (w["c_members"], _count(members, lang), w["of_n"].format(n=_count(n, lang)), ""),
                  (w["c_admitted"], _count(admitted, lang), w["of_n"].format(n=_count(n, lang)), "")]  # fmt: skip
    if n:
        out.sentences.append((w["s_districts"].format(n=_count(n, lang), members=_count(members, lang),
                              admitted=_count(admitted, lang), rated=_count(rated, lang)), "", "comparison"))  # fmt: skip
    admissions = funnel[funnel["indicator"] == "admissions"]
    extremes = _extremes(admissions)
    if extremes:
        high, low = extremes
        out.cards.append((w["c_highest"], _rate(high["value"], lang), high["district"], high["fact_ids"]))  # fmt: skip
        out.sentences.append((w["s_extremes"].format(
            high=high["district"], high_value=_rate(high["value"], lang),
            high_window=format_window(high["window"], lang), low=low["district"],
            low_value=_rate(low["value"], lang), low_window=format_window(low["window"], lang),
            n=_count(admissions["district_id"].nunique(), lang)),
            f"{high['fact_ids']};{low['fact_ids']}", ""))  # fmt: skip
    grown = levels[(levels["metric"] == "party_members") & ~levels["short_span"].astype(bool)]
    grown = grown.dropna(subset=["cagr_percent"]).sort_values("end_date")
    grown = grown.drop_duplicates("district_id", keep="last")
    if len(grown) >= 2:
        top = grown.sort_values("cagr_percent", ascending=False).iloc[0]
        out.sentences.append((w["s_growth"].format(
            n=_count(len(grown), lang), district=names.get(top["district_id"], top["district_id"]),
            value=_percent(top["cagr_percent"], lang)), top["fact_ids"], ""))  # fmt: skip
    outside = _outside_sentence(funnel, ("admissions", "membership_growth"), lang)
    if outside:
        out.sentences.append(outside)
        flagged = funnel[funnel["position_998"].isin(OUTSIDE)]
        out.cards.append((w["c_outside"], _count(len(flagged), lang), w["limits"], ""))
    return out


def summarize_ratings(
    summary: pd.DataFrame, checks: pd.DataFrame, tests: pd.DataFrame, names: dict, lang: str
) -> Overview:
    """The ratings comparison: distributions, the range of the excellent share in the year
    most districts share, the figures that do not add up, and the tests of homogeneity."""
    w, out = WORDS[lang], Overview()
    groups = summary.groupby(["district_id", "period", "subject"]).ngroups if len(summary) else 0
    districts = summary["district_id"].nunique()
    out.cards += [(w["c_distributions"], _count(groups, lang), "", ""),
                  (w["c_districts"], _count(districts, lang), "", "")]  # fmt: skip
    if groups:
        years = summary["year"].dropna().astype(int)
        key = "s_distributions" if years.min() < years.max() else "s_distributions_one"
        out.sentences.append((w[key].format(
            n=_count(groups, lang), districts=_count(districts, lang),
            first=years.min(), last=years.max()), "", "ratings"))  # fmt: skip
    excellent = _excellent_sentence(summary, names, lang)
    if excellent:
        out.sentences.append(excellent)
    out.cards.append((w["c_checks"], _count(len(checks), lang), "", ""))
    if groups:
        text = w["s_checks"] if len(checks) else w["s_no_checks"]
        out.sentences.append((text.format(n=_count(len(checks), lang),
                              districts=_count(checks["district_id"].nunique(), lang)),
                              _ids(checks), "contradictions"))  # fmt: skip
    if len(tests):
        run = int((tests["test"] != "not testable").sum())
        out.cards.append((w["c_tests"], w["a_of_b"].format(a=_count(run, lang), b=_count(len(tests), lang)), "", ""))  # fmt: skip
        key = "s_tests" if run else "s_no_tests"
        out.sentences.append((w[key].format(run=_count(run, lang), n=_count(len(tests), lang)), "", "tests"))  # fmt: skip
    return out


def _excellent_sentence(summary: pd.DataFrame, names: dict, lang: str):
    """The range of the share of organisations (else members) rated excellent, in the year
    with the most districts having that share."""
    w = WORDS[lang]
    rows = summary[(summary["category"] == "excellent") & summary["share"].notna()]
    if rows.empty:
        return None
    subject = "organization" if (rows["subject"] == "organization").any() else "member"
    rows = rows[rows["subject"] == subject].drop_duplicates(["district_id", "year"])
    counts = rows.groupby("year")["district_id"].nunique()
    year = counts[counts == counts.max()].index.max()
    rows = rows[rows["year"] == year].assign(district=lambda f: f["district_id"].map(names))
    what = w["excellent_of"].format(subject=term_label("subject", subject, lang))
    extremes = _extremes(rows, "share")
    if extremes is None:
        row = rows.iloc[0]
        text = w["s_excellent_one"].format(year=int(year), what=what, district=row["district"],
                                           value=_percent(row["share"], lang))  # fmt: skip
        return (text, row["fact_ids"], "")
    high, low = extremes
    text = w["s_excellent"].format(year=int(year), what=what, n=_count(len(rows), lang),
                                   low=_percent(low["share"], lang), low_district=low["district"],
                                   high=_percent(high["share"], lang), high_district=high["district"])  # fmt: skip
    return (text, f"{low['fact_ids']};{high['fact_ids']}", "")


STATUSES = {"met": "met", "on track": "on_track", "behind": "behind", "not met": "not_met",
            "undetermined": "undetermined", "not yet measurable": "not_measurable"}  # fmt: skip


def summarize_targets(assessment: pd.DataFrame, stated: pd.DataFrame, lang: str) -> Overview:
    """The targets: how many, of how many districts; met, on track, behind or not met,
    undetermined and not yet measurable; stated attainments checked."""
    w, out = WORDS[lang], Overview()
    n = len(assessment)
    status = assessment["status"].value_counts() if n else pd.Series(dtype=int)
    counts = {key: int(status.get(value, 0)) for value, key in STATUSES.items()}
    out.cards += [(w["c_targets"], _count(n, lang), "", ""),
                  (w["c_met"], _count(counts["met"], lang), "", ""),
                  (w["c_not_met"], _count(counts["behind"] + counts["not_met"], lang), "", ""),
                  (w["c_undetermined"], _count(counts["undetermined"], lang), "", "")]  # fmt: skip
    if n:
        out.sentences.append((w["s_targets"].format(
            n=_count(n, lang), districts=_count(assessment["district_id"].nunique(), lang)), "", "targets"))  # fmt: skip
        measured = n - counts["not_measurable"]
        parts = [w["st_" + k].format(n=_count(v, lang)) for k, v in counts.items()
                 if v and k != "not_measurable"]  # fmt: skip
        if parts:
            text = w["s_statuses"].format(measured=_count(measured, lang), parts=", ".join(parts))
            if counts["undetermined"]:
                text += " " + w["s_undetermined"]
            met = assessment[assessment["status"] == "met"]
            out.sentences.append((text, _ids(met, "target_facts"), "targets"))
        if counts["not_measurable"]:
            out.sentences.append((w["s_not_measurable"].format(n=_count(counts["not_measurable"], lang)), "", "targets"))  # fmt: skip
    if len(stated):
        differs = int((stated["check"] == "differs beyond rounding").sum())
        key = "s_stated" if differs else "s_stated_agree"
        cited = _ids(stated[stated["check"] == "differs beyond rounding"])
        out.sentences.append((w[key].format(n=_count(len(stated), lang), differs=_count(differs, lang)),
                              cited, "targets"))  # fmt: skip
    return out


def summarize_quality(findings: pd.DataFrame, by_check: pd.DataFrame, lang: str) -> Overview:
    """Data quality: contradictions found and by whom, the checks finding most, and the
    districts most affected."""
    w, out = WORDS[lang], Overview()
    n = len(findings)
    districts = findings["district_id"].nunique() if n else 0
    library = int((findings["found_by"] == "library").sum()) if n else 0
    out.cards += [(w["c_findings"], _count(n, lang), "", ""),
                  (w["c_districts_hit"], _count(districts, lang), "", ""),
                  (w["c_library"], _count(library, lang), "", ""),
                  (w["c_readers"], _count(n - library, lang), "", "")]  # fmt: skip
    if not n:
        out.sentences.append((w["s_no_findings"], "", ""))
        return out
    out.sentences.append((w["s_findings"].format(n=_count(n, lang), districts=_count(districts, lang),
                          library=_count(library, lang), readers=_count(n - library, lang)), "", "contradictions"))  # fmt: skip
    check = [
        (format_value(r.check, COLUMNS["check"], lang), r.findings)
        for r in by_check.head(3).itertuples()
    ]
    kinds = "; ".join(w["kind_count"].format(kind=k, n=_count(c, lang)) for k, c in check)
    out.sentences.append((w["s_kinds"].format(kinds=kinds), "", "contradictions"))
    per = findings.groupby("district")["fact_ids"].agg(["size", ";".join])
    per = per.sort_values("size", ascending=False, kind="stable")
    top = per[per["size"] == per["size"].iloc[0]] if per["size"].iloc[0] > 1 else per.head(0)
    if not top.empty:
        key = "s_most" if len(top) > 1 else "s_most_one"
        text = w[key].format(
            districts=", ".join(top.index), n=_count(int(top["size"].iloc[0]), lang)
        )
        out.sentences.append((text, ";".join(top["join"]), ""))
    return out
