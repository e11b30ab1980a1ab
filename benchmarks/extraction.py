"""Evaluation of the fact extractor on the five seed articles, and its speed.

    python benchmarks/extraction.py                  # scores and speed (make extract-eval)
    python benchmarks/extraction.py --no-published   # only dates stated in the texts
    python benchmarks/extraction.py --json out.json  # the figures for programs

Scores follow issue 14 (see analysis.extract.evaluate): a proposal matches a hand-read fact of
../shared/data/seed_facts.csv when metric, subject, category, kind and unit agree, the value
agrees (percentages within 0.05) and the period end agrees to the year; one to one; named
metrics only. By default the extractor is given each article's publication date from that
file, as a user passes --published; the dates stated in the texts are used otherwise.

Speed: the five articles are extracted over and over in this one process, pinned to one CPU
where the system allows, for at least --seconds; articles per second is the number extracted
divided by the time taken. Start-up (imports, loading the register on first use) is timed
apart.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _table(title: str, scores: dict) -> list[str]:
    lines = [
        f"| {title} | proposed | matched | hand-read | found | precision | recall |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for name, s in sorted(scores.items()):
        lines.append(
            f"| {name} | {s.proposed} | {s.matched_proposed} | {s.hand} | {s.matched_hand} "
            f"| {_rate(s.precision)} | {_rate(s.recall)} |"
        )
    return lines


def measure_speed(shared: Path, seconds: float) -> dict:
    """Extracts the seed articles repeatedly on one core; returns articles per second.

    The rate is given by processor time (what the one core spent on this process) and by
    wall-clock time (which also counts waiting for a core the machine shares).
    """
    from analysis.extract import extract_facts

    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))]
    started = time.perf_counter()
    extract_facts(texts[0])
    first = time.perf_counter() - started
    count, started, cpu = 0, time.perf_counter(), time.process_time()
    while time.perf_counter() - started < seconds:
        for text in texts:
            extract_facts(text)
        count += len(texts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    chars = sum(map(len, texts)) / len(texts)
    return {
        "articles": count,
        "seconds": round(elapsed, 3),
        "cpu_seconds": round(cpu, 3),
        "articles_per_second": round(count / cpu, 1),
        "articles_per_wall_second": round(count / elapsed, 1),
        "load_average": round(os.getloadavg()[0], 1) if hasattr(os, "getloadavg") else None,
        "first_article_seconds": round(first, 3),
        "mean_characters": round(chars),
    }


def _report(result, hand: dict, speed: dict, dates_from_text: bool) -> str:
    from analysis.extract.evaluate import commonest_misses

    overall = result.overall
    given = "dates in the texts only" if dates_from_text else "publication dates given"
    miss = "- {source:.3} p{paragraph} {metric} {subject} {category} {kind} {period_end} {value} {unit}"
    lines = [
        f"Extraction on the {len(hand)} seed articles ({given}), named metrics:",
        "",
        f"**precision {_rate(overall.precision)}** ({overall.matched_proposed} of {overall.proposed} "
        f"proposals match), **recall {_rate(overall.recall)}** ({overall.matched_hand} of "
        f"{overall.hand} hand-read facts found).",
        "",
        *_table("kind", result.by_kind),
        "",
        *_table("metric", result.by_metric),
        "",
        "Commonest misses:",
        *[f"- {key} ({n})" for key, n in commonest_misses(result)],
        "",
        "Missed (hand-read facts without a match):",
        *[miss.format(**m) + f": {m['reason']}" for m in result.misses],
        "",
        "Proposed without a match:",
        *[miss.format(**f) + f" ({f['rule']})" for f in result.false_positives],
        "",
        f"Speed on one core ({platform.python_implementation()} {platform.python_version()}, "
        f"{platform.machine()}): **{speed['articles_per_second']} articles per processor-second** "
        f"({speed['articles']} articles of {speed['mean_characters']} characters on average in "
        f"{speed['cpu_seconds']} s of processor time); {speed['articles_per_wall_second']} per "
        f"wall-clock second (load average {speed['load_average']}); import "
        f"{speed['import_seconds']} s, first article {speed['first_article_seconds']} s (loads "
        "the register).",
    ]
    return "\n".join(lines)


def _scores(score) -> dict:
    return {**vars(score), "precision": score.precision, "recall": score.recall}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="the shared folder (seeds/ and data/)",
    )
    parser.add_argument(
        "--no-published", action="store_true", help="do not give the publication dates"
    )
    parser.add_argument("--seconds", type=float, default=3.0, help="how long to measure speed")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "seed_facts.csv").is_file():
        print(f"error: no seed_facts.csv under {args.shared}/data (give --shared)", file=sys.stderr)
        return 2
    started = time.perf_counter()
    from analysis.extract.evaluate import evaluate, run_seeds

    imported = time.perf_counter() - started
    speed = measure_speed(args.shared, args.seconds)
    speed["import_seconds"] = round(imported, 3)
    proposed, hand = run_seeds(args.shared, use_published=not args.no_published)
    result = evaluate(proposed, hand)
    print(_report(result, hand, speed, args.no_published))
    if args.json:
        payload = {
            **_scores(result.overall),
            "by_kind": {k: _scores(s) for k, s in result.by_kind.items()},
            "by_metric": {k: _scores(s) for k, s in result.by_metric.items()},
            "misses": result.misses,
            "speed": speed,
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
