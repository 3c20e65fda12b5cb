"""Base classes for our screens: a typed `study_app`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp

ResultType = TypeVar("ResultType")


class _StudyScreenMixin:
    """What every screen of ours has: the app with its own type."""

    @property
    def study_app(self) -> StudyApp:
        return cast("StudyApp", cast("Screen[Any]", self).app)


class StudyScreen(_StudyScreenMixin, Screen[ResultType]):
    """A full screen of studyapp."""


class StudyModal(_StudyScreenMixin, ModalScreen[ResultType]):
    """A dialog of studyapp, shown over the screen that opened it."""
