"""A recorded quiz: every step is in the database before it is acknowledged, or not at all."""

from __future__ import annotations

from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.selection import Paper, draw_paper
from studyapp.quiz.session import Mode, QuizError, TimeUpError
from studyapp.store.database import Database, DatabaseError
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttemptStatus, Learner
from studyapp.store.store import Store
from tests.conftest import T0, Clock, wrong_response


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"), clock=clock)


@pytest.fixture
def learner(store: Store) -> Learner:
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    return store.learner(store.add_member(cell.id, "Nguyễn Thị Ánh"))


@pytest.fixture
def paper(catalog: Catalog) -> Paper:
    return draw_paper(catalog.questions, 5, seed=3)


def test_answers_are_stored_as_given_and_the_result_at_the_end(
        store: Store, learner: Learner, paper: Paper, catalog: Catalog, clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.PRACTICE, learner, clock=clock)
    assert store.attempt(quiz.id).status is AttemptStatus.IN_PROGRESS
    clock.advance(seconds=30)
    credit = quiz.answer(0, correct_response(paper.items[0].question))
    assert credit.correct
    [row] = store.answers(quiz.id)
    assert (row.position, row.credit, row.duration) == (0, Fraction(1), timedelta(seconds=30))
    assert quiz.skip() == 1
    assert [e.kind for e in store.events(quiz.id)] == ["answer", "move"]
    clock.advance(minutes=1)
    result = quiz.finish()
    stored = store.attempt(quiz.id)
    assert stored.status is AttemptStatus.FINISHED
    assert (stored.answered, stored.correct) == (1, 1)
    assert stored.score == result.score.value
    assert stored.time_spent == timedelta(seconds=90)


def test_a_step_the_database_refuses_is_not_taken(
        store: Store, learner: Learner, paper: Paper, monkeypatch: pytest.MonkeyPatch,
        clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, learner, clock=clock)

    def refuse(*args: object, **kwargs: object) -> None:
        raise DatabaseError("the disk is full")

    monkeypatch.setattr(store, "record_answer", refuse)
    with pytest.raises(DatabaseError):
        quiz.answer(0, correct_response(paper.items[0].question))
    # The screen would still show the question unanswered, as the database has it.
    assert quiz.session.responses == {}
    assert quiz.session.events == []
    monkeypatch.undo()
    quiz.answer(0, correct_response(paper.items[0].question))
    assert len(store.answers(quiz.id)) == 1


def test_a_refused_action_changes_nothing(store: Store, learner: Learner, paper: Paper,
                                          clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.PRACTICE, learner, clock=clock)
    quiz.answer(0, correct_response(paper.items[0].question))
    with pytest.raises(QuizError):  # practice: an answer, once given, stays
        quiz.answer(0, correct_response(paper.items[0].question))
    assert len(quiz.session.events) == 1
    assert len(store.events(quiz.id)) == 1


def test_time_up_is_stored_as_the_end(store: Store, learner: Learner, paper: Paper,
                                      clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, learner, clock=clock,
                              time_limit=timedelta(minutes=5))
    clock.advance(minutes=1)
    quiz.answer(1, correct_response(paper.items[1].question))
    clock.advance(minutes=4, seconds=30)
    with pytest.raises(TimeUpError):
        quiz.answer(2, correct_response(paper.items[2].question))
    stored = store.attempt(quiz.id)
    assert stored.status is AttemptStatus.FINISHED
    assert stored.finished_at == T0 + timedelta(minutes=5)  # when the limit was reached
    assert stored.answered == 1
    assert [a.position for a in store.answers(quiz.id)] == [1]


def test_check_time_ends_a_quiz_nobody_touches(store: Store, learner: Learner, paper: Paper,
                                               clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, learner, clock=clock,
                              time_limit=timedelta(minutes=1))
    clock.advance(seconds=59)
    assert not quiz.check_time()
    assert quiz.time_left() == timedelta(seconds=1)
    clock.advance(seconds=2)
    assert quiz.check_time()
    assert store.attempt(quiz.id).status is AttemptStatus.FINISHED


def test_resume_after_a_crash_does_not_count_the_time_away(
        store: Store, learner: Learner, paper: Paper, catalog: Catalog, clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, learner, clock=clock,
                              time_limit=timedelta(minutes=10))
    clock.advance(minutes=2)
    quiz.answer(0, correct_response(paper.items[0].question))
    quiz.flag(3)
    # The battery dies here; the laptop is back an hour later.
    clock.advance(hours=1)
    resumed = RecordedQuiz.resume(store, quiz.id, catalog, clock=clock)
    assert resumed.time_left() == timedelta(minutes=8)
    assert resumed.session.responses == quiz.session.responses
    assert resumed.session.flagged == {3}
    clock.advance(minutes=1)
    resumed.answer(1, correct_response(paper.items[1].question))
    result = resumed.finish()
    assert result.time_spent == timedelta(minutes=3)
    assert (result.answered, result.correct) == (2, 2)


def test_leaving_a_timed_quiz_stops_its_clock(store: Store, learner: Learner, paper: Paper,
                                              catalog: Catalog, clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, learner, clock=clock,
                              time_limit=timedelta(minutes=10))
    clock.advance(minutes=3)
    quiz.leave()
    clock.advance(days=1)
    resumed = RecordedQuiz.resume(store, quiz.id, catalog, clock=clock)
    assert resumed.session.paused
    resumed.resume_clock()
    assert resumed.time_left() == timedelta(minutes=7)


def test_practice_resumes_at_the_next_unanswered_question(
        store: Store, learner: Learner, paper: Paper, catalog: Catalog, clock: Clock) -> None:
    quiz = RecordedQuiz.start(store, paper, Mode.PRACTICE, learner, clock=clock)
    quiz.answer(0, correct_response(paper.items[0].question))
    quiz.skip()
    # Killed while the feedback of this answer was on screen:
    quiz.answer(1, wrong_response(paper.items[1].question))
    resumed = RecordedQuiz.resume(store, quiz.id, catalog, clock=clock)
    assert resumed.session.position == 2
    assert set(resumed.session.responses) == {0, 1}


def test_a_guest_attempt_is_kept_under_the_guest_name(store: Store, paper: Paper,
                                                      clock: Clock) -> None:
    guest = store.guest("  Khách [b]dự thính[/b]\x1b[31m ")
    assert guest.name == "Khách [b]dự thính[/b]"  # the escape sequence gone, the text kept
    quiz = RecordedQuiz.start(store, paper, Mode.PRACTICE, guest, clock=clock)
    assert [a.id for a in store.attempts_of(guest)] == [quiz.id]
    assert store.attempts_of(store.guest("Khách khác")) == []


def test_the_learner_is_remembered(store: Store, learner: Learner) -> None:
    assert store.remembered_learner() is None
    store.remember_learner(learner)
    assert store.remembered_learner() == learner
    store.remember_learner(store.guest("Khách"))
    assert store.remembered_learner() == Learner("Khách")
    store.remember_learner(learner)
    assert learner.member_id is not None
    store.remove_member(learner.member_id)
    assert store.remembered_learner() is None  # off the roster: ask again
