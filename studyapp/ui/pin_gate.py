"""The cell's PIN, asked before what only the secretary may do: three wrong
PINs and the dialog closes for a minute. One gate per app (`app.sessions.pins`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from datetime import datetime

    from studyapp.ui.app import StudyApp

PIN_TRIES = 3
PIN_WAIT_SECONDS = 60


class PinGate:
    """Asks a cell's PIN; counts the wrong ones."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app
        self._pin_failures = 0
        self._pin_locked_until: datetime | None = None

    def ask(self, cell_id: str, then: Callable[[str | None], None]) -> None:
        """Run `then` with the cell's PIN once given right (at once with None
        when the cell has none). Three wrong PINs: a minute's wait."""
        app = self.app
        try:
            cell = self.app.store.cell(cell_id)
        except StudyappError as error:
            app.notify(error.message, severity="error", markup=False, timeout=8)
            return
        if not cell.has_pin:
            then(None)
            return
        now = app.clock()
        if self._pin_locked_until is not None and now < self._pin_locked_until:
            wait = int((self._pin_locked_until - now).total_seconds()) + 1
            app.notify(tr("pin.locked", seconds=wait), severity="error", markup=False)
            return
        given: list[str] = []

        def check(values: FormValues) -> str | None:
            from datetime import timedelta  # noqa: PLC0415

            try:
                self.app.store.check_pin(cell_id, values["pin"])
            except StudyappError as error:
                self._pin_failures += 1
                if self._pin_failures >= PIN_TRIES:
                    self._pin_failures = 0
                    self._pin_locked_until = app.clock() + timedelta(seconds=PIN_WAIT_SECONDS)
                    app.call_later(self._close_dialog)
                    return tr("pin.locked", seconds=PIN_WAIT_SECONDS)
                left = tr("pin.tries_left", count=PIN_TRIES - self._pin_failures)
                return f"{error.message} {left}"
            self._pin_failures = 0
            given.append(values["pin"])
            return None

        def done(values: FormValues | None) -> None:
            if values is not None and given:
                then(given[-1])

        app.push_screen(FormDialog(
            tr("pin.title"), tr("pin.text", cell=cell.name),
            [FormField("pin", tr("pin.label"), password=True, max_length=32)],
            submit=tr("pin.submit"), check=check, dialog_id="pin-dialog"), done)

    def _close_dialog(self) -> None:
        screen = self.app.screen
        if isinstance(screen, FormDialog) and screen.id == "pin-dialog":
            screen.dismiss(None)
            self.app.notify(tr("pin.locked", seconds=PIN_WAIT_SECONDS), severity="error",
                            markup=False)
