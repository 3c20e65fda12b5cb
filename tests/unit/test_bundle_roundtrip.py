"""Every record the program writes passes its own import (14.23): random quiz scripts —
answers, moves, flags, pauses, time-ups, retakes, abandoned and unfinished attempts — are
driven through the store, exported, imported into an empty database and exported again."""

from __future__ import annotations

import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.export.bundle import build_bundle, bundle_bytes, read_bundle
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.session import Mode, TimeUpError
from studyapp.store.database import Database
from studyapp.store.exchange import Scope, merge_tables
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttendanceStatus
from studyapp.store.store import Store
from tests.conftest import wrong_response

START = datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
LIMIT = timedelta(minutes=5)

step = st.one_of(
    st.tuples(st.just("answer"), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("move"), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("flag"), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("pause"), st.just(0), st.booleans()),
    st.tuples(st.just("wait"), st.integers(1, 400), st.booleans()),  # seconds; time-ups
)
ending = st.sampled_from(["finish", "abandon", "leave", "retake"])
script = st.tuples(st.lists(step, max_size=12), ending)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        self.now += timedelta(milliseconds=250)
        return self.now


def _play(quiz: RecordedQuiz, steps: list[tuple[str, int, bool]], clock: Clock,
          paper: Any) -> None:
    for kind, value, flag in steps:
        if quiz.finished:
            return
        try:
            if kind == "wait":
                clock.now += timedelta(seconds=value)
                quiz.check_time()
            elif quiz.session.paused:
                quiz.resume_clock()
            elif kind == "answer":
                question = paper.items[value].question
                quiz.answer(value, correct_response(question) if flag
                            else wrong_response(question))
            elif kind == "move":
                quiz.go_to(value)
            elif kind == "flag":
                quiz.flag(value, flagged=flag)
            elif kind == "pause":
                quiz.pause()
        except TimeUpError:
            return


def _tables(store: Store, catalog: Catalog) -> dict[str, Any]:
    content = build_bundle(store, catalog, Scope())["content"]
    return {name: value for name, value in content.items() if name != "created_at"}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(scripts=st.lists(script, min_size=1, max_size=3), close=st.booleans())
def test_what_the_program_writes_passes_its_own_import(
        catalog: Catalog, scripts: list[tuple[list[tuple[str, int, bool]], str]],
        close: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        clock = Clock()
        store = Store(Database(Path(folder) / "laptop.sqlite3"), clock=clock)
        cell = store.ensure_cell("Chi bộ Khu phố 3")
        settings_ = SessionSettings(count=4)
        session = store.open_session(cell.id, date(2026, 11, 26), topic="Nghị quyết",
                                     pack_id=catalog.packs[0].id, lessons=[],
                                     settings=settings_.to_data(), seed=11, run_by="Bí thư")
        for number, (steps, end) in enumerate(scripts):
            member = store.add_member(cell.id, f"Đảng viên Số {number + 1}")
            store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
            paper = session_paper(catalog, [], settings_, session.seed, member.id)
            quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(member),
                                      session_id=session.id, time_limit=LIMIT, clock=clock)
            _play(quiz, steps, clock, paper)
            if end == "abandon" and not quiz.finished:
                quiz.abandon()
            elif end == "leave":
                quiz.leave()
            else:
                quiz.finish()
            if end == "retake":
                again = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(member),
                                           session_id=session.id, time_limit=LIMIT,
                                           clock=clock, retake_of=quiz.id)
                _play(again, steps[::-1], clock, paper)
                again.finish()
        if close:
            store.close_session(session.id)
        path = Path(folder) / "cell.json"
        path.write_bytes(bundle_bytes(build_bundle(store, catalog, Scope(cell_id=cell.id))))
        office = Store(Database(Path(folder) / "office.sqlite3"))
        merge_tables(office, read_bundle(path, catalog).tables)
        assert _tables(office, catalog) == _tables(store, catalog)
        store.database.close()
        office.database.close()
