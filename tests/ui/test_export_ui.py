"""Exporting from the interface: a format, a suggested file name, the work in a worker."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from textual.widgets import Input

from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.summary import SummaryScreen
from tests.ui.conftest import MEETING, build_app, meeting


async def test_export_from_the_summary_writes_the_file_and_says_where(tmp_path: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app)
        app.sessions.open_summary(session_id)
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("x")  # Excel
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FormDialog)
        field = form.query_one("#field-path", Input)
        assert field.value.endswith("ket-qua-chi-bo-khu-pho-7-2026-11-26.xlsx")
        # A folder that does not exist is said at once, in the dialog.
        field.value = str(tmp_path / "khong-co" / "a.xlsx")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        target = tmp_path / "bao-cao.xlsx"
        field.value = str(target)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert any(str(target) in str(n.message) for n in app._notifications)
        book = load_workbook(target)
        names = {row[3].value for row in book.worksheets[0].iter_rows(min_row=2)}
        assert names == set(MEETING)
        score = [cell.value for cell in book.worksheets[0][1]].index("Điểm")
        scores = [row[score].value for row in book.worksheets[0].iter_rows(min_row=2)
                  if row[score].value is not None]
        assert sorted(scores) == [0, 5, 10]  # Em, Dung, An: numbers, not text


async def test_a_failed_export_is_explained(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app)
        app.sessions.open_summary(session_id)
        await pilot.pause()

        def disk_full(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("os.replace", disk_full)
        await pilot.press("x", "c")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = str(tmp_path / "a.csv")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("No space left on device" in str(n.message) for n in app._notifications)
        assert list(tmp_path.glob("*.csv*")) == []
        assert list(tmp_path.glob(".a.csv*")) == []


async def test_an_export_onto_an_existing_file_asks_first(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "bao-cao.csv"
    target.write_bytes(b"old")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app)
        app.sessions.open_summary(session_id)
        await pilot.pause()
        await pilot.press("x", "c")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)  # asked, nothing written yet
        assert str(target) in str(dialog.query_one("#dialog-message").render())
        await pilot.press("escape")  # keep the old file
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_bytes() == b"old"
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("x", "c")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("o")  # overwrite
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert target.read_bytes().decode("utf-8-sig").count("\n") > 3
        assert list(target.parent.iterdir()) == [target]  # no temporary file left


async def test_an_export_onto_a_link_is_refused_in_the_dialog(tmp_path: Path) -> None:
    real = tmp_path / "that.csv"
    real.write_bytes(b"keep")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app)
        app.sessions.open_summary(session_id)
        await pilot.pause()
        await pilot.press("x", "c")
        await pilot.pause()
        app.screen.query_one("#field-path", Input).value = str(link)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)  # said in the dialog, not written
        assert real.read_bytes() == b"keep"
        assert link.is_symlink()
