"""The help dialog: the keys of the screen it was opened from, and the general ones."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from studyapp.i18n import tr
from studyapp.ui.screens.base import StudyModal, stylesheet

KeyRow = tuple[str, str]

GENERAL_KEYS: tuple[tuple[str, str], ...] = (
    ("↑ ↓", "help.key.arrows"),
    ("Enter", "help.key.enter"),
    ("Tab", "help.key.tab"),
    ("PgUp PgDn", "help.key.pages"),
    ("Esc", "help.key.escape"),
    ("?", "help.key.help"),
    ("Ctrl+Q", "help.key.quit"),
)


def _table(rows: Sequence[KeyRow]) -> Content:
    width = max((len(key) for key, _ in rows), default=0) + 2
    lines: list[str] = []
    spans: list[Span] = []
    offset = 0
    for key, description in rows:
        line = f"{key.ljust(width)}{description}"
        spans.append(Span(offset, offset + len(key), "bold $text-accent"))
        lines.append(line)
        offset += len(line) + 1
    return Content("\n".join(lines), spans=spans)


class HelpScreen(StudyModal[None]):
    """Lists keys; any of Esc, q or ? closes it."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "key.close", id="help.close"),
    ]

    def __init__(self, screen_keys: Sequence[KeyRow], screen_name: str, *,
                 skip_general: Collection[str] = ()) -> None:
        super().__init__()
        self._screen_keys = list(screen_keys)
        self._screen_name = screen_name
        self._skip_general = set(skip_general)
        """General keys that do nothing on the screen it was opened from."""

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = tr("help.title")
            if self._screen_keys:
                yield Static(Content(tr("help.screen_keys", screen=self._screen_name)),
                             classes="help-heading")
                yield Static(_table(self._screen_keys))
            # The general keys this screen does not give another meaning to.
            taken = {part for key, _ in self._screen_keys for part in key.split()}
            general = [(key, tr(text)) for key, text in GENERAL_KEYS
                       if not taken.intersection(key.split()) and key not in self._skip_general]
            if general:  # none, on a typed answer in a test: no heading over nothing
                yield Static(Content(tr("help.general_keys")), classes="help-heading")
                yield Static(_table(general))
            yield Static(Content(tr("help.mouse")), classes="help-note")

    def on_mount(self) -> None:
        self.query_one("#help-box").focus()

    def action_close(self) -> None:
        self.dismiss()
