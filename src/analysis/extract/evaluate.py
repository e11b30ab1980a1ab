"""Scoring proposed facts against facts read by hand, as issue 14 defines it.

A proposed fact matches a hand-read one of the same article when metric, subject, category,
kind and unit agree, the value agrees (exactly; percentages within 0.05) and the period end
agrees to the year. Matching is one to one: a maximum matching between the two sides, so no
figure is counted twice. Only named metrics are scored (`other` is left out on both sides).
Precision and recall are given overall, per kind and per metric; the hand-read facts that
were missed are listed with the nearest proposal and what differs, to see what to improve.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

MATCH_FIELDS = ("metric", "subject", "category", "kind", "unit")
PERCENT_TOLERANCE = 0.05
PERCENT_UNITS = ("percent", "percent_above_target")


def _value(fact: dict) -> float:
    return float(fact["value"])


def _year(text: object) -> str:
    return str(text or "")[:4]


def facts_agree(proposed: dict, hand: dict) -> bool:
    """Tells whether a proposed fact matches a hand-read one (see the module)."""
    if any(str(proposed.get(f) or "") != str(hand.get(f) or "") for f in MATCH_FIELDS):
        return False
    if _year(proposed.get("period_end")) != _year(hand.get("period_end")):
        return False
    tolerance = PERCENT_TOLERANCE if hand.get("unit") in PERCENT_UNITS else 0.0
    return abs(_value(proposed) - _value(hand)) <= tolerance + 1e-9


def match_one_to_one(proposed: list[dict], hand: list[dict]) -> list[tuple[int, int]]:
    """Returns (proposed index, hand index) pairs of a maximum one-to-one matching."""
    options = [[j for j, h in enumerate(hand) if facts_agree(p, h)] for p in proposed]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in options[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(proposed)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass
class Score:
    """Counts and rates of one group (all, a kind or a metric)."""

    proposed: int = 0
    hand: int = 0
    matched_proposed: int = 0
    matched_hand: int = 0

    @property
    def precision(self) -> float | None:
        """Matched proposals over proposals (None when nothing was proposed)."""
        return self.matched_proposed / self.proposed if self.proposed else None

    @property
    def recall(self) -> float | None:
        """Matched hand-read facts over hand-read facts (None when there are none)."""
        return self.matched_hand / self.hand if self.hand else None


@dataclass
class Evaluation:
    """Scores of a run, with what was missed and what was proposed wrongly."""

    overall: Score = field(default_factory=Score)
    by_kind: dict[str, Score] = field(default_factory=dict)
    by_metric: dict[str, Score] = field(default_factory=dict)
    misses: list[dict] = field(default_factory=list)
    false_positives: list[dict] = field(default_factory=list)


def _named(facts: list[dict]) -> list[dict]:
    return [f for f in facts if f.get("metric") != "other"]


def _count(evaluation: Evaluation, fact: dict, side: str, matched: bool) -> None:
    for score in (
        evaluation.overall,
        evaluation.by_kind.setdefault(fact["kind"], Score()),
        evaluation.by_metric.setdefault(fact["metric"], Score()),
    ):
        setattr(score, side, getattr(score, side) + 1)
        if matched:
            name = f"matched_{side}"
            setattr(score, name, getattr(score, name) + 1)


def explain_miss(hand: dict, proposed: list[dict]) -> str:
    """Says why a hand-read fact found no match: the closest proposal and what differs."""
    same_value = [p for p in proposed if abs(_value(p) - _value(hand)) <= PERCENT_TOLERANCE]
    if not same_value:
        return "value not proposed"
    best = min(
        same_value,
        key=lambda p: sum(str(p.get(f) or "") != str(hand.get(f) or "") for f in MATCH_FIELDS),
    )
    fields = [f for f in MATCH_FIELDS if str(best.get(f) or "") != str(hand.get(f) or "")]
    if _year(best.get("period_end")) != _year(hand.get("period_end")):
        fields.append("period_end")
    return "differs in " + ", ".join(fields)


def evaluate(proposed: dict[str, list[dict]], hand: dict[str, list[dict]]) -> Evaluation:
    """Scores proposals against hand-read facts, article by article (keys: source names)."""
    result = Evaluation()
    for source in sorted(set(proposed) | set(hand)):
        ours, theirs = _named(proposed.get(source, [])), _named(hand.get(source, []))
        pairs = match_one_to_one(ours, theirs)
        matched_ours, matched_theirs = {i for i, _ in pairs}, {j for _, j in pairs}
        for i, fact in enumerate(ours):
            _count(result, fact, "proposed", i in matched_ours)
            if i not in matched_ours:
                result.false_positives.append({**fact, "source": source})
        for j, fact in enumerate(theirs):
            _count(result, fact, "hand", j in matched_theirs)
            if j not in matched_theirs:
                reason = explain_miss(fact, ours)
                result.misses.append({**fact, "source": source, "reason": reason})
    return result


def commonest_misses(evaluation: Evaluation, count: int = 5) -> list[tuple[str, int]]:
    """The most frequent kinds of miss: (metric/kind/category: reason, how many)."""
    keys = Counter(
        f"{m['metric']}/{m['kind']}{'/' + m['category'] if m.get('category') else ''}: {m['reason']}"
        for m in evaluation.misses
    )
    return keys.most_common(count)


def read_hand_facts(path: Path) -> dict[str, list[dict]]:
    """Reads hand-read facts (the seed_facts.csv layout), by seed file name."""
    by_source: dict[str, list[dict]] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            source = row["source_url"].removeprefix("seed:")
            by_source.setdefault(source, []).append(row)
    return by_source


def run_seeds(shared: Path, use_published: bool = True) -> tuple[dict, dict]:
    """Extracts facts from the seed articles and reads their hand-read facts.

    Args:
        shared: The shared folder (with seeds/ and data/seed_facts.csv).
        use_published: Give the extractor the publication date recorded with the hand-read
            facts, as a user would pass --published; otherwise only dates in the text count.

    Returns:
        Proposals and hand-read facts, each by seed file name.
    """
    from analysis.extract.propose import extract_facts
    from analysis.text.periods import parse_partial_date

    hand = read_hand_facts(shared / "data" / "seed_facts.csv")
    proposed = {}
    for name in sorted(hand):
        text = (shared / "seeds" / name).read_text(encoding="utf-8")
        stated = hand[name][0]["published"]
        when = parse_partial_date(stated) if use_published and stated else None
        proposed[name] = extract_facts(text, source=name, published=when).rows
    return proposed, hand
