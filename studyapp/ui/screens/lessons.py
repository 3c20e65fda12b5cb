"""The lesson browser: the tree on the left, the lesson on the right."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.timer import Timer
from textual.widgets import Tree

from studyapp.content.search import Match
from studyapp.i18n import tr
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.lesson_tree import LessonTree
from studyapp.ui.widgets.lesson_view import LessonPage, LessonView
from studyapp.ui.widgets.title_bar import TitleBar


class LessonsScreen(StudyScreen[None]):
    """Read the lessons in order or jump anywhere; search and open at a match."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_lesson", "key.next", id="lessons.next"),
        Binding("p", "previous_lesson", "key.previous", id="lessons.previous"),
        Binding("slash", "search", "key.search", id="lessons.search"),
        Binding("t", "toggle_tree", "key.toggle_tree", id="lessons.toggle_tree"),
        Binding("l", "practise", "key.self_test", id="lessons.practise"),
        Binding("escape", "back", "key.back", id="lessons.back"),
    ]

    READ_AFTER = 4.0
    """Seconds a lesson stays open before it counts as read (moving through
    the tree shows each lesson in passing: that is not reading it)."""

    def __init__(self, lesson_id: str | None = None, match: Match | None = None,
                 query: str = "") -> None:
        super().__init__()
        catalog = self.study_app.catalog
        self._initial = (lesson_id or (catalog.lessons[0].id if len(catalog) else None), match,
                         query)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="lessons-body"):
            yield LessonTree(self.study_app.catalog, id="lesson-tree")
            yield LessonView(id="lesson-view")
        yield KeyBar()

    async def on_mount(self) -> None:
        self._read_timer: Timer | None = None
        self._show_read_marks()
        lesson_id, match, query = self._initial
        if lesson_id is not None:
            await self.open_lesson(lesson_id, query=query, match=match, focus_view=bool(query))
        if not query:
            self.query_one(LessonTree).focus()

    @property
    def view(self) -> LessonView:
        return self.query_one(LessonView)

    @property
    def lesson_tree(self) -> LessonTree:
        return self.query_one(LessonTree)

    @property
    def current_lesson_id(self) -> str | None:
        return self.view.lesson_id

    async def open_lesson(self, lesson_id: str, *, query: str = "", match: Match | None = None,
                          focus_view: bool = False, from_tree: bool = False) -> None:
        """Show a lesson (highlighting `query`, scrolled to `match`) and, unless
        the tree asked for it, move the tree's cursor to it."""
        app = self.study_app
        catalog = app.catalog
        lesson = catalog.lesson(lesson_id)
        page = LessonPage(
            lesson=lesson,
            document=catalog.document(lesson_id),
            pack_source=catalog.pack(lesson.pack_id).source,
            trail=tuple(a.title for a in reversed(catalog.ancestors(lesson_id))),
            children=catalog.children(lesson_id),
            position=catalog.position(lesson_id) + 1,
            total=len(catalog),
            query=query,
            match=match,
        )
        await self.view.show(page)
        if not from_tree:
            self.lesson_tree.show_lesson(lesson_id)
        if focus_view:
            self.view.focus()
        self._count_as_read(lesson_id, at_once=focus_view)

    # --- what the member has read ----------------------------------------------------------

    def _show_read_marks(self) -> None:
        """A tick before each lesson the member has read; how many in the title."""
        read = self.study_app.library.lessons_read()
        total = len(self.study_app.catalog)
        if read is None:
            self.sub_title = tr("lessons.subtitle")
            return
        tree = self.lesson_tree
        for lesson_id in tree.lesson_ids:
            tree.set_mark(lesson_id, "✓ " if lesson_id in read else "  ", "bold $text-success")
        self.sub_title = tr("lessons.subtitle_read", read=len(read), total=total)

    def _count_as_read(self, lesson_id: str, *, at_once: bool) -> None:
        if self._read_timer is not None:
            self._read_timer.stop()
            self._read_timer = None
        if self.study_app.library.lessons_read() is None:
            return
        if at_once:
            self._mark_read(lesson_id)
        else:
            self._read_timer = self.set_timer(self.READ_AFTER,
                                              lambda: self._mark_read(lesson_id))

    def _mark_read(self, lesson_id: str) -> None:
        if self.current_lesson_id == lesson_id and self.study_app.library.mark_read(lesson_id):
            self._show_read_marks()

    async def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[str]) -> None:
        # Moving through the tree previews each lesson.
        event.stop()
        if event.node is not self.lesson_tree.cursor_node:
            return  # the cursor has moved on (keys held down): show where it is now
        lesson_id = event.node.data
        if lesson_id and lesson_id != self.current_lesson_id and \
                self.study_app.catalog.has_lesson(lesson_id):
            await self.open_lesson(lesson_id, from_tree=True)

    async def on_tree_node_selected(self, event: Tree.NodeSelected[str]) -> None:
        # Enter (or a click) opens it for reading: the text takes the keys.
        event.stop()
        lesson_id = event.node.data
        if lesson_id and self.study_app.catalog.has_lesson(lesson_id):
            if lesson_id != self.current_lesson_id:
                await self.open_lesson(lesson_id, from_tree=True)
            self.view.focus()
            self._count_as_read(lesson_id, at_once=True)

    async def action_next_lesson(self) -> None:
        await self._step(forward=True)

    async def action_previous_lesson(self) -> None:
        await self._step(forward=False)

    async def _step(self, *, forward: bool) -> None:
        """Open the lesson after (or before) this one in reading order."""
        current = self.current_lesson_id
        catalog = self.study_app.catalog
        step = catalog.next_lesson if forward else catalog.previous_lesson
        target = step(current) if current else None
        if target is None:
            self.notify(tr("lessons.last" if forward else "lessons.first"), markup=False)
            return
        await self.open_lesson(target.id, focus_view=self.view.has_focus)

    def action_search(self) -> None:
        self.study_app.library.open_search()

    def action_toggle_tree(self) -> None:
        tree = self.lesson_tree
        tree.display = not tree.display
        if not tree.display:
            self.view.focus()

    def action_practise(self) -> None:
        """“Tự kiểm tra”: a practice on this lesson (and the lessons under it)."""
        lesson_id = self.current_lesson_id
        if lesson_id is not None:
            self.study_app.quizzes.practise_lesson(lesson_id)

    def action_back(self) -> None:
        self.dismiss()
