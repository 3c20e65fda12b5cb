"""My results: the learner's past quizzes, a chart of their scores, each one open to review."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from studyapp.i18n import format_count, format_decimal, format_duration, tr
from studyapp.store.models import Attempt, AttemptStatus, Learner
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.screens.results import format_when
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.score_chart import ScoreChart
from studyapp.ui.widgets.title_bar import TitleBar


def _scale(attempt: Attempt) -> Fraction | None:
    """The attempt's grading scale; None when what is stored is no scale (a
    database edited by hand: "NaN", a negative, a list)."""
    grading = attempt.settings.get("grading")
    value = grading.get("scale", "10") if isinstance(grading, dict) else "10"
    try:
        scale = Fraction(value) if isinstance(value, str | int) else None
    except (ValueError, ZeroDivisionError):
        return None
    return scale if scale is not None and 0 < scale <= _LARGEST_SCALE else None


_LARGEST_SCALE = 10**6


def chart_scores(chart: ScoreChart, chronological: Sequence[Attempt]) -> None:
    """The scores of finished quizzes, oldest first, as a line over time."""
    if not chronological:
        return
    # Dates under the chart; times when everything was on one day.
    days = {format_when(a.started_at)[:10] for a in chronological}
    cut = slice(11, 16) if len(days) == 1 else slice(0, 5)
    chart.show([format_when(a.started_at)[cut] for a in chronological],
               [None if a.score is None else float(a.score) for a in chronological],
               [a.mode == "test" for a in chronological], _float(_scale(chronological[-1])))


def _float(value: Fraction | None) -> float | None:
    try:
        return None if value is None else float(value)
    except OverflowError:  # a scale of 10**400 written as digits
        return None


class HistoryScreen(StudyScreen[None]):
    """Finished quizzes, newest first, with the score trend above; Enter opens one."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "key.review", id="history.open"),
        Binding("x", "export", "key.export", id="history.export"),
        Binding("escape,q", "back", "key.back", id="history.back"),
    ]

    def __init__(self, learner: Learner, attempts: Sequence[Attempt]) -> None:
        super().__init__()
        self.learner = learner
        self.attempts = [a for a in attempts if a.status is AttemptStatus.FINISHED]
        self.attempts.reverse()  # newest first in the table

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="history-body"):
            yield Static(self._summary(), id="history-summary")
            if self.attempts:
                yield ScoreChart(id="history-chart")
                yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def _summary(self) -> Content:
        if not self.attempts:
            return Content(tr("history.empty"))
        tests = [a for a in self.attempts if a.mode == "test" and a.score is not None]
        line = tr("history.summary", count=format_count(len(self.attempts)),
                  tests=format_count(len(tests)))
        if tests:
            average = sum((a.score or Fraction(0) for a in tests), Fraction(0)) / len(tests)
            line += " " + tr("history.average", score=format_decimal(average))
        return Content.assemble(line, "\n", (tr("history.hint"), "$text-muted"))

    def on_mount(self) -> None:
        self.sub_title = tr("history.title", name=self.learner.name)
        if not self.attempts:
            return
        table = self.query_one(DataTable)
        table.add_columns(*(tr(f"history.column.{name}") for name in
                            ("when", "kind", "questions", "score", "band", "time")))
        for attempt in self.attempts:
            scale = _scale(attempt)
            score = "" if attempt.score is None else format_decimal(attempt.score) + (
                "" if scale is None else f"/{format_decimal(scale, 0)}")
            table.add_row(
                Text(format_when(attempt.started_at)),
                Text(tr(f"results.kind.{attempt.mode}")),
                Text(f"{attempt.correct or 0}/{len(attempt.paper['items'])}"),
                Text(score, justify="right"),
                Text(attempt.band or ""),
                Text(format_duration(attempt.time_spent) if attempt.time_spent else ""),
                key=attempt.id)
        table.focus()
        chart_scores(self.query_one(ScoreChart), list(reversed(self.attempts)))

    def action_open(self) -> None:
        table = self.query(DataTable)
        if not table:
            return
        row = table.first().cursor_row
        if 0 <= row < len(self.attempts):
            self.study_app.quizzes.review_attempt(self.attempts[row].id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.study_app.quizzes.review_attempt(event.row_key.value)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "export":
            return self.learner.member_id is not None  # a guest's practice stays here
        return True

    def action_export(self) -> None:
        from studyapp.store.exchange import Scope  # noqa: PLC0415

        if self.learner.member_id is not None:
            self.study_app.exports.start(Scope(member_id=self.learner.member_id),
                                         member=self.learner.name)

    def action_back(self) -> None:
        self.dismiss()
