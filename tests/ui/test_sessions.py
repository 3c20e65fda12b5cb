"""A cell meeting on the shared laptop: open, attendance, turns, handover, summary, close."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static, TabbedContent

from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.store.models import AttemptStatus, AttendanceStatus, Member
from studyapp.store.report import session_report
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.attendance import AttendanceScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.sessions import OpenSessionScreen, SessionsScreen
from studyapp.ui.screens.summary import ItemScreen, SummaryScreen
from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen
from studyapp.ui.widgets.key_bar import KeyBar
from tests.conftest import Clock
from tests.ui.conftest import build_app, keys_for

NAMES = ["Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Đỗ Văn Em"]
PIN = "246813"
WORKER = Path(__file__).with_name("session_worker.py")


def screen_text(app: StudyApp) -> str:
    """Every text on the screen: statics, list options, table cells, inputs."""
    screen = app.screen
    parts = [str(static.content) for static in screen.query(Static)]
    for listing in screen.query(OptionList):
        parts += [str(listing.get_option_at_index(i).prompt)
                  for i in range(listing.option_count)]
    for table in screen.query(DataTable):
        parts += [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
    parts += [field.value for field in screen.query(Input)]
    return "\n".join(parts)


def roster(app: StudyApp, names: list[str] = NAMES) -> tuple[str, list[Member]]:
    cell = app.store.ensure_cell("Chi bộ Khu phố 7")
    return cell.id, [app.store.add_member(cell.id, name) for name in names]


async def answer_all(pilot, right: bool = True) -> None:  # type: ignore[no-untyped-def]
    """Answer the open quiz's questions from where it stands, then hand in."""
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    session = screen.quiz.session
    for position in range(session.size):
        if position in session.responses:
            continue
        await screen.go_to_question(position)
        await pilot.press(*keys_for(session.paper.items[position], right=right))
        await pilot.pause()
    assert isinstance(pilot.app.screen, ChoiceDialog)  # the hand-in dialog
    await pilot.press("n")
    await pilot.pause()


async def pick(pilot, name: str) -> None:  # type: ignore[no-untyped-def]
    """On the turns screen: a member picks their name and confirms it."""
    turns = pilot.app.screen
    assert isinstance(turns, TurnsScreen)
    names = [row.member.full_name for row in turns.present]
    await pilot.press("home", *["down"] * names.index(name), "enter")
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()


