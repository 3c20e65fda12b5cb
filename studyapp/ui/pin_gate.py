"""The cell's PIN, asked before what only the secretary may do. The tries and the
lock are the store's, kept in the database per cell (issue 21): neither Ctrl+Q, a
restart nor the command line starts the count again. One gate per app
(`app.sessions.pins`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from studyapp.ui.app import StudyApp


class PinGate:
    """Asks a cell's PIN; the store counts the wrong ones."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app

    def ask(self, cell_id: str, then: Callable[[str | None], None]) -> None:
        """Run `then` with the cell's PIN once given right (at once with None
        when the cell has none). Wrong PINs lock the cell for a while."""
        from studyapp.store import pin as pins  # noqa: PLC0415
        from studyapp.store.store import PinLockedError  # noqa: PLC0415

        app = self.app
        store = app.store
        try:
            cell = store.cell(cell_id)
        except StudyappError as error:
            app.notify(error.message, severity="error", markup=False, timeout=8)
            return
        if not cell.has_pin:
            then(None)
            return
        wait = store.pin_wait(cell_id)
        if wait:
            app.notify(tr("pin.locked", seconds=wait), severity="error", markup=False)
            return
        given: list[str] = []

        def check(values: FormValues) -> str | None:
            try:
                store.check_pin(cell_id, values["pin"])
            except PinLockedError as error:
                app.call_later(self._close_dialog, error.message)
                return error.message
            except StudyappError as error:
                return error.message
            given.append(values["pin"])
            if store.pin_weakness(values["pin"]) is not None:
                app.notify(tr("pin.weak_change_ui", digits=pins.MIN_DIGITS,
                              letters=pins.MIN_PASSPHRASE), severity="warning", markup=False,
                           timeout=10)
            return None

        def done(values: FormValues | None) -> None:
            if values is not None and given:
                then(given[-1])

        app.push_screen(FormDialog(
            tr("pin.title"), tr("pin.text", cell=cell.name),
            [FormField("pin", tr("pin.label"), password=True, max_length=32)],
            submit=tr("pin.submit"), check=check, dialog_id="pin-dialog"), done)

    def _close_dialog(self, message: str) -> None:
        screen = self.app.screen
        if isinstance(screen, FormDialog) and screen.id == "pin-dialog":
            screen.dismiss(None)
            self.app.notify(message, severity="error", markup=False)
