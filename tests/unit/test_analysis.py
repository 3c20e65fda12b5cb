"""A session's figures against values worked out by hand on a fixed set of twelve members."""

from __future__ import annotations

from fractions import Fraction

from studyapp.content.model import Grading
from studyapp.quiz.analysis import Outcome, Taken, figures, item_stats

SCORES = [10, 9, 8, 7, 7, 6, 5, 5, 4, 3, 2, 1]  # m01 … m12, best first
RIGHT, WRONG = Fraction(1), Fraction(0)


def takers() -> list[Taken]:
    """q1: right for the six best (m01–m06); q2: right for all but m01;
    q3: asked of m01–m08 only (variants), right for m01 and m02; of the six
    others, four chose B and two C (written indices 1 and 2)."""
    found = []
    for index, score in enumerate(SCORES):
        member = f"m{index + 1:02}"
        outcomes = {
            "b/q1": Outcome(RIGHT if index < 6 else WRONG,
                            {"kind": "truth", "value": index < 6}),
            "b/q2": Outcome(WRONG if index == 0 else RIGHT, {"kind": "text", "text": "x"}),
        }
        if index < 8:
            chosen = [0] if index < 2 else ([1] if index < 6 else [2])
            outcomes["b/q3"] = Outcome(RIGHT if index < 2 else WRONG,
                                       {"kind": "choice", "chosen": chosen})
        found.append(Taken(member, Fraction(score), outcomes))
    return found


def test_scores_pass_rate_and_bands() -> None:
    result = figures(takers(), Grading())
    assert result.tested == 12
    assert result.average == Fraction(67, 12)  # (10+9+8+7+7+6+5+5+4+3+2+1) / 12
    assert result.median == Fraction(11, 2)  # between the 6th (6) and the 7th (5)
    assert (result.highest, result.lowest) == (10, 1)
    assert result.passed == 8  # 5 and above
    assert result.pass_rate == Fraction(2, 3)
    assert result.bands == (("Giỏi", 3), ("Khá", 2), ("Trung bình", 3), ("Không đạt", 4))


def test_facility_and_discrimination_by_hand() -> None:
    # Twelve asked: groups of round(12 × 27%) = 3, the top m01–m03, the bottom m10–m12.
    q1 = item_stats("b/q1", takers())
    assert (q1.asked, q1.right, q1.facility) == (12, 6, Fraction(1, 2))
    assert q1.discrimination == Fraction(3 - 0, 3)  # the best know it, the weakest do not
    q2 = item_stats("b/q2", takers())
    assert q2.facility == Fraction(11, 12)
    assert q2.discrimination == Fraction(2 - 3, 3)  # the best member missed it: negative
    q3 = item_stats("b/q3", takers())
    assert (q3.asked, q3.right, q3.facility) == (8, 2, Fraction(1, 4))
    assert q3.discrimination is None  # fewer than ten asked
    assert q3.top_wrong == {"kind": "choice", "chosen": [1]}
    assert q3.top_wrong_count == 4


def test_most_missed_first() -> None:
    assert [item.question_id for item in figures(takers(), Grading()).items] == [
        "b/q3", "b/q1", "b/q2"]


def test_a_session_nobody_took() -> None:
    result = figures([], Grading())
    assert (result.tested, result.average, result.median, result.pass_rate) == (0, None, None,
                                                                                None)
    assert result.items == ()
    assert [count for _, count in result.bands] == [0, 0, 0, 0]


def test_unanswered_counts_as_missed_but_not_as_a_wrong_answer() -> None:
    taken = [Taken("a", Fraction(0), {"b/q": Outcome(WRONG, None)}),
             Taken("b", Fraction(10), {"b/q": Outcome(RIGHT, {"kind": "truth", "value": True})})]
    stats = item_stats("b/q", taken)
    assert (stats.asked, stats.right, stats.top_wrong) == (2, 1, None)


def test_typed_answers_that_say_the_same_are_counted_together() -> None:
    taken = [Taken(f"m{i}", Fraction(i), {"b/q": Outcome(WRONG, {"kind": "text", "text": t})})
             for i, t in enumerate(["Đổi mới", "đổi  mới", "phát triển"])]
    stats = item_stats("b/q", taken)
    assert stats.top_wrong_count == 2
    assert stats.top_wrong == {"kind": "text", "text": "Đổi mới"}
