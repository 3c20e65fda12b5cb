"""Taking quizzes by keyboard: every type right and wrong, both modes, checked in the database."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from datetime import timedelta
from fractions import Fraction
from pathlib import Path

import pytest
from textual.widgets import Static

from studyapp.content.catalog import Catalog
from studyapp.quiz.session import Mode
from studyapp.store.models import AttemptStatus
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.results import ResultsScreen
from studyapp.ui.widgets.answer_sheet import AnswerSheet
from tests.conftest import T0, Clock
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start


def feedback_text(screen: QuizScreen) -> str:
    return screen.query_one("#quiz-feedback", AnswerSheet).text


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_practice_every_type_by_keys(catalog: Catalog, right: bool) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.PRACTICE)
        attempt_id = screen.quiz.id
        for position, item in enumerate(paper.items):
            assert screen.quiz.session.position == position
            await pilot.press(*keys_for(item, right=right))
            await pilot.pause()
            # Stored before it is shown: the answer row is there, with its credit.
            rows = {row.position: row for row in app.store.answers(attempt_id)}
            assert rows[position].credit == (1 if right else 0), item.question.type
            assert rows[position].question_id == item.question.full_id
            shown = feedback_text(screen)
            assert ("✓ Đúng." in shown) is right, (item.question.type, shown)
            if not right:
                assert "Đáp án đúng:" in shown
            assert "Giải thích:" in shown
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        attempt = app.store.attempt(attempt_id)
        assert attempt.status is AttemptStatus.FINISHED
        assert attempt.correct == (7 if right else 0)
        assert attempt.score == (Fraction(10) if right else 0)


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
async def test_test_mode_every_type_by_keys(catalog: Catalog, right: bool) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        attempt_id = screen.quiz.id
        for position, item in enumerate(paper.items):
            assert screen.quiz.session.position == position
            await pilot.press(*keys_for(item, right=right))
            await pilot.pause()
            assert len(app.store.answers(attempt_id)) == position + 1
            # No feedback in a test.
            assert not screen.query_one("#quiz-feedback").display
        # All answered: the hand-in dialog asks, then the results.
        assert isinstance(app.screen, ChoiceDialog)
        assert app.store.attempt(attempt_id).status is AttemptStatus.IN_PROGRESS
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        credits = [row.credit for row in app.store.answers(attempt_id)]
        assert credits == [Fraction(1 if right else 0)] * 7
        attempt = app.store.attempt(attempt_id)
        assert attempt.status is AttemptStatus.FINISHED
        summary = str(app.screen.query_one("#results-summary", Static).content)
        assert ("Điểm: 10,0/10" if right else "Điểm: 0,0/10") in summary
        assert ("Đạt" if right else "Không đạt") in summary


async def test_a_test_moves_back_and_forth_and_answers_change(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        first = paper.items[0]
        await pilot.press(*keys_for(first, right=False))  # answered, moves on to question 2
        await pilot.pause()
        assert screen.quiz.session.position == 1
        await pilot.press("ctrl+g")  # flag question 2 for later
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        assert screen.quiz.session.position == 3
        await pilot.press("pageup", "pageup", "pageup")
        await pilot.pause()
        assert screen.quiz.session.position == 0
        # The answer given is shown again, and can be changed: still one row.
        assert screen.answer.current_response() == screen.quiz.session.responses[0]
        await pilot.press(*keys_for(first, right=True))
        await pilot.pause()
        [row] = app.store.answers(screen.quiz.id)
        assert (row.position, row.credit) == (0, 1)
        # Hand in early: the dialog names what is unanswered and flagged.
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        message = str(dialog.query_one("#dialog-message", Static).content)
        assert "Đã trả lời 1/7 câu." in message
        assert "Chưa trả lời: câu 2, 3, 4, 5, 6, 7." in message
        assert "Đã gắn cờ: câu 2." in message
        await pilot.press("q")  # back to the test
        await pilot.pause()
        assert app.screen is screen
        assert app.store.attempt(screen.quiz.id).status is AttemptStatus.IN_PROGRESS
        assert [e.kind for e in app.store.events(screen.quiz.id)].count("flag") == 1


async def test_a_marked_choice_counts_when_moving_on_without_enter(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)  # question 1 is `single`
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        letter = paper.items[0].answer_letters[0].lower()
        await pilot.press(letter, "pagedown")
        await pilot.pause()
        [row] = app.store.answers(screen.quiz.id)
        assert (row.position, row.credit) == (0, 1)


async def test_time_up_while_a_dialog_is_open_hands_in_what_was_answered(
        catalog: Catalog) -> None:
    clock = Clock()
    app = build_app(clock=clock)
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST, time_limit=timedelta(minutes=5))
        clock.advance(minutes=1)
        await pilot.press(*keys_for(paper.items[0], right=True))
        await pilot.pause()
        status = str(screen.query_one("#quiz-status", Static).content)
        assert "còn 04:00" in status
        await pilot.press("ctrl+s")  # the hand-in dialog: the clock keeps running
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        clock.advance(minutes=4, seconds=30)
        screen.check_clock()
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert not any(isinstance(s, ChoiceDialog) for s in app.screen_stack)
        attempt = app.store.attempt(screen.quiz.id)
        assert attempt.status is AttemptStatus.FINISHED
        assert attempt.finished_at == T0 + timedelta(minutes=5)
        assert (attempt.answered, attempt.correct) == (1, 1)
        summary = str(app.screen.query_one("#results-summary", Static).content)
        assert "Hết giờ" in summary


async def test_pausing_stops_the_clock_and_hides_the_question(catalog: Catalog) -> None:
    clock = Clock()
    app = build_app(clock=clock)
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST, time_limit=timedelta(minutes=5))
        clock.advance(minutes=1)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert not screen.query_one("#quiz-body").display
        clock.advance(hours=1)
        await pilot.press("t")  # go on (Làm tiếp)
        await pilot.pause()
        assert app.screen is screen
        assert screen.quiz.time_left() == timedelta(minutes=4)
        assert screen.query_one("#quiz-body").display
        kinds = [e.kind for e in app.store.events(screen.quiz.id)]
        assert kinds == ["pause", "resume"]


async def test_saving_for_later_then_resuming_in_a_new_program(catalog: Catalog,
                                                               tmp_path: Path) -> None:
    db = tmp_path / "scores.sqlite3"
    paper = one_of_each_type(catalog)
    app = build_app(db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        for item in paper.items[:3]:
            await pilot.press(*keys_for(item, right=True))
            await pilot.pause()
        attempt_id = screen.quiz.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("l")  # save, go on later
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    # Next time: the learner is remembered and offered the unfinished test first.
    again = build_app(db=db)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert again.learner is not None
        assert again.learner.name == "Nguyễn Thị Ánh"
        dialog = again.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "đã trả lời 3/7 câu" in str(dialog.query_one("#dialog-message", Static).content)
        await pilot.press("t")
        await pilot.pause()
        screen = again.screen
        assert isinstance(screen, QuizScreen)
        assert screen.quiz.id == attempt_id
        assert screen.quiz.session.position == 3
        assert set(screen.quiz.session.responses) == {0, 1, 2}


def test_killed_mid_test_then_resumed_at_the_next_question(catalog: Catalog,
                                                          tmp_path: Path) -> None:
    """The program is killed (SIGKILL) after three answers; a new one offers
    the test first thing and goes on at question 4, the three answers intact."""
    db = tmp_path / "scores.sqlite3"
    worker = subprocess.Popen([sys.executable, str(Path(__file__).with_name("quiz_worker.py")),
                               str(db), "3"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, env=dict(os.environ))
    assert worker.stdout is not None
    lines = []
    for line in worker.stdout:
        lines.append(line.strip())
        if line.strip() == "ANSWERED 3":
            break
    worker.send_signal(signal.SIGKILL)
    _, errors = worker.communicate(timeout=30)
    assert lines == ["ANSWERED 1", "ANSWERED 2", "ANSWERED 3"], errors
    assert worker.returncode == -signal.SIGKILL

    async def resume() -> None:
        app = build_app(db=db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, ChoiceDialog)  # offered first thing
            await pilot.press("t")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, QuizScreen)
            assert screen.quiz.session.position == 3
            paper = one_of_each_type(catalog)
            assert screen.quiz.session.paper == paper
            assert all(screen.quiz.session.credit(p).correct for p in range(3))  # type: ignore[union-attr]
            # It goes on: the rest answered, handed in, every answer counted.
            for item in paper.items[3:]:
                await pilot.press(*keys_for(item, right=True))
                await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            attempt = app.store.attempt(screen.quiz.id)
            assert (attempt.status, attempt.correct) == (AttemptStatus.FINISHED, 7)

    asyncio.run(resume())


async def test_the_program_as_started_offers_the_unfinished_quiz(catalog: Catalog,
                                                                 tmp_path: Path) -> None:
    """As the command line starts it: lessons first, then the banks and the
    database in the background; the learner is remembered and offered the quiz."""
    from studyapp.config import load_user_config, resolve_settings  # noqa: PLC0415
    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.ui.app import make_app  # noqa: PLC0415

    db = tmp_path / "scores.sqlite3"
    paper = one_of_each_type(catalog)
    first = build_app(db=db)
    async with first.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(first)
        screen = await start(pilot, paper, Mode.PRACTICE)
        await pilot.press(*keys_for(paper.items[0], right=True))
        await pilot.pause()
        attempt_id = screen.quiz.id
    settings = resolve_settings(load_user_config(), db=str(db))
    lessons_only = load_catalog(settings.content_paths, settings.cache_dir, with_banks=False)
    app = make_app(settings, lessons_only, load_banks=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.learner is not None
        assert app.learner.name == "Nguyễn Thị Ánh"
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        assert app.screen.quiz.id == attempt_id
        assert app.screen.quiz.session.position == 1


async def test_a_late_start_offer_does_not_cover_the_quiz_being_taken(catalog: Catalog) -> None:
    """The start-up offer runs once the banks and the database are there; a quiz
    started before that (a snapshot test once, under load) is the one being
    answered, not one left unfinished: no resume dialog over it."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, one_of_each_type(catalog), Mode.TEST)
        app.offer_at_start()  # what the background load calls when it ends
        await pilot.pause()
        assert app.screen is screen
        assert not any(isinstance(shown, ChoiceDialog) for shown in app.screen_stack)


