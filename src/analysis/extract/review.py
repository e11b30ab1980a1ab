"""A page to review proposed facts, and the CSV in which the reviewer accepts them.

The page is one self-contained HTML file: each article as text with every proposed figure
highlighted, and beside it a table of what the figure was read as. Clicking a row shows its
figure in the text. Everything from the article or the proposals is escaped, so an article
containing markup shows it as text; the little script only moves the view and sets text
with `textContent`. The article text appears only in this page, generated on the user's
machine from the user's file; the CSV carries offsets, never sentences.

The CSV has one row per proposal and an `accept` column: "yes" (or y, x, 1, có) to accept;
empty or "no" to reject. `merge` adds the accepted rows to a dataset.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

from analysis.extract.propose import COLUMNS, Extraction
from analysis.files import write_text_atomic
from analysis.present.export import neutralise_formula

REVIEW_COLUMNS = ("accept", "note", "source_url", "published", *COLUMNS)
"""Columns of the review CSV: the decision, a note, where the article is, then the proposal."""

_NUMERIC = frozenset({"value", "paragraph", "span_start", "span_end", "confidence"})

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd}
h1{font-size:20px;margin:0 0 4px}h2{font-size:17px;margin:0 0 6px}
section{display:flex;gap:20px;padding:16px 24px;border-bottom:1px solid #ddd;align-items:flex-start}
.text{flex:1 1 50%;white-space:pre-wrap;background:#fff;padding:12px 16px;border:1px solid #ddd;
max-height:80vh;overflow:auto}
.side{flex:1 1 50%;max-height:80vh;overflow:auto}
table{border-collapse:collapse;font-size:13px;width:100%}
th,td{border-bottom:1px solid #e4e4e4;padding:3px 6px;text-align:left;vertical-align:top}
tbody tr{cursor:pointer}tbody tr:hover{background:#eef4ff}
mark{background:#ffe28a;border-radius:3px;padding:0 1px}mark.low{background:#e8e8e8}
mark.flash{outline:3px solid #d33}
.meta{color:#555;font-size:13px}.warn{color:#a40}
"""

_SCRIPT = """
document.querySelectorAll('tr[data-mark]').forEach(function (row) {
  row.addEventListener('click', function () {
    var mark = document.getElementById(row.getAttribute('data-mark'));
    var status = document.getElementById('status');
    if (!mark) { status.textContent = 'This figure overlaps another one; see its offsets.'; return; }
    document.querySelectorAll('mark.flash').forEach(function (m) { m.classList.remove('flash'); });
    mark.classList.add('flash');
    mark.scrollIntoView({block: 'center'});
    status.textContent = 'Figure ' + row.getAttribute('data-number') + ': ' + mark.textContent;
  });
});
"""


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _marked_text(article: Extraction, prefix: str) -> str:
    """The article with each figure in a <mark>; a figure overlapping an earlier one is
    listed in the table but not marked."""
    parts, position = [], 0
    for number, row in sorted(enumerate(article.rows, 1), key=lambda r: r[1]["span_start"]):
        start, end = row["span_start"], row["span_end"]
        if start < position:
            continue
        low = " class='low'" if row["confidence"] < 0.5 else ""
        parts.append(_e(article.text[position:start]))
        parts.append(f"<mark id='{prefix}-{number}'{low}>{_e(article.text[start:end])}</mark>")
        position = end
    parts.append(_e(article.text[position:]))
    return "".join(parts)


def _reading(row: dict) -> str:
    what = " ".join(_e(row[c]) for c in ("metric", "subject", "category") if row[c])
    period = "–".join(_e(row[c]) for c in ("period_start", "period_end") if row[c])
    sign = row["comparator"] or row["qualifier"]
    return (
        f"<td>{what}</td><td>{_e(row['kind'])}</td><td>{period} <span class='meta'>"
        f"{_e(row['period_kind'])}</span></td><td>{_e(sign)} {_e(row['value'])} "
        f"{_e(row['unit'])}</td><td>{_e(row['district_id'])}</td><td>{_e(row['paragraph'])}</td>"
        f"<td>{_e(row['rule'])}</td><td>{_e(row['confidence'])}</td>"
    )


def _section(article: Extraction, index: int) -> str:
    prefix = f"a{index}"
    rows = "".join(
        f"<tr data-mark='{prefix}-{n}' data-number='{n}'><td>{n}</td>{_reading(row)}</tr>"
        for n, row in enumerate(article.rows, 1)
    )
    warnings = "".join(f"<div class='warn'>{_e(w)}</div>" for w in article.warnings)
    head = (
        "<tr><th>#</th><th>reading</th><th>kind</th><th>period</th><th>value</th>"
        "<th>district</th><th>¶</th><th>rule</th><th>conf.</th></tr>"
    )
    return (
        f"<section><div class='text'><h2>{_e(article.source)}</h2>"
        f"<div class='meta'>published {_e(article.published or 'unknown')}; districts named: "
        f"{_e(', '.join(article.districts) or 'none')}</div>{warnings}"
        f"<div>{_marked_text(article, prefix)}</div></div>"
        f"<div class='side'><table><thead>{head}</thead><tbody>{rows}</tbody></table></div>"
        "</section>"
    )


def review_page(articles: list[Extraction], csv_name: str) -> str:
    """Returns the review page for some articles, as one HTML document."""
    total = sum(len(a.rows) for a in articles)
    sections = "".join(_section(a, i) for i, a in enumerate(articles, 1))
    return (
        "<!DOCTYPE html><html lang='vi'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>Proposed facts to review</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>Proposed facts to review</h1><div class='meta'>{total} proposals from "
        f"{len(articles)} article(s). Accept or reject each in <b>{_e(csv_name)}</b> (column "
        "accept: yes or no), then run <code>python -m analysis merge "
        f"{_e(csv_name)} --into DATASET</code>. Click a row to see its figure.</div>"
        f"<div id='status' class='meta' role='status'></div></header>{sections}"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def review_rows(articles: list[Extraction]) -> list[dict]:
    """Returns the rows of the review CSV: every proposal, `accept` empty."""
    rows = []
    for article in articles:
        for row in article.rows:
            source_url = f"file:{Path(article.source).name}"
            rows.append(
                {
                    "accept": "",
                    "note": "",
                    "source_url": source_url,
                    "published": article.published,
                    **row,
                }
            )
    return rows


def review_csv(articles: list[Extraction]) -> str:
    """Returns the review CSV as text (formula-like text neutralised for spreadsheets)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=REVIEW_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in review_rows(articles):
        writer.writerow(
            {k: v if k in _NUMERIC else neutralise_formula(str(v)) for k, v in row.items()}
        )
    return out.getvalue()


def write_review(articles: list[Extraction], page: Path) -> tuple[Path, Path]:
    """Writes the review page and, beside it, the CSV (same name, .csv); returns both paths.

    Both are written under a temporary name and renamed, so an existing file is either kept
    or replaced whole.
    """
    page = Path(page)
    table = page.with_suffix(".csv")
    write_text_atomic(table, review_csv(articles))
    write_text_atomic(page, review_page(articles, table.name))
    return page, table
