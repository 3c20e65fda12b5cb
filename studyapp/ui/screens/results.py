"""Results of a finished quiz, and the review of every question in it."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import format_duration, tr
from studyapp.quiz.describe import format_number
from studyapp.quiz.scoring import Credit, Score
from studyapp.quiz.session import Mode, QuizSession
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.theme import rich_style
from studyapp.ui.widgets.answer_sheet import AnswerSheet, Part, explanation_parts, verdict
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

RIGHT, PARTLY, WRONG, NONE = "✓", "◐", "✗", "–"


def format_when(moment: datetime) -> str:
    """Local date and time, `26/11/2026 19:05` (the Vietnamese order in both languages)."""
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def score_line(score: Score) -> Content:
    """`Điểm: 7,8/10   Xếp loại: Khá   Kết quả: Đạt`."""
    scale = format_number(Decimal(score.grading.scale.numerator) /
                          Decimal(score.grading.scale.denominator))
    passed = Content.styled(tr("results.passed"), "bold $text-success") if score.passed \
        else Content.styled(tr("results.not_passed"), "bold $text-error")
    return Content.assemble(
        tr("results.score_label"), " ", (f"{score.shown()}/{scale}", "bold $text-accent"),
        "   ", tr("results.band_label"), " ", (score.band or "", "bold"), "   ",
        tr("results.verdict_label"), " ", passed)


def outcome_mark(credit: Credit, answered: bool) -> str:
    if not answered:
        return NONE
    if credit.correct:
        return RIGHT
    return PARTLY if credit.fraction else WRONG


class ResultsScreen(StudyScreen[None]):
    """Score on the pack's scale, band, pass or not, time taken, and the list
    of questions to review one by one."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "review", "key.review", show=True, id="results.review"),
        Binding("escape,q", "close", "key.back", id="results.close"),
    ]

    def __init__(self, session: QuizSession, *, started_at: datetime | None = None) -> None:
        super().__init__()
        self.session = session
        self.quiz_result = session.result()
        self._started_at = started_at or session.started_at

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="results-body"):
            yield Static(self._summary(), id="results-summary")
            yield Static(Content(tr("results.review_heading")), id="results-heading")
            yield OptionList(*self._rows(), id="results-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("results.title")
        self.query_one(OptionList).focus()

    def _summary(self) -> Content:
        result = self.quiz_result
        score = result.score
        kind = tr("results.kind.practice" if self.session.mode is Mode.PRACTICE
                  else "results.kind.test")
        lines = [Content.styled(tr("results.heading", kind=kind,
                                   when=format_when(self._started_at)), "bold"),
                 score_line(score)]
        lines.append(Content(tr("results.counts", correct=result.correct,
                                size=len(result.credits), answered=result.answered)))
        time_line = tr("results.time", duration=format_duration(result.time_spent))
        if result.time_paused:
            time_line += " " + tr("results.paused", duration=format_duration(result.time_paused))
        lines.append(Content(time_line))
        if result.expired:
            lines.append(Content.styled(tr("results.expired"), "$text-warning"))
        return Content("\n").join(lines)

    def _rows(self) -> list[Option]:
        rows = []
        for position, item in enumerate(self.session.paper.items):
            credit = self.quiz_result.credits[position]
            mark = outcome_mark(credit, position in self.session.responses)
            style = {RIGHT: "$text-success", PARTLY: "$text-warning",
                     WRONG: "$text-error"}.get(mark, "$text-muted")
            text = Text(no_wrap=True, overflow="ellipsis")
            text.append(f"{mark} ", style=rich_style(self.app, f"bold {style}"))
            text.append(f"{position + 1}. ", style="bold")
            text.append(item.question.prompt.replace("\n", " "))
            rows.append(Option(text, id=str(position)))
        return rows

    def action_review(self) -> None:
        highlighted = self.query_one(OptionList).highlighted
        self.open_review(highlighted or 0)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.open_review(event.option_index)

    def open_review(self, position: int) -> None:
        self.app.push_screen(ReviewScreen(self.session, self.quiz_result.credits, position),
                             self._back_from_review)

    def _back_from_review(self, position: int | None) -> None:
        if position is not None:
            self.query_one(OptionList).highlighted = position

    def action_close(self) -> None:
        self.dismiss()


class ReviewScreen(StudyScreen[int]):
    """One question of a finished quiz: your answer, the right answer, the
    explanation and the lesson; ←/→ (or PgUp/PgDn) move, B opens the passage."""

    DEFAULT_CSS = stylesheet(__file__, "review.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown,right,n", "step(1)", "key.next_question", id="review.next"),
        Binding("pageup,left,p", "step(-1)", "key.previous_question", id="review.previous"),
        Binding("b", "open_lesson", "key.open_passage", id="review.open_lesson"),
        Binding("escape,q", "close", "key.back_to_results", id="review.close"),
    ]

    def __init__(self, session: QuizSession, credits: Sequence[Credit], position: int) -> None:
        super().__init__()
        self.session = session
        self.credits = credits
        self.position = position

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="review-body"):
            yield AnswerSheet(id="review-sheet")
        yield KeyBar()

    async def on_mount(self) -> None:
        self.sub_title = tr("review.title")
        await self._show()

    async def _show(self) -> None:
        position = self.position
        item = self.session.paper.items[position]
        credit = self.credits[position]
        answered = position in self.session.responses
        heading = Content.assemble(
            (tr("review.position", number=position + 1, size=self.session.size), "bold"), "  ",
            verdict(credit, answered))
        parts = [Part(heading), Part(Content.styled(item.question.prompt, "bold"), spaced=True),
                 *explanation_parts(self.study_app.catalog, item, credit,
                                    response=self.session.responses.get(position),
                                    with_response=True)]
        await self.query_one(AnswerSheet).show(parts)
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False)

    async def action_step(self, step: int) -> None:
        target = self.position + step
        if 0 <= target < self.session.size:
            self.position = target
            await self._show()

    def action_open_lesson(self) -> None:
        question = self.session.paper.items[self.position].question
        if question.lesson:
            self.study_app.library.open_passage(question.lesson, question.explanation or "")

    def action_close(self) -> None:
        self.dismiss(self.position)
