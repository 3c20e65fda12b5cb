"""Entering papers answered on paper: pick the member (or type the paper code), one line per
question, a review of the whole paper, then it is saved (docs/paper-entry.md).

The screens show and ask; `ui/paper_flow.py` reads, checks and stores. A
one-character answer (a single choice, true/false) moves on to the next line
by itself, so ten single choices are ten keys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from studyapp.i18n import tr
from studyapp.text import fold
from studyapp.ui.screens.base import StudyModal, StudyScreen, stylesheet
from studyapp.ui.widgets.entry_sheet import EntrySheet, SheetLine
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from studyapp.ui.paper_flow import EntryLine, PaperChoice, PaperFlow, Problems, Review

NAME_WIDTH = 34
STATE_STYLE = {"todo": "$text-muted", "entered": "bold $text-success", "other": "$text-warning"}


def _flow(screen: StudyScreen[None]) -> PaperFlow:
    return screen.study_app.papers


class PaperPickScreen(StudyScreen[None]):
    """The present members, those still to enter first highlighted: type a
    name or the paper code to find one, Enter to enter their paper."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "pick", "key.enter_paper", id="papers.pick"),
        Binding("down", "move(1)", "key.down", show=False, id="papers.down"),
        Binding("up", "move(-1)", "key.up", show=False, id="papers.up"),
        Binding("escape", "back", "key.back", id="papers.back"),
    ]

    def __init__(self, session_id: str, cell: str, choices: list[PaperChoice]) -> None:
        super().__init__()
        self.session_id = session_id
        self.cell = cell
        self.choices = choices
        self._shown: list[PaperChoice] = []
        self._last: str | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="pick-body"):
            yield Static(id="pick-counts")
            yield Input(placeholder=tr("papers.find_placeholder"), max_length=80,
                        id="pick-find")
            yield OptionList(id="pick-list")
            yield Static(Content(tr("papers.pick_hint")), id="pick-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("papers.title", cell=self.cell)
        self.show(self.choices)
        self.query_one("#pick-find", Input).focus()

    def on_screen_resume(self) -> None:
        _flow(self).refresh(self)

    def show(self, choices: list[PaperChoice]) -> None:
        self.choices = choices
        entered = sum(1 for c in choices if c.state == "entered")
        self.query_one("#pick-counts", Static).update(Content(tr(
            "papers.counts", entered=entered, present=len(choices),
            other=sum(1 for c in choices if c.state == "other"))))
        self._filter(self.query_one("#pick-find", Input).value)

    def _filter(self, typed: str) -> None:
        wanted = fold(typed.strip().removeprefix("#"))
        shown = [c for c in self.choices
                 if not wanted or wanted in fold(c.label) or c.code.startswith(wanted)]
        self._shown = shown
        listing = self.query_one("#pick-list", OptionList)
        listing.set_options([
            Option(Content.assemble(Content(c.label.ljust(NAME_WIDTH)),
                                    (f"#{c.code}  ", "$text-muted"),
                                    (tr(f"papers.state.{c.state}"), STATE_STYLE[c.state])),
                   id=c.member_id) for c in shown])
        if not shown:
            return
        ids = [c.member_id for c in shown]
        todo = [i for i, c in enumerate(shown) if c.state == "todo"]
        if self._last in ids and shown[ids.index(self._last)].state == "todo":
            listing.highlighted = ids.index(self._last)  # left unsaved: it is still next
            return
        # The next paper still to enter after the one just entered (roster order).
        start = ids.index(self._last) + 1 if self._last in ids else 0
        after = [i for i in todo if i >= start]
        listing.highlighted = after[0] if after else (todo[0] if todo else 0)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._filter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_pick()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_pick()

    def action_move(self, step: int) -> None:
        listing = self.query_one("#pick-list", OptionList)
        if step > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_pick(self) -> None:
        find = self.query_one("#pick-find", Input)
        typed = find.value.strip().removeprefix("#")
        choice: PaperChoice | None
        if len(typed) == 6 and typed.isdigit():
            choice = _flow(self).code_of(self, typed)
        else:
            option = self.query_one("#pick-list", OptionList).highlighted_option
            choice = next((c for c in self._shown if option and c.member_id == option.id), None)
        if choice is None:
            return
        self._last = choice.member_id
        find.value = ""
        _flow(self).pick(self, choice)

    def action_back(self) -> None:
        self.dismiss()


class PaperEntryScreen(StudyScreen[None]):
    """One line per question: its number and type, the answer as written on
    the paper. Enter goes to the next line (on the last: the review)."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "review", "key.review_paper", id="paper_entry.review"),
        Binding("escape", "back", "key.back", id="paper_entry.back"),
    ]

    def __init__(self, session_id: str, choice: PaperChoice, lines: list[EntryLine]) -> None:
        super().__init__()
        self.session_id = session_id
        self.choice = choice
        self.lines = lines
        self._summary = ""

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="entry-body"):
            yield Static(Content.assemble(
                (tr("papers.entry_heading", name=self.choice.label, code=self.choice.code),
                 "bold"),
                (f"  {tr('papers.correcting')}", "$text-warning")
                if self.choice.state == "entered" else ""), id="entry-heading")
            with VerticalScroll(id="entry-lines"):
                yield EntrySheet([SheetLine(line.number, line.label, line.one_character,
                                            line.value, letters=line.letters)
                                  for line in self.lines],
                                 self._check, id="entry-sheet")
            yield Static(Content(tr("papers.entry_hint")), id="entry-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("papers.entry_title")
        self.sheet.focus()

    @property
    def sheet(self) -> EntrySheet:
        return self.query_one(EntrySheet)

    def values(self) -> list[str]:
        return self.sheet.values

    def _check(self, number: int, text: str) -> str | None:
        return _flow(self).line_problem(self.session_id, self.choice.member_id, number, text)

    def on_entry_sheet_moved(self, event: EntrySheet.Moved) -> None:
        event.stop()
        status = self.query_one("#entry-status", Static)
        line = event.line
        if self._summary:
            status.update(Content.styled(self._summary, "$text-error"))
        elif line.problem:
            status.update(Content.styled(tr("entry.at_question", number=line.number,
                                            text=line.shown, message=line.problem),
                                         "$text-error"))
        else:
            status.update(Content(tr("papers.entry_hint")))

    def on_entry_sheet_changed(self, event: EntrySheet.Changed) -> None:
        event.stop()
        self._summary = ""  # what the review said is said again at the next review
        self.on_entry_sheet_moved(EntrySheet.Moved(event.line))

    def on_entry_sheet_submitted(self, event: EntrySheet.Submitted) -> None:
        event.stop()
        self.action_review()

    def action_review(self) -> None:
        # The flow shows the problems here, or the review, then saves.
        _flow(self).review_and_save(self, self.values())

    def saved(self) -> None:
        self.dismiss()

    def show_problems(self, problems: Problems) -> None:
        sheet = self.sheet
        sheet.show_problems(problems.by_line)
        count = len(problems.by_line) + len(problems.general)
        lines = [tr("papers.problems", count=count), *problems.general]
        lines += [tr("entry.at_question", number=number, text=sheet.lines[number - 1].shown,
                     message=message) for number, message in sorted(problems.by_line.items())]
        self._summary = "\n".join(lines)
        self.query_one("#entry-status", Static).update(
            Content.styled(self._summary, "$text-error"))
        if problems.by_line:
            sheet.go_to(min(problems.by_line) - 1)
        else:
            empty = next((i for i, value in enumerate(sheet.values) if not value.strip()), None)
            if empty is not None:
                sheet.go_to(empty)

    def action_back(self) -> None:
        """Back to the list of papers; answers typed here and not saved are asked about
        first (Esc by mistake would lose a whole paper's typing)."""
        if self.values() == [line.value for line in self.lines]:
            self.dismiss()
            return
        from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice  # noqa: PLC0415

        def answered(choice: str | None) -> None:
            if choice == "discard":
                self.dismiss()

        self.app.push_screen(ChoiceDialog(
            tr("papers.leave_title"), tr("papers.leave_message", name=self.choice.label),
            [DialogChoice("stay", tr("papers.leave_stay"), key="n"),
             DialogChoice("discard", tr("papers.leave_discard"), key="b")],
            on_escape="stay", dialog_id="paper-leave"), answered)


class PaperReviewScreen(StudyModal[bool]):
    """The whole paper as read, and its score: Enter saves it, Esc goes back to edit."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "key.save_paper", id="paper_review.save"),
        Binding("escape", "edit", "key.edit_paper", id="paper_review.edit"),
    ]

    def __init__(self, review: Review) -> None:
        super().__init__(id="paper-review")
        self.review = review

    def compose(self) -> ComposeResult:
        review = self.review
        with Vertical(id="review-box") as box:
            box.border_title = tr("papers.review_title", name=review.label)
            with VerticalScroll(id="review-lines"):
                yield Static(Content("\n".join(review.lines)), id="review-text")
            yield Static(Content.styled(review.summary, "bold"), id="review-summary")
            if review.correction:
                yield Static(Content.styled(tr("papers.review_correction"), "$text-warning"),
                             id="review-correction")
            yield Static(Content(tr("papers.review_keys")), id="review-keys")

    def action_save(self) -> None:
        self.dismiss(True)

    def action_edit(self) -> None:
        self.dismiss(False)
