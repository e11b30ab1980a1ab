import csv
import json
import subprocess
import sys

import pytest

from analysis.cli import main

ARTICLE = "Đến nay, Đảng bộ huyện Sốp Cộp có 44 tổ chức cơ sở đảng với 4.321 đảng viên.\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["csv", "json", "markdown"])
def test_formats(article, capsys, fmt):
    assert main(["extract", str(article), "--published", "2025-02-01", "--format", fmt]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        rows = json.loads(out)
        assert [r["value"] for r in rows] == [44, 4321]
    elif fmt == "csv":
        rows = list(csv.DictReader(out.splitlines()))
        assert [r["metric"] for r in rows] == ["base_organizations", "party_members"]
    else:
        assert out.startswith("| source | district_id |") and "party_members" in out


def test_a_folder_reads_every_text_file(tmp_path, capsys):
    for name in ("a.txt", "b.txt", "c.md"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(tmp_path), "--published", "2025-02-01", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_review_then_merge(tmp_path, article, tiny_dataset, capsys):
    page = tmp_path / "review.html"
    assert main(["extract", str(article), "--published", "2025-02-01", "--review", str(page)]) == 0
    table = page.with_suffix(".csv")
    text = table.read_text(encoding="utf-8").replace("\n,,", "\nyes,,")
    table.write_text(text, encoding="utf-8")
    assert main(["merge", str(table), "--into", str(tiny_dataset)]) == 0
    assert "added 2 fact(s), 1 source(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["extract", "{tmp}/missing.txt"], "missing.txt: no such file or folder"),
        (["extract", "{tmp}"], "no .txt file in this folder"),
        (["extract", "{bad}"], "not UTF-8 text (byte 0xe9 at offset 3)"),
        (["extract", "{ok}", "--published", "31/02/2024"], "--published: found '31/02/2024'"),
        (["extract", "{ok}", "--district", "Bảo Lâm"], "matches 2 districts"),
        (["extract", "{ok}", "--review", "{tmp}/out.csv"], "give the page's name"),
        (["merge", "{tmp}/missing.csv", "--into", "{tmp}"], "no review file"),
        (["merge", "{ok}", "--into", "{tmp}/nowhere"], "no dataset folder"),
    ],
)
def test_bad_input_exits_2_with_a_message(tmp_path, capsys, arguments, message):
    (tmp_path / "bad.txt").write_bytes("café".encode("cp1252"))
    (tmp_path / "ok.txt").write_text(ARTICLE, encoding="utf-8")
    if message == "no .txt file in this folder":
        tmp_path = tmp_path / "empty"
        tmp_path.mkdir()
    names = {"bad": tmp_path / "bad.txt", "ok": tmp_path / "ok.txt", "tmp": tmp_path}
    assert main([a.format(**names) for a in arguments]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_the_process_exits_2_without_traceback(tmp_path):
    (tmp_path / "bad.txt").write_bytes("café".encode("cp1252"))
    done = subprocess.run(
        [sys.executable, "-m", "analysis", "extract", "bad.txt"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert done.returncode == 2
    assert (
        done.stderr.startswith("error: bad.txt: not UTF-8 text") and "Traceback" not in done.stderr
    )


def test_invalid_accepted_rows_exit_1_and_write_nothing(tmp_path, article, tiny_dataset, capsys):
    page = tmp_path / "review.html"
    main(["extract", str(article), "--published", "2025-02-01", "--review", str(page)])
    table = page.with_suffix(".csv")
    table.write_text(
        table.read_text(encoding="utf-8").replace("\n,,", "\nyes,,").replace(",count,", ",heads,"),
        encoding="utf-8",
    )
    before = (tiny_dataset / "facts.csv").read_bytes()
    assert main(["merge", str(table), "--into", str(tiny_dataset)]) == 1
    err = capsys.readouterr().err
    assert (
        "row 2 (new facts row), column unit: found 'heads'" in err and "nothing was written" in err
    )
    assert (tiny_dataset / "facts.csv").read_bytes() == before
