"""Shared by the extractor tests: run the extractor on a sentence written for the tests."""

from __future__ import annotations

from analysis.extract import extract_facts
from analysis.text.periods import parse_partial_date

FIELDS = ("metric", "subject", "category", "kind", "period_start", "period_end", "value", "unit")


def facts(text: str, published: str | None = "2024-01-23", **options) -> list[dict]:
    """The proposals for a text, as dicts of the main fields plus comparator, basis and span."""
    result = extract_facts(
        text, published=parse_partial_date(published) if published else None, **options
    )
    return [
        {
            **{f: row[f] for f in FIELDS},
            "comparator": row["comparator"],
            "qualifier": row["qualifier"],
            "basis": row["basis"],
            "period_kind": row["period_kind"],
            "district_id": row["district_id"],
            "figure": result.text[row["span_start"] : row["span_end"]],
        }
        for row in result.rows
    ]


def brief(text: str, published: str | None = "2024-01-23", **options) -> list[tuple]:
    """(metric, kind, value) of each proposal, in text order."""
    return [(f["metric"], f["kind"], f["value"]) for f in facts(text, published, **options)]
