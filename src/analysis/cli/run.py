"""The argument parser with every command, and `main`, which maps failures to exit codes."""

from __future__ import annotations

import argparse
import signal
import sys

from analysis.cli.commands import (
    TABLES,
    cmd_check,
    cmd_datapackage,
    cmd_find,
    cmd_rules,
    cmd_strip,
    cmd_table,
    cmd_tables,
)
from analysis.cli.options import (
    EXIT_FAILED,
    EXIT_USAGE,
    UsageError,
    _add_data_options,
    _print_invalid,
)
from analysis.cli.reports import _add_reports_command
from analysis.extract.command import add_commands as add_extract_commands


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
        description="Tables: " + "; ".join(f"{k}: {t.en}" for k, t in TABLES.items()),
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
