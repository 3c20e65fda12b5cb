"""A session's figures: scores, bands, pass rate, and how each question did (item analysis).

Pure arithmetic on exact fractions, over what the store gives: for each
member counted (their latest finished test in the session), their score
and, for every question they were asked, the credit earned and the response.

Item analysis, per question (classical test theory):
- facility: the share of the members asked it who got it fully right;
- the wrong answer given most often (what the cell should discuss);
- discrimination, when at least 10 members were asked it: the members asked
  it are ranked by score; the top and bottom 27% (at least one each) are
  compared, D = (right in the top group − right in the bottom group) / group
  size. Near 1: the question separates those who know from those who do not;
  near 0 or below: it does not (or misleads the better ones).
"""

from __future__ import annotations

import math
import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from studyapp.content.model import Grading
from studyapp.text import answer_key

DISCRIMINATION_MIN = 10
"""Fewer members than this, and discrimination says nothing: it is not given."""
GROUP_SHARE = Fraction(27, 100)


@dataclass(frozen=True)
class Outcome:
    """One question as one member met it."""

    credit: Fraction
    """The fraction of the question earned (1: fully right)."""
    response: dict[str, Any] | None = None
    """The response as stored (None: not answered)."""


@dataclass(frozen=True)
class Taken:
    """One member's counted test."""

    member_id: str
    score: Fraction
    """On the pack's scale."""
    outcomes: dict[str, Outcome]
    """Every question asked (full id), answered or not."""


@dataclass(frozen=True)
class ItemStats:
    question_id: str
    asked: int
    right: int
    top_wrong: dict[str, Any] | None
    """The wrong response given most often (None when nobody answered wrongly)."""
    top_wrong_count: int
    discrimination: Fraction | None
    """None below DISCRIMINATION_MIN members asked."""

    @property
    def facility(self) -> Fraction:
        return Fraction(self.right, self.asked) if self.asked else Fraction(0)


@dataclass(frozen=True)
class SessionFigures:
    tested: int
    average: Fraction | None
    median: Fraction | None
    highest: Fraction | None
    lowest: Fraction | None
    passed: int
    bands: tuple[tuple[str, int], ...]
    """Every band of the grading, highest first, with how many members are in it."""
    items: tuple[ItemStats, ...]
    """Most missed first (lowest facility; then the most asked; then by id)."""

    @property
    def pass_rate(self) -> Fraction | None:
        return Fraction(self.passed, self.tested) if self.tested else None


def response_key(response: dict[str, Any]) -> str:
    """Responses that say the same thing, as one key (a typed answer by its
    letters; choices whatever order they were ticked in)."""
    kind = response.get("kind")
    if kind == "choice":
        return f"choice:{sorted(response.get('chosen', []))}"
    if kind == "text":
        return "text:" + answer_key(str(response.get("text", "")))
    return f"{kind}:{response.get('value', response.get('order', response.get('rights')))}"


def item_stats(question_id: str, takers: Sequence[Taken]) -> ItemStats:
    asked = [t for t in takers if question_id in t.outcomes]
    right = sum(1 for t in asked if t.outcomes[question_id].credit == 1)
    wrong: Counter[str] = Counter()
    first_seen: dict[str, dict[str, Any]] = {}
    for taker in asked:
        outcome = taker.outcomes[question_id]
        if outcome.credit < 1 and outcome.response is not None:
            key = response_key(outcome.response)
            wrong[key] += 1
            first_seen.setdefault(key, outcome.response)
    top_key, top_count = (min(wrong.items(), key=lambda kv: (-kv[1], kv[0]))
                          if wrong else (None, 0))
    discrimination = None
    if len(asked) >= DISCRIMINATION_MIN:
        ranked = sorted(asked, key=lambda t: (-t.score, t.member_id))
        size = max(1, math.floor(len(asked) * GROUP_SHARE + Fraction(1, 2)))
        upper = sum(1 for t in ranked[:size] if t.outcomes[question_id].credit == 1)
        lower = sum(1 for t in ranked[-size:] if t.outcomes[question_id].credit == 1)
        discrimination = Fraction(upper - lower, size)
    return ItemStats(question_id, len(asked), right,
                     first_seen[top_key] if top_key is not None else None, top_count,
                     discrimination)


def figures(takers: Sequence[Taken], grading: Grading) -> SessionFigures:
    """The session's figures from its counted tests."""
    scores = [t.score for t in takers]
    counts = Counter(grading.band(score) for score in scores)
    question_ids = sorted({q for t in takers for q in t.outcomes})
    items = [item_stats(q, takers) for q in question_ids]
    items.sort(key=lambda item: (item.facility, -item.asked, item.question_id))
    return SessionFigures(
        tested=len(scores),
        average=sum(scores, Fraction(0)) / len(scores) if scores else None,
        median=Fraction(statistics.median(scores)) if scores else None,
        highest=max(scores) if scores else None,
        lowest=min(scores) if scores else None,
        passed=sum(1 for score in scores if grading.passed(score)),
        bands=tuple((band.label, counts.get(band.label, 0)) for band in grading.bands),
        items=tuple(items),
    )
