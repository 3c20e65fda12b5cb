"""The lesson browser: tree, lesson view, next/previous, search and open at the match."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Input, OptionList, Static

from studyapp.ui.screens.help import HelpScreen
from studyapp.ui.screens.lessons import LessonsScreen
from studyapp.ui.screens.search import SearchScreen
from studyapp.ui.widgets.lesson_tree import LessonTree
from studyapp.ui.widgets.lesson_view import LessonView
from tests.conftest import DATA
from tests.ui.conftest import build_app


async def open_lessons(pilot) -> LessonsScreen:  # type: ignore[no-untyped-def]
    await pilot.press("b")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, LessonsScreen)
    return screen


async def test_tree_moves_preview_and_enter_reads() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        assert isinstance(app.focused, LessonTree)
        await pilot.press("down")
        await pilot.pause()
        assert screen.current_lesson_id == "i"
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.current_lesson_id == "i-2"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, LessonView)
        assert screen.current_lesson_id == "i-2"


async def test_next_and_previous_follow_reading_order() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("p")
        await pilot.pause()
        assert screen.current_lesson_id == "gioi-thieu"  # the first: stays
        assert any("bài đầu tiên" in str(n.message) for n in app._notifications)
        for expected in ("i", "i-1", "i-2", "i-3", "ii", "ii-1"):
            await pilot.press("n")
            await pilot.pause()
            assert screen.current_lesson_id == expected
        tree = screen.query_one(LessonTree)
        assert tree.cursor_node is not None
        assert tree.cursor_node.data == "ii-1"  # the tree follows
        await pilot.press("p")
        await pilot.pause()
        assert screen.current_lesson_id == "ii"


async def test_lesson_view_shows_title_source_key_points_and_text() -> None:
    app = build_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        await screen.open_lesson("ii-3-1")
        await pilot.pause()
        view = screen.query_one(LessonView)
        texts = [str(s.content) for s in view.query(Static)]
        assert texts[0] == "Về mục tiêu tăng trưởng kinh tế hai con số"
        assert "Nguồn: Kế hoạch số 67-KH/ĐU, mục II.3.(1)" in texts[1]
        assert "Tăng trưởng thực chất" in texts
        assert any(t.startswith("Tăng trưởng thực chất. Không đánh đổi") for t in texts)
        markers = [t for t in texts if t in ("1.", "2.", "3.", "4.")]
        assert markers == ["1.", "2.", "3.", "4."]


async def test_search_opens_the_lesson_at_the_match() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"kha nang tu ve")
        await pilot.pause()
        results = app.screen.query_one(OptionList)
        assert results.option_count >= 1
        assert results.highlighted == 0  # the lesson with the phrase itself comes first
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert app.screen is screen
        assert screen.current_lesson_id == "ii-3-4"
        view = screen.query_one(LessonView)
        assert view.highlighted_texts() == ["khả năng tự vệ"]
        # The match is in the text, below the key points: the view went there.
        assert view.scroll_y > 0
        match_widget = view._match_widget
        assert match_widget is not None
        assert view.region.intersection(match_widget.region).area > 0
        assert isinstance(app.focused, LessonView)


async def test_search_from_home_and_escape() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"đoc lâp")
        await pilot.pause()
        status = str(app.screen.query_one("#search-status", Static).content)
        assert "kết quả cho “đoc lâp”" in status
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, SearchScreen)
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"kien dinh", "down", "down", "enter")  # into the list, one down
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.current_lesson_id == "bkd-bon-dieu-kien-dinh"  # the second result


async def test_mouse_click_opens_a_lesson() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        tree = screen.query_one(LessonTree)
        # The third line of the tree is I.1.
        await pilot.click(LessonTree, offset=(6, 2))
        await pilot.pause()
        assert tree.cursor_node is not None
        assert screen.current_lesson_id == tree.cursor_node.data == "i-1"


async def test_toggle_tree_and_help() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        await pilot.press("t")
        await pilot.pause()
        assert not screen.query_one(LessonTree).display
        assert isinstance(app.focused, LessonView)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(s.content) for s in app.screen.query(Static))
        assert "Bài tiếp" in text
        assert "Ctrl+Q" in text
        await pilot.press("question_mark")
        await pilot.pause()
        assert app.screen is screen


async def test_markup_in_content_is_shown_literally() -> None:
    app = build_app(DATA / "broken")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_lessons(pilot)
        await screen.open_lesson("a-markup")
        await pilot.pause()
        view = screen.query_one(LessonView)
        contents = [s.content for s in view.query(Static)]
        assert all(isinstance(c, Content) for c in contents)
        plain = [str(c) for c in contents]
        assert plain[0] == "Ngoặc [b]đậm[/b] [/] [link=x]liên kết[/link]"
        assert "Văn bản [b]không[/b] được hiểu là markup [/] [@click=app.quit]thoát[/]." in plain
        # Clicking the text that looks like an action runs nothing.
        await pilot.click("#lesson-title")
        await pilot.pause()
        assert app.is_running
        tree = screen.query_one(LessonTree)
        labels = [str(node.label) for node in tree._lesson_nodes.values()]
        assert "4. Ngoặc [b]đậm[/b] [/] [link=x]liên kết[/link]" in labels


async def test_keys_pressed_fast_in_the_tree_end_where_the_cursor_is() -> None:
    """Held-down arrows: every press counts, and the lesson shown is the one
    under the cursor (opening a lesson must not pull the cursor back)."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_lessons(pilot)
        tree = screen.query_one(LessonTree)
        for _ in range(8):  # eight moves queued before any is handled, as from a fast terminal
            tree.action_cursor_down()
        await pilot.pause()
        await pilot.pause()
        assert tree.cursor_node is not None
        assert tree.cursor_node.data == "ii-2-1"  # 8 lines below the first
        assert screen.current_lesson_id == "ii-2-1"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, LessonView)
        assert screen.current_lesson_id == "ii-2-1"


