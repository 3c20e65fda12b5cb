"""The phone round from the laptop: start it from the turns screen (PIN, where to
listen), watch real phones' progress (never a score), free a name, end it (PIN),
and after a restart resume the same round."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import httpx2 as httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from studyapp.store.database import Database
from studyapp.store.phone import PhoneRound
from studyapp.store.store import Store
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.choice import ChoiceDialog
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.screens.phone_round import PhoneRoundScreen
from studyapp.ui.screens.turns import TurnsScreen
from studyapp.web.app import COOKIE
from studyapp.web.server import RoundServer, ServeError
from tests.conftest import Clock
from tests.ui.conftest import build_app
from tests.ui.test_paper_entry import PIN, meeting, to_turns
from tests.web.phones import Phone, right_form


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start_round(pilot: Pilot[None], port: int, *, pin: str | None) -> PhoneRoundScreen:
    app = pilot.app
    await pilot.press("d")
    await pilot.pause()
    if pin:
        assert isinstance(app.screen, FormDialog)
        assert app.screen.id == "pin-dialog"
        await pilot.press(*pin, "enter")
        await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, FormDialog)
    assert dialog.id == "phone-start"
    dialog.query_one("#field-host", Input).value = "127.0.0.1"
    dialog.query_one("#field-port", Input).value = str(port)
    dialog.action_submit()
    await pilot.pause()
    assert isinstance(app.screen, PhoneRoundScreen), app.screen
    return app.screen


def screen_text(screen: PhoneRoundScreen) -> str:
    listing = screen.query_one("#phone-list", OptionList)
    lines = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
    return "\n".join([*lines, str(screen.query_one("#phone-counts").render())])


async def wait_for(pilot: Pilot[None], condition: object, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.1)):
        await pilot.pause(0.1)
        if callable(condition) and condition():
            return
    raise AssertionError("the screen did not change in time")


def test_start_watch_release_and_end_a_round(tmp_path: Path) -> None:
    async def run() -> None:
        app = build_app(db=tmp_path / "dt.sqlite3", clock=Clock())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            session_id = meeting(app, pin=PIN)
            await to_turns(pilot, session_id)
            port = free_port()
            screen = await start_round(pilot, port, pin=PIN)
            round_ = app.phone_rounds.round
            assert isinstance(round_, PhoneRound)
            assert screen.code == round_.code
            assert screen.urls == [f"http://127.0.0.1:{port}/"]
            assert len(screen.qr) > 10
            assert all(set(line) <= set("█▀▄ ") for line in screen.qr)
            # A real phone over HTTP answers its first question.
            client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10)
            phone = Phone(client)
            member_id = round_.choosable()[0].member.id

            def first_answer() -> None:
                phone.join(round_.code, member_id)
                item = round_.view(client.cookies[COOKIE]).item
                phone.answer(right_form(item))

            await asyncio.to_thread(first_answer)
            await wait_for(pilot, lambda: "câu 2/8" in screen_text(screen))
            text = screen_text(screen)
            assert "Lê Văn An" in text
            assert "Đang làm: 1" in text
            assert "Chưa vào: 2" in text
            assert "Điểm" not in text  # never a score
            # On the turns screen she is answering on a phone: the laptop will not open
            # her paper meanwhile (two places would mix their answers).
            await pilot.press("escape")
            await pilot.pause()
            turns = app.screen
            assert isinstance(turns, TurnsScreen)
            listing = turns.query_one("#turns-list", OptionList)
            assert "đang làm trên điện thoại" in str(listing.get_option_at_index(0).prompt)
            listing.highlighted = 0
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is turns
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, PhoneRoundScreen)
            screen = app.screen
            # Free the name (she changes phone): the PIN given to start the round
            # still holds (no member's turn since), and the store takes it.
            await pilot.press("g")
            await pilot.pause()
            assert isinstance(app.screen, ChoiceDialog)
            await pilot.press("g")
            await pilot.pause()
            assert app.screen is screen
            assert round_.claimed_by(client.cookies[COOKIE]) is None
            # Back to the turns screen: the round goes on, and says so.
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            assert round_.code in str(app.screen.query_one("#turns-phones").render())
            assert (await asyncio.to_thread(client.get, "/")).status_code == 200
            # End it: the PIN (asked again once the sitting is over, as after the
            # idle time); then nothing listens any more.
            app.sessions.meeting_pin.drop(idle=True)
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, PhoneRoundScreen)
            await pilot.press("k")
            await pilot.pause()
            await pilot.press("k")
            await pilot.pause()
            await pilot.press(*PIN, "enter")
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)
            assert round_.ended
            assert app.phone_rounds.server is None
            with pytest.raises(httpx.ConnectError):  # nothing listens any more
                await asyncio.to_thread(client.get, "/")
            client.close()

    asyncio.run(run())


def test_a_restart_resumes_the_same_round(tmp_path: Path) -> None:
    db = tmp_path / "dt.sqlite3"

    async def first() -> tuple[str, str]:
        app = build_app(db=db, clock=Clock())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            session_id = meeting(app)
            await to_turns(pilot, session_id)
            await start_round(pilot, free_port(), pin=None)
            assert app.phone_rounds.round is not None
            return session_id, app.phone_rounds.round.code

    session_id, code = asyncio.run(first())

    async def second() -> None:
        app = build_app(db=db, clock=Clock())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            turns = await to_turns(pilot, session_id)
            assert "mở dở" in str(turns.query_one("#turns-phones").render())
            screen = await start_round(pilot, free_port(), pin=None)
            assert screen.code == code

    asyncio.run(second())


def test_two_rounds_at_once_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "dt.sqlite3"

    async def run() -> None:
        app = build_app(db=db, clock=Clock())
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            session_id = meeting(app)
            await to_turns(pilot, session_id)
            await start_round(pilot, free_port(), pin=None)
            # A second program on the same database (the command line) is refused.
            other = Store(Database(db))
            other_round = PhoneRound.open(other, app.catalog, session_id)
            server = RoundServer(other_round, host="127.0.0.1", port=free_port())
            server.holder = type(server.holder)("another-laptop", 1, "x")
            with pytest.raises(ServeError, match="một vòng"):
                server.start()
            assert not server.running
            assert isinstance(app, StudyApp)

    asyncio.run(run())
