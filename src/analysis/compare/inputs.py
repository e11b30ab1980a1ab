"""The tidy input of every comparison, and its checks.

One row per district, indicator and window: a numerator (events over the window, or the
number of units in a category) and an exposure (member-years, or the number of units rated).
`kind` says how the numerator arises: `share` (a binomial count out of the exposure) or
`rate` (a Poisson count over the exposure). Values are shown per 100 (per 100 units rated,
or per 100 member-years, i.e. per 100 members per year).

A row whose numerator or exposure is missing, or whose exposure is zero, has no comparable
figure: it is kept and listed in every output, never silently dropped, and takes no part in
any estimate.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from enum import StrEnum

import numpy as np
import pandas as pd

PER = 100.0
"""Values, targets and limits are expressed per 100 units of exposure."""

INPUT_COLUMNS = ["district_id", "indicator", "window", "kind", "numerator", "exposure"]
GROUP_KEYS = ["indicator", "window"]
WHOLE_TOLERANCE = 1e-9


class Kind(StrEnum):
    """How an indicator's numerator arises from its exposure."""

    SHARE = "share"
    RATE = "rate"


class ComparisonInputError(ValueError):
    """The input frame of a comparison is not as expected; the message lists every problem."""


def _show(value: object) -> str:
    """A value as a reader would type it: 12, 2.5, 'many'."""
    value = value.item() if isinstance(value, np.generic) else value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value)


def _describe(frame: pd.DataFrame, index: object) -> str:
    row = frame.loc[index]
    return (
        f"row {index} (district {row['district_id']!r}, indicator {row['indicator']!r}, "
        f"window {row['window']!r})"
    )


def _number_problems(frame: pd.DataFrame) -> list[str]:
    problems = []
    for column in ("numerator", "exposure"):
        values = pd.to_numeric(frame[column], errors="coerce")
        for index in frame.index[values.isna() & frame[column].notna()]:
            problems.append(
                f"{_describe(frame, index)}, column {column}: found {_show(frame.at[index, column])}; "
                "expected a number"
            )
        for index in frame.index[(values < 0) | np.isinf(values)]:
            problems.append(
                f"{_describe(frame, index)}, column {column}: found {_show(values[index])}; "
                "expected a finite number of zero or more"
            )
    numerator = pd.to_numeric(frame["numerator"], errors="coerce")
    exposure = pd.to_numeric(frame["exposure"], errors="coerce")
    for index in frame.index[(numerator - numerator.round()).abs() > WHOLE_TOLERANCE]:
        problems.append(
            f"{_describe(frame, index)}, column numerator: found {_show(numerator[index])}; "
            "expected a whole count (events or units), not a rate or a share"
        )
    shares = frame["kind"] == Kind.SHARE
    for index in frame.index[shares & ((exposure - exposure.round()).abs() > WHOLE_TOLERANCE)]:
        problems.append(
            f"{_describe(frame, index)}, column exposure: found {_show(exposure[index])}; "
            "expected a whole number of units rated for a share"
        )
    for index in frame.index[shares & (numerator > exposure)]:
        problems.append(
            f"{_describe(frame, index)}, column numerator: found {_show(numerator[index])}; "
            f"expected at most the exposure {_show(exposure[index])} for a share"
        )
    for index in frame.index[(exposure == 0) & (numerator > 0)]:
        problems.append(
            f"{_describe(frame, index)}, column exposure: found 0 with {_show(numerator[index])} "
            "events; expected a positive exposure where there are events"
        )
    return problems


def _key_problems(frame: pd.DataFrame) -> list[str]:
    problems = []
    for column in ("district_id", "indicator", "window"):
        blank = frame[column].isna() | (frame[column].astype(str).str.strip() == "")
        for index in frame.index[blank]:
            problems.append(f"row {index}, column {column}: found an empty value; expected text")
    kinds = set(Kind)
    for index in frame.index[~frame["kind"].isin(kinds)]:
        problems.append(
            f"{_describe(frame, index)}, column kind: found {_show(frame.at[index, 'kind'])}; "
            f"expected one of {', '.join(sorted(kinds))}"
        )
    mixed = frame.groupby("indicator")["kind"].nunique()
    for indicator in mixed.index[mixed > 1]:
        found = sorted(frame.loc[frame["indicator"] == indicator, "kind"].astype(str).unique())
        problems.append(
            f"indicator {indicator!r}, column kind: found {found}; expected one kind per indicator"
        )
    keys = ["district_id", *GROUP_KEYS]
    repeated = frame[frame.duplicated(keys, keep=False)]
    for (district, indicator, window), rows in repeated.groupby(keys, sort=False):
        problems.append(
            f"rows {', '.join(map(str, rows.index))} (district {district!r}, indicator "
            f"{indicator!r}, window {window!r}): found {len(rows)} times; expected one row each"
        )
    return problems


def check_inputs(data: pd.DataFrame) -> pd.DataFrame:
    """Checks the input frame and returns a copy with numeric columns and a `compared` flag.

    Extra columns (a district's name, region, year …) are kept. Rows are numbered from 0 in
    the order given, in messages and in the frame returned.

    Raises:
        ComparisonInputError: Listing every problem, each with its row, column, the value
            found and what was expected.
    """
    missing = [c for c in INPUT_COLUMNS if c not in data.columns]
    if missing:
        raise ComparisonInputError(
            f"the comparison input lacks the column(s) {', '.join(missing)}; "
            f"expected the columns {', '.join(INPUT_COLUMNS)}"
        )
    data = data.reset_index(drop=True)
    problems = _key_problems(data) + _number_problems(data)
    if problems:
        raise ComparisonInputError(
            f"{len(problems)} problem(s) in the comparison input:\n  " + "\n  ".join(problems)
        )
    frame = data.copy()
    frame["kind"] = frame["kind"].map(Kind)
    for column in ("numerator", "exposure"):
        frame[column] = pd.to_numeric(frame[column]).astype(float)
    frame["compared"] = frame["numerator"].notna() & (frame["exposure"] > 0)
    return frame


def iter_groups(frame: pd.DataFrame) -> Iterator[tuple[str, str, Kind, pd.DataFrame]]:
    """Yields indicator, window, kind and the group's rows (ordered by district) of a checked
    frame, groups in a stable order."""
    for (indicator, window), group in frame.groupby(GROUP_KEYS, sort=True):
        kind = group["kind"].iloc[0]
        yield str(indicator), str(window), kind, group.sort_values("district_id")


def group_seed(seed: int, indicator: str, window: str) -> np.random.Generator:
    """A generator that depends only on the seed and the group, not on the other groups."""
    return np.random.default_rng([seed, zlib.crc32(f"{indicator}\x1f{window}".encode())])


def assemble_groups(
    parts: list[pd.DataFrame], columns: list[str], data: pd.DataFrame
) -> pd.DataFrame:
    """Joins the per-group results of a comparison into one table: `columns` first (kinds
    as their codes), then the caller's extra input columns; empty with `columns` when no
    group had any district."""
    if not parts:
        return pd.DataFrame(columns=columns)
    table = pd.concat(parts)
    table["kind"] = table["kind"].map(lambda k: k.value)
    extra = [c for c in data.columns if c not in columns]
    return table[columns + extra].reset_index(drop=True)
