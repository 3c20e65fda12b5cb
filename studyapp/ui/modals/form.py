"""A dialog of a few text fields, checked by the caller before it closes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from studyapp.i18n import tr
from studyapp.ui.screens.base import StudyModal, stylesheet

FormValues = dict[str, str]


@dataclass(frozen=True)
class FormField:
    id: str
    label: str
    value: str = ""
    placeholder: str = ""
    password: bool = False
    max_length: int = 100
    hidden: bool = False
    """Not shown until `FormDialog.reveal` asks for it (its value is "" till then)."""


def member_note_field() -> FormField:
    """The note telling a member from a namesake: hidden until the name
    given is already on the roster (the store's refusal says so)."""
    from studyapp.store.models import MAX_NOTE_LENGTH  # noqa: PLC0415 - not at start

    return FormField("note", tr("member.note_label"), "", tr("member.note_hint"),
                     max_length=MAX_NOTE_LENGTH, hidden=True)


class FormDialog(StudyModal[FormValues | None]):
    """Fields, then Enter (or the button) to save. `check` gets the values and
    returns what is wrong (the dialog stays open, saying it) or None (it
    closes with the values). Esc closes with None."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="form.cancel"),
        Binding("down", "app.focus_next", "key.next_field", show=False, id="form.next_field"),
        Binding("up", "app.focus_previous", "key.previous_field", show=False,
                id="form.previous_field"),
    ]

    def __init__(self, title: str, message: str, fields: list[FormField], *,
                 submit: str, check: Callable[[FormValues], str | None],
                 dialog_id: str | None = None) -> None:
        super().__init__(id=dialog_id)
        self._title = title
        self._message = message
        self._fields = fields
        self._submit = submit
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="form-box") as box:
            box.border_title = self._title
            if self._message:
                yield Static(Content(self._message), id="form-message")
            for field in self._fields:
                label = Label(Content(field.label), classes="form-label",
                              id=f"label-{field.id}")
                entry = Input(value=field.value, placeholder=field.placeholder,
                              password=field.password, max_length=field.max_length,
                              id=f"field-{field.id}")
                label.display = entry.display = not field.hidden
                yield label
                yield entry
            yield Static(id="form-error")
            with Horizontal(id="form-buttons"):
                yield Button(Content(self._submit), variant="primary", id="form-submit")
                yield Button(Content(tr("form.cancel")), id="form-cancel")

    def on_mount(self) -> None:
        self.query_one("#form-error").display = False
        shown = [f for f in self._fields if not f.hidden] or self._fields
        first_empty = next((f for f in shown if not f.value), shown[0])
        self.query_one(f"#field-{first_empty.id}", Input).focus()

    def reveal(self, field_id: str) -> None:
        """Show a field (a question the first answer raised; it may be hidden) and go to it."""
        entry = self.query_one(f"#field-{field_id}", Input)
        if not entry.display:
            self.query_one(f"#label-{field_id}").display = True
            entry.display = True
        entry.focus()

    def values(self) -> FormValues:
        return {f.id: self.query_one(f"#field-{f.id}", Input).value for f in self._fields}

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "form-submit":
            self.action_submit()
        else:
            self.action_cancel()

    def action_submit(self) -> None:
        values = self.values()
        problem = self._check(values)
        if problem is None:
            self.dismiss(values)
            return
        error = self.query_one("#form-error", Static)
        error.update(Content(problem))
        error.display = True

    def action_cancel(self) -> None:
        self.dismiss(None)
