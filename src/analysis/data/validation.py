"""Type checks and rules of a dataset, every problem reported together.

`check_tables` takes the text tables from `readers`, normalises them (Unicode, vocabulary
aliases, Vietnamese numbers, day-first dates) and returns typed tables plus every problem,
each naming file, row, column, the value seen and what was expected.

The rules, each with a failing example in tests/test_validation.py:
  required columns and values; types (numbers, whole counts, paragraphs, dates); vocabularies
  (and categories allowed for the metric); unique ids; references between tables; subject and
  category for evaluations; comparators for targets; periods for flows, changes and targets;
  shares within 0-100; counts not negative; periods that start before they end; a basis
  only where it means something (optional: a target without one is assessed as such); known provinces, and region and successor province
  consistent with the register. Duplicated rows and districts absent from the register are
  warnings.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.data import schema
from analysis.data.problems import Problem
from analysis.data.readers import RawTable
from analysis.data.register import canonical_province, load_register, province_facts
from analysis.text.numbers import parse_number_column
from analysis.text.periods import parse_partial_date, years_between_series
from analysis.text.vietnamese import clean_name, clean_text, fold

_COMPARATOR_SYMBOLS = {"≥": ">=", "≤": "<=", "=>": ">=", "=<": "<=", "≈": "~", "==": "="}
_NAME_FIELDS = {"name", "province", "province_2025"}


@dataclass
class CheckedTables:
    """Typed tables and what was found while checking them."""

    tables: dict[str, pd.DataFrame]
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        """The problems that make the dataset unusable."""
        return [p for p in self.problems if p.severity == "error"]


def _vocabulary_index(vocabulary: schema.Vocabulary) -> dict[str, str]:
    index = {}
    for term in vocabulary.terms:
        for spelling in (term.label_vi, *term.aliases, term.code):
            key = fold(spelling)
            if key:
                index[key] = term.code
    return index


class _Checker:
    """Collects problems about one raw table, with helpers that locate them."""

    def __init__(self, raw: RawTable, problems: list[Problem]) -> None:
        self.raw = raw
        self.frame = raw.frame
        self.problems = problems

    def header(self, column: str) -> str:
        return self.raw.headers.get(column, column)

    def flag_row(self, row, column: str, value, expected: str, severity: str = "error") -> None:
        """Adds one problem about one row."""
        self.problems.append(
            Problem(self.raw.file, int(row), self.header(column), str(value), expected, severity)
        )

    def flag(
        self,
        mask: pd.Series,
        column: str,
        expected: str,
        severity: str = "error",
        values: pd.Series | None = None,
    ) -> None:
        """Adds one problem per row where `mask` is true."""
        if not mask.any():
            return
        shown = self.frame[column] if values is None and column in self.frame else values
        for row in mask.index[mask]:
            value = None if shown is None else str(shown.get(row, ""))
            self.problems.append(
                Problem(self.raw.file, int(row), self.header(column), value, expected, severity)
            )


def _normalise_vocabulary(checker: _Checker, column: str, vocabulary: str) -> pd.Series:
    vocab = schema.VOCABULARIES[vocabulary]
    text = checker.frame[column]
    codes = set(vocab.codes)
    index = _vocabulary_index(vocab)
    mapping = {}
    for value in text.unique():
        if value == "" or value in codes:
            mapping[value] = value
            continue
        mapping[value] = _COMPARATOR_SYMBOLS.get(value) or index.get(fold(value)) or ""
    result = text.map(mapping).astype(object)
    bad = (result == "") & (text != "")
    checker.flag(bad, column, f"one of {', '.join(vocab.codes)} ({vocab.description})")
    return result


def _normalise_dates(checker: _Checker, column: str) -> pd.Series:
    text = checker.frame[column]
    mapping, reasons = {}, {}
    for value in text.unique():
        if value == "":
            mapping[value] = ""
            continue
        try:
            mapping[value] = parse_partial_date(value).isoformat()
        except ValueError as exc:
            reasons[value] = str(exc)
            mapping[value] = ""
    result = text.map(mapping).astype(object)
    for reason in sorted(set(reasons.values())):
        bad_values = [v for v, r in reasons.items() if r == reason]
        checker.flag(
            text.isin(bad_values),
            column,
            f"a date as YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY ({reason})",
        )
    return result


def _dates(text: pd.Series, last: bool) -> pd.Series:
    unique = {v: None for v in text.unique() if v}
    for value in unique:
        d = parse_partial_date(value)
        unique[value] = d.last_day if last else d.first_day
    return pd.to_datetime(text.map(unique), errors="coerce").astype("datetime64[ns]")


def _normalise_text(checker: _Checker, column: str) -> pd.Series:
    text = checker.frame[column]
    uniques = pd.unique(text.to_numpy(dtype=object))
    joined = "\x1f".join(uniques)
    if (
        joined.isascii()
        and "  " not in joined
        and "\t" not in joined
        and column not in _NAME_FIELDS
    ):
        return text  # plain ASCII ids and notes: nothing to normalise
    cleaner = clean_name if column in _NAME_FIELDS else clean_text
    mapping = {v: cleaner(v) for v in uniques}
    if all(k == v for k, v in mapping.items()):
        return text
    checker.raw.notes.append(f"{checker.raw.file}: normalised text in column {column}")
    return text.map(mapping).astype(object)


def _check_fields(raw: RawTable, problems: list[Problem], convention) -> pd.DataFrame:
    """Normalises each column by its declared type and checks required and unique values."""
    checker = _Checker(raw, problems)
    out = pd.DataFrame(index=raw.frame.index)
    for f in raw.table.fields:
        if f.name not in raw.frame:  # reported by the reader if required; rules see it as empty
            if f.when_absent:
                problems.append(Problem(raw.file, None, f.name, None, f.when_absent, "warning"))
            if f.type in ("number", "integer"):
                out[f.name] = np.nan
                out[f"_{f.name}_qualifier"] = ""
                out[f"_{f.name}_percent"] = False
            else:
                out[f.name] = ""
            continue
        if f.vocabulary:
            out[f.name] = _normalise_vocabulary(checker, f.name, f.vocabulary)
        elif f.pattern == schema.PARTIAL_DATE_PATTERN:
            out[f.name] = _normalise_dates(checker, f.name)
        elif f.type in ("number", "integer"):
            parsed = parse_number_column(raw.frame[f.name], convention)
            if parsed.errors:
                bad = pd.Series(raw.frame.index.isin(list(parsed.errors)), index=raw.frame.index)
                checker.flag(
                    bad,
                    f.name,
                    "a number such as 8723, 8.723 (Vietnamese thousands), 117,3 or 117.3, "
                    "optionally with % or words such as 'trên', 'gần', 'khoảng'",
                )
            if parsed.mixed:
                rows = ", ".join(str(r) for r in parsed.mixed["vi"][:3])
                others = ", ".join(str(r) for r in parsed.mixed["en"][:3])
                problems.append(
                    Problem(
                        raw.file,
                        None,
                        checker.header(f.name),
                        None,
                        "one number convention per column; rows "
                        f"{rows} are written the Vietnamese way (8.723 / 117,3) and rows "
                        f"{others} the English way (8,723 / 117.3)",
                    )
                )
            elif parsed.ambiguous_rows and parsed.convention is None:
                first = parsed.ambiguous_rows[0]
                raw.notes.append(
                    f"{raw.file}: {len(parsed.ambiguous_rows)} value(s) such as "
                    f"{raw.frame.at[first, f.name]!r} (row {first}) read the Vietnamese way "
                    f"(dot = thousands): {parsed.values[first]:g}"
                )
            elif parsed.ambiguous_rows:
                raw.notes.append(
                    f"{raw.file}: column {f.name} written the "
                    f"{'English' if parsed.convention == 'en' else 'Vietnamese'} way; "
                    f"{len(parsed.ambiguous_rows)} ambiguous value(s) read accordingly"
                )
            out[f.name] = parsed.values
            out[f"_{f.name}_qualifier"] = parsed.qualifiers
            out[f"_{f.name}_percent"] = parsed.percent
            if f.type == "integer":
                whole = parsed.values.dropna()
                checker.flag(
                    ((whole % 1 != 0) | (whole < 1)).reindex(raw.frame.index, fill_value=False),
                    f.name,
                    "a whole number of at least 1",
                )
        else:
            out[f.name] = _normalise_text(checker, f.name)
        if f.required:
            checker.flag(raw.frame[f.name] == "", f.name, f"a value ({f.description})")
        if f.unique:
            values = out[f.name]
            dup = values.duplicated(keep="first") & (values != "")
            if dup.any():
                first_row = values[~values.duplicated(keep="first")]
                first_of = dict(zip(first_row.values, first_row.index, strict=True))
                for row in dup.index[dup]:
                    problems.append(
                        Problem(
                            raw.file,
                            int(row),
                            checker.header(f.name),
                            values[row],
                            f"a unique {f.name}; row {first_of[values[row]]} has it already",
                        )
                    )
        if f.pattern and f.pattern != schema.PARTIAL_DATE_PATTERN and f.name in raw.frame:
            text = out[f.name]
            bad = (text != "") & ~text.str.fullmatch(f.pattern)
            checker.flag(bad, f.name, f"text matching {f.pattern} ({f.description})")
    return out


def _check_facts(raw: RawTable, facts: pd.DataFrame, problems: list[Problem]) -> None:
    """Rules that involve several columns of the facts table."""
    c = _Checker(raw, problems)
    # Qualifier words written in the value ("trên 90") fill the comparator.
    qualifier = facts["_value_qualifier"].astype("category")
    comparator = facts["comparator"]
    has_qualifier = qualifier != ""
    fill = has_qualifier & (comparator == "")
    facts.loc[fill, "comparator"] = facts.loc[fill, "_value_qualifier"]
    clash = has_qualifier & (comparator != "") & (facts["_value_qualifier"] != comparator)
    c.flag(clash, "comparator", "the same qualifier as the words in value", values=comparator)

    # Codes compare much faster as categoricals than as text.
    metric, kind, unit, subject, category, comparator, basis, start, end = (
        facts[column].astype("category")
        for column in (
            "metric",
            "kind",
            "unit",
            "subject",
            "category",
            "comparator",
            "basis",
            "period_start",
            "period_end",
        )
    )
    value = facts["value"]
    is_eval = metric == "evaluation"
    percent_sign = facts["_value_percent"] & (unit == "count")
    c.flag(percent_sign, "value", "a count without % (or unit percent)")

    c.flag(is_eval & (subject == ""), "subject", "organization or member for an evaluation")
    c.flag(~is_eval & (subject != ""), "subject", "no subject except for evaluation figures")
    c.flag(is_eval & (category == ""), "category", "a rating category for an evaluation")
    allowed = pd.MultiIndex.from_tuples(
        [(m, c) for m in schema.METRIC.codes for c in schema.categories_for(m)],
        names=["metric", "category"],
    )
    pairs = pd.MultiIndex.from_arrays([metric, category])
    wrong_category = (category != "") & ~pd.Series(pairs.isin(allowed), index=facts.index)
    for m in metric[wrong_category].unique():
        codes = ", ".join(schema.categories_for(m)) or "no category"
        c.flag(wrong_category & (metric == m), "category", f"for metric {m}: {codes}")

    is_target = kind == "target"
    c.flag(
        is_target & ~comparator.isin(schema.TARGET_COMPARATORS),
        "comparator",
        "a target comparator: >=, <= or =",
    )
    c.flag(
        ~is_target & comparator.isin(schema.TARGET_COMPARATORS),
        "comparator",
        "for a stated figure, a qualifier >, < or ~ (>=, <=, = are for targets)",
    )
    needs_start = kind.isin(["flow", "change", "target"])
    c.flag(needs_start & (start == ""), "period_start", "a start date for a flow, change or target")
    stock_period = (kind == "stock") & (start != "")
    c.flag(
        stock_period & (basis != "each_year"),
        "basis",
        "each_year for a stock stated over a period",
        values=basis,
    )
    c.flag(
        (basis != "") & ~(is_target | stock_period),
        "basis",
        "no basis except for targets and stocks over a period",
        values=basis,
    )
    c.flag(
        (unit == "percent_above_target") & (kind != "attainment"),
        "unit",
        "percent_above_target only for attainment figures",
    )
    c.flag(
        (kind == "attainment") & (unit == "count"),
        "unit",
        "percent or percent_above_target for an attainment",
    )
    c.flag(
        (category == "assessed") & (unit != "count"),
        "unit",
        "count for the number assessed",
    )
    shares = (unit == "percent") & kind.isin(["stock", "flow", "target"])
    c.flag(shares & ((value < 0) | (value > 100)), "value", "a share within 0-100")
    counts = (unit == "count") & (kind != "change")
    c.flag(counts & (value < 0), "value", "a count of at least 0 (a decrease is a change)")
    c.flag(
        counts & value.notna() & (value % 1 != 0),
        "value",
        "a whole number for a count (is the decimal separator right?)",
    )
    c.flag((kind == "attainment") & (value < 0) & (unit == "percent"), "value", "at least 0")

    has_both = (start != "") & (end != "")
    backwards = has_both & (
        _dates(facts["period_start"], last=False) > _dates(facts["period_end"], last=True)
    )
    c.flag(backwards, "period_end", "a period end on or after its start", values=end)

    key_columns = [col for col in schema.FACTS.column_names if col != "fact_id"]
    duplicated = facts.duplicated(subset=key_columns, keep="first")
    if duplicated.any():
        first_rows = facts[~duplicated].reset_index().set_index(key_columns)["index"]
        for row in duplicated.index[duplicated]:
            first = first_rows.get(tuple(facts.loc[row, key_columns]))
            problems.append(
                Problem(
                    raw.file,
                    int(row),
                    None,
                    None,
                    f"distinct rows; this row repeats row {first} (kept, but check it)",
                    "warning",
                )
            )


def _check_districts(raw: RawTable, districts: pd.DataFrame, problems: list[Problem]) -> None:
    """Provinces, successor provinces, regions, GSO codes, and presence in the register."""
    c = _Checker(raw, problems)
    register = load_register()
    known_ids = set(register["district_id"])
    owners = register.set_index("gso_code")
    keys = set(zip(register["name"].map(fold), register["province"], strict=True))
    keys |= set(zip(register["registered_name"].map(fold), register["province"], strict=True))
    updates: dict[str, dict] = {
        "province": {},
        "province_2025": {},
        "region": {},
        "in_register": {},
    }
    for row in districts.itertuples():
        label = row.Index
        province = canonical_province(row.province) if row.province else None
        if row.province and province is None:
            c.flag_row(
                label,
                "province",
                row.province,
                "a province of Vietnam before the 2025 merger (e.g. Sơn La, Thừa Thiên Huế)",
            )
            continue
        if province is None:
            continue
        updates["province"][label] = province
        info = province_facts(province)
        for column in ("province_2025", "region"):
            stated = getattr(row, column)
            if not stated:
                updates[column][label] = info[column]
            elif fold(stated) != fold(info[column]) and not (
                column == "province_2025" and canonical_province(stated) == info[column]
            ):
                c.flag_row(label, column, stated, f"{info[column]} for a district of {province}")
        if row.gso_code and row.gso_code in owners.index:
            owner = owners.loc[row.gso_code]
            if fold(owner["name"]) != fold(row.name) or owner["province"] != province:
                c.flag_row(
                    label,
                    "gso_code",
                    row.gso_code,
                    f"the GSO code of {row.name} ({province}); {row.gso_code} is "
                    f"{owner['registered_name']} ({owner['province']})",
                )
        in_register = row.district_id in known_ids or (fold(row.name), province) in keys
        updates["in_register"][label] = in_register
        if not in_register:
            c.flag_row(
                label,
                "name",
                row.name,
                f"a district of {province} in the GSO register of July 2025; accepted as "
                "declared here (merged or renamed before 2025?)",
                "warning",
            )
    for column, values in updates.items():
        if values:
            districts[column] = (
                pd.Series(values, dtype=object).reindex(districts.index).fillna(districts[column])
            )


def _check_references(
    raw: dict[str, RawTable], tables: dict[str, pd.DataFrame], problems: list[Problem]
) -> None:
    for table in schema.TABLES.values():
        if table.name not in tables:
            continue
        for fk in table.foreign_keys:
            if fk.table not in tables:
                continue
            known = set(tables[fk.table][fk.table_column])
            values = tables[table.name][fk.column]
            missing = (values != "") & ~values.isin(known)
            checker = _Checker(raw[table.name], problems)
            for value in values[missing].unique():
                close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.8)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                checker.flag(
                    missing & (values == value),
                    fk.column,
                    f"an id listed in {fk.table}.{fk.table_column}{hint}",
                )


def check_tables(raw: dict[str, RawTable], convention=None) -> CheckedTables:
    """Normalises and checks the tables of a dataset.

    Args:
        raw: Text tables by name, from `readers`.
        convention: 'vi' or 'en' to force how ambiguous numbers are read.

    Returns:
        Typed tables (facts with dates and floats, districts, sources) and every problem.
    """
    problems: list[Problem] = []
    notes: list[str] = []
    normalised: dict[str, pd.DataFrame] = {}
    for name, table in raw.items():
        problems.extend(table.problems)
        if not table.frame.columns.empty or table.problems:
            normalised[name] = _check_fields(table, problems, convention)
        notes.extend(table.notes)
    if "districts" in normalised:
        normalised["districts"]["in_register"] = True
        _check_districts(raw["districts"], normalised["districts"], problems)
    if "facts" in normalised:
        _check_facts(raw["facts"], normalised["facts"], problems)
    _check_references(raw, normalised, problems)
    missing = set(schema.TABLES) - set(normalised)  # the readers report missing files
    if missing or any(p.severity == "error" for p in problems):
        return CheckedTables({}, problems, notes)
    return CheckedTables(_typed(normalised), problems, notes)


def _typed(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Builds the typed tables users see: dates as dates, codes as ordered categoricals."""
    facts = tables["facts"].copy()
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
                facts[f.name].replace("", np.nan), categories=vocab.codes
            )
    facts = facts.drop(columns=[c for c in facts.columns if c.startswith("_")])
    order = [*schema.FACTS.column_names, "period_start_text", "period_end_text", "period_years"]
    facts = facts[order].reset_index(names="row")

    districts = tables["districts"].copy()
    districts["type"] = pd.Categorical(districts["type"], categories=schema.DISTRICT_TYPE.codes)
    districts["region"] = pd.Categorical(districts["region"], categories=schema.REGION.codes)
    districts["in_register"] = districts["in_register"].astype(bool)
    districts = districts.reset_index(drop=True)

    sources = tables["sources"].copy()
    sources["published_text"] = sources["published"]
    sources["published"] = _dates(sources["published_text"], last=True)
    sources = sources.reset_index(drop=True)
    return {"facts": facts, "districts": districts, "sources": sources}
