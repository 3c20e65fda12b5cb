"""Issue 14: the meeting's screens as a secretary and the members meet them."""

from __future__ import annotations

import asyncio
import string
from datetime import date
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from studyapp.quiz.plan import SessionSettings
from studyapp.quiz.session import Mode
from studyapp.store.models import AttendanceStatus, Learner
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.attendance import AttendanceScreen
from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.palette import PaletteScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.sessions import OpenSessionScreen
from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen
from studyapp.ui.widgets.lesson_tree import LessonPicker
from tests.conftest import Clock
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start
from tests.ui.test_sessions import (
    NAMES,
    PIN,
    answer_all,
    open_turns,
    pick,
    roster,
    screen_text,
)


def open_session(app, names: list[str] = NAMES[:3]) -> tuple[str, str]:  # type: ignore[no-untyped-def]
    cell_id, _ = roster(app, names)
    session = app.store.open_session(cell_id, date(2026, 11, 26), topic="Họp", pack_id="",
                                     lessons=[], settings=SessionSettings(count=2).to_data(),
                                     seed=1)
    return cell_id, session.id


async def test_finishing_attendance_with_someone_unmarked_and_v() -> None:
    """Item 22: `v` in “someone is not marked” ended the program (DuplicateIds)."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, session_id = open_session(app)
        app.sessions.edit_attendance(session_id)
        await pilot.pause()
        await pilot.press("c", "enter")  # An present, Bình and Cường not marked
        await pilot.pause()
        assert app.screen.id == "unmarked-dialog"
        await pilot.press("v")
        await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, TurnsScreen)
        marks = {row.member.full_name: row.attendance
                 for row in app.sessions._report(session_id).rows}
        assert marks == {NAMES[0]: AttendanceStatus.PRESENT, NAMES[1]: AttendanceStatus.ABSENT,
                         NAMES[2]: AttendanceStatus.ABSENT}


async def test_the_open_session_form_starts_on_the_lessons() -> None:
    """Item 14: the heading says “Space: chọn/bỏ”; Space used to wipe the date."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        roster(app, NAMES[:1])
        await pilot.press("s", "m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OpenSessionScreen)
        picker = form.query_one(LessonPicker)
        assert app.focused is picker
        before = set(picker.checked)
        await pilot.press("space")
        await pilot.pause()
        assert form.query_one("#open-date", Input).value == "26/11/2026"
        assert picker.checked != before  # Space did what the heading says


async def test_a_note_right_after_a_mark_is_for_the_member_just_marked() -> None:
    """Item 15: “p” then “g” wrote the reason on the next person."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        _, session_id = open_session(app)
        app.sessions.edit_attendance(session_id)
        await pilot.pause()
        await pilot.press("c", "p", "g")  # An present; Bình excused, and why
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert NAMES[1] in dialog._title
        await pilot.press(*"ốm", "enter")
        await pilot.pause()
        attendance = app.screen
        assert isinstance(attendance, AttendanceScreen)
        notes = {row.member.full_name: row.note for row in attendance.report.rows}
        assert notes == {NAMES[0]: "", NAMES[1]: "ốm", NAMES[2]: ""}
        assert attendance.current is not None
        assert attendance.current.member.full_name == NAMES[2]  # marking goes on from here
        # Moved by hand, `g` is for the highlighted member again.
        await pilot.press("up", "up", "g")
        await pilot.pause()
        assert NAMES[0] in app.screen._title  # type: ignore[attr-defined]


ALLOWED_OVER_TURNS = (ChoiceDialog, FormDialog, HelpScreen, PaletteScreen)
EVERY_KEY = [*string.ascii_lowercase, *string.ascii_uppercase, *string.digits,
             "space", "enter", "escape", "tab", "up", "down", "home", "end", "pageup",
             "pagedown", "backspace", "delete", "left", "right", "question_mark", "slash",
             "full_stop", "comma", "minus", "plus", "ctrl+p", "ctrl+s", "ctrl+g", "ctrl+a",
             "ctrl+e", "ctrl+x", "ctrl+o", "ctrl+l", "ctrl+c"]


async def a_finished_turn(app: StudyApp, pilot: Pilot[None]) -> tuple[str, Learner | None]:
    """A PIN cell's open session: An has finished (every answer right), the
    laptop is handed on; the turns screen is up. An's score as shown to him."""
    await open_turns(app, pilot)
    await pick(pilot, NAMES[0])
    await answer_all(pilot, right=True)
    assert isinstance(app.screen, HandoverScreen)
    assert "10,0/10" in screen_text(app)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, TurnsScreen)
    return "10,0", app.learner


