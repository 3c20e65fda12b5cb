"""The content problems dialog: which files were skipped, and every problem found."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from studyapp.content.problems import Problem
from studyapp.i18n import tr
from studyapp.text import shown
from studyapp.ui.screens.base import StudyModal, stylesheet


class ContentProblemsScreen(StudyModal[None]):
    """Shown from the home screen when some content could not be loaded."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "key.close", id="problems.close"),
    ]

    def __init__(self, skipped: Sequence[Path], problems: Sequence[Problem]) -> None:
        super().__init__()
        self._skipped = list(skipped)
        self._problems = list(problems)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="problems-box") as box:
            box.border_title = tr("problems.title")
            if self._skipped:
                yield Static(Content(tr("problems.skipped", count=len(self._skipped))),
                             classes="problems-heading")
                # Paths and messages carry text from files: never markup.
                # A file name may carry escape codes: shown visibly (text.shown).
                yield Static(Content("\n".join(f"• {shown(str(path))}"
                                               for path in self._skipped)))
            yield Static(Content(tr("problems.all")), classes="problems-heading")
            yield Static(Content("\n".join(p.format() for p in self._problems)),
                         classes="problems-list")
            yield Static(Content(tr("problems.hint")), classes="problems-note")

    def on_mount(self) -> None:
        self.query_one("#problems-box").focus()

    def action_close(self) -> None:
        self.dismiss()
