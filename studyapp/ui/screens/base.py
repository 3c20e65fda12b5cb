"""Base classes for our screens: a typed `study_app`, and each screen's stylesheet."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from textual import events
from textual.screen import ModalScreen, Screen
from textual.widgets import Input

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp

ResultType = TypeVar("ResultType")


def stylesheet(module_file: str, name: str | None = None) -> str:
    """The `.tcss` file beside a screen's module (`quiz.py`: `quiz.tcss`), for
    its DEFAULT_CSS. Textual parses a class's DEFAULT_CSS when the class is
    first shown, and parses only that (the rest stays cached), so a screen's
    layout costs nothing at start; a screen's own CSS_PATH would make Textual
    parse every stylesheet again."""
    path = Path(module_file)
    path = path.with_name(name) if name else path.with_suffix(".tcss")
    return path.read_text(encoding="utf-8")


def type_into(field: Input, event: events.Key) -> None:
    """A letter, digit or space typed while a list beside `field` has the focus goes on
    into `field` (a name or a query typed, then the list, then more letters)."""
    if event.character and (event.character.isalnum() or event.character == " ") \
            and not field.has_focus:
        event.stop()
        event.prevent_default()
        field.focus()
        field.insert_text_at_cursor(event.character)


class _StudyScreenMixin:
    """What every screen of ours has: the app with its own type, and its
    stylesheet's rules written with the screen's name (not scoped again)."""

    SCOPED_CSS: ClassVar[bool] = False

    @property
    def study_app(self) -> StudyApp:
        return cast("StudyApp", cast("Screen[Any]", self).app)


class StudyScreen(_StudyScreenMixin, Screen[ResultType]):
    """A full screen of studyapp."""


class StudyModal(_StudyScreenMixin, ModalScreen[ResultType]):
    """A dialog of studyapp, shown over the screen that opened it."""