def test_a_whole_meeting(tmp_path: Path) -> None:
    """Five members: one absent, one excused; one whose turn is cut short by a
    killed program and who resumes; one allowed a retake by the secretary
    (with the PIN). Then the summary, the most-missed question, and closing."""
    import asyncio  # noqa: PLC0415

    db = tmp_path / "meeting.sqlite3"
    clock = Clock()

    async def open_and_mark() -> str:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            cell_id, _ = roster(app)
            app.store.set_pin(cell_id, PIN)
            await pilot.press("s")  # Sinh hoạt chi bộ: the only cell's meetings
            await pilot.pause()
            assert isinstance(app.screen, SessionsScreen)
            await pilot.press("m")
            await pilot.pause()
            form = app.screen
            assert isinstance(form, OpenSessionScreen)
            assert form.query_one("#open-date", Input).value == "26/11/2026"  # today
            await pilot.press(*["tab"] * 4, "ctrl+a", "ctrl+k", "3")  # three questions
            await pilot.press("ctrl+s")
            await pilot.pause()
            attendance = app.screen
            assert isinstance(attendance, AttendanceScreen)
            # Roster order: An, Bình, Cường, Dung, Em.
            await pilot.press("c", "p", "v", "c", "c")
            await pilot.press("up", "up", "up", "g")  # a note for Bình
            await pilot.pause()
            await pilot.press(*"ốm", "enter")
            await pilot.pause()
            text = screen_text(app)
            assert "Có mặt 3/5 · vắng có phép 1 · vắng 1 · chưa điểm danh 0" in text
            assert "· ốm" in text
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            [session] = app.store.sessions(cell_id)
            assert SessionSettings.from_data(session.settings).count == 3
            return session.id

    session_id = asyncio.run(open_and_mark())

    # Dung's turn: the program is killed after her first answer.
    worker = subprocess.Popen([sys.executable, str(WORKER), str(db), session_id, "Phạm Thị Dung"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              env=dict(os.environ))
    assert worker.stdout is not None
    line = worker.stdout.readline()
    worker.send_signal(signal.SIGKILL)
    _, errors = worker.communicate(timeout=30)
    assert line.strip() == "ANSWERED 1", errors

    async def turns_summary_close() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            turns = app.screen  # the turns were up when the program died: back to them
            assert isinstance(turns, TurnsScreen)
            assert "đang làm dở" in screen_text(app)
            # Dung goes on where she stopped, her first answer kept.
            await pick(pilot, "Phạm Thị Dung")
            quiz = app.screen
            assert isinstance(quiz, QuizScreen)
            assert set(quiz.quiz.session.responses) == {0}
            assert quiz.quiz.session.position == 1
            await answer_all(pilot, right=True)
            handover = app.screen
            assert isinstance(handover, HandoverScreen)
            assert "Phạm Thị Dung đã nộp bài." in screen_text(app)
            assert "10,0/10" in screen_text(app)
            await pilot.press("enter")  # hand the laptop on
            await pilot.pause()
            assert app.screen is turns
            # Nothing of Dung's result is anywhere, nor reachable by going back.
            assert "10,0" not in screen_text(app)
            assert not any(isinstance(s, HandoverScreen | QuizScreen) for s in app.screen_stack)

            await pick(pilot, "Lê Văn An")
            await answer_all(pilot, right=False)
            await pilot.press("enter")
            await pilot.pause()
            # An may not start again by himself...
            await pilot.press("home", "enter")
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            assert any("đã làm xong" in str(n.message) for n in app._notifications)
            # ...but the secretary allows a retake, with the PIN.
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            await pilot.press("c")  # yes, a retake
            await pilot.pause()
            assert isinstance(app.screen, QuizScreen)
            await answer_all(pilot, right=True)
            await pilot.press("enter")
            await pilot.pause()

            await pick(pilot, "Đỗ Văn Em")
            await answer_all(pilot, right=False)
            await pilot.press("enter")
            await pilot.pause()
            assert "Đã làm xong 3/3" in screen_text(app)

            # The secretary's summary (PIN), then the most-missed question.
            await pilot.press("t")
            await pilot.pause()
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            figures = summary.report.figures
            assert figures.tested == 3
            assert figures.passed == 2  # Dung and An's retake; Em missed every question
            text = screen_text(app)
            assert "Đã làm bài 3/3 người có mặt (chi bộ 5 người)." in text
            assert "Tỉ lệ đạt 67% (2/3 người)" in text
            await pilot.press("2")
            await pilot.pause()
            assert "làm lại 1 lần" in screen_text(app)
            assert "(lần 2)" in screen_text(app)  # the retake marked by its score
            await pilot.press("3", "enter")
            await pilot.pause()
            item = app.screen
            assert isinstance(item, ItemScreen)
            assert item.stats is figures.items[0]
            assert "Đáp án đúng:" in screen_text(app)
            assert "Giải thích:" in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("d")
            await pilot.pause()
            # The PIN given for the summary still holds: no second ask.
            assert app.screen.id == "close-dialog"
            await pilot.press("d")  # yes, close it
            await pilot.pause()
            closed = app.screen
            assert isinstance(closed, SummaryScreen)
            assert closed.report.session.closed
            keys = str(closed.query_one(KeyBar).render())
            assert "Lịch sử người này" in keys  # the screen's own keys survive the switch
            assert "Quay lại" in keys
            assert "Đóng buổi" not in keys
            await pilot.press("escape")
            await pilot.pause()
            # The turns went with the session (restored at start, they were over home).
            assert isinstance(app.screen, HomeScreen)

        # The database holds it all.
        report = session_report(app.store, app.catalog, session_id)
        assert report.session.closed
        marks = {row.member.full_name: row.attendance for row in report.rows}
        assert marks == {"Lê Văn An": AttendanceStatus.PRESENT,
                         "Nguyễn Thị Bình": AttendanceStatus.EXCUSED,
                         "Trần Văn Cường": AttendanceStatus.ABSENT,
                         "Phạm Thị Dung": AttendanceStatus.PRESENT,
                         "Đỗ Văn Em": AttendanceStatus.PRESENT}
        attempts = app.store.attempts(session_id=session_id)
        assert len(attempts) == 4
        assert all(a.status is AttemptStatus.FINISHED for a in attempts)
        [retake] = [a for a in attempts if a.retake_of is not None]
        first = next(a for a in attempts if a.id == retake.retake_of)
        assert first.member_id == retake.member_id
        assert report.row(first.member_id or "").counted == retake
        assert retake.paper != first.paper  # a paper of its own

    asyncio.run(turns_summary_close())


async def test_wrong_pin_three_times_waits_a_minute() -> None:
    clock = Clock()
    app = build_app(clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell_id, members = roster(app, NAMES[:2])
        app.store.set_pin(cell_id, PIN)
        session = app.store.open_session(cell_id, date(2026, 11, 26), topic="Họp",
                                          pack_id="", lessons=[],
                                          settings=SessionSettings(count=2).to_data(), seed=1)
        app.store.set_attendance(session.id, members[0].id, AttendanceStatus.PRESENT)
        app.sessions.open_session(session.id)
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        for attempt in range(3):
            assert isinstance(app.screen, FormDialog)
            await pilot.press("ctrl+u", *"0000", "enter")
            await pilot.pause()
            if attempt < 2:
                assert "Mã PIN không đúng" in screen_text(app) or "không đúng" in screen_text(app)
        assert isinstance(app.screen, TurnsScreen)  # the dialog closed after the third
        assert any("Đã nhập sai mã PIN 3 lần" in str(n.message) for n in app._notifications)
        await pilot.press("t")  # still locked: not even asked
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        clock.advance(seconds=61)
        await pilot.press("t")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_names_with_brackets_escapes_or_300_letters_and_twins() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell_id, _ = roster(app, ["Nguyễn Văn An"])
        session = app.store.open_session(cell_id, date(2026, 11, 26), topic="Họp", pack_id="",
                                          lessons=[], settings=SessionSettings().to_data(),
                                          seed=1)
        app.sessions.edit_attendance(session.id)
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)

        async def add(name: str) -> None:
            await pilot.press("a")
            await pilot.pause()
            app.screen.query_one("#field-name", Input).value = name
            await pilot.press("enter")
            await pilot.pause()

        await add("Trần [b]Văn[/b] [@click=app.quit]Bảo\x1b[31m")
        assert isinstance(app.screen, AttendanceScreen)
        assert "Trần [b]Văn[/b] [@click=app.quit]Bảo" in screen_text(app)  # as typed
        await add("Lê " + "Văn " * 75 + "Dài")  # 300 letters and more
        assert isinstance(app.screen, FormDialog)
        assert "tối đa 100" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        # A second Nguyễn Văn An: refused, and the same form asks for the note that
        # tells the two apart; saved again without one, still refused.
        await add("Nguyễn Văn An")
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert "ghi chú phân biệt" in screen_text(app)
        note = dialog.query_one("#field-note", Input)
        assert note.display
        assert note.has_focus
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog
        note.value = "(sinh 1985)\x1b[31m"  # parentheses and an escape code: cleaned
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        text = screen_text(app)
        twins = [line for line in text.splitlines() if line.startswith("Nguyễn Văn An (")]
        assert len(twins) == 2
        assert any(line.startswith("Nguyễn Văn An (sinh 1985)") for line in twins)
        # The one added before notes keeps a code, so the two lines still differ.
        assert any(line.startswith("Nguyễn Văn An (mã ") for line in twins)
        assert "\x1b" not in text
        assert app.is_running


async def test_a_session_with_an_empty_roster() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # no cell yet: its name first
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Chi bộ mới", "enter")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert "Danh sách chi bộ còn trống" in screen_text(app)
        await pilot.press("enter")  # on to the test with nobody: refused
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)
        assert any("Chưa có ai có mặt" in str(n.message) for n in app._notifications)


