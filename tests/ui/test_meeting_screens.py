"""Issue 14: the meeting's screens as a secretary and the members meet them."""

from __future__ import annotations

from datetime import date

from textual.widgets import Input

from studyapp.quiz.plan import SessionSettings
from studyapp.store.models import AttendanceStatus
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.attendance import AttendanceScreen
from studyapp.ui.screens.sessions import OpenSessionScreen
from studyapp.ui.screens.turns import TurnsScreen
from studyapp.ui.widgets.lesson_tree import LessonPicker
from tests.ui.conftest import build_app
from tests.ui.test_sessions import NAMES, roster


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
