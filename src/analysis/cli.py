"""Command line: `python -m analysis <command>`. Run with --help for the commands.

Exit codes: 0 success; 1 the data or a report failed (the problems are printed); 2 usage
errors (unknown option, bad parameter, missing file).
"""

from __future__ import annotations

import argparse
import math
import os
import signal
import sys
from pathlib import Path

from analysis.extract.command import add_commands as add_extract_commands

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


def _spec(path: str | None, args: argparse.Namespace):
    """The dataset specification of a command: path, encoding, number format."""
    from analysis.reports.spec import DatasetSpec

    if path and not Path(path).exists():
        raise UsageError(f"no dataset at {path}")
    return DatasetSpec.from_arguments(path, args.encoding, args.number_format)


def _load(path: str | None, args: argparse.Namespace):
    return _spec(path, args).load()


def _print_invalid(exc) -> None:
    """Prints a DatasetError as every command does: the verdict, then each problem."""
    print(f"INVALID: {exc.args[0].splitlines()[0]}", file=sys.stderr)
    for problem in exc.problems:
        print(f"  error: {problem}", file=sys.stderr)
    for problem in exc.warnings:
        print(f"  warning: {problem}", file=sys.stderr)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number of at least 1, got {text!r}"
        ) from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return value


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, got {text!r}")
    return value


def cmd_check(args: argparse.Namespace) -> int:
    """Validates a dataset and prints its summary."""
    dataset = _load(args.path, args)
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


def cmd_rules(args: argparse.Namespace) -> int:
    """Lists every validation rule: name, table, columns, severity and what it expects."""
    from analysis.data.problems import Severity
    from analysis.data.rules import all_rules

    rules = all_rules()
    print(f"{'table':<10} {'rule':<36} {'severity':<8} columns: expects")
    for r in rules:
        print(
            f"{r.table:<10} {r.name:<36} {r.severity.value:<8} {', '.join(r.columns)}: {r.expects}"
        )
    errors = sum(r.severity is Severity.ERROR for r in rules)
    print(f"{len(rules)} rules: {errors} errors, {len(rules) - errors} warnings")
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


def cmd_tables(args: argparse.Namespace) -> int:
    """Lists the declared output tables, or prints docs/tables.md."""
    from analysis.data.outputs import TABLES as DECLARED
    from analysis.data.outputs import describe_tables

    if args.markdown:
        sys.stdout.write(describe_tables())
        return EXIT_OK
    for table in DECLARED.values():
        print(f"{table.name:<18} {table.en} — {table.vi}")
        print(f"{'':<18} from analysis.{table.produced_by}; key: {', '.join(table.key)}")
    return EXIT_OK


def _parse_params(pairs: list[str]) -> dict[str, str]:
    params = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param takes NAME=VALUE, got {pair!r}")
        params[name.strip()] = value
    return params


def _print_report_lines(batch, verbose: bool) -> None:
    """One line per report made or failed (every report with --verbose)."""
    from analysis.reports.registry import ReportState

    shown = [r for r in batch.results if verbose or r.state is not ReportState.UP_TO_DATE]
    if shown:
        print(f"{'report':<40} {'status':<8} {'seconds':>8}")
    for result in shown:
        name = f"{result.job.folder()}/{result.job.name}"
        print(f"{name:<40} {result.state.value:<8} {result.seconds:>8.2f}")
    for result in batch.failed:
        print(f"FAILED {result.job.name}: {result.error}", file=sys.stderr)


def _print_batch(batch, verbose: bool) -> None:
    """Prints the report lines and a summary."""
    from analysis.reports.registry import ReportState

    _print_report_lines(batch, verbose)
    made = batch.count(ReportState.COMPLETED)
    rate = made / batch.seconds if batch.seconds and made else 0
    print(
        f"{len(batch.results)} reports: {made} made, {batch.count(ReportState.UP_TO_DATE)} "
        f"unchanged (skipped), {len(batch.failed)} failed in {batch.seconds:.1f} s "
        f"({rate:.2f} reports/s); index: {batch.index or 'not written'}"
    )


def _make_executor(args: argparse.Namespace):
    """The Dask executor asked for by --cluster or --scheduler, or None (the local pool)."""
    if not (args.cluster or args.scheduler):
        return None
    from analysis.reports.cluster import ClusterError, make_executor

    try:
        return make_executor(args.cluster, args.scheduler, args.jobs)
    except ClusterError as exc:
        raise UsageError(str(exc)) from None


