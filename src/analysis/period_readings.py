"""The admissible readings of every period in a dataset (text.periods applied to the facts).

Each fact stated over a period gets how it is meant (`period_kind`: the facts column, or the
period's shape where it is empty), its default point reading and the interval of readings a
careful reader could give it. Congress dates come from `districts.congresses`; the latest
possible unstated cut-off is the source's publication date.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from analysis.data.dataset import Dataset
from analysis.memo import memoize
from analysis.text.periods import read_period

READING_COLUMNS = [
    "period_kind", "start", "end", "start_low", "start_high", "end_low", "end_high", "years",
    "years_low", "years_high", "reading", "cutoff_known",
]  # fmt: skip


def congress_dates(text: str) -> tuple[date, ...]:
    """Reads the `congresses` column: ISO dates separated by ';' (empty: none known)."""
    return tuple(date.fromisoformat(t) for t in str(text or "").split(";") if t.strip())


@memoize
def read_periods(dataset: Dataset) -> pd.DataFrame:
    """Returns the reading of each fact's period, indexed by fact_id.

    Returns:
        Columns period_kind (a code of schema.PERIOD_KIND; empty for a moment), start, end
        (the point reading), start_low, start_high, end_low, end_high (admissible first and
        last days), years, years_low, years_high, reading (the point reading's name) and
        cutoff_known (False for a year-to-date figure whose end is not stated).
    """
    facts = dataset.facts
    stated = (
        facts["period_kind"].astype(object).fillna("")
        if "period_kind" in facts
        else pd.Series("", index=facts.index)
    )
    dates = dict(zip(dataset.sources["source_id"], dataset.sources["published"], strict=True))
    published = [dates.get(source, pd.NaT) for source in facts["source_id"]]
    congresses = dataset.districts.set_index("district_id").get("congresses")
    rows = {}
    cache: dict[tuple, object] = {}
    for i, fact in enumerate(facts.itertuples()):
        if not fact.period_start_text or fact.kind == "change":
            continue  # a moment, or the baseline moment of a change
        day = published[i]
        known = congresses.get(fact.district_id, "") if congresses is not None else ""
        key = (fact.period_start_text, fact.period_end_text, stated.iloc[i], day, known)
        if key not in cache:
            cache[key] = read_period(
                fact.period_start_text,
                fact.period_end_text,
                stated.iloc[i] or None,
                None if pd.isna(day) else day.date(),
                congress_dates(known),
            )
        period = cache[key]
        rows[fact.fact_id] = [
            period.kind.value, period.start, period.end, period.start_low, period.start_high,
            period.end_low, period.end_high, period.years, period.years_low, period.years_high,
            period.reading, period.cutoff_known,
        ]  # fmt: skip
    table = pd.DataFrame(
        list(rows.values()), index=pd.Index(list(rows), name="fact_id"), columns=READING_COLUMNS
    )
    dates = ("start", "end", "start_low", "start_high", "end_low", "end_high")
    table = table.astype(
        {c: "datetime64[ns]" for c in dates}
        | {"years": float, "years_low": float, "years_high": float, "cutoff_known": bool}
        | {"period_kind": object, "reading": object}
    )
    table.loc[table["years_low"] == 0, "years_low"] = np.nan
    return table
