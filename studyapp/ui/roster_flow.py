"""The cell's roster, kept by the secretary (`r` on the sessions list): add, rename,
the distinguishing note, mark inactive or active again, import from a text file.

The PIN is asked once per sitting: on entering the roster (when the cell has one).
The PIN given is kept here, in memory, and passed to the store with every change,
until the secretary leaves the secretary's screens (the sessions list and the
roster) or no key is pressed for IDLE_SECONDS: then it is forgotten and the next
change asks for it again (`pin_gate.PinHold`, which the meeting's screens share).
It belongs to the app (`app.roster`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, tr
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from textual.screen import Screen

    from studyapp.store.models import Cell, Member
    from studyapp.store.store import Store
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.roster import RosterScreen

IDLE_SECONDS = 600.0
"""No key for this long and the roster locks again (a module constant the tests shorten)."""

MAX_FILE_BYTES = 1_000_000
"""A roster file is a few hundred names; anything much larger is not one."""


def idle_minutes() -> int:
    """The idle time as said on the screen (at least one minute)."""
    return max(1, round(IDLE_SECONDS / 60))


def _secretary_side(screen: Screen[Any]) -> bool:
    """The roster's PIN stays held on the sessions list and the roster only."""
    from studyapp.ui.screens.roster import RosterScreen  # noqa: PLC0415
    from studyapp.ui.screens.sessions import SessionsScreen  # noqa: PLC0415

    return isinstance(screen, RosterScreen | SessionsScreen)


