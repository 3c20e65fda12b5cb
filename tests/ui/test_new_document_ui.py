"""Next month's document in the interface (issue 15, part 4): from the home screen,
"Thêm tài liệu mới" picks the file, shows the structure found, creates the pack into the
user's content folder, and offers draft questions; the pack is in the catalog at once."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from textual.widgets import Input, Static, Tree

from studyapp import paths
from studyapp.content.loading import load_catalog
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.drafts import DraftsScreen
from studyapp.ui.screens.import_questions import ImportReportScreen
from studyapp.ui.screens.new_document import DocumentPickScreen, StructureScreen
from tests.conftest import SHARED, run_cli
from tests.ui.conftest import build_app

PLAN = SHARED / "source" / "ke-hoach-67-KH-DU.txt"


def plan_docx(folder: Path) -> Path:
    """A ward plan as Word writes it: a bold title, numbered parts, bullets."""
    document = docx.Document()
    for text in ("ĐẢNG BỘ PHƯỜNG AN HÒA", "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 12-KH/ĐU"):
        document.add_paragraph(text)
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("Tổ chức học tập nghị quyết trong các chi bộ")
    document.add_paragraph("Thực hiện chỉ đạo của Thành ủy, Đảng ủy phường xây dựng kế hoạch.")
    document.add_paragraph("I. MỤC ĐÍCH, YÊU CẦU")
    document.add_paragraph("1. Mục đích: giúp cán bộ, đảng viên nắm vững nội dung cơ bản "
                           "của nghị quyết, tạo sự thống nhất cao trong nhận thức và hành động.")
    document.add_paragraph("2. Yêu cầu: việc học tập được tổ chức nghiêm túc, thiết thực, "
                           "tránh hình thức; bảo đảm mọi đảng viên đều được học.")
    document.add_paragraph("II. NỘI DUNG VÀ HÌNH THỨC")
    document.add_paragraph("1. Nội dung: các chi bộ quán triệt toàn văn nghị quyết và chương "
                           "trình hành động của Đảng ủy phường trong năm tới.")
    for text in ("- Chi bộ khu phố sinh hoạt chuyên đề mỗi quý một lần;",
                 "- Chi bộ cơ quan gắn việc học với nhiệm vụ chuyên môn;",
                 "- Đảng viên viết thu hoạch sau mỗi đợt học tập."):
        document.add_paragraph(text)
    document.add_paragraph("2. Hình thức: học tập trực tiếp tại chi bộ, kết hợp tự nghiên cứu "
                           "tài liệu và trao đổi trong buổi sinh hoạt chi bộ hằng tháng.")
    document.add_paragraph("Nơi nhận:")
    document.add_paragraph("- Các chi bộ trực thuộc,")
    document.add_paragraph("T/M ĐẢNG ỦY")
    path = folder / "ke hoach 12.docx"
    document.save(str(path))
    return path


async def open_document(pilot, path: Path) -> None:
    app = pilot.app
    await pilot.pause()
    await pilot.press("t")  # "Thêm tài liệu mới" on the home menu
    await pilot.pause()
    assert isinstance(app.screen, DocumentPickScreen)
    box = app.screen.query_one("#import-path", Input)
    box.focus()
    box.value = str(path)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()


async def make_pack(pilot, title: Input, name: str) -> None:
    """Give the pack its title and make it: the dialog that says it was made."""
    app = pilot.app
    title.value = name
    title.focus()
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ChoiceDialog)


async def test_a_word_plan_becomes_a_pack_from_the_home_screen(tmp_path: Path) -> None:
    source = plan_docx(tmp_path)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_document(pilot, source)
        screen = app.screen
        assert isinstance(screen, StructureScreen)
        summary = str(screen.query_one("#structure-summary", Static).render())
        assert "KẾ HOẠCH Số 12-KH/ĐU" in summary
        assert "Cấp 1: 2 mục · Cấp 2: 4 mục" in summary
        tree = screen.query_one("#structure-tree", Tree)
        assert [str(node.label) for node in tree.root.children] == [
            "I  Mục đích, yêu cầu  (2)", "II  Nội dung và hình thức  (2)"]
        lessons = screen.query_one("#structure-lessons", Static)
        depth = screen.query_one("#structure-depth", Input)
        depth.value = "1"
        await pilot.pause()
        assert "3 bài học" in str(lessons.render())  # the introduction and I, II
        depth.value = "9"
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, StructureScreen)  # no level 9: said, nothing made
        assert "từ 1 đến 2" in str(screen.query_one("#structure-error", Static).render())
        depth.value = "2"
        await pilot.pause()
        assert "7 bài học" in str(lessons.render())
        title = screen.query_one("#structure-title", Input)
        assert title.value == "Kế hoạch tổ chức học tập nghị quyết trong các chi bộ"
        await make_pack(pilot, title, "Học tập nghị quyết 2027")
        folder = paths.user_content_dir() / "hoc-tap-nghi-quyet-2027"
        assert (folder / "pack.toml").is_file()
        assert (folder / "source.txt").is_file()
        # In the catalog at once, beside the bundled pack, its lesson ids its own.
        pack = app.catalog.pack("hoc-tap-nghi-quyet-2027")
        assert pack.title == "Học tập nghị quyết 2027"
        mine = [lesson for lesson in app.catalog.lessons if lesson.pack_id == pack.id]
        assert len(mine) == 7
        assert {lesson.source for lesson in mine} >= {"I.1", "II.2"}
        assert not app.content.errors
        assert not load_catalog([folder]).errors
        await pilot.press("s")  # drafts later
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        # The home screen lists the pack's lessons now.
        await pilot.press("escape")
        await pilot.pause()


async def test_a_document_that_cannot_be_read_is_said(tmp_path: Path) -> None:
    fake = tmp_path / "cu.docx"
    fake.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)  # a renamed .doc
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_document(pilot, fake)
        assert isinstance(app.screen, ImportReportScreen)
        assert not paths.user_content_dir().exists()


async def test_ctrl_o_goes_to_the_next_usual_folder(tmp_path: Path) -> None:
    documents, downloads = tmp_path / "Tài liệu", tmp_path / "Tải về"
    documents.mkdir()
    downloads.mkdir()
    shutil.copy(PLAN, downloads / "ke-hoach.txt")
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.new_documents.start([documents, downloads])
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DocumentPickScreen)
        await pilot.press("ctrl+o")
        await pilot.pause()
        tree = screen.query_one("#import-tree")
        assert Path(tree.path) == downloads  # type: ignore[attr-defined]
        await pilot.pause(0.3)
        await pilot.press("down", "enter")  # the folder's one document, by the keyboard
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, StructureScreen)
        assert "Cấp 1: 4 mục · Cấp 2: 17 mục · Cấp 3: 18 mục" in str(
            app.screen.query_one("#structure-summary", Static).render())
        await pilot.press("ctrl+s")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("d")  # draft questions now
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DraftsScreen)


async def test_a_clash_gets_the_same_prefixed_ids_from_pack_new_and_the_interface(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The ward's plan has the bundled pack's `gioi-thieu`, `i`, `ii-1`…: `pack new` and
    "Thêm tài liệu mới" prefix them alike (one rule, `plan_for`), so a pack made at the
    command line and one made in the interface from one document have the same ids."""
    source = plan_docx(tmp_path)
    by_cli = tmp_path / "cli" / "hoc-tap-nghi-quyet-2027"
    by_cli.parent.mkdir()
    code, out, err = run_cli(capsys, "pack", "new", str(source), "-o", str(by_cli),
                             "--depth", "2", "--title", "Học tập nghị quyết 2027")
    assert code == 0, err
    assert "tiền tố “hoc-tap-nghi-quyet-2027-”" in out
    cli_ids = {lesson.id for lesson in load_catalog([by_cli]).catalog.lessons}
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_document(pilot, source)
        screen = app.screen
        assert isinstance(screen, StructureScreen)
        screen.query_one("#structure-depth", Input).value = "2"
        await make_pack(pilot, screen.query_one("#structure-title", Input),
                        "Học tập nghị quyết 2027")
        ui_ids = {lesson.id for lesson in app.catalog.lessons
                  if lesson.pack_id == "hoc-tap-nghi-quyet-2027"}
    bundled = {lesson.id for lesson in load_catalog([paths.bundled_content_dir()])
               .catalog.lessons}
    assert {"gioi-thieu", "i", "ii-1"} <= bundled  # the clash is real
    assert len(cli_ids) == 7
    assert ui_ids == cli_ids
    assert all(lesson_id.startswith("hoc-tap-nghi-quyet-2027-") for lesson_id in cli_ids)
    assert "hoc-tap-nghi-quyet-2027-ii-1" in cli_ids
