"""A dialog that asks one question and offers a few answers, each with its key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content, Span
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from studyapp.ui.screens.base import StudyModal, stylesheet


@dataclass(frozen=True)
class DialogChoice:
    """One answer: what it is called, what it does, and a key that picks it."""

    id: str
    label: str
    detail: str = ""
    key: str | None = None


def choice_option(choice: DialogChoice) -> Option:
    label = f"{choice.label}  [{choice.key.upper()}]" if choice.key else choice.label
    spans = [Span(0, len(choice.label), "bold")]
    text = label
    if choice.detail:
        text = f"{label}\n  {choice.detail}"
        spans.append(Span(len(label) + 1, len(text), "$text-muted"))
    return Option(Content(text, spans=spans), id=choice.id)


class ChoiceDialog(StudyModal[str | None]):
    """`title`, a message, and the choices: ↑↓ and Enter, or a choice's key.
    Esc answers `on_escape` (None: nothing chosen)."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "escape", "key.close", id="dialog.close"),
    ]

    def __init__(self, title: str, message: Content | str, choices: list[DialogChoice], *,
                 on_escape: str | None = None, dialog_id: str | None = None) -> None:
        super().__init__(id=dialog_id)
        self._title = title
        self._message = message if isinstance(message, Content) else Content(message)
        self._choices = choices
        self._on_escape = on_escape

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog-box") as box:
            box.border_title = self._title
            yield Static(self._message, id="dialog-message")
            yield OptionList(*[choice_option(c) for c in self._choices], id="dialog-choices")

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_key(self, event: events.Key) -> None:
        if not event.character:
            return
        for choice in self._choices:
            if choice.key and event.character.lower() == choice.key.lower():
                event.stop()
                self.dismiss(choice.id)
                return

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)

    def action_escape(self) -> None:
        self.dismiss(self._on_escape)
