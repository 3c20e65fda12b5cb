"""Reviewing a pack's draft questions ("Soạn câu hỏi"): which banks have drafts, the
screen opened on one, and each decision written to the bank file at once through the
core (`importing/draft_review.py`); the catalog read again when the screen is left, so
the accepted questions are drawn at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.content.banks import load_bank
from studyapp.content.model import Bank, Question
from studyapp.content.problems import ProblemLog
from studyapp.i18n import tr

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp


@dataclass
class DraftReview:
    """One bank's drafts under review: read from its file, decided upon."""

    app: StudyApp
    path: Path
    pack_id: str
    pack_title: str
    changed: bool = field(default=False)

    def drafts(self) -> list[Question]:
        """The drafts as the file holds them now."""
        log = ProblemLog()
        bank = load_bank(self.path, self.pack_id, log)
        return list(bank.drafts) if bank is not None else []

    def lesson_line(self, question: Question) -> str | None:
        catalog = self.app.catalog
        if question.lesson is None or not catalog.has_lesson(question.lesson):
            return None
        lesson = catalog.lesson(question.lesson)
        return tr("drafts.lesson", source=lesson.source, title=lesson.title)

    def passage(self, question: Question) -> tuple[str, int, int] | None:
        """The question's lesson from the paragraph the explanation quotes on, and where
        the quotation stands in it (start, end); the whole lesson with (0, 0) when the
        quotation is not found."""
        from studyapp.content.search import locate_explanation  # noqa: PLC0415

        catalog = self.app.catalog
        if question.lesson is None or not catalog.has_lesson(question.lesson):
            return None
        if question.explanation:
            found = locate_explanation(catalog, question.lesson, question.explanation)
            if found is not None:
                plain = catalog.document(found.lesson_id).plain
                start, end = found.match.start, found.match.end
                block = plain.rfind("\n", 0, start) + 1
                return plain[block:], start - block, end - block
        plain = catalog.document(question.lesson).plain
        return (plain, 0, 0) if plain else None

    def _failed(self, error: Exception) -> list[str]:
        from studyapp.importing.draft_review import DraftReviewError  # noqa: PLC0415

        lines = [str(error)]
        if isinstance(error, DraftReviewError):
            lines += [problem.format() for problem in error.problems]
        return lines

    def accept(self, question: Question) -> bool:
        from studyapp.errors import StudyappError  # noqa: PLC0415
        from studyapp.importing.draft_review import accept  # noqa: PLC0415

        try:
            accept(self.path, question.id)
        except StudyappError as error:
            self.app.notify("\n".join(self._failed(error)), severity="error", markup=False)
            return False
        self.changed = True
        self.app.notify(tr("drafts.accepted", id=question.id), markup=False, timeout=3)
        return True

    def reject(self, question: Question, done: Callable[[bool], None]) -> None:
        """Asked first: a rejected draft is gone from the file."""
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415

        def decided(choice: str | None) -> None:
            from studyapp.errors import StudyappError  # noqa: PLC0415
            from studyapp.importing.draft_review import reject  # noqa: PLC0415

            if choice != "reject":
                done(False)
                return
            try:
                reject(self.path, question.id)
            except StudyappError as error:
                self.app.notify("\n".join(self._failed(error)), severity="error",
                                markup=False)
                done(False)
                return
            self.changed = True
            self.app.notify(tr("drafts.rejected", id=question.id), markup=False, timeout=3)
            done(True)

        self.app.push_screen(ChoiceDialog(
            tr("drafts.reject_title"), tr("drafts.reject_text", id=question.id, path=self.path),
            [DialogChoice("keep", tr("drafts.reject_keep"), key="g"),
             DialogChoice("reject", tr("drafts.reject_confirm"), key="b")],
            on_escape="keep", dialog_id="reject-draft-dialog"), decided)

    def edit(self, question: Question, values: dict[str, Any]) -> list[str]:
        """The edit written; the lines saying why not when it was refused."""
        from studyapp.errors import StudyappError  # noqa: PLC0415
        from studyapp.importing.draft_review import edit  # noqa: PLC0415

        try:
            edit(self.path, question.id, values)
        except StudyappError as error:
            return self._failed(error)
        self.changed = True
        self.app.notify(tr("drafts.saved", id=question.id), markup=False, timeout=3)
        return []


class DraftsFlow:
    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def banks_with_drafts(self) -> list[Bank]:
        return [bank for bank in self.app.catalog.banks if bank.drafts]

    def open_bank(self, path: Path, pack_id: str, pack_title: str,
                  done: Callable[[], None] | None = None) -> None:
        from studyapp.ui.screens.drafts import DraftsScreen  # noqa: PLC0415

        review = DraftReview(self.app, path, pack_id, pack_title)

        def closed(_: None) -> None:
            if review.changed:
                self.app.library.load_everything()  # the accepted ones drawn at once
            if done is not None:
                done()

        self.app.push_screen(DraftsScreen(review), closed)

    def open(self, bank: Bank) -> None:
        pack = self.app.catalog.pack(bank.pack_id)
        self.open_bank(bank.path, bank.pack_id, pack.title)
