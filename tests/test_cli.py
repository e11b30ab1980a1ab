import json
import subprocess
import sys

import pytest

from analysis.cli import TABLES, main

from conftest import tiny_tables, write_dataset


def test_check_embedded(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "VALID: embedded" in out
    assert "districts: 92 in 32 provinces" in out
    assert "facts:     555" in out
    assert "admissions" in out


def test_check_invalid_lists_every_problem(tmp_path, capsys):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "abc"
    tables["facts"][1]["metric"] = "nope"
    assert main(["check", str(write_dataset(tmp_path / "d", tables))]) == 1
    err = capsys.readouterr().err
    assert "facts.csv, row 2, column value" in err
    assert "facts.csv, row 3, column metric" in err


def test_usage_errors_exit_2(tmp_path, capsys):
    assert main(["check", str(tmp_path / "missing")]) == 2
    assert "no dataset" in capsys.readouterr().err
    result = subprocess.run(
        [sys.executable, "-m", "analysis", "check", "--bogus"], capture_output=True, text=True
    )
    assert result.returncode == 2


def test_find(capsys):
    assert main(["find", "TP Long Xuyên"]) == 0
    assert "long-xuyen-an-giang" in capsys.readouterr().out
    assert main(["find", "nowhere at all"]) == 1


@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_prints_for_the_embedded_data(name, capsys):
    assert main(["table", name, "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert isinstance(records, list) and records


@pytest.mark.parametrize("name", list(TABLES))
def test_every_table_survives_a_one_fact_dataset(tmp_path, name, capsys):
    tables = tiny_tables()
    tables["facts"] = tables["facts"][:1]
    folder = write_dataset(tmp_path / "one", tables)
    assert main(["table", name, "--data", str(folder), "--format", "csv"]) == 0
    header = capsys.readouterr().out.splitlines()[0].split(",")
    declared = TABLES[name].column_names
    assert header and set(header) <= set(declared)
    assert "district_id" in header or "district_id" not in declared


def test_table_for_one_district(capsys):
    assert main(["table", "targets", "--district", "huyện Sốp Cộp", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # the term's admissions target and its target in enterprises
    assert all("sop-cop-son-la" in line for line in lines[1:])


def _exit_code(argv: list[str]) -> int:
    """main's exit code, also when argparse exits (usage errors)."""
    try:
        return main(argv)
    except SystemExit as exc:
        return exc.code


@pytest.mark.parametrize(
    "pair", ["district=van-ho-son-la", "data=/tmp", "encoding=latin-1", "number_format=en"]
)
def test_reports_refuses_parameters_the_runner_sets(tmp_path, capsys, pair):
    argv = ["reports", "--out", str(tmp_path / "out"), "--districts", "sop-cop-son-la",
            "--no-progress", "--param", pair]  # fmt: skip
    assert _exit_code(argv) == 2
    err = capsys.readouterr().err
    assert f"{pair.split('=')[0]} are set by the runner" in err and "Traceback" not in err
    assert not list((tmp_path / "out").rglob("*.html"))


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        (["--param", "alpha=nan"], "alpha must be a finite number"),
        (["--param", "alpha=inf"], "alpha must be a finite number"),
        (["--param", "alpha=x"], "alpha must be float, got 'x'"),
        (["--timeout", "nan"], "expected a number of seconds above 0, got 'nan'"),
        (["--timeout", "0"], "expected a number of seconds above 0"),
        (["--timeout", "-5"], "expected a number of seconds above 0"),
        (["--jobs", "0"], "expected a whole number of at least 1, got '0'"),
        (["--jobs", "-2"], "expected a whole number of at least 1"),
        (["--jobs", "1.5"], "expected a whole number of at least 1, got '1.5'"),
    ],
)
def test_reports_refuses_impossible_numbers(tmp_path, capsys, option, expected):
    argv = ["reports", "--out", str(tmp_path / "out"), "--districts", "sop-cop-son-la",
            "--no-progress", *option]  # fmt: skip
    assert _exit_code(argv) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err


@pytest.mark.parametrize(
    "command",
    [
        ["check"],
        ["table", "growth", "--data"],
        ["table", "quality", "--data"],
        ["find", "Sốp Cộp", "--data"],
        ["reports", "--no-progress", "--data"],
    ],
    ids=["check", "table-growth", "table-quality", "find", "reports"],
)
def test_every_command_reports_invalid_data_the_same_clean_way(tmp_path, capsys, command):
    tables = tiny_tables()
    tables["facts"][0]["value"] = "abc"
    folder = str(write_dataset(tmp_path / "bad", tables))
    extra = ["--out", str(tmp_path / "out")] if command[0] == "reports" else []
    assert main([*command, folder, *extra]) == 1
    err = capsys.readouterr().err
    assert err.startswith("INVALID: ") and "facts.csv, row 2, column value" in err


def test_the_table_command_lists_the_declared_tables_of_a_dataset():
    from analysis.data.outputs import TABLES as DECLARED

    assert set(TABLES) == {n for n, t in DECLARED.items() if t.dataset_only}
    assert {"funnel", "homogeneity", "facts"} <= set(TABLES) and "province" not in TABLES


def test_the_funnel_exports_its_rate_under_the_declared_name(capsys):
    assert main(["table", "funnel", "--format", "json"]) == 0
    record = json.loads(capsys.readouterr().out)[0]
    assert {"value_per_100", "funnel_target"} <= set(record)
    assert "value" not in record and "target" not in record


def test_a_table_without_districts_refuses_a_district(capsys):
    assert main(["table", "homogeneity", "--district", "huyện Sốp Cộp"]) == 2
    assert "not per district" in capsys.readouterr().err
