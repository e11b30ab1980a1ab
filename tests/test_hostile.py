"""Hostile data: markup in names and notes is shown as text, addresses cannot run script,
identifiers cannot write outside the output folder, and spreadsheet exports neutralise
formulas."""

import copy
import json

import pytest

from analysis import DatasetError, load_dataset
from analysis.cli import main
from analysis.reports.build import BuildOptions, run_jobs
from analysis.reports.plan import plan_jobs
from analysis.reports.registry import ReportState
from analysis.reports.spec import DatasetSpec

from conftest import tiny_tables, write_dataset

SCRIPT = '<script>alert("name")</script>'
IMAGE = "<img src=x onerror=alert(2)>"
BOLD = "<b onmouseover=alert(3)>publisher</b>"


def _hostile_tables():
    tables = copy.deepcopy(tiny_tables())
    tables["districts"][0].update(name=f"Sốp Cộp {SCRIPT}", gso_code="")
    tables["districts"][0]["note"] = IMAGE
    tables["facts"][0]["note"] = f"{IMAGE} and {SCRIPT}"
    tables["sources"][0].update(url="javascript:alert(4)", publisher=BOLD)
    return tables


@pytest.mark.notebook
def test_markup_in_data_is_text_in_reports_and_index(tmp_path):
    folder = write_dataset(tmp_path / "data", _hostile_tables())
    dataset = load_dataset(folder)
    jobs = [
        j
        for j in plan_jobs(
            dataset, DatasetSpec.from_arguments(folder), districts=["sop-cop-son-la"]
        )
        if j.name in ("sop-cop-son-la", "data-quality")
    ]
    out = tmp_path / "out"
    batch = run_jobs(jobs, out, options=BuildOptions(progress=False, jobs=1))
    states = [r.state for r in batch.results]
    assert states == [ReportState.COMPLETED] * 2, [r.error for r in batch.results]
    index = batch.index
    pages = {
        "report": (out / "districts" / "sop-cop-son-la.html").read_text(),
        "quality": (out / "quality" / "data-quality.html").read_text(),
        "index": index.read_text(),
    }
    ours = pages["index"].rindex("<script>")  # the index's own sorting script, no data in it
    assert "alert" not in pages["index"][ours:] and pages["index"].count("<script") == 1
    pages["index"] = pages["index"][:ours]
    for name, html in pages.items():
        for raw in (SCRIPT, IMAGE, BOLD, 'href="javascript:'):
            assert raw not in html, (name, raw)
        assert "<script" not in html, name
    assert "&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;" in pages["report"]
    assert "&lt;img src=x onerror=alert(2)&gt;" in pages["report"]
    assert "&lt;script&gt;" in pages["index"]


@pytest.mark.parametrize(
    "district_id", ["../escape", "/etc/passwd", "SOP-COP-SON-LA", "sốp-cộp-sơn-la", "a/b", ".."]
)
def test_identifiers_that_could_be_paths_are_refused(tmp_path, district_id):
    tables = copy.deepcopy(tiny_tables())
    old = tables["districts"][0]["district_id"]
    tables["districts"][0]["district_id"] = district_id
    for fact in tables["facts"]:
        if fact["district_id"] == old:
            fact["district_id"] = district_id
    with pytest.raises(DatasetError) as info:
        load_dataset(write_dataset(tmp_path / "d", tables))
    assert any(
        p.column == "district_id" and "text matching" in p.expected for p in info.value.problems
    )


def test_spreadsheet_export_neutralises_formulas_and_keeps_numbers(tmp_path, capsys):
    tables = copy.deepcopy(tiny_tables())
    tables["districts"][0].update(name='=HYPERLINK("http://example.invalid","click")', gso_code="")
    tables["districts"][1].update(name="@SUM(A1:A9)", gso_code="")
    folder = write_dataset(tmp_path / "d", tables)
    assert main(["table", "comparison", "--data", str(folder), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "'=HYPERLINK" in out and "'@SUM" in out
    assert ",=HYPERLINK" not in out and ",@SUM" not in out
    assert ",4014," in out  # numbers stay numbers
    assert main(["table", "comparison", "--data", str(folder), "--format", "json"]) == 0
    records = json.loads(capsys.readouterr().out)
    assert records[0]["district"].startswith(
        "=HYPERLINK"
    )  # JSON is not for spreadsheets: unchanged
