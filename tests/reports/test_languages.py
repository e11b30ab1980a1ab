"""`--lang vi,en` as one batch: one plan, one load of the data, one pool of kernels, the
languages written to folders (OUT/ and OUT/en/), each with its index, linked both ways.

The batch runs small stand-in notebooks named as the registry expects (fast to execute);
`test_runner.py` checks the real notebooks in a kernel shared by both languages.
"""

import json
import re
from pathlib import Path

import pytest
from notebook_helpers import write_notebook

from analysis.cli import main
from analysis.reports import build as build_module
from analysis.reports.build import BuildOptions, build_reports
from analysis.reports.execute import LocalExecutor
from analysis.reports.plan import RunnerError
from analysis.reports.registry import REPORT_TYPES, ReportState
from analysis.reports.spec import DatasetSpec

from conftest import tiny_tables, write_dataset

pytestmark = pytest.mark.notebook
OK, FAILED, SKIPPED = ReportState.COMPLETED, ReportState.FAILED, ReportState.UP_TO_DATE
DISTRICTS = ["sop-cop-son-la", "sa-thay-kon-tum"]  # the tiny dataset's
DATASET_PARAMETERS = (
    'data: str = ""  # dataset folder\n'
    'encoding: str = ""  # text encoding\n'
    'number_format: str = ""  # number format\n'
    'lang: str = "vi"  # language of the report\n'
    'note: str = ""  # a word the report shows\n'
)
DISTRICT_PARAMETERS = (
    'district: str = ""  # (required) district id\n'
    'fail: str = ""  # LANG:DISTRICT of the one report that raises (test)\n'
)
CODE = (
    "from analysis.present.key_figures import record_key_figures\n"
    "name = globals().get('district', 'dataset')\n"
    "if globals().get('fail') == f'{lang}:{name}':\n"
    "    raise ValueError(f'broken in {lang} on purpose')\n"
    "record_key_figures(lang=lang, note=note)"
)


@pytest.fixture
def notebooks(tmp_path: Path) -> Path:
    """Stand-ins for the five report notebooks, declaring the parameters the runner sets."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for report in REPORT_TYPES:
        district = DISTRICT_PARAMETERS if report.per_district else ""
        write_notebook(folder / f"{report.stem}.ipynb", CODE,
                       parameters=district + DATASET_PARAMETERS)  # fmt: skip
    return folder


@pytest.fixture
def counted(monkeypatch) -> dict:
    """Counts the kernel pools started (with the languages of the reports each was given)
    and the loads of the dataset by the runner (each in a planning process of its own)."""
    counts = {"pools": [], "loads": 0}

    class CountingExecutor(LocalExecutor):
        def run(self, jobs, context, on_result):
            counts["pools"].append(sorted({j.parameters["lang"] for j in jobs}))
            return super().run(jobs, context, on_result)

    plan = build_module.plan_apart

    def counting_plan(*args):
        counts["loads"] += 1
        return plan(*args)

    monkeypatch.setattr(build_module, "LocalExecutor", CountingExecutor)
    monkeypatch.setattr(build_module, "plan_apart", counting_plan)
    return counts


def _build(spec, out, notebooks, languages=("vi", "en"), **kwargs):
    options = BuildOptions(jobs=2, progress=False)
    return build_reports(spec, out, notebooks=notebooks, options=options,
                         languages=list(languages) if languages else None, **kwargs)  # fmt: skip


def _link(page: Path) -> Path:
    """Where a page's link to its other language leads."""
    html = page.read_text(encoding="utf-8")
    href = re.search(r'class="(?:vn-)?other" href="([^"]+)"', html).group(1)
    return (page.parent / href).resolve()


def test_two_languages_are_one_batch_written_to_two_linked_folders(tmp_path, notebooks, counted):
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tiny_tables()))
    out = tmp_path / "out"
    batch = _build(spec, out, notebooks)
    assert [r.state for r in batch.results] == [OK] * 12, [r.error for r in batch.failed]
    assert counted == {"pools": [["en", "vi"]], "loads": 1}
    assert batch.executor_runs == 1
    assert batch.indexes == [out / "index.html", out / "en" / "index.html"]
    assert batch.index == out / "index.html"
    for root, lang in ((out, "vi"), (out / "en", "en")):
        for name, folder in [("sop-cop-son-la", "districts"), ("data-quality", "quality")]:
            record = json.loads((root / folder / f"{name}.json").read_text())
            assert record["parameters"]["lang"] == lang  # the provenance says the language
            assert record["key_figures"]["lang"] == lang  # and the report was made in it
            assert record["outputs"]["html"] == f"{folder}/{name}.html"  # as a batch in root
        index = json.loads((root / "index.json").read_text())
        assert len(index["reports"]) == 6 and index["counts"]["ok"] == 6
        assert {r["values"]["lang"] for r in index["reports"]} == {lang}
        assert f'<html lang="{lang}">' in (root / "index.html").read_text()
    vi_page = out / "districts" / "sop-cop-son-la.html"
    en_page = out / "en" / "districts" / "sop-cop-son-la.html"
    assert _link(vi_page) == en_page.resolve() and _link(en_page) == vi_page.resolve()
    assert _link(out / "index.html") == (out / "en" / "index.html").resolve()
    assert _link(out / "en" / "index.html") == (out / "index.html").resolve()
    assert not list(out.glob("**/*-lang-*"))  # folders, not name suffixes

    again = _build(spec, out, notebooks)
    assert [r.state for r in again.results] == [SKIPPED] * 12
    assert again.executor_runs == 0 and counted == {"pools": [["en", "vi"]], "loads": 1}


