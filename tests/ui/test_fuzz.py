"""Random keys over every screen of a real database: the program never crashes.

A new user presses keys we did not plan for. This walks the screens with a
seeded stream of the keys the program uses (letters, arrows, Enter, Esc,
the Ctrl keys), starting at the cell meetings of a demo database, and fails
on any exception the app raises. Quitting is switched off so the walk goes on.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest

from studyapp.demo import fill
from studyapp.store.database import Database
from studyapp.store.store import Store
from tests.ui.conftest import build_app

KEYS = [*"abcdeghklmnprstvx123/?", "enter", "escape", "down", "up", "space", "pagedown",
        "pageup", "ctrl+s", "ctrl+g", "ctrl+p", "tab", "left", "right", "home", "delete"]
# 150 keys a seed in the suite; STUDYAPP_FUZZ_STEPS=1000 for a long walk.
STEPS = int(os.environ.get("STUDYAPP_FUZZ_STEPS", "150"))


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_random_keys_never_crash(seed: int, tmp_path: Path, catalog) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "demo.sqlite3"
    store = Store(Database(db))
    fill(store, catalog, seed=seed, cells=2, members=6, sessions=2, questions=4)
    store.database.close()
    app = build_app(db=db)
    app.exit = lambda *args, **kwargs: None  # type: ignore[method-assign]
    rng = random.Random(seed)
    seen: set[str] = set()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("s")
        for _ in range(STEPS):
            seen.add(type(app.screen).__name__)
            key = rng.choice(KEYS)
            if key == "escape" and len(app.screen_stack) <= 2 and rng.random() < 0.7:
                continue  # stay among the screens rather than at home
            await pilot.press(key)
            if len(app.screen_stack) == 1 and rng.random() < 0.4:
                await pilot.press(rng.choice(["s", "l", "k", "b", "x"]))
    assert len(seen) >= 5, seen  # it did walk through the program
