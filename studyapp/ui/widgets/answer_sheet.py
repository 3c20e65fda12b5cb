"""The explanation of one answer: right or not, the right answer, why, and where to read it.

Shown as practice feedback and in the review of a finished quiz. The lines
of an answer are indented and wrap under themselves, so a long choice stays
readable at 80 columns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from studyapp.content.catalog import Catalog
from studyapp.i18n import tr
from studyapp.quiz.describe import describe_correct, describe_response, line_marks
from studyapp.quiz.scoring import Credit, Response
from studyapp.quiz.selection import PaperItem


@dataclass(frozen=True)
class Part:
    """One block of the sheet; `indented` for a line of an answer."""

    text: Content
    indented: bool = False
    spaced: bool = False
    """A blank line before it (the review has room; practice feedback is kept short)."""


def verdict(credit: Credit, answered: bool = True) -> Content:
    """`✓ Đúng.`, `◐ Đúng một phần (50%).`, `✗ Chưa đúng.` or not answered."""
    if not answered:
        return Content.styled(tr("review.unanswered"), "bold $text-muted")
    if credit.correct:
        return Content.styled(tr("quiz.feedback.right"), "bold $text-success")
    if credit.fraction:
        return Content.styled(tr("quiz.feedback.partly", percent=round(credit.fraction * 100)),
                              "bold $text-warning")
    return Content.styled(tr("quiz.feedback.wrong"), "bold $text-error")


def _lines(heading: str, lines: Iterable[str], spaced: bool,
           marks: Iterable[bool] | None = None) -> list[Part]:
    """A heading, then one indented line each; with `marks`, each line says
    whether it is right (an ordering's places, a matching's pairs)."""
    parts = [Part(Content.styled(heading, "bold"), spaced=spaced)]
    if marks is None:
        parts += [Part(Content(f"• {line}"), indented=True) for line in lines]
    else:
        parts += [Part(Content.assemble(("✓ ", "bold $text-success") if right else
                                        ("✗ ", "bold $text-error"), line), indented=True)
                  for line, right in zip(lines, marks, strict=True)]
    return parts


def explanation_parts(catalog: Catalog, item: PaperItem, credit: Credit, *,
                      response: Response | None = None, with_response: bool = False
                      ) -> list[Part]:
    """What was accepted and how, the right answer (when it was missed),
    the explanation, and the lesson with the key that opens it. With the
    response (the review), blocks are spaced apart."""
    question = item.question
    spaced = with_response
    parts: list[Part] = []
    marks = line_marks(item, response) if response is not None else None
    # An ordering or a matching partly wrong: which of the learner's lines were.
    if with_response or (marks is not None and not credit.correct):
        parts += _lines(tr("review.your_answer"), describe_response(item, response), spaced,
                        marks if not credit.correct else None)
    if credit.without_diacritics and question.accepted:
        parts.append(Part(Content(tr("quiz.feedback.without_diacritics",
                                     answer=question.accepted[0]))))
    if credit.understood_as:
        parts.append(Part(Content(tr("quiz.feedback.understood_as", text=credit.understood_as))))
    if not credit.correct:
        parts += _lines(tr("quiz.feedback.correct_answer"), describe_correct(item), spaced)
    if question.explanation:
        parts.append(Part(Content.assemble((tr("quiz.feedback.explanation"), "bold"), " ",
                                           question.explanation), spaced=spaced))
    if question.lesson and catalog.has_lesson(question.lesson):
        lesson = catalog.lesson(question.lesson)
        title = f"{lesson.source} — {lesson.title}" if lesson.source else lesson.title
        parts.append(Part(Content.assemble(
            (tr("quiz.feedback.lesson"), "bold"), " ", title,
            (f"  {tr('quiz.feedback.open_hint')}", "$text-muted")), spaced=spaced))
    return parts


class AnswerSheet(Vertical):
    """Shows parts; text from content is always `Content`, never markup."""

    DEFAULT_CSS = """
    AnswerSheet { height: auto; }
    AnswerSheet > .-indented { padding-left: 2; }
    AnswerSheet > .-spaced { margin-top: 1; }
    """

    async def show(self, parts: Iterable[Part]) -> None:
        await self.remove_children()
        await self.mount_all([
            Static(part.text, classes=" ".join(name for name, wanted in
                                               (("-indented", part.indented),
                                                ("-spaced", part.spaced)) if wanted))
            for part in parts])

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        return "\n".join(str(static.content) for static in self.query(Static))
