"""The batch runner on the real notebooks and on small test notebooks."""

import json
import re
from pathlib import Path

import nbformat
import pytest
from notebook_helpers import normalise_outputs, write_notebook

from analysis import load_dataset
from analysis.reports.build import BuildOptions, build_reports, run_jobs
from analysis.reports.plan import Job, RunnerError, plan_jobs
from analysis.reports.registry import Group, ReportState
from analysis.reports.spec import DatasetSpec

from conftest import REPO, tiny_tables, write_dataset

pytestmark = pytest.mark.notebook
EMBEDDED_RUN = pytest.mark.xdist_group("embedded_run")
"""The tests sharing the module's batch run go to one xdist worker, so it runs once."""
DISTRICTS = ["sop-cop-son-la", "sa-thay-kon-tum"]


OK, FAILED, SKIPPED = ReportState.COMPLETED, ReportState.FAILED, ReportState.UP_TO_DATE


def _batch(out_dir: Path, job_list, **options):
    return run_jobs(job_list, out_dir, options=BuildOptions(progress=False, **options))


def _states(batch) -> list[ReportState]:
    return [r.state for r in batch.results]


@pytest.fixture(scope="module")
def embedded_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    options = BuildOptions(jobs=2, progress=False)
    first = build_reports(DatasetSpec(), out, districts=DISTRICTS, options=options)
    second = build_reports(DatasetSpec(), out, districts=DISTRICTS, options=options)
    return out, [r.job for r in first.results], first, second


@EMBEDDED_RUN
def test_every_notebook_runs_on_the_embedded_data(embedded_run):
    out, jobs, first, _ = embedded_run
    assert _states(first) == [OK] * len(jobs), [r.error for r in first.results]
    assert {j.name for j in jobs} == {
        "compare-growth",
        "compare-evaluations",
        "compare-targets",
        "data-quality",
        *DISTRICTS,
    }
    for job in jobs:
        for suffix in (".html", ".ipynb", ".json"):
            assert (out / job.folder() / f"{job.name}{suffix}").is_file()


def test_explore_notebook_runs_top_to_bottom_with_its_defaults(tmp_path):
    notebook = REPO / "notebooks" / "explore.ipynb"
    batch = _batch(tmp_path, [Job("explore", Group.COMPARISON, notebook, {}, "Explore", "k")])
    assert batch.results[0].state is OK, batch.results[0].error
    executed = nbformat.read(tmp_path / "comparisons" / "explore.ipynb", as_version=4)
    errors = [
        o
        for c in executed.cells
        if c.cell_type == "code"
        for o in c.outputs
        if o.output_type == "error"
    ]
    assert not errors
    lookup = next(
        c for c in executed.cells if "find_district" in c.source and c.cell_type == "code"
    )
    assert "long-xuyen-an-giang" in json.dumps(lookup.outputs)


@EMBEDDED_RUN
def test_second_run_skips_everything(embedded_run):
    _, jobs, _, second = embedded_run
    assert _states(second) == [SKIPPED] * len(jobs)
    assert second.seconds < 5


@EMBEDDED_RUN
def test_html_has_no_code_and_embeds_its_figures(embedded_run):
    out = embedded_run[0]
    html = (out / "districts" / "sop-cop-son-la.html").read_text()
    assert "load_dataset(" not in html and "check_types" not in html
    assert '<div class="jp-CodeMirrorEditor' not in html and '<div class="highlight' not in html
    assert html.count('src="data:image/png;base64,') >= 2  # charts with two points or more
    assert "<script" not in html  # nothing to load from the network: works offline and alone
    assert 'district = "sop-cop-son-la"' in html.replace("&quot;", '"')  # the header's parameters
    assert "Sốp Cộp" in html


@EMBEDDED_RUN
def test_keep_code_shows_the_code(embedded_run):
    from analysis.present.html import export_html, make_exporter

    notebook = nbformat.read(embedded_run[0] / "districts" / "sop-cop-son-la.ipynb", as_version=4)
    header = {"title": "t", "parameters": {}, "data_origin": "e", "data_fingerprint": "f", "generated": "g",
              "version": "v", "provenance": "p"}  # fmt: skip
    html = export_html(make_exporter(keep_code=True), notebook, header)
    assert '<div class="jp-CodeMirrorEditor' in html and "check_types" in html


@EMBEDDED_RUN
def test_provenance_sidecar(embedded_run):
    record = json.loads((embedded_run[0] / "districts" / "sop-cop-son-la.json").read_text())
    assert record["status"] == "ok" and record["parameters"]["district"] == "sop-cop-son-la"
    assert set(record["versions"]) >= {"pandas", "statsmodels", "seaborn", "papermill", "python"}
    assert len(record["library_sha256"]) == 64 and len(record["data"]["data_key"]) == 64
    assert record["timings"]["execute_seconds"] > 0
    assert record["key_figures"]["members"] == 4014


