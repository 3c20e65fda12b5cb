"""Hostile banks, huge prompts, a database that cannot be used, a terminal made small mid-quiz."""

from __future__ import annotations

import hashlib
from pathlib import Path

from textual.widgets import Static

from studyapp.content.loading import load_catalog
from studyapp.quiz.selection import Paper, PaperItem
from studyapp.quiz.session import Mode
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.lessons import LessonsScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.widgets.answer_sheet import AnswerSheet
from studyapp.ui.widgets.answers import ChoiceAnswer
from tests.conftest import lesson_text, make_pack, write
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start

HOSTILE = "Chọn [b]đậm[/b] [/] [link=x]liên kết[/link] [@click=app.quit]bấm[/]"


def hostile_pack(root: Path, prompt_words: int = 0) -> Path:
    """A pack whose question and answers are full of markup and escape codes."""
    folder = make_pack(root, "doc", lessons={"a.md": lesson_text("bai-a", "Bài [i]A[/i]")})
    prompt = HOSTILE + "\\u001b[31m đỏ\\u001b[0m" + " chữ" * prompt_words
    write(folder / "banks" / "b.toml", f'''format = 1
id = "doc-bank"
title = "Ngân hàng [b]thử[/b]"
lesson = "bai-a"

[[questions]]
id = "q1"
type = "single"
prompt = "{prompt}"
choices = ["[@click=app.quit]Thoát[/]", "[/]", "[link=https://x]Đúng[/link]", "\\u001b[2J xoá"]
answer = "C"
explanation = "Vì [b]thế[/b] [@click=app.quit]này[/]."
''')
    return root


def the_paper(app_catalog_question: object) -> Paper:
    return Paper(1, (PaperItem(app_catalog_question, (0, 1, 2, 3)),))  # type: ignore[arg-type]


async def test_markup_and_escape_codes_in_a_bank_are_shown_as_text(tmp_path: Path) -> None:
    root = hostile_pack(tmp_path)
    assert not load_catalog([root]).errors
    app = build_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        question = app.catalog.question("doc-bank/q1")
        screen = await start(pilot, the_paper(question), Mode.PRACTICE)
        prompt = str(screen.query_one("#quiz-prompt", Static).content)
        assert prompt == HOSTILE + " đỏ"  # the escape sequences are gone, the brackets stay
        choices = screen.query_one(ChoiceAnswer)
        lines = "\n".join(line.text for line in choices.render_lines(
            choices.region.reset_offset))
        assert "[@click=app.quit]Thoát[/]" in lines
        assert "[link=https://x]Đúng[/link]" in lines
        assert "D. xoá" in lines
        assert "\x1b" not in lines
        # Clicking on the texts runs nothing.
        await pilot.click("#quiz-prompt")
        await pilot.click(ChoiceAnswer, offset=(10, 0))
        await pilot.pause()
        assert app.is_running
        await pilot.press("c", "enter")
        await pilot.pause()
        feedback = screen.query_one("#quiz-feedback", AnswerSheet).text
        assert "Vì [b]thế[/b] [@click=app.quit]này[/]." in feedback
        await pilot.click("#quiz-feedback")
        await pilot.pause()
        assert app.is_running
        [row] = app.store.answers(screen.quiz.id)
        assert row.credit == 1


async def test_a_prompt_of_5000_characters_scrolls(tmp_path: Path) -> None:
    root = hostile_pack(tmp_path, prompt_words=1300)
    app = build_app(root)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        question = app.catalog.question("doc-bank/q1")
        assert len(question.prompt) > 5000
        screen = await start(pilot, the_paper(question), Mode.PRACTICE)
        body = screen.query_one("#quiz-body")
        assert body.max_scroll_y > 40  # far longer than the screen
        assert body.scroll_y == 0  # the question starts at its beginning
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert body.scroll_y > 0
        await pilot.press("c", "enter")  # the choices still answer, however far below
        await pilot.pause()
        assert screen.feedback is not None
        assert screen.feedback.correct


async def test_a_database_that_cannot_be_used_is_said_so_and_left_alone(tmp_path: Path) -> None:
    db = tmp_path / "scores" / "notes.sqlite3"
    write(db, "Danh sách đảng viên, không phải cơ sở dữ liệu\n")
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    app = build_app(db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        message = str(dialog.query_one("#dialog-message", Static).content)
        assert str(db) in message
        assert "không phải cơ sở dữ liệu SQLite" in message
        assert "Bài học và tìm kiếm vẫn dùng được" in message
        await pilot.press("t")  # Tiếp tục đọc bài học
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        home = "\n".join(str(s.content) for s in app.screen.query(Static))
        assert "Không mở được cơ sở dữ liệu điểm" in home
        await pilot.press("l")  # practice needs the database: it says so again
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("t", "b")  # the lessons still open
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["notes.sqlite3"]


async def test_the_terminal_made_small_mid_quiz(catalog: object) -> None:
    app = build_app()
    paper = one_of_each_type(app.catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert app.size == (60, 20)
        status = screen.query_one("#quiz-status", Static)
        assert status.region.y == 1
        assert status.region.width == 60
        for item in paper.items[:3]:  # still answered by keys, each one in view
            answer = screen.answer
            assert answer is not None
            assert answer.region.right <= 60
            await pilot.press(*keys_for(item, right=True))
            await pilot.pause()
        assert len(app.store.answers(screen.quiz.id)) == 3
        assert isinstance(app.screen, QuizScreen)
