"""The home screen: says what the program is and offers only what works."""

from __future__ import annotations

import sys

import pytest
from textual.widgets import OptionList, Static

from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.lessons import LessonsScreen
from studyapp.ui.screens.problems import ContentProblemsScreen
from tests.conftest import DATA, write
from tests.ui.conftest import build_app


def screen_text(app) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(str(static.content) for static in app.screen.query(Static))


async def test_home_says_what_to_do() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "Học tập Kế hoạch số 67-KH/ĐU" in text
        assert "Bạn muốn làm gì?" in text
        menu = app.screen.query_one(OptionList)
        assert [menu.get_option_at_index(i).id for i in range(menu.option_count)] == [
            "lessons", "practice", "test", "review", "results", "sessions", "new_document",
            "search", "learner", "language", "help", "quit"]
        assert "Chưa chọn người học" in text
        assert app.focused is menu
        # Enter on the first entry opens the lessons.
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.current_lesson_id == "gioi-thieu"


async def test_menu_by_arrows_and_keys() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("end", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        assert not app.is_running


async def test_ctrl_c_explains_how_to_quit() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert app.is_running
        assert any("Ctrl+Q" in str(n.message) for n in app._notifications)


async def test_broken_content_starts_and_lists_skipped_files() -> None:
    app = build_app(DATA / "broken")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "bị bỏ qua vì có lỗi" in screen_text(app)
        menu = app.screen.query_one(OptionList)
        assert "problems" in [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, ContentProblemsScreen)
        text = screen_text(app)
        assert "06-no-front-matter.md" in text
        assert "15-latin1.md:3:11: error:" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_no_dead_entries_without_content(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "empty").mkdir()
    app = build_app(tmp_path / "empty")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        menu = app.screen.query_one(OptionList)
        ids = [menu.get_option_at_index(i).id for i in range(menu.option_count)]
        assert "lessons" not in ids
        assert "search" not in ids
        assert "practice" not in ids
        assert "test" not in ids
        await pilot.press("b")  # the key does nothing either
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Chưa có bài học nào" in screen_text(app)


async def test_english_interface() -> None:
    app = build_app(lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "What would you like to do?" in screen_text(app)
        assert app.screen.sub_title == "Home"


async def test_key_bar_lists_the_keys_and_clicks_press_them() -> None:
    from studyapp.ui.widgets.key_bar import KeyBar  # noqa: PLC0415

    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one(KeyBar)
        assert bar.keys == ["b", "l", "k", "x", "slash", "q", "question_mark"]
        assert "Bài học" in str(bar.content)
        await pilot.click(KeyBar, offset=(2, 0))  # on "b Bài học"
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        lessons_bar = app.screen.query_one(KeyBar)
        assert lessons_bar.keys[:2] == ["n", "p"]
        assert str(app.screen.query_one("TitleBar").content) == "studyapp — Bài học"


async def test_banks_load_after_the_first_screen() -> None:
    """The command line starts the interface with the lessons only; the banks
    follow in the background and search then finds questions too."""
    from studyapp.config import load_user_config, resolve_settings  # noqa: PLC0415
    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.ui.app import make_app  # noqa: PLC0415

    settings = resolve_settings(load_user_config())
    lessons_only = load_catalog(settings.content_paths, settings.cache_dir, with_banks=False)
    assert not lessons_only.catalog.questions
    app = make_app(settings, lessons_only, load_banks=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(app.catalog.questions) >= 200
        assert any(hit.kind == "question" for hit in app.library.search("dong nai", 20))
        assert isinstance(app.screen, HomeScreen)
        assert app.focused is app.screen.query_one(OptionList)


@pytest.mark.skipif(sys.platform == "win32", reason="ESC is not allowed in Windows file names")
async def test_escape_codes_in_file_and_key_names_never_reach_the_problems_screen(
        tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Issue 21 items 14-15: a lesson file named with ESC[31m and a bank key
    with an OSC 52 escape are listed, visibly, without a single ESC."""
    pack = tmp_path / "p"
    write(pack / "pack.toml", 'format = 1\nid = "p"\ntitle = "Gói"\nsource = "Văn bản"\n')
    write(pack / "lessons" / "a.md", '+++\nid = "a"\ntitle = "A"\nsource = "I"\n+++\nBài.\n')
    write(pack / "lessons" / "\x1b[31mred\x1b[0m.md", "no front matter\n")
    write(pack / "banks" / "b.toml", 'format = 1\nid = "b"\ntitle = "B"\n'
          '"\\u001b]52;c;aGk=\\u0007k" = 1\n')
    app = build_app(pack)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.library.show_content_problems()
        await pilot.pause()
        assert isinstance(app.screen, ContentProblemsScreen)
        text = screen_text(app)
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\\x1b[31mred\\x1b[0m.md" in text
        assert "\\x1b]52;c;aGk=\\x07k" in text
