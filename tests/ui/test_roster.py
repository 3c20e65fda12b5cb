"""The secretary's roster screen (issue 14 item 7): add, rename, the note, inactive
and back, import from a file; the PIN once per sitting, asked again after the idle
time or once the laptop has left the secretary's screens."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from studyapp.ui import roster_flow
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.import_questions import ImportReportScreen
from studyapp.ui.screens.roster import RosterScreen
from studyapp.ui.screens.sessions import OpenSessionScreen, SessionsScreen
from tests.ui.conftest import build_app, rendered_lines

PIN = "246813"
CELL = "Chi bộ Khu phố 7"
SIZE = (80, 24)


def cell_with(app: StudyApp, names: list[str], *, pin: str | None = PIN) -> str:
    store = app.store
    cell = store.ensure_cell(CELL)
    for name in names:
        store.add_member(cell.id, name)
    if pin:
        store.set_pin(cell.id, pin)
    return cell.id


def dialog_id(app: StudyApp) -> str | None:
    return app.screen.id if isinstance(app.screen, FormDialog) else None


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*["space" if char == " " else char for char in text])


async def to_sessions(pilot: Pilot[None]) -> None:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionsScreen)


async def enter_roster(pilot: Pilot[None], *, pin: str | None = PIN) -> RosterScreen:
    """`r` on the sessions list; the PIN typed when asked (asserted asked iff `pin`)."""
    app = pilot.app
    assert isinstance(app, StudyApp)
    await pilot.press("r")
    await pilot.pause()
    if pin is not None:
        assert dialog_id(app) == "pin-dialog"
        await pilot.press(*pin, "enter")
        await pilot.pause()
    screen = app.screen
    assert isinstance(screen, RosterScreen)
    return screen


def table_rows(screen: RosterScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def add(pilot: Pilot[None], name: str, note: str = "") -> None:
    """`a`, the name (and note), Enter: the add dialog must open without the PIN."""
    app = pilot.app
    assert isinstance(app, StudyApp)
    await pilot.press("a")
    await pilot.pause()
    assert dialog_id(app) == "roster-add-dialog"
    await type_text(pilot, name)
    if note:
        await pilot.press("tab")
        await type_text(pilot, note)
    await pilot.press("enter")
    await pilot.pause()


async def test_three_members_added_with_the_pin_typed_once(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_id = cell_with(app, ["Lê Văn An"])
        await to_sessions(pilot)
        screen = await enter_roster(pilot)
        assert "Đã nhập mã PIN" in str(screen.query_one("#roster-lock", Static).content)
        for name in ("Trần Thị Bình", "Phạm Văn Cường", "Đỗ Thị Dung"):
            await add(pilot, name)
            assert isinstance(app.screen, RosterScreen), dialog_id(app)
        names = [m.full_name for m in app.store.members(cell_id)]
        assert sorted(names) == sorted(["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường",
                                        "Đỗ Thị Dung"])
        assert len(table_rows(screen)) == 4
        # A second "Lê Văn An" without a note is refused, with one it is added.
        await add(pilot, "Lê Văn An")
        assert dialog_id(app) == "roster-add-dialog"
        assert "ghi chú để phân biệt" in str(app.screen.query_one("#form-error", Static).content)
        # The cursor is in the note, where the answer is asked (it stayed in the name).
        assert app.focused is not None
        assert app.focused.id == "field-note"
        await pilot.press("escape")
        await pilot.pause()
        await add(pilot, "Lê Văn An", "sinh 1958")
        notices = [n.message for n in app._notifications]
        assert any("có từ trước chưa có ghi chú" in n for n in notices), notices
        twins = app.store.find_members(cell_id, "Lê Văn An")
        assert sorted(m.note for m in twins) == ["", "sinh 1958"]
        assert ["Lê Văn An", "sinh 1958", "đang sinh hoạt"] in table_rows(screen)


async def test_rename_note_inactive_and_back(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_id = cell_with(app, ["Lê Văn An", "Nguyễn Thị Bình"])
        await to_sessions(pilot)
        screen = await enter_roster(pilot)
        assert [row[0] for row in table_rows(screen)] == ["Lê Văn An", "Nguyễn Thị Bình"]
        await pilot.press("s")  # rename An, a typo
        await pilot.pause()
        assert dialog_id(app) == "roster-rename-dialog"
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, "Lê Văn Ân")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RosterScreen)
        [an] = app.store.find_members(cell_id, "Lê Văn Ân")
        await pilot.press("g")  # its note
        await pilot.pause()
        assert dialog_id(app) == "roster-note-dialog"
        await type_text(pilot, "tổ 3")
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.member(an.id).note == "tổ 3"
        assert table_rows(screen)[0] == ["Lê Văn Ân", "tổ 3", "đang sinh hoạt"]
        await pilot.press("down", "n")  # Bình leaves the cell
        await pilot.pause()
        [binh] = [m for m in app.store.members(cell_id, include_inactive=True)
                  if m.full_name == "Nguyễn Thị Bình"]
        assert not binh.active
        assert [m.full_name for m in app.store.members(cell_id)] == ["Lê Văn Ân"]
        rows = table_rows(screen)
        assert rows[1] == ["Nguyễn Thị Bình", "", "đã nghỉ"]
        table = screen.query_one(DataTable)
        assert table.get_row_at(1)[0].style == "dim"  # dimmed
        assert table.cursor_row == 1  # still on her
        await pilot.press("n")  # and back
        await pilot.pause()
        assert app.store.member(binh.id).active
        assert table_rows(screen)[1][2] == "đang sinh hoạt"
        assert isinstance(app.screen, RosterScreen)  # not one PIN asked after entering


async def test_import_reports_added_duplicates_and_refused_lines(tmp_path: Path) -> None:
    roster_file = tmp_path / "danh sách.txt"
    roster_file.write_text("\ufeffLê Văn An\nPhạm Thị Mới\n\n" + "X" * 150 +
                           "\nĐỗ Văn Em\nphạm thị mới\n", encoding="utf-8")
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_id = cell_with(app, ["Lê Văn An"])
        await to_sessions(pilot)
        screen = await enter_roster(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert dialog_id(app) == "roster-import-dialog"
        await type_text(pilot, str(tmp_path / "missing.txt"))
        await pilot.press("enter")
        await pilot.pause()
        assert "không đọc được tệp" in str(app.screen.query_one("#form-error", Static).content)
        await pilot.press("ctrl+a", "ctrl+k")
        await type_text(pilot, str(roster_file))
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ImportReportScreen)
        said = str(report.query_one(Static).content)
        assert f"Đã thêm 2 người vào {CELL}." in said
        assert "bỏ qua “Lê Văn An”: đã có trong danh sách" in said
        assert "bỏ qua “phạm thị mới”: đã có trong danh sách" in said
        assert "dòng 4: tên dài 150 ký tự, tối đa 100" in said
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert sorted(m.full_name for m in app.store.members(cell_id)) == \
            ["Lê Văn An", "Phạm Thị Mới", "Đỗ Văn Em"]
        assert len(table_rows(screen)) == 3


async def test_after_the_idle_time_the_next_change_asks_the_pin(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roster_flow, "IDLE_SECONDS", 1.0)
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_with(app, ["Lê Văn An", "Nguyễn Thị Bình"])
        await to_sessions(pilot)
        screen = await enter_roster(pilot)
        # Keys keep it open: well past the idle time, a key at a time.
        for _ in range(8):
            await pilot.press("down" if _ % 2 else "up")
            await pilot.pause(0.3)
        await pilot.press("a")
        await pilot.pause()
        assert dialog_id(app) == "roster-add-dialog"
        await type_text(pilot, "Ngô Thị Cúc")
        await pilot.pause(1.6)  # no key for longer than the idle time: the dialog goes too
        assert app.screen is screen
        assert "Đã khóa" in str(screen.query_one("#roster-lock", Static).content)
        assert [m.full_name for m in app.store.members(screen.cell.id)
                if m.full_name == "Ngô Thị Cúc"] == []
        await pilot.press("a")
        await pilot.pause()
        assert dialog_id(app) == "pin-dialog"
        await pilot.press(*PIN, "enter")
        await pilot.pause()
        assert dialog_id(app) == "roster-add-dialog"  # on with what was asked
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("g")  # and unlocked again
        await pilot.pause()
        assert dialog_id(app) == "roster-note-dialog"


async def test_leaving_the_secretary_screens_locks_it_again(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_with(app, ["Lê Văn An"])
        await to_sessions(pilot)
        await enter_roster(pilot)
        await pilot.press("escape")  # the sessions list is the secretary's too
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        await enter_roster(pilot, pin=None)
        await pilot.press("escape", "escape")  # home: the members' side
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await to_sessions(pilot)
        await enter_roster(pilot)  # asked again
        await pilot.press("escape", "m")  # a new session's form: on to the meeting
        await pilot.pause()
        assert isinstance(app.screen, OpenSessionScreen)
        await pilot.press("escape")
        await pilot.pause()
        await enter_roster(pilot)  # asked again


async def test_a_cell_without_pin_opens_at_once_and_says_so(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_with(app, [], pin=None)
        await to_sessions(pilot)
        await pilot.press("question_mark")  # the sessions list's help names the key
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert any("Danh sách đảng viên" in line for line in rendered_lines(app))
        await pilot.press("escape")
        await pilot.pause()
        screen = await enter_roster(pilot, pin=None)
        assert "chưa có đảng viên" in str(screen.query_one("#roster-counts", Static).content)
        assert "chưa đặt mã PIN" in str(screen.query_one("#roster-lock", Static).content)
        await add(pilot, "Lê Văn An")
        assert [row[0] for row in table_rows(screen)] == ["Lê Văn An"]
        # A PIN set meanwhile (from the command line, found walking a meeting): the
        # roster opened without one asks for it now.
        [cell] = app.store.cells()
        app.store.set_pin(cell.id, PIN)
        await pilot.press("escape")
        await pilot.pause()
        await enter_roster(pilot, pin=PIN)


async def test_hostile_names_and_notes_are_shown_cleaned(tmp_path: Path) -> None:
    db = tmp_path / "s.sqlite3"
    app = build_app(db=db)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_id = cell_with(app, ["Lê Văn An", "Trần Văn Bảy"])
        # As a bundle from elsewhere could have written them, past the cleaning.
        with sqlite3.connect(db) as connection:
            connection.execute(
                "UPDATE members SET full_name = ?, note = ? WHERE full_name = ?",
                ("[bold red]Lê\x1b[2J Văn An[/]", "\x1b]0;pwned\x07[link]", "Lê Văn An"))
        connection.close()
        await to_sessions(pilot)
        screen = await enter_roster(pilot)
        lines = "\n".join(rendered_lines(app))
        assert "\x1b" not in lines
        assert "\x07" not in lines
        assert "[bold red]Lê\\x1b[2J Văn An[/]" in lines  # the brackets as they are, not markup
        assert "\\x1b]0;pwned\\x07[link]" in lines
        # A name typed with an escape code is stored without it.
        await add(pilot, "Ngô\x1b[31m Thị Cúc")
        names = [m.full_name for m in app.store.members(cell_id)]
        assert not any("\x1b" in name for name in names), names
        assert "\x1b" not in "\n".join(rendered_lines(app))
        assert len(table_rows(screen)) == 3


def test_store_rename_reactivate_and_note_need_the_pin(tmp_path: Path) -> None:
    from studyapp.store.store import DuplicateMemberError, PinError, StoreError  # noqa: PLC0415

    app = build_app(db=tmp_path / "s.sqlite3")
    store = app.store
    cell_id = cell_with(app, ["Lê Văn An", "Trần Thị Bình"])
    an, binh = sorted(store.members(cell_id), key=lambda m: m.full_name)
    with pytest.raises(PinError):
        store.rename_member(an.id, "Lê Văn Ân")
    with pytest.raises(PinError):
        store.set_member_note(an.id, "tổ 1")
    with pytest.raises(DuplicateMemberError):
        store.rename_member(an.id, "trần thị bình", pin=PIN)
    assert store.rename_member(an.id, "  Lê  Văn\tÂn ", pin=PIN).full_name == "Lê Văn Ân"
    with pytest.raises(StoreError, match="tối đa 40"):
        store.set_member_note(an.id, "x" * 41, pin=PIN)
    store.set_member_note(an.id, " tổ\n1 ", pin=PIN)
    assert store.member(an.id).note == "tổ 1"
    store.remove_member(binh.id, pin=PIN)
    with pytest.raises(PinError):
        store.reactivate_member(binh.id)
    store.reactivate_member(binh.id, pin=PIN)
    assert store.member(binh.id).active


def test_snapshot_roster_at_80x24(snap_compare: Any, tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "s.sqlite3")

    async def roster(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        store = pilot.app.store
        cell_id = cell_with(pilot.app, ["Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường",
                                        "Phạm Thị Dung", "Hoàng Thị Giang"])
        store.add_member(cell_id, "Lê Văn An", note="con, tổ 2", pin=PIN)
        [cuong] = store.find_members(cell_id, "Trần Văn Cường")
        store.remove_member(cuong.id, pin=PIN)
        await to_sessions(pilot)
        await enter_roster(pilot)
        await pilot.press("down")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=roster)
