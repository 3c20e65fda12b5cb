"""Issue 14 item 27: Down from a text box lands on the first name or result;
the palette says what it can reach during a meeting; the help in a session's
test says what Esc and Ctrl+Q need, and lists no key that does nothing."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from studyapp.i18n import tr
from studyapp.quiz.session import Mode
from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.learner import LearnerScreen
from studyapp.ui.screens.lessons import LessonsScreen
from studyapp.ui.screens.palette import PaletteScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.search import SearchScreen
from studyapp.ui.screens.turns import TurnsScreen
from tests.ui.conftest import build_app, member, one_of_each_type, start
from tests.ui.test_sessions import NAMES, open_turns, pick, screen_text


async def test_down_from_the_name_box_lands_on_the_first_name() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for name in ("Lê Văn An", "Lê Văn Ân", "Trần Thị Bé"):
            app.learners.add_member(name, "Chi bộ 1", None)
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, LearnerScreen)
        await pilot.press(*"le van", "down")
        await pilot.pause()
        names = screen.query_one(OptionList)
        assert app.focused is names
        assert names.highlighted_option is not None
        assert str(names.highlighted_option.prompt).strip() == "Lê Văn An"  # not skipped
        await pilot.press("a")  # typing goes on in the box
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert app.focused.value == "le vana"
        await pilot.press("backspace", "down", "down", "enter")  # the second name
        await pilot.pause()
        assert app.learner is not None
        assert app.learner.name == "Lê Văn Ân"


async def test_down_from_the_search_box_lands_on_the_first_result() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        await pilot.press(*"kien dinh", "down")
        await pilot.pause()
        results = search.query_one(OptionList)
        assert app.focused is results
        assert results.highlighted == 0
        first = search._hits[0]
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.current_lesson_id == first.id


async def test_the_palette_says_what_it_reaches() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, PaletteScreen)
        assert app.screen.query_one(Input).placeholder == tr("palette.placeholder")
        await pilot.press("escape")
        await pilot.pause()
        await open_turns(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        palette = app.screen
        assert isinstance(palette, PaletteScreen)
        placeholder = palette.query_one(Input).placeholder
        assert "bài học" not in placeholder  # no lesson is reachable from the turns
        for command in palette.commands:  # what it names is what it offers
            assert command.title.casefold() in placeholder.casefold()


async def test_the_help_in_a_session_test_says_what_needs_the_pin() -> None:
    app = build_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        await open_turns(app, pilot)
        await pick(pilot, NAMES[0])
        assert isinstance(app.screen, QuizScreen)
        app.action_help()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = [line.split(maxsplit=1) for line in screen_text(app).splitlines()
                 if line.strip()]
        rows = {parts[0]: parts[1] for parts in lines if len(parts) == 2}
        assert rows["Esc"] == "Tạm dừng (cần mã PIN của bí thư)"
        assert rows["Ctrl+Q"] == "Thoát (cần mã PIN của bí thư)"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)


async def test_the_help_on_a_typed_answer_lists_no_dead_key() -> None:
    app = build_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.pause()
        member(app)
        paper = one_of_each_type(app.catalog)
        quiz = await start(pilot, paper, Mode.TEST)
        for kind, typed in (("fill", True), ("single", False)):
            position = next(i for i, item in enumerate(paper.items)
                            if item.question.type == kind)
            await quiz.go_to_question(position)
            await pilot.pause()
            app.action_help()
            await pilot.pause()
            assert isinstance(app.screen, HelpScreen)
            keys = [line.split()[0] for line in screen_text(app).splitlines() if line.strip()]
            # On a text box `?` is typed and the arrows move nothing.
            assert ("?" in keys) is not typed
            assert ("↑" in keys) is not typed
            assert "Esc" in keys  # a self-study test: pausing needs no PIN
            assert "Tạm dừng (cần mã PIN của bí thư)" not in screen_text(app)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is quiz
        assert not isinstance(app.screen, TurnsScreen)
