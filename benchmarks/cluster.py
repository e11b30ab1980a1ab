"""Benchmark: the Dask executor (a 2-worker LocalCluster) against the local warm-kernel pool.

    python benchmarks/cluster.py                  # 20 and 50 districts
    python benchmarks/cluster.py --sizes 20 50 200

Both run `python -m analysis reports` on the SYNTHETIC panel of `benchmarks/synthetic.py`
(district reports only, the same districts, cold: an empty output folder), on the same
cores: this measures the executor's overhead, not a speed-up. For each it gives the wall
time of the whole command (starting kernels or the cluster included) and the throughput
while reports were being made (from the first report's start to the last one's end, read
from the provenance records). Writes benchmarks/cluster_results.md and .json.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import PANEL, ROOT, WORK, largest_costs, run_measured, sample_districts

EXECUTORS = {"local pool": ["--jobs", "2"], "dask local:2": ["--cluster", "local:2"]}


def making_span(out: Path) -> tuple[float, int]:
    """Seconds from the first report's start to the last one's end, and the report count."""
    starts, ends = [], []
    for path in out.glob("districts/*.json"):
        timings = json.loads(path.read_text(encoding="utf-8"))["timings"]
        start = dt.datetime.fromisoformat(timings["started"]).timestamp()
        starts.append(start)
        ends.append(start + timings["total_seconds"])
    return (max(ends) - min(starts), len(starts)) if starts else (0.0, 0)


def measure(ids: list[str], name: str, options: list[str]) -> dict:
    """One cold run of the command line with an executor's options."""
    out = WORK / f"cluster-bench-{name.replace(' ', '-').replace(':', '')}-{len(ids)}"
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "analysis", "reports", "--data", str(PANEL), "--out", str(out),
               "--no-comparisons", "--no-progress", "--force", *options, "--districts", *ids]  # fmt: skip
    seconds, peak, result = run_measured(command)
    span, made = making_span(out)
    return {
        "seconds": round(seconds, 2),
        "peak_mib": round(peak),
        "making_seconds": round(span, 2),
        "reports": made,
        "exit": result.returncode,
        "costs": largest_costs(out, top=8),
    }


def write_results(results: dict) -> str:
    """Writes cluster_results.md and .json; returns the Markdown."""
    lines = [
        "# Dask executor against the local pool",
        "",
        f"Measured {results['date']} ({results['cores']} cores); load average before: "
        f"{results['load_before']}, after: {results['load_after']} (a shared machine: "
        "indicative figures). SYNTHETIC panel, district reports only, cold runs.",
        "",
        "| districts | executor | wall (s) | reports/s (wall) | making (s) | reports/s (making) | peak MiB |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size, row in results["runs"].items():
        for name, run in row.items():
            wall = run["reports"] / run["seconds"] if run["seconds"] else 0
            making = run["reports"] / run["making_seconds"] if run["making_seconds"] else 0
            lines.append(f"| {size} | {name} | {run['seconds']:.1f} | {wall:.2f} | "
                         f"{run['making_seconds']:.1f} | {making:.2f} | {run['peak_mib']} |")  # fmt: skip
    for size, row in results["runs"].items():
        local, dask = row["local pool"], row["dask local:2"]
        ratio = local["seconds"] / dask["seconds"] if dask["seconds"] else 0
        steady = local["making_seconds"] / dask["making_seconds"] if dask["making_seconds"] else 0
        lines.append(
            f"\n{size} districts: Dask reaches {ratio:.0%} of the local pool's throughput "
            f"(whole command), {steady:.0%} while making reports."
        )
    last = list(results["runs"].values())[-1]["local pool"]["costs"]
    lines += [
        "",
        "Largest costs per report (local pool, mean seconds):",
        "",
        "| cost | s |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {seconds:.3f} |" for name, seconds in last]
    text = "\n".join(lines) + "\n"
    (ROOT / "benchmarks" / "cluster_results.md").write_text(text, encoding="utf-8")
    (ROOT / "benchmarks" / "cluster_results.json").write_text(
        json.dumps(results, indent=1), encoding="utf-8"
    )
    return text


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20, 50])
    args = parser.parse_args()
    if not (PANEL / "facts.csv").is_file():
        from synthetic import generate

        print("generating the SYNTHETIC panel …", flush=True)
        generate(PANEL)
    results = {
        "date": dt.date.today().isoformat(),
        "cores": os.cpu_count(),
        "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "runs": {},
    }
    for size in args.sizes:
        ids = sample_districts(size)
        row = {}
        for name, options in EXECUTORS.items():
            print(f"{size} districts, {name} …", flush=True)
            row[name] = measure(ids, name, options)
            print(f"  {row[name]['seconds']:.1f} s, {row[name]['reports']} reports", flush=True)
        results["runs"][str(size)] = row
    results["load_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(write_results(results))


if __name__ == "__main__":
    main()
