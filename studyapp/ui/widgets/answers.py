"""Answer widgets, one per kind of question: they take keys and clicks and say what was chosen.

A widget builds a response in written terms from what the learner did with
the question as shown (relabelled choices, shuffled items); it never grades
and never stores. `Confirmed` says the learner confirmed it (Enter).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from studyapp.content.model import LETTERS
from studyapp.i18n import current_language, tr
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
)
from studyapp.quiz.selection import PaperItem
from studyapp.text import has_unwanted, normalize, parse_number
from studyapp.ui.theme import rich_style

RIGHT_MARK = "✓"
WRONG_MARK = "✗"


class Confirmed(Message):
    """The learner confirmed an answer (Enter, or the answer button)."""

    def __init__(self, response: Response) -> None:
        super().__init__()
        self.response = response


class Incomplete(Message):
    """Enter was pressed with nothing to confirm yet: the screen says what to do."""

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = reason


class Hanging:
    """`marker` then `text`, wrapped lines indented under the text (never markup).

    What a two-column `rich.table.Table.grid` draws, at a fraction of its cost: an
    option list renders every prompt again at each change of the question, and the
    table's column measuring was a third of the time from an answer to the next
    question on screen."""

    def __init__(self, marker: Text, text: Text) -> None:
        self.marker = marker
        self.text = text
        self._drawn: dict[tuple[int, int], list[Segment]] = {}

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        key = (id(console), options.max_width)
        if key not in self._drawn:  # drawn again at the same width on every refresh
            self._drawn[key] = list(self._segments(console, options))
        yield from self._drawn[key]

    def _segments(self, console: Console, options: ConsoleOptions) -> Iterable[Segment]:
        indent = self.marker.cell_len + 1
        width = max(1, options.max_width - indent)
        lines = self.text.wrap(console, width, overflow="fold") or [Text("")]
        blank = Segment(" " * indent)
        for number, line in enumerate(lines):
            if number == 0:
                yield from _styled(self.marker, console)
                yield Segment(" ")
            else:
                yield blank
            yield from _styled(line, console)
            yield Segment(" " * max(0, width - line.cell_len))
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        indent = self.marker.cell_len + 1
        longest = max((len(word) for word in self.text.plain.split()), default=0)
        return Measurement(indent + min(longest, 1), indent + self.text.cell_len)


def _styled(text: Text, console: Console) -> Iterable[Segment]:
    """A line's segments with the text's own style under its spans' (Text.render leaves
    the base style to the caller)."""
    base = console.get_style(text.style) if text.style else None
    return Segment.apply_style(text.render(console), base)


def hanging(marker: str, text: str, *, marker_style: str = "bold") -> Hanging:
    """`marker` then `text`, wrapped lines indented under the text (never markup)."""
    return Hanging(Text(marker, style=marker_style), Text(text))


class AnswerMixin(Widget):
    """What every answer widget offers the quiz screen. It comes after the
    Textual widget among the bases: Textual inherits CSS from the first base."""

    def current_response(self) -> Response | None:
        """The answer as it stands (None while there is nothing to give)."""
        raise NotImplementedError

    def show_outcome(self) -> None:
        """Practice feedback: the answer is given; show it as final."""


class AnswerList(OptionList):
    """An option list drawn flat, as part of the question rather than a boxed
    widget of its own: choices, items to order, rows to pair."""

    DEFAULT_CSS = """
    AnswerList { height: auto; max-height: 100%; border: none; padding: 0; }
    AnswerList:focus { border: none; }
    AnswerList > .option-list--option { padding: 0 1; }
    """


# --- single, multi, true/false --------------------------------------------------------------


@dataclass(frozen=True)
class _Choice:
    label: str
    """What is shown and typed: `A`, or `Đ` for true."""
    keys: tuple[str, ...]
    text: str
    value: int
    """The written index (or 1/0 for true/false)."""


class ChoiceAnswer(AnswerList, AnswerMixin):
    """Choices with their letters; letters and numbers pick, Space marks,
    Enter confirms. One choice (`single`, true/false) or several (`multi`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "mark", "key.mark", id="answer.mark"),
        Binding("enter", "confirm", "key.confirm", id="answer.confirm"),
    ]


    def __init__(self, choices: list[_Choice], *, multi: bool,
                 initial: frozenset[int] = frozenset(), id: str | None = None) -> None:
        self._choices = choices
        self.multi = multi
        self.marked: set[int] = set(initial)
        self._outcome: dict[int, str] = {}
        self._mounted = False  # theme colours are known once mounted
        self._drawn = [self._look(i) for i in range(len(choices))]
        super().__init__(*[Option(self._prompt(i)) for i in range(len(choices))], id=id)
        # Nothing is highlighted until the learner chooses: Enter straight
        # away must not answer A (a new user pressed it to move on).
        self.highlighted = min((i for i, c in enumerate(choices) if c.value in initial),
                               default=None)

    @classmethod
    def for_item(cls, item: PaperItem, initial: Response | None = None) -> ChoiceAnswer:
        question = item.question
        choices = [_Choice(LETTERS[shown], (LETTERS[shown].lower(), str(shown + 1)),
                           question.choices[written], written)
                   for shown, written in enumerate(item.choice_order)]
        chosen = initial.chosen if isinstance(initial, ChoiceResponse) else frozenset()
        return cls(choices, multi=question.type == "multi", initial=chosen)

    def _prompt(self, index: int) -> Hanging:
        choice = self._choices[index]
        marked = choice.value in self.marked
        boxes = ("[ ]", "[x]") if self.multi else ("( )", "(•)")
        box = boxes[marked]
        outcome = self._outcome.get(index, " ")
        style = "bold $text-success" if outcome == RIGHT_MARK else (
            "bold $text-error" if outcome == WRONG_MARK else "bold")
        return hanging(f"{outcome}{box} {choice.label}.", choice.text,
                       marker_style=rich_style(self.app if self._mounted else None, style))

    def _look(self, index: int) -> tuple[bool, str, bool]:
        """What a choice's prompt depends on: marked, its outcome, and (for an outcome's
        colour only) whether the theme is known yet; a plain "bold" marker needs none."""
        outcome = self._outcome.get(index, " ")
        return (self._choices[index].value in self.marked, outcome,
                self._mounted and outcome != " ")

    def _refresh_prompts(self) -> None:
        """Draw again the prompts whose look changed (each one drawn again makes the
        list measure every option again)."""
        for index in range(len(self._choices)):
            look = self._look(index)
            if look != self._drawn[index]:
                self._drawn[index] = look
                self.replace_option_prompt_at_index(index, self._prompt(index))

    def on_mount(self) -> None:
        self._mounted = True
        self._refresh_prompts()

    def _mark(self, index: int) -> None:
        value = self._choices[index].value
        if self.multi:
            self.marked ^= {value}
        else:
            self.marked = {value}
        self.highlighted = index
        self._refresh_prompts()

    def on_key(self, event: events.Key) -> None:
        if self.disabled or not event.character:
            return
        typed = event.character.lower()
        for index, choice in enumerate(self._choices):
            if typed in choice.keys:
                event.stop()
                event.prevent_default()
                self._mark(index)
                return

    def action_mark(self) -> None:
        if self.highlighted is not None:
            self._mark(self.highlighted)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A click marks the choice; confirming stays a separate step.
        event.stop()
        if event.option_list is self:
            self._mark(event.option_index)

    def action_confirm(self) -> None:
        if not self.multi and not self.marked and self.highlighted is not None:
            self._mark(self.highlighted)  # Enter on a choice answers it
        response = self.current_response()
        if response is None:
            self.post_message(Incomplete(tr("answer.choose_first")))
            return
        self.post_message(Confirmed(response))

    def current_response(self) -> Response | None:
        if not self.marked:
            return None
        return ChoiceResponse(frozenset(self.marked))

    def show_outcome_marks(self, right: set[int]) -> None:
        """Mark the right choices ✓ and the wrong ones chosen ✗ (values as written)."""
        self._outcome = {}
        for index, choice in enumerate(self._choices):
            if choice.value in right:
                self._outcome[index] = RIGHT_MARK
            elif choice.value in self.marked:
                self._outcome[index] = WRONG_MARK
        self._refresh_prompts()


