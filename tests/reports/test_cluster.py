"""Batches on a two-worker Dask LocalCluster: same reports, failures isolated, lost workers.

Deselect with `-m "not cluster"`; skipped only when Dask is not installed (the `cluster`
extra, which `make setup` installs).
"""

import json
import os
import signal
from pathlib import Path

import nbformat
import pytest
from notebook_helpers import normalise_outputs, write_notebook

pytest.importorskip("distributed")

import dask
from distributed import LocalCluster

from analysis.cli import main
from analysis.reports.build import BuildOptions, build_reports, run_jobs
from analysis.reports.cluster import DaskExecutor
from analysis.reports.plan import Job
from analysis.reports.registry import Group, ReportState

pytestmark = [pytest.mark.notebook, pytest.mark.cluster]
OK, FAILED, SKIPPED = ReportState.COMPLETED, ReportState.FAILED, ReportState.UP_TO_DATE
DISTRICTS = ["sop-cop-son-la", "sa-thay-kon-tum"]
PARAMETERS = 'name: str = "x"  # (required) a name\nmarker: str = ""  # a file'
KILL_WORKER = f"""
import os, pathlib
if name.startswith("kill") and (name == "kill-always" or not pathlib.Path(marker).exists()):
    pathlib.Path(marker).write_text(str(os.getppid()))
    os.kill(os.getppid(), {int(signal.SIGKILL)})  # the Dask worker: the kernel's parent
    os._exit(1)
print(name)
"""


@pytest.fixture(scope="module")
def cluster():
    """Two workers with one kernel each; a lost worker's report is retried once."""
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        local = LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            resources={"kernel": 1},
            dashboard_address=":0",
            silence_logs=50,
        )
    with local:
        yield local.scheduler_address


def _batch(out_dir: Path, job_list, executor=None, **options):
    options = BuildOptions(progress=False, **options)
    return run_jobs(job_list, out_dir, options=options, executor=executor)


def _states(batch) -> list[ReportState]:
    return [r.state for r in batch.results]


def test_dask_reports_equal_the_local_runners(cluster, tmp_path):
    options = BuildOptions(jobs=2, progress=False)
    build = dict(districts=DISTRICTS, comparisons=False, options=options)
    local = build_reports(out_dir=tmp_path / "local", **build)
    remote = build_reports(
        out_dir=tmp_path / "dask", executor=DaskExecutor(scheduler=cluster), **build
    )
    assert _states(remote) == [OK, OK], [r.error for r in remote.results]
    for here, there in zip(local.results, remote.results, strict=True):
        assert here.record.key == there.record.key
        assert here.key_figures == there.key_figures
        name = f"districts/{here.job.name}.ipynb"
        expected = nbformat.read(tmp_path / "local" / name, as_version=4)
        produced = nbformat.read(tmp_path / "dask" / name, as_version=4)
        assert normalise_outputs(produced) == normalise_outputs(expected)
        runner = there.record.runner
        assert runner["executor"] == "dask" and runner["host"] and runner["kernel"] == 0
        assert runner["dask_worker"].startswith("tcp://")
    again = build_reports(
        out_dir=tmp_path / "dask", executor=DaskExecutor(scheduler=cluster), **build
    )
    assert _states(again) == [SKIPPED, SKIPPED]  # the same cache


def test_a_failing_notebook_fails_alone(cluster, tmp_path):
    good = write_notebook(
        tmp_path / "good.ipynb",
        "from analysis.present.tables import record_key_figures\nrecord_key_figures(name=name)",
    )
    bad = write_notebook(tmp_path / "bad.ipynb", "raise ValueError('broken on purpose')")
    jobs = [
        Job("good-1", Group.DISTRICT, good, {"name": "one"}, "Good 1", "k"),
        Job("bad", Group.DISTRICT, bad, {"name": "two"}, "Bad", "k"),
        Job("good-2", Group.DISTRICT, good, {"name": "three"}, "Good 2", "k"),
    ]
    batch = _batch(tmp_path / "out", jobs, DaskExecutor(scheduler=cluster))
    assert _states(batch) == [OK, FAILED, OK]
    assert "ValueError: broken on purpose" in batch.results[1].error
    assert batch.results[2].key_figures == {"name": "three"}
    record = json.loads((tmp_path / "out" / "districts" / "bad.json").read_text())
    assert record["status"] == "failed" and record["runner"]["executor"] == "dask"
    assert "broken on purpose" in (tmp_path / "out" / "districts" / "bad.html").read_text()


def _wait_for_both_workers(address: str) -> None:
    """A worker killed by the previous test may still be restarting."""
    from distributed import Client

    with Client(address) as client:
        client.wait_for_workers(2, timeout=120)


def _kill_jobs(tmp_path: Path, names: list[str]) -> list[Job]:
    notebook = write_notebook(tmp_path / "kill.ipynb", KILL_WORKER, parameters=PARAMETERS)
    marker = str(tmp_path / "killed-worker-pid")
    return [Job(n, Group.DISTRICT, notebook, {"name": n, "marker": marker}, n, "k") for n in names]


