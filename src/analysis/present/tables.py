"""Showing results in notebooks and their HTML exports, safely and the same way every time.

Everything that comes from data (names, notes, addresses) is escaped before it becomes HTML,
so a dataset cannot inject markup or script into a shared report. Tables render without
random ids, so that a report is byte-for-byte reproducible.
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable

import pandas as pd

from analysis.data.dataset import Dataset
from analysis.data.labels import term_label
from analysis.data.selection import text_of
from analysis.present.key_figures import record_key_figures  # noqa: F401 - notebooks call present.record_key_figures
from analysis.text.periods import period_label

_TABLE_STYLE = (
    "<style>.vn-scroll{overflow-x:auto;max-width:100%}"
    ".vn-table{border-collapse:collapse;font-size:0.85em;margin:0.5em 0}"
    "table.vn-table th,table.vn-table td{border:1px solid #ccc;padding:2px 6px;vertical-align:top;"
    "text-align:left !important}"
    ".vn-table th{background:#f3f3f3}.vn-table tr.derived td{font-style:italic;color:#444}"
    ".vn-banner{padding:6px 10px;border-radius:4px;margin:6px 0}"
    ".vn-synthetic{background:#fde2e2;border:1px solid #c33;font-weight:bold}"
    ".vn-note{background:#f6f6f0;border-left:3px solid #aa8}</style>"
)


_WORDS = {
    "vi": {"table": "Bảng", "nothing": ": không có gì để hiển thị cho lựa chọn này.",
           "more": "Còn {n} dòng không hiển thị."},
    "en": {"table": "Table", "nothing": ": nothing to show for this selection.",
           "more": "{n} more rows not shown."},
}  # fmt: skip


def _display(html_text: str) -> object:
    from IPython.display import HTML

    return HTML(html_text)


def escape(value: object) -> str:
    """Escapes any value for HTML text (None and NaN become empty)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return ""
    if isinstance(value, float):
        if math.isnan(value):
            return ""
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    return html.escape(str(value), quote=True)


def _link(url: str) -> str:
    safe = escape(url)
    if url.startswith(("http://", "https://")):
        return f'<a href="{safe}" rel="noopener noreferrer">{safe}</a>'
    return safe


def html_table(
    frame: pd.DataFrame,
    columns: Iterable[str] | None = None,
    *,
    links: Iterable[str] = (),
    derived_column: str | None = "derived",
    caption: str | None = None,
    max_rows: int | None = None,
    lang: str = "en",
) -> str:
    """Renders a table as HTML with every cell escaped.

    Args:
        frame: The table.
        columns: Columns to show (all by default).
        links: Columns holding web addresses, shown as links (http and https only).
        derived_column: A boolean column marking derived rows, shown in italics.
        caption: A caption above the table.
        max_rows: Show at most this many rows, saying how many were left out.
        lang: Language of that note ('en' or 'vi').
    """
    columns = list(columns) if columns is not None else list(frame.columns)
    links = set(links)
    shown = frame if max_rows is None else frame.head(max_rows)
    parts = [_TABLE_STYLE, '<div class="vn-scroll"><table class="vn-table">']
    if caption:
        parts.append(f"<caption>{escape(caption)}</caption>")
    parts.append(
        "<thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in columns) + "</tr></thead><tbody>"
    )
    for _, row in shown.iterrows():
        flag = row[derived_column] if derived_column and derived_column in row else False
        derived = bool(flag) if isinstance(flag, bool | int) else False
        cells = "".join(
            f"<td>{_link(str(row[c])) if c in links else escape(row[c])}</td>" for c in columns
        )
        parts.append(f'<tr class="{"derived" if derived else "stated"}">{cells}</tr>')
    parts.append("</tbody></table></div>")
    if max_rows is not None and len(frame) > max_rows:
        parts.append(f"<p><em>{_WORDS[lang]['more'].format(n=len(frame) - max_rows)}</em></p>")
    return "".join(parts)


def show_table(frame: pd.DataFrame, columns: Iterable[str] | None = None, **options) -> object:
    """Displays a table (see `html_table`); an empty table shows a short notice instead."""
    if frame.empty:
        words = _WORDS[options.get("lang", "en")]
        return show_note(options.get("caption", words["table"]) + words["nothing"])
    return _display(html_table(frame, columns, **options))


def show_note(text: str, *, synthetic: bool = False) -> object:
    """Displays a highlighted note (escaped text)."""
    kind = "vn-synthetic" if synthetic else "vn-note"
    return _display(f'{_TABLE_STYLE}<div class="vn-banner {kind}">{escape(text)}</div>')


def register_code(dataset: Dataset, district_id: str) -> str:
    """The district's GSO code: from its row or, when the row gives none, from the register
    (by id, else by name and province); "" when the register does not have it (a unit merged
    or renamed before July 2025)."""
    from analysis.data.register import canonical_province, load_register
    from analysis.text.vietnamese import fold

    row = dataset.districts.set_index("district_id").loc[district_id]
    code = str(row["gso_code"] or "")
    if code:
        return code
    register = load_register()
    province = canonical_province(str(row["province"])) or str(row["province"])
    same = (register["district_id"] == district_id) | (
        (register["name"].map(fold) == fold(str(row["name"]))) & (register["province"] == province)
    )
    return str(register.loc[same, "gso_code"].iloc[0]) if same.any() else ""


def _labelled(codes: pd.Series, vocabulary: str, lang: str) -> pd.Series:
    """Codes as their declared labels (empty stays empty)."""
    return text_of(codes).map(lambda c: term_label(vocabulary, c, lang) if c else "")


def facts_with_sources(
    dataset: Dataset, district_id: str | None = None, lang: str = "en"
) -> pd.DataFrame:
    """Returns facts joined with their sources, ready to show: the figures over time.

    What each figure counts and its qualifier are written with the declared labels of their
    codes in `lang` ('vi' or 'en'); the unit stays a code, labelled when a report shows it.
    """
    facts = (
        dataset.facts
        if district_id is None
        else dataset.facts[dataset.facts["district_id"] == district_id]
    )
    joined = facts.merge(dataset.sources, on="source_id", how="left")
    what = _labelled(joined["metric"], "metric", lang)
    for column in ("subject", "category"):
        detail = _labelled(joined[column], column, lang)
        what = what.where(detail == "", what + " · " + detail)
    return pd.DataFrame(
        {
            "period": [
                period_label(s, e)
                for s, e in zip(joined["period_start_text"], joined["period_end_text"], strict=True)
            ],
            "figure": what,
            "kind": text_of(joined["kind"]),
            "qualifier": _labelled(joined["comparator"], "comparator", lang),
            "value": joined["value"],
            "unit": text_of(joined["unit"]),
            "source": joined["publisher"].where(joined["publisher"] != "", joined["source_id"]),
            "published": joined["published_text"],
            "paragraph": joined["paragraph"],
            "url": joined["url"],
            "note": joined["note"],
            "fact_id": joined["fact_id"],
            "district_id": joined["district_id"],
            "period_end": joined["period_end"],
        }
    ).sort_values(["period_end", "figure"], kind="stable")
