"""Named rules and the cleaning step before them: listable, typed, and without hidden
columns."""

import io
from contextlib import redirect_stdout

import pandas as pd
import pytest

from analysis import DatasetError, load_dataset
from analysis.cli import main
from analysis.data.normalise import Unreadable, normalise_tables
from analysis.data.problems import Severity
from analysis.data.readers import read_folder
from analysis.data.rules import all_rules
from analysis.data.schema import TABLES

from conftest import tiny_tables, write_dataset


def test_every_rule_is_named_typed_and_about_real_columns():
    rules = all_rules()
    assert len({(r.table, r.name) for r in rules}) == len(rules)
    for r in rules:
        assert isinstance(r.severity, Severity) and r.expects and r.name == r.name.lower()
        assert set(r.columns) <= {*TABLES[r.table].column_names}, r
    severities = {r.severity for r in rules}
    assert severities == {Severity.ERROR, Severity.WARNING}


def test_the_rules_command_lists_each_rule():
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["rules"]) == 0
    text = out.getvalue()
    for r in all_rules():
        line = next(
            ln for ln in text.splitlines() if f" {r.name} " in ln and ln.startswith(r.table)
        )
        assert r.severity.value in line and r.expects in line and r.columns[0] in line
    errors = sum(r.severity == Severity.ERROR for r in all_rules())
    assert f"{len(all_rules())} rules: {errors} errors" in text


def test_every_problem_names_the_rule_that_found_it(tmp_path):
    tables = tiny_tables()
    tables["facts"][0].update(value="x", metric="đảng viênn")
    tables["facts"][1].update(period_start="2025", period_end="2020")
    tables["districts"][0]["province"] = "Atlantis"
    with pytest.raises(DatasetError) as info:
        load_dataset(write_dataset(tmp_path / "d", tables))
    names = {(r.table, r.name) for r in all_rules()}
    by_file = {f"{name}.csv": name for name in TABLES}
    found = {(by_file[p.file], p.rule) for p in info.value.problems}
    assert found <= names and len(found) >= 4


def test_cleaning_adds_no_hidden_columns_and_keeps_flags_boolean(tmp_path):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "trên 4.014"
    tables["facts"][3].update(value="15,2%", unit="%")
    tables["facts"][4]["value"] = "bốn"
    raw, _ = read_folder(write_dataset(tmp_path / "d", tables))
    clean = normalise_tables(raw)
    for name, table in clean.items():
        extra = {"in_register"} if name == "districts" else set()
        assert list(table.frame.columns) == [*TABLES[name].column_names, *extra]
    facts = clean["facts"]
    marks = facts.marks["value"]
    for flags in (marks.percent_sign, marks.percent_format):
        assert flags.dtype == bool
    assert marks.qualifier[2] == ">" and facts.frame.at[2, "comparator"] == ">"
    assert marks.percent_sign[5] and facts.frame.at[5, "unit"] == "percent"
    assert facts.unreadable["value"][6].why is Unreadable.NOT_A_NUMBER
    assert pd.isna(facts.frame.at[6, "value"])
