"""Namesakes told apart on screen by their note (issue 14 item 6): the learner
picker, the turns, the retake dialog and the summary show two different lines."""

from __future__ import annotations

from datetime import date

from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.session import Mode
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttendanceStatus, Member
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.learner import LearnerScreen
from studyapp.ui.screens.summary import SummaryScreen
from studyapp.ui.screens.turns import TurnsScreen
from tests.ui.conftest import build_app
from tests.ui.test_sessions import screen_text

SENIOR, JUNIOR = "Nguyễn Văn An (sinh 1960)", "Nguyễn Văn An (con)"


def twins(app: StudyApp) -> tuple[str, list[Member]]:
    cell = app.store.ensure_cell("Chi bộ Khu phố 1")
    return cell.id, [app.store.add_member(cell.id, "Nguyễn Văn An", note="sinh 1960"),
                     app.store.add_member(cell.id, "Nguyễn Văn An", note="[con]"),
                     app.store.add_member(cell.id, "Trần Thị Bình")]


async def test_the_picker_shows_two_lines_that_differ() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        twins(app)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LearnerScreen)
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert lines.count(SENIOR) == 1
        assert lines.count(JUNIOR) == 1
        assert "Nguyễn Văn An" not in lines  # never a bare name that could be either
        await pilot.press(*"con")  # the note is searched like the name
        await pilot.pause()
        lines = [line.strip() for line in screen_text(app).splitlines()]
        assert JUNIOR in lines
        assert SENIOR not in lines
        await pilot.press("enter")
        await pilot.pause()
        assert app.learner is not None
        assert app.learner.name == JUNIOR  # the home screen names the learner so too


async def test_turns_retake_dialog_and_summary_name_each_twin_with_the_note() -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cell_id, members = twins(app)
        settings = SessionSettings(count=2)
        session = app.store.open_session(cell_id, date(2026, 11, 26), topic="Họp", pack_id="",
                                         lessons=[], settings=settings.to_data(), seed=1)
        for member in members:
            app.store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        # The senior An took his test already.
        senior = members[0]
        paper = session_paper(app.catalog, [], settings, session.seed, senior.id)
        quiz = RecordedQuiz.start(app.store, paper, Mode.TEST, app.store.learner(senior),
                                  session_id=session.id, time_limit=None, clock=app.store.clock)
        for position, item in enumerate(paper.items):
            quiz.answer(position, correct_response(item.question))
        quiz.finish()
        app.sessions.open_session(session.id)
        await pilot.pause()
        turns = app.screen
        assert isinstance(turns, TurnsScreen)
        text = screen_text(app)
        assert SENIOR in text
        assert JUNIOR in text
        ids = [row.member.id for row in turns.present]
        await pilot.press("home", *["down"] * ids.index(senior.id), "r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert SENIOR in screen_text(app)  # whose retake it is, unmistakably
        assert JUNIOR not in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        app.sessions.open_summary(session.id)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("2")  # the members' tab
        await pilot.pause()
        text = screen_text(app)
        assert SENIOR in text
        assert JUNIOR in text
