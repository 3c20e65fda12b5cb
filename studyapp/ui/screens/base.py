"""Base classes for our screens: translated bindings and a typed `study_app`."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual.screen import ModalScreen, Screen

from studyapp.ui.bindings import translate_bindings

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp

ResultType = TypeVar("ResultType")


class StudyScreen(Screen[ResultType]):
    """A full screen of studyapp."""

    def __init__(self, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        translate_bindings(self)

    @property
    def study_app(self) -> StudyApp:
        return cast("StudyApp", self.app)


class StudyModal(ModalScreen[ResultType]):
    """A dialog of studyapp, shown over the screen that opened it."""

    def __init__(self, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name, id, classes)
        translate_bindings(self)

    @property
    def study_app(self) -> StudyApp:
        return cast("StudyApp", self.app)
