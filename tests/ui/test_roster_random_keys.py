"""Random keys on the roster: on a file of its own because its two walks of 160 keys
(about 19 s each in the -n 2 durations run) made test_roster.py the heaviest file of
the suite (about 95 s), which `--dist loadfile` keeps on one worker."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.ui.screens.home import HomeScreen
from tests.ui.conftest import build_app
from tests.ui.test_roster import SIZE, cell_with, enter_roster, to_sessions


@pytest.mark.parametrize("seed", [1, 2])
async def test_random_keys_on_the_roster_never_crash(seed: int, tmp_path: Path) -> None:
    """The roster's own keys and the dialogs they open, pressed at random (Esc now
    and then leaves; `r` comes back): no exception, no one asked the PIN twice
    without leaving."""
    import random  # noqa: PLC0415

    keys = [*"agnst", "r", "1", "space", "enter", "enter", "down", "up", "tab",
            "escape", "backspace", "question_mark"]
    chooser = random.Random(seed)
    app = build_app(db=tmp_path / "s.sqlite3")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cell_with(app, ["Lê Văn An", "Trần Thị Bình", "Phạm Văn Cường"], pin=None)
        await to_sessions(pilot)
        await enter_roster(pilot, pin=None)
        for _ in range(160):
            await pilot.press(chooser.choice(keys))
            if isinstance(app.screen, HomeScreen):
                await to_sessions(pilot)
        await pilot.pause()
        assert app.return_value is None
        assert all(n.severity != "error" for n in app._notifications), \
            [n.message for n in app._notifications]
