"""Question sets from Word/Excel in the interface (issue 16): from the secretary's part,
a file chosen, the problems reported at their place, the questions usable at once."""

from __future__ import annotations

from pathlib import Path

import docx
from textual.widgets import Input, Static

from studyapp import paths
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.import_questions import ImportQuestionsScreen, ImportReportScreen
from studyapp.ui.screens.sessions import SessionsScreen
from tests.ui.conftest import build_app


def question_file(folder: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("NGÂN HÀNG: Thi tìm hiểu nghị quyết")
    document.add_paragraph("Câu 1. Chi bộ sinh hoạt thường kỳ bao lâu một lần?")
    for text in ("A. Mỗi tuần", "B. Mỗi tháng", "C. Mỗi quý"):
        document.add_paragraph(text)
    document.add_paragraph("Đáp án: B")
    document.add_paragraph("Câu 2. Câu có đáp án lạ?")
    for text in ("A. Một", "B. Hai"):
        document.add_paragraph(text)
    document.add_paragraph("Đáp án: E")
    path = folder / "de thi.docx"
    document.save(str(path))
    return path


async def test_a_word_file_imported_from_the_sessions_screen(tmp_path: Path) -> None:
    source = question_file(tmp_path)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # the secretary's part: a cell first
        await pilot.pause()
        assert isinstance(app.screen, FormDialog)
        await pilot.press(*"Chi bộ 1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ImportQuestionsScreen)
        box = app.screen.query_one("#import-path", Input)
        box.focus()
        box.value = str(tmp_path / "khong-co.docx")
        await pilot.press("enter")
        await pilot.pause()
        assert "Không có tệp" in str(app.screen.query_one("#import-error", Static).render())
        box.value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, ImportReportScreen)
        report = str(app.screen.query_one(Static).render())
        assert "đáp án E của câu 2 không có trong 2 phương án" in report
        assert f"{source}:" in report  # every problem where it is
        assert app.screen.query_one("#import-report").border_title == "Đã nhập 1 câu hỏi"
        await app.workers.wait_for_complete()  # the catalog read again
        await pilot.pause()
        bank = paths.user_content_dir() / "cau-hoi-nhap" / "banks" / "nhap-de-thi.toml"
        assert bank.is_file()
        prompts = [q.prompt for q in app.catalog.questions]
        assert "Chi bộ sinh hoạt thường kỳ bao lâu một lần?" in prompts
        assert any(b.title == "Thi tìm hiểu nghị quyết" for b in app.catalog.banks)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionsScreen)


async def test_the_import_is_in_the_palette() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"nhap cau hoi", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ImportQuestionsScreen)