class TruthAnswer(ChoiceAnswer):
    """True or false: Đ/1 for true, S/2 for false (T/F in English)."""

    def current_response(self) -> Response | None:
        if not self.marked:
            return None
        return TruthResponse(next(iter(self.marked)) == 1)

    @classmethod
    def for_item(cls, item: PaperItem, initial: Response | None = None) -> TruthAnswer:
        english = current_language() == "en"
        true_label, false_label = ("T", "F") if english else ("Đ", "S")
        true_keys = ("t", "1") if english else ("đ", "d", "1")
        false_keys = ("f", "2") if english else ("s", "2")
        choices = [_Choice(true_label, true_keys, tr("quiz.true"), 1),
                   _Choice(false_label, false_keys, tr("quiz.false"), 0)]
        marked = frozenset({int(initial.value)}) if isinstance(initial, TruthResponse) else \
            frozenset()
        return cls(choices, multi=False, initial=marked)


# --- fill and number ------------------------------------------------------------------------


class TextAnswer(Input, AnswerMixin):
    """A typed answer (`fill`) or a number: Enter confirms."""

    DEFAULT_CSS = """
    TextAnswer { width: 1fr; max-width: 70; margin: 0 1; }
    TextAnswer.-number { max-width: 30; }
    """

    def __init__(self, *, number: bool, initial: Response | None = None,
                 id: str | None = None) -> None:
        value = initial.text if isinstance(initial, TextResponse) else ""
        super().__init__(value=value, id=id, max_length=500,
                         classes="-number" if number else "",
                         placeholder=tr("answer.number_placeholder" if number
                                        else "answer.text_placeholder"))

    def replace(self, text: str, start: int, end: int) -> None:
        # Typing and pasting both come here: a paste may carry BEL, SO/SI,
        # DEL or escape codes, which must neither reach the terminal nor be kept.
        super().replace(normalize(text) if has_unwanted(text) else text, start, end)

    def current_response(self) -> Response | None:
        return TextResponse(self.value) if self.value.strip() else None

    async def action_submit(self) -> None:
        response = self.current_response()
        if response is None:
            self.post_message(Incomplete(tr("answer.type_first")))
            return
        if self.has_class("-number") and parse_number(self.value) is None:
            # “bốn” is not wrong, it is not a number yet: say so, grade nothing.
            self.post_message(Incomplete(tr("answer.not_a_number")))
            return
        self.post_message(Confirmed(response))


