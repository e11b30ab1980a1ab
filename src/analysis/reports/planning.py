"""Planning a batch in a process of its own: `plan_apart`.

Only the kernels need the data once a batch is planned. A process that has loaded it keeps
most of that memory to the end (pandas, scipy and the readers' modules, and a heap that does
not shrink back): about 110 MiB the runner's process would hold for the whole batch, beside
its kernels. So the runner starts `python -m analysis.reports.planning`, which loads the data,
plans, writes the plan to a file and ends. A new interpreter (not `multiprocessing`) does not
import the caller's script again, so a script calling `build_reports` needs no
`if __name__ == "__main__"` guard.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

import analysis
from analysis.reports.grid import expand_grid, expand_languages
from analysis.reports.plan import Job, RunnerError, apply_parameters, plan_jobs
from analysis.reports.spec import DatasetSpec


def make_plan(spec: DatasetSpec, request: dict, notebooks: Path) -> tuple[list[Job], dict]:
    """Loads the data and plans a batch's jobs; returns them with the data's description.

    Args:
        spec: The dataset specification.
        request: What the batch asks for (`build._request`).
        notebooks: The folder of the report notebooks.

    Raises:
        RunnerError: An unknown or ambiguous district, a parameter that does not fit.
        analysis.data.problems.DatasetError: When the dataset is not valid.
    """
    dataset = spec.load()
    try:
        jobs = plan_jobs(dataset, spec, request["districts"], notebooks, request["comparisons"])
    except LookupError as exc:  # an unknown or ambiguous district
        raise RunnerError(str(exc.args[0] if exc.args else exc)) from None
    jobs = expand_grid(apply_parameters(jobs, request["params"]), request.get("grid") or {})
    if request.get("languages"):
        jobs = expand_languages(jobs, request["languages"])
    data = {
        "origin": dataset.origin + (" (SYNTHETIC)" if dataset.synthetic else ""),
        "fingerprint": dataset.fingerprint,
        "synthetic": dataset.synthetic,
    }
    return jobs, data


def plan_apart(spec: DatasetSpec, request: dict, notebooks: Path) -> tuple[list[Job], dict]:
    """`make_plan` in a new Python process, which ends once the plan is made.

    Errors cross back as they were raised (a `DatasetError` with its problems, a
    `RunnerError`); a planning process that dies is a `RunnerError`.
    """
    with tempfile.TemporaryDirectory(prefix="analysis-plan-") as folder:
        given, made = Path(folder, "request.pickle"), Path(folder, "plan.pickle")
        given.write_bytes(pickle.dumps((spec, request, notebooks)))
        env = dict(os.environ)
        package_root = str(Path(analysis.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")]))
        process = subprocess.run(
            [sys.executable, "-m", "analysis.reports.planning", str(given), str(made)],
            env=env,
            stdout=subprocess.DEVNULL,
            check=False,
        )
        if process.returncode != 0 or not made.exists():
            raise RunnerError(
                f"the process planning the batch ended without a plan (exit code "
                f"{process.returncode}; out of memory?); nothing was changed"
            )
        outcome, value = pickle.loads(made.read_bytes())
    if outcome == "error":
        raise value
    return value


def _main(given: str, made: str) -> None:
    spec, request, notebooks = pickle.loads(Path(given).read_bytes())
    try:
        answer = ("plan", make_plan(spec, request, notebooks))
    except Exception as exc:  # handed to the runner's process, which raises it
        answer = ("error", exc)
    try:
        written = pickle.dumps(answer)
    except Exception:  # an error that cannot be pickled crosses back as its text
        error = answer[1]
        text = f"{type(error).__name__}: {error}"
        written = pickle.dumps(("error", RunnerError(text)))
    Path(made).write_bytes(written)


if __name__ == "__main__":
    _main(*sys.argv[1:3])
