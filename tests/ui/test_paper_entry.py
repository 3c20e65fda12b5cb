"""Entering papers answered on paper, from the turns screen: pick, type, review, save, correct."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList

from studyapp.quiz.scoring import correct_response
from studyapp.store.models import AttendanceStatus
from studyapp.store.papers import session_papers
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.paper_flow import line_text
from studyapp.ui.screens.paper_entry import PaperEntryScreen, PaperPickScreen, PaperReviewScreen
from studyapp.ui.screens.summary import SummaryScreen
from studyapp.ui.screens.turns import TurnsScreen
from studyapp.ui.widgets.entry_sheet import EntrySheet
from tests.conftest import Clock
from tests.ui.conftest import build_app

NAMES = ["Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường"]
PIN = "246813"


def meeting(app: StudyApp, *, pin: str | None = None, count: int = 8,
            variants: bool = True) -> str:
    """An open session, everyone present, nobody tested yet; its id."""
    store = app.store
    cell = store.ensure_cell("Chi bộ Khu phố 7")
    members = [store.add_member(cell.id, name) for name in NAMES]
    session = store.open_session(cell.id, date(2026, 11, 26), topic="Học tập",
                                 pack_id=app.catalog.packs[0].id, lessons=[],
                                 settings={"count": count, "variants": variants}, seed=11)
    for member in members:
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    if pin:
        store.set_pin(cell.id, pin)
    return session.id


def right_lines(app: StudyApp, session_id: str, name: str) -> list[str]:
    """What each line holds for a paper all right (as the secretary types it)."""
    paper = next(p for p in session_papers(app.store, app.catalog, session_id)
                 if p.member.full_name == name).paper
    return [line_text(item, correct_response(item.question)) for item in paper.items]


async def to_turns(pilot: Pilot[None], session_id: str) -> TurnsScreen:
    app = pilot.app
    assert isinstance(app, StudyApp)
    app.sessions.open_session(session_id)
    await pilot.pause()
    assert isinstance(app.screen, TurnsScreen)
    return app.screen


async def type_lines(pilot: Pilot[None], lines: list[str]) -> None:
    """Each line's answer, then Enter unless the line moves on by itself."""
    screen = pilot.app.screen
    assert isinstance(screen, PaperEntryScreen)
    sheet = screen.sheet
    for index, text in enumerate(lines):
        assert sheet.current == index
        await pilot.press(*text)
        if sheet.current == index:
            await pilot.press("enter")
    await pilot.pause()


async def to_first_paper(pilot: Pilot[None], app: StudyApp
                         ) -> tuple[str, object, PaperEntryScreen]:
    """A meeting on the turns screen, `n`, then Enter on the first paper (An's): the
    session, the list of papers and the entry screen."""
    await pilot.pause()
    session_id = meeting(app)
    await to_turns(pilot, session_id)
    await pilot.press("n")
    await pilot.pause()
    pick = app.screen
    await pilot.press("enter")  # An
    await pilot.pause()
    entry = app.screen
    assert isinstance(entry, PaperEntryScreen)
    return session_id, pick, entry


def attempts(app: StudyApp, session_id: str, name: str) -> list[dict[str, object]]:
    member = next(m for m in app.store.members() if m.full_name == name)
    return [a.settings for a in app.store.attempts(member_id=member.id, session_id=session_id)]


