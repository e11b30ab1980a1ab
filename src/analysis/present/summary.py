"""The summary at the top of a district report: key figures as cards, and plain sentences.

Each card and each sentence comes from an analysis's table and cites the facts it rests on.
A sentence is written only when its figures exist, so a data-poor report says little, and
says so, instead of filling space.
"""

from __future__ import annotations

import pandas as pd

from analysis.data.outputs import COLUMNS
from analysis.present.formats import format_date, format_number, format_period, format_value

_WORDS = {
    "vi": {
        "members": "Đảng viên", "per_year": "Kết nạp mỗi năm", "per_100": "Trên 100 đảng viên",
        "targets": "Chỉ tiêu đã đạt", "contradictions": "Số liệu mâu thuẫn", "facts": "Số liệu",
        "of": "{a} / {b}", "sources": "từ {n} nguồn",
        "s_members": "{date}, {name} có {value} đảng viên.",
        "s_growth": "Số đảng viên thay đổi bình quân {value}/năm từ {start} đến {end}.",
        "s_admissions": "Thời kỳ {period}: kết nạp {admissions} đảng viên, bình quân {per_year} mỗi năm.",
        "s_per_100": "Tức {rate} đảng viên mới mỗi năm trên 100 đảng viên.",
        "s_targets": "Đã đạt {met} trên {n} chỉ tiêu; {behind} chỉ tiêu chậm hoặc không đạt.",
        "s_contradictions": "{n} chỗ số liệu không khớp nhau (xem mục Số liệu mâu thuẫn).",
        "s_few": "Dữ liệu chỉ có {n} số liệu về đơn vị này.",
    },
    "en": {
        "members": "Party members", "per_year": "Admissions a year", "per_100": "Per 100 members",
        "targets": "Targets met", "contradictions": "Contradictions", "facts": "Figures",
        "of": "{a} of {b}", "sources": "from {n} source(s)",
        "s_members": "{date}, {name} had {value} party members.",
        "s_growth": "Membership changed by {value} a year on average from {start} to {end}.",
        "s_admissions": "{period}: {admissions} members admitted, {per_year} a year on average.",
        "s_per_100": "That is {rate} new members a year per 100 members.",
        "s_targets": "{met} of {n} targets met; {behind} behind or not met.",
        "s_contradictions": "{n} figures do not add up (see Contradictions).",
        "s_few": "The data hold only {n} figures about this district.",
    },
}  # fmt: skip


def _latest_members(stocks: pd.DataFrame) -> pd.Series | None:
    rows = stocks[(stocks["metric"] == "party_members") & ~stocks["derived"].astype(bool)]
    return None if rows.empty else rows.sort_values("date").iloc[-1]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def key_cards(lang: str, stocks, admissions, goals, findings, facts) -> list[tuple]:
    """Key figures as (label, value, detail, fact ids): members, admissions, targets, checks."""
    w = _WORDS[lang]
    cards = []
    members = _latest_members(stocks)
    if members is not None:
        cards.append((w["members"], format_number(members["value"], 0, lang),
                      format_date(members["date"], lang), members["fact_ids"]))  # fmt: skip
    if not admissions.empty:
        last = admissions.sort_values("period_end").iloc[-1]
        period = format_period(last["period"], lang)
        cards.append((w["per_year"], format_value(last["per_year"], COLUMNS["per_year"], lang),
                      period, last["fact_ids"]))  # fmt: skip
        if pd.notna(last["per_100_members"]):
            rate = format_value(last["per_100_members"], COLUMNS["per_100_members"], lang)
            cards.append((w["per_100"], rate, period, last["fact_ids"]))
    if not goals.empty:
        met = int((goals["status"] == "met").sum())
        cards.append((w["targets"], w["of"].format(a=met, b=len(goals)), "", ""))
    cards.append((w["contradictions"], str(len(findings)), "", ""))
    sources = facts["source_id"].nunique()
    cards.append((w["facts"], str(len(facts)), w["sources"].format(n=sources), ""))
    return cards


def key_sentences(lang: str, name: str, stocks, growth, admissions, goals, findings, facts):
    """Three to six plain sentences with the fact ids each rests on: (text, fact ids)."""
    w = _WORDS[lang]
    out = []
    members = _latest_members(stocks)
    if members is not None:
        date = _cap(format_date(members["date"], lang))
        value = format_number(members["value"], 0, lang)
        out.append((w["s_members"].format(date=date, name=name, value=value), members["fact_ids"]))
    grown = growth[(growth["metric"] == "party_members") & ~growth["short_span"].astype(bool)]
    if not grown.empty:
        row = grown.sort_values("end_date").iloc[-1]
        out.append((w["s_growth"].format(
            value=format_value(row["cagr_percent"], COLUMNS["cagr_percent"], lang),
            start=row["start_date"].year, end=row["end_date"].year), row["fact_ids"]))  # fmt: skip
    if not admissions.empty:
        last = admissions.sort_values("period_end").iloc[-1]
        out.append((w["s_admissions"].format(
            period=_cap(format_period(last["period"], lang)),
            admissions=format_number(last["admissions"], 0, lang),
            per_year=format_number(last["per_year"], 1, lang)), last["fact_ids"]))  # fmt: skip
        if pd.notna(last["per_100_members"]):
            rate = format_number(last["per_100_members"], 2, lang)
            out.append((w["s_per_100"].format(rate=rate), last["fact_ids"]))
    if not goals.empty:
        met = int((goals["status"] == "met").sum())
        behind = int(goals["status"].isin(["behind", "not met"]).sum())
        ids = ";".join(goals["target_facts"].astype(str))
        out.append((w["s_targets"].format(met=met, n=len(goals), behind=behind), ids))
    if len(findings):
        ids = ";".join(findings["fact_ids"].astype(str))
        out.append((w["s_contradictions"].format(n=len(findings)), ids))
    if len(out) < 3:
        out.append((w["s_few"].format(n=len(facts)), ""))
    return out[:6]
