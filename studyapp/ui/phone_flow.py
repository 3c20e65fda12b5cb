"""The phone round of a session, from the turns screen (issue 13; docs/phone-round.md).

The secretary starts it (the PIN, then where to listen), the laptop shows the
address, its QR code and the round code, and each member's progress while
the phones answer; the secretary releases a member who changes phone, and
ends the round (the PIN each time). Going back to the turns screen leaves the
round running, so that other members take their turn at the keyboard
meanwhile; after a restart, starting it again resumes the same round.

The rules are `store/phone.py`'s; serving is `web/server.py`'s; this flow
only decides what comes next, and the screen (`screens/phone_round.py`) only
shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from studyapp.errors import StudyappError
from studyapp.i18n import format_date, tr
from studyapp.ui.modals.choice import ChoiceDialog, DialogChoice
from studyapp.ui.modals.form import FormDialog, FormField, FormValues

if TYPE_CHECKING:
    from studyapp.store.phone import PhoneRound, Progress
    from studyapp.ui.app import StudyApp
    from studyapp.ui.screens.phone_round import PhoneRoundScreen
    from studyapp.ui.screens.turns import TurnsScreen
    from studyapp.web.server import RoundServer


class PhoneFlow:
    """`app.phone_rounds`: at most one round served at a time, for one session."""

    def __init__(self, app: StudyApp) -> None:
        self.app = app
        self.round: PhoneRound | None = None
        self.server: RoundServer | None = None

    def _failed(self, error: StudyappError) -> None:
        self.app.notify(error.message, severity="error", markup=False, timeout=10)

    def running_for(self, session_id: str) -> bool:
        return self.round is not None and self.round.session_id == session_id and \
            self.server is not None and self.server.running

    def on_phones(self, session_id: str) -> frozenset[str]:
        """The members who hold a name on a phone in the session's running round."""
        if not self.running_for(session_id):
            return frozenset()
        assert self.round is not None
        return frozenset(m for m in self.round.state.devices.values() if m is not None)

    def kept_round(self, session_id: str) -> bool:
        """Whether a round of the session was left running (a restart, a crash)."""
        from studyapp.store.phone import META_PREFIX, RoundState  # noqa: PLC0415

        try:
            kept = self.app.store.meta_value(META_PREFIX + session_id)
            return kept is not None and RoundState.from_json(kept).ended_at is None
        except (StudyappError, ValueError, KeyError, TypeError):
            return False

    # --- starting ----------------------------------------------------------------------------

    def open(self, turns: TurnsScreen) -> None:
        """The round's screen: the one running, or (the PIN, then where to listen) a new
        one or the one a restart left."""
        report = turns.report
        session_id = report.session.id
        if self.running_for(session_id):
            self._show()
            return
        if self.server is not None and self.server.running:
            self.app.notify(tr("phone_ui.other_running"), severity="warning", markup=False)
            return

        def with_pin(_pin: str | None) -> None:
            self._ask_where(turns)

        self.app.sessions.ask_pin(report.cell.id, with_pin)

    def _ask_where(self, turns: TurnsScreen) -> None:
        from studyapp.web.server import DEFAULT_PORT, local_addresses  # noqa: PLC0415

        addresses = ", ".join(local_addresses())

        def check(values: FormValues) -> str | None:
            port = values["port"].strip()
            if port and (not port.isdigit() or not 0 < int(port) < 65536):
                return tr("cli.bad_port", port=port)
            return None

        def given(values: FormValues | None) -> None:
            if values is not None:
                port = values["port"].strip()
                self._start(turns, values["host"].strip() or None,
                            int(port) if port else None)

        self.app.push_screen(FormDialog(
            tr("phone_ui.start_title"), tr("phone_ui.start_message", addresses=addresses),
            [FormField("host", tr("phone_ui.host"), "", placeholder=tr("phone_ui.all_networks")),
             FormField("port", tr("phone_ui.port"), str(DEFAULT_PORT), max_length=5)],
            submit=tr("phone_ui.start"), check=check, dialog_id="phone-start"), given)

    def _start(self, turns: TurnsScreen, host: str | None, port: int | None) -> None:
        from studyapp.store.phone import PhoneRound  # noqa: PLC0415
        from studyapp.web.server import RoundServer  # noqa: PLC0415

        report = turns.report
        try:
            round_ = PhoneRound.open(self.app.store, self.app.catalog, report.session.id)
            server = RoundServer(round_, host=host, port=port,
                                 who=f"{report.cell.name} {format_date(report.session.held_on)}")
            server.start()
        except StudyappError as error:
            self._failed(error)
            return
        self.round, self.server = round_, server
        self._show()

    def _show(self) -> None:
        from studyapp.ui.screens.phone_round import PhoneRoundScreen  # noqa: PLC0415
        from studyapp.web.server import qr_lines  # noqa: PLC0415

        assert self.round is not None
        assert self.server is not None
        session = self.app.store.session(self.round.session_id)
        cell = self.app.store.cell(session.cell_id)
        self.app.push_screen(PhoneRoundScreen(cell.name, self.server.urls, self.round.code,
                                              qr_lines(self.server.url)))

    # --- while it runs -----------------------------------------------------------------------

    def progress(self) -> tuple[list[Progress], int] | None:
        """Each member who claimed a name, and how many present members have not
        (yet) joined; from a worker thread (the round has its own lock). None once
        the round has ended: a refresh already under way when it ended shows nothing."""
        round_ = self.round
        if round_ is None:
            return None
        rows = round_.progress()
        waiting = len(round_.choosable())
        return rows, waiting

    def release(self, screen: PhoneRoundScreen, member_id: str, label: str) -> None:
        """Free a member's name for another phone (they changed phone): the PIN."""
        round_ = self.round
        if round_ is None:
            return
        cell_id = self.app.store.session(round_.session_id).cell_id

        def answered(choice: str | None) -> None:
            if choice != "release":
                return

            def with_pin(pin: str | None) -> None:
                try:
                    round_.release(member_id, pin)
                except StudyappError as error:
                    self._failed(error)
                    return
                self.app.notify(tr("phone_ui.released", name=label), markup=False)
                screen.refresh_progress()

            self.app.sessions.ask_pin(cell_id, with_pin)

        self.app.push_screen(ChoiceDialog(
            tr("phone_ui.release_title"), tr("phone_ui.release_message", name=label),
            [DialogChoice("release", tr("phone_ui.release"), key="g"),
             DialogChoice("cancel", tr("form.cancel"))],
            on_escape="cancel", dialog_id="phone-release"), answered)

    def end(self, screen: PhoneRoundScreen) -> None:
        """End the round (the PIN): the phones take nothing more, the server stops."""
        round_ = self.round
        if round_ is None:
            return
        cell_id = self.app.store.session(round_.session_id).cell_id

        def answered(choice: str | None) -> None:
            if choice != "end":
                return

            def with_pin(pin: str | None) -> None:
                try:
                    round_.end(pin)
                except StudyappError as error:
                    self._failed(error)
                    return
                self.stop()
                self.app.notify(tr("phone_ui.ended"), markup=False)
                screen.dismiss()

            self.app.sessions.ask_pin(cell_id, with_pin)

        self.app.push_screen(ChoiceDialog(
            tr("phone_ui.end_title"), tr("phone_ui.end_message"),
            [DialogChoice("end", tr("phone_ui.end"), key="k"),
             DialogChoice("cancel", tr("form.cancel"))],
            on_escape="cancel", dialog_id="phone-end"), answered)

    def stop(self) -> None:
        """Stop serving (leaving the program): the round stays open for a restart."""
        if self.server is not None:
            self.server.stop()
        self.server = None
        self.round = None

    def status(self, session_id: str) -> str | None:
        """The line the turns screen shows while this session's round runs."""
        if self.running_for(session_id):
            assert self.round is not None
            return tr("phone_ui.running_line", code=self.round.code)
        if self.kept_round(session_id):
            return tr("phone_ui.kept_line")
        return None