def test_enter_a_paper_review_then_save(tmp_path: Path) -> None:
    import asyncio  # noqa: PLC0415

    async def run() -> None:
        app = build_app(db=tmp_path / "giay.sqlite3", clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session_id = meeting(app)
            await to_turns(pilot, session_id)
            await pilot.press("n")
            await pilot.pause()
            pick = app.screen
            assert isinstance(pick, PaperPickScreen)
            assert [c.state for c in pick.choices] == ["todo"] * 3
            await pilot.press("enter")  # the first still to enter: An
            await pilot.pause()
            entry = app.screen
            assert isinstance(entry, PaperEntryScreen)
            assert entry.choice.label == "Lê Văn An"
            await type_lines(pilot, right_lines(app, session_id, "Lê Văn An"))
            review = app.screen
            assert isinstance(review, PaperReviewScreen)
            assert "8/8 câu có trả lời · điểm 10" in review.review.summary
            assert attempts(app, session_id, "Lê Văn An") == []  # nothing saved before Enter
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is pick
            [settings] = attempts(app, session_id, "Lê Văn An")
            assert settings["via"] == "paper"
            assert [c.state for c in pick.choices] == ["entered", "todo", "todo"]
            # The next one to enter is highlighted: Bình's paper is one Enter away.
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, PaperEntryScreen)
            assert app.screen.choice.label == "Nguyễn Thị Bình"
            await pilot.press("escape")  # left without saving: Bình is still the next
            await pilot.pause()
            assert app.screen is pick
            listing = pick.query_one("#pick-list", OptionList)
            assert listing.highlighted_option is not None
            assert listing.highlighted_option.id == pick.choices[1].member_id
            assert attempts(app, session_id, "Nguyễn Thị Bình") == []
            await pilot.press("escape")
            await pilot.pause()
            turns = app.screen
            assert isinstance(turns, TurnsScreen)
            done = {row.member.full_name for row in turns.report.rows if row.counted}
            assert done == {"Lê Văn An"}
            # The summary counts the paper as any other test, and says how it was taken.
            from studyapp.store.report import session_report  # noqa: PLC0415

            report = session_report(app.store, app.catalog, session_id)
            assert report.figures.tested == 1
            assert report.figures.items  # its questions are in the item analysis
            await pilot.press("t", "2")
            await pilot.pause()
            summary = app.screen
            assert isinstance(summary, SummaryScreen)
            table = summary.query_one("#summary-members", DataTable)
            cells = [str(cell) for cell in table.get_row_at(0)]
            assert cells[0] == "Lê Văn An"
            assert "10,0" in cells
            assert "trên giấy" in cells

    asyncio.run(run())


