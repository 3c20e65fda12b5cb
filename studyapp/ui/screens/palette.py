"""The command palette (Ctrl+P): type a few letters, with or without diacritics, and go.

It offers opening any lesson, practising any lesson, starting a practice or
a test, searching, one's results, changing the learner, the language and
the theme. Textual's own palette matches only letters as typed (so `bon`
never finds “Bốn”) and speaks English; this one folds like the search.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.content.search import find_ranges
from studyapp.i18n import current_language, format_count, tr
from studyapp.text import fold
from studyapp.ui.screens.base import StudyModal, stylesheet

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp

LIMIT = 60


@dataclass(frozen=True)
class Command:
    """One thing the palette can do."""

    title: str
    detail: str
    run: Callable[[], None]

    @property
    def folded(self) -> str:
        return fold(f"{self.title} {self.detail}")


def palette_commands(app: StudyApp) -> list[Command]:
    """What can be done from anywhere, then each lesson to open or practise.
    During a meeting (its turns are up) only what shows nobody's results and
    leaves the turns where they are: help and the theme."""
    if app.sessions.meeting_on():
        return [Command(tr("palette.theme"), tr("palette.theme.detail"), app.toggle_theme),
                Command(tr("palette.help"), tr("palette.help.detail"), app.action_help)]
    catalog = app.catalog
    commands = [
        Command(tr("palette.practice"), tr("palette.practice.detail"),
                lambda: app.quizzes.open_setup("practice")),
        Command(tr("palette.test"), tr("palette.test.detail"),
                lambda: app.quizzes.open_setup("test")),
        Command(tr("palette.search"), tr("palette.search.detail"), app.library.open_search),
        Command(tr("palette.lessons"), tr("palette.lessons.detail"), app.library.open_lessons),
        Command(tr("palette.results"), tr("palette.results.detail"), app.progress.show_history),
        Command(tr("palette.sessions"), tr("palette.sessions.detail"), app.sessions.start),
        Command(tr("palette.import_questions"), tr("palette.import_questions.detail"),
                app.question_imports.start),
        Command(tr("palette.new_document"), tr("palette.new_document.detail"),
                app.new_documents.start),
        *(Command(tr("palette.drafts"), tr("palette.drafts.detail", pack=bank.pack_id),
                  partial(app.drafts.open, bank)) for bank in app.drafts.banks_with_drafts()),
        Command(tr("palette.learner"), tr("palette.learner.detail"), app.learners.choose_learner),
        Command(tr("palette.language"), tr("palette.language.detail"),
                lambda: app.switch_language("en" if current_language() == "vi" else "vi")),
        Command(tr("palette.theme"), tr("palette.theme.detail"), app.toggle_theme),
        Command(tr("palette.help"), tr("palette.help.detail"), app.action_help),
        Command(tr("palette.quit"), "", app.exit),
    ]
    with_questions = {q.lesson for q in catalog.questions}
    for lesson in catalog.lessons:
        commands.append(Command(tr("palette.open_lesson", title=lesson.title), lesson.source,
                                partial(app.library.open_lessons, lesson.id)))
    for lesson in catalog.lessons:
        family = {lesson.id, *(d.id for d in catalog.descendants(lesson.id))}
        if family & with_questions:
            commands.append(Command(tr("palette.practise_lesson", title=lesson.title),
                                    lesson.source, partial(app.quizzes.practise_lesson, lesson.id)))
    return commands


def palette_placeholder(app: StudyApp) -> str:
    """What the palette's text box says can be found: lessons and commands;
    during a meeting, only the few commands offered there."""
    return tr("palette.placeholder_meeting" if app.sessions.meeting_on()
              else "palette.placeholder")


def matches(command: Command, words: list[str]) -> bool:
    folded = command.folded
    return all(word in folded for word in words)


def command_option(command: Command, query: str, index: int) -> Option:
    text = f"{command.title}  {command.detail}" if command.detail else command.title
    spans = [Span(0, len(command.title), "bold")]
    if command.detail:
        spans.append(Span(len(command.title), len(text), "$text-muted"))
    spans += [Span(start, end, "underline $text-accent") for start, end in
              find_ranges(text, query)] if query.strip() else []
    return Option(Content(text, spans=spans), id=str(index))


class PaletteScreen(StudyModal["Command | None"]):
    """Type to narrow the commands; ↑↓ choose, Enter runs, Esc closes."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", id="palette.close"),
        Binding("down", "move(1)", "key.down", show=False, id="palette.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="palette.up"),
    ]

    def __init__(self, commands: list[Command], placeholder: str | None = None) -> None:
        super().__init__()
        self.commands = commands
        self.shown: list[Command] = []
        self._placeholder = placeholder or tr("palette.placeholder")
        """What can be found here (during a meeting, no lesson: it says so)."""

    def compose(self) -> ComposeResult:
        with Vertical(id="palette-box") as box:
            box.border_title = tr("palette.title")
            yield Input(placeholder=self._placeholder, id="palette-input")
            yield Static(id="palette-status")
            yield OptionList(id="palette-list")

    def on_mount(self) -> None:
        self.query_one(Input).focus()
        self._show("")

    def _show(self, query: str) -> None:
        words = fold(query).split()
        self.shown = [c for c in self.commands if matches(c, words)][:LIMIT]
        options = self.query_one(OptionList)
        options.set_options([command_option(c, query, i) for i, c in enumerate(self.shown)])
        if self.shown:
            options.highlighted = 0
            self.query_one("#palette-status", Static).update(
                Content(tr("palette.count", count=format_count(len(self.shown)))))
        else:
            self.query_one("#palette-status", Static).update(
                Content.styled(tr("palette.none"), "$text-warning"))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._show(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and self.shown:
            self.dismiss(self.shown[highlighted])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.shown[event.option_index])

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step > 0:
            options.action_cursor_down()
        else:
            options.action_cursor_up()

    def action_close(self) -> None:
        self.dismiss(None)
