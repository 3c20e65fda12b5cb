"""The member-history chart and table on values no quiz writes, put in the database
directly (sqlite3, bypassing every import check): nothing crashes, what cannot be
drawn as stored is clipped or left out, and the chart says so."""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from studyapp.quiz.scoring import correct_response
from studyapp.quiz.selection import ordered_paper
from studyapp.quiz.session import Mode
from studyapp.store.live import RecordedQuiz
from studyapp.ui.app import StudyApp
from studyapp.ui.screens.history import HistoryScreen
from studyapp.ui.widgets.score_chart import ScoreChart
from tests.ui.conftest import build_app, member, rendered_lines

Edit = Callable[[sqlite3.Connection], None]


def _quizzes(app: StudyApp, count: int) -> None:
    """`count` finished tests of three questions, all right, a day apart."""
    learner = app.learner
    assert learner is not None
    questions = [q for q in app.catalog.questions if q.type == "single"][:3]
    for seed in range(count):
        paper = ordered_paper(questions, seed)
        quiz = RecordedQuiz.start(app.store, paper, Mode.TEST, learner, clock=app.clock)
        for position, item in enumerate(paper.items):
            quiz.answer(position, correct_response(item.question))
        quiz.finish()
        app.clock.advance(days=1)


async def _history(tmp_path: Path, edit: Edit, count: int = 3
                   ) -> tuple[HistoryScreen, str, str]:
    """The history screen of a member whose `count` tests were then edited by
    `edit` straight in the database, its chart's note, and the text Textual
    composed for the screen."""
    db = tmp_path / "study.sqlite3"
    app = build_app(db=db, with_bundled=True)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        learner = member(app)
        _quizzes(app, count)
        with sqlite3.connect(db) as connection:
            edit(connection)
        connection.close()
        app.push_screen(HistoryScreen(learner, app.store.attempts_of(learner)))
        await pilot.pause()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        return screen, screen.query_one(ScoreChart).note, "\n".join(rendered_lines(app))


def _sql(statement: str, *params: object) -> Edit:
    return lambda connection: connection.execute(statement, params) and None


async def test_a_score_above_the_scale_is_drawn_at_its_edge_and_said(tmp_path: Path) -> None:
    _screen, note, text = await _history(tmp_path, _sql(
        "UPDATE attempts SET score_num = 1000, score_den = 1"))
    assert note == "3 điểm ngoài thang, vẽ ở mép."
    assert "3 điểm ngoài thang, vẽ ở mép." in text
    assert "1.000,0/10" in text  # the table still shows what is stored


async def test_a_negative_score_is_drawn_at_zero_and_said(tmp_path: Path) -> None:
    _screen, note, text = await _history(tmp_path, _sql(
        "UPDATE attempts SET score_num = -5, score_den = 1 WHERE started_at = "
        "(SELECT MIN(started_at) FROM attempts)"))
    assert note == "1 điểm ngoài thang, vẽ ở mép."
    assert "1 điểm ngoài thang" in text
    assert "-5,0/10" in text


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, 2.5])
async def test_a_score_that_is_no_fraction_is_left_out_and_said(tmp_path: Path,
                                                                 value: float) -> None:
    # SQLite keeps infinities as REAL and turns NaN into NULL: neither is a score.
    _screen, note, text = await _history(tmp_path, _sql(
        "UPDATE attempts SET score_num = ? WHERE started_at = "
        "(SELECT MAX(started_at) FROM attempts)", value))
    assert note == "1 điểm không đọc được, không vẽ."
    assert "1 điểm không đọc được, không vẽ." in text
    assert text.count("10,0/10") == 2  # the two readable scores, the third blank


async def test_a_zero_denominator_is_left_out(tmp_path: Path) -> None:
    _screen, note, _ = await _history(tmp_path, _sql("UPDATE attempts SET score_den = 0"))
    assert note == "3 điểm không đọc được, không vẽ."


@pytest.mark.parametrize("scale", ["NaN", "Infinity", "-10", "0", '"abc"', '"1e400"', "[]"])
async def test_a_scale_that_cannot_be_read_falls_back_to_ten_and_is_said(
        tmp_path: Path, scale: str) -> None:
    def edit(connection: sqlite3.Connection) -> None:
        for attempt_id, settings in connection.execute("SELECT id, settings FROM attempts"):
            data = json.loads(settings)
            data["grading"]["scale"] = "@"
            written = json.dumps(data).replace('"@"', scale)  # NaN written as Python's json does
            connection.execute("UPDATE attempts SET settings = ? WHERE id = ?",
                               (written, attempt_id))

    _screen, note, text = await _history(tmp_path, edit)
    assert note == "Không đọc được thang điểm, vẽ theo thang 10."
    assert "Không đọc được thang điểm" in text
    assert text.count("10,0 ") + text.count("10,0\n") >= 3  # scores shown without a scale


@pytest.mark.parametrize("ms", [10**18, -1, 2**63 - 1, 1.5])
async def test_a_time_no_quiz_takes_is_left_blank(tmp_path: Path, ms: float) -> None:
    screen, note, _text = await _history(tmp_path, _sql(
        "UPDATE attempts SET time_spent_ms = ? WHERE started_at = "
        "(SELECT MAX(started_at) FROM attempts)", ms))
    assert screen.attempts[0].time_spent is None  # the newest, the edited one
    assert screen.attempts[1].time_spent is not None
    assert note == ""


async def test_a_single_quiz_is_one_point(tmp_path: Path) -> None:
    _screen, note, text = await _history(tmp_path, _sql("SELECT 1"), count=1)
    assert note == ""
    assert "●" in text
    assert "Đã làm xong 1 bài" in text


async def test_hundreds_of_quizzes_are_drawn(tmp_path: Path) -> None:
    def edit(connection: sqlite3.Connection) -> None:
        connection.execute("CREATE TEMP TABLE one AS SELECT * FROM attempts LIMIT 1")
        for day in range(300):
            connection.execute("UPDATE one SET id = ?, started_at = ?, score_num = ?, "
                               "score_den = 1", (f"copy-{day}", f"2025-{1 + day // 28 % 12:02d}-"
                                                 f"{1 + day % 28:02d}T08:00:00+07:00", day % 11))
            connection.execute("INSERT INTO attempts SELECT * FROM one")

    screen, note, text = await _history(tmp_path, edit, count=1)
    assert len(screen.attempts) == 301
    assert note == ""
    assert "Đã làm xong 301 bài" in text


async def test_dates_out_of_order_and_in_mixed_zones_are_drawn(tmp_path: Path) -> None:
    def edit(connection: sqlite3.Connection) -> None:
        ids = [row[0] for row in connection.execute("SELECT id FROM attempts")]
        for attempt_id, when in zip(ids, ("2026-12-01T10:00:00+07:00", "1999-01-01T00:00:00Z",
                                          "2026-11-27T08:00:00"), strict=True):
            connection.execute("UPDATE attempts SET started_at = ? WHERE id = ?",
                               (when, attempt_id))

    screen, note, text = await _history(tmp_path, edit)
    assert len(screen.attempts) == 3
    assert note == ""
    assert "01/01/1999" in text or "31/12/1998" in text
