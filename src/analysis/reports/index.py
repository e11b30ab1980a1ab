"""The index page of an output folder: every report in it, its state, key figures and links.

The index lists the reports of this run and every other report found in the folder (made
by an earlier run with another `--districts` selection), so it never forgets one. Reports
across districts come first, then districts by region and province. index.html and
index.json are written together: both change, or neither. Everything shown comes through
Jinja2 with autoescaping, so names from data are text, never markup.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

from analysis.files import write_texts_together
from analysis.present.index_page import render_index
from analysis.present.key_figures import format_figure
from analysis.reports.records import ProvenanceRecord, read_record
from analysis.reports.registry import Group, ReportState

COUNTED = (
    ReportState.COMPLETED,
    ReportState.UP_TO_DATE,
    ReportState.FAILED,
    ReportState.MISSING,
    ReportState.KEPT,
)
"""The states the index counts (its template names them by value)."""
STATUS_TEXT = {
    ReportState.COMPLETED: "made",
    ReportState.FAILED: "failed",
    ReportState.MISSING: "not produced (run interrupted)",
}
DISTRICT_FIGURES = ("members", "admissions_per_year", "per_100_members", "facts", "contradictions")
"""Key figures a district report records that the index shows as sortable columns."""


def _status_text(state: ReportState, record: ProvenanceRecord | None) -> str:
    """What the index says of a report's state."""
    made = record.generated[:10] if record else ""
    if state is ReportState.UP_TO_DATE:
        return f"up to date (made {made})"
    if state is ReportState.KEPT:
        return f"from an earlier run (made {made}), not checked by this run"
    return STATUS_TEXT.get(state, "")


def _row(
    name,
    group: Group,
    title,
    region,
    province,
    state: ReportState,
    record,
    seconds=0.0,
    error="",
    figures=None,
) -> dict:
    """One row of the index, from what is known of a report."""
    record = record if isinstance(record, ProvenanceRecord) else None
    outputs = record.outputs if record else {}
    text = _status_text(state, record)
    figures = figures or (record.key_figures if record else {})
    key = record.data.get("data_key", "") if record else ""
    return {
        "fingerprint": key[:12], "values": dict(figures),
        "name": name, "group": group.value, "region": region, "province": province,
        "title": title.split(" (")[0] if group is Group.DISTRICT else title,
        "state": state.value, "status": state.value, "status_text": text,
        "error": error or (record.error if record else ""),
        "figures": {k: format_figure(v) for k, v in figures.items()},
        "html": outputs.get("html"), "ipynb": outputs.get("ipynb"),
        "json": str(Path(outputs["ipynb"]).with_suffix(".json")) if outputs else None,
        "seconds": round(seconds, 3),
    }  # fmt: skip


def _result_row(result, out_dir: Path) -> dict:
    job = result.job
    record = result.record
    if record is not None and not (out_dir / record.outputs.get("html", "?")).is_file():
        record = None  # a report whose HTML could not be written has no link
    return _row(job.name, job.group, job.title, job.region, job.province, result.state, record,
                result.seconds, result.error, result.key_figures)  # fmt: skip


def _earlier_rows(out_dir: Path, listed: set[tuple[str, str]]) -> list[dict]:
    """Rows for the reports in the folder that this run did not plan."""
    rows = []
    for group in Group:
        for sidecar in sorted((out_dir / group.folder).glob("*.json")):
            record = read_record(sidecar)
            if record is None or (group.value, record.name) in listed:
                continue
            if (
                record.group != group.value
                or not (out_dir / record.outputs.get("html", "?")).is_file()
            ):
                continue
            rows.append(_row(record.name, group, record.title, record.region, record.province,
                             ReportState.KEPT, record))  # fmt: skip
    return rows


def index_rows(out_dir: Path, results: list, planned: list) -> list[dict]:
    """Every report of the folder: this run's results, planned reports without a result (an
    interrupted run), then reports of earlier runs."""
    by_name = {r.job.name: r for r in results}
    rows = []
    for job in planned:
        if job.name in by_name:
            rows.append(_result_row(by_name[job.name], out_dir))
        else:
            rows.append(_row(job.name, job.group, job.title, job.region, job.province,
                             ReportState.MISSING, None))  # fmt: skip
    listed = {(r["group"], r["name"]) for r in rows}
    return rows + _earlier_rows(out_dir, listed)


def write_index(
    out_dir: Path,
    results: list,
    planned: list,
    data: dict,
    seconds: float = 0.0,
    interrupted: bool = False,
    lang: str = "vi",
    other_language: tuple[str, str] | None = None,
) -> Path:
    """Writes index.html and index.json into the output folder, together; returns the HTML path.

    Args:
        out_dir: The output folder.
        results: This run's `ReportResult`s.
        planned: Every job of this run; those without a result are listed as not produced.
        data: origin, fingerprint and synthetic (a bool) of the dataset.
        seconds: How long the run took.
        interrupted: Whether the run was interrupted.
        lang: Language of the page, 'vi' or 'en'.
        other_language: (label, address) of the index in the other language, if made.

    Raises:
        OSError: When either file cannot be written (then neither was changed).
    """
    rows = index_rows(out_dir, results, planned)
    tally = Counter(ReportState(r["state"]) for r in rows)
    counts = {state.value: tally[state] for state in COUNTED}
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    summary = {
        "generated": generated,
        "data": data,
        "counts": counts,
        "seconds": round(seconds, 3),
        "interrupted": interrupted,
        "reports": rows,
    }
    path = out_dir / "index.html"
    write_texts_together(
        {
            path: render_index(rows, data, counts, generated, lang, other_language),
            out_dir / "index.json": json.dumps(summary, indent=1, ensure_ascii=False),
        }
    )
    return path
