"""Validating a dataset: clean the text tables (`normalise`), run the named rules (`rules`),
and build the typed tables users see. Every problem is reported together, each naming file,
row, column, the value seen, what was expected, and the rule that found it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data import schema
from analysis.data.normalise import CleanTable, normalise_tables
from analysis.data.problems import Problem
from analysis.data.raw_tables import RawTable
from analysis.data.rules import run_rules
from analysis.text.periods import parse_partial_date, years_between_series


@dataclass
class CheckedTables:
    """Typed tables and what was found while checking them."""

    tables: dict[str, pd.DataFrame]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the dataset unusable."""
        return [p for p in self.problems if p.is_error]


def check_tables(raw: dict[str, RawTable], convention=None) -> CheckedTables:
    """Cleans and checks the tables of a dataset.

    Args:
        raw: Text tables by name, from `readers`.
        convention: 'vi' or 'en' to force how ambiguous numbers are read.

    Returns:
        Typed tables (facts with dates and floats, districts, sources) and every problem;
        no tables when any problem is an error or a table is missing.
    """
    problems = [p for table in raw.values() for p in table.problems]
    clean = normalise_tables(raw, convention)
    problems += run_rules(clean)
    notes = [note for table in clean.values() for note in table.notes]
    notes += [note for name, table in raw.items() if name not in clean for note in table.notes]
    missing = set(schema.TABLES) - set(clean)  # the readers report missing files
    if missing or any(p.is_error for p in problems):
        return CheckedTables({}, problems, notes)
    return CheckedTables(typed_tables(clean), problems, notes)


def _dates(text: pd.Series, last: bool) -> pd.Series:
    unique = {v: None for v in text.unique() if v}
    for value in unique:
        d = parse_partial_date(value)
        unique[value] = d.last_day if last else d.first_day
    return pd.to_datetime(text.map(unique), errors="coerce").astype("datetime64[ns]")


def _typed_facts(facts: pd.DataFrame) -> pd.DataFrame:
    facts = facts.copy()
    facts["period_start_text"] = facts["period_start"]
    facts["period_end_text"] = facts["period_end"]
    facts["period_start"] = _dates(facts["period_start_text"], last=False)
    facts["period_end"] = _dates(facts["period_end_text"], last=True)
    facts["period_years"] = years_between_series(facts["period_start"], facts["period_end"])
    facts["paragraph"] = facts["paragraph"].astype("Int64")
    for f in schema.FACTS.fields:
        if f.vocabulary:
            vocab = schema.VOCABULARIES[f.vocabulary]
            facts[f.name] = pd.Categorical(
                facts[f.name].astype(object).replace("", np.nan), categories=vocab.codes
            )
    order = [*schema.FACTS.column_names, "period_start_text", "period_end_text", "period_years"]
    return facts[order].reset_index(names="row")


def typed_tables(clean: dict[str, CleanTable]) -> dict[str, pd.DataFrame]:
    """Builds the typed tables users see: dates as dates, codes as ordered categoricals."""
    districts = clean["districts"].frame.copy()
    districts["type"] = pd.Categorical(districts["type"], categories=schema.DISTRICT_TYPE.codes)
    districts["region"] = pd.Categorical(districts["region"], categories=schema.REGION.codes)
    districts["in_register"] = districts["in_register"].astype(bool)
    districts = districts.reset_index(drop=True)

    sources = clean["sources"].frame.copy()
    sources["published_text"] = sources["published"]
    sources["published"] = _dates(sources["published_text"], last=True)
    sources = sources.reset_index(drop=True)
    return {"facts": _typed_facts(clean["facts"].frame), "districts": districts, "sources": sources}
