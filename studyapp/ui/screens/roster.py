"""The cell's roster for the secretary: every member, active and inactive, with the
note that tells same-named members apart. The changes are the flow's
(`roster_flow.py`), behind the PIN given once on entering."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import DataTable, Static

from studyapp.i18n import format_count, tr
from studyapp.store.models import Cell, Member
from studyapp.ui.screens.base import StudyScreen, stylesheet
from studyapp.ui.widgets.key_bar import KeyBar
from studyapp.ui.widgets.title_bar import TitleBar

NAME_WIDTH = 34
NOTE_WIDTH = 22


def roster_order(members: list[Member]) -> list[Member]:
    """Active members first (in the store's roster order), then those who left."""
    return [m for m in members if m.active] + [m for m in members if not m.active]


class RosterScreen(StudyScreen[None]):
    """Add (a), rename (s), note (g), inactive or active again (n), import (t):
    at 80 columns the keys fit on one line."""

    DEFAULT_CSS = stylesheet(__file__)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "key.roster_add", id="roster.add"),
        Binding("s", "rename", "key.roster_rename", id="roster.rename"),
        Binding("g", "note", "key.roster_note", id="roster.note"),
        # One key: "Đã nghỉ" on an active member, "Trở lại" on one who left.
        Binding("n", "mark_inactive", "key.roster_inactive", id="roster.inactive"),
        Binding("n", "mark_active", "key.roster_active", id="roster.active"),
        Binding("t", "import_file", "key.roster_import", id="roster.import"),
        Binding("escape", "back", "key.back", id="roster.back"),
    ]

    def __init__(self, cell: Cell, members: list[Member], *, unlocked: bool,
                 idle_minutes: int) -> None:
        super().__init__()
        self.cell = cell
        self.members = roster_order(members)
        self._unlocked = unlocked
        self._idle_minutes = idle_minutes

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="roster-body"):
            yield Static(id="roster-counts")
            yield DataTable(id="roster-table", cursor_type="row", zebra_stripes=True)
            yield Static(id="roster-lock")
        yield KeyBar()

    def on_mount(self) -> None:
        self.sub_title = tr("roster.title", cell=self.cell.name)
        table = self.query_one(DataTable)
        table.add_column(tr("roster.column.name"), key="name", width=NAME_WIDTH)
        table.add_column(tr("roster.column.note"), key="note", width=NOTE_WIDTH)
        table.add_column(tr("roster.column.state"), key="state")
        self.show(self.members)
        self.show_lock(self._unlocked)
        table.focus()

    def show(self, members: list[Member], highlight: str | None = None) -> None:
        """The roster again, the cursor kept on `highlight` (or where it was)."""
        table = self.query_one(DataTable)
        current = highlight or (self.current.id if self.current else None)
        self.members = roster_order(members)
        active = sum(1 for m in self.members if m.active)
        self.query_one("#roster-counts", Static).update(Content(
            tr("roster.counts", active=format_count(active),
               inactive=format_count(len(self.members) - active))
            if self.members else tr("roster.empty")))
        table.display = bool(self.members)
        table.clear()
        for member in self.members:
            # Names and notes come from the database: cleaned by the store
            # (`text.shown`), and drawn as plain text, never as markup.
            style = "" if member.active else "dim"
            table.add_row(
                Text(member.full_name, style=style, overflow="ellipsis", no_wrap=True),
                Text(member.note, style=style, overflow="ellipsis", no_wrap=True),
                Text(tr("roster.active") if member.active else tr("roster.inactive"),
                     style=style or "green"),
                key=member.id)
        ids = [m.id for m in self.members]
        if current in ids:
            table.move_cursor(row=ids.index(current))
        self.refresh_bindings()

    def show_lock(self, unlocked: bool) -> None:
        self._unlocked = unlocked
        found = self.query("#roster-lock").results(Static)
        line = next(found, None)
        if line is None:  # the screen is being taken down (the program quits)
            return
        if not self.cell.has_pin:
            line.update(Content(tr("roster.no_pin")))
        elif unlocked:
            line.update(Content(tr("roster.unlocked",
                                   minutes=format_count(self._idle_minutes))))
        else:
            line.update(Content.styled(tr("roster.locked"), "$text-warning"))

    @property
    def current(self) -> Member | None:
        if not self.members:
            return None
        row = self.query_one(DataTable).cursor_row
        return self.members[row] if 0 <= row < len(self.members) else None

    def action_add(self) -> None:
        self.study_app.roster.add(self)

    def action_rename(self) -> None:
        if (member := self.current) is not None:
            self.study_app.roster.rename(self, member)

    def action_note(self) -> None:
        if (member := self.current) is not None:
            self.study_app.roster.note(self, member)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("mark_inactive", "mark_active"):
            member = self.current
            return member is not None and member.active == (action == "mark_inactive")
        return True

    def on_data_table_row_highlighted(self) -> None:
        self.refresh_bindings()  # "Đã nghỉ" or "Trở lại" for the member under the cursor

    def action_mark_inactive(self) -> None:
        if (member := self.current) is not None and member.active:
            self.study_app.roster.toggle_active(self, member)

    def action_mark_active(self) -> None:
        if (member := self.current) is not None and not member.active:
            self.study_app.roster.toggle_active(self, member)

    def action_import_file(self) -> None:
        self.study_app.roster.import_file(self)

    def on_screen_suspend(self) -> None:
        # A screen on top that is not a dialog (the palette's lessons): the
        # laptop has left the secretary's screens.
        self.call_after_refresh(self.study_app.roster.check_side)

    def action_back(self) -> None:
        self.dismiss()
