"""Review and progress: the due questions and the daily number, the progress
screen's data, the results history.

The screens show (`screens/progress.py`, `screens/history.py`); this flow reads
the store. It belongs to the app (`app.progress`), which owns the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import format_date, tr

if TYPE_CHECKING:
    from studyapp.store.models import Attempt, Learner, LessonProgress, ReadingProgress
    from studyapp.ui.app import StudyApp


@dataclass(frozen=True)
class ReviewStatus:
    """The member's review today."""

    due: int
    """Questions due today."""
    today: int
    """Of them, what today's number still lets a review offer."""
    limit: int
    next_due: datetime | None
    """When nothing is due: when the next question is."""


@dataclass(frozen=True)
class ProgressData:
    """A member's progress, as the progress screen shows it."""

    reading: ReadingProgress
    lessons: list[LessonProgress]
    due: int
    next_due: datetime | None
    daily_limit: int
    attempts: list[Attempt]


class ProgressFlow:
    """Due cards, the daily limit, the progress and history data."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def review_status(self) -> ReviewStatus | None:
        """What is due today for the member studying, what today's number still
        allows, and when the next is due when none is (None: a guest, nobody,
        or no database)."""
        learner = self.app.learner
        if learner is None or learner.member_id is None or self.app.store_problem:
            return None
        from studyapp.store.review import (  # noqa: PLC0415 - not before the first frame
            daily_limit,
            due_count,
            next_due,
            reviewed_today,
        )

        member_id = learner.member_id
        try:
            now = self.app.clock()
            due = due_count(self.app.store, member_id, now, catalog=self.app.catalog)
            limit = daily_limit(self.app.store, member_id)
            # What `review_queue` would offer, without listing the due cards again.
            today = max(0, min(due, limit - reviewed_today(self.app.store, member_id, now)))
            return ReviewStatus(due, today, limit, None if due else next_due(
                self.app.store, member_id, now, catalog=self.app.catalog))
        except StudyappError:
            return None

    def start_review(self) -> None:
        """“Ôn tập”: the member's due questions, most overdue first, up to their
        daily number, through the practice screen."""
        self.app.learners.with_learner(self._review)

    def _review(self) -> None:
        from studyapp.quiz.plan import QuizPlan  # noqa: PLC0415
        from studyapp.quiz.selection import new_seed, ordered_paper  # noqa: PLC0415
        from studyapp.quiz.session import Mode  # noqa: PLC0415
        from studyapp.store.review import (  # noqa: PLC0415
            daily_limit,
            due_count,
            next_due,
            review_queue,
        )

        learner = self.app.learner
        if learner is None:
            return
        if learner.member_id is None:
            self.app.notify(tr("review.guest"), severity="warning", markup=False, timeout=8)
            return
        now = self.app.clock()
        try:
            queue = review_queue(self.app.store, learner.member_id, now, catalog=self.app.catalog)
            upcoming = None if queue else next_due(self.app.store, learner.member_id, now,
                                                   catalog=self.app.catalog)
        except StudyappError as error:
            self.app.store_failed(error.message)
            return
        if not queue:
            due = due_count(self.app.store, learner.member_id, now, catalog=self.app.catalog)
            if due:
                message = tr("review.limit_reached", due=due,
                             limit=daily_limit(self.app.store, learner.member_id))
            elif upcoming:
                message = tr("review.nothing_due", when=format_date(upcoming.astimezone().date()))
            else:
                message = tr("review.no_cards")
            self.app.notify(message, markup=False, timeout=10)
            return
        paper = ordered_paper([self.app.catalog.question(card.question_id) for card in queue],
                              new_seed())
        self.app.quizzes.take_paper(paper, QuizPlan(mode=Mode.PRACTICE, count=len(queue)),
                        title=tr("review.screen_title"))

    def show_progress(self) -> None:
        """My progress and results: lessons read, mastery per lesson (weakest
        first), what is due, and the scores as a chart. Guests have no schedule:
        they see their quizzes."""
        from studyapp.ui.screens.progress import ProgressScreen  # noqa: PLC0415

        def progress() -> None:
            learner = self.app.learner
            if learner is None:
                return
            if learner.member_id is None:
                self.show_history()
                return
            self.app.push_screen(ProgressScreen(learner))

        self.app.learners.with_learner(progress, new_quiz=False)

    def progress_data(self, learner: Learner) -> ProgressData:
        """What the progress screen shows, read from the store in one place."""
        from studyapp.store.models import AttemptStatus  # noqa: PLC0415
        from studyapp.store.review import (  # noqa: PLC0415
            daily_limit,
            lesson_progress,
            reading_progress,
        )

        member_id = learner.member_id
        assert member_id is not None
        now = self.app.clock()
        status = self.review_status()
        return ProgressData(
            reading_progress(self.app.store, self.app.catalog, member_id),
            lesson_progress(self.app.store, self.app.catalog, member_id, now),
            status.due if status else 0, status.next_due if status else None,
            daily_limit(self.app.store, member_id),
            self.app.store.attempts_of(learner, status=AttemptStatus.FINISHED))

    def set_daily_limit(self, learner: Learner, limit: int) -> None:
        from studyapp.store.review import set_daily_limit  # noqa: PLC0415

        if learner.member_id is not None:
            set_daily_limit(self.app.store, learner.member_id, limit)

    def show_history(self) -> None:
        """My results: the learner's finished quizzes."""
        from studyapp.ui.screens.history import HistoryScreen  # noqa: PLC0415

        def history() -> None:
            learner = self.app.learner
            if learner is None:
                return
            try:
                attempts = self.app.store.attempts_of(learner)
            except StudyappError as error:
                self.app.store_failed(error.message)
                return
            self.app.push_screen(HistoryScreen(learner, attempts))

        self.app.learners.with_learner(history, new_quiz=False)