async def test_a_closed_session_cannot_be_changed_from_any_screen() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell_id, members = roster(app, NAMES[:2])
        session = app.store.open_session(cell_id, date(2026, 11, 20), topic="Họp", pack_id="",
                                          lessons=[], settings=SessionSettings().to_data(),
                                          seed=1)
        app.store.set_attendance(session.id, members[0].id, AttendanceStatus.PRESENT)
        app.store.close_session(session.id)
        before = app.store.attendance(session.id)
        await pilot.press("s", "enter")  # the closed session: its summary, read only
        await pilot.pause()
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        assert "đã đóng" in screen_text(app)
        for key in ("d", "e", "r", "c", "a", "enter", "1", "2", "3"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, AttendanceScreen | TurnsScreen | QuizScreen)
            while not isinstance(app.screen, SummaryScreen | ItemScreen):
                await pilot.press("escape")
                await pilot.pause()
            if isinstance(app.screen, ItemScreen):
                await pilot.press("escape")
                await pilot.pause()
        # Asked directly, the flow refuses too.
        app.sessions.edit_attendance(session.id)
        app.sessions.take_turn(session.id, members[1])
        await pilot.pause()
        assert not isinstance(app.screen, AttendanceScreen | QuizScreen)
        assert app.store.attendance(session.id) == before
        assert app.store.attempts(session_id=session.id) == []
        assert summary.query_one(TabbedContent).active in ("figures", "members", "questions")


