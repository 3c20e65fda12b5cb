"""Quiz setup: which lessons, banks, tags and difficulty; how many questions; mode, time, credit.

Enter alone starts with the defaults: ten questions over every lesson.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from studyapp.i18n import format_count, tr
from studyapp.quiz.plan import DEFAULT_TEST_MINUTES, QuizPlan
from studyapp.quiz.selection import Filters
from studyapp.quiz.session import Mode
from studyapp.text import parse_number
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.lesson_tree import LessonPicker
from studyapp.ui.widgets.tick_list import Tick, TickList
from studyapp.ui.widgets.title_bar import TitleBar

DIFFICULTIES = (1, 2, 3)


class QuizSetupScreen(StudyScreen[QuizPlan | None]):
    """Returns the plan chosen (Enter), or None (Esc)."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "key.start", priority=True, id="setup.start"),
        Binding("escape", "back", "key.back", id="setup.back"),
    ]

    def __init__(self, mode: Mode) -> None:
        super().__init__()
        self.plan = QuizPlan.default(mode)
        self._minutes_edited = False

    def compose(self) -> ComposeResult:
        catalog = self.study_app.catalog
        questions = catalog.questions
        plan = self.plan
        yield TitleBar()
        with Horizontal(id="setup-body"):
            with Vertical(id="setup-lessons"):
                yield Static(Content(tr("setup.lessons")), classes="setup-heading")
                yield LessonPicker(catalog, id="setup-picker")
            with VerticalScroll(id="setup-options") as options:
                options.can_focus = False  # Tab goes from one choice to the next
                yield Static(Content(tr("setup.mode")), classes="setup-heading")
                yield TickList([Tick(tr("setup.mode.practice"), Mode.PRACTICE),
                                Tick(tr("setup.mode.test"), Mode.TEST)], [plan.mode],
                               single=True, id="setup-mode")
                yield Label(Content(tr("setup.count")), classes="setup-label")
                yield Input(str(plan.count), id="setup-count", max_length=5, restrict=r"\d*")
                yield Label(Content(tr("setup.minutes")), classes="setup-label")
                minutes = int(plan.time_limit.total_seconds() // 60) if plan.time_limit else 0
                yield Input(str(minutes), id="setup-minutes", max_length=4, restrict=r"\d*")
                yield TickList([Tick(tr("setup.partial_credit"), True)],
                               [True] if plan.partial_credit else [], id="setup-partial")
                yield Static(Content(tr("setup.partial_credit_note")), classes="setup-note")
                yield Label(Content(tr("setup.difficulty")), classes="setup-label")
                levels = Counter(q.difficulty for q in questions)
                yield TickList([Tick(tr(f"setup.difficulty.{d}", count=format_count(levels[d])), d)
                                for d in DIFFICULTIES], DIFFICULTIES, id="setup-difficulty")
                banks = Counter(q.bank_id for q in questions)
                shown_banks = [bank for bank in catalog.banks if banks[bank.id]]
                yield Label(Content(tr("setup.banks")), classes="setup-label")
                yield TickList([Tick(f"{bank.title} ({format_count(banks[bank.id])})", bank.id)
                                for bank in shown_banks], [bank.id for bank in shown_banks],
                               id="setup-banks")
                tags = Counter(tag for q in questions for tag in q.tags)
                if tags:
                    yield Label(Content(tr("setup.tags")), classes="setup-label")
                    yield TickList([Tick(f"{tag} ({format_count(count)})", tag)
                                    for tag, count in sorted(tags.items())], id="setup-tags")
        with Horizontal(id="setup-footer"):
            yield Static(id="setup-summary")
            yield Button(Content(tr("setup.start")), variant="primary", id="setup-start")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("setup.title.practice" if self.plan.mode is Mode.PRACTICE
                            else "setup.title.test")
        self.query_one(LessonPicker).focus()
        self._update()

    # --- reading the form ------------------------------------------------------------------

    def _read(self) -> tuple[QuizPlan | None, str | None]:
        """The plan the form describes, or what is wrong with it."""
        picker = self.query_one(LessonPicker)
        lessons = picker.chosen()
        if lessons is not None and not lessons:
            return None, tr("setup.no_lessons")
        count_text = self.query_one("#setup-count", Input).value
        minutes_text = self.query_one("#setup-minutes", Input).value or "0"
        count = parse_number(count_text) if count_text else None
        minutes = parse_number(minutes_text)
        if count is None or count < 1:
            return None, tr("setup.bad_count")
        if minutes is None or minutes < 0:
            return None, tr("setup.bad_minutes")
        mode = Mode.TEST if Mode.TEST in self._ticked("#setup-mode") else Mode.PRACTICE
        difficulty = self._ticked("#setup-difficulty")
        banks = self._ticked("#setup-banks")
        all_banks = self.query_one("#setup-banks", TickList).option_count
        tags = self.query("#setup-tags")
        chosen_tags = self._ticked("#setup-tags") if tags else set()
        if not difficulty or not banks:
            return None, tr("setup.nothing_chosen")
        filters = Filters(
            lessons=lessons or frozenset(),
            banks=frozenset(banks) if len(banks) < all_banks else frozenset(),
            tags=frozenset(chosen_tags),
            difficulties=frozenset(difficulty) if len(difficulty) < len(DIFFICULTIES)
            else frozenset())
        plan = QuizPlan(mode, int(count), filters,
                        timedelta(minutes=int(minutes)) if minutes else None,
                        bool(self._ticked("#setup-partial")))
        return plan, None

    def _ticked(self, selector: str) -> set[Any]:
        return set(self.query_one(selector, TickList).ticked)

    def _update(self) -> None:
        """Say how many questions the choices leave, and what Enter will start."""
        plan, problem = self._read()
        summary = self.query_one("#setup-summary", Static)
        if plan is None:
            summary.update(Content.styled(problem or "", "$text-warning"))
            return
        available = plan.available(self.study_app.catalog)
        kind = tr("setup.kind.practice" if plan.mode is Mode.PRACTICE else "setup.kind.test")
        if available < plan.count:
            summary.update(Content.styled(
                tr("setup.too_few", available=format_count(available), count=plan.count),
                "$text-warning"))
            return
        summary.update(Content(tr("setup.summary", available=format_count(available),
                                  count=plan.count, kind=kind)))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "setup-minutes" and event.input.has_focus:
            self._minutes_edited = True
        self._update()

    def on_tick_list_changed(self, event: TickList.Changed) -> None:
        if event.ticks.id == "setup-mode":
            self._mode_changed(Mode.TEST in event.ticks.ticked)
        self._update()

    def _mode_changed(self, test: bool) -> None:
        if not self._minutes_edited:
            # The time goes with the mode until the learner sets one.
            self.query_one("#setup-minutes", Input).value = str(DEFAULT_TEST_MINUTES if test else 0)
        self.sub_title = tr("setup.title.test" if test else "setup.title.practice")

    def on_lesson_picker_changed(self) -> None:
        self._update()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_start()

    def action_start(self) -> None:
        plan, problem = self._read()
        if plan is None:
            self.notify(problem or "", severity="warning", markup=False)
            return
        available = plan.available(self.study_app.catalog)
        if available < plan.count:
            self.notify(tr("setup.too_few", available=format_count(available), count=plan.count),
                        severity="warning", markup=False)
            return
        self.dismiss(plan)

    def action_back(self) -> None:
        self.dismiss(None)
