"""Whole journeys: a new user, lessons read, self-test, results, language, palette, keys."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
import tomli
from textual.widgets import DataTable, Input, OptionList, Static

from studyapp.content.catalog import Catalog
from studyapp.content.search import locate_explanation
from studyapp.i18n import current_language
from studyapp.quiz.selection import drawable_count
from studyapp.quiz.session import Mode
from studyapp.store.models import AttemptStatus
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.history import HistoryScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.learner import LearnerScreen
from studyapp.ui.screens.lessons import LessonsScreen
from studyapp.ui.screens.palette import PaletteScreen
from studyapp.ui.screens.progress import ProgressScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.results import ResultsScreen, ReviewScreen
from studyapp.ui.screens.setup import QuizSetupScreen
from studyapp.ui.widgets.lesson_tree import LessonTree
from tests.conftest import write
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start


def texts(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(static.content) for static in app.screen.query(Static))


async def test_a_new_user_picks_a_name_and_practises_with_enter_alone(tmp_path: Path) -> None:
    db = tmp_path / "new.sqlite3"
    app = build_app(db=db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not db.exists()  # nothing written by looking
        await pilot.press("l")  # Luyện tập: first, who is studying?
        await pilot.pause()
        assert isinstance(app.screen, LearnerScreen)
        await pilot.press(*"Lê Văn Bình", "enter")  # not on a roster: add it
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, FormDialog)
        assert dialog.values()["name"] == "Lê Văn Bình"
        await pilot.press("enter")  # no cell given
        await pilot.pause()
        assert "hãy nhập tên chi bộ" in texts(app)
        await pilot.press(*"Chi bộ Khu phố 2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, QuizSetupScreen)
        assert app.learner is not None
        assert app.learner.name == "Lê Văn Bình"
        await pilot.press("enter")  # the defaults: 10 questions, practice, every lesson
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        assert screen.quiz.mode is Mode.PRACTICE
        assert screen.quiz.session.size == 10
        assert screen.quiz.session.time_limit is None
        for item in screen.quiz.session.paper.items:
            await pilot.press(*keys_for(item, right=True), "enter")
            await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        [attempt] = app.store.attempts_of(app.learner)
        assert (attempt.status, attempt.correct) == (AttemptStatus.FINISHED, 10)
        # The review: question by question with the keys.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "Câu 1/10" in texts(app)
        await pilot.press("right")
        await pilot.pause()
        assert "Câu 2/10" in texts(app)
        assert "Bạn trả lời:" in texts(app)
        assert "Đáp án đúng:" not in texts(app)  # answered right: said once
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Người học: Lê Văn Bình — Chi bộ Khu phố 2" in texts(app)


async def test_a_guest_studies_under_a_name(tmp_path: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        names = app.screen.query_one(OptionList)
        # Down enters the list at “add a new name”; once more, the guest entry.
        await pilot.press("down", "down")
        assert names.highlighted_option is not None
        assert names.highlighted_option.id == "+guest"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Khách [b]mời[/b]", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.learner is not None
        assert app.learner.is_guest
        assert "Khách [b]mời[/b]" in texts(app)  # shown as typed, not as markup


async def test_a_lesson_read_is_marked_and_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LessonsScreen, "READ_AFTER", 600)  # only opening counts, here
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        learner = member(app)
        assert learner.member_id is not None
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LessonsScreen)
        assert screen.sub_title == "Bài học · đã đọc 0/47"
        await pilot.press("down", "down")  # passing through I to I.1: not reading them
        await pilot.pause()
        assert app.store.lessons_read(learner.member_id) == []
        await pilot.press("enter")  # opened for reading
        await pilot.pause()
        read = {r.lesson_id for r in app.store.lessons_read(learner.member_id)}
        assert read == {"i-1"}
        tree = screen.query_one(LessonTree)
        assert tree.node_for("i-1").label.plain.startswith("✓ ")  # type: ignore[union-attr]
        assert not tree.node_for("i").label.plain.startswith("✓")  # type: ignore[union-attr]
        assert screen.sub_title == "Bài học · đã đọc 1/47"
        await pilot.press("escape")
        await pilot.pause()
        assert "đã đọc 1/47 bài" in texts(app)


async def test_a_lesson_left_open_a_while_counts_as_read(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LessonsScreen, "READ_AFTER", 0.2)
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        learner = member(app)
        assert learner.member_id is not None
        await pilot.press("b")
        for _ in range(50):  # the first lesson stays on screen
            await pilot.pause(0.1)
            if app.store.lessons_read(learner.member_id):
                break
        assert [r.lesson_id for r in app.store.lessons_read(learner.member_id)] == [
            "gioi-thieu"]


async def test_self_test_from_a_lesson_asks_only_its_questions(catalog: Catalog) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        await pilot.press("b")
        await pilot.pause()
        await app.screen.open_lesson("ii-3")  # type: ignore[attr-defined]
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        family = {"ii-3", *(d.id for d in catalog.descendants("ii-3"))}
        lessons = {item.question.lesson for item in screen.quiz.session.paper.items}
        assert lessons <= family
        assert screen.quiz.session.size == 10


async def test_practice_feedback_opens_the_lesson_at_the_passage(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        await start(pilot, paper, Mode.PRACTICE)
        await pilot.press(*keys_for(paper.items[0], right=False))
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        lessons = app.screen
        assert isinstance(lessons, LessonsScreen)
        question = paper.items[0].question
        assert question.lesson is not None
        passage = locate_explanation(catalog, question.lesson, question.explanation or "")
        assert passage is not None
        assert lessons.current_lesson_id == passage.lesson_id
        assert lessons.view.page is not None
        assert lessons.view.page.query == passage.text
        # Starting another quiz from here is refused: one is open underneath.
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_my_results_lists_quizzes_with_a_chart_and_opens_one(catalog: Catalog) -> None:
    app = build_app()
    paper = one_of_each_type(catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        member(app)
        for right in (False, True):
            await start(pilot, paper, Mode.TEST)
            for item in paper.items:
                await pilot.press(*keys_for(item, right=right))
                await pilot.pause()
            await pilot.press("n")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("x")  # Tiến độ, kết quả: the progress of a member...
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        await pilot.press("x")  # ... and from it, every quiz taken
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        table = screen.query_one(DataTable)
        assert table.row_count == 2
        assert [str(c) for c in table.get_row_at(0)][3] == "10,0/10"  # newest first
        assert [str(c) for c in table.get_row_at(1)][3] == "0,0/10"
        assert "Điểm kiểm tra trung bình: 5,0." in texts(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert app.screen.quiz_result.correct == 7


async def test_switching_the_language_is_remembered() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert current_language() == "en"
        assert isinstance(app.screen, HomeScreen)
        assert "What would you like to do?" in texts(app)
        assert "Practice" in str(app.screen.query_one(OptionList).get_option("practice").prompt)
        config = Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml"
        assert tomli.loads(config.read_text(encoding="utf-8"))["lang"] == "en"
        await pilot.press("b")  # every screen now speaks English
        await pilot.pause()
        assert app.screen.sub_title == "Lessons"
        await pilot.press("escape", "e")
        await pilot.pause()
        assert "Bạn muốn làm gì?" in texts(app)


async def test_the_palette_finds_lessons_without_diacritics() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, PaletteScreen)
        await pilot.press(*"mo bai bon kien")
        await pilot.pause()
        titles = [c.title for c in palette.shown]
        assert titles[0] == "Mở bài: Bốn kiên định"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.current_lesson_id == "bon-kien-dinh"


async def test_keys_can_be_remapped_in_the_config_file() -> None:
    write(Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml",
          '[keys]\n"home.lessons" = "o"\n"no.such.key" = "z"\n')
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert any("no.such.key" in str(n.message) for n in app._notifications)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)


async def test_help_lists_the_keys_of_the_question_screen(catalog: Catalog) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        await start(pilot, one_of_each_type(catalog), Mode.TEST)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = texts(app)
        for line in ("Ctrl+G", "Gắn cờ xem lại", "Ctrl+S", "Nộp bài", "PgDn", "Câu sau", "Esc",
                     "Tạm dừng", "Space", "Chọn/bỏ", "A–H, 1–8"):
            assert line in shown, line
        # The first question is not a true/false one: no D, S (issue 14 item 27).
        assert "D, S" not in shown
        # Only the program's keys, in Vietnamese: none of Textual's own, in English,
        # and no general "PgUp PgDn: scroll" where they move between questions.
        for english in ("Scroll", "Page Up", "Cursor", "Select", "Focus Next"):
            assert english not in shown, english
        assert "cuộn từng trang" not in shown


def test_every_key_binding_has_an_id_and_a_description() -> None:
    """So that the config file can remap it and the help can explain it."""
    from studyapp.ui.keys import all_bindings  # noqa: PLC0415

    found = all_bindings()
    assert len(found) > 40
    for cls, binding in found:
        assert binding.id, (cls.__name__, binding.key)
        assert binding.description, (cls.__name__, binding.key)
    # An id names one action: where several widgets share it (Enter answers
    # every kind of question), it has the same key and meaning everywhere.
    by_id: dict[str, tuple[str, str]] = {}
    for _, binding in found:
        assert binding.id is not None
        assert by_id.setdefault(binding.id, (binding.key, binding.description)) == \
            (binding.key, binding.description)
    from studyapp.i18n import has_message  # noqa: PLC0415
    from studyapp.ui.bindings import binding_text  # noqa: PLC0415

    assert all(has_message(binding.description) for _, binding in found)
    assert all(binding_text(binding) for _, binding in found)
    for cls, binding in found:
        assert not binding.key.startswith("f") or len(binding.key) == 1 or \
            not binding.key[1:].isdigit(), (cls.__name__, binding.key)


async def test_input_in_the_learner_filter_is_not_a_shortcut() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.learners.add_member("Lê Văn Nam", "Chi bộ 1", None)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"nam")
        await pilot.pause()
        assert app.screen.query_one(Input).value == "nam"
        names = app.screen.query_one(OptionList)
        assert names.highlighted_option is not None
        assert "Lê Văn Nam" in str(names.highlighted_option.prompt)
        await pilot.press("enter")
        await pilot.pause()
        assert app.learner is not None
        assert app.learner.name == "Lê Văn Nam"


async def test_setup_by_keys_mode_time_partial_credit_and_difficulty() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        await pilot.press("l")
        await pilot.pause()
        setup = app.screen
        assert isinstance(setup, QuizSetupScreen)
        await pilot.press("tab", "down", "space")  # mode: the test
        await pilot.pause()
        assert setup.query_one("#setup-minutes", Input).value == "15"  # the time came with it
        await pilot.press("tab", "tab", "tab", "space")  # partial credit on
        await pilot.press("tab", "space")  # difficulty: not the easy ones
        await pilot.pause()
        summary = str(setup.query_one("#setup-summary", Static).content)
        # Not the easy ones; a group of questions that give each other away counts once.
        harder = drawable_count(q for q in app.catalog.questions if q.difficulty != 1)
        assert harder < sum(1 for q in app.catalog.questions if q.difficulty != 1)
        assert f"Có {harder} câu phù hợp" in summary
        partial = setup.query_one("#setup-partial", OptionList).get_option_at_index(0)
        assert str(partial.prompt) == "[x] Tính điểm từng phần"
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        session = screen.quiz.session
        assert session.mode is Mode.TEST
        assert session.partial_credit
        assert session.time_limit == timedelta(minutes=15)
        assert all(item.question.difficulty != 1 for item in session.paper.items)
        stored = app.store.attempt(screen.quiz.id).settings
        assert stored["partial_credit"] is True
        assert stored["time_limit_s"] == 900