@EMBEDDED_RUN
def test_index_lists_every_report_with_key_figures(embedded_run):
    out, jobs, _, _ = embedded_run
    index = (out / "index.html").read_text()
    assert index.index("Tăng trưởng các đơn vị") < index.index("Sốp Cộp")  # in Vietnamese
    for job in jobs:
        assert f'href="{job.folder()}/{job.name}.html"' in index
    assert '<td class="num" data-sort="4014.000000">4.014</td>' in index
    summary = json.loads((out / "index.json").read_text())
    assert summary["counts"]["skipped"] == len(jobs)  # the second run wrote it last


@pytest.mark.parametrize("workers", [1, 2])
def test_warm_kernel_report_equals_a_fresh_kernel_report(tmp_path, workers):
    """With one kernel the second report reuses it; with two, the kernels have built the
    national comparisons together (`reports.warm`), each reading the other's parts."""
    import papermill

    dataset = load_dataset()
    jobs = plan_jobs(
        dataset,
        DatasetSpec(),
        districts=["sa-thay-kon-tum", "sop-cop-son-la"],
        include_comparisons=False,
    )
    batch = _batch(tmp_path / "warm", jobs, jobs=workers)
    assert _states(batch) == [OK, OK]
    warm = nbformat.read(tmp_path / "warm" / "districts" / "sop-cop-son-la.ipynb", as_version=4)
    fresh_path = tmp_path / "fresh.ipynb"
    papermill.execute_notebook(
        str(REPO / "notebooks" / "district_report.ipynb"),
        str(fresh_path),
        parameters={"district": "sop-cop-son-la", **DatasetSpec().parameters()},
        cwd=str(REPO / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
    )
    fresh = nbformat.read(fresh_path, as_version=4)
    assert normalise_outputs(warm) == normalise_outputs(fresh)


def _fresh_report(path: Path, district: str, lang: str):
    """A district report made by plain papermill in a new kernel."""
    import papermill

    papermill.execute_notebook(
        str(REPO / "notebooks" / "district_report.ipynb"),
        str(path),
        parameters={"district": district, **DatasetSpec().parameters(), "lang": lang},
        cwd=str(REPO / "notebooks"),
        kernel_name="python3",
        progress_bar=False,
    )
    return nbformat.read(path, as_version=4)


def test_nothing_leaks_between_the_languages_sharing_a_kernel(tmp_path):
    """`--lang vi,en` on one kernel: each district's English report follows its Vietnamese
    one, and the second district's Vietnamese report follows the first's English one. Both
    equal reports made in a new kernel, cell by cell."""
    out = tmp_path / "warm"
    options = BuildOptions(jobs=1, progress=False)
    batch = build_reports(DatasetSpec(), out, districts=DISTRICTS, comparisons=False,
                          options=options, languages=["vi", "en"])  # fmt: skip
    order = [(r.job.name, r.job.parameters["lang"]) for r in batch.results]
    assert order == [(d, lang) for d in DISTRICTS for lang in ("vi", "en")]
    assert _states(batch) == [OK] * 4, [r.error for r in batch.failed]
    assert {r.record.runner["worker"] for r in batch.results} == {0}  # one kernel for all
    for district, lang in [(DISTRICTS[0], "en"), (DISTRICTS[1], "vi")]:
        folder = out / ("en" if lang == "en" else "") / "districts"
        warm = nbformat.read(folder / f"{district}.ipynb", as_version=4)
        fresh = _fresh_report(tmp_path / f"fresh-{lang}.ipynb", district, lang)
        assert normalise_outputs(warm) == normalise_outputs(fresh), (district, lang)


def test_unknown_parameter_is_refused_before_anything_runs(tmp_path):
    notebook = write_notebook(tmp_path / "nb.ipynb", "print(name)")
    out = tmp_path / "out"
    job = Job("one", Group.DISTRICT, notebook, {"name": "a", "nmae": "typo"}, "One", "k")
    with pytest.raises(RunnerError, match="unknown parameter 'nmae'"):
        _batch(out, [job])
    assert not out.exists()


def test_wrong_type_and_missing_required_parameter_are_refused(tmp_path):
    notebook = write_notebook(tmp_path / "nb.ipynb", "print(name)")
    jobs = [
        Job("a", Group.DISTRICT, notebook, {"name": 29}, "A", "k"),
        Job("b", Group.DISTRICT, notebook, {}, "B", "k"),
    ]
    with pytest.raises(RunnerError) as info:
        _batch(tmp_path / "out", jobs)
    assert "name must be str, got int 29" in str(info.value)
    assert "missing required parameter 'name'" in str(info.value)


def test_failing_notebook_is_reported_and_the_others_complete(tmp_path):
    good = write_notebook(
        tmp_path / "good.ipynb",
        "from analysis.present.tables import record_key_figures\nrecord_key_figures(name=name)",
    )
    bad = write_notebook(
        tmp_path / "bad.ipynb", "raise ValueError('broken on purpose')", "print('never')"
    )
    jobs = [
        Job("good-1", Group.DISTRICT, good, {"name": "one"}, "Good 1", "k"),
        Job("bad", Group.DISTRICT, bad, {"name": "two"}, "Bad", "k"),
        Job("good-2", Group.DISTRICT, good, {"name": "three"}, "Good 2", "k"),
    ]
    batch = _batch(tmp_path / "out", jobs, jobs=1)
    assert _states(batch) == [OK, FAILED, OK]
    assert "ValueError: broken on purpose" in batch.results[1].error
    assert batch.results[2].key_figures == {"name": "three"}
    html = (tmp_path / "out" / "districts" / "bad.html").read_text()
    assert "This report failed" in html and "broken on purpose" in html
    executed = nbformat.read(tmp_path / "out" / "districts" / "bad.ipynb", as_version=4)
    assert executed.cells[0].source.startswith("**This report failed:**")
    assert (
        json.loads((tmp_path / "out" / "districts" / "bad.json").read_text())["status"] == "failed"
    )
    again = _batch(tmp_path / "out", jobs, jobs=1)
    assert _states(again) == [SKIPPED, FAILED, SKIPPED]  # failures are retried


def test_a_data_change_reruns_only_what_depends_on_it(tmp_path):
    tables = tiny_tables()  # Sốp Cộp (northern mountains) and Sa Thầy (central highlands)
    tables["districts"].append(
        dict(tables["districts"][0], district_id="song-ma-son-la", gso_code="", name="Sông Mã")
    )
    folder = write_dataset(tmp_path / "data", tables)
    out = tmp_path / "out"
    spec = DatasetSpec.from_arguments(folder)
    options = BuildOptions(progress=False)
    assert _states(build_reports(spec, out, options=options)) == [OK] * 7
    tables["facts"][4]["value"] = "57"  # Sa Thầy's base organisations
    write_dataset(folder, tables)
    statuses = {r.job.name: r.state for r in build_reports(spec, out, options=options).results}
    assert statuses == {
        "compare-growth": OK, "compare-evaluations": OK, "compare-targets": OK, "data-quality": OK,
        "sa-thay-kon-tum": OK, "sop-cop-son-la": SKIPPED, "song-ma-son-la": SKIPPED,
    }  # fmt: skip


def test_hostile_parameter_values_are_data(tmp_path):
    notebook = write_notebook(
        tmp_path / "nb.ipynb",
        "from analysis.present.tables import record_key_figures\nrecord_key_figures(value=name, length=len(name))",
    )
    hostile = 'x"; import os; os.remove("nothing") #\n\\"\'\'\'<script>alert(1)</script>'
    batch = _batch(
        tmp_path / "out", [Job("h", Group.DISTRICT, notebook, {"name": hostile}, "H", "k")]
    )
    assert batch.results[0].state is OK, batch.results[0].error
    assert batch.results[0].key_figures == {"value": hostile, "length": len(hostile)}
    html = (tmp_path / "out" / "districts" / "h.html").read_text()
    assert "<script>alert(1)</script>" not in html


def test_report_names_cannot_leave_the_output_folder(tmp_path):
    notebook = write_notebook(tmp_path / "nb.ipynb", "1")
    for name in ("../escape", "/etc/passwd", "a/../../b", "UPPER", "sốp-cộp"):
        with pytest.raises(RunnerError, match="unsafe report name"):
            _batch(tmp_path / "out", [Job(name, Group.DISTRICT, notebook, {"name": "x"}, "X", "k")])
    assert not any(p.suffix == ".html" for p in tmp_path.rglob("*"))


def test_plan_refuses_colliding_or_unsafe_district_ids():
    dataset = load_dataset()
    with pytest.raises(Exception, match="no district matches"):
        plan_jobs(dataset, DatasetSpec(), districts=["../../etc"])
    chosen = plan_jobs(dataset, DatasetSpec(), districts=["Sốp Cộp", "sop-cop-son-la"])
    names = [j.name for j in chosen]
    assert names.count("sop-cop-son-la") == 1
    assert all(re.fullmatch(r"[a-z0-9-]+", n) for n in names)


def test_a_kernel_that_does_not_start_is_replaced_once(monkeypatch, tmp_path):
    import asyncio

    from analysis.reports.kernels import Worker

    attempts = []

    async def flaky(self):
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("Kernel didn't respond in 60 seconds")

    async def stop(self):
        return None

    monkeypatch.setattr(Worker, "_start_once", flaky)
    monkeypatch.setattr(Worker, "stop", stop)
    asyncio.run(Worker(0, tmp_path, 10).start())
    assert len(attempts) == 2
    attempts.clear()

    async def broken(self):
        attempts.append(1)
        raise RuntimeError("no kernel")

    monkeypatch.setattr(Worker, "_start_once", broken)
    with pytest.raises(RuntimeError, match="no kernel"):
        asyncio.run(Worker(0, tmp_path, 10).start())
    assert len(attempts) == 2


def _as_windows_1258(text: str) -> str:
    """Text as Windows-1258 spells Vietnamese: precomposed vowels (ô, ơ, ư, ă, â, ê) and
    combining tone marks, since the code page has no precomposed toned letters."""
    import unicodedata

    clusters: list[list[str]] = []
    for char in unicodedata.normalize("NFD", text):
        if clusters and unicodedata.combining(char):
            clusters[-1].append(char)
        else:
            clusters.append([char])
    spelled = []
    for base, *marks in clusters:
        for mark in list(marks):
            joined = unicodedata.normalize("NFC", base + mark)
            if len(joined) == 1 and joined.encode("cp1258", errors="ignore"):
                base = joined
                marks.remove(mark)
        spelled.append(base + "".join(marks))
    return "".join(spelled)


def test_a_windows_1258_dataset_renders_with_its_encoding(tmp_path):
    from analysis.cli import main

    tables = tiny_tables()
    for rows in tables.values():
        for row in rows:
            row.update({k: _as_windows_1258(v) for k, v in row.items()})
    folder = write_dataset(tmp_path / "data", tables, encoding="cp1258")
    assert "Sốp Cộp".encode() not in (folder / "districts.csv").read_bytes()
    out = tmp_path / "out"
    argv = ["reports", "--data", str(folder), "--encoding", "windows-1258", "--number-format", "vi",
            "--out", str(out), "--districts", "sop-cop-son-la", "--no-progress", "--jobs", "1"]  # fmt: skip
    assert main(argv) == 0
    html = (out / "districts" / "sop-cop-son-la.html").read_text()
    assert "Sốp Cộp" in html and "Trung du và miền núi phía Bắc" in html
    record = json.loads((out / "districts" / "sop-cop-son-la.json").read_text())
    assert record["status"] == "ok" and record["key_figures"]["members"] == 4014
    assert record["dataset"] == {
        "path": str(folder.resolve()),
        "encoding": "windows-1258",
        "number_format": "vi",
    }
    executed = nbformat.read(out / "districts" / "sop-cop-son-la.ipynb", as_version=4)
    injected = next(
        c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])
    )
    assert (
        'encoding = "windows-1258"' in injected.source and 'number_format = "vi"' in injected.source
    )
    for group in ("comparisons", "quality"):
        for sidecar in (out / group).glob("*.json"):
            assert json.loads(sidecar.read_text())["dataset"]["encoding"] == "windows-1258"


