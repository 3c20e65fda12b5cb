"""My progress: lessons read, how well each lesson is known (weakest first), what is due, scores."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from studyapp.i18n import format_count, format_date, format_decimal, tr
from studyapp.store.models import AttemptStatus, Learner, LessonProgress
from studyapp.ui.modals.form import FormDialog, FormField, FormValues
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.screens.history import chart_scores
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.score_chart import ScoreChart
from studyapp.ui.widgets.title_bar import TitleBar

TITLE_WIDTH = 34  # with "chưa luyện" beside it, the table fits 80 columns


class ProgressScreen(StudyScreen[None]):
    """Enter reads the highlighted lesson, l practises it, o starts the review,
    g sets how many questions a review offers, x lists every quiz taken."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "read", "key.read_lesson", id="progress.read"),
        Binding("l", "practise", "key.practise_lesson", id="progress.practise"),
        Binding("o", "review", "key.review", id="progress.review"),
        Binding("g", "limit", "key.daily_limit", id="progress.limit"),
        Binding("x", "quizzes", "key.quizzes", id="progress.quizzes"),
        Binding("escape", "back", "key.back", id="progress.back"),
    ]

    def __init__(self, learner: Learner) -> None:
        super().__init__()
        self.learner = learner
        self.lessons: list[LessonProgress] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="progress-body"):
            yield Static(id="progress-summary")
            yield ScoreChart(id="progress-chart")
            yield DataTable(id="progress-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("progress.title", name=self.learner.name)
        table = self.query_one(DataTable)
        table.add_columns(*(tr(f"progress.column.{name}") for name in
                            ("lesson", "mastery", "right", "due", "read")))
        self.show()
        table.focus()

    def on_screen_resume(self) -> None:
        self.show()  # back from a review or a lesson: the figures moved

    def show(self) -> None:
        data = self.study_app.progress.progress_data(self.learner)
        self.lessons = data.lessons
        reading = data.reading
        due = tr("progress.due", count=format_count(data.due)) if data.due else (
            tr("progress.next_due", date=format_date(data.next_due.astimezone().date()))
            if data.next_due else tr("progress.nothing_scheduled"))
        self.query_one("#progress-summary", Static).update(Content.assemble(
            (tr("progress.read", read=reading.read, total=reading.total), "bold"), " · ",
            (due, "bold $text-accent" if data.due else ""), " · ",
            tr("progress.limit", limit=data.daily_limit), "\n",
            (tr("progress.hint"), "$text-muted")))
        tests = [a for a in data.attempts if a.status is AttemptStatus.FINISHED]
        chart = self.query_one(ScoreChart)
        chart.display = bool(tests)
        chart_scores(chart, tests)
        table = self.query_one(DataTable)
        row = table.cursor_row
        table.clear()
        for lesson in self.lessons:
            title = f"{lesson.source} {lesson.title}"
            if len(title) > TITLE_WIDTH:
                title = title[: TITLE_WIDTH - 1] + "…"
            table.add_row(
                Text(title),
                # Never practised is not "0%": that is for all wrong.
                Text(f"{format_decimal(lesson.mastery * 100, 0)}%", justify="right",
                     style="bold") if lesson.practised else
                Text(tr("progress.not_practised"), justify="right", style="dim"),
                Text(f"{lesson.right}/{lesson.questions}", justify="right"),
                Text(format_count(lesson.due) if lesson.due else "", justify="right"),
                Text("✓" if lesson.read else ""),
                key=f"{lesson.pack_id}/{lesson.lesson_id}")
        if self.lessons:
            table.move_cursor(row=min(row, len(self.lessons) - 1))

    @property
    def current(self) -> LessonProgress | None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        return self.lessons[row] if 0 <= row < len(self.lessons) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_read()

    def action_read(self) -> None:
        lesson = self.current
        if lesson is not None:
            self.study_app.library.open_lessons(lesson.lesson_id)

    def action_practise(self) -> None:
        lesson = self.current
        if lesson is not None:
            self.study_app.quizzes.practise_lesson(lesson.lesson_id)

    def action_review(self) -> None:
        self.study_app.progress.start_review()

    def action_quizzes(self) -> None:
        self.study_app.progress.show_history()

    def action_limit(self) -> None:
        current = self.study_app.progress.progress_data(self.learner).daily_limit

        def check(values: FormValues) -> str | None:
            text = values["limit"].strip()
            return None if text.isdigit() and 1 <= int(text) <= 500 else tr("progress.bad_limit")

        def given(values: FormValues | None) -> None:
            if values is not None:
                self.study_app.progress.set_daily_limit(self.learner, int(values["limit"]))
                self.show()

        self.app.push_screen(FormDialog(
            tr("progress.limit_title"), tr("progress.limit_message"),
            [FormField("limit", tr("progress.limit_label"), str(current), max_length=3)],
            submit=tr("learner.form.submit"), check=check, dialog_id="limit-dialog"), given)

    def action_back(self) -> None:
        self.dismiss()
