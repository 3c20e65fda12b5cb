"""The quiz session: practice and test modes, the clock, and rebuilding from events."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import (
    ChoiceResponse,
    TextResponse,
    TruthResponse,
    correct_response,
)
from studyapp.quiz.selection import Paper, draw_paper
from studyapp.quiz.session import Event, Mode, QuizError, QuizSession, TimeUpError

START = datetime(2026, 11, 26, 19, 30)


def minutes(n: float) -> datetime:
    return START + timedelta(minutes=n)


@pytest.fixture
def paper(catalog: Catalog) -> Paper:
    return draw_paper(catalog.questions, 5, seed=7)


def test_practice_gives_feedback_and_keeps_answers(paper: Paper) -> None:
    session = QuizSession(paper, Mode.PRACTICE, START)
    question = paper.items[0].question
    credit = session.answer(0, correct_response(question), minutes(1))
    assert credit is not None
    assert credit.correct
    with pytest.raises(QuizError):
        session.answer(0, correct_response(question), minutes(2))
    assert session.skip(minutes(2)) == 1
    assert session.position == 1


def test_test_mode_allows_changes_and_gives_no_feedback(paper: Paper) -> None:
    session = QuizSession(paper, Mode.TEST, START)
    first = paper.items[0].question
    wrong = TextResponse("?") if first.type in ("fill", "number") else None
    assert session.answer(0, correct_response(first), minutes(1)) is None
    if wrong is not None:
        session.answer(0, wrong, minutes(2))
        session.answer(0, correct_response(first), minutes(3))
    session.flag(3, minutes(4))
    assert session.flagged == {3}
    assert session.unanswered() == [1, 2, 3, 4]
    result = session.finish(minutes(10))
    assert result.answered == 1
    assert result.correct == 1
    assert result.time_spent == timedelta(minutes=10)
    with pytest.raises(QuizError):
        session.answer(1, correct_response(paper.items[1].question), minutes(11))
    assert session.finish(minutes(20)) == result  # finishing twice changes nothing


def test_pauses_do_not_count_and_block_answers(paper: Paper) -> None:
    session = QuizSession(paper, Mode.TEST, START, time_limit=timedelta(minutes=10))
    session.pause(minutes(2))
    with pytest.raises(QuizError):
        session.answer(0, correct_response(paper.items[0].question), minutes(3))
    session.resume(minutes(32))  # half an hour away: not counted
    assert session.elapsed(minutes(33)) == timedelta(minutes=3)
    assert session.time_left(minutes(33)) == timedelta(minutes=7)
    with pytest.raises(QuizError):
        session.resume(minutes(34))


def test_the_time_limit_ends_the_test_at_the_deadline(paper: Paper) -> None:
    session = QuizSession(paper, Mode.TEST, START, time_limit=timedelta(minutes=5))
    session.answer(0, correct_response(paper.items[0].question), minutes(1))
    with pytest.raises(TimeUpError):
        session.answer(1, correct_response(paper.items[1].question), minutes(7))
    assert session.finished
    assert session.expired
    assert session.finished_at == minutes(5)  # when the limit was reached
    result = session.result()
    assert (result.answered, result.expired) == (1, True)
    assert result.time_spent == timedelta(minutes=5)


def test_responses_must_fit_their_question(paper: Paper) -> None:
    session = QuizSession(paper, Mode.TEST, START)
    for position, item in enumerate(paper.items):
        wrong = TruthResponse(True) if item.question.type != "truefalse" else \
            ChoiceResponse(frozenset({0}))
        with pytest.raises(QuizError):
            session.answer(position, wrong, minutes(1))
    with pytest.raises(QuizError):
        session.go_to(99, minutes(1))


def test_events_survive_serialisation(paper: Paper) -> None:
    session = QuizSession(paper, Mode.TEST, START)
    session.answer(2, correct_response(paper.items[2].question), minutes(1))
    session.flag(2, minutes(2))
    session.pause(minutes(3))
    session.resume(minutes(4))
    data = [event.to_data() for event in session.events]
    events = [Event.from_data(item) for item in data]
    rebuilt = QuizSession.replay(paper, Mode.TEST, START, events)
    assert rebuilt.state() == session.state()


commands = st.lists(st.tuples(
    st.sampled_from(["answer", "right", "move", "skip", "flag", "unflag", "pause", "resume",
                     "finish", "tick"]),
    st.integers(0, 4),
    st.integers(0, 300),  # seconds after the previous command
), max_size=25)


@settings(max_examples=120, suppress_health_check=[HealthCheck.function_scoped_fixture],
          deadline=None)
@given(script=commands, mode=st.sampled_from(list(Mode)), limit=st.sampled_from([None, 10, 30]))
def test_replaying_the_events_rebuilds_the_same_session(
        paper: Paper, script: list[tuple[str, int, int]], mode: Mode, limit: int | None) -> None:
    time_limit = timedelta(minutes=limit) if limit else None
    session = QuizSession(paper, mode, START, time_limit=time_limit)
    at = START
    for command, position, seconds in script:
        at += timedelta(seconds=seconds)
        item = paper.items[position]
        try:
            if command == "answer":
                session.answer(position, TextResponse("?") if item.question.type in (
                    "fill", "number") else correct_response(item.question), at)
            elif command == "right":
                session.answer(position, correct_response(item.question), at)
            elif command == "move":
                session.go_to(position, at)
            elif command == "skip":
                session.skip(at)
            elif command in ("flag", "unflag"):
                session.flag(position, at, flagged=command == "flag")
            elif command == "pause":
                session.pause(at)
            elif command == "resume":
                session.resume(at)
            elif command == "finish":
                session.finish(at)
            else:
                session.check_time(at)
        except QuizError:
            pass  # refused commands change nothing
        result = session.result()
        assert 0 <= result.score.value <= 10
        assert result.time_spent <= (time_limit or timedelta.max)
    rebuilt = QuizSession.replay(paper, mode, START, list(session.events), time_limit=time_limit)
    assert rebuilt.state() == session.state()
    assert rebuilt.result() == session.result()
