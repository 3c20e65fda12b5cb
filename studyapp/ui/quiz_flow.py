"""Quizzes: the setup, a new paper or a lesson's practice, an unfinished one
resumed, the results at the end, and a finished attempt reviewed again.

The screens show the questions (`screens/quiz.py`, `screens/results.py`); this
flow calls the store and decides what comes next. It belongs to the app
(`app.quizzes`), which owns the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from studyapp.errors import StudyappError
from studyapp.i18n import tr

if TYPE_CHECKING:
    from studyapp.quiz.plan import QuizPlan
    from studyapp.quiz.selection import Paper
    from studyapp.store.live import RecordedQuiz
    from studyapp.store.models import Attempt
    from studyapp.ui.app import StudyApp


class QuizFlow:
    """Setup, start, resume, finish, review an attempt."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app
        self.resume_offered = False
        """Whether the learner's unfinished quiz was offered (once, then before a new quiz)."""

    def quiz_in_progress(self) -> bool:
        """Whether a quiz is open under the current screen (a lesson opened
        from its feedback, say): no other quiz, and no other learner, then."""
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        if any(isinstance(screen, QuizScreen) for screen in self.app.screen_stack):
            self.app.notify(tr("quiz.in_progress"), severity="warning", markup=False)
            return True
        return False

    def offer_resume(self, then: Callable[[], None] | None = None, *,
                     again: bool = False) -> None:
        """If the learner left a quiz unfinished, offer to go on with it (or
        drop it) first thing; otherwise (or after) run `then`. Offered once
        when the learner is known, and `again` before a new quiz starts."""
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        if then is None and any(isinstance(screen, QuizScreen)
                                for screen in self.app.screen_stack):
            # A quiz is on screen (started before the banks finished loading, say):
            # its attempt is the one being answered, not one left unfinished.
            return
        learner = self.app.learner
        if learner is None or self.app.store_problem or (self.resume_offered and not again) or \
                not self.app.catalog.questions:
            if then is not None:
                then()
            return
        try:
            unfinished = self.app.store.unfinished_attempts(
                member_id=learner.member_id,
                guest_name=learner.name if learner.is_guest else None)
        except StudyappError as error:
            self.app.store_failed(error.message)
            return
        unfinished = [a for a in unfinished if a.session_id is None]
        unfinished = self._not_answered_elsewhere(unfinished)
        if not unfinished:
            self.resume_offered = True
            if then is not None:
                then()
            return
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415
        from studyapp.ui.screens.results import format_when  # noqa: PLC0415

        attempt = unfinished[-1]
        kind = tr(f"results.kind.{attempt.mode}")
        try:
            answered = len(self.app.store.answers(attempt.id))
        except StudyappError:
            answered = 0
        # Whose quiz, by name: on a shared laptop the person at the keyboard
        # may not be the one remembered.
        message = tr("resume.message_of", name=learner.name, kind=kind.lower(),
                     when=format_when(attempt.started_at), answered=answered,
                     size=len(attempt.paper["items"]))
        if answered:
            message += " " + tr("resume.kept")

        def decided(choice: str | None) -> None:
            self.resume_offered = choice != "later"
            if choice == "resume":
                self.resume_quiz(attempt.id)
                return
            if choice == "abandon":
                try:
                    self.app.store.abandon_attempt(attempt.id)
                except StudyappError as error:
                    self.app.notify(error.message, severity="error", markup=False)
                self.resume_offered = False
                self.offer_resume(then)  # another one may be waiting
                return
            if then is not None:
                then()

        self.resume_offered = True
        self.app.push_screen(ChoiceDialog(
            tr("resume.title_of", name=learner.name), message,
            [DialogChoice("resume", tr("resume.resume"), tr("resume.resume_detail"), key="t"),
             DialogChoice("abandon", tr("resume.abandon"), tr("resume.abandon_detail"), key="b"),
             DialogChoice("later", tr("resume.later"), key="s")],
            on_escape="later", dialog_id="resume-dialog"), decided)

    def resume_quiz(self, attempt_id: str) -> None:
        from studyapp.store.live import RecordedQuiz  # noqa: PLC0415

        try:
            quiz = RecordedQuiz.resume(self.app.store, attempt_id, self.app.catalog,
                                       clock=self.app.clock)
        except StudyappError as error:
            self.app.notify(tr("resume.failed", reason=error.message), severity="error",
                        markup=False, timeout=10)
            return
        if quiz.changed:
            self.app.notify(tr("resume.changed", count=len(quiz.changed)), severity="warning",
                        markup=False, timeout=8)
        if quiz.finished:  # its time ran out before the program stopped
            self._quiz_finished(quiz)
            return
        self._run_quiz(quiz)

    def open_setup(self, mode: Literal["practice", "test"]) -> None:
        """The quiz setup screen, then the quiz."""
        from studyapp.quiz.session import Mode  # noqa: PLC0415
        from studyapp.ui.screens.setup import QuizSetupScreen  # noqa: PLC0415

        def setup() -> None:
            self.app.push_screen(QuizSetupScreen(Mode(mode)), self._setup_done)

        self.app.learners.with_learner(setup)

    def _setup_done(self, plan: QuizPlan | None) -> None:
        if plan is not None:
            self.start_quiz(plan)

    def practise_lesson(self, lesson_id: str) -> None:
        """“Tự kiểm tra”: a practice on one lesson (with its children), at once."""
        from studyapp.quiz.plan import DEFAULT_COUNT, QuizPlan  # noqa: PLC0415
        from studyapp.quiz.selection import Filters  # noqa: PLC0415

        filters = Filters(lessons=frozenset({lesson_id}))
        available = QuizPlan(filters=filters).available(self.app.catalog)
        if not available:
            self.app.notify(tr("lessons.no_questions"), markup=False, severity="warning")
            return
        plan = QuizPlan(count=min(DEFAULT_COUNT, available), filters=filters)
        self.app.learners.with_learner(lambda: self.start_quiz(plan))

    def start_quiz(self, plan: QuizPlan) -> None:
        """Draw a paper for the plan, then take it."""
        from studyapp.quiz.selection import new_seed  # noqa: PLC0415

        try:
            paper = plan.draw(self.app.catalog, new_seed())
        except StudyappError as error:
            self.app.notify(error.message, severity="error", markup=False, timeout=10)
            return
        self.take_paper(paper, plan)

    def take_paper(self, paper: Paper, plan: QuizPlan, *, title: str | None = None) -> None:
        """Store the attempt, then show the paper's first question."""
        from studyapp.quiz.plan import paper_grading, paper_pack  # noqa: PLC0415
        from studyapp.store.live import RecordedQuiz  # noqa: PLC0415

        learner = self.app.learner
        if learner is None:
            return
        try:
            quiz = RecordedQuiz.start(
                self.app.store, paper, plan.mode, learner,
                pack_id=paper_pack(self.app.catalog, paper),
                time_limit=plan.time_limit, partial_credit=plan.partial_credit,
                grading=paper_grading(self.app.catalog, paper), clock=self.app.clock)
        except StudyappError as error:
            self.app.notify(error.message, severity="error", markup=False, timeout=10)
            return
        self._run_quiz(quiz, title=title)

    def _not_answered_elsewhere(self, attempts: list[Attempt]) -> list[Attempt]:
        """The attempts no other window is answering; for those it is, the
        notice says who is answering them, and where."""
        from studyapp.store import leases  # noqa: PLC0415

        free = []
        for attempt in attempts:
            try:
                lease = leases.holder_of(self.app.store, attempt.id, self.app.clock(),
                                         me=leases.Holder.this_process())
            except StudyappError:
                lease = None
            if lease is None:
                free.append(attempt)
            else:
                self.app.notify(leases.busy_message(lease), severity="warning", markup=False,
                                timeout=12)
        return free

    def _run_quiz(self, quiz: RecordedQuiz, *, title: str | None = None) -> None:
        from studyapp.store import leases  # noqa: PLC0415
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        try:  # one window per attempt: held while its screen lives
            leases.take(self.app.store, quiz.id, leases.Holder.this_process(), self.app.clock())
        except leases.AttemptBusyError as error:
            self.app.notify(error.message, severity="warning", markup=False, timeout=12)
            return
        except StudyappError as error:
            self.app.notify(tr("quiz.not_saved", reason=error.message), severity="error",
                            markup=False, timeout=10)
            return

        self.app.push_screen(QuizScreen(quiz, on_finished=self._quiz_finished,
                                    on_left=self._quiz_left, title=title))

    def _quiz_finished(self, quiz: RecordedQuiz) -> None:
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415
        from studyapp.ui.screens.results import ResultsScreen  # noqa: PLC0415

        results = ResultsScreen(quiz.session)
        if isinstance(self.app.screen, QuizScreen):
            self.app.switch_screen(results)
        else:
            self.app.push_screen(results)

    def _quiz_left(self) -> None:
        from studyapp.ui.screens.quiz import QuizScreen  # noqa: PLC0415

        if isinstance(self.app.screen, QuizScreen):
            self.app.pop_screen()
        self.app.notify(tr("quiz.left_notice"), markup=False, timeout=6)

    def review_attempt(self, attempt_id: str) -> None:
        """The results and review of a finished quiz, rebuilt from the store."""
        from studyapp.ui.screens.results import ResultsScreen  # noqa: PLC0415

        try:
            attempt = self.app.store.attempt(attempt_id)
            if attempt.session_id is not None and not self.app.store.session(
                    attempt.session_id).closed:
                # The right answers of a meeting's test wait for the summary: others
                # may still be taking it, on a paper that can be the same.
                self.app.notify(tr("history.session_open"), severity="warning", markup=False,
                            timeout=8)
                return
            session, changed = self.app.store.resume(attempt_id, self.app.catalog)
        except StudyappError as error:
            self.app.notify(tr("history.cannot_open", reason=error.message), severity="error",
                        markup=False, timeout=10)
            return
        if changed:
            self.app.notify(tr("history.changed", count=len(changed)), severity="warning",
                        markup=False, timeout=8)
        self.app.push_screen(ResultsScreen(session))

