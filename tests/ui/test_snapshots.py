"""Snapshots of what was looked at by hand, at 80×24, so it does not regress.

Update after a deliberate change with `pytest tests/ui/test_snapshots.py --snapshot-update`,
and look at the new pictures (snapshot_report.html) before committing them.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from studyapp.content.loading import load_catalog
from studyapp.content.model import QUESTION_TYPES
from studyapp.paths import bundled_content_dir
from studyapp.quiz.session import Mode
from studyapp.ui.app import StudyApp
from tests.conftest import DATA, write
from tests.ui.conftest import build_app, keys_for, meeting, member, one_of_each_type, start

SIZE = (80, 24)
PAPER = one_of_each_type(load_catalog([bundled_content_dir()]).catalog)


def test_home(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE)


def test_home_with_a_learner(snap_compare: Any) -> None:
    async def choose(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        member(pilot.app)
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=choose)


def test_home_with_broken_content(snap_compare: Any) -> None:
    assert snap_compare(build_app(DATA / "broken"), terminal_size=SIZE)


def test_lesson_with_four_principles(snap_compare: Any) -> None:
    async def open_ii_3_1(pilot: Pilot[None]) -> None:
        await pilot.press("b")
        await pilot.pause()
        await pilot.app.screen.open_lesson("ii-3-1", focus_view=True)  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=open_ii_3_1)


def test_search_results(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, press=["slash", *"kien dinh"])


def test_search_typed_in_telex_says_how_it_was_read(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, press=["slash", *"kieen ddinhj"])


def test_lesson_opened_from_search_in_english(snap_compare: Any) -> None:
    assert snap_compare(build_app(lang="en"), terminal_size=SIZE,
                        press=["slash", *"luat dung nhung lam kho", "enter"])


def test_learner_screen_with_a_roster(snap_compare: Any) -> None:
    async def roster(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, StudyApp)
        for name in ("Nguyễn Văn An", "Lê Thị Ánh", "Trần Văn Bình", "Đỗ Thị Dung"):
            app.learners.add_member(name, "Chi bộ Khu phố 1", None)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=roster)


def test_quiz_setup(snap_compare: Any) -> None:
    async def setup(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        member(pilot.app)
        await pilot.press("k")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=setup)


@pytest.mark.parametrize("kind", QUESTION_TYPES)
def test_each_kind_of_question_in_a_test(snap_compare: Any, kind: str) -> None:
    async def show(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        member(pilot.app)
        screen = await start(pilot, PAPER, Mode.TEST, time_limit=timedelta(minutes=15))
        await screen.go_to_question(QUESTION_TYPES.index(kind))
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=show)


def test_practice_feedback_after_a_wrong_answer(snap_compare: Any) -> None:
    async def answer(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        member(pilot.app)
        await start(pilot, PAPER, Mode.PRACTICE)
        await pilot.press(*keys_for(PAPER.items[0], right=False))
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=answer)


async def _finish_a_test(pilot: Pilot[None]) -> None:
    await pilot.pause()
    assert isinstance(pilot.app, StudyApp)
    member(pilot.app)
    await start(pilot, PAPER, Mode.TEST)
    for position, item in enumerate(PAPER.items):
        await pilot.press(*keys_for(item, right=position % 3 != 1))
        await pilot.pause()
    await pilot.press("n")
    await pilot.pause()


def test_results(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE, run_before=_finish_a_test)


def test_review_of_a_wrong_answer(snap_compare: Any) -> None:
    async def review(pilot: Pilot[None]) -> None:
        await _finish_a_test(pilot)
        await pilot.press("down", "enter")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=review)


def test_practice_feedback_in_the_light_theme(snap_compare: Any) -> None:
    """Colours come from the theme: a light terminal's users choose the light one."""
    write(Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml", 'theme = "textual-light"\n')

    async def answer(pilot: Pilot[None]) -> None:
        await pilot.pause()
        assert isinstance(pilot.app, StudyApp)
        assert pilot.app.theme == "textual-light"
        member(pilot.app)
        await start(pilot, PAPER, Mode.PRACTICE)
        await pilot.press(*keys_for(PAPER.items[0], right=False))
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=answer)


def _session_screen(opener: str, *keys: str) -> Any:
    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        app = pilot.app
        assert isinstance(app, StudyApp)
        session_id = meeting(app)
        getattr(app.sessions, opener)(session_id)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run


def test_attendance(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE,
                        run_before=_session_screen("edit_attendance"))


def test_turns(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE,
                        run_before=_session_screen("open_session"))


def test_handover(snap_compare: Any) -> None:
    async def run(pilot: Pilot[None]) -> None:
        await _session_screen("open_session")(pilot)
        app = pilot.app
        assert isinstance(app, StudyApp)
        screen = app.screen
        names = [row.member.full_name for row in screen.present]  # type: ignore[attr-defined]
        await pilot.press("home", *["down"] * names.index("Hoàng Thị Giang"), "enter", "c")
        await pilot.pause()
        quiz = app.screen
        for position, item in enumerate(quiz.quiz.session.paper.items):  # type: ignore[attr-defined]
            if position not in quiz.quiz.session.responses:  # type: ignore[attr-defined]
                await quiz.go_to_question(position)  # type: ignore[attr-defined]
                await pilot.press(*keys_for(item, right=True))
                await pilot.pause()
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run)


def test_summary_with_its_chart(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE,
                        run_before=_session_screen("open_summary"))


def test_summary_most_missed_questions(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE,
                        run_before=_session_screen("open_summary", "3"))


def test_phone_round(snap_compare: Any) -> None:
    """The round screen at 80×24: QR, address, code, each member's stage."""
    from studyapp.store.phone import Progress  # noqa: PLC0415
    from studyapp.ui.screens.phone_round import PhoneRoundScreen  # noqa: PLC0415
    from studyapp.web.server import qr_lines  # noqa: PLC0415

    url = "http://192.168.43.1:8080/"
    rows = [Progress("a", "Lê Văn An", "finished", 3, 4, 4),
            Progress("d", "Phạm Thị Dung", "answering", 2, 2, 4),
            Progress("e", "Đỗ Văn Em", "joined", 0, 0, 4),
            Progress("g", "Hoàng Thị Giang", "disconnected", 1, 1, 4)]

    async def run(pilot: Pilot[None]) -> None:
        await _session_screen("open_session")(pilot)
        app = pilot.app
        assert isinstance(app, StudyApp)
        app.phone_rounds.progress = lambda: (rows, 1)  # type: ignore[method-assign]
        await app.push_screen(PhoneRoundScreen("Chi bộ Khu phố 7", [url], "478972",
                                               qr_lines(url)))
        await pilot.pause(0.3)

    assert snap_compare(build_app(), terminal_size=SIZE, run_before=run)