async def test_after_a_handover_nothing_of_the_previous_member_can_be_seen() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell_id, members = roster(app, NAMES[:3])
        app.store.set_pin(cell_id, PIN)
        settings = SessionSettings(count=3)
        # A seed whose paper asks a typed answer: what An types must not show again.
        seed = next(seed for seed in range(100) if any(
            item.question.type == "fill" for item in
            session_paper(app.catalog, [], settings, seed, members[0].id).items))
        session = app.store.open_session(
            cell_id, date(2026, 11, 26), topic="Họp", pack_id="", lessons=[],
            settings=settings.to_data(), seed=seed)
        for member in members:
            app.store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        await pilot.press("s", "enter")
        await pilot.pause()
        await pick(pilot, NAMES[0])
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        secret = "câu trả lời riêng của An"
        for position, item in enumerate(quiz.quiz.session.paper.items):
            await quiz.go_to_question(position)
            if item.question.type in ("fill", "number"):
                app.screen.query_one(Input).value = secret if item.question.type == "fill" \
                    else "12345"
                await pilot.press("enter")
            else:
                await pilot.press(*keys_for(item, right=position == 0))
            await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        handover = app.screen
        assert isinstance(handover, HandoverScreen)
        score = next(line for line in screen_text(app).splitlines() if "Điểm:" in line)
        shown_score = score.split("Điểm:")[1].split()[0]  # e.g. "3,3/10"
        await pilot.press("enter")
        await pilot.pause()

        def nothing_of_an() -> None:
            text = screen_text(app)
            assert shown_score not in text, type(app.screen).__name__
            assert secret not in text
            assert "12345" not in text
            assert not any(isinstance(s, HandoverScreen) for s in app.screen_stack)

        nothing_of_an()
        # Every key a member could press, back and forth: nothing of An's comes back.
        for keys in (["escape"], ["enter"], ["e"], ["escape"], ["home", "r"], ["escape"],
                     ["t"], ["escape"], ["question_mark"], ["escape"]):
            await pilot.press(*keys)
            await pilot.pause()
            nothing_of_an()
        assert isinstance(app.screen, TurnsScreen)
        # The next member's paper (the same paper: one for everyone) starts blank.
        await pick(pilot, NAMES[1])
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert quiz.quiz.session.responses == {}
        for position in range(quiz.quiz.session.size):
            await quiz.go_to_question(position)
            await pilot.pause()
            nothing_of_an()