async def test_a_question_found_by_search_opens_its_lesson() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"thuoc tinh")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        hits = search._hits
        position = next(i for i, hit in enumerate(hits) if hit.kind == "question")
        question = app.catalog.question(hits[position].id)
        results = search.query_one(OptionList)
        results.highlighted = position
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        assert app.screen.current_lesson_id == question.lesson


async def test_search_typed_in_telex_finds_and_highlights_the_vietnamese() -> None:
    # Issue 14 item 21: a machine with no Vietnamese input method.
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        await pilot.press(*"kieen ddinhj")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        assert [hit.id for hit in search._hits] == [
            hit.id for hit in app.library.search("kiên định", 50)]
        assert search.query_one(OptionList).option_count >= 1
        reading = search.query_one("#search-reading", Static)
        assert reading.display
        assert str(reading.render()) == "Đã hiểu là: kiên định"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, LessonsScreen)
        view = app.screen.query_one(LessonView)
        assert view.highlighted_texts()
        assert all(text.casefold() == "kiên định" for text in view.highlighted_texts())


def shows(widget: Static) -> bool:
    """Whether the widget is displayed (a function, so that each check is read anew)."""
    return bool(widget.display)


async def test_search_says_how_a_telex_query_was_read_and_only_then() -> None:
    """The line "Đã hiểu là" shows the Vietnamese a Telex query spelled, and goes
    when the query is taken as typed (with or without diacritics) or finds nothing."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("slash")
        await pilot.pause()
        search = app.screen
        assert isinstance(search, SearchScreen)
        reading = search.query_one("#search-reading", Static)
        assert not shows(reading)  # nothing typed yet
        await pilot.press(*"boons kieen ddinhj")
        await pilot.pause()
        assert shows(reading)
        assert str(reading.render()) == "Đã hiểu là: bốn kiên định"
        assert reading.region.height == 1  # on screen, one line, at 80x24
        box = search.query_one("#search-input", Input)
        box.value = "kien dinh"  # plain letters: taken as typed
        await pilot.pause()
        assert search._hits
        assert not shows(reading)
        box.value = "kiên định"
        await pilot.pause()
        assert not shows(reading)
        box.value = "zzqqj xxw"  # Telex changes it, but nothing is found
        await pilot.pause()
        assert not search._hits
        assert not shows(reading)
        # Invisible and control characters pasted with the query are not part of it.
        box.value = "kieen ddinhj \u200b\x1b"
        await pilot.pause()
        assert search._hits
        assert str(reading.render()) == "Đã hiểu là: kiên định"
