"""The key bar at the bottom of a screen: the keys that work here, clickable."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from studyapp.i18n import current_language
from studyapp.ui.bindings import binding_text


class KeyBar(Static):
    """One line listing the screen's shown bindings, like Textual's Footer.

    One widget, redrawn when the bindings change, instead of a widget per key
    recomposed on every focus change: the Footer alone cost a third of the
    time to the first frame (benchmarks/). A click on a key presses it."""

    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._zones: list[tuple[int, int, int, str]] = []
        self._subscribed: Screen[object] | None = None
        self._shown: tuple[object, ...] | None = None

    def on_mount(self) -> None:
        # Remember the screen: when it recomposes, this bar is unmounted after
        # it has left the screen, and `self.screen` is then gone.
        self._subscribed = self.screen
        self._subscribed.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.call_after_refresh(self.refresh_keys)

    def on_unmount(self) -> None:
        if self._subscribed is not None:
            self._subscribed.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh_keys()

    MAX_LINES = 3
    """A screen with many keys (a question in a test) wraps onto more lines
    rather than hiding its last keys at 80 (or 60) columns."""

    def refresh_keys(self) -> None:
        """Show the bindings active now, each key once, on as many lines as
        the width needs (at most MAX_LINES)."""
        if not self.is_attached:
            return  # removed meanwhile (its screen recomposed): nothing to show
        active_bindings = self.screen.active_bindings
        width = self.size.width or self.app.size.width
        # The bindings change several times for each question (focus moves, widgets
        # mount): drawn again only when what it shows would differ.
        shown = (width, current_language(), tuple(
            (active.binding.key, active.binding.action, active.binding.description,
             active.binding.show, active.binding.key_display, active.enabled)
            for active in active_bindings.values()))
        if shown == self._shown:
            return
        self._shown = shown
        parts: list[tuple[Content, str]] = []
        seen: set[str] = set()
        for active in active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            style = "" if active.enabled else "dim"
            part = Content.assemble(
                (f" {self.app.get_key_display(binding)} ", f"bold $text-accent {style}"),
                (f"{binding_text(binding)} ", style),
            )
            parts.append((part, binding.key.split(",")[0]))
        lines: list[list[tuple[Content, str]]] = [[]]
        used = 0
        for part, key in parts:
            if lines[-1] and used + part.cell_length > width:
                if len(lines) == self.MAX_LINES:
                    break
                lines.append([])
                used = 0
            lines[-1].append((part, key))
            used += part.cell_length
        zones: list[tuple[int, int, int, str]] = []
        for row, line in enumerate(lines):
            position = 0
            for part, key in line:
                zones.append((row, position, position + part.cell_length, key))
                position += part.cell_length
        self._zones = zones
        self.styles.height = len(lines)
        self.update(Content("\n").join(Content("").join(part for part, _ in line)
                                       for line in lines))

    def on_resize(self) -> None:
        self.refresh_keys()

    @property
    def keys(self) -> list[str]:
        """The keys shown, in order (for tests)."""
        return [key for _, _, _, key in self._zones]

    def on_click(self, event: events.Click) -> None:
        for row, start, end, key in self._zones:
            if row == event.y and start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