# --- order ------------------------------------------------------------------------------------


class OrderAnswer(AnswerList, AnswerMixin):
    """Items to put in order. ↑↓ move the cursor; Space (or a click) lifts the
    item under it, ↑↓ then carry it, Space (or a click) puts it down;
    Shift+↑↓ move it straight away. Enter confirms the order shown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "grab", "key.grab", id="answer.grab"),
        Binding("shift+up", "move(-1)", "key.move_up", show=False, id="answer.move_up"),
        Binding("shift+down", "move(1)", "key.move_down", show=False, id="answer.move_down"),
        Binding("enter", "confirm", "key.confirm", id="answer.confirm"),
    ]


    def __init__(self, item: PaperItem, initial: Response | None = None,
                 id: str | None = None) -> None:
        self._texts = item.question.items
        self.order: list[int] = list(initial.order) if isinstance(initial, OrderResponse) \
            else list(item.item_order)
        self.lifted: int | None = None
        """The place of the item being carried, if one is."""
        self.touched = isinstance(initial, OrderResponse)
        """Whether the learner has moved anything: the order as first shown
        is no answer (moving on from it must not count as answering)."""
        super().__init__(*[Option(self._prompt(i)) for i in range(len(self.order))], id=id)

    def _prompt(self, place: int) -> Hanging:
        marker = "⇕" if place == self.lifted else " "
        return hanging(f"{marker} {place + 1}.", self._texts[self.order[place]])

    def _refresh_prompts(self) -> None:
        for place in range(len(self.order)):
            self.replace_option_prompt_at_index(place, self._prompt(place))

    def _carry(self, source: int, target: int) -> None:
        """Move the item at `source` to `target`, the others closing up."""
        self.touched = True
        self.order.insert(target, self.order.pop(source))
        if self.lifted is not None:
            self.lifted = target
        self.highlighted = target
        self._refresh_prompts()

    def action_grab(self) -> None:
        if self.highlighted is not None:
            self.lifted = None if self.lifted is not None else self.highlighted
            self._refresh_prompts()

    def action_move(self, step: int) -> None:
        place = self.highlighted
        if place is not None and 0 <= place + step < len(self.order):
            self._carry(place, place + step)

    def action_cursor_up(self) -> None:
        if self.lifted is not None:
            self.action_move(-1)
        else:
            super().action_cursor_up()

    def action_cursor_down(self) -> None:
        if self.lifted is not None:
            self.action_move(1)
        else:
            super().action_cursor_down()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Click an item to lift it, then click the place where it goes.
        event.stop()
        if self.lifted is None:
            self.lifted = event.option_index
            self._refresh_prompts()
        else:
            source, self.lifted = self.lifted, None
            self._carry(source, event.option_index)

    def action_confirm(self) -> None:
        # Enter on the order as shown is an answer: the learner says it is right.
        self.lifted = None
        self.touched = True
        self._refresh_prompts()
        self.post_message(Confirmed(OrderResponse(tuple(self.order))))

    def current_response(self) -> Response | None:
        return OrderResponse(tuple(self.order)) if self.touched else None


# --- match ------------------------------------------------------------------------------------


class MatchRows(AnswerList):
    """The left sides, each with the right side paired to it (its parent
    `MatchAnswer` keeps the pairs)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,backspace", "clear", "key.unpair", id="answer.unpair"),
        Binding("enter", "confirm", "key.confirm", id="answer.confirm"),
    ]


    def on_key(self, event: events.Key) -> None:
        parent = self.parent
        if isinstance(parent, MatchAnswer) and event.character and not self.disabled and \
                parent.pair_typed(event.character.lower()):
            event.stop()
            event.prevent_default()

    def action_clear(self) -> None:
        if isinstance(self.parent, MatchAnswer) and self.highlighted is not None:
            self.parent.pair(self.highlighted, None)

    def action_confirm(self) -> None:
        if isinstance(self.parent, MatchAnswer):
            self.parent.confirm()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # a click only chooses the row


