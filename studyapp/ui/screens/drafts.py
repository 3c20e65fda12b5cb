""""Soạn câu hỏi": a pack's draft questions, each with the passage its explanation
quotes below it; accept, edit in place, or reject. Every decision goes to the bank file
at once (`drafts_flow.py`, `importing/draft_review.py`); the screen shows and asks."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content, Span
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from studyapp.content.model import LETTERS, Question
from studyapp.i18n import format_count, tr
from studyapp.text import shown
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studyapp.ui.drafts_flow import DraftReview

LIST_WIDTH = 70


def _one_line(text: str, width: int = LIST_WIDTH) -> str:
    text = " ".join(shown(text).split())
    return text if len(text) <= width else text[:width - 1] + "…"


def answer_text(question: Question) -> str:
    """The right answer as the author reads it."""
    if question.type in ("single", "multi"):
        return ", ".join(LETTERS[index] for index in question.correct_choices)
    if question.type == "fill":
        return " | ".join(question.accepted)
    if question.type == "truefalse":
        return tr("quiz.true") if question.truth else tr("quiz.false")
    if question.type == "number":
        return str(question.number)
    if question.type == "order":
        return " → ".join(question.items)
    return ""


def question_content(question: Question) -> Content:
    """The draft as it will be asked, its answer and explanation (never markup)."""
    lines: list[Content] = [Content.styled(shown(question.prompt), "bold")]
    right = set(question.correct_choices)
    for index, choice in enumerate(question.choices):
        mark = "✓" if index in right else " "
        lines.append(Content.styled(f"{mark} {LETTERS[index]}. {shown(choice)}",
                                    "$text-success" if index in right else ""))
    for left, right_side in question.pairs:
        lines.append(Content(tr("drafts.pair", left=shown(left), right=shown(right_side))))
    answer = answer_text(question)
    if answer and question.type not in ("single", "multi", "match"):
        lines.append(Content.styled(tr("drafts.answer", answer=shown(answer)),
                                    "$text-success"))
    if question.explanation:
        lines.append(Content.styled(tr("drafts.explanation", text=shown(question.explanation)),
                                    "$text-muted"))
    return Content("\n").join(lines)


def passage_content(text: str, start: int, end: int) -> Content:
    """The lesson's text, the quoted part highlighted (offsets kept: `shown` only on
    the parts, which writes control characters out visibly)."""
    parts = [shown(text[:start]), shown(text[start:end]), shown(text[end:])]
    joined = "".join(parts)
    if end <= start:
        return Content(joined)
    first = len(parts[0])
    return Content(joined, spans=[Span(first, first + len(parts[1]),
                                       "bold underline $text-accent")])


class DraftsScreen(StudyScreen[None]):
    """The drafts of one bank: ↑↓ to choose, A accepts, S edits, X rejects."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "accept", "key.accept_draft", id="drafts.accept"),
        Binding("s", "edit", "key.edit_draft", id="drafts.edit"),
        Binding("x", "reject", "key.reject_draft", id="drafts.reject"),
        Binding("escape", "back", "key.back", id="drafts.back"),
    ]

    def __init__(self, review: DraftReview) -> None:
        super().__init__()
        self.review = review
        self.drafts: list[Question] = []

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="drafts-body"):
            yield Static(id="drafts-count")
            yield OptionList(id="drafts-list")
            with VerticalScroll(id="drafts-detail"):
                yield Static(id="drafts-question")
            with VerticalScroll(id="drafts-passage-box"):
                yield Static(id="drafts-passage")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("drafts.title", pack=self.review.pack_title)
        self.show_drafts()
        self.query_one("#drafts-list", OptionList).focus()

    @property
    def current(self) -> Question | None:
        menu = self.query_one("#drafts-list", OptionList)
        index = menu.highlighted
        if index is None or not 0 <= index < len(self.drafts):
            return None
        return self.drafts[index]

    def show_drafts(self, keep: int | None = None) -> None:
        """The drafts read again from the file; the cursor at `keep` (or the first)."""
        self.drafts = self.review.drafts()
        menu = self.query_one("#drafts-list", OptionList)
        menu.clear_options()
        menu.add_options([Option(Content(_one_line(q.prompt)), id=q.id) for q in self.drafts])
        count = self.query_one("#drafts-count", Static)
        if self.drafts:
            count.update(Content(tr("drafts.count", count=format_count(len(self.drafts)))))
            menu.highlighted = min(keep or 0, len(self.drafts) - 1)
        else:
            count.update(Content(tr("drafts.none")))
        menu.display = bool(self.drafts)
        self.show_current()
        self.refresh_bindings()

    def show_current(self) -> None:
        question = self.current
        detail = self.query_one("#drafts-detail", VerticalScroll)
        box = self.query_one("#drafts-passage-box", VerticalScroll)
        detail.display = box.display = question is not None
        if question is None:
            return
        self.query_one("#drafts-question", Static).update(question_content(question))
        detail.border_title = question.id
        lesson = self.review.lesson_line(question)
        box.border_title = tr("drafts.passage") + (f" · {shown(lesson)}" if lesson else "")
        box.scroll_home(animate=False)
        passage = self.review.passage(question)
        self.query_one("#drafts-passage", Static).update(
            passage_content(*passage) if passage is not None else
            Content.styled(tr("drafts.no_passage", lesson=question.lesson or "—"),
                           "$text-muted"))
        detail.scroll_home(animate=False)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.show_current()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("accept", "edit", "reject"):
            return bool(self.drafts)
        return True

    def _index(self) -> int:
        return self.query_one("#drafts-list", OptionList).highlighted or 0

    def action_accept(self) -> None:
        question = self.current
        if question is not None and self.review.accept(question):
            self.show_drafts(self._index())

    def action_reject(self) -> None:
        question = self.current
        if question is None:
            return
        index = self._index()

        def done(removed: bool) -> None:
            if removed:
                self.show_drafts(index)

        self.review.reject(question, done)

    def action_edit(self) -> None:
        question = self.current
        if question is None:
            return
        index = self._index()

        def done(saved: bool | None) -> None:
            if saved:
                self.show_drafts(index)

        self.app.push_screen(DraftEditScreen(self.review, question), done)

    def action_back(self) -> None:
        self.dismiss()


