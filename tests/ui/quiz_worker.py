"""A worker process for the resume test: the real app, headless, answering by keys.

    python tests/ui/quiz_worker.py DB N

Takes the seven-type paper as a test, answers N questions right by keys,
printing `ANSWERED k` once the k-th answer is on screen, then waits to be
killed (as a laptop whose battery dies mid-test).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from studyapp.quiz.session import Mode  # noqa: E402
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start  # noqa: E402


async def main() -> None:
    database, count = Path(sys.argv[1]), int(sys.argv[2])
    app = build_app(db=database)
    paper = one_of_each_type(app.catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        member(app)
        screen = await start(pilot, paper, Mode.TEST)
        for answered, item in enumerate(paper.items[:count], 1):
            await pilot.press(*keys_for(item, right=True))
            await pilot.pause()
            assert len(screen.quiz.session.responses) == answered
            print(f"ANSWERED {answered}", flush=True)
        await asyncio.sleep(600)  # killed here


if __name__ == "__main__":
    asyncio.run(main())
