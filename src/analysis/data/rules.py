"""The named rules a dataset must follow, each checking cleaned tables (see `normalise`).

A Rule names the table and columns it checks, says what it expects and whether breaking it
is an error (the dataset is refused) or a warning (accepted, but shown). `python -m analysis
rules` lists them all. Rules about single columns are generated from `schema`; the rules
across columns of the facts and districts tables live in `rules_facts` and
`rules_districts`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from analysis.data import schema
from analysis.data.normalise import CleanTable, Unreadable, suggest
from analysis.data.problems import Problem, Severity

Tables = dict[str, CleanTable]
VALUE_SHOWN = 60


@dataclass(frozen=True)
class Finding:
    """One row (or the whole table, row None) that breaks a rule.

    Attributes:
        row: Spreadsheet row number, or None.
        value: The value to show; None shows the row's text in the rule's column.
        expected: What was expected, when more precise than the rule's own wording.
        column: The column, when not the rule's first.
    """

    row: int | None
    value: str | None = None
    expected: str | None = None
    column: str | None = None


Check = Callable[[Tables], "pd.Series | Iterable[Finding]"]


@dataclass(frozen=True)
class Rule:
    """A named rule.

    Attributes:
        name: Short name, unique within its table (shown with every problem it finds).
        table: The table it checks.
        columns: The columns it reads; problems point at the first unless they say.
        expects: What a valid table has, in words.
        severity: Severity.ERROR refuses the dataset; Severity.WARNING only informs.
        check: Takes the clean tables, returns a boolean Series of the rows that break the
            rule (indexed by row number) or Findings.
    """

    name: str
    table: str
    columns: tuple[str, ...]
    expects: str
    severity: Severity
    check: Check

    def run(self, tables: Tables) -> list[Problem]:
        """Returns the problems this rule finds (none when its table is absent)."""
        if self.table not in tables:
            return []
        found = self.check(tables)
        if isinstance(found, pd.Series):
            found = [Finding(int(row)) for row in found.index[found.fillna(False).astype(bool)]]
        return [self._problem(tables[self.table], finding) for finding in found]

    def _problem(self, table: CleanTable, finding: Finding) -> Problem:
        column = self.columns[0] if finding.column is None else (finding.column or None)
        value = finding.value
        if value is None and column and finding.row is not None:
            value = str(table.text(column).get(finding.row, ""))
        if value is not None and len(value) > VALUE_SHOWN:
            value = f"{value[:40]}… ({len(value)} characters)"
        header = table.raw.headers.get(column, column) if column else None
        expected = finding.expected or self.expects
        return Problem(table.file, finding.row, header, value, expected, self.severity, self.name)


def rule(rules: list[Rule], name: str, table: str, columns, expects: str,
         severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:  # fmt: skip
    """Decorator that declares a check function as a named rule in `rules`."""

    def register(check: Check) -> Check:
        rules.append(Rule(name, table, tuple(columns), expects, severity, check))
        return check

    return register


def _unread(table: CleanTable, column: str, why: Unreadable) -> list[tuple[int, str]]:
    return [(r, u.detail) for r, u in table.unreadable.get(column, {}).items() if u.why == why]


_NUMBER = (
    "a number such as 8723, 8.723 (Vietnamese thousands), 117,3 or 117.3, optionally with % "
    "or words such as 'trên', 'gần', 'khoảng'"
)
_UNREADABLE_EXPECTS = {
    Unreadable.NOT_A_NUMBER: ("number-format", _NUMBER),
    Unreadable.OVERFLOW: ("number-size", "a number of ordinary size (this one overflows)"),
    Unreadable.UNKNOWN_CODE: ("vocabulary", "one of the codes of the column's vocabulary"),
    Unreadable.NOT_A_DATE: ("date-format", "a date as YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY"),
    Unreadable.UNSAVED_FORMULA: (
        "saved-result",
        "a value; this cell holds a formula without a saved (cached) result: open and save "
        "the workbook in Excel or LibreOffice, or paste the values",
    ),
}


def _detail(why: Unreadable, f: schema.Field, detail: str) -> str:
    _, expects = _UNREADABLE_EXPECTS[why]
    if why == Unreadable.UNKNOWN_CODE:
        vocab = schema.VOCABULARIES[f.vocabulary]
        return f"one of {', '.join(vocab.codes)} ({vocab.description}){detail}"
    if why == Unreadable.NOT_A_DATE:
        return f"{expects} ({detail})"
    return expects


def _unreadable_rule(table: schema.Table, why: Unreadable) -> Rule:
    name, expects = _UNREADABLE_EXPECTS[why]
    fields = [f for f in table.fields if _applies(f, why)]

    def check(tables: Tables) -> list[Finding]:
        clean = tables[table.name]
        return [
            Finding(row, formula or None, _detail(why, f, detail), f.name)
            for f in fields
            for row, detail in _unread(clean, f.name, why)
            for formula in [detail if why == Unreadable.UNSAVED_FORMULA else ""]
        ]

    return Rule(name, table.name, tuple(f.name for f in fields), expects, Severity.ERROR, check)


def _applies(f: schema.Field, why: Unreadable) -> bool:
    if why in (Unreadable.NOT_A_NUMBER, Unreadable.OVERFLOW):
        return f.type in ("number", "integer")
    if why == Unreadable.UNKNOWN_CODE:
        return f.vocabulary is not None
    if why == Unreadable.NOT_A_DATE:
        return f.pattern == schema.PARTIAL_DATE_PATTERN
    return True


def _required_rule(table: schema.Table) -> Rule:
    fields = [f for f in table.fields if f.required]

    def check(tables: Tables) -> list[Finding]:
        clean, found = tables[table.name], []
        for f in fields:
            if f.name not in clean.raw.frame:
                continue  # the reader reports the missing column
            empty = (clean.text(f.name) == "") & ~clean.text(f.name).index.isin(
                list(clean.unreadable.get(f.name, {}))
            )
            found += [Finding(int(r), column=f.name, expected=f"a value ({f.description})")
                      for r in empty.index[empty]]  # fmt: skip
        return found

    names = tuple(f.name for f in fields)
    return Rule("required", table.name, names, "a value in every row", Severity.ERROR, check)


def _unique_rule(table: schema.Table) -> Rule:
    fields = [f for f in table.fields if f.unique]

    def check(tables: Tables) -> list[Finding]:
        found = []
        for f in fields:
            values = tables[table.name].frame[f.name]
            dup = values.duplicated(keep="first") & (values != "") & values.notna()
            if dup.any():
                first = values[~values.duplicated(keep="first")]
                first_of = dict(zip(first.values, first.index, strict=True))
                found += [
                    Finding(int(r), str(values[r]), column=f.name, expected=(
                        f"a unique {f.name}; row {first_of[values[r]]} has it already"))
                    for r in dup.index[dup]
                ]  # fmt: skip
        return found

    names = tuple(f.name for f in fields)
    return Rule("unique", table.name, names, "a value no other row has", Severity.ERROR, check)


def _pattern_rule(table: schema.Table) -> Rule:
    fields = [f for f in table.fields if f.pattern and f.pattern != schema.PARTIAL_DATE_PATTERN]

    def check(tables: Tables) -> list[Finding]:
        clean, found = tables[table.name], []
        for f in fields:
            if f.name not in clean.raw.frame:
                continue
            text = clean.frame[f.name].fillna("")
            bad = (text != "") & ~text.str.fullmatch(f.pattern)
            expected = f"text matching {f.pattern} ({f.description})"
            found += [Finding(int(r), column=f.name, expected=expected) for r in bad.index[bad]]
        return found

    names = tuple(f.name for f in fields)
    return Rule("pattern", table.name, names, "text matching the column's pattern",
                Severity.ERROR, check)  # fmt: skip


def _convention_rule(table: schema.Table) -> Rule:
    fields = [f.name for f in table.fields if f.type in ("number", "integer")]

    def check(tables: Tables) -> list[Finding]:
        found = []
        for column, mixed in tables[table.name].mixed_conventions.items():
            vi, en = (", ".join(str(r) for r in mixed[k][:3]) for k in ("vi", "en"))
            found.append(
                Finding(
                    None,
                    None,
                    (
                        f"one number convention per column; rows {vi} are written the Vietnamese way "
                        f"(8.723 / 117,3) and rows {en} the English way (8,723 / 117.3)"
                    ),
                    column,
                )
            )
        return found  # fmt: skip

    return Rule("number-convention", table.name, tuple(fields),
                "one number convention per column (Vietnamese 8.723 / 117,3 or English "
                "8,723 / 117.3)", Severity.ERROR, check)  # fmt: skip


def _whole_number_rule(table: schema.Table) -> Rule:
    fields = [f.name for f in table.fields if f.type == "integer"]

    def check(tables: Tables) -> list[Finding]:
        frame = tables[table.name].frame
        return [
            Finding(int(r), column=c)
            for c in fields
            for r in frame.index[frame[c].notna() & ((frame[c] % 1 != 0) | (frame[c] < 1))]
        ]

    return Rule("whole-number", table.name, tuple(fields), "a whole number of at least 1",
                Severity.ERROR, check)  # fmt: skip


def _reference_rule(table: schema.Table, fk: schema.ForeignKey) -> Rule:
    expects = f"an id listed in {fk.table}.{fk.table_column}"

    def check(tables: Tables) -> list[Finding]:
        if fk.table not in tables:
            return []
        known = set(tables[fk.table].frame[fk.table_column])
        values = tables[table.name].frame[fk.column]
        missing = (values != "") & values.notna() & ~values.isin(known)
        hints = {v: suggest(v, sorted(known), cutoff=0.8) for v in values[missing].unique()}
        return [Finding(int(r), expected=expects + hints[values[r]], column=fk.column)
                for r in missing.index[missing]]  # fmt: skip

    return Rule(f"reference-{fk.table}", table.name, (fk.column,), expects, Severity.ERROR, check)


def _absent_rule(table: schema.Table) -> Rule:
    fields = [f for f in table.fields if f.when_absent]

    def check(tables: Tables) -> list[Finding]:
        frame = tables[table.name].raw.frame
        return [Finding(None, None, f.when_absent, f.name) for f in fields if f.name not in frame]

    return Rule("optional-column-absent", table.name, tuple(f.name for f in fields),
                "the optional column, or the defaults its absence implies", Severity.WARNING,
                check)  # fmt: skip


def field_rules() -> list[Rule]:
    """Returns the rules about single columns, generated from the schema."""
    rules = []
    for table in schema.TABLES.values():
        rules += [_required_rule(table), _unique_rule(table), _pattern_rule(table)]
        rules += [_unreadable_rule(table, why) for why in Unreadable]
        rules += [_convention_rule(table), _whole_number_rule(table), _absent_rule(table)]
        rules += [_reference_rule(table, fk) for fk in table.foreign_keys]
    return [r for r in rules if r.columns]


def all_rules() -> list[Rule]:
    """Returns every rule: single columns first, then facts, then districts."""
    from analysis.data.rules_districts import DISTRICT_RULES
    from analysis.data.rules_facts import FACT_RULES

    return [*field_rules(), *FACT_RULES, *DISTRICT_RULES]


def run_rules(tables: Tables) -> list[Problem]:
    """Runs every rule on the clean tables; returns every problem found."""
    return [problem for r in all_rules() for problem in r.run(tables)]