def cmd_reports(args: argparse.Namespace) -> int:
    """Renders every report (or those asked for), exports HTML and writes the index.

    A run whose inputs are all unchanged reuses the previous plan and imports neither pandas
    nor the notebook machinery, so it finishes in a fraction of a second.
    """
    from analysis.paths import default_reports_dir

    spec = _spec(args.data, args)
    languages = _languages(args.lang)
    params = _parse_params(args.param)
    if languages and "lang" in params:
        raise UsageError("give the language with --lang or with --param lang=…, not both")
    batches = []
    for i, lang in enumerate(languages or [None]):
        out = Path(args.out) if args.out else None
        other = None
        if len(languages) == 2:
            label = {"vi": "Tiếng Việt", "en": "English"}[languages[1 - i]]
            other = (label, f"{languages[1]}/" if i == 0 else "../")
            if i == 1:
                out = (out or default_reports_dir()) / lang
        batch = _build(args, spec, out, {**params, **({"lang": lang} if lang else {})}, other)
        batches.append(batch)
        _print_batch(batch, args.verbose)
        if batch.index_error:
            print(f"error: {batch.index_error}", file=sys.stderr)
        if batch.interrupted:
            print("interrupted: finished reports are kept; run again to make the rest",
                  file=sys.stderr)  # fmt: skip
            return batch.exit_status
    return EXIT_FAILED if any(b.failed or b.index_error for b in batches) else EXIT_OK


def _languages(text: str | None) -> list[str]:
    """The languages of --lang: 'vi', 'en', 'vi,en' or 'en,vi' (the first in --out)."""
    if text is None:
        return []
    languages = [t.strip() for t in text.split(",") if t.strip()]
    if not languages or len(set(languages)) != len(languages) or not set(languages) <= {"vi", "en"}:
        raise UsageError(f"--lang takes vi, en, vi,en or en,vi; got {text!r}")
    return languages


def _build(args, spec, out, params, other_language):
    """One batch of `cmd_reports`, in one language."""
    from analysis.reports.build import BuildOptions, build_reports
    from analysis.reports.grid import parse_grid
    from analysis.reports.plan import RunnerError

    executor = _make_executor(args)
    options = BuildOptions(
        jobs=args.jobs,
        timeout=args.timeout,
        force=args.force,
        keep_code=args.keep_code,
        fresh_kernels=args.fresh_kernels,
        progress=not args.no_progress,
        other_language=other_language,
    )
    try:
        return build_reports(
            spec,
            out,
            districts=args.districts,
            comparisons=not args.no_comparisons,
            params=params,
            grid=parse_grid(args.grid),
            options=options,
            executor=executor,
        )
    except RunnerError as exc:
        raise UsageError(str(exc)) from None


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


def _add_reports_command(commands) -> None:
    """Adds the `reports` command and its options."""
    reports = commands.add_parser(
        "reports",
        help="render every report with papermill-style notebooks, export HTML, write the index",
    )
    reports.add_argument("--data", help="dataset folder or .xlsx (default: embedded)")
    reports.add_argument("--out", help="output folder (default: reports/)")
    reports.add_argument("--districts", nargs="+", metavar="ID", help="only these districts")
    reports.add_argument(
        "--jobs", type=_positive_int, default=max(1, os.cpu_count() or 1), help="parallel kernels"
    )
    reports.add_argument(
        "--timeout", type=_positive_seconds, default=600, help="time limit per report, seconds"
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
    reports.add_argument(
        "--grid",
        action="append",
        metavar="NAME=V1,V2",
        help="a report per value (per combination, if repeated), e.g. alpha=0.05,0.1",
    )
    where = reports.add_mutually_exclusive_group()
    where.add_argument(
        "--cluster",
        metavar="local[:N]",
        help="run on a new Dask LocalCluster of N workers (default: --jobs); needs .[cluster]",
    )
    where.add_argument(
        "--scheduler", metavar="ADDRESS", help="run on an existing Dask cluster (tcp://HOST:8786)"
    )
    reports.add_argument("--no-progress", action="store_true", help="no progress bar")
    reports.add_argument("--verbose", action="store_true", help="list skipped reports too")
    reports.add_argument(
        "--lang",
        metavar="vi|en|vi,en",
        help="language of the reports (default: vi); vi,en writes both, English in OUT/en/",
    )
    _add_data_options(reports)
    reports.set_defaults(func=cmd_reports)


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

    rules = commands.add_parser("rules", help="list the validation rules a dataset must follow")
    rules.set_defaults(func=cmd_rules)

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

    tables = commands.add_parser("tables", help="list the output tables the analyses return")
    tables.add_argument("--markdown", action="store_true", help="print docs/tables.md")
    tables.set_defaults(func=cmd_tables)

    _add_reports_command(commands)

    strip = commands.add_parser("strip", help="remove outputs from notebooks before committing")
    strip.add_argument("notebooks", nargs="+")
    strip.set_defaults(func=cmd_strip)

    add_extract_commands(commands)
    return parser


class Terminated(BaseException):
    """SIGTERM received: stop as an interrupted run does."""


def _terminate(signum, frame) -> None:
    raise Terminated


def main(argv: list[str] | None = None) -> int:
    """Runs the command line; returns the exit code.

    Every failure ends in a message, never a traceback: usage errors exit 2, invalid data
    1, an interruption 128 + the signal (130 for Ctrl-C, 143 for SIGTERM).
    """
    from analysis.data.problems import DataPathError, DatasetError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        previous = signal.signal(signal.SIGTERM, _terminate)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        previous = None
    try:
        return args.func(args)
    except (UsageError, FileNotFoundError, DataPathError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DatasetError as exc:
        _print_invalid(exc)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 128 + signal.SIGINT
    except Terminated:
        print("terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
