"""The cell's PIN, asked before what only the secretary may do. The tries and the
lock are the store's, kept in the database per cell (issue 21): neither Ctrl+Q, a
restart nor the command line starts the count again. One gate per app
(`app.sessions.pins`).

Once given, the PIN is held "once per sitting" (`PinHold`): by the roster
(`roster_flow.py`) and by the meeting's screens (`session_flow.py`), each with its
own end of the sitting and its own idle time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual.screen import ModalScreen

from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.timer import Timer

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


class PinHold:
    """A cell's PIN held once given: "once per sitting". The roster and the
    meeting each have one; what ends a sitting is theirs to say (`on_side`,
    and `drop` when the laptop goes back to the members), and so is the idle
    time: no key pressed for `idle_seconds` and the PIN is forgotten.

    The PIN itself is kept (in memory only): the store wants it with each change."""

    def __init__(self, gate: PinGate, *, name: str, idle_seconds: float,
                 on_side: Callable[[Screen[Any]], bool],
                 on_change: Callable[[bool], None] | None = None) -> None:
        """`on_side(screen)`: whether the PIN may stay held while `screen` is the
        one under the dialogs. `on_change(idle)`: called once the PIN is held,
        and once it is dropped (`idle` when the idle time dropped it)."""
        self.gate = gate
        self.name = name
        self.idle_seconds = idle_seconds
        self._on_side = on_side
        self._on_change = on_change
        self._cell_id: str | None = None
        self._pin: str | None = None
        self._timer: Timer | None = None

    @property
    def app(self) -> StudyApp:
        return self.gate.app

    @property
    def pin(self) -> str | None:
        return self._pin

    def held(self, cell_id: str) -> bool:
        """Whether the PIN of `cell_id` was given in this sitting (or the cell has
        none). Held without a PIN, it is not once the cell has one (set
        meanwhile, say from the command line)."""
        if self._cell_id != cell_id:
            return False
        return self._pin is not None or not self.app.store.cell(cell_id).has_pin

    def with_pin(self, cell_id: str, then: Callable[[str | None], None]) -> None:
        """Run `then` with the PIN: the one held, or asked (once) and then held."""
        if self.held(cell_id):
            self._restart_timer()
            then(self._pin)
            return

        def given(pin: str | None) -> None:
            self._cell_id = cell_id
            self._pin = pin
            self._restart_timer()
            if self._on_change is not None:
                self._on_change(False)
            then(pin)

        self.gate.ask(cell_id, given)

    def drop(self, *, idle: bool = False) -> None:
        """Forget the PIN: the next secretary action asks for it again."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self._cell_id is None:
            return
        self._cell_id = None
        self._pin = None
        if self._on_change is not None:
            self._on_change(idle)

    def key_pressed(self) -> None:
        """Any key while held: the idle time starts again."""
        if self._cell_id is not None:
            self._restart_timer()

    def on_side_now(self) -> bool:
        """Whether the screen under the dialogs is one the PIN may stay held on."""
        under = next((screen for screen in reversed(self.app.screen_stack)
                      if not isinstance(screen, ModalScreen)), None)
        return under is not None and self._on_side(under)

    def check_side(self) -> None:
        """Drop the PIN unless the screen under the dialogs is on its side."""
        if not self.on_side_now():
            self.drop()

    def _restart_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.app.set_timer(self.idle_seconds, self._idle,
                                         name=f"{self.name}-idle")

    def _idle(self) -> None:
        self._timer = None
        self.drop(idle=True)