class RosterFlow:
    """The secretary's roster, and the PIN held while the secretary is at it."""

    def __init__(self, app: StudyApp) -> None:
        from studyapp.ui.pin_gate import PinHold  # noqa: PLC0415

        self.app = app
        self.hold = PinHold(app.sessions.pins, name="roster", idle_seconds=IDLE_SECONDS,
                            on_side=_secretary_side, on_change=self._lock_changed)
        """The PIN held while the secretary is at the sessions list and the roster."""
        self._refused_twin: str | None = None

    @property
    def store(self) -> Store:
        return self.app.store

    # --- the PIN, once per sitting --------------------------------------------------------------

    def unlocked(self, cell_id: str) -> bool:
        """Whether the secretary has given the PIN of `cell_id` (or it has none)
        in this sitting."""
        return self.hold.held(cell_id)

    def lock(self) -> None:
        """Forget the PIN: the next change asks for it again."""
        self.hold.drop()

    def check_side(self) -> None:
        """Lock unless the screen now under the dialogs is one of the secretary's
        (the sessions list or the roster): the laptop went back to the members."""
        self.hold.check_side()

    def _lock_changed(self, idle: bool) -> None:
        if idle:
            # A dialog of the roster left open goes too: what it would change
            # needs the PIN again.
            screen = self.app.screen
            if isinstance(screen, FormDialog) and (screen.id or "").startswith("roster-"):
                screen.dismiss(None)
            self.app.notify(tr("roster.locked_idle", minutes=format_count(idle_minutes())),
                            markup=False)
        self._refresh_lock_line()

    def _with_pin(self, cell_id: str, then: Callable[[str | None], None]) -> None:
        """Run `then` with the PIN: the one held, or asked (once) and then held."""
        self.hold.with_pin(cell_id, then)

    def _refresh_lock_line(self) -> None:
        from studyapp.ui.screens.roster import RosterScreen  # noqa: PLC0415

        for screen in self.app.screen_stack:
            if isinstance(screen, RosterScreen) and screen.is_mounted:
                screen.show_lock(self.unlocked(screen.cell.id))

    # --- the screen -----------------------------------------------------------------------------

    def open(self, cell: Cell) -> None:
        """The roster screen of `cell`, once the PIN is given (asked only if not
        already given in this sitting)."""
        from studyapp.ui.screens.roster import RosterScreen  # noqa: PLC0415

        if not self.app.usable_store():
            return

        def show(_pin: str | None) -> None:
            try:
                fresh = self.store.cell(cell.id)
                members = self.store.members(cell.id, include_inactive=True)
            except StudyappError as error:
                self._failed(error)
                return
            self.app.push_screen(RosterScreen(fresh, members, unlocked=self.unlocked(cell.id),
                                              idle_minutes=idle_minutes()))

        self._with_pin(cell.id, show)

    def _reload(self, screen: RosterScreen, highlight: str | None = None) -> None:
        try:
            screen.show(self.store.members(screen.cell.id, include_inactive=True), highlight)
        except StudyappError as error:
            self._failed(error)

    def _failed(self, error: StudyappError) -> None:
        from studyapp.store.store import PinError  # noqa: PLC0415

        if isinstance(error, PinError):
            # The PIN held was changed meanwhile (the command line): ask again next time.
            self.lock()
        self.app.notify(error.message, severity="error", markup=False, timeout=8)

    def _said(self, error: StudyappError) -> str:
        """What a dialog shows for `error` (a PIN no longer right locks again)."""
        from studyapp.store.store import PinError  # noqa: PLC0415

        if isinstance(error, PinError):
            self.lock()
        return error.message

    def _twins(self, cell_id: str, name: str, member_id: str | None = None) -> list[Member]:
        """Active members of the cell with that name, other than `member_id`."""
        try:
            found = self.store.find_members(cell_id, name)
        except StudyappError:
            return []
        return [m for m in found if m.id != member_id]

    # --- the changes ------------------------------------------------------------------------------

    def add(self, screen: RosterScreen) -> None:
        """A new member, with the note that tells them from a same-named one."""
        from studyapp.store.models import MAX_NOTE_LENGTH  # noqa: PLC0415

        cell = screen.cell

        def with_pin(pin: str | None) -> None:
            added: list[Member] = []

            def check(values: FormValues) -> str | None:
                if not self.unlocked(cell.id):
                    return tr("roster.locked")
                name, note = values["name"].strip(), values["note"].strip()
                if name and not note and self._twins(cell.id, name):
                    dialog.reveal("note")  # the cursor goes where the answer is asked
                    return tr("roster.twin_needs_note", name=name)
                try:
                    member = self.store.add_member(cell.id, name, note=note, pin=pin)
                except StudyappError as error:
                    return self._said(error)
                added.append(member)
                return None

            def done(values: FormValues | None) -> None:
                if values is not None and added:
                    member = added[-1]
                    self._reload(screen, member.id)
                    self.app.notify(tr("members.added", name=member.full_name,
                                       cell=cell.name), markup=False)
                    if any(not twin.note for twin in self._twins(cell.id, member.full_name,
                                                                 member.id)):
                        # The one already there cannot be told apart yet either.
                        self.app.notify(tr("roster.twin_without_note", name=member.full_name),
                                        severity="warning", markup=False, timeout=10)

            dialog = FormDialog(
                tr("roster.add_title"), tr("roster.add_text", cell=cell.name),
                [FormField("name", tr("learner.form.name"), "", tr("learner.form.name_hint")),
                 FormField("note", tr("roster.note_label"), "", tr("roster.note_hint"),
                           max_length=MAX_NOTE_LENGTH)],
                submit=tr("learner.form.submit"), check=check, dialog_id="roster-add-dialog")
            self.app.push_screen(dialog, done)

        self._with_pin(cell.id, with_pin)

    def rename(self, screen: RosterScreen, member: Member) -> None:
        def change(values: FormValues, pin: str | None) -> str | None:
            name = values["name"].strip()
            if name and not member.note and self._twins(member.cell_id, name, member.id):
                return tr("roster.twin_needs_note", name=name)
            self.store.rename_member(member.id, name, pin=pin)
            return None

        self._edit(screen, member, change, "roster-rename-dialog",
                   title=tr("roster.rename_title"),
                   text=tr("roster.rename_text", name=member.full_name),
                   fields=[FormField("name", tr("learner.form.name"), member.full_name)])

    def note(self, screen: RosterScreen, member: Member) -> None:
        from studyapp.store.models import MAX_NOTE_LENGTH  # noqa: PLC0415

        def change(values: FormValues, pin: str | None) -> str | None:
            note = values["note"].strip()
            if not note and member.active and self._twins(member.cell_id, member.full_name,
                                                          member.id):
                return tr("roster.twin_keeps_note", name=member.full_name)
            self.store.set_member_note(member.id, note, pin=pin)
            return None

        self._edit(screen, member, change, "roster-note-dialog",
                   title=tr("roster.note_title", name=member.full_name),
                   text=tr("roster.note_text"),
                   fields=[FormField("note", tr("roster.note_label"), member.note,
                                     tr("roster.note_hint"), max_length=MAX_NOTE_LENGTH)])

    def _edit(self, screen: RosterScreen, member: Member,
              change: Callable[[FormValues, str | None], str | None], dialog_id: str, *,
              title: str, text: str, fields: list[FormField]) -> None:
        """A change to one member through a form, with the PIN held (or asked once):
        `change` says what is wrong (the form stays) or makes it; the list follows."""
        def with_pin(pin: str | None) -> None:
            def check(values: FormValues) -> str | None:
                if not self.unlocked(member.cell_id):
                    return tr("roster.locked")
                try:
                    return change(values, pin)
                except StudyappError as error:
                    return self._said(error)

            def done(values: FormValues | None) -> None:
                if values is not None:
                    self._reload(screen, member.id)

            self.app.push_screen(FormDialog(title, text, fields,
                                            submit=tr("learner.form.submit"), check=check,
                                            dialog_id=dialog_id), done)

        self._with_pin(member.cell_id, with_pin)

    def toggle_active(self, screen: RosterScreen, member: Member) -> None:
        """Mark inactive (off the attendance lists; results kept), or active again."""
        def with_pin(pin: str | None) -> None:
            try:
                if member.active:
                    self.store.remove_member(member.id, pin=pin)
                else:
                    self.store.reactivate_member(member.id, pin=pin)
            except StudyappError as error:
                self._failed(error)
                return
            self._reload(screen, member.id)
            self.app.notify(tr("roster.made_inactive" if member.active else "roster.made_active",
                               name=member.full_name), markup=False)

        self._with_pin(member.cell_id, with_pin)

    def import_file(self, screen: RosterScreen) -> None:
        """Names from a text file, one a line: the report says what was added,
        what was already there and which lines are not a name."""
        from studyapp.export.files import export_folder  # noqa: PLC0415
        from studyapp.text import shown  # noqa: PLC0415

        cell = screen.cell

        def with_pin(pin: str | None) -> None:
            done_import: list[tuple[Path, list[str]]] = []

            def check(values: FormValues) -> str | None:
                if not self.unlocked(cell.id):
                    return tr("roster.locked")
                text = values["path"].strip()
                if not text:
                    return tr("roster.import_no_path")
                path = Path(text).expanduser()
                if not path.is_absolute():  # a file name: in the Documents folder
                    path = export_folder() / path
                lines, problem = read_roster_file(path)
                if problem is not None:
                    return problem
                try:
                    report = self.store.import_members(cell.id, lines, pin=pin)
                except StudyappError as error:
                    return self._said(error)
                said = [tr("members.imported", added=len(report.added), cell=cell.name)]
                said += [tr("members.import_duplicate", name=name) for name in report.duplicates]
                said += [tr("roster.import_refused", line=line, reason=reason)
                         for line, reason in report.refused]
                done_import.append((path, said))
                return None

            def done(values: FormValues | None) -> None:
                from studyapp.ui.screens.import_questions import (  # noqa: PLC0415
                    ImportReportScreen,
                )

                if values is None or not done_import:
                    return
                path, said = done_import[-1]
                self._reload(screen)
                self.app.push_screen(ImportReportScreen(
                    tr("roster.import_report", name=path.name), said))

            self.app.push_screen(FormDialog(
                tr("roster.import_title"), tr("roster.import_text", folder=shown(
                    str(export_folder()))),
                [FormField("path", tr("roster.import_path"), "",
                           str(export_folder() / tr("roster.import_example")),
                           max_length=1000)],
                submit=tr("roster.import_submit"), check=check,
                dialog_id="roster-import-dialog"), done)

        self._with_pin(cell.id, with_pin)


def read_roster_file(path: Path) -> tuple[list[str], str | None]:
    """The lines of a UTF-8 text file (a BOM allowed), or why they cannot be read."""
    from studyapp.text import shown  # noqa: PLC0415

    where = shown(str(path))
    try:
        if path.is_dir():
            return [], tr("roster.import_is_folder", path=where)
        if path.stat().st_size > MAX_FILE_BYTES:
            return [], tr("roster.import_too_big", path=where)
        data = path.read_bytes()
    except OSError as error:
        return [], tr("members.cannot_read", path=where, reason=error.strerror or str(error))
    try:
        return data.decode("utf-8-sig").splitlines(), None
    except UnicodeDecodeError:
        return [], tr("members.not_utf8", path=where)
