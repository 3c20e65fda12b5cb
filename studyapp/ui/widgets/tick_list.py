"""A list of options to tick, drawn `[x]`/`[ ]` (several) or `(•)`/`( )` (one).

Textual's Checkbox, RadioButton and SelectionList draw the same `▐X▌` or
`▐●▌` whether on or off, told apart by colour only: a new user read an
unticked box as ticked. These boxes say it in their characters.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

Value = TypeVar("Value", bound=Hashable)


@dataclass(frozen=True)
class Tick(Generic[Value]):
    label: str
    value: Value


class TickList(OptionList, Generic[Value]):
    """Space (or a click) ticks the highlighted option; with `single`, ticking
    one unticks the others. `Changed` says the ticks changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tick", "key.tick", id="ticks.tick"),
    ]

    DEFAULT_CSS = """
    TickList { height: auto; border: none; padding: 0; }
    TickList:focus { border: none; }
    """

    class Changed(Message):
        def __init__(self, ticks: TickList[Hashable]) -> None:
            super().__init__()
            self.ticks = ticks

        @property
        def control(self) -> TickList[Hashable]:
            return self.ticks

    def __init__(self, options: Sequence[Tick[Value]], ticked: Sequence[Value] = (), *,
                 single: bool = False, id: str | None = None) -> None:
        self._ticks = list(options)
        self.single = single
        self.ticked: set[Value] = set(ticked)
        super().__init__(*[Option(self._prompt(tick)) for tick in self._ticks], id=id)

    def _prompt(self, tick: Tick[Value]) -> Content:
        on = tick.value in self.ticked
        box = ("(•)" if on else "( )") if self.single else ("[x]" if on else "[ ]")
        return Content.assemble((f"{box} ", "bold"), tick.label)

    def _redraw(self) -> None:
        for index, tick in enumerate(self._ticks):
            self.replace_option_prompt_at_index(index, self._prompt(tick))

    def tick(self, value: Value) -> None:
        """Tick (or, with several, untick) an option by its value."""
        if self.single:
            self.ticked = {value}
        else:
            self.ticked ^= {value}
        self._redraw()
        self.post_message(self.Changed(self))  # type: ignore[arg-type]

    def action_tick(self) -> None:
        if self.highlighted is not None:
            self.tick(self._ticks[self.highlighted].value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.tick(self._ticks[event.option_index].value)

    @property
    def values(self) -> list[Value]:
        """Every option's value, in order."""
        return [tick.value for tick in self._ticks]