@pytest.mark.parametrize("position", [0, 2], ids=["single", "truefalse"])
async def test_enter_before_choosing_answers_nothing(catalog: Catalog, position: int) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        await screen.go_to_question(position)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.answers(screen.quiz.id) == []
        assert screen.quiz.session.position == position
        assert any("Hãy chọn một đáp án" in str(n.message) for n in app._notifications)
        await pilot.press("down", "enter")  # the arrow chooses the first: now Enter answers
        await pilot.pause()
        assert [row.position for row in app.store.answers(screen.quiz.id)] == [position]


async def test_enter_with_nothing_matched_answers_nothing(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    position = [item.question.type for item in paper.items].index("match")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        await screen.go_to_question(position)
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.answers(screen.quiz.id) == []  # issue 14.13: no empty answer
        assert screen.quiz.session.position == position
        assert any("Hãy ghép ít nhất một dòng" in str(n.message) for n in app._notifications)
        await pilot.press("a", "enter")  # one row matched: now Enter answers
        await pilot.pause()
        assert [row.position for row in app.store.answers(screen.quiz.id)] == [position]


async def test_a_word_for_a_number_is_asked_again_not_marked_wrong(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    number = [item.question.type for item in paper.items].index("number")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.PRACTICE)
        await screen.go_to_question(number)
        await pilot.press(*"bốn", "enter")
        await pilot.pause()
        assert app.store.answers(screen.quiz.id) == []
        assert any("chữ số" in str(n.message) for n in app._notifications)
        assert screen.feedback is None


async def test_the_last_minute_is_announced(catalog: Catalog) -> None:
    clock = Clock()
    app = build_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, one_of_each_type(catalog), Mode.TEST,
                             time_limit=timedelta(minutes=5))
        status = screen.query_one("#quiz-status", Static)
        assert str(status.content).startswith("còn 05:00 · Câu 1/7")  # the time first
        clock.advance(minutes=4, seconds=10)
        screen.check_clock()
        await pilot.pause()
        assert status.has_class("-hurry")
        assert any("Còn 00:50 nữa là hết giờ." in str(n.message) for n in app._notifications)
