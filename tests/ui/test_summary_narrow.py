"""Issue 14 item 18: at 80 columns the summary cut the note column to a letter
and showed five question beginnings alike: all of each is shown, wrapped."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, OptionList

from studyapp.quiz.describe import as_written
from studyapp.store.models import AttendanceStatus
from studyapp.text import collapse_whitespace
from studyapp.ui.app import StudyApp
from studyapp.ui.screens.summary import ITEM_HEAD, SummaryScreen, short_duration
from tests.ui.conftest import build_app, meeting, rendered_lines

NOTE = "ốm nằm viện ở tỉnh, đã báo trước với bí thư"


def shown(app: StudyApp) -> str:
    return collapse_whitespace(" ".join(rendered_lines(app)))


def excused_with_a_long_note(app: StudyApp) -> str:
    session_id = meeting(app)
    binh = next(m for m in app.store.members() if m.full_name == "Nguyễn Thị Bình")
    app.store.set_attendance(session_id, binh.id, AttendanceStatus.EXCUSED, NOTE)
    cuong = next(m for m in app.store.members() if m.full_name == "Trần Văn Cường")
    app.store.set_attendance(session_id, cuong.id, AttendanceStatus.NOT_TESTED)
    return session_id


async def test_at_80_columns_the_note_is_shown_whole_under_the_name() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sessions.open_summary(excused_with_a_long_note(app))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = shown(app)
        assert NOTE in text
        lines = rendered_lines(app)
        cuong = next(i for i, line in enumerate(lines) if "Trần Văn Cường" in line)
        assert "Có mặt, không" in lines[cuong]
        assert "làm bài" in lines[cuong + 1]  # wrapped, whole
        assert "Họ và tên · ghi chú" in text  # said where the notes are
        assert "Cách làm" in text  # every column there
        assert all(len(line.rstrip()) <= 80 for line in rendered_lines(app))
        table = app.screen.query_one("#summary-members", DataTable)
        assert table.virtual_size.width <= table.size.width  # nothing to scroll to


async def test_on_a_wide_screen_the_note_has_its_column() -> None:
    app = build_app()
    async with app.run_test(size=(140, 30)) as pilot:
        await pilot.pause()
        app.sessions.open_summary(excused_with_a_long_note(app))
        await pilot.pause()
        await pilot.press("2")
        await pilot.pause()
        lines = rendered_lines(app)
        assert any("Ghi chú" in line and "Họ và tên" in line for line in lines)
        assert any("Nguyễn Thị Bình" in line and NOTE in line for line in lines)


async def test_at_80_columns_each_question_is_shown_whole() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sessions.open_summary(meeting(app))
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        text = shown(app)
        prompts = []
        for stats in screen.report.figures.items:
            item = as_written(app.catalog, stats.question_id)
            assert item is not None
            prompts.append(collapse_whitespace(item.question.prompt))
        assert len(prompts) >= 3
        for prompt in prompts:
            assert prompt in text  # not its beginning and "…"
        # The wrapped lines stand under the prompt, not under the figures.
        listing = screen.query_one("#summary-items", OptionList)
        for index in range(listing.option_count):
            first, *rest = str(listing.get_option_at_index(index).prompt).split("\n")
            assert "% " in first[:ITEM_HEAD]
            assert all(line.startswith(" " * ITEM_HEAD) and line.strip() for line in rest)


def test_a_short_duration_is_a_stopwatchs() -> None:
    assert short_duration(timedelta(minutes=4, seconds=47)) == "4:47"
    assert short_duration(timedelta(minutes=6, seconds=9)) == "6:09"
    assert short_duration(timedelta(hours=1, minutes=3, seconds=5)) == "1:03:05"
    assert short_duration(timedelta(seconds=40)) == "0:40"
