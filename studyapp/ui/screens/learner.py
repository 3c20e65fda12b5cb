"""Who is studying: a name from a cell's roster, a new name, or a guest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, tr
from studyapp.store.models import Cell, Learner, Member, member_label
from studyapp.text import fold
from studyapp.ui.modals.form import FormDialog, FormField, FormValues, member_note_field
from studyapp.ui.screens.base import StudyScreen, stylesheet, type_into
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

ADD, GUEST = "+add", "+guest"


@dataclass(frozen=True)
class Roster:
    """The cells and their members, read from the store by the app."""

    cells: tuple[tuple[Cell, tuple[Member, ...]], ...]


class LearnerScreen(StudyScreen[Learner | None]):
    """Type a few letters of your name (no diacritics needed), ↑↓, Enter.
    At the end of the list: add a new name, or study as a guest."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "move(1)", "key.down", show=False, id="learner.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="learner.up"),
        Binding("enter", "choose", "key.choose", priority=True, id="learner.choose"),
        Binding("escape", "back", "key.back", id="learner.back"),
    ]

    def __init__(self, roster: Roster) -> None:
        super().__init__()
        self.roster = roster

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="learner-body"):
            yield Static(Content(tr("learner.intro")), id="learner-intro")
            yield Input(placeholder=tr("learner.filter"), id="learner-filter", max_length=100)
            yield OptionList(id="learner-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("learner.title")
        self._fill("")
        self.query_one(Input).focus()

    def _fill(self, typed: str) -> None:
        """The roster, cell by cell, keeping the names that contain what was typed."""
        wanted = fold(typed)
        options: list[Option] = []
        for cell, members in self.roster.cells:
            shown = [m for m in members if wanted in fold(member_label(m))]
            if not shown:
                continue
            heading = tr("learner.cell", cell=cell.name, count=format_count(len(members)))
            options.append(Option(Content.styled(heading, "bold $text-accent"), disabled=True))
            options += [Option(Content(f"  {member_label(m, members)}"), id=m.id) for m in shown]
        add = tr("learner.add_named", name=typed.strip()) if typed.strip() else tr("learner.add")
        options.append(Option(_action(add, tr("learner.add_detail")), id=ADD))
        options.append(Option(_action(tr("learner.guest"), tr("learner.guest_detail")), id=GUEST))
        names = self.query_one(OptionList)
        names.set_options(options)
        names.highlighted = next(i for i, option in enumerate(options) if not option.disabled)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_choose()

    def action_move(self, step: int) -> None:
        names = self.query_one(OptionList)
        if step > 0 and self.query_one(Input).has_focus:
            # Into the list, at the line already highlighted (the first name):
            # Down from the text box used to skip it.
            names.focus()
        elif step > 0:
            names.action_cursor_down()
        else:
            names.action_cursor_up()

    def on_key(self, event: events.Key) -> None:
        # Letters typed in the list go on narrowing it, in the text box.
        type_into(self.query_one(Input), event)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_id)

    def action_choose(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is not None:
            self._choose(option.id)

    def _choose(self, option_id: str | None) -> None:
        if option_id == ADD:
            self._ask_new_name()
        elif option_id == GUEST:
            self._ask_guest()
        elif option_id is not None:
            member = next(m for _, members in self.roster.cells for m in members
                          if m.id == option_id)
            self._done(lambda: self.study_app.learners.learner_for(member))

    def _done(self, make: Callable[[], Learner]) -> None:
        try:
            learner = make()
        except StudyappError as error:
            self.notify(error.message, severity="error", markup=False)
            return
        self.dismiss(learner)

    def _ask_new_name(self) -> None:
        typed = self.query_one(Input).value.strip()
        cells = [cell for cell, _ in self.roster.cells]
        cell_name = cells[0].name if len(cells) == 1 else ""
        fields = [FormField("name", tr("learner.form.name"), typed, tr("learner.form.name_hint")),
                  member_note_field(),
                  FormField("cell", tr("learner.form.cell"), cell_name,
                            tr("learner.form.cell_hint"))]
        if any(cell.has_pin for cell in cells):
            fields.append(FormField("pin", tr("learner.form.pin"), password=True, max_length=32))
        self._add_dialog = FormDialog(tr("learner.form.title"), tr("learner.form.message"), fields,
                                      submit=tr("learner.form.submit"),
                                      check=self._check_new_name, dialog_id="add-member-dialog")
        self.app.push_screen(self._add_dialog, self._new_name_given)

    def _check_new_name(self, values: FormValues) -> str | None:
        """Add the member (the store refuses a duplicate, an empty name, a
        wrong PIN): the dialog shows why, or closes; a namesake's refusal
        also shows the note field that would tell them apart."""
        from studyapp.store.store import DuplicateMemberError  # noqa: PLC0415 - sqlite3

        try:
            self._added = self.study_app.learners.add_member(
                values["name"], values["cell"], values.get("pin") or None,
                note=values.get("note", ""))
        except DuplicateMemberError as error:
            self._add_dialog.reveal("note")
            return error.message
        except StudyappError as error:
            return error.message
        return None

    def _new_name_given(self, values: FormValues | None) -> None:
        if values is not None:
            member = self._added
            self._done(lambda: self.study_app.learners.learner_for(member))

    def _ask_guest(self) -> None:
        fields = [FormField("name", tr("learner.guest.name"), tr("learner.guest.default"))]
        self.app.push_screen(
            FormDialog(tr("learner.guest.title"), tr("learner.guest.message"), fields,
                       submit=tr("learner.guest.submit"), check=self._check_guest,
                       dialog_id="guest-dialog"),
            self._guest_given)

    def _check_guest(self, values: FormValues) -> str | None:
        try:
            self._guest = self.study_app.learners.guest(values["name"])
        except StudyappError as error:
            return error.message
        return None

    def _guest_given(self, values: FormValues | None) -> None:
        if values is not None:
            self.dismiss(self._guest)

    def action_back(self) -> None:
        self.dismiss(None)


def _action(title: str, detail: str) -> Content:
    text = f"{title}\n    {detail}"
    return Content(text, spans=[Span(0, len(title), "bold"),
                                Span(len(title) + 1, len(text), "$text-muted")])