def test_a_letter_then_enter_on_every_line_enters_the_paper_as_written(tmp_path: Path) -> None:
    """Found walking a meeting: a letter moves on to the next line by itself, and a
    secretary who then pressed Enter (as the hint reads) skipped that next line, so
    every answer after it landed one question early. Enter right after a letter
    moved on is taken as confirming that letter."""
    import asyncio  # noqa: PLC0415

    async def run() -> None:
        app = build_app(db=tmp_path / "giay.sqlite3", clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            session_id, _pick, entry = await to_first_paper(pilot, app)
            lines = right_lines(app, session_id, "Lê Văn An")
            for text in lines:
                await pilot.press(*text, "enter")  # a letter line moves on; Enter anyway
            await pilot.pause()
            assert [line.value.upper() for line in entry.sheet.lines] == \
                [text.upper() for text in lines]
            review = app.screen
            assert isinstance(review, PaperReviewScreen)
            assert "8/8 câu có trả lời · điểm 10" in review.review.summary

    asyncio.run(run())


def test_esc_with_answers_typed_asks_before_dropping_them(tmp_path: Path) -> None:
    import asyncio  # noqa: PLC0415

    async def run() -> None:
        app = build_app(db=tmp_path / "giay.sqlite3", clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            session_id, pick, entry = await to_first_paper(pilot, app)
            first = right_lines(app, session_id, "Lê Văn An")[0]
            await pilot.press(*first, "escape")
            await pilot.pause()
            assert app.screen.id == "paper-leave"
            await pilot.press("n")  # keep entering: nothing typed is lost
            await pilot.pause()
            assert app.screen is entry
            assert entry.sheet.values[0].upper() == first.upper()
            await pilot.press("escape", "b")
            await pilot.pause()
            assert app.screen is pick
            assert attempts(app, session_id, "Lê Văn An") == []

    asyncio.run(run())


def test_a_bad_answer_is_shown_where_it_is_and_nothing_is_saved(tmp_path: Path) -> None:
    import asyncio  # noqa: PLC0415

    async def run() -> None:
        app = build_app(db=tmp_path / "giay.sqlite3", clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session_id = meeting(app)
            await to_turns(pilot, session_id)
            await pilot.press("n")
            await pilot.pause()
            await pilot.press(*"cuong", "enter")  # found by name, without diacritics
            await pilot.pause()
            entry = app.screen
            assert isinstance(entry, PaperEntryScreen)
            assert entry.choice.label == "Trần Văn Cường"
            sheet = entry.query_one(EntrySheet)
            lines = right_lines(app, session_id, "Trần Văn Cường")
            choice = next(i for i, line in enumerate(sheet.lines) if line.label.startswith(
                ("1 lựa chọn", "nhiều lựa chọn")))
            sheet.go_to(choice)
            await pilot.press("z")  # not a choice of this question
            await pilot.pause()
            problem = sheet.lines[choice].problem
            assert problem is not None
            assert "Z không phải một phương án của câu này (A–" in problem
            assert sheet.current == choice  # a bad letter does not move on
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert app.screen is entry  # no review with problems
            status = str(entry.query_one("#entry-status").content)
            assert "Chưa lưu" in status
            assert f"câu {choice + 1} (Z)" in status
            assert "chưa nhập câu" in status
            assert "\x1b" not in status
            await pilot.press("backspace", *lines[choice])
            await pilot.pause()
            assert sheet.lines[choice].problem is None
            assert attempts(app, session_id, "Trần Văn Cường") == []

    asyncio.run(run())


def test_a_correction_needs_the_pin(tmp_path: Path) -> None:
    import asyncio  # noqa: PLC0415

    async def run() -> None:
        app = build_app(db=tmp_path / "giay.sqlite3", clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            session_id = meeting(app, pin=PIN, count=4)
            await to_turns(pilot, session_id)
            await pilot.press("n")
            await pilot.pause()
            assert isinstance(app.screen, FormDialog)  # the secretary's PIN first
            # Held for the meeting, the PIN would not be asked for the correction:
            # a short idle time, waited out below, makes it asked again.
            app.sessions.meeting_pin.idle_seconds = 2.0
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            assert isinstance(app.screen, PaperPickScreen)
            await pilot.press("enter")
            await pilot.pause()
            await type_lines(pilot, ["-"] * 4)  # all left blank
            await pilot.press("enter")
            await pilot.pause()
            [first] = attempts(app, session_id, "Lê Văn An")
            await pilot.press("up")  # back to An, above Bình (the next to enter)
            await pilot.press("enter")
            await pilot.pause()
            entry = app.screen
            assert isinstance(entry, PaperEntryScreen)
            assert entry.choice.state == "entered"
            assert entry.sheet.values == ["-"] * 4  # the entry as it was
            for _ in range(4):
                await pilot.press("up")
            for text in right_lines(app, session_id, "Lê Văn An"):
                await pilot.press("ctrl+u", *text)
                if entry.sheet.lines[entry.sheet.current].value == text and \
                        not entry.sheet.lines[entry.sheet.current].one_character:
                    await pilot.press("down")
            await pilot.press("ctrl+s")
            await pilot.pause()
            review = app.screen
            assert isinstance(review, PaperReviewScreen)
            assert review.review.correction
            await pilot.pause(3.0)  # the secretary away: the PIN is no longer held
            await pilot.press("enter")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            assert dialog.id == "pin-dialog"
            await pilot.press(*"1111", "enter")  # wrong
            await pilot.pause()
            assert app.screen is dialog
            await pilot.press("escape")
            await pilot.pause()
            assert attempts(app, session_id, "Lê Văn An") == [first]  # unchanged
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            assert isinstance(app.screen, PaperPickScreen)
            [corrected] = attempts(app, session_id, "Lê Văn An")
            assert len(corrected["corrections"]) == 1  # type: ignore[arg-type]
            attempt = next(a for a in app.store.attempts(session_id=session_id))
            assert attempt.score == 10

    asyncio.run(run())


def test_snapshot_of_a_paper_being_entered(snap_compare: Any) -> None:
    """At 80×24: the lines typed so far, one of them wrong and said so."""

    async def run(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, StudyApp)
        await pilot.pause()
        session_id = meeting(app, count=10, variants=False)  # one paper, one code: stable
        await to_turns(pilot, session_id)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        lines = right_lines(app, session_id, "Lê Văn An")
        screen = app.screen
        assert isinstance(screen, PaperEntryScreen)
        for text in lines[:3]:
            await pilot.press("ctrl+u", *text)
            if screen.sheet.current < 3 and screen.sheet.lines[screen.sheet.current].value:
                await pilot.press("enter")
        single = next(i for i, line in enumerate(screen.sheet.lines)
                      if line.label.startswith("1 lựa chọn"))
        screen.sheet.go_to(single)
        await pilot.press("z")  # not a choice: said on its line, and in full below
        await pilot.pause()

    assert snap_compare(build_app(clock=Clock()), terminal_size=(80, 24), run_before=run)


def test_snapshot_of_the_review_before_saving(snap_compare: Any) -> None:
    """At 80×24: the whole paper as read (letters as circled, then what they mean), its score."""

    async def run(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, StudyApp)
        await pilot.pause()
        session_id = meeting(app, count=6, variants=False)
        await to_turns(pilot, session_id)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await type_lines(pilot, right_lines(app, session_id, "Lê Văn An"))
        assert isinstance(app.screen, PaperReviewScreen)

    assert snap_compare(build_app(clock=Clock()), terminal_size=(80, 24), run_before=run)
