"""Command line: `python -m analysis <command>`. Run with --help for the commands.

Exit codes: 0 success; 1 the data or a report failed (the problems are printed); 2 usage
errors (unknown option, bad parameter, missing file).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be run as given (exit code 2)."""


def _add_data_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding", help="text encoding of CSV files (default: detected; e.g. cp1258)"
    )
    parser.add_argument(
        "--number-format",
        choices=["vi", "en"],
        help="how to read ambiguous numbers such as 8.723 (default: detected per column)",
    )


def _load(path: str | None, args: argparse.Namespace):
    from analysis.data.dataset import load_dataset

    if path and not Path(path).exists():
        raise UsageError(f"no dataset at {path}")
    return load_dataset(path, encoding=args.encoding, number_format=args.number_format)


def cmd_check(args: argparse.Namespace) -> int:
    """Validates a dataset and prints its summary."""
    from analysis.data.problems import DatasetError

    try:
        dataset = _load(args.path, args)
    except DatasetError as exc:
        print(f"INVALID: {exc.args[0].splitlines()[0]}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  error: {problem}", file=sys.stderr)
        for problem in exc.warnings:
            print(f"  warning: {problem}", file=sys.stderr)
        return EXIT_FAILED
    summary = dataset.summary()
    label = " (SYNTHETIC DATA)" if summary["synthetic"] else ""
    print(f"VALID: {summary['origin']}{label}")
    print(f"  districts: {summary['districts']} in {summary['provinces']} provinces")
    print(f"  facts:     {summary['facts']}")
    print(f"  sources:   {summary['sources']}")
    if summary["years"]:
        print(f"  years:     {summary['years'][0]}–{summary['years'][1]}")
    print("  facts per metric:")
    for metric, count in summary["facts_per_metric"].items():
        print(f"    {metric:<22} {count}")
    for note in dataset.notes:
        print(f"  note: {note}")
    for problem in dataset.warnings:
        print(f"  warning: {problem}")
    return EXIT_OK


def cmd_datapackage(args: argparse.Namespace) -> int:
    """Prints or writes data/datapackage.json and the README field tables."""
    import json

    from analysis.data.datapackage import build_datapackage, write_descriptor_files
    from analysis.paths import SOURCE_ROOT

    if args.write:
        for path in write_descriptor_files(SOURCE_ROOT / "data"):
            print(f"wrote {path}")
    else:
        print(json.dumps(build_datapackage(), ensure_ascii=False, indent=2))
    return EXIT_OK


def cmd_find(args: argparse.Namespace) -> int:
    """Looks a district up by name or id."""
    from analysis.data.lookup import find_district

    dataset = _load(args.data, args)
    matches = find_district(args.query, dataset)
    if matches.empty:
        print(f"no district matches {args.query!r}", file=sys.stderr)
        return EXIT_FAILED
    print(matches.to_string(index=False))
    return EXIT_OK


TABLES = {
    "growth": ("growth", "compute_growth", "annualised growth between stocks"),
    "stocks": ("growth", "stock_series", "stock levels, stated and derived"),
    "admissions": ("growth", "admissions_per_year", "admissions per year and per 100 members"),
    "admission-changes": ("growth", "admission_changes", "year-on-year change of admissions"),
    "comparison": ("growth", "compare_districts", "one row per district, with ranks"),
    "evaluations": ("evaluations", "summarize_evaluations", "rating distributions"),
    "evaluation-checks": ("evaluations", "check_evaluations", "evaluation inconsistencies"),
    "targets": ("targets", "assess_targets", "targets, attainment and status"),
    "attainments": ("targets", "compare_stated_attainment", "stated vs computed attainment"),
    "quality": ("quality", "find_contradictions", "every contradiction found"),
    "funnel": (
        "compare.tables",
        "funnel_table",
        "funnel positions per indicator and window, per 100",
    ),
    "shrinkage": (
        "compare.tables",
        "shrinkage_table",
        "shrunk estimates and rank intervals, per 100",
    ),
    "compared-left-out": (
        "compare.tables",
        "left_out_table",
        "figures left out of comparisons, why",
    ),
    "compared-coverage": ("compare.tables", "coverage_table", "districts sharing each window"),
}


