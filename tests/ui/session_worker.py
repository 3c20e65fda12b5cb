"""A worker process for the cell-session test: the real app, headless, a turn cut short.

    python tests/ui/session_worker.py DB SESSION_ID MEMBER_NAME

Opens the session's turns, picks MEMBER_NAME, confirms, answers the first
question right by keys, prints `ANSWERED 1` once it is on screen, then
waits to be killed (a laptop whose battery dies mid-turn).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from studyapp.ui.screens.quiz import QuizScreen  # noqa: E402
from studyapp.ui.screens.turns import TurnsScreen  # noqa: E402
from tests.ui.conftest import build_app, keys_for  # noqa: E402


async def main() -> None:
    database, session_id, name = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
    app = build_app(db=database)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.sessions.open_session(session_id)
        await pilot.pause()
        turns = app.screen
        assert isinstance(turns, TurnsScreen)
        names = [row.member.full_name for row in turns.present]
        await pilot.press("home", *["down"] * names.index(name), "enter")
        await pilot.pause()
        await pilot.press("c")  # “yes, that is me”
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        await pilot.press(*keys_for(quiz.quiz.session.paper.items[0], right=True))
        await pilot.pause()
        assert len(quiz.quiz.session.responses) == 1
        print("ANSWERED 1", flush=True)
        await asyncio.sleep(600)  # killed here


if __name__ == "__main__":
    asyncio.run(main())
