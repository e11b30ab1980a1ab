"""Benchmark: the batch runner against the common papermill loop, on a SYNTHETIC national panel.

    python benchmarks/run.py                 # sizes 20, 50 and 200 (about an hour: the naive loop is slow)
    python benchmarks/run.py --sizes 20      # a quick look
    python benchmarks/run.py --sizes 20 50 200 700

For each size N (the same N districts for both, spread over the country):
  * naive: a shell-style loop calling the papermill command line, then `jupyter nbconvert
    --to html`, district after district, as most projects do;
  * runner cold: `python -m analysis reports --districts ... --force` into an empty folder;
  * runner incremental: the same command again, nothing changed.
It also times loading and validating the whole panel, and reports peak memory (the largest
sum of resident memory over the process tree, sampled every 0.1 s). Results go to
benchmarks/results.md (quoted by the README) and benchmarks/results.json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / "work"
PANEL = WORK / "panel"
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "benchmarks"))


def _children(pid: int) -> list[int]:
    tree, found = defaultdict(list), []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
                tree[int(fields[1])].append(int(entry))
            except OSError:
                continue
    stack = [pid]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(tree.get(current, []))
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def run_measured(command: list, **options) -> tuple[float, float, subprocess.CompletedProcess]:
    """Runs a command; returns wall seconds, peak MiB of its process tree, and the result."""
    peak = 0
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **options
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, sum(_rss_kib(p) for p in _children(process.pid)))
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    began = time.monotonic()
    sampler.start()
    stdout, stderr = process.communicate()
    seconds = time.monotonic() - began
    done.set()
    sampler.join()
    result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
    if process.returncode != 0:
        raise RuntimeError(f"{command[:4]}… failed ({process.returncode}):\n{stderr[-3000:]}")
    return seconds, peak / 1024, result


def sample_districts(n: int) -> list[str]:
    """The first n districts of a fixed shuffle of the panel (nested: 20 ⊂ 50 ⊂ 200)."""
    import csv

    with open(PANEL / "districts.csv", encoding="utf-8") as handle:
        ids = [row["district_id"] for row in csv.DictReader(handle)]
    random.Random(7).shuffle(ids)
    return ids[:n]


def measure_load(repeats: int = 3) -> dict:
    """Times load_dataset on the panel in fresh interpreters (the import is not counted)."""
    code = (
        "import time, resource\n"
        "from analysis import load_dataset\n"
        f"t = time.perf_counter(); d = load_dataset({str(PANEL)!r}); s = time.perf_counter() - t\n"
        "print(s, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, len(d.facts), len(d.districts))"
    )
    runs = []
    for _ in range(repeats):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        runs.append((float(out[0]), float(out[1]), int(out[2]), int(out[3])))
    cli_seconds, cli_peak, _ = run_measured([sys.executable, "-m", "analysis", "check", str(PANEL)])
    return {
        "seconds_median": statistics.median(r[0] for r in runs),
        "seconds_all": [round(r[0], 3) for r in runs],
        "peak_mib": max(r[1] for r in runs),
        "facts": runs[0][2],
        "districts": runs[0][3],
        "cli_check_seconds": cli_seconds,
        "cli_check_peak_mib": cli_peak,
    }


def naive_loop(ids: list[str], out: Path) -> dict:
    """papermill CLI then nbconvert CLI, one district after another."""
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    peak, began = 0.0, time.monotonic()
    notebook = ROOT / "notebooks" / "district_report.ipynb"
    for district in ids:
        target = out / f"{district}.ipynb"
        _, p1, _ = run_measured(
            [
                BIN / "papermill",
                notebook,
                target,
                "-p",
                "district",
                district,
                "-p",
                "data",
                str(PANEL),
                "--cwd",
                ROOT / "notebooks",
                "--no-progress-bar",
                "--log-level",
                "ERROR",
            ]
        )
        _, p2, _ = run_measured(
            [BIN / "jupyter", "nbconvert", "--to", "html", "--log-level", "ERROR", target]
        )
        peak = max(peak, p1, p2)
    seconds = time.monotonic() - began
    return {"seconds": seconds, "peak_mib": peak, "reports": len(ids)}


def runner(ids: list[str], out: Path, jobs: int, force: bool) -> dict:
    """The project's runner, district reports only (the same work as the naive loop)."""
    if force:
        shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "analysis", "reports", "--data", str(PANEL), "--out", str(out),
               "--no-comparisons", "--no-progress", "--jobs", str(jobs), "--districts", *ids]  # fmt: skip
    if force:
        command.append("--force")
    seconds, peak, result = run_measured(command)
    return {
        "seconds": seconds,
        "peak_mib": peak,
        "reports": len(ids),
        "summary": result.stdout.strip().splitlines()[-1],
    }


