"""Cell sessions: the list of a cell's meetings, and the form that opens a new one."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Input, Label, Static

from studyapp.i18n import format_count, format_date, format_decimal, parse_day, tr
from studyapp.quiz.plan import DEFAULT_COUNT, DEFAULT_TEST_MINUTES, QuizPlan, SessionSettings
from studyapp.quiz.selection import Filters
from studyapp.store.models import Cell
from studyapp.store.pin import MIN_DIGITS
from studyapp.store.report import SessionOverview
from studyapp.text import parse_number
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.lesson_tree import LessonPicker
from studyapp.ui.widgets.tick_list import Tick, TickList
from studyapp.ui.widgets.title_bar import TitleBar

TOPIC_WIDTH = 24


def parse_date(text: str) -> date | None:
    """`26/11/2026` (or `26-11-2026`, `26.11.2026`); None if it is not a date
    of the years 2000..2100 (`i18n.parse_day`)."""
    return parse_day(text)


class SessionsScreen(StudyScreen[None]):
    """A cell's meetings, most recent first: open one to go on, or open a new one."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "new_session", "key.new_session", id="sessions.new"),
        Binding("enter", "open", "key.open_session", id="sessions.open"),
        Binding("x", "export", "key.export", id="sessions.export"),
        Binding("c", "import_questions", "key.import_questions", id="sessions.import"),
        Binding("r", "roster", "key.roster", id="sessions.roster"),
        Binding("escape", "back", "key.back", id="sessions.back"),
    ]

    def __init__(self, cell: Cell, overviews: list[SessionOverview]) -> None:
        super().__init__()
        self.cell = cell
        self.overviews = overviews

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="sessions-body"):
            yield Static(id="sessions-intro")
            yield DataTable(id="sessions-table", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("sessions.title", cell=self.cell.name)
        table = self.query_one(DataTable)
        for name in ("date", "topic", "state", "present", "tested", "average"):
            # The topic (often the pack's long title) is cut, not the figures.
            table.add_column(tr(f"sessions.column.{name}"), key=name,
                             width=TOPIC_WIDTH if name == "topic" else None)
        self.show(self.overviews)
        table.focus()

    def action_import_questions(self) -> None:
        self.study_app.question_imports.start()

    def action_roster(self) -> None:
        self.study_app.roster.open(self.cell)

    def on_screen_suspend(self) -> None:
        # Another screen on top: unless it is the roster (or a dialog), the
        # laptop has left the secretary's screens and the roster locks again.
        self.call_after_refresh(self.study_app.roster.check_side)

    def on_unmount(self) -> None:
        self.study_app.roster.lock()  # back to the home screen (the members' side)

    def on_screen_resume(self) -> None:
        # Back from a meeting: its attendance, tests and state may have changed.
        self.study_app.sessions.refresh_sessions(self)

    def show(self, overviews: list[SessionOverview]) -> None:
        self.overviews = overviews
        self.query_one("#sessions-intro", Static).update(
            Content(tr("sessions.intro" if overviews else "sessions.none")))
        table = self.query_one(DataTable)
        table.display = bool(overviews)
        table.clear()
        for overview in overviews:
            session = overview.session
            table.add_row(
                Text(format_date(session.held_on)),
                Text(session.topic, overflow="ellipsis", no_wrap=True),
                Text(tr("sessions.closed" if session.closed else "sessions.open")),
                Text(f"{overview.present}/{overview.marked}"),
                Text(format_count(overview.tested)),
                # An open meeting's average would tell the room the first member's
                # score: it shows once the session is closed (the summary has it).
                Text(format_decimal(overview.average)
                     if overview.average is not None and session.closed else "—"),
                key=session.id)

    def action_new_session(self) -> None:
        self.study_app.sessions.new_session(self.cell)

    def action_export(self) -> None:
        """Every session of the cell: everyone's scores, so the PIN when set."""
        from studyapp.store.exchange import Scope  # noqa: PLC0415

        cell = self.cell

        def export(_pin: str | None) -> None:
            self.study_app.exports.start(Scope(cell_id=cell.id), cell=cell.name)

        self.study_app.sessions.ask_pin(cell.id, export)

    def action_open(self) -> None:
        row = self.query_one(DataTable).cursor_row
        if self.overviews and 0 <= row < len(self.overviews):
            self.study_app.sessions.open_session(self.overviews[row].session.id)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self.study_app.sessions.open_session(event.row_key.value)

    def action_back(self) -> None:
        self.dismiss()


MIN_PIN_LENGTH = MIN_DIGITS


class OpenSessionScreen(StudyScreen[dict[str, Any] | None]):
    """Date, topic, who runs it, lessons covered, and how the test is drawn.
    Returns what was chosen (the app opens the session), or None."""

    DEFAULT_CSS = stylesheet(__file__, "open_session.tcss")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "open_session", "key.open_new_session", priority=True,
                id="open_session.save"),
        Binding("escape", "back", "key.back", id="open_session.back"),
    ]

    def __init__(self, cell: Cell, today: date, topic: str, run_by: str) -> None:
        super().__init__()
        self.cell = cell
        self.today = today
        self.topic = topic
        self.run_by = run_by

    def compose(self) -> ComposeResult:
        catalog = self.study_app.catalog
        yield TitleBar()
        with Horizontal(id="open-body"):
            with Vertical(id="open-lessons"):
                yield Static(Content(tr("open_session.lessons")), classes="open-heading")
                yield LessonPicker(catalog, id="open-picker")
            with VerticalScroll(id="open-fields") as fields:
                fields.can_focus = False
                yield Label(Content(tr("open_session.date")), classes="open-label")
                yield Input(format_date(self.today), id="open-date", max_length=10)
                yield Label(Content(tr("open_session.topic")), classes="open-label")
                yield Input(self.topic, id="open-topic", max_length=200)
                yield Label(Content(tr("open_session.run_by")), classes="open-label")
                yield Input(self.run_by, id="open-run-by", max_length=100,
                            placeholder=tr("open_session.run_by_hint"))
                yield Label(Content(tr("setup.count")), classes="open-label")
                yield Input(str(DEFAULT_COUNT), id="open-count", max_length=4, restrict=r"\d*")
                yield Label(Content(tr("setup.minutes")), classes="open-label")
                yield Input(str(DEFAULT_TEST_MINUTES), id="open-minutes", max_length=4,
                            restrict=r"\d*")
                yield Label(Content(tr("open_session.papers")), classes="open-label")
                yield TickList([Tick(tr("open_session.one_paper"), False),
                                Tick(tr("open_session.variants"), True)], [False], single=True,
                               id="open-variants")
                yield TickList([Tick(tr("setup.partial_credit"), True)], id="open-partial")
                if not self.cell.has_pin:
                    yield Label(Content(tr("open_session.pin")), classes="open-label")
                    yield Input(id="open-pin", password=True, max_length=12, restrict=r"\d*",
                                placeholder=tr("open_session.pin_hint"))
        with Horizontal(id="open-footer"):
            yield Static(id="open-summary")
            yield Button(Content(tr("open_session.submit")), variant="primary", id="open-submit")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("open_session.title", cell=self.cell.name)
        # The lessons first: their heading says Space ticks them, and the date
        # field's text, selected on focus, would be wiped by that Space.
        picker = self.query_one(LessonPicker)
        picker.cursor_line = 0  # on the first lesson, so the first Space ticks it
        picker.focus()
        self._update()

    def read(self) -> tuple[dict[str, Any] | None, str | None]:
        """What the form says, or what is wrong with it."""
        held_on = parse_date(self.query_one("#open-date", Input).value)
        if held_on is None:
            return None, tr("open_session.bad_date")
        topic = self.query_one("#open-topic", Input).value.strip()
        if not topic:
            return None, tr("open_session.no_topic")
        count = parse_number(self.query_one("#open-count", Input).value or "0")
        minutes = parse_number(self.query_one("#open-minutes", Input).value or "0")
        if count is None or count < 1:
            return None, tr("setup.bad_count")
        if minutes is None or minutes < 0:
            return None, tr("setup.bad_minutes")
        lessons = self.query_one(LessonPicker).chosen()
        if lessons is not None and not lessons:
            return None, tr("setup.no_lessons")
        settings = SessionSettings(
            int(count), timedelta(minutes=int(minutes)) if minutes else None,
            variants=True in self.query_one("#open-variants", TickList).ticked,
            partial_credit=bool(self.query_one("#open-partial", TickList).ticked))
        available = QuizPlan(filters=Filters(lessons=lessons or frozenset())).available(
            self.study_app.catalog)
        if available < settings.count:
            return None, tr("setup.too_few", available=format_count(available),
                            count=settings.count)
        pin = self.query_one("#open-pin", Input).value if not self.cell.has_pin else ""
        if pin and len(pin) < MIN_PIN_LENGTH:
            return None, tr("open_session.short_pin", length=MIN_PIN_LENGTH)
        return {"held_on": held_on, "topic": topic, "pin": pin or None,
                "run_by": self.query_one("#open-run-by", Input).value.strip(),
                "lessons": sorted(lessons or ()), "settings": settings}, None

    def _update(self) -> None:
        values, problem = self.read()
        summary = self.query_one("#open-summary", Static)
        if values is None:
            summary.update(Content.styled(problem or "", "$text-warning"))
        else:
            summary.update(Content(tr("open_session.ready")))

    def on_input_changed(self) -> None:
        self._update()

    def on_tick_list_changed(self) -> None:
        self._update()

    def on_lesson_picker_changed(self) -> None:
        self._update()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_open_session()

    def action_open_session(self) -> None:
        values, problem = self.read()
        if values is None:
            self.notify(problem or "", severity="warning", markup=False)
            return
        self.dismiss(values)

    def action_back(self) -> None:
        self.dismiss(None)