def assert_nothing_of_an(app: StudyApp, score: str, learner: Learner | None) -> None:
    stack = app.screen_stack
    turns = next(i for i, screen in enumerate(stack) if isinstance(screen, TurnsScreen))
    above = stack[turns + 1:]
    assert all(isinstance(screen, ALLOWED_OVER_TURNS) for screen in above), above
    assert all(screen.id == "pin-dialog" for screen in above if isinstance(screen, FormDialog))
    assert app.learner == learner
    assert score not in screen_text(app), type(app.screen).__name__


async def back_to_turns(app: StudyApp, pilot: Pilot[None]) -> None:
    while not isinstance(app.screen, TurnsScreen):
        app.pop_screen()
        await pilot.pause()


async def test_from_the_turns_screen_no_key_and_no_command_shows_another_result() -> None:
    """Item 4: Ctrl+P → “Đổi người học” → An → Ctrl+P → “Kết quả của tôi”
    showed An's score to the next member, with no PIN."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        score, learner = await a_finished_turn(app, pilot)
        for key in EVERY_KEY:
            await pilot.press(key)
            await pilot.pause()
            assert app.is_running, key
            assert_nothing_of_an(app, score, learner)
            # and a second key on whatever the first opened (a dialog's own choice)
            await pilot.press("k" if key != "k" else "c")
            await pilot.pause()
            assert_nothing_of_an(app, score, learner)
            await back_to_turns(app, pilot)
        commands = app.palette_commands()
        titles = [command.title for command in commands]
        assert "Đổi người học" not in titles
        assert not any("Kết quả" in title for title in titles)
        for index in range(len(commands)):
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, PaletteScreen)
            await pilot.press(*["down"] * index, "enter")
            await pilot.pause()
            assert_nothing_of_an(app, score, learner)
            await back_to_turns(app, pilot)


def test_a_restart_returns_to_the_turns_behind_the_pin(tmp_path: Path) -> None:
    """Item 4: quitting and starting again landed on the home screen, its
    results and the learner's choice open to the next member."""
    db = tmp_path / "meeting.sqlite3"
    clock = Clock()

    async def quit_on_the_turns() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await a_finished_turn(app, pilot)
            await pilot.press("ctrl+q")
            await pilot.pause()
        assert not app.is_running

    async def started_again() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            assert app.screen.id == "pin-dialog"
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # the secretary's way out

    async def left_for_good() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)  # left with the PIN: not restored

    asyncio.run(quit_on_the_turns())
    asyncio.run(started_again())
    asyncio.run(left_for_good())


async def test_pausing_a_session_test_is_the_secretarys_decision() -> None:
    """Item 17 (and 24): a member's Esc stopped the clock; from the pause, `l`
    led to the turns and the palette's lessons and search, the clock stopped."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_turns(app, pilot)
        await pick(pilot, NAMES[0])
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        taken = quiz.quiz.session
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "pin-dialog"
        assert not taken.paused  # the clock runs while the PIN is asked
        await pilot.press("escape")  # no PIN: back to the test
        await pilot.pause()
        assert app.screen is quiz
        assert not taken.paused
        # The help, as `?` opens it (pressed on a typed answer, `?` would be typed).
        app.action_help()
        await pilot.pause()
        await pilot.press("ctrl+p")  # the palette, over the help: not during a session test
        await pilot.pause()
        assert not any(isinstance(s, PaletteScreen) for s in app.screen_stack)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert app.screen.id == "pause-dialog"
        assert taken.paused


async def test_ctrl_q_in_a_test_asks_first_and_in_a_session_test_needs_the_pin() -> None:
    """Item 26: Ctrl+Q in the middle of a test quit at once."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_turns(app, pilot)
        await pick(pilot, NAMES[0])
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        assert app.screen.id == "pin-dialog"
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is quiz
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert app.screen.id == "quit-dialog"
        assert "đã được lưu" in screen_text(app)
        await pilot.press("t")  # go on with the test
        await pilot.pause()
        assert app.screen is quiz
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_ctrl_q_in_a_self_study_test_asks_without_a_pin() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        await start(pilot, one_of_each_type(app.catalog), Mode.TEST)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.screen.id == "quit-dialog"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