def largest_costs(out: Path, top: int = 6) -> list[tuple[str, float]]:
    """Mean time per report of each notebook cell, export and kernel reset, from a run."""
    import nbformat

    totals: dict[str, float] = defaultdict(float)
    reports = sorted(out.glob("districts/*.ipynb"))
    for path in reports:
        notebook = nbformat.read(path, as_version=4)
        for cell in notebook.cells:
            timing = cell.get("metadata", {}).get("execution", {})
            if "iopub.status.busy" in timing and "iopub.status.idle" in timing:
                busy = dt.datetime.fromisoformat(timing["iopub.status.busy"].replace("Z", "+00:00"))
                idle = dt.datetime.fromisoformat(timing["iopub.status.idle"].replace("Z", "+00:00"))
                totals["cell: " + cell.source.splitlines()[0][:60]] += (idle - busy).total_seconds()
        record = json.loads(path.with_suffix(".json").read_text())
        totals["HTML export (in-process)"] += record["timings"].get("export_seconds", 0)
        totals["kernel reset between reports"] += record["timings"].get("prepare_kernel_seconds", 0)
    ranked = sorted(
        ((k, v / max(1, len(reports))) for k, v in totals.items()), key=lambda kv: -kv[1]
    )
    return ranked[:top]


def reused_naive(earlier: dict, size: int) -> dict | None:
    """The naive loop's row of an earlier run at this size, if it was measured there (not
    estimated), marked with that run's date."""
    row = (earlier["runs"].get(str(size)) or {}).get("naive")
    if not row or row.get("estimated_from"):
        return None
    return {**row, "measured_on": row.get("measured_on", earlier["date"])}


def estimate_naive(results: dict) -> None:
    """Gives sizes without a measured naive loop an estimate from the largest measured one
    (seconds per report × reports), marked `estimated_from`."""
    measured = [int(k) for k, row in results["runs"].items() if row.get("naive")]
    if not measured:
        return
    base = max(measured)
    naive = results["runs"][str(base)]["naive"]
    for size in results["sizes"]:
        row = results["runs"][str(size)]
        if not row.get("naive"):
            row["naive"] = {
                "seconds": naive["seconds"] / naive["reports"] * size,
                "peak_mib": naive["peak_mib"],
                "reports": size,
                "estimated_from": base,
            }


