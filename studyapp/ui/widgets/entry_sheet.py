"""A paper's answers, one line per question, typed in one widget (the paper entry screen).

One focusable widget takes every key, so a line that takes one character
(a single choice, true/false) moves on to the next line before the next key
is read: typing `bacd` fast fills four lines, never one. Editing is at the
end of a line (type, Backspace, Ctrl+U to clear): answers are a few
characters. Whether a line is right is the caller's `check` (no grading here).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widget import Widget

MAX_LINE = 200
NUMBER_WIDTH = 4
KIND_WIDTH = 22
ANSWER_WIDTH = 24


@dataclass
class SheetLine:
    number: int
    label: str
    one_character: bool
    value: str = ""
    problem: str | None = None
    letters: bool = True
    """Shown in capitals (`b` is B): every answer but typed text."""

    @property
    def shown(self) -> str:
        return self.value.upper() if self.letters else self.value


class EntrySheet(Widget, can_focus=True):
    """Lines `number. type  answer  problem`. `check(number, text)` says what
    is wrong with a line (None: nothing); `Submitted` is posted by Enter on the
    last line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "line(1)", "key.next_line", show=False, id="entry_sheet.down"),
        Binding("up", "line(-1)", "key.previous_line", show=False, id="entry_sheet.up"),
        Binding("ctrl+u", "clear_line", "key.clear_line", show=False, id="entry_sheet.clear"),
    ]

    DEFAULT_CSS = """
    EntrySheet { height: auto; width: 1fr; }
    """

    class Submitted(Message):
        """Enter on the last line: the paper is ready to review."""

    class Moved(Message):
        """The current line changed (its problem, if any, can be shown in full)."""

        def __init__(self, line: SheetLine) -> None:
            super().__init__()
            self.line = line

    class Changed(Message):
        """A line was typed in (its problem, if any, is set)."""

        def __init__(self, line: SheetLine) -> None:
            super().__init__()
            self.line = line

    def __init__(self, lines: Sequence[SheetLine], check: Callable[[int, str], str | None], *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = list(lines)
        self.check = check
        first = next((i for i, line in enumerate(self.lines) if not line.value), 0)
        self.current = first
        self._moved_on = False
        """The last letter moved on to this line by itself: an Enter right after it is
        the secretary confirming that letter, not skipping this line."""

    @property
    def values(self) -> list[str]:
        return [line.value for line in self.lines]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines)

    def render(self) -> Content:
        rows = []
        room = max(self.size.width - NUMBER_WIDTH - KIND_WIDTH - ANSWER_WIDTH - 1, 0)
        for index, line in enumerate(self.lines):
            problem = line.problem or ""
            if len(problem) > room:
                problem = f"{problem[:max(room - 1, 0)]}…" if room else ""
            here = index == self.current and self.has_focus
            shown = line.shown[-(ANSWER_WIDTH - 3):]
            answer = f" {shown}{'▏' if here else ''}".ljust(ANSWER_WIDTH)
            style = "bold reverse" if here else ("on $error-muted" if line.problem else
                                                 "on $boost")
            rows.append(Content.assemble(
                (f"{line.number:>2}. ".ljust(NUMBER_WIDTH), "bold" if here else ""),
                (line.label[:KIND_WIDTH - 1].ljust(KIND_WIDTH), "$text-muted"),
                (answer, style),
                (f" {problem}" if problem else "", "$text-error")))
        return Content("\n").join(rows)

    def _changed(self, index: int) -> None:
        line = self.lines[index]
        line.problem = self.check(line.number, line.value)
        self.refresh()
        self.post_message(self.Changed(line))

    def go_to(self, index: int) -> None:
        if 0 <= index < len(self.lines):
            self.current = index
            self.refresh()
            self.scroll_visible_line(index)
            self.post_message(self.Moved(self.lines[index]))

    def scroll_visible_line(self, index: int) -> None:
        parent = self.parent
        if isinstance(parent, Widget):
            top = parent.scroll_offset.y
            height = parent.scrollable_content_region.height
            if index < top:
                parent.scroll_to(y=index, animate=False)
            elif height and index >= top + height:
                parent.scroll_to(y=index - height + 1, animate=False)

    def show_problems(self, problems: dict[int, str]) -> None:
        for line in self.lines:
            line.problem = problems.get(line.number)
        self.refresh()

    def action_line(self, step: int) -> None:
        self.go_to(self.current + step)

    def action_clear_line(self) -> None:
        self.lines[self.current].value = ""
        self._changed(self.current)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_key(self, event: events.Key) -> None:
        line = self.lines[self.current]
        moved_on, self._moved_on = self._moved_on, False
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            if moved_on and not line.value:
                return  # "B" then Enter, as the hint reads: B is in, this line waits
            if self.current >= len(self.lines) - 1:
                self.post_message(self.Submitted())
            else:
                self.go_to(self.current + 1)
        elif event.key == "backspace":
            event.stop()
            event.prevent_default()
            if line.value:
                line.value = line.value[:-1]
                self._changed(self.current)
            elif self.current > 0:
                self.go_to(self.current - 1)
        elif event.is_printable and event.character:
            event.stop()
            event.prevent_default()
            if line.one_character:
                line.value = event.character  # a new letter replaces the one written
            elif len(line.value) < MAX_LINE:
                line.value += event.character
            self._changed(self.current)
            if line.one_character and len(line.value) == 1 and line.problem is None \
                    and self.current < len(self.lines) - 1:
                self.go_to(self.current + 1)
                self._moved_on = True