def cmd_table(args: argparse.Namespace) -> int:
    """Prints an analysis table to stdout."""
    import importlib

    from analysis.data.lookup import DistrictLookupError, resolve_district
    from analysis.present.export import write_table

    dataset = _load(args.data, args)
    module, function, _ = TABLES[args.name]
    table = getattr(importlib.import_module(f"analysis.{module}"), function)(dataset)
    if args.district:
        try:
            district = resolve_district(args.district, dataset)
        except DistrictLookupError as exc:
            raise UsageError(str(exc)) from None
        table = table[table["district_id"] == district]
    write_table(table, args.format, sys.stdout)
    return EXIT_OK


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param takes NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def _apply_params(jobs, given: dict[str, str]):
    """Gives each job the --param values its notebook declares, typed as declared."""
    import dataclasses
    import json as json_module

    from analysis.reports.params import coerce_text, read_parameters

    if not given:
        return jobs
    declared_anywhere = set()
    specs_by_notebook = {}
    for job in jobs:
        if job.notebook not in specs_by_notebook:
            specs_by_notebook[job.notebook] = read_parameters(
                json_module.loads(job.notebook.read_text(encoding="utf-8")), job.notebook.name
            )
        declared_anywhere |= set(specs_by_notebook[job.notebook])
    unknown = sorted(set(given) - declared_anywhere)
    if unknown:
        raise UsageError(
            f"unknown parameter(s) {', '.join(unknown)}: no report notebook declares them "
            f"(declared: {', '.join(sorted(declared_anywhere))})"
        )
    updated = []
    for job in jobs:
        specs = specs_by_notebook[job.notebook]
        try:
            extra = {k: coerce_text(specs[k], v) for k, v in given.items() if k in specs}
        except ValueError as exc:
            raise UsageError(f"--param: {exc}") from None
        updated.append(dataclasses.replace(job, parameters={**job.parameters, **extra}))
    return updated


def cmd_reports(args: argparse.Namespace) -> int:
    """Renders every report (or those asked for), exports HTML and writes the index.

    A run whose inputs are all unchanged reuses the previous plan and imports neither pandas
    nor the notebook machinery, so it finishes in a fraction of a second.
    """
    from analysis.paths import default_reports_dir, embedded_data_dir
    from analysis.reports.index import write_index
    from analysis.reports.runner import (
        BatchSettings,
        RunnerError,
        default_data_argument,
        plan_jobs,
        plan_signature,
        read_plan,
        run_batch,
        write_plan,
    )

    out_dir = Path(args.out) if args.out else default_reports_dir()
    data_path = Path(args.data) if args.data else embedded_data_dir()
    if not data_path.exists():
        raise UsageError(f"no dataset at {data_path}")
    request = {
        "data": default_data_argument(args.data),
        "districts": args.districts,
        "comparisons": not args.no_comparisons,
        "params": _parse_params(args.param),
        "encoding": args.encoding,
        "number_format": args.number_format,
    }
    signature = plan_signature(request, data_path)
    cached = read_plan(out_dir, signature)
    try:
        if cached is not None:
            jobs, data = cached  # inputs unchanged since the last run: no need to load the data
        else:
            from analysis.data.problems import DatasetError

            try:
                dataset = _load(args.data, args)
            except DatasetError as exc:
                print(f"error: the dataset is not valid:\n{exc}", file=sys.stderr)
                return EXIT_FAILED
            jobs = plan_jobs(
                dataset,
                request["data"],
                districts=args.districts,
                include_comparisons=request["comparisons"],
            )
            jobs = _apply_params(jobs, request["params"])
            data = {
                "origin": dataset.origin + (" (SYNTHETIC)" if dataset.synthetic else ""),
                "fingerprint": dataset.fingerprint,
                "synthetic": dataset.synthetic,
            }
        settings = BatchSettings(
            out_dir=out_dir,
            jobs=args.jobs,
            timeout=args.timeout,
            force=args.force,
            keep_code=args.keep_code,
            fresh_kernels=args.fresh_kernels,
            data_origin=data["origin"],
            data_fingerprint=data["fingerprint"],
            progress=not args.no_progress,
        )
        batch = run_batch(jobs, settings)
        if cached is None:
            write_plan(out_dir, signature, jobs, data)
    except (RunnerError, LookupError) as exc:  # LookupError: an unknown or ambiguous district
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    index = write_index(
        batch, data["origin"], data["fingerprint"], jobs, synthetic=data["synthetic"]
    )
    made, skipped, failed = batch.count("ok"), batch.count("skipped"), batch.count("failed")
    rate = made / batch.seconds if batch.seconds and made else 0
    if made or failed or args.verbose:
        print(f"{'report':<40} {'status':<8} {'seconds':>8}")
    for result in batch.results:
        if result.status != "skipped" or args.verbose:
            print(
                f"{result.job.folder() + '/' + result.job.name:<40} {result.status:<8} {result.seconds:>8.2f}"
            )
    for result in batch.failed:
        print(f"FAILED {result.job.name}: {result.error}", file=sys.stderr)
    print(
        f"{len(batch.results)} reports: {made} made, {skipped} unchanged (skipped), {failed} failed "
        f"in {batch.seconds:.1f} s ({rate:.2f} reports/s); index: {index}"
    )
    if batch.interrupted:
        print("interrupted: finished reports are kept; run again to make the rest", file=sys.stderr)
        return 130
    return EXIT_FAILED if failed else EXIT_OK