def test_plain_papermill_refuses_a_misspelt_parameter(tmp_path):
    import papermill

    with pytest.raises(papermill.PapermillExecutionError, match="did you mean 'district'"):
        papermill.execute_notebook(
            str(REPO / "notebooks" / "district_report.ipynb"),
            str(tmp_path / "out.ipynb"),
            parameters={"distrct": "van-ho-son-la"},
            cwd=str(REPO / "notebooks"),
            kernel_name="python3",
            progress_bar=False,
        )


def test_a_failed_report_says_so_in_its_language(tmp_path):
    from analysis.reports.execute import RunContext, _error_cell, _header, report_language

    assert (
        _error_cell("ValueError: <x>", "en").source
        == "**This report failed:** ValueError: &lt;x&gt;"
    )
    assert (
        _error_cell("ValueError: <x>", "vi").source == "**Báo cáo bị lỗi:** ValueError: &lt;x&gt;"
    )
    context = RunContext(Path("out"), DatasetSpec(), "embedded", "f" * 64, {})
    district = REPO / "notebooks" / "district_report.ipynb"  # declares lang: str = "vi"
    plain = write_notebook(tmp_path / "nb.ipynb", "1")  # declares no lang
    for path, given, expected in [(district, {}, "vi"), (district, {"lang": "en"}, "en"),
                                  (plain, {}, "en"), (plain, {"lang": "vi"}, "vi")]:  # fmt: skip
        job = Job("d", Group.DISTRICT, path, given, "D", "k")
        lang = report_language(job, nbformat.read(path, as_version=4))
        assert lang == expected, (path.name, given)
        assert _header(job, context, "2026-11-30T00:00:00+00:00", "", lang)["lang"] == expected