class DraftEditScreen(StudyScreen[bool]):
    """The draft's prompt, choices (or pairs), answer and explanation in a form; saved
    with Ctrl+S only when the bank loader takes the question so edited."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save_draft", priority=True, id="draft_edit.save"),
        Binding("escape", "cancel", "key.back", priority=True, id="draft_edit.cancel"),
    ]

    def __init__(self, review: DraftReview, question: Question) -> None:
        super().__init__()
        self.review = review
        self.question = question

    def compose(self) -> ComposeResult:
        question = self.question
        yield TitleBar()
        with VerticalScroll(id="draft-edit-body"):
            yield Static(Content(tr("draft_edit.hint")), id="draft-edit-hint")
            yield Label(tr("draft_edit.prompt"))
            yield TextArea(question.prompt, id="draft-prompt", classes="draft-text",
                           soft_wrap=True, show_line_numbers=False)
            if question.type in ("single", "multi"):
                yield Label(tr("draft_edit.choices"))
                yield TextArea("\n".join(question.choices), id="draft-choices",
                               classes="draft-list", soft_wrap=True)
            if question.type == "match":
                yield Label(tr("draft_edit.pairs"))
                yield TextArea("\n".join(f"{left} | {right}" for left, right in question.pairs),
                               id="draft-pairs", classes="draft-list", soft_wrap=True)
            if question.type in ("single", "multi", "fill"):
                yield Label(tr(f"draft_edit.answer.{question.type}"))
                yield Input(answer_text(question), id="draft-answer")
            yield Label(tr("draft_edit.explanation"))
            yield TextArea(question.explanation or "", id="draft-explanation",
                           classes="draft-text", soft_wrap=True)
            yield Static("", id="draft-edit-error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("draft_edit.title", id=self.question.id)
        self.query_one("#draft-prompt", TextArea).focus()

    def values(self) -> dict[str, Any] | str:
        """What the form says, as bank values; a message when it cannot say it."""
        values: dict[str, Any] = {
            "prompt": self.query_one("#draft-prompt", TextArea).text,
            "explanation": self.query_one("#draft-explanation", TextArea).text or None,
        }
        kind = self.question.type
        if kind in ("single", "multi"):
            text = self.query_one("#draft-choices", TextArea).text
            values["choices"] = [line.strip() for line in text.split("\n") if line.strip()]
        if kind == "match":
            pairs = []
            lines = self.query_one("#draft-pairs", TextArea).text.split("\n")
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                left, bar, right = line.partition("|")
                if not bar:
                    return tr("draft_edit.bad_pair", line=number)
                pairs.append([left.strip(), right.strip()])
            values["pairs"] = pairs
        if kind in ("single", "multi", "fill"):
            typed = self.query_one("#draft-answer", Input).value
            if kind == "single":
                values["answer"] = typed.strip().upper()
            elif kind == "multi":
                values["answer"] = sorted({part.strip().upper()
                                           for part in typed.replace(";", ",").split(",")
                                           if part.strip()})
            else:
                spellings = [part.strip() for part in typed.split("|") if part.strip()]
                values["answer"] = spellings[0] if len(spellings) == 1 else spellings
        return values

    def action_save(self) -> None:
        values = self.values()
        error = self.query_one("#draft-edit-error", Static)
        if isinstance(values, str):
            error.update(Content(values))
            return
        problems = self.review.edit(self.question, values)
        if problems:
            error.update(Content("\n".join(shown(line) for line in problems)))
            self.call_after_refresh(error.scroll_visible, animate=False)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        self.dismiss(False)

