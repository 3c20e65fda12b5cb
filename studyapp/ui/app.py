"""The Textual app: wires screens and global keys; the work is done by the core."""

from __future__ import annotations

from functools import cached_property
from pathlib import PurePath
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen

from studyapp.config import Settings
from studyapp.content.catalog import Catalog
from studyapp.content.loading import LoadResult, load_catalog
from studyapp.i18n import set_language, tr
from studyapp.ui.bindings import translate_bindings
from studyapp.ui.screens.home import HomeScreen

# Screens other than home are imported when first opened: the first frame
# should not wait for the Tree, Input and the rest (see benchmarks/).
if TYPE_CHECKING:
    from studyapp.content.search import Match, SearchHit, SearchIndex
    from studyapp.ui.screens.search import SearchResult


class ContentLoaded(Message):
    """The banks are loaded: screens that show content may refresh."""


class StudyApp(App[None]):
    """studyapp's interface. Build it with `make_app`."""

    # Every screen's stylesheet, read once at start: a screen that brings its
    # own CSS_PATH makes Textual parse the whole stylesheet again when it opens.
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "app.tcss",
        *(f"screens/{name}.tcss" for name in ("home", "lessons", "search", "help", "problems")),
    ]
    TITLE = "studyapp"
    # The command palette lists Textual's own commands, in English only.
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "key.quit", show=False, priority=True, id="app.quit"),
        Binding("question_mark", "help", "key.help", id="app.help"),
    ]

    def __init__(self, settings: Settings, content: LoadResult, *,
                 load_banks: bool = False) -> None:
        super().__init__()
        translate_bindings(self)
        self.settings = settings
        self.content = content
        self._load_banks = load_banks

    def first_screen_shown(self) -> None:
        """Called by the home screen once it is drawn: only then are the banks
        read, so that their load never competes with the first frame."""
        if self._load_banks:
            self._load_banks = False
            self._load_everything()

    @work(thread=True, exclusive=True, group="content")
    def _load_everything(self) -> None:
        """Read the whole catalog, banks included, after the first frame: a
        large bank must not keep the home screen from appearing."""
        result = load_catalog(self.settings.content_paths, self.settings.cache_dir)
        self.call_from_thread(self.content_loaded, result)

    def content_loaded(self, result: LoadResult) -> None:
        """Use the catalog with its banks (on the app's thread)."""
        self.content = result
        self.__dict__.pop("search_index", None)  # built again, questions included
        for screen in self.screen_stack:
            screen.post_message(ContentLoaded())

    @property
    def catalog(self) -> Catalog:
        return self.content.catalog

    @cached_property
    def search_index(self) -> SearchIndex:
        from studyapp.content.search import SearchIndex  # noqa: PLC0415 - on first search

        return SearchIndex(self.catalog)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self.search_index.search(query, limit=limit)

    def get_default_screen(self) -> Screen[None]:
        # Not a MODE: starting a mode makes Textual parse the whole stylesheet
        # a second time, which cost a fifth of the time to the first frame.
        return HomeScreen()

    # --- flows -----------------------------------------------------------------

    def open_lessons(self, lesson_id: str | None = None) -> None:
        from studyapp.ui.screens.lessons import LessonsScreen  # noqa: PLC0415 - see above

        self.push_screen(LessonsScreen(lesson_id))

    def open_search(self) -> None:
        from studyapp.ui.screens.search import SearchScreen  # noqa: PLC0415

        if isinstance(self.screen, SearchScreen):
            return
        self.push_screen(SearchScreen(), self._search_done)

    async def _search_done(self, result: SearchResult | None) -> None:
        from studyapp.ui.screens.lessons import LessonsScreen  # noqa: PLC0415

        if result is None:
            return
        hit = result.hit
        lesson_id: str | None = hit.id
        match: Match | None = hit.match
        if hit.kind == "question":
            # A question leads to the lesson that answers it, its words highlighted.
            lesson_id = self.catalog.question(hit.id).lesson
            match = None
        if lesson_id is None:
            self.notify(tr("search.no_lesson"), markup=False)
            return
        if isinstance(self.screen, LessonsScreen):
            await self.screen.open_lesson(lesson_id, query=result.query, match=match,
                                          focus_view=True)
        else:
            self.push_screen(LessonsScreen(lesson_id, match, result.query))

    def show_content_problems(self) -> None:
        from studyapp.ui.screens.problems import ContentProblemsScreen  # noqa: PLC0415

        self.push_screen(ContentProblemsScreen(self.content.skipped, self.content.problems))

    # --- global actions ------------------------------------------------------------

    def action_help(self) -> None:
        from studyapp.ui.screens.help import HelpScreen, KeyRow  # noqa: PLC0415

        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        rows: list[KeyRow] = []
        seen: set[str] = set()
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.description or not binding.show or binding.description in seen:
                continue
            if active.node is not screen and active.node is not self:
                continue
            seen.add(binding.description)
            rows.append((self.get_key_display(binding) or key, binding.description))
        self.push_screen(HelpScreen(rows, screen.sub_title or self.title))

    def get_key_display(self, binding: Binding) -> str:
        # "Esc" as the help and the keyboard write it, not Textual's "esc".
        display = super().get_key_display(binding)
        return "Esc" if display == "esc" else display

    def action_help_quit(self) -> None:
        # Ctrl+C in a terminal usually means "stop": say how to quit here.
        self.notify(tr("app.quit_hint"), markup=False)


def make_app(settings: Settings, content: LoadResult, *, load_banks: bool = False) -> StudyApp:
    """The one way to build the app, for the command line and for the tests.
    With `load_banks`, `content` has the lessons only and the banks are read
    in the background once the first screen is shown."""
    set_language(settings.lang)
    return StudyApp(settings, content, load_banks=load_banks)
