"""The meeting's PIN once per sitting (`pin_gate.PinHold`): given once on the turns
screen, it holds for the secretary's next actions of that session, and goes when a
member's turn starts, when the secretary leaves the turns screen, or after the idle
time. And after a turn, the list moves on to the next member still to be tested."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import OptionList

from studyapp.ui.app import StudyApp
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.paper_entry import PaperPickScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.summary import SummaryScreen
from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen
from tests.ui.conftest import build_app
from tests.ui.test_sessions import NAMES, PIN, answer_all, meeting, pick


async def to_turns(app: StudyApp, pilot: Pilot[None], session_id: str) -> TurnsScreen:
    app.sessions.open_session(session_id)
    await pilot.pause()
    assert isinstance(app.screen, TurnsScreen)
    return app.screen


def shown(app: StudyApp) -> object:
    """The screen on top (read afresh: an earlier isinstance does not hold any more)."""
    return app.screen


async def key(pilot: Pilot[None], *keys: str) -> str | None:
    """Press `keys`; the id of the screen then shown (the PIN's is `pin-dialog`)."""
    await pilot.press(*keys)
    await pilot.pause()
    return pilot.app.screen.id


async def give_pin(pilot: Pilot[None]) -> None:
    assert pilot.app.screen.id == "pin-dialog"
    await pilot.press(*PIN, "enter")
    await pilot.pause()


async def test_papers_summary_and_close_ask_the_pin_once() -> None:
    """A walked meeting asked the PIN for the papers, the summary and the close."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        turns = await to_turns(app, pilot, session_id)
        assert await key(pilot, "n") == "pin-dialog"  # the papers: the one ask
        await give_pin(pilot)
        assert isinstance(shown(app), PaperPickScreen)
        await key(pilot, "escape")
        assert shown(app) is turns
        await key(pilot, "t")  # the summary: no second ask
        assert isinstance(shown(app), SummaryScreen)
        assert await key(pilot, "d") == "close-dialog"  # nor for the close
        await key(pilot, "d")
        assert app.store.session(session_id).closed
        assert isinstance(shown(app), SummaryScreen)


async def test_a_members_turn_ends_the_hold() -> None:
    """Handed to a member, the laptop holds no PIN: not in the test (Esc asks it),
    nor on the turns screen after it."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        turns = await to_turns(app, pilot, session_id)
        await key(pilot, "t")
        await give_pin(pilot)
        assert isinstance(shown(app), SummaryScreen)
        await key(pilot, "escape")
        await key(pilot, "n")  # held: the papers at once
        assert isinstance(shown(app), PaperPickScreen)
        await key(pilot, "escape")
        assert shown(app) is turns
        await pick(pilot, NAMES[0])
        assert isinstance(shown(app), QuizScreen)
        assert await key(pilot, "escape") == "pin-dialog"  # the member cannot leave alone
        await key(pilot, "escape")
        assert isinstance(shown(app), QuizScreen)
        await answer_all(pilot, right=True)
        assert isinstance(shown(app), HandoverScreen)
        await key(pilot, "enter")
        assert shown(app) is turns
        assert await key(pilot, "t") == "pin-dialog"  # the next member finds it asked
        await key(pilot, "escape")
        assert await key(pilot, "escape") == "pin-dialog"  # nor can they leave the turns
        await key(pilot, "escape")
        assert shown(app) is turns


async def test_leaving_the_turns_screen_ends_the_hold() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        await to_turns(app, pilot, session_id)
        await key(pilot, "t")
        await give_pin(pilot)
        await key(pilot, "escape")
        await key(pilot, "escape")  # held: leaving the turns asks nothing
        assert isinstance(shown(app), HomeScreen)
        await to_turns(app, pilot, session_id)
        assert await key(pilot, "t") == "pin-dialog"  # a new sitting


async def test_after_the_idle_time_the_pin_is_asked_again() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        turns = await to_turns(app, pilot, session_id)
        app.sessions.meeting_pin.idle_seconds = 2.0
        await key(pilot, "t")
        await give_pin(pilot)
        await key(pilot, "escape")
        await key(pilot, "n")  # within the idle time: held
        assert isinstance(shown(app), PaperPickScreen)
        await key(pilot, "escape")
        assert shown(app) is turns
        await pilot.pause(3.0)  # no key: the secretary has walked away
        assert any("Đã khóa lại sau 1 phút" in str(note.message) for note in app._notifications)
        assert await key(pilot, "t") == "pin-dialog"


async def test_the_idle_time_closes_a_dialog_opened_with_the_pin() -> None:
    """A retake allowed, its dialog left open: a member would only have to press c."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        turns = await to_turns(app, pilot, session_id)
        await pick(pilot, NAMES[0])
        await answer_all(pilot, right=False)
        await key(pilot, "enter")
        app.sessions.meeting_pin.idle_seconds = 2.0
        assert await key(pilot, "home", "r") == "pin-dialog"
        await give_pin(pilot)
        assert shown(app).id == "retake-dialog"  # type: ignore[attr-defined]
        await pilot.pause(3.0)
        assert shown(app) is turns
        assert await key(pilot, "c") is None  # the dialog's key does nothing now
        assert shown(app) is turns
        assert len(app.store.attempts(session_id=session_id)) == 1  # no retake


async def test_keys_keep_the_pin_held_past_the_idle_time() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:2])
        await to_turns(app, pilot, session_id)
        app.sessions.meeting_pin.idle_seconds = 2.0
        await key(pilot, "t")
        await give_pin(pilot)
        for _ in range(10):  # well past the idle time, a key at a time
            await pilot.press("2" if _ % 2 else "1")
            await pilot.pause(0.3)
        await key(pilot, "escape")
        await key(pilot, "n")
        assert isinstance(shown(app), PaperPickScreen)


def highlighted(turns: TurnsScreen) -> str:
    row = turns.current
    assert row is not None
    return row.member.full_name


async def test_after_a_turn_the_cursor_goes_to_the_next_member_to_be_tested() -> None:
    """It stayed on the member who had just finished."""
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session_id = meeting(app, NAMES[:4], pin=None)
        turns = await to_turns(app, pilot, session_id)
        order = [row.member.full_name for row in turns.present]
        an, binh, cuong, dung = order
        assert highlighted(turns) == an

        async def turn_of(name: str) -> None:
            await pick(pilot, name)
            await answer_all(pilot, right=True)
            await key(pilot, "enter")  # the handover: the laptop back to the list
            assert shown(app) is turns

        await turn_of(an)
        assert highlighted(turns) == binh  # the next one down
        await turn_of(cuong)
        assert highlighted(turns) == dung  # after Cường, skipping none
        await turn_of(dung)
        assert highlighted(turns) == binh  # from the last, round to the first still to go
        await turn_of(binh)
        assert highlighted(turns) == binh  # nobody left: it stays
        assert turns.query_one(OptionList).highlighted == order.index(binh)