def test_a_turn_cut_short_is_said_first_with_whose_it_is(tmp_path: Path) -> None:
    """Item 16: after a crash nothing told the secretary a turn was interrupted."""
    db = tmp_path / "crash.sqlite3"
    clock = Clock()

    async def cut_short() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_turns(app, pilot)
            await pick(pilot, NAMES[1])
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            await pilot.press(*keys_for(quiz.quiz.session.paper.items[0], right=True))
            await pilot.pause()
            app.exit()  # the battery dies

    async def started_again() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            turns = app.screen
            assert isinstance(turns, TurnsScreen)
            assert f"{NAMES[1]} đang làm dở bài kiểm tra" in screen_text(app)
            assert turns.current is not None
            assert turns.current.member.full_name == NAMES[1]
            await pilot.press("escape", *PIN, "enter")  # the secretary leaves the turns
            await pilot.pause()
            home = app.screen
            assert isinstance(home, HomeScreen)
            menu = home.query_one("#home-menu", OptionList)
            first = str(menu.get_option_at_index(0).prompt)
            assert first == f"{NAMES[1]} đang làm dở bài kiểm tra của buổi 26/11/2026 — làm tiếp"
            assert menu.highlighted == 0
            await pilot.press("enter")
            await pilot.pause()
            await pilot.pause()
            assert app.screen.id == "who-dialog"
            assert NAMES[1] in screen_text(app)
            await pilot.press("c")
            await pilot.pause()
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            assert set(quiz.quiz.session.responses) == {0}

    asyncio.run(cut_short())
    asyncio.run(started_again())


async def test_the_unfinished_quiz_dialog_names_whose_quiz_it_is() -> None:
    """Item 16: on a shared laptop “Bạn còn một bài…” spoke to whoever sat there."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        learner = member(app, "Lê Thị Mai")
        await start(pilot, one_of_each_type(app.catalog), Mode.TEST)
        app.pop_screen()  # left unfinished
        await pilot.pause()
        app.quizzes.offer_resume(again=True)
        await pilot.pause()
        assert app.screen.id == "resume-dialog"
        text = screen_text(app)
        assert f"{learner.name} còn một bài kiểm tra làm dở" in text
        assert "Bạn" not in text


async def test_changing_the_attendance_of_a_tested_member_needs_the_pin() -> None:
    """Item 25: a tested member could be marked absent with no PIN and no word."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await a_finished_turn(app, pilot)
        session_id = app.screen.report.session.id  # type: ignore[attr-defined]
        await pilot.press("e", *PIN, "enter")
        await pilot.pause()
        attendance = app.screen
        assert isinstance(attendance, AttendanceScreen)
        await pilot.press("home", "v")  # An, who has finished
        await pilot.pause()
        # The PIN given for `e` holds on the meeting's screens: not asked again.
        assert app.screen.id == "tested-dialog"
        assert "vẫn tính vào kết quả của buổi" in screen_text(app)
        await pilot.press("q")  # keep it
        await pilot.pause()

        def an() -> AttendanceStatus | None:
            return app.sessions._report(session_id).rows[0].attendance

        assert an() is AttendanceStatus.PRESENT
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert an() is AttendanceStatus.ABSENT
        await pilot.press("down", "c")  # Bình has not taken the test: no PIN asked
        await pilot.pause()
        assert app.screen is attendance


async def test_the_help_during_a_test_lists_only_keys_that_work_there() -> None:
    """Item 27: the help listed Ctrl+P, Tab, D/S and two meanings of Enter
    on a single-choice question of a test."""
    app = build_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        member(app)
        paper = one_of_each_type(app.catalog)
        quiz = await start(pilot, paper, Mode.TEST)
        single = next(i for i, item in enumerate(paper.items) if item.question.type == "single")
        await quiz.go_to_question(single)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = screen_text(app).splitlines()
        keys = [line.split()[0] for line in lines if line.strip()]
        assert "Ctrl+P" not in keys  # no palette during a quiz
        assert "Tab" not in keys
        assert not any(line.startswith("D, S") for line in lines)
        assert keys.count("Enter") == 1
        assert {"Ctrl+S", "Esc", "Ctrl+Q"} <= set(keys)
