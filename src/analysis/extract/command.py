"""The `extract` and `merge` commands; `cli.py` adds them with `add_commands(subparsers)`.

Exit codes as for every command: 0 success; 1 the data is not valid (merge); 2 usage errors
(missing or unreadable file, a file that is not UTF-8, a bad date or district). Errors are
one clear message on stderr, never a traceback. Heavy modules are imported inside the
commands so that other commands start fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


class _Usage(Exception):
    """A command line that cannot be run as given."""


def _article_files(paths: list[str]) -> list[Path]:
    files: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not found:
                raise _Usage(f"{path}: no .txt file in this folder")
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise _Usage(f"{path}: no such file or folder")
    return files


def _read_article(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise _Usage(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _Usage(
            f"{path}: not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "save the article as UTF-8 plain text"
        ) from None


def _published(text: str | None):
    from analysis.text.periods import parse_partial_date

    if text is None:
        return None
    try:
        return parse_partial_date(text)
    except ValueError as exc:
        raise _Usage(
            f"--published: found {text!r}; expected a date as YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY ({exc})"
        ) from None


def _district(query: str | None) -> str | None:
    from analysis.data.lookup import DistrictLookupError, resolve_district

    if query is None:
        return None
    try:
        return resolve_district(query)
    except DistrictLookupError as exc:
        raise _Usage(f"--district: {exc}") from None


def cmd_extract(args: argparse.Namespace) -> int:
    """Proposes facts from articles; prints them, or writes a review page and CSV."""
    try:
        files = _article_files(args.paths)
        published, district = _published(args.published), _district(args.district)
        if args.review and Path(args.review).suffix.lower() == ".csv":
            raise _Usage("--review: give the page's name (OUT.html); the CSV is written beside it")
        texts = [(path, _read_article(path)) for path in files]
    except _Usage as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    import pandas as pd

    from analysis.extract.propose import COLUMNS, extract_facts
    from analysis.extract.review import write_review
    from analysis.present.export import write_table

    articles = []
    for path, text in texts:
        article = extract_facts(
            text,
            source=str(path),
            district=district,
            published=published,
            include_other=args.include_other,
        )
        articles.append(article)
        for warning in article.warnings:
            print(f"warning: {path}: {warning}", file=sys.stderr)
    if args.review:
        try:
            page, table = write_review(articles, Path(args.review))
        except OSError as exc:
            print(f"error: cannot write the review files: {exc}", file=sys.stderr)
            return EXIT_FAILED
        count = sum(len(a.rows) for a in articles)
        print(
            f"{count} proposals from {len(articles)} article(s): review {page}, accept in {table}"
        )
        return EXIT_OK
    rows = [row for article in articles for row in article.rows]
    write_table(pd.DataFrame(rows, columns=list(COLUMNS)), args.format, sys.stdout)
    return EXIT_OK


def cmd_merge(args: argparse.Namespace) -> int:
    """Adds the accepted rows of a review CSV to a dataset folder."""
    from analysis.extract.merge import MergeError, merge_reviewed

    try:
        result = merge_reviewed(Path(args.reviewed), Path(args.into), dry_run=args.dry_run)
    except MergeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        if not exc.usage:
            print("nothing was written", file=sys.stderr)
        return EXIT_USAGE if exc.usage else EXIT_FAILED
    except OSError as exc:
        print(f"error: cannot write into {args.into}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    verb = "would add" if args.dry_run else "added"
    print(
        f"{verb} {result.facts} fact(s), {result.sources} source(s), {result.districts} district(s) to {result.target}; {result.rejected} row(s) not accepted"
    )
    if result.duplicates:
        rows = ", ".join(map(str, result.duplicates))
        print(f"already in the dataset, not added again: row(s) {rows}")
    for note in result.notes:
        print(f"note: {note}")
    return EXIT_OK


def add_commands(subparsers: argparse._SubParsersAction) -> None:
    """Adds `extract` and `merge` to the command line's subcommands."""
    extract = subparsers.add_parser(
        "extract",
        help="propose facts from Vietnamese news articles (plain text) for review",
        description="Reads articles (UTF-8 .txt files, or folders of them) and proposes facts in the dataset layout, each with the offsets of its figure in the text. No sentence is copied.",
    )
    extract.add_argument(
        "paths", nargs="+", metavar="PATH", help="article files or folders of .txt files"
    )
    extract.add_argument(
        "--district",
        help="the district of every figure (name or id), instead of the names in the text",
    )
    extract.add_argument(
        "--published",
        metavar="DATE",
        help="publication date (resolves 'đến nay'); by default the article's dateline",
    )
    extract.add_argument("--format", choices=["csv", "json", "markdown"], default="csv")
    extract.add_argument(
        "--review",
        metavar="OUT.html",
        help="write a review page and, beside it, OUT.csv with an accept column",
    )
    extract.add_argument(
        "--include-other",
        action="store_true",
        help="also propose figures read as `other` (low confidence)",
    )
    extract.set_defaults(func=cmd_extract)

    merge = subparsers.add_parser(
        "merge",
        help="add the accepted rows of a review CSV to a dataset",
        description="Adds the rows of REVIEWED.csv whose accept column says yes to a dataset folder, with their source and paragraph, after validating the result; writes nothing if any accepted row is invalid.",
    )
    merge.add_argument("reviewed", metavar="REVIEWED.csv")
    merge.add_argument(
        "--into",
        required=True,
        metavar="DATASET",
        help="dataset folder (facts.csv, districts.csv, sources.csv)",
    )
    merge.add_argument(
        "--dry-run", action="store_true", help="check, and say what would be added, without writing"
    )
    merge.set_defaults(func=cmd_merge)