def test_a_worker_killed_mid_batch_is_replaced_and_its_report_retried_once(cluster, tmp_path):
    _wait_for_both_workers(cluster)
    jobs = _kill_jobs(tmp_path, ["first", "kill-once", "second", "third"])
    batch = _batch(tmp_path / "out", jobs, DaskExecutor(scheduler=cluster))
    assert _states(batch) == [OK] * 4, [r.error for r in batch.results]
    killed = int((tmp_path / "killed-worker-pid").read_text())
    retried = json.loads((tmp_path / "out" / "districts" / "kill-once.json").read_text())
    assert retried["runner"]["worker_pid"] != killed  # it ran again, on another process
    executed = nbformat.read(tmp_path / "out" / "districts" / "kill-once.ipynb", as_version=4)
    assert executed.cells[-1].outputs[0]["text"] == "kill-once\n"


def test_a_report_that_kills_its_worker_twice_fails_with_a_clear_error(cluster, tmp_path):
    # The survivor starts first (Dask counts a lost worker against every report assigned
    # to it, started or not: a report waiting behind one that kills its worker twice would
    # be lost with it).
    _wait_for_both_workers(cluster)
    jobs = _kill_jobs(tmp_path, ["survivor", "kill-always"])
    batch = _batch(tmp_path / "out", jobs, DaskExecutor(scheduler=cluster))
    assert _states(batch) == [OK, FAILED], [r.error for r in batch.results]
    assert "Dask worker running this report was lost, and again on the retry" in (
        batch.results[1].error
    )
    assert not (tmp_path / "out" / "districts" / "kill-always.json").exists()


def test_command_line_local_cluster_with_a_grid_writes_every_combination(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(
        ["reports", "--cluster", "local:2", "--districts", "sop-cop-son-la", "--no-comparisons",
         "--grid", "lang=vi,en", "--out", str(out), "--no-progress"]
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    languages = {}
    for suffix in ("lang-vi", "lang-en"):
        stem = out / "districts" / f"sop-cop-son-la-{suffix}"
        assert stem.with_suffix(".html").is_file() and stem.with_suffix(".ipynb").is_file()
        record = json.loads(stem.with_suffix(".json").read_text())
        languages[suffix] = record["parameters"]["lang"]
        assert record["runner"]["executor"] == "dask"
    assert languages == {"lang-vi": "vi", "lang-en": "en"}
    index = json.loads((out / "index.json").read_text())
    assert sorted(index["variants"]) == ["lang=en", "lang=vi"]
    assert sorted(r["variant"] for r in index["reports"]) == ["lang=en", "lang=vi"]


def test_command_line_local_cluster_takes_two_languages_as_one_batch(tmp_path, capsys, monkeypatch):
    runs = []
    run = DaskExecutor.run

    def counting_run(self, jobs, context, on_result):
        runs.append([(j.root, j.parameters["lang"]) for j in jobs])
        return run(self, jobs, context, on_result)

    monkeypatch.setattr(DaskExecutor, "run", counting_run)
    out = tmp_path / "out"
    code = main(
        ["reports", "--cluster", "local:2", "--districts", "sop-cop-son-la", "--no-comparisons",
         "--lang", "vi,en", "--out", str(out), "--no-progress"]
    )  # fmt: skip
    printed = capsys.readouterr()
    assert code == 0, printed.err
    assert runs == [[("", "vi"), ("en", "en")]]  # one cluster, both languages
    assert "2 reports: 2 made, 0 unchanged (skipped), 0 failed" in printed.out
    for folder, lang in ((out, "vi"), (out / "en", "en")):
        record = json.loads((folder / "districts" / "sop-cop-son-la.json").read_text())
        assert record["parameters"]["lang"] == lang
        assert record["runner"]["executor"] == "dask"
        assert json.loads((folder / "index.json").read_text())["counts"]["ok"] == 1
    page = (out / "en" / "districts" / "sop-cop-son-la.html").read_text()
    assert 'href="../../districts/sop-cop-son-la.html"' in page


def test_a_killed_workers_sockets_folder_is_removed_by_the_next_worker(tmp_path):
    """SIGKILL runs neither teardown nor exit handlers: the next worker's setup removes
    the folder of a worker that no longer runs, never one of a running process."""
    import subprocess
    import sys

    from analysis.reports.cluster.plugin import SOCKETS_PREFIX, remove_orphan_sockets

    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True)  # fmt: skip
    dead = tmp_path / f"{SOCKETS_PREFIX}{ended.stdout.strip()}-abc"
    alive = tmp_path / f"{SOCKETS_PREFIX}{os.getpid()}-def"
    other = tmp_path / f"{SOCKETS_PREFIX}notapid"
    for folder in (dead, alive, other):
        folder.mkdir()
        (folder / "kernel-1-shell").write_text("")
    assert remove_orphan_sockets(str(tmp_path)) == [dead]
    assert not dead.exists() and alive.exists() and other.exists()
