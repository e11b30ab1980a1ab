"""Cleaning the text tables of a dataset, before any rule checks them.

`normalise_tables` turns each RawTable into a CleanTable: text in NFC without invisible
characters (soft hyphens, zero-width and bidirectional controls), vocabulary codes from
Vietnamese or English wording, numbers read the Vietnamese or the English way, dates in ISO
order, provinces and regions completed from the register. It changes nothing it cannot read:
a cell it cannot read is None (NaN for numbers) and recorded, with the reason, in
`CleanTable.unreadable`, for the rules to report. It refuses nothing itself.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from enum import Enum

import numpy as np
import pandas as pd

from analysis.data import schema
from analysis.data.raw_tables import RawTable
from analysis.text.numbers import Convention, ParsedColumn, parse_number_column
from analysis.text.periods import parse_partial_date
from analysis.text.vietnamese import INVISIBLE, clean_name, clean_text, fold

NAME_FIELDS = frozenset({"name", "province", "province_2025"})
_COMPARATOR_SYMBOLS = {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "≈": "~", "==": "="}


class Unreadable(Enum):
    """Why a cell could not be cleaned."""

    NOT_A_NUMBER = "not a number"
    OVERFLOW = "too many digits to be a number"
    UNKNOWN_CODE = "not in the vocabulary"
    NOT_A_DATE = "not a date"
    UNSAVED_FORMULA = "a formula without a saved result"


@dataclass(frozen=True)
class Unread:
    """One cell that could not be cleaned: why, and any detail (a suggestion, a reason)."""

    why: Unreadable
    detail: str = ""


@dataclass
class NumberMarks:
    """What surrounded the numbers of one column (indexed like the table).

    Attributes:
        qualifier: '>', '<', '~', '>=' or '<=' from words such as "trên" ('' where none).
        percent_sign: Whether a % sign was written.
        percent_format: Whether the workbook cell was formatted as a percent (its value
            has been multiplied by 100).
    """

    qualifier: pd.Series
    percent_sign: pd.Series
    percent_format: pd.Series


@dataclass
class CleanTable:
    """One table after cleaning, with what the cleaning noticed.

    Attributes:
        raw: The table as read (file name, headers, original text).
        frame: Every schema column, cleaned; None or NaN where a cell was unreadable.
        unreadable: Column to {row: Unread} for cells that could not be cleaned.
        marks: Number column to its NumberMarks.
        mixed_conventions: Number column to rows proving each convention, when a column
            mixes Vietnamese and English numbers.
        notes: What was changed, for the check summary.
    """

    raw: RawTable
    frame: pd.DataFrame
    unreadable: dict[str, dict[int, Unread]] = field(default_factory=dict)
    marks: dict[str, NumberMarks] = field(default_factory=dict)
    mixed_conventions: dict[str, dict[str, list]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def file(self) -> str:
        """The file (or workbook sheet) the table was read from."""
        return self.raw.file

    def text(self, column: str) -> pd.Series:
        """The column as the file wrote it ('' where the column is absent)."""
        if column in self.raw.frame:
            return self.raw.frame[column]
        return pd.Series("", index=self.raw.frame.index, dtype=object)

    def notice(self, column: str, rows, why: Unreadable, detail: str = "") -> None:
        """Records cells that could not be cleaned."""
        found = self.unreadable.setdefault(column, {})
        for row in rows:
            found.setdefault(int(row), Unread(why, detail))


def _vocabulary_index(vocabulary: schema.Vocabulary) -> dict[str, str]:
    index = {}
    for term in vocabulary.terms:
        for spelling in (term.label_vi, *term.aliases, term.code):
            index[fold(spelling) or spelling.strip()] = term.code
    return index


def suggest(value: str, choices, cutoff: float = 0.75) -> str:
    """Returns " (did you mean 'x'?)" for the closest choice, or ''."""
    keys = {fold(c) or c: c for c in choices}
    close = difflib.get_close_matches(fold(value) or value, list(keys), n=1, cutoff=cutoff)
    return f" (did you mean {keys[close[0]]!r}?)" if close else ""


def _clean_vocabulary(table: CleanTable, column: str, vocabulary: str) -> pd.Series:
    vocab = schema.VOCABULARIES[vocabulary]
    text = table.text(column)
    codes, index = set(vocab.codes), _vocabulary_index(vocab)
    mapping = {}
    for value in text.unique():
        if value == "" or value in codes:
            mapping[value] = value
            continue
        code = _COMPARATOR_SYMBOLS.get(value) or index.get(fold(value) or value.strip())
        mapping[value] = code
        if code is None:
            hint = suggest(value, [*vocab.codes, *(t.label_vi for t in vocab.terms)])
            table.notice(column, text.index[text == value], Unreadable.UNKNOWN_CODE, hint)
    return text.map(mapping).astype(object)


def _clean_dates(table: CleanTable, column: str) -> pd.Series:
    text = table.text(column)
    mapping = {}
    for value in text.unique():
        if value == "":
            mapping[value] = ""
            continue
        try:
            mapping[value] = parse_partial_date(value).isoformat()
        except ValueError as exc:
            mapping[value] = None
            table.notice(column, text.index[text == value], Unreadable.NOT_A_DATE, str(exc))
    return text.map(mapping).astype(object)


def _clean_text(table: CleanTable, column: str) -> pd.Series:
    text = table.text(column)
    uniques = pd.unique(text.to_numpy(dtype=object))
    joined = "\x1f".join(uniques)
    plain = joined.isascii() and "  " not in joined and "\t" not in joined
    if plain and column not in NAME_FIELDS:
        return text  # plain ASCII ids and notes: nothing to clean
    cleaner = clean_name if column in NAME_FIELDS else clean_text
    mapping = {v: cleaner(v) for v in uniques}
    if all(k == v for k, v in mapping.items()):
        return text
    invisible = sum(len(INVISIBLE.findall(v)) for v in uniques)
    what = f"; removed {invisible} invisible character(s)" if invisible else ""
    table.notes.append(f"{table.file}: normalised text in column {column}{what}")
    return text.map(mapping).astype(object)


def _note_convention(table: CleanTable, column: str, parsed: ParsedColumn) -> None:
    text = table.text(column)
    if parsed.mixed:
        table.mixed_conventions[column] = parsed.mixed
    elif parsed.ambiguous_rows and parsed.convention is None:
        first = parsed.ambiguous_rows[0]
        table.notes.append(
            f"{table.file}: {len(parsed.ambiguous_rows)} value(s) such as {text[first]!r} "
            f"(row {first}) read the Vietnamese way (dot = thousands): "
            f"{format(parsed.values[first], ',.10g').replace(',', ' ')}"
        )
    elif parsed.ambiguous_rows:
        written = "English" if parsed.convention == "en" else "Vietnamese"
        table.notes.append(
            f"{table.file}: column {column} written the {written} way; "
            f"{len(parsed.ambiguous_rows)} ambiguous value(s) read accordingly"
        )


def _clean_numbers(table: CleanTable, column: str, convention: Convention | None) -> pd.Series:
    """Reads a number column; typed workbook numbers bypass the convention vote."""
    text = table.text(column)
    cells = table.raw.cells.get(column)
    typed = cells.number.notna() if cells is not None else pd.Series(False, index=text.index)
    parsed = parse_number_column(text.where(~typed, ""), convention)
    _note_convention(table, column, parsed)
    values = parsed.values.copy()
    percent_format = pd.Series(False, index=text.index)
    if cells is not None:
        percent_format = cells.percent_format.astype(bool) & typed
        values[typed] = cells.number[typed].where(~percent_format, cells.number * 100)
    rows = list(parsed.errors)
    table.notice(column, rows, Unreadable.NOT_A_NUMBER)
    overflow = values.notna() & ~np.isfinite(values.astype(float))
    table.notice(column, overflow.index[overflow], Unreadable.OVERFLOW)
    values[overflow] = np.nan
    table.marks[column] = NumberMarks(parsed.qualifiers, parsed.percent, percent_format)
    return values


def _clean_column(table: CleanTable, f: schema.Field, convention) -> pd.Series:
    if f.type in ("number", "integer"):
        return _clean_numbers(table, f.name, convention)
    if f.vocabulary:
        return _clean_vocabulary(table, f.name, f.vocabulary)
    if f.pattern == schema.PARTIAL_DATE_PATTERN:
        return _clean_dates(table, f.name)
    return _clean_text(table, f.name)


def _blank_formulas(table: CleanTable) -> None:
    """Unsaved formulas are unreadable; their cells are cleaned as if empty."""
    for column, cells in table.raw.cells.items():
        has = cells.formula != ""
        if has.any():
            for row in has.index[has]:
                table.notice(column, [row], Unreadable.UNSAVED_FORMULA, cells.formula[row])
            table.raw.frame.loc[has, column] = ""


def clean_table(raw: RawTable, convention: Convention | None = None) -> CleanTable:
    """Cleans one table by the declared type of each column."""
    table = CleanTable(raw, pd.DataFrame(index=raw.frame.index))
    _blank_formulas(table)
    for f in raw.table.fields:
        table.frame[f.name] = _clean_column(table, f, convention)
    if raw.table.name == "facts":
        _fill_comparator(table)
    for f in raw.table.fields:
        if f.vocabulary:  # codes compare much faster as categoricals than as text
            table.frame[f.name] = table.frame[f.name].astype("category")
    table.notes[:0] = raw.notes
    return table


def _fill_comparator(facts: CleanTable) -> None:
    """Qualifier words written in the value ("trên 90") fill an empty comparator."""
    qualifier = facts.marks["value"].qualifier
    fill = (qualifier != "") & (facts.frame["comparator"] == "")
    facts.frame.loc[fill, "comparator"] = qualifier[fill]


def normalise_tables(
    raw: dict[str, RawTable], convention: Convention | None = None
) -> dict[str, CleanTable]:
    """Cleans every table that has a header; districts are completed from the register."""
    from analysis.data.districts import complete_districts

    clean = {
        name: clean_table(table, convention)
        for name, table in raw.items()
        if not table.frame.columns.empty or table.problems
    }
    if "districts" in clean:
        complete_districts(clean["districts"])
    return clean
