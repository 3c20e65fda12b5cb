"""Grading every type, partial credit, exact scores, bands and the Vietnamese display."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading, Question
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
    correct_response,
    grade,
    response_from_data,
    response_to_data,
    score,
)


def question(kind: str, **fields: object) -> Question:
    return Question(bank_id="b", id="q", type=kind, prompt="?", content_hash="x",  # type: ignore[arg-type]
                    **fields)  # type: ignore[arg-type]


def test_every_bundled_question_right_earns_full_points_and_nothing_earns_zero(
        catalog: Catalog) -> None:
    assert len(catalog.questions) >= 200
    for q in catalog.questions:
        full = grade(q, correct_response(q))
        assert full.correct, q.full_id
        assert full.points == q.points
        assert grade(q, None).points == 0


def test_single_and_multi() -> None:
    single = question("single", choices=("a", "b", "c"), correct_choices=(1,))
    assert grade(single, ChoiceResponse(frozenset({1}))).correct
    assert not grade(single, ChoiceResponse(frozenset({0}))).correct
    multi = question("multi", choices=("a", "b", "c", "d"), correct_choices=(0, 2, 3))
    assert grade(multi, ChoiceResponse(frozenset({0, 2, 3}))).correct
    assert grade(multi, ChoiceResponse(frozenset({0, 2}))).fraction == 0
    # Partial credit: (right picks - wrong picks) / right answers, never below 0.
    partial = {"partial_credit": True}
    assert grade(multi, ChoiceResponse(frozenset({0, 2})), **partial).fraction == Fraction(2, 3)
    assert grade(multi, ChoiceResponse(frozenset({0, 1})), **partial).fraction == 0
    assert grade(multi, ChoiceResponse(frozenset({1})), **partial).fraction == 0
    assert grade(multi, ChoiceResponse(frozenset({0, 1, 2, 3})), **partial).fraction == \
        Fraction(2, 3)


def test_truefalse_fill_and_number() -> None:
    truefalse = question("truefalse", truth=False)
    assert grade(truefalse, TruthResponse(False)).correct
    assert not grade(truefalse, TruthResponse(True)).correct
    fill = question("fill", accepted=("xây",))
    for typed in ("xây", "XÂY", " xây. "):
        assert grade(fill, TextResponse(typed)).correct
    bare = grade(fill, TextResponse("xay"))
    assert bare.correct
    assert bare.without_diacritics
    telex = grade(fill, TextResponse("xaay"))
    assert telex.correct
    assert telex.understood_as == "xây"
    assert not grade(question("fill", accepted=("xây",), strict=True),
                     TextResponse("xay")).correct
    number = question("number", number=Decimal("2.5"), tolerance=Decimal("0.1"))
    assert grade(number, TextResponse("2,5")).correct
    assert grade(number, TextResponse("2.6")).correct
    assert not grade(number, TextResponse("2,7")).correct
    assert not grade(number, TextResponse("hai")).correct


def test_order_and_match() -> None:
    order = question("order", items=("a", "b", "c"))
    assert grade(order, OrderResponse((0, 1, 2))).correct
    assert not grade(order, OrderResponse((0, 2, 1))).correct
    match = question("match", pairs=(("a", "1"), ("b", "2"), ("c", "3"), ("d", "4")))
    assert grade(match, MatchResponse((0, 1, 2, 3))).correct
    assert grade(match, MatchResponse((0, 1, 3, 2))).fraction == 0
    assert grade(match, MatchResponse((0, 1, 3, 2)), partial_credit=True).fraction == \
        Fraction(1, 2)
    assert grade(match, MatchResponse((0, None, None, None)), partial_credit=True).fraction == \
        Fraction(1, 4)


def test_a_response_of_the_wrong_kind_earns_nothing() -> None:
    single = question("single", choices=("a", "b"), correct_choices=(0,))
    assert grade(single, TextResponse("A")).points == 0


def test_exact_scores_and_vietnamese_display() -> None:
    questions = [question("truefalse", truth=True)] * 9
    credits = [grade(q, TruthResponse(i < 7)) for i, q in enumerate(questions)]
    result = score(questions, credits, Grading())
    assert result.value == Fraction(70, 9)  # no float drift, the same everywhere
    assert result.shown("vi") == "7,8"
    assert result.shown("en") == "7.8"
    assert result.band == "Khá"
    assert result.passed
    half = score(questions[:2], credits[7:9], Grading())
    assert (half.value, half.band, half.passed) == (0, "Không đạt", False)


def test_points_weigh_questions() -> None:
    heavy = question("truefalse", truth=True, points=Fraction(3))
    light = question("truefalse", truth=True)
    credits = [grade(heavy, TruthResponse(True)), grade(light, TruthResponse(False))]
    assert score([heavy, light], credits, Grading()).value == Fraction(30, 4)


responses = st.one_of(
    st.builds(ChoiceResponse, st.frozensets(st.integers(0, 7), max_size=4)),
    st.builds(TruthResponse, st.booleans()),
    st.builds(TextResponse, st.text(max_size=20)),
    st.builds(OrderResponse, st.lists(st.integers(0, 7), max_size=6).map(tuple)),
    st.builds(MatchResponse, st.lists(st.one_of(st.none(), st.integers(0, 7)),
                                      max_size=6).map(tuple)),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), partial=st.booleans())
def test_scores_stay_within_the_scale(catalog: Catalog, data: st.DataObject,
                                      partial: bool) -> None:
    picked = data.draw(st.lists(st.sampled_from(catalog.questions), min_size=1, max_size=8))
    answers: list[Response | None] = data.draw(
        st.lists(st.one_of(st.none(), responses), min_size=len(picked), max_size=len(picked)))
    credits = [grade(q, r, partial_credit=partial) for q, r in zip(picked, answers, strict=True)]
    assert all(0 <= c.fraction <= 1 for c in credits)
    result = score(picked, credits, catalog.packs[0].grading)
    assert 0 <= result.value <= catalog.packs[0].grading.scale


@given(responses)
def test_responses_round_trip_through_data(response: Response) -> None:
    assert response_from_data(response_to_data(response)) == response


@pytest.mark.parametrize("data", [{}, {"kind": "truth", "value": "yes"}, {"kind": "x"}])
def test_bad_response_data_is_refused(data: dict[str, object]) -> None:
    with pytest.raises((ValueError, KeyError)):
        response_from_data(data)
