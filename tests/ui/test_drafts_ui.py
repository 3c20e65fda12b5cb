"""The "Soạn câu hỏi" screen (issue 15, part 3 in the interface): a new pack's draft
questions with the passage they quote; accept, edit in place, reject, each written to
the bank file at once; a practice drawn from the pack afterwards offers the accepted
question and never the rejected one, nor any draft left."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static, TextArea

from studyapp import paths
from studyapp.content.model import LETTERS
from studyapp.quiz.plan import QuizPlan
from studyapp.quiz.selection import Filters
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.screens.drafts import DraftEditScreen, DraftsScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.new_document import StructureScreen
from studyapp.ui.screens.quiz import QuizScreen
from tests.conftest import SHARED
from tests.ui.conftest import build_app, member, rendered_lines

PLAN = SHARED / "source" / "ke-hoach-67-KH-DU.txt"
PACK = "ke-hoach-thu"


async def drafts_of_a_new_pack(pilot: Pilot[None], tmp_path: Path) -> DraftsScreen:
    """From the home screen: the plan's text picked, the pack made, drafts written."""
    app = pilot.app
    assert isinstance(app, StudyApp)
    folder = tmp_path / "Tải về"
    folder.mkdir()
    shutil.copy(PLAN, folder / "ke-hoach.txt")
    await pilot.pause()
    await pilot.press("t")
    await pilot.pause()
    box = app.screen.query_one("#import-path", Input)
    box.focus()
    box.value = str(folder / "ke-hoach.txt")
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, StructureScreen)
    app.screen.query_one("#structure-title", Input).value = "Kế hoạch thử"
    await pilot.press("ctrl+s")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, ChoiceDialog)
    await pilot.press("d")
    await app.workers.wait_for_complete()
    await pilot.pause()
    assert isinstance(app.screen, DraftsScreen)
    return app.screen


def bank_path() -> Path:
    return paths.user_content_dir() / PACK / "banks" / "nhap.toml"


def screen_text(screen: DraftsScreen) -> str:
    box = screen.query_one("#drafts-passage-box")
    return "\n".join([*(str(screen.query_one(f"#drafts-{part}", Static).render())
                       for part in ("count", "question", "passage")), str(box.border_title)])


async def test_accept_edit_and_reject_drafts_then_practise_the_new_pack(tmp_path: Path
                                                                        ) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await drafts_of_a_new_pack(pilot, tmp_path)
        drafts = list(screen.drafts)
        assert len(drafts) == 12
        assert all(q.draft for q in drafts)
        assert not [q for q in app.catalog.questions if q.bank_id == f"nhap-{PACK}"]
        text = screen_text(screen)
        assert "12 câu nháp chờ duyệt" in text
        first = drafts[0]
        assert first.prompt.split(",")[0] in text
        # The passage the explanation quotes, from the new pack's own lesson.
        assert "Kiên định nguyên tắc ổn định kinh tế vĩ mô" in text
        assert "Bài II.3.(1)" in text
        original = bank_path().read_text(encoding="utf-8")

        await pilot.press("a")  # accept the first
        await pilot.pause()
        after_accept = bank_path().read_text(encoding="utf-8")
        assert after_accept.count('status = "draft"') == 11
        assert len(screen.drafts) == 11
        rejected = screen.drafts[0]
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("g")  # keep it after all: nothing written
        await pilot.pause()
        assert bank_path().read_text(encoding="utf-8") == after_accept
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("b")
        await pilot.pause()
        assert app.screen is screen
        assert len(screen.drafts) == 10
        assert f'id = "{rejected.id}"' not in bank_path().read_text(encoding="utf-8")

        # Edit the next: a bad answer is refused at its place, the file untouched.
        edited = screen.drafts[0]
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, DraftEditScreen)
        before_edit = bank_path().read_text(encoding="utf-8")
        answer = form.query_one("#draft-answer", Input)
        answer.value = "Z"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        error = str(form.query_one("#draft-edit-error", Static).render())
        assert "Chưa lưu" in error
        assert f"{bank_path()}:" in error
        assert bank_path().read_text(encoding="utf-8") == before_edit
        form.query_one("#draft-prompt", TextArea).text = "Mục II.3.(1) nêu những gì?\x1b[2J"
        assert edited.type in ("single", "multi")
        answer.value = ", ".join(LETTERS[i] for i in edited.correct_choices)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert screen.drafts[0].prompt == "Mục II.3.(1) nêu những gì?"
        await pilot.press("a")  # and accepted as edited
        await pilot.pause()

        # Nothing but the decisions changed: the other drafts as they were.
        now = bank_path().read_text(encoding="utf-8")
        for question in screen.drafts:
            assert f'id = "{question.id}"' in now
        assert now.count("[[questions]]") == original.count("[[questions]]") - 1

        await pilot.press("escape")  # back: the catalog read again
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        accepted = {q.id for q in app.catalog.questions if q.bank_id == f"nhap-{PACK}"}
        assert accepted == {first.id, edited.id}
        assert rejected.id not in {q.id for bank in app.catalog.banks
                                   for q in (*bank.questions, *bank.drafts)}

        # A practice drawn from the new pack: the accepted questions, never another.
        plan = QuizPlan(count=2, filters=Filters(packs=frozenset({PACK})))
        assert plan.available(app.catalog) == 2
        for seed in range(20):
            assert {item.question.id for item in plan.draw(app.catalog, seed).items} <= \
                accepted
        member(app)
        await pilot.pause()
        app.quizzes.start_quiz(QuizPlan(count=1, filters=Filters(packs=frozenset({PACK}))))
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert quiz.quiz.session.paper.items[0].question.id in accepted


