"""Issue 14 item 19: the language chosen with `e` is the learner's own,
remembered with them; the laptop's default (the config) for guests and for
members who chose none; a member's own for their turn at a meeting."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import tomli

from studyapp.i18n import current_language, tr
from studyapp.ui.screens.home import HomeScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen
from tests.ui.conftest import build_app, member
from tests.ui.test_sessions import NAMES, answer_all, open_turns, pick, screen_text

HOME_VI = "Bạn muốn làm gì?"
HOME_EN = "What would you like to do?"


def config_lang() -> str | None:
    config = Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml"
    if not config.exists():
        return None
    value = tomli.loads(config.read_text(encoding="utf-8")).get("lang")
    return value if isinstance(value, str) else None


async def test_e_changes_the_language_of_the_learner_alone(tmp_path: Path) -> None:
    app = build_app(db=tmp_path / "lang.sqlite3")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        lan = member(app, "Nguyễn Thị Lan")
        binh = member(app, "Trần Văn Bình")
        app.learners.set_learner(lan)
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert current_language() == "en"
        assert HOME_EN in screen_text(app)
        assert lan.member_id is not None
        assert binh.member_id is not None
        assert app.store.member(lan.member_id).language == "en"  # remembered with her
        assert config_lang() is None  # the laptop's default is not hers to change
        assert app.laptop_language == "vi"

        app.learners.set_learner(binh)  # he chose nothing: the laptop's language
        await pilot.pause()
        assert current_language() == "vi"
        assert isinstance(app.screen, HomeScreen)
        assert HOME_VI in screen_text(app)
        app.learners.set_learner(lan)  # back to her: hers again
        await pilot.pause()
        assert current_language() == "en"
        assert HOME_EN in screen_text(app)

        app.learners.set_learner(app.learners.guest("Khách"))  # a guest: the laptop's
        await pilot.pause()
        assert current_language() == "vi"
        await pilot.press("e")  # a guest's choice is the laptop's default, in the config
        await pilot.pause()
        assert current_language() == "en"
        assert config_lang() == "en"
        assert app.laptop_language == "en"
        assert app.store.member(binh.member_id).language is None
        app.learners.set_learner(binh)
        await pilot.pause()
        assert current_language() == "en"  # the laptop's new default, for who chose none


def test_the_remembered_learner_comes_back_in_their_language(tmp_path: Path) -> None:
    db = tmp_path / "lang.sqlite3"

    async def choose() -> None:
        app = build_app(db=db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            member(app, "Nguyễn Thị Lan")
            await pilot.pause()
            await pilot.press("e")
            await pilot.pause()
            assert current_language() == "en"

    async def started_again() -> None:
        app = build_app(db=db)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert app.learner is not None
            assert app.learner.name == "Nguyễn Thị Lan"
            assert current_language() == "en"
            assert HOME_EN in screen_text(app)

    asyncio.run(choose())
    assert config_lang() is None
    asyncio.run(started_again())


async def test_a_turn_at_a_meeting_is_in_the_members_language() -> None:
    app = build_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_turns(app, pilot)
        turns = app.screen
        assert isinstance(turns, TurnsScreen)
        an = next(row.member for row in turns.present if row.member.full_name == NAMES[0])
        app.store.set_member_language(an.id, "en")
        await pick(pilot, NAMES[0])
        assert isinstance(app.screen, QuizScreen)
        assert current_language() == "en"  # handed over: his language
        await answer_all(pilot, right=True)
        assert isinstance(app.screen, HandoverScreen)
        assert tr("handover.next", "en") in screen_text(app)  # his result, in his words
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is turns
        assert current_language() == "vi"  # the laptop's again, as the turns are written
        await pick(pilot, NAMES[1])  # Bình chose nothing: the laptop's language
        assert isinstance(app.screen, QuizScreen)
        assert current_language() == "vi"
