"""Who is studying: choose a member of a cell, add one, or study as a guest; remembered.

The screens ask (`screens/learner.py`); this flow calls the store and sets
`app.learner`. It belongs to the app (`app.learners`), which owns the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError

if TYPE_CHECKING:
    from studyapp.store.models import Learner, Member
    from studyapp.ui.app import StudyApp


class LearnerFlow:
    """Choose, add, guest, remember: the learner the other flows work for."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def set_learner(self, learner: Learner) -> None:
        self.app.learner = learner
        self.app.speak_to(learner)  # their own language; a guest, the laptop's
        self.app.library.forget_reading()
        self.app.quizzes.resume_offered = False
        try:
            self.app.store.remember_learner(learner)
        except StudyappError as error:
            self.app.notify(error.message, severity="error", markup=False)
        self.app.refresh_home()

    def choose_learner(self, then: Callable[[], None] | None = None) -> None:
        """Ask who is studying, then (if someone was chosen) run `then`."""
        if not self.app.usable_store() or self.app.quizzes.quiz_in_progress():
            return
        from studyapp.ui.screens.learner import LearnerScreen, Roster  # noqa: PLC0415

        try:
            store = self.app.store
            roster = Roster(tuple((cell, tuple(store.members(cell.id)))
                                  for cell in store.cells()))
        except StudyappError as error:
            self.app.store_failed(error.message)
            return

        def chosen(learner: Learner | None) -> None:
            if learner is None:
                return
            self.set_learner(learner)
            self.app.quizzes.offer_resume(then)

        self.app.push_screen(LearnerScreen(roster), chosen)

    def with_learner(self, then: Callable[[], None], *, new_quiz: bool = True) -> None:
        """Run `then` once someone is studying (asking who first, if nobody);
        before a new quiz, an unfinished one is offered first."""
        if not self.app.usable_store() or self.app.quizzes.quiz_in_progress():
            return
        if self.app.learner is None:
            self.choose_learner(then)
        elif new_quiz:
            self.app.quizzes.offer_resume(then, again=True)
        else:
            then()

    def learner_for(self, member: Member) -> Learner:
        return self.app.store.learner(member)

    def guest(self, name: str) -> Learner:
        return self.app.store.guest(name)

    def add_member(self, name: str, cell_name: str, pin: str | None, *, note: str = ""
                   ) -> Member:
        """Add a name to a cell's roster (the cell is created if new), with the
        note that tells them from a namesake (refused without one)."""
        from studyapp.store.store import clean_name  # noqa: PLC0415

        store = self.app.store
        clean_name(name)  # a name that will be refused creates no cell
        cell = store.ensure_cell(cell_name)  # an empty cell name is refused, with a message
        return store.add_member(cell.id, name, note=note, pin=pin)