async def test_the_drafts_are_in_the_palette_and_the_screen_empties(tmp_path: Path) -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await drafts_of_a_new_pack(pilot, tmp_path)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"soan cau hoi", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        for _ in range(len(screen.drafts)):
            await pilot.press("a")
            await pilot.pause()
        assert "Không còn câu nháp nào" in screen_text(screen)
        assert not screen.query_one("#drafts-list", OptionList).display
        assert 'status = "draft"' not in bank_path().read_text(encoding="utf-8")


def test_snapshot_of_the_review_screen(snap_compare: Any, tmp_path: Path) -> None:
    async def walk(pilot: Pilot[None]) -> None:
        await drafts_of_a_new_pack(pilot, tmp_path)
        pilot.app.clear_notifications()  # the toasts name the test's temporary folder
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=(80, 24), run_before=walk)


HOSTILE_BANK = '''format = 1
id = "nhap-doc"
title = "Nháp"

[[questions]]
id = "nhap-1"
type = "single"
prompt = "Theo mục I, \\u001b]52;c;ZWNobw==\\u0007nội dung\\u001b[2J nào\\u202e được nêu?"
choices = ["Một \\u001b[31mđỏ", "Hai", "Ba"]
answer = "B"
explanation = "Theo mục I: “Hai\\u009b31m”"
lesson = "doc-i"
status = "draft"
'''


async def test_escape_codes_in_a_bank_never_reach_the_terminal(tmp_path: Path) -> None:
    pack = tmp_path / "doc"
    (pack / "lessons").mkdir(parents=True)
    (pack / "banks").mkdir()
    (pack / "pack.toml").write_text('format = 1\nid = "doc"\ntitle = "Tài liệu"\n'
                                    'source = "Thử"\nlanguage = "vi"\n', encoding="utf-8")
    (pack / "lessons" / "doc-i.md").write_text(
        '+++\nid = "doc-i"\ntitle = "Mục I"\nsource = "I"\n+++\n\nMột, Hai, Ba.\n',
        encoding="utf-8")
    bank = pack / "banks" / "nhap.toml"
    bank.write_text(HOSTILE_BANK, encoding="utf-8")
    app = build_app(pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.drafts.open_bank(bank, "doc", "Tài liệu")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DraftsScreen)
        text = "\n".join(rendered_lines(app))
        assert "Theo mục I," in text
        assert "Một" in text
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in text
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, DraftEditScreen)
        text = "\n".join(rendered_lines(app))
        assert "nội dung" in text
        for bad in ("\x1b", "\x07", "\x9b", "\u202e"):
            assert bad not in text