def write_results(results: dict) -> str:
    """Writes results.md and results.json; returns the Markdown."""
    load = results["load"]
    lines = [
        "# Benchmark results",
        "",
        f"Measured {results['date']} on {results['machine']} ({os.cpu_count()} cores), Python "
        f"{platform.python_version()}, runner with `--jobs {results['jobs']}`. Data: the SYNTHETIC "
        f"national panel of `benchmarks/synthetic.py` ({load['districts']} districts in 63 provinces, "
        f"{load['facts']:,} facts, 2010–2024). District reports only, the same districts for both.",
        "",
        "| districts | naive loop (s) | naive reports/s | runner cold (s) | runner reports/s | speed-up | runner incremental (s) | peak memory naive / runner (MiB) |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in results["sizes"]:
        row = results["runs"][str(size)]
        naive, cold, incremental = row.get("naive"), row["cold"], row["incremental"]
        about = "≈ " if naive and naive.get("estimated_from") else ""
        naive_s = f"{about}{naive['seconds']:.0f} (estimated)" if about else "not run"
        if naive and not about:
            naive_s = f"{naive['seconds']:.1f}"
        naive_rate = f"{size / naive['seconds']:.3f}" if naive else ""
        ratio = f"{about}{naive['seconds'] / cold['seconds']:.1f}×" if naive else ""
        naive_peak = f"{naive['peak_mib']:.0f}" if naive else "–"
        lines.append(
            f"| {size} | {naive_s} | {naive_rate} | {cold['seconds']:.1f} | {size / cold['seconds']:.2f} | "
            f"{ratio} | {incremental['seconds']:.2f} | {naive_peak} / {cold['peak_mib']:.0f} |"
        )
    estimated = [
        size
        for size in results["sizes"]
        if (results["runs"][str(size)].get("naive") or {}).get("estimated_from")
    ]
    reused = [
        size
        for size in results["sizes"]
        if (results["runs"][str(size)].get("naive") or {}).get("measured_on")
    ]
    if reused:
        dates = sorted({results["runs"][str(n)]["naive"]["measured_on"] for n in reused})
        lines += [
            "",
            f"The naive loop was not run again: at {' and '.join(map(str, reused))} districts its "
            f"figures are those measured in an earlier run of this benchmark ({', '.join(dates)}, "
            "`--naive-from`) on the same districts, with the code of that run.",
        ]
    if estimated:
        source = results["runs"][str(estimated[0])]["naive"]["estimated_from"]
        lines += [
            "",
            f"Estimated, not measured: the naive loop at {', '.join(map(str, estimated))} districts, "
            f"as the seconds per report measured at {source} districts times the number of "
            "reports (each report of the loop is a separate process doing the same work, so "
            "its cost grows linearly: as measured, "
            + ", ".join(
                f"{(results['runs'][str(n)]['naive']['seconds'] / n):.1f} s a report at {n}"
                for n in results["sizes"]
                if (results["runs"][str(n)].get("naive") or {}).get("seconds")
                and not results["runs"][str(n)]["naive"].get("estimated_from")
            )
            + ").",
        ]
    lines += [
        "",
        f"Load and validate the whole panel (`load_dataset`, in-process, median of "
        f"{len(load['seconds_all'])}): **{load['seconds_median']:.2f} s**, peak memory "
        f"**{load['peak_mib']:.0f} MiB**; `python -m analysis check` on it, start to end: "
        f"{load['cli_check_seconds']:.2f} s, {load['cli_check_peak_mib']:.0f} MiB.",
        "",
        "Largest remaining costs per report (runner, mean seconds, largest run):",
        "",
        "| cost | seconds |",
        "|---|---:|",
        *[f"| {name} | {seconds:.3f} |" for name, seconds in results["costs"]],
        "",
        "Incremental runs with nothing changed start no kernel: they hash the inputs and compare "
        "them with each report's provenance record. Cold runs include starting the kernels and "
        "loading the panel once per kernel.",
        "",
    ]
    text = "\n".join(lines)
    (ROOT / "benchmarks" / "results.md").write_text(text, encoding="utf-8")
    quote_in_readme(text)
    (ROOT / "benchmarks" / "results.json").write_text(
        json.dumps(results, indent=1), encoding="utf-8"
    )
    return text


def quote_in_readme(results: str) -> None:
    """Copies the results (without their title) into the README's performance section."""
    import re

    readme = ROOT / "README.md"
    body = results.split("\n", 2)[2].strip()
    text = re.sub(
        r"(<!-- BEGIN benchmark -->\n).*?(\n<!-- END benchmark -->)",
        lambda m: m.group(1) + body + m.group(2),
        readme.read_text(encoding="utf-8"),
        flags=re.S,
    )
    readme.write_text(text, encoding="utf-8")


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50, 200])
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument(
        "--skip-naive-above", type=int, default=10_000, help="no naive loop above this size"
    )
    parser.add_argument("--regenerate", action="store_true", help="write the synthetic panel again")
    parser.add_argument(
        "--naive-from",
        type=Path,
        help="take the naive loop's measured figures from this earlier results.json instead of "
        "running it again (for a change that does not touch the notebooks or the analyses)",
    )
    args = parser.parse_args()
    earlier = json.loads(args.naive_from.read_text(encoding="utf-8")) if args.naive_from else None

    if args.regenerate or not (PANEL / "facts.csv").is_file():
        from synthetic import generate

        print("generating the SYNTHETIC panel …", flush=True)
        generate(PANEL)
    results = {
        "date": dt.date.today().isoformat(),
        "machine": f"{platform.system()} {platform.machine()}",
        "jobs": args.jobs,
        "sizes": args.sizes,
        "runs": {},
    }
    print("load and validate …", flush=True)
    results["load"] = measure_load()
    for size in args.sizes:
        ids = sample_districts(size)
        row: dict = {}
        reused = reused_naive(earlier, size) if earlier else None
        if reused:
            row["naive"] = reused
        elif size <= args.skip_naive_above and not earlier:
            print(f"{size} districts: naive loop …", flush=True)
            row["naive"] = naive_loop(ids, WORK / f"naive-{size}")
            print(f"  {row['naive']['seconds']:.1f} s", flush=True)
        print(f"{size} districts: runner cold, then incremental …", flush=True)
        out = WORK / f"runner-{size}"
        row["cold"] = runner(ids, out, args.jobs, force=True)
        row["incremental"] = runner(ids, out, args.jobs, force=False)
        print(
            f"  cold {row['cold']['seconds']:.1f} s, incremental {row['incremental']['seconds']:.2f} s",
            flush=True,
        )
        results["runs"][str(size)] = row
        results["costs"] = largest_costs(out)
        (WORK / "partial.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    estimate_naive(results)
    print(write_results(results))


if __name__ == "__main__":
    main()
