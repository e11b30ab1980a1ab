import subprocess
import sys

from analysis.cli import main

from conftest import tiny_tables, write_dataset


def test_check_embedded(capsys):
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "VALID: embedded" in out
    assert "districts: 91 in 32 provinces" in out
    assert "facts:     394" in out
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
