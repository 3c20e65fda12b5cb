"""The one-line title at the top of each screen: the program and where you are."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class TitleBar(Static):
    """`studyapp — Bài học`: the app's title and the screen's sub-title.

    A plain Static rather than Textual's Header: no icon that opens a
    (disabled) command palette, no clock, and nothing scheduled at mount."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-align: center;
    }
    """

    def on_mount(self) -> None:
        self.watch(self.screen, "sub_title", self._show, init=True)

    def _show(self, sub_title: str) -> None:
        title = self.app.title
        text = f"{title} — {sub_title}" if sub_title else title
        # Titles come from content sometimes (a pack's name): never markup.
        self.update(Content.assemble((title, "bold"), (text[len(title):], "$text-muted")))