class MatchAnswer(Vertical, AnswerMixin):
    """Pairs: each left side takes a right side by its letter (or a click on
    it); Delete unpairs; Enter confirms, even with rows left unpaired, once one is."""

    DEFAULT_CSS = """
    MatchAnswer { height: auto; }
    MatchAnswer > .match-heading { color: $text-muted; padding: 0 1; margin-top: 1; }
    MatchAnswer > #match-rights {
        height: auto; border: none; padding: 0; background: transparent;
    }
    MatchAnswer > #match-rights > .option-list--option { padding: 0 1; }
    """

    def __init__(self, item: PaperItem, initial: Response | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        question = item.question
        self._lefts = [left for left, _ in question.pairs]
        self._right_texts = [right for _, right in question.pairs]
        self._right_order = item.right_order  # shown position -> written index
        size = len(question.pairs)
        self.rights: list[int | None] = list(initial.rights) \
            if isinstance(initial, MatchResponse) else [None] * size

    def compose(self) -> ComposeResult:
        from textual.widgets import Static  # noqa: PLC0415 - only here

        yield MatchRows(*[Option(self._row(i)) for i in range(len(self._lefts))],
                        id="match-rows")
        yield Static(tr("answer.match_rights"), classes="match-heading")
        rights = OptionList(*[Option(hanging(f"{LETTERS[shown]}.", self._right_texts[written]))
                              for shown, written in enumerate(self._right_order)],
                            id="match-rights")
        rights.can_focus = False
        yield rights

    def on_mount(self) -> None:
        # The right sides are a list to click, not a cursor: nothing highlighted.
        self.query_one("#match-rights", OptionList).highlighted = None

    @property
    def rows(self) -> MatchRows:
        return self.query_one(MatchRows)

    def _row(self, left: int) -> Hanging:
        written = self.rights[left]
        if written is None:
            partner = "?"
        else:
            partner = f"{LETTERS[self._right_order.index(written)]}. {self._right_texts[written]}"
        return hanging(f"{left + 1}.", f"{self._lefts[left]}  →  {partner}")

    def pair(self, left: int, written: int | None) -> None:
        """Pair a left side with a right side (by written index); a right side
        already taken leaves its previous left side."""
        if written is not None:
            for other, taken in enumerate(self.rights):
                if taken == written:
                    self.rights[other] = None
                    self.rows.replace_option_prompt_at_index(other, self._row(other))
        self.rights[left] = written
        self.rows.replace_option_prompt_at_index(left, self._row(left))

    def pair_typed(self, character: str) -> bool:
        """A right side's letter typed: pair it with the highlighted row and go
        to the next row still unpaired. False if it is not a letter shown."""
        letters = [LETTERS[i].lower() for i in range(len(self._right_order))]
        rows = self.rows
        if character not in letters or rows.highlighted is None:
            return False
        self.pair(rows.highlighted, self._right_order[letters.index(character)])
        following = [i for i in range(len(self.rights)) if self.rights[i] is None]
        if following:
            rows.highlighted = next((i for i in following if i > rows.highlighted), following[0])
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "match-rights" and self.rows.highlighted is not None:
            self.pair_typed(LETTERS[event.option_index].lower())

    def confirm(self) -> None:
        if all(right is None for right in self.rights):
            # Nothing matched is no answer, as for a choice (issue 14.13).
            self.post_message(Incomplete(tr("answer.match_first")))
            return
        self.post_message(Confirmed(MatchResponse(tuple(self.rights))))

    def current_response(self) -> Response | None:
        if all(right is None for right in self.rights):
            return None
        return MatchResponse(tuple(self.rights))


def answer_widget(item: PaperItem, initial: Response | None = None) -> Widget:
    """The widget for the item's kind of question, showing `initial` if given."""
    kind = item.question.type
    if kind in ("single", "multi"):
        return ChoiceAnswer.for_item(item, initial)
    if kind == "truefalse":
        return TruthAnswer.for_item(item, initial)
    if kind in ("fill", "number"):
        return TextAnswer(number=kind == "number", initial=initial)
    if kind == "order":
        return OrderAnswer(item, initial)
    return MatchAnswer(item, initial)
