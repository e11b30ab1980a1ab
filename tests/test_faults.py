"""Faults: a notebook that raises, a kernel that dies, a time limit, an interrupted batch,
and an output folder that is read-only or full. The rest of the batch completes, the error
is reported, and nothing already written is lost or left half-written."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from notebook_helpers import write_notebook

from analysis import files
from analysis.reports.build import BuildOptions, run_jobs
from analysis.reports.plan import Job, RunnerError
from analysis.reports.registry import Group, ReportState

pytestmark = pytest.mark.notebook
DISTRICTS = [
    "sop-cop-son-la",
    "sa-thay-kon-tum",
    "long-xuyen-an-giang",
    "van-ho-son-la",
    "duc-tho-ha-tinh",
]


def _batch(out: Path, jobs: list[Job], **options):
    return run_jobs(jobs, out, options=BuildOptions(progress=False, jobs=1, **options))


OK, FAILED = ReportState.COMPLETED, ReportState.FAILED


def _good(tmp_path: Path) -> Path:
    return write_notebook(
        tmp_path / "good.ipynb",
        "from analysis.present.tables import record_key_figures\nrecord_key_figures(name=name)",
    )


def test_kernel_that_dies_is_reported_and_replaced(tmp_path):
    crash = write_notebook(tmp_path / "crash.ipynb", "import os\nos._exit(1)")
    jobs = [
        Job("before", Group.DISTRICT, _good(tmp_path), {"name": "a"}, "Before", "k"),
        Job("crash", Group.DISTRICT, crash, {"name": "b"}, "Crash", "k"),
        Job("after", Group.DISTRICT, _good(tmp_path), {"name": "c"}, "After", "k"),
    ]
    batch = _batch(tmp_path / "out", jobs)
    assert [r.state for r in batch.results] == [OK, FAILED, OK]
    assert "kernel died" in batch.results[1].error
    assert batch.results[2].key_figures == {"name": "c"}
    assert "This report failed" in (tmp_path / "out" / "districts" / "crash.html").read_text()


def test_time_limit_stops_a_report_and_the_batch_goes_on(tmp_path):
    slow = write_notebook(tmp_path / "slow.ipynb", "import time\ntime.sleep(120)")
    jobs = [
        Job("slow", Group.DISTRICT, slow, {"name": "a"}, "Slow", "k"),
        Job("after", Group.DISTRICT, _good(tmp_path), {"name": "b"}, "After", "k"),
    ]
    began = time.monotonic()
    batch = _batch(tmp_path / "out", jobs, timeout=3)
    assert time.monotonic() - began < 60
    assert [r.state for r in batch.results] == [FAILED, OK]
    assert "time limit of 3 s exceeded" in batch.results[0].error


def _start_reports(out: Path, districts: list[str] = DISTRICTS) -> subprocess.Popen:
    command = [sys.executable, "-m", "analysis", "reports", "--out", str(out), "--no-comparisons", "--no-progress",
               "--jobs", "1", "--districts", *districts]  # fmt: skip
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _wait_for_first_report(out: Path, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not list((out / "districts").glob("*.json")):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "no report within two minutes"
        time.sleep(0.1)


def _assert_only_whole_reports(out: Path) -> set[str]:
    """Every file with a final name is complete; returns the names of finished reports."""
    finished = set()
    for sidecar in (out / "districts").glob("*.json"):
        record = json.loads(sidecar.read_text())
        assert record["status"] == "ok"
        assert sidecar.with_suffix(".html").read_text().rstrip().endswith("</html>")
        json.loads(sidecar.with_suffix(".ipynb").read_text())
        finished.add(record["name"])
    for path in (out / "districts").glob("*"):
        if not path.name.startswith(files.TEMP_PREFIX):
            assert path.stem in finished or path.suffix in (".html", ".ipynb"), path
    return finished


@pytest.mark.parametrize(
    "sig", [signal.SIGINT, signal.SIGTERM, signal.SIGKILL], ids=["SIGINT", "SIGTERM", "SIGKILL"]
)
def test_killed_batch_leaves_whole_reports_and_resumes(tmp_path, sig):
    out = tmp_path / "reports"
    process = _start_reports(out)
    _wait_for_first_report(out, process)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    if sig != signal.SIGKILL:
        assert process.returncode == 128 + sig  # 130 for SIGINT, 143 for SIGTERM
        assert "Traceback" not in stderr and "CancelledError" not in stderr, stderr
        assert "interrupted: finished reports are kept" in stderr
        assert not list(out.rglob(f"{files.TEMP_PREFIX}*")), (
            "an interrupted run cleans its temporary files"
        )
    finished = _assert_only_whole_reports(out)
    assert finished and len(finished) < len(DISTRICTS)
    resumed = subprocess.run(
        [
            sys.executable,
            "-m",
            "analysis",
            "reports",
            "--out",
            str(out),
            "--no-comparisons",
            "--no-progress",
            "--jobs",
            "1",
            "--verbose",
            "--districts",
            *DISTRICTS,
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert resumed.returncode == 0, resumed.stderr
    for name in finished:
        assert any(
            line.split()[:2] == [f"districts/{name}", "skipped"]
            for line in resumed.stdout.splitlines()
        )
    assert f"{len(finished)} unchanged (skipped)" in resumed.stdout
    assert not list(out.rglob(f"{files.TEMP_PREFIX}*"))


# --- read-only and full output folders ---------------------------------------------------


@contextlib.contextmanager
def _tmpfs(path: Path, size: str):
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if result.returncode != 0:
        yield False
        return
    try:
        yield True
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_read_only_output_folder_is_refused_and_nothing_is_lost(tmp_path):
    out = tmp_path / "reports"
    with _tmpfs(out, "1m") as mounted:
        (out / "keep.html").write_text("earlier report")
        command = [sys.executable, "-m", "analysis", "reports", "--out", str(out), "--no-comparisons",
                   "--districts", "sop-cop-son-la", "--no-progress"]  # fmt: skip
        if mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(out)], check=True)
        elif os.geteuid() == 0:  # no mounting here: a user who may not write
            out.chmod(0o755)
            command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
        else:
            out.chmod(0o555)
        result = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=120,
            env={**os.environ, "HOME": str(tmp_path)},
        )
        assert result.returncode == 2, result.stderr
        assert f"cannot write into {out}" in result.stderr
        assert "nothing was changed" in result.stderr
        assert (out / "keep.html").read_text() == "earlier report"
        with contextlib.suppress(OSError):
            out.chmod(0o755)


def test_full_output_folder_fails_clearly_and_keeps_what_is_there(tmp_path, monkeypatch):
    big = write_notebook(tmp_path / "big.ipynb", "print('x' * 400_000)")
    out = tmp_path / "reports"
    with _tmpfs(out, "300k") as mounted:
        (out / "keep.html").write_text("earlier report")
        if not mounted:  # no mounting here: the disk fills when a file is flushed

            def full(_fd):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

            monkeypatch.setattr(files.os, "fsync", full)
        batch = _batch(out, [Job("big", Group.DISTRICT, big, {"name": "a"}, "Big", "k")])
        assert [r.state for r in batch.results] == [FAILED]
        assert "No space left on device" in batch.results[0].error
        assert (out / "keep.html").read_text() == "earlier report"
        assert not list(out.rglob(f"{files.TEMP_PREFIX}*"))
        assert not (out / "districts" / "big.json").exists()


def test_unwritable_output_is_a_runner_error(tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("a file where the output folder should be")
    notebook = write_notebook(tmp_path / "nb.ipynb", "1")
    with pytest.raises(RunnerError, match="cannot write into"):
        _batch(target, [Job("a", Group.DISTRICT, notebook, {"name": "x"}, "A", "k")])
    assert target.read_text().startswith("a file")


def test_a_full_disk_leaves_no_write_test_file(tmp_path):
    out = tmp_path / "reports"
    with _tmpfs(out, "64k") as mounted:
        if not mounted:
            pytest.skip("needs a small tmpfs (mount) to fill")
        with contextlib.suppress(OSError), open(out / "filler", "wb") as handle:
            while True:
                handle.write(b"x" * 4096)
                handle.flush()
        command = [sys.executable, "-m", "analysis", "reports", "--out", str(out), "--no-comparisons",
                   "--districts", "sop-cop-son-la", "--no-progress"]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, result.stderr
        assert "No space left on device; nothing was changed" in result.stderr
        assert sorted(p.name for p in out.iterdir()) == ["filler"]


# --- two runs on one output folder --------------------------------------------------------


def test_a_second_run_waits_for_the_lock_and_leaves_the_first_runs_temporaries(tmp_path):
    out = tmp_path / "reports"
    (out / "districts").mkdir(parents=True)
    other = out / "districts" / f"{files.TEMP_PREFIX}other-run.html"
    other.write_text("being written by the first run")
    holder = subprocess.Popen(  # the first run: holds the lock until told to stop
        [sys.executable, "-c", "import sys; from pathlib import Path; from analysis.files import folder_lock\n"
         "with folder_lock(Path(sys.argv[1])):\n    print('locked', flush=True); sys.stdin.readline()", str(out)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert holder.stdout.readline().strip() == "locked"
    second = _start_reports(out, DISTRICTS[:1])
    deadline = time.monotonic() + 60
    message = second.stderr.readline()
    assert "is writing into" in message and "waiting for it to finish" in message, message
    assert str(holder.pid) in message
    time.sleep(1)
    assert other.exists(), "a waiting run must not touch the other run's temporary files"
    assert not list((out / "districts").glob("*.json"))
    holder.communicate("done\n", timeout=10)
    _, stderr = second.communicate(timeout=max(1, deadline - time.monotonic()) + 240)
    assert second.returncode == 0, stderr
    assert not other.exists(), "stale temporaries are removed under the lock"
    assert [p.name for p in (out / "districts").glob("*.json")] == [f"{DISTRICTS[0]}.json"]


def test_index_html_that_is_a_directory_is_a_clear_error(tmp_path):
    out = tmp_path / "reports"
    (out / "index.html").mkdir(parents=True)
    (out / "index.json").write_text("{}")
    command = [sys.executable, "-m", "analysis", "reports", "--out", str(out), "--no-comparisons",
               "--districts", "sop-cop-son-la", "--no-progress", "--jobs", "1"]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert f"cannot write the index {out / 'index.html'}" in result.stderr
    assert "index.html and index.json were left as they were" in result.stderr
    assert (out / "index.json").read_text() == "{}"
    assert (out / "districts" / "sop-cop-son-la.html").is_file()  # the report itself is kept
