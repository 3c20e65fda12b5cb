"""Content: the banks loaded after the first frame, search, the lessons the
member read, and a lesson opened at the passage an explanation quotes.

The screens show (`screens/lessons.py`, `screens/search.py`); this flow finds
and decides which lesson opens where. It belongs to the app (`app.library`).
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from textual.message import Message

from studyapp.content.loading import LoadResult, load_catalog
from studyapp.errors import StudyappError
from studyapp.i18n import tr

if TYPE_CHECKING:
    from studyapp.content.search import Match, SearchHit, SearchIndex
    from studyapp.store.models import Learner
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.search import SearchResult


class ContentLoaded(Message):
    """The banks are loaded: screens that show content may refresh."""


class ContentFlow:
    """Loading, search, opening a passage; the lessons read."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app
        self._lessons_read: set[str] | None = None
        self._last_query = ""

    def forget_reading(self) -> None:
        """Another learner (or the remembered one): the lessons read are read again."""
        self._lessons_read = None

    def load_everything(self) -> None:
        """Read the whole catalog, banks included, and who studied last time,
        after the first frame: neither a large bank nor the database (nor
        importing sqlite3) keeps the home screen from appearing."""
        self.app.run_worker(self._load_everything, thread=True, exclusive=True,
                            group="content")

    def _load_everything(self) -> None:
        result = load_catalog(self.app.settings.content_paths, self.app.settings.cache_dir)
        learner, problem = self.app.read_learner()
        self.app.call_from_thread(self._everything_loaded, result, learner, problem)
        if problem is None:  # the check before the first write, done while nobody waits
            self.app.store.database.check_ahead()

    def _everything_loaded(self, result: LoadResult, learner: Learner | None,
                           problem: str | None) -> None:
        self.app.store_opened(learner, problem)
        self.content_loaded(result)

    def use_user_content(self) -> None:
        """The user's content folder read from now on (the interface may have just
        made it: a question set imported, a pack made from a document)."""
        import dataclasses  # noqa: PLC0415

        from studyapp import paths  # noqa: PLC0415
        from studyapp.config import ContentDir  # noqa: PLC0415

        settings = self.app.settings
        user = paths.user_content_dir()
        if all(entry.path != user for entry in settings.content_dirs):
            self.app.settings = dataclasses.replace(
                settings, content_dirs=(*settings.content_dirs, ContentDir(user, "user")))

    def content_loaded(self, result: LoadResult) -> None:
        """Use the catalog with its banks (on the app's thread)."""
        self.app.content = result
        self.__dict__.pop("search_index", None)  # built again, questions included
        for screen in self.app.screen_stack:
            screen.post_message(ContentLoaded())
        self.app.call_later(self.app.offer_at_start)

    @property
    def lessons_read_count(self) -> int | None:
        read = self.lessons_read()
        return None if read is None else len(read)

    def lessons_read(self) -> set[str] | None:
        """The lessons the member has opened (None for a guest or nobody)."""
        learner = self.app.learner
        if learner is None or learner.member_id is None or self.app.store_problem:
            return None
        if self._lessons_read is None:
            try:
                records = self.app.store.lessons_read(learner.member_id)
            except StudyappError:
                return None
            self._lessons_read = {r.lesson_id for r in records
                                  if self.app.catalog.has_lesson(r.lesson_id)}
        return self._lessons_read

    def mark_read(self, lesson_id: str) -> bool:
        """Record that the member read a lesson; True if it is newly read."""
        read = self.lessons_read()
        learner = self.app.learner
        if read is None or learner is None or learner.member_id is None:
            return False
        try:
            self.app.store.mark_lesson_read(learner.member_id,
                                        self.app.catalog.lesson(lesson_id).pack_id, lesson_id)
        except StudyappError as error:
            self.app.notify(error.message, severity="error", markup=False)
            return False
        new = lesson_id not in read
        read.add(lesson_id)
        return new

    @cached_property
    def search_index(self) -> SearchIndex:
        from studyapp.content.search import SearchIndex  # noqa: PLC0415 - on first search

        return SearchIndex(self.app.catalog)

    def search(self, query: str, limit: int) -> list[SearchHit]:
        return self.search_index.search(query, limit=limit)

    def open_lessons(self, lesson_id: str | None = None) -> None:
        """The lessons, at `lesson_id` or where the member last read."""
        from studyapp.ui.screens.lessons import LessonsScreen  # noqa: PLC0415 - see above

        self.app.push_screen(LessonsScreen(lesson_id or self.last_read_lesson()))

    def last_read_lesson(self) -> str | None:
        learner = self.app.learner
        if learner is None or learner.member_id is None or self.app.store_problem:
            return None
        try:
            reads = self.app.store.lessons_read(learner.member_id)
        except StudyappError:
            return None
        reads = [r for r in reads if self.app.catalog.has_lesson(r.lesson_id)]
        return max(reads, key=lambda r: r.last_read_at).lesson_id if reads else None

    def open_passage(self, lesson_id: str, explanation: str) -> None:
        """The lesson at the passage an explanation quotes, highlighted."""
        from studyapp.content.search import locate_explanation  # noqa: PLC0415
        from studyapp.ui.screens.lessons import LessonsScreen  # noqa: PLC0415

        passage = locate_explanation(self.app.catalog, lesson_id, explanation)
        if passage is None:
            self.app.push_screen(LessonsScreen(lesson_id))
        else:
            self.app.push_screen(LessonsScreen(passage.lesson_id, passage.match, passage.text))

    def open_search(self) -> None:
        from studyapp.ui.screens.search import SearchScreen  # noqa: PLC0415

        if isinstance(self.app.screen, SearchScreen):
            return
        self.app.push_screen(SearchScreen(self._last_query), self._search_done)

    async def _search_done(self, result: SearchResult | None) -> None:
        from studyapp.ui.screens.lessons import LessonsScreen  # noqa: PLC0415

        if result is None:
            return
        self._last_query = result.query
        hit = result.hit
        lesson_id: str | None = hit.id
        match: Match | None = hit.match
        if hit.kind == "question":
            # A question leads to the lesson that answers it, its words highlighted.
            lesson_id = self.app.catalog.question(hit.id).lesson
            match = None
        if lesson_id is None:
            self.app.notify(tr("search.no_lesson"), markup=False)
            return
        if isinstance(self.app.screen, LessonsScreen):
            await self.app.screen.open_lesson(lesson_id, query=result.query, match=match,
                                          focus_view=True)
        else:
            self.app.push_screen(LessonsScreen(lesson_id, match, result.query))

    def show_content_problems(self) -> None:
        from studyapp.ui.screens.problems import ContentProblemsScreen  # noqa: PLC0415

        self.app.push_screen(ContentProblemsScreen(self.app.content.skipped,
                                                   self.app.content.problems))