async def test_the_pin_is_offered_when_opening_and_guards_the_way_out() -> None:
    """A cell without a PIN is offered one when a session opens; from then on
    leaving the turns list (towards everyone's results) asks for it, and a
    member's own test of the open session cannot be reviewed (its answers
    wait for the summary)."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        cell_id, members = roster(app)
        await pilot.press("s", "m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OpenSessionScreen)
        form.query_one("#open-pin", Input).value = "12"
        await pilot.pause()
        assert "ít nhất 6 chữ số" in str(form.query_one("#open-summary", Static).content)
        form.query_one("#open-pin", Input).value = PIN
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.store.cell(cell_id).has_pin
        assert isinstance(app.screen, AttendanceScreen)
        await pilot.press(*"c" * len(members), "enter")
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        await pick(pilot, "Lê Văn An")
        await answer_all(pilot)
        assert isinstance(app.screen, HandoverScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # the PIN, not the way out
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        # Even with the PIN given, An's test of this open session shows no answers yet.
        [attempt] = app.store.attempts(member_id=members[0].id)
        app.quizzes.review_attempt(attempt.id)
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        assert any("khi tổng kết" in str(n.message) for n in app._notifications)


def meeting(app: StudyApp, names: list[str], *, pin: str | None = PIN) -> str:
    """An open session of a cell with `pin`, every one of `names` present; its id."""
    cell_id, members = roster(app, names)
    if pin:
        app.store.set_pin(cell_id, pin)
    session = app.store.open_session(cell_id, date(2026, 11, 26), topic="Họp", pack_id="",
                                     lessons=[], settings=SessionSettings(count=2).to_data(),
                                     seed=1)
    for member in members:
        app.store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    return session.id


async def open_turns(app: StudyApp, pilot, db_pin: bool = True) -> str:  # type: ignore[no-untyped-def]
    """A PIN-protected cell's open session with two present members, on its turns screen."""
    existing = app.store.cell_by_name("Chi bộ Khu phố 7")
    sessions = app.store.sessions(existing.id) if existing is not None else []
    session = sessions[0] if sessions else app.store.session(
        meeting(app, NAMES[:2], pin=PIN if db_pin else None))
    cell_id = session.cell_id
    app.sessions.open_session(session.id)
    await pilot.pause()
    assert isinstance(app.screen, TurnsScreen)
    return cell_id


async def test_editing_attendance_on_the_turns_screen_needs_the_pin() -> None:
    """Issue 21 item 10: the next member must not mark the previous one absent."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_turns(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        assert app.screen.id == "pin-dialog"
        await pilot.press(*"000000", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # wrong: still asked
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        await pilot.press("e")
        await pilot.pause()
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert isinstance(app.screen, AttendanceScreen)


def test_the_pin_lock_survives_quitting_the_program(tmp_path: Path) -> None:
    """Issue 21 item 8: three wrong PINs, Ctrl+Q, start again: still locked."""
    import asyncio  # noqa: PLC0415

    db = tmp_path / "lock.sqlite3"
    clock = Clock()

    async def three_wrong() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_turns(app, pilot)
            await pilot.press("t")
            await pilot.pause()
            for _ in range(3):
                await pilot.press("ctrl+u", *"000000", "enter")
                await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            await pilot.press("ctrl+q")

    async def still_locked() -> None:
        app = build_app(db=db, clock=clock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await open_turns(app, pilot)
            await pilot.press("t")
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)  # not even asked
            assert any("Đã nhập sai mã PIN 3 lần" in str(n.message) for n in app._notifications)
            clock.advance(seconds=61)
            await pilot.press("t")
            await pilot.pause()
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)

    asyncio.run(three_wrong())
    asyncio.run(still_locked())


async def test_a_session_date_with_a_three_digit_year_is_refused() -> None:
    """Issue 21 item 19: "02/12/202" was the year 202, listed last."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        roster(app, NAMES[:1])
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("m")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, OpenSessionScreen)
        form.query_one("#open-date", Input).value = "02/12/202"
        await pilot.pause()
        summary = str(form.query_one("#open-summary", Static).content)
        assert "ngày/tháng/năm" in summary
        assert "2000 đến 2100" in summary
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form  # not opened
        assert app.store.sessions() == []
