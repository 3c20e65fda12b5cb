"""Snapshots of what was looked at by hand, at 80×24, so it does not regress.

Update after a deliberate change with `pytest tests/ui/test_snapshots.py --snapshot-update`,
and look at the new pictures (snapshot_report.html) before committing them.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from tests.conftest import DATA
from tests.ui.conftest import build_app

SIZE = (80, 24)


def test_home(snap_compare: Any) -> None:
    assert snap_compare(build_app(), terminal_size=SIZE)


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


def test_lesson_opened_from_search_in_english(snap_compare: Any) -> None:
    assert snap_compare(build_app(lang="en"), terminal_size=SIZE,
                        press=["slash", *"luat dung nhung lam kho", "enter"])