def cmd_strip(args: argparse.Namespace) -> int:
    """Removes outputs and execution counts from notebooks (in place)."""
    import nbformat

    from analysis.files import write_text_atomic

    for name in args.notebooks:
        notebook = nbformat.read(name, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "code":
                cell.outputs = []
                cell.execution_count = None
            cell.metadata.pop("execution", None)
        notebook.metadata.pop("papermill", None)
        notebook.metadata.pop("widgets", None)
        write_text_atomic(Path(name), nbformat.writes(notebook) + "\n")
        print(f"stripped {name}")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """Returns the argument parser with every command."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis",
        description="Organisational statistics of Vietnam's district-level party committees.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    check = commands.add_parser("check", help="validate a dataset and print its summary")
    check.add_argument("path", nargs="?", help="dataset folder or .xlsx (default: embedded)")
    _add_data_options(check)
    check.set_defaults(func=cmd_check)

    package = commands.add_parser("datapackage", help="print or write data/datapackage.json")
    package.add_argument("--write", action="store_true", help="write into data/")
    package.set_defaults(func=cmd_datapackage)

    find = commands.add_parser("find", help="look a district up by name or id")
    find.add_argument("query", help='e.g. "huyện Sốp Cộp", "sop cop", "TP Long Xuyên"')
    find.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    _add_data_options(find)
    find.set_defaults(func=cmd_find)

    table = commands.add_parser(
        "table",
        help="print an analysis table (csv, markdown or json)",
        description="Tables: " + "; ".join(f"{k}: {v[2]}" for k, v in TABLES.items()),
    )
    table.add_argument("name", choices=list(TABLES), metavar="NAME", help=", ".join(TABLES))
    table.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    table.add_argument("--district", help="only this district (name or id)")
    table.add_argument("--format", choices=["csv", "markdown", "json"], default="csv")
    _add_data_options(table)
    table.set_defaults(func=cmd_table)

    reports = commands.add_parser(
        "reports",
        help="render every report with papermill-style notebooks, export HTML, write the index",
    )
    reports.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    reports.add_argument("--out", help="output folder (default: reports/)")
    reports.add_argument("--districts", nargs="+", metavar="ID", help="only these districts")
    reports.add_argument(
        "--jobs", type=int, default=max(1, os.cpu_count() or 1), help="parallel kernels"
    )
    reports.add_argument(
        "--timeout", type=float, default=600, help="time limit per report, seconds"
    )
    reports.add_argument("--force", action="store_true", help="remake reports even when up to date")
    reports.add_argument("--keep-code", action="store_true", help="show code cells in the HTML")
    reports.add_argument(
        "--fresh-kernels",
        action="store_true",
        help="a new kernel for every report (slow; for checks)",
    )
    reports.add_argument("--no-comparisons", action="store_true", help="only the district reports")
    reports.add_argument(
        "--param", action="append", metavar="NAME=VALUE", help="extra notebook parameter"
    )
    reports.add_argument("--no-progress", action="store_true", help="no progress bar")
    reports.add_argument("--verbose", action="store_true", help="list skipped reports too")
    _add_data_options(reports)
    reports.set_defaults(func=cmd_reports)

    strip = commands.add_parser("strip", help="remove outputs from notebooks before committing")
    strip.add_argument("notebooks", nargs="+")
    strip.set_defaults(func=cmd_strip)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