def test_a_change_to_one_language_remakes_only_its_reports(tmp_path, notebooks, counted):
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tiny_tables()))
    out = tmp_path / "out"
    _build(spec, out, notebooks)
    # The English folder remade alone with another parameter (and no link back) ...
    alone = _build(spec, out / "en", notebooks, ["en"], params={"note": "x"})
    assert [r.state for r in alone.results] == [OK] * 6
    # ... is all that the two-language batch makes again.
    both = _build(spec, out, notebooks)
    states = {(r.job.root, r.job.name): r.state for r in both.results}
    assert {s for (root, _), s in states.items() if root == "en"} == {OK}
    assert {s for (root, _), s in states.items() if root == ""} == {SKIPPED}
    assert counted["pools"][-1] == ["en"]


def test_en_vi_puts_english_first_and_vietnamese_in_vi(tmp_path, notebooks):
    spec = DatasetSpec.from_arguments(write_dataset(tmp_path / "data", tiny_tables()))
    out = tmp_path / "out"
    batch = _build(spec, out, notebooks, ["en", "vi"], districts=["sop-cop-son-la"],
                   comparisons=False)  # fmt: skip
    assert [(r.job.root, r.job.parameters["lang"]) for r in batch.results] == [
        ("", "en"),
        ("vi", "vi"),
    ]
    assert _link(out / "districts" / "sop-cop-son-la.html") == (
        out / "vi" / "districts" / "sop-cop-son-la.html"
    )
    assert '<html lang="vi">' in (out / "vi" / "index.html").read_text()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"languages": ["vi", "fr"]}, "languages must be"),
        ({"languages": ["vi", "vi"]}, "languages must be"),
        ({"languages": ["vi", "en"], "params": {"lang": "en"}}, "give the languages once"),
        ({"languages": ["vi", "en"], "grid": {"lang": ["vi", "en"]}}, "give the languages once"),
        (
            {"languages": ["vi", "en"], "options": BuildOptions(other_language=("E", "en/"))},
            "links them itself",
        ),
    ],
)
def test_languages_given_twice_or_unknown_are_refused(tmp_path, kwargs, message):
    with pytest.raises(RunnerError, match=message):
        build_reports(DatasetSpec(), tmp_path / "out", **kwargs)
    assert not (tmp_path / "out").exists()


def test_command_line_one_batch_a_failure_in_one_language_alone(
    tmp_path, notebooks, counted, monkeypatch, capsys
):
    monkeypatch.setattr("analysis.paths.notebooks_dir", lambda: notebooks)
    data = write_dataset(tmp_path / "data", tiny_tables())
    out = tmp_path / "out"
    argv = ["reports", "--data", str(data), "--out", str(out), "--lang", "vi,en", "--jobs", "2",
            "--no-progress", "--param", "fail=en:sop-cop-son-la"]  # fmt: skip
    assert main(argv) == 1
    printed = capsys.readouterr()
    assert "12 reports: 11 made, 0 unchanged (skipped), 1 failed" in printed.out
    assert f"index: {out / 'index.html'}, {out / 'en' / 'index.html'}" in printed.out
    assert "FAILED en/districts/sop-cop-son-la: ValueError: broken in en on purpose" in (
        printed.err
    )
    assert "en/districts/sop-cop-son-la" in printed.out
    assert counted["pools"] == [["en", "vi"]] and counted["loads"] == 1
    assert json.loads((out / "districts" / "sop-cop-son-la.json").read_text())["status"] == "ok"
    failed = json.loads((out / "en" / "districts" / "sop-cop-son-la.json").read_text())
    assert failed["status"] == "failed"
    assert json.loads((out / "en" / "index.json").read_text())["counts"]["failed"] == 1
    assert json.loads((out / "index.json").read_text())["counts"]["failed"] == 0

    assert main(argv[:-2]) == 0  # without the failure: the four district reports again
    printed = capsys.readouterr().out
    assert "12 reports: 4 made, 8 unchanged (skipped), 0 failed" in printed
    assert main(argv[:-2]) == 0
    assert "12 reports: 0 made, 12 unchanged (skipped), 0 failed" in capsys.readouterr().out
    assert len(counted["pools"]) == 2 and counted["loads"] == 2  # the last run planned nothing


def test_command_line_refuses_lang_twice(capsys):
    assert main(["reports", "--lang", "vi,en", "--grid", "lang=vi,en", "--no-progress"]) == 2
    assert "give the languages once" in capsys.readouterr().err
