"""Tables for other tools: CSV for spreadsheets, Markdown for reading, JSON for programs.

Text that a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a
carriage return) is prefixed with an apostrophe in CSV output; numbers stay numbers.
"""

from __future__ import annotations

import io
import json
import math

import numpy as np
import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = ("csv", "markdown", "json")


def neutralise_formula(value: object) -> object:
    """Returns text that would start a spreadsheet formula with a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _text_columns(frame: pd.DataFrame) -> list[str]:
    return [
        c
        for c in frame.columns
        if not pd.api.types.is_numeric_dtype(frame[c])
        and not pd.api.types.is_datetime64_any_dtype(frame[c])
    ]


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = (
                out[column].dt.strftime("%Y-%m-%d").astype(object).where(out[column].notna(), None)
            )
        elif isinstance(out[column].dtype, pd.CategoricalDtype):
            out[column] = out[column].astype(object)
    return out


def _rounded(value: object) -> object:
    """A float with six significant digits, written out (never in scientific notation)."""
    if isinstance(value, float) and math.isfinite(value):
        return np.format_float_positional(
            value, precision=6, unique=True, fractional=False, trim="-"
        )
    return value


def to_csv(frame: pd.DataFrame) -> str:
    """CSV with formula-like text neutralised and numbers to six significant digits.

    Full precision is in the JSON output; a spreadsheet reader wants `117.25`, not
    `117.25000000000001`.
    """
    out = _plain(frame)
    for column in _text_columns(out):
        out[column] = out[column].map(neutralise_formula)
    for column in out.columns:
        if pd.api.types.is_float_dtype(out[column]):
            out[column] = out[column].astype(object).map(_rounded)
    return out.to_csv(index=False, lineterminator="\n")


def _cell(value: object) -> str:
    if (
        value is None
        or (isinstance(value, float) and math.isnan(value))
        or value is pd.NA
        or value is pd.NaT
    ):
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(frame: pd.DataFrame) -> str:
    """A Markdown table (pipes in text escaped)."""
    out = _plain(frame)
    lines = ["| " + " | ".join(map(str, out.columns)) + " |", "|" + "---|" * len(out.columns)]
    for row in out.itertuples(index=False):
        lines.append("| " + " | ".join(_cell(v) for v in row) + " |")
    return "\n".join(lines) + "\n"


def _json_value(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def to_json(frame: pd.DataFrame) -> str:
    """JSON records, missing values as null, dates as YYYY-MM-DD."""
    out = _plain(frame)
    records = [{k: _json_value(v) for k, v in row.items()} for row in out.to_dict("records")]
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"


def format_table(frame: pd.DataFrame, fmt: str) -> str:
    """Formats a table as csv, markdown or json."""
    if fmt == "csv":
        return to_csv(frame)
    if fmt == "markdown":
        return to_markdown(frame)
    if fmt == "json":
        return to_json(frame)
    raise ValueError(f"format must be one of {', '.join(FORMATS)}")


def write_table(frame: pd.DataFrame, fmt: str, stream: io.TextIOBase) -> None:
    """Writes a formatted table to a stream."""
    stream.write(format_table(frame, fmt))
