"""The key bar at the bottom of a screen: the keys that work here, clickable."""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static


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
        self._zones: list[tuple[int, int, str]] = []
        self._subscribed: Screen[object] | None = None

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

    def refresh_keys(self) -> None:
        """Show the bindings active now, each key once."""
        parts: list[Content] = []
        zones: list[tuple[int, int, str]] = []
        position = 0
        seen: set[str] = set()
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            style = "" if active.enabled else "dim"
            part = Content.assemble(
                (f" {self.app.get_key_display(binding)} ", f"bold $text-accent {style}"),
                (f"{binding.description} ", style),
            )
            zones.append((position, position + part.cell_length, binding.key.split(",")[0]))
            position += part.cell_length
            parts.append(part)
        self._zones = zones
        self.update(Content("").join(parts))

    @property
    def keys(self) -> list[str]:
        """The keys shown, in order (for tests)."""
        return [key for _, _, key in self._zones]

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._zones:
            if start <= event.x < end:
                event.stop()
                self.app.simulate_key(key)
                return
