"""Answering on a full disk (issue 20, item 5): the quiz stays on screen with
a message, nothing acknowledged is lost, and the same answer goes through
once there is room again. The database is on a small tmpfs (root only: the
store-level test simulates SQLITE_FULL everywhere else)."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from studyapp.content.catalog import Catalog
from studyapp.quiz.session import Mode
from studyapp.ui.screens.quiz import QuizScreen
from tests.ui.conftest import build_app, keys_for, member, one_of_each_type, start
from tests.unit.test_read_only_media import tmpfs


def fill_disk(folder: Path) -> Path:
    filler = folder / "filler"
    handle = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        with contextlib.suppress(OSError):
            while True:
                os.write(handle, b"\0" * 512)
    finally:
        os.close(handle)
    return filler


async def test_an_answer_on_a_full_disk_keeps_the_quiz_and_retries(
        tmp_path: Path, catalog: Catalog) -> None:
    folder = tmp_path / "small"
    with tmpfs(folder, "2m"):
        app = build_app(db=folder / "studyapp.sqlite3")
        paper = one_of_each_type(catalog)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            member(app)
            screen = await start(pilot, paper, Mode.TEST)
            attempt_id = screen.quiz.id
            await pilot.press(*keys_for(paper.items[0], right=True))
            await pilot.pause()
            assert len(app.store.answers(attempt_id)) == 1  # acknowledged
            filler = fill_disk(folder)
            position = screen.quiz.session.position
            failures = 0
            while failures == 0 and position < len(paper.items):
                app.clear_notifications()
                await pilot.press(*keys_for(paper.items[position], right=True))
                await pilot.pause()
                if screen.quiz.session.position == position:
                    failures += 1
                else:
                    position = screen.quiz.session.position
            assert failures, "the full disk refused an answer"
            assert app.screen is screen  # the quiz stays on screen
            messages = [str(n.message) for n in app._notifications]
            assert any("đầy" in m and "vẫn còn nguyên" in m for m in messages), messages
            assert not any("rollback" in m for m in messages)
            stored = {a.position for a in app.store.answers(attempt_id)}
            assert position not in stored
            assert set(range(position)) <= stored  # nothing acknowledged lost
            filler.unlink()  # room again: the same answer, asked again, is saved
            await pilot.press("enter")
            await pilot.pause()
            assert position in {a.position for a in app.store.answers(attempt_id)}
            assert isinstance(app.screen, QuizScreen)
        app.store.database.close()
