"""Declared output tables as HTML: labelled, formatted per language, key columns first.

The declaration in `analysis.data.outputs` chooses, orders and labels the columns; values are
formatted by `formats`; fact ids become numbered footnote links to the "all figures" section;
the distinct methods of the rows go into a footnote under the table. Every value is escaped.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pandas as pd

from analysis.data.outputs import COLUMNS, Kind, output_table
from analysis.present.formats import format_value
from analysis.text.phrases import say

NUMERIC = {Kind.COUNT, Kind.AVERAGE, Kind.PERCENT, Kind.FRACTION, Kind.RATE, Kind.YEARS,
           Kind.NUMBER, Kind.RANK, Kind.PROBABILITY, Kind.YEAR}  # fmt: skip
_WORDS = {
    "vi": {"none": "{title}: không có số liệu cho lựa chọn này.", "more": "Còn {n} dòng không hiển thị.",
           "method": "Cách tính", "derived": "Dòng in nghiêng: số liệu suy ra, không phải số công bố."},
    "en": {"none": "{title}: nothing in the data for this selection.", "more": "{n} more rows not shown.",
           "method": "Method", "derived": "Rows in italics are derived, not stated."},
}  # fmt: skip


LINKED = {"source": "url"}
"""Columns shown as a link to the address in another column of the same row."""


def _link(url: str, text: str | None = None) -> str:
    safe = html.escape(url, quote=True)
    shown = safe if text is None else html.escape(text)
    if url.startswith(("http://", "https://")):
        return f'<a href="{safe}" rel="noopener noreferrer">{shown}</a>'
    return shown


def _cell(values: dict, column, lang: str, cite: Callable[[str], str]) -> str:
    value = values[column.name]
    target = values.get(LINKED.get(column.name, ""))
    if isinstance(target, str) and isinstance(value, str):
        return _link(target, value)
    if column.kind == Kind.CITATIONS:
        return cite("" if value is None else str(value))
    if column.kind == Kind.URL and isinstance(value, str):
        return _link(value)
    return html.escape(format_value(value, column, lang), quote=True)


def _shown_columns(table, frame: pd.DataFrame, shown: pd.DataFrame, names) -> tuple:
    """The declared columns the frame has, in display order, and the rows to show; a
    `district` column comes first when rows of several districts would otherwise not say."""
    columns = [c for c in table.columns() if c.name in table.displayed and c.name in frame.columns]
    columns.sort(key=lambda c: table.displayed.index(c.name))
    several = "district_id" in frame and frame["district_id"].nunique() > 1
    if names and several and "district" not in table.displayed:
        shown = shown.assign(district=shown["district_id"].map(names))
        columns.insert(0, COLUMNS["district"])
    return columns, shown


def _head_row(columns, lang: str, anchor: str | None) -> str:
    """The header cells, each with the column's description and unit as its tooltip."""
    head = "".join(
        f'<th title="{html.escape(c.meaning(lang), quote=True)}"'
        f"{' class=num' if c.kind in NUMERIC else ''}>{html.escape(c.label(lang))}</th>"
        for c in columns
    )
    if anchor:
        head = "<th class=num>#</th>" + head
    return f"<thead><tr>{head}</tr></thead><tbody>"


def _body_rows(shown: pd.DataFrame, columns, lang, cite, anchor, derived) -> list[str]:
    """One row per record, derived rows marked as such, anchored by footnote number."""
    rows = []
    for i, values in enumerate(shown.to_dict("records")):
        cells = "".join(
            f"<td{' class=num' if c.kind in NUMERIC else ''}>{_cell(values, c, lang, cite)}</td>"
            for c in columns
        )
        italic = derived is not None and bool(derived.iloc[i])
        row_id = ""
        if anchor:
            number = int(values[anchor])
            cells = f"<td class=num>{number}</td>" + cells
            row_id = f' id="fact-{number}"'
        rows.append(f'<tr{row_id} class="{"derived" if italic else "stated"}">{cells}</tr>')
    return rows


def _table_notes(frame: pd.DataFrame, words: dict, max_rows, derived, lang: str) -> list[str]:
    """Notes under a table: rows left out, what italics mean, and the methods used."""
    notes = []
    if max_rows is not None and len(frame) > max_rows:
        notes.append(words["more"].format(n=len(frame) - max_rows))
    if derived is not None and derived.any():
        notes.append(words["derived"])
    if "method" in frame.columns:
        said = [str(say(m, lang)) for m in frame["method"].dropna() if m and m != "stated"]
        methods = list(dict.fromkeys(said))
        if methods:
            notes.append(f"{words['method']}: " + "; ".join(methods[:4]) + ".")
    return notes


def render_table(
    frame: pd.DataFrame,
    name: str,
    lang: str,
    cite: Callable[[str], str],
    *,
    caption: str | None = None,
    max_rows: int | None = None,
    anchor: str | None = None,
    names: dict[str, str] | None = None,
) -> str:
    """Renders a declared table as HTML (a one-line note when it has no rows).

    Args:
        frame: A frame conforming to the declaration `name`.
        name: The output table's name.
        lang: 'vi' or 'en'.
        cite: Turns a ';'-separated list of fact ids into footnote links (HTML).
        caption: A caption instead of the table's declared title.
        max_rows: Show at most this many rows, saying how many were left out.
        anchor: A column of footnote numbers, shown first and made the rows' anchors.
        names: District names by id: rows of several districts without a `district` column
            get one, first.
    """
    table = output_table(name)
    frame = table.declared_frame(frame)
    words = _WORDS[lang]
    title = caption or table.title(lang)
    if frame.empty:
        return f'<p class="vn-empty">{html.escape(words["none"].format(title=title))}</p>'
    shown = frame if max_rows is None else frame.head(max_rows)
    columns, shown = _shown_columns(table, frame, shown, names)
    derived = shown["derived"].fillna(False).astype(bool) if "derived" in shown else None
    parts = [
        '<div class="vn-scroll"><table class="vn-table">',
        f"<caption>{html.escape(title)}</caption>",
        _head_row(columns, lang, anchor),
        *_body_rows(shown, columns, lang, cite, anchor, derived),
        "</tbody></table></div>",
    ]
    notes = _table_notes(frame, words, max_rows, derived, lang)
    if notes:
        parts.append('<p class="vn-foot">' + html.escape(" ".join(notes)) + "</p>")
    return "".join(parts)
