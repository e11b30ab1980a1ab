"""Exit codes, usage errors and the options every data command shares."""

from __future__ import annotations

import argparse
import math
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
