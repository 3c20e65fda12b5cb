"""The question screen: one question at a time, in practice or test mode, every answer stored.

The screen shows what the `RecordedQuiz` knows and passes it what the
learner does; the quiz grades and stores. Practice shows the right answer
and the explanation after each answer; a test lets the learner move back
and forth and change answers until the paper is handed in (or time is up).

It stays a little over 500 lines: it is one screen class whose parts (showing,
answering, moving, pausing, the clock) share the question on screen and the
quiz's state; split into mixins, each part would reach into the others.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, format_date, tr
from studyapp.quiz.scoring import Credit, Response
from studyapp.quiz.session import Mode, QuizError, TimeUpError
from studyapp.store import leases
from studyapp.store.leases import RENEW_EVERY, Holder
from studyapp.store.live import RecordedQuiz
from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.answer_sheet import AnswerSheet, Part, explanation_parts, verdict
from studyapp.ui.widgets.answers import (
    AnswerMixin,
    ChoiceAnswer,
    Confirmed,
    Incomplete,
    MatchAnswer,
    answer_widget,
)
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

LETTER_RANGE = "ABCDEFGH"
HURRY = timedelta(minutes=1)
"""With this little time left, the clock turns to a warning and says so once."""


def format_clock(left: timedelta) -> str:
    """`12:04`, or `1:02:03` past an hour."""
    seconds = int(left.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes:02}:{seconds:02}"


def question_hint(kind: str, size: int, *, strict: bool = False) -> str:
    """How to answer this kind of question, with the keys."""
    last = LETTER_RANGE[max(size - 1, 0)]
    if kind == "single":
        return tr("quiz.hint.single", last=last, size=size)
    if kind == "multi":
        return tr("quiz.hint.multi", last=last, size=size)
    if kind == "match":
        return tr("quiz.hint.match", last=last)
    if kind == "fill":
        return tr("quiz.hint.fill_strict" if strict else "quiz.hint.fill")
    return tr(f"quiz.hint.{kind}")


TYPED_KINDS = frozenset({"fill", "number"})
"""Questions answered in a text box: every printable key is typed there."""


class QuizScreen(StudyScreen[None]):
    """Takes a quiz to its end; the results screen replaces it then."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "next_after_feedback", "key.next_question", id="quiz.continue"),
        Binding("b", "open_lesson", "key.open_passage", id="quiz.open_lesson"),
        Binding("1", "rate(1)", "key.rate", show=False, id="quiz.rate_again"),
        Binding("2", "rate(2)", "key.rate", show=False, id="quiz.rate_hard"),
        Binding("3", "rate(3)", "key.rate", show=False, id="quiz.rate_good"),
        Binding("4", "rate(4)", "key.rate", show=False, id="quiz.rate_easy"),
        Binding("pagedown", "step(1)", "key.next_question", priority=True, id="quiz.next"),
        Binding("pageup", "step(-1)", "key.previous_question", priority=True,
                id="quiz.previous"),
        Binding("right", "step(1)", "key.next_question", show=False, id="quiz.next_arrow"),
        Binding("left", "step(-1)", "key.previous_question", show=False,
                id="quiz.previous_arrow"),
        Binding("ctrl+g", "flag", "key.flag", priority=True, id="quiz.flag"),
        Binding("ctrl+s", "submit", "key.submit", priority=True, id="quiz.submit"),
        Binding("escape", "pause", "key.pause", id="quiz.pause"),
        Binding("ctrl+down", "scroll(1)", "key.scroll_down", show=False, id="quiz.scroll_down"),
        Binding("ctrl+up", "scroll(-1)", "key.scroll_up", show=False, id="quiz.scroll_up"),
        # After an answer in practice, nothing takes the arrows: they scroll
        # the question and its explanation.
        Binding("down", "scroll_lines(3)", "key.scroll", id="quiz.scroll_lines_down"),
        Binding("up", "scroll_lines(-3)", "key.scroll", show=False, id="quiz.scroll_lines_up"),
    ]

    def __init__(self, quiz: RecordedQuiz, *, on_finished: Callable[[RecordedQuiz], None],
                 on_left: Callable[[], None], title: str | None = None) -> None:
        super().__init__()
        self.quiz = quiz
        self._title = title
        """What the title bar calls it (a review is a practice called “Ôn tập”)."""
        self._on_finished = on_finished
        self._on_left = on_left
        self.feedback: Credit | None = None
        """The credit shown as practice feedback for the current question."""
        self._ended = False

    # --- building --------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Static(id="quiz-status")
        with VerticalScroll(id="quiz-body"):
            yield Static(id="quiz-prompt")
            yield Static(id="quiz-hint")
            yield Container(id="quiz-answer")
            yield AnswerSheet(id="quiz-feedback")
        yield KeyBar()

    async def on_mount(self) -> None:
        mode = self.quiz.mode
        self.sub_title = self._title or tr(
            "quiz.title.practice" if mode is Mode.PRACTICE else "quiz.title.test")
        if self.quiz.session.time_limit is not None:
            self.set_interval(1.0, self.check_clock)
        self.set_interval(RENEW_EVERY.total_seconds(), self._renew_lease)
        if self.quiz.session.paused:
            self.quiz.resume_clock()  # left paused last time: the learner is back
        await self.show_question()

    @property
    def session(self) -> Any:
        return self.quiz.session

    @property
    def answer(self) -> Widget | None:
        container = self.query_one("#quiz-answer")
        return container.children[0] if container.children else None

    async def show_question(self) -> None:
        """Show the quiz's current question, with its answer so far (a test)
        or its feedback (practice, once answered)."""
        session = self.quiz.session
        position = session.position
        item = session.paper.items[position]
        question = item.question
        self.query_one("#quiz-prompt", Static).update(Content(question.prompt))
        size = len(question.choices) if question.choices else len(question.pairs)
        self.query_one("#quiz-hint", Static).update(
            Content(question_hint(question.type, size, strict=question.strict)))
        container = self.query_one("#quiz-answer")
        await container.remove_children()
        widget = answer_widget(item, session.responses.get(position))
        await container.mount(widget)
        self.feedback = None
        if session.mode is Mode.PRACTICE and position in session.responses:
            self.feedback = session.credit(position)
            await self._show_feedback()
        else:
            self.query_one("#quiz-feedback").display = False
            self._focus_answer()
        self.query_one("#quiz-body", VerticalScroll).scroll_home(animate=False)
        self._update_status()
        self.refresh_bindings()

    def _focus_answer(self) -> None:
        """Focus the answer now, not later (`Widget.focus` waits for the next
        turn): keys typed quickly after Enter must reach the new question."""
        answer = self.answer
        if isinstance(answer, MatchAnswer):
            answer = answer.rows
        if answer is not None and self.feedback is None:
            self.set_focus(answer, scroll_visible=False)

    def _update_status(self) -> None:
        """The time left first (a narrow window cuts the end of the line),
        then where the learner is and what is flagged."""
        session = self.quiz.session
        parts: list[Content] = []
        left = self.quiz.time_left()
        if left is not None:
            parts.append(Content.styled(tr("quiz.status.time_left", clock=format_clock(left)),
                                        "bold"))
        parts.append(Content(tr("quiz.status.position", number=session.position + 1,
                                size=session.size)))
        parts.append(Content(tr("quiz.status.answered",
                                count=format_count(len(session.responses)),
                                size=session.size)))
        if session.position in session.flagged:
            parts.append(Content.styled(tr("quiz.status.this_flagged"), "bold"))
        if session.flagged:
            parts.append(Content(tr("quiz.status.flagged", count=len(session.flagged))))
        status = self.query_one("#quiz-status", Static)
        status.update(Content(" · ").join(parts))
        hurry = left is not None and left <= HURRY
        if hurry and not status.has_class("-hurry") and left:
            self.notify(tr("quiz.hurry", clock=format_clock(left)), severity="warning",
                        markup=False, timeout=6)
        status.set_class(hurry, "-hurry")

    # --- answering ---------------------------------------------------------------------------

    async def on_confirmed(self, message: Confirmed) -> None:
        message.stop()
        if self.feedback is not None or self._ended:
            return
        await self.give(message.response)

    def on_incomplete(self, message: Incomplete) -> None:
        message.stop()
        self.notify(message.reason, markup=False, timeout=3)

    async def give(self, response: Response) -> None:
        """Answer the current question: stored first, then shown."""
        position = self.quiz.session.position
        if not await self._safely(lambda: self.quiz.answer(position, response)):
            return
        self.app.clear_notifications()  # "choose first" and the like no longer apply
        if self.quiz.mode is Mode.PRACTICE:
            self.feedback = self.quiz.session.credit(position)
            await self._show_feedback()
            self._update_status()
            self.refresh_bindings()
            return
        following = self.quiz.session.next_unanswered()
        if following is None:
            self._update_status()
            self.action_submit()
            return
        await self._go(following)

    async def _show_feedback(self) -> None:
        """Right or wrong, the right answer, the explanation, and the lesson."""
        credit = self.feedback
        if credit is None:
            return
        session = self.quiz.session
        item = session.paper.items[session.position]
        question = item.question
        answer = self.answer
        if isinstance(answer, ChoiceAnswer):
            right = {1 if question.truth else 0} if question.type == "truefalse" else \
                set(question.correct_choices)
            answer.show_outcome_marks(right)
        if answer is not None:
            answer.disabled = True
        last = session.next_unanswered() is None
        hint = tr("quiz.feedback.results_hint" if last else "quiz.feedback.next_hint")
        if self._can_rate:
            hint = f"{hint}\n{tr('quiz.rate_hint')}"
        sheet = self.query_one("#quiz-feedback", AnswerSheet)
        await sheet.show([Part(verdict(credit)),
                          *explanation_parts(self.study_app.catalog, item, credit,
                                             response=session.responses.get(session.position)),
                          Part(Content.styled(hint, "$text-muted"))])
        sheet.display = True
        sheet.set_class(credit.correct, "-right")
        sheet.set_class(not credit.correct, "-wrong")
        self.set_focus(None)
        self.call_after_refresh(self._bring_feedback_into_view)

    def _bring_feedback_into_view(self) -> None:
        """Scroll just enough to show the verdict and the right answer: the
        question stays in view as far as it can (the rest scrolls with ↑↓)."""
        sheet = self.query_one("#quiz-feedback", AnswerSheet)
        body = self.query_one("#quiz-body", VerticalScroll)
        region = sheet.virtual_region
        head = region._replace(height=min(region.height, 4))
        body.scroll_to_region(head, animate=False)

    # --- moving ------------------------------------------------------------------------------

    async def action_next_after_feedback(self) -> None:
        if self.feedback is None:
            return
        following = self.quiz.session.next_unanswered()
        if following is None:
            await self.finish()
        else:
            await self._go(following)

    async def action_step(self, step: int) -> None:
        """The next or previous question; practice moves on to the next
        unanswered one (an answer given stays)."""
        session = self.quiz.session
        if session.mode is Mode.PRACTICE:
            if step > 0:
                following = session.next_unanswered()
                if following is not None and following != session.position:
                    await self._go(following)
            return
        if not await self._save_pending():
            return
        target = session.position + step
        if 0 <= target < session.size:
            await self._go(target)

    async def go_to_question(self, position: int) -> None:
        if self.quiz.session.mode is Mode.TEST and not await self._save_pending():
            return
        await self._go(position)

    async def _go(self, position: int) -> None:
        if await self._safely(lambda: self.quiz.go_to(position)):
            await self.show_question()

    async def _save_pending(self) -> bool:
        """In a test, an answer chosen but not confirmed is given before moving
        away (a learner expects a marked choice to count)."""
        answer = self.answer
        if not isinstance(answer, AnswerMixin) or self.quiz.mode is not Mode.TEST:
            return True
        response = answer.current_response()
        position = self.quiz.session.position
        if response is None or self.quiz.session.responses.get(position) == response:
            return True
        return await self._safely(lambda: self.quiz.answer(position, response))

    def action_scroll(self, direction: int) -> None:
        body = self.query_one("#quiz-body", VerticalScroll)
        body.scroll_relative(y=direction * max(body.size.height - 2, 1), animate=False)

    def action_scroll_lines(self, lines: int) -> None:
        self.query_one("#quiz-body", VerticalScroll).scroll_relative(y=lines, animate=False)

    async def action_flag(self) -> None:
        session = self.quiz.session
        position = session.position
        flagged = position not in session.flagged
        if await self._safely(lambda: self.quiz.flag(position, flagged=flagged)):
            self._update_status()
            self.notify(tr("quiz.flagged" if flagged else "quiz.unflagged",
                           number=position + 1), markup=False, timeout=2)

    @property
    def _can_rate(self) -> bool:
        """A member's practice answer may be rated by the member (a guest has no schedule)."""
        return self.quiz.mode is Mode.PRACTICE and self.quiz.attempt.member_id is not None

    def action_rate(self, value: int) -> None:
        """The member's own rating of the answer just given, in place of the automatic one."""
        from studyapp.review.schedule import Rating  # noqa: PLC0415

        rating = Rating(value)
        try:
            card = self.quiz.rate(self.quiz.session.position, rating)
        except (StudyappError, ValueError) as error:
            self.notify(str(getattr(error, "message", error)), severity="error", markup=False)
            return
        if card is not None:
            self.notify(tr("quiz.rated", rating=rating.label,
                           date=format_date(card.due.astimezone().date())), markup=False)

    def action_open_lesson(self) -> None:
        if self.feedback is None:
            return
        question = self.quiz.session.paper.items[self.quiz.session.position].question
        if question.lesson is not None:
            self.study_app.library.open_passage(question.lesson, question.explanation or "")

    # --- pausing, handing in, leaving ------------------------------------------------------

    def action_pause(self) -> None:
        """Stop the clock and offer to go on, hand in or leave. In a session's
        test that is the secretary's decision: the PIN first (when the cell has one)."""
        session = self.study_app.sessions.session_of_quiz() \
            if self.quiz.attempt.session_id is not None else None
        if session is None:
            self._pause()
            return

        def paused(_pin: str | None) -> None:
            if not self._ended:
                self._pause()

        self.study_app.sessions.ask_pin(session.cell_id, paused)

    def _pause(self) -> None:
        timed = self.quiz.session.time_limit is not None
        if timed and not self.quiz.session.paused:
            try:
                self.quiz.pause()
            except TimeUpError:
                self.call_later(self.time_up)
                return
            except StudyappError as error:
                self.notify(error.message, severity="error", markup=False)
                return
        test = self.quiz.mode is Mode.TEST
        choices = [
            DialogChoice("continue", tr("quiz.pause.continue"), key="t"),
            DialogChoice("finish", tr("quiz.pause.submit" if test else "quiz.pause.finish"),
                         tr("quiz.pause.submit_detail" if test else "quiz.pause.finish_detail"),
                         key="n"),
            DialogChoice("leave", tr("quiz.pause.leave"), tr("quiz.pause.leave_detail"),
                         key="l"),
        ]
        message = tr("quiz.pause.message_timed" if timed else "quiz.pause.message")
        self.query_one("#quiz-body").display = not timed  # a paused test is not read on
        self.app.push_screen(ChoiceDialog(tr("quiz.pause.title"), message, choices,
                                          on_escape="continue", dialog_id="pause-dialog"),
                             self._after_pause)

    async def _after_pause(self, choice: str | None) -> None:
        self.query_one("#quiz-body").display = True
        if choice == "leave":
            self.quiz.leave()
            self._ended = True
            self._on_left()
            return
        self.quiz.resume_clock()
        if choice == "finish":
            if self.quiz.mode is Mode.TEST:
                self.action_submit()
            else:
                await self.finish()
            return
        self._focus_answer()

    def action_submit(self) -> None:
        """List what is unanswered and flagged, then hand in once confirmed."""
        if self.quiz.mode is not Mode.TEST or self._ended:
            return
        self.call_later(self._ask_submit)

    async def _ask_submit(self) -> None:
        if not await self._save_pending():
            return
        session = self.quiz.session
        unanswered = session.unanswered()
        flagged = sorted(session.flagged)
        lines = [tr("quiz.submit.answered", count=len(session.responses), size=session.size)]
        if unanswered:
            lines.append(tr("quiz.submit.unanswered",
                            numbers=", ".join(str(p + 1) for p in unanswered)))
        if flagged:
            lines.append(tr("quiz.submit.flagged", numbers=", ".join(str(p + 1) for p in flagged)))
        choices = [DialogChoice("submit", tr("quiz.submit.confirm"), key="n"),
                   DialogChoice("back", tr("quiz.submit.back"), key="q")]
        if unanswered:
            choices.reverse()  # Enter alone goes back, not hand in half a test
        for position in sorted(set(unanswered) | set(flagged)):
            reasons = [tr("quiz.submit.why_unanswered")] if position in unanswered else []
            reasons += [tr("quiz.submit.why_flagged")] if position in flagged else []
            why = ", ".join(reasons)
            choices.append(DialogChoice(f"go:{position}",
                                        tr("quiz.submit.go", number=position + 1, why=why)))
        self.app.push_screen(ChoiceDialog(tr("quiz.submit.title"), "\n".join(lines), choices,
                                          on_escape="back", dialog_id="submit-dialog"),
                             self._after_submit_dialog)

    async def _after_submit_dialog(self, choice: str | None) -> None:
        if choice == "submit":
            await self.finish()
        elif choice and choice.startswith("go:"):
            await self._go(int(choice[3:]))
        else:
            self._focus_answer()

    async def finish(self) -> None:
        """Hand in: the result is stored, then shown."""
        if self._ended:
            return
        if await self._safely(self.quiz.finish):
            self._ended = True
            self._on_finished(self.quiz)

    def on_unmount(self) -> None:
        # The program closed mid-quiz (Ctrl+Q): a timed quiz's clock stops.
        if not self._ended and not self.quiz.finished:
            with contextlib.suppress(StudyappError):
                self.quiz.leave()
        with contextlib.suppress(StudyappError):  # another window may take it now
            leases.release(self.quiz.store, self.quiz.id, Holder.this_process())

    def _renew_lease(self) -> None:
        """Keep the attempt to this window while its screen lives; if another
        window took it over (this one was stalled past the lease), stop here."""
        if self._ended:
            return
        try:
            kept = leases.renew(self.quiz.store, self.quiz.id, Holder.this_process(),
                                self.quiz.clock())
        except StudyappError:
            return  # the database refused for now: tried again at the next tick
        if not kept:
            self._ended = True
            self.notify(tr("lease.lost"), severity="warning", markup=False, timeout=12)
            self._on_left()

    def check_clock(self) -> None:
        """Every second: the clock shown, and the end when the time is up."""
        if self._ended:
            return
        try:
            ended = self.quiz.check_time()
        except StudyappError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        if ended:
            self.call_later(self.time_up)
        elif self.is_current:
            self._update_status()

    async def time_up(self) -> None:
        """The limit passed: whatever is open over the quiz closes, and the
        results show what was answered (already stored)."""
        if self._ended:
            return
        self._ended = True
        while self.app.screen is not self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        self.notify(tr("quiz.time_up_notice"), markup=False, severity="warning", timeout=6)
        self._on_finished(self.quiz)

    async def _safely(self, step: Callable[[], object]) -> bool:
        """Run a quiz step; say why if it could not be done. Time up ends the quiz."""
        try:
            step()
        except TimeUpError:
            await self.time_up()
            return False
        except QuizError as error:
            self.notify(error.message, markup=False, severity="warning")
            return False
        except StudyappError as error:
            # The database refused (locked, disk full...): nothing was stored,
            # so nothing is shown as done; the learner can try again.
            self.notify(tr("quiz.not_saved", reason=error.message), markup=False,
                        severity="error", timeout=10)
            return False
        return True

    HELP_HIDDEN_ACTIONS: ClassVar[frozenset[str]] = frozenset({"palette"})
    """The app's keys that do nothing here (no palette during a quiz): not in the help."""
    @property
    def HELP_GENERAL_SKIP(self) -> frozenset[str]:  # noqa: N802 - read as the screens' constant
        """General keys that mean nothing on this question: Tab never; on a
        typed answer, `?` is typed and the arrows move nothing."""
        kind = self.quiz.session.paper.items[self.quiz.session.position].question.type
        return frozenset({"Tab", "?", "↑ ↓"} if kind in TYPED_KINDS else {"Tab"})

    def help_rows(self) -> list[tuple[str, str]]:
        """How to answer this question, for the help screen (the answer keys
        are not bindings): only the keys that work on it."""
        kind = self.quiz.session.paper.items[self.quiz.session.position].question.type
        rows: list[tuple[str, str]] = []
        if kind in ("single", "multi", "match"):
            rows.append((tr("help.quiz.choose_keys"), tr("help.quiz.choose")))
        if kind == "truefalse":
            rows.append((tr("help.quiz.truth_keys"), tr("help.quiz.truth")))
        if kind in ("multi", "order"):
            rows.append(("Space", tr("help.quiz.space")))
        if kind in TYPED_KINDS:
            rows.append((tr("help.quiz.type_keys"), tr("help.quiz.type")))
        test = self.quiz.mode is Mode.TEST
        rows.append(("Enter", tr("help.quiz.enter_test" if test else "help.quiz.enter")))
        if self._behind_the_pin():
            # A session's test: pausing and quitting are the secretary's decision.
            rows.append(("Esc", tr("help.quiz.pause_pin")))
            rows.append(("Ctrl+Q", tr("help.quiz.quit_pin")))
        return rows

    def _behind_the_pin(self) -> bool:
        """Whether Esc and Ctrl+Q ask for the secretary's PIN here: a session's
        test, its cell having a PIN."""
        if self.quiz.attempt.session_id is None:
            return False
        session = self.study_app.sessions.session_of_quiz()
        if session is None:
            return False
        try:
            return self.study_app.store.cell(session.cell_id).has_pin
        except StudyappError:
            return False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        test = self.quiz.mode is Mode.TEST
        if action in ("next_after_feedback", "open_lesson", "scroll_lines"):
            return self.feedback is not None
        if action == "rate":
            return self.feedback is not None and self._can_rate
        if action == "step":
            if test:
                return True
            return bool(parameters and parameters[0] == 1 and self.feedback is None)
        if action == "submit":
            return test
        if action == "flag":
            return test
        return True
