"""Tests taken at the laptop, on a phone and on paper count the same, and the exports say which."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from studyapp.content.catalog import Catalog
from studyapp.export.files import write_atomically
from studyapp.export.run import prepare
from studyapp.quiz.entry import format_entry
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.session import Mode, QuizSession
from studyapp.store.database import Database
from studyapp.store.exchange import Scope, score_rows
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttendanceStatus
from studyapp.store.papers import enter_paper, paper_of
from studyapp.store.report import session_grading, session_report
from studyapp.store.store import Store

WAYS = {"Lê Văn An": "laptop", "Trần Thị Bình": "phone", "Nguyễn Văn Cường": "paper",
        "Phạm Thị Dung": None}


@pytest.fixture
def store(tmp_path: Path, catalog: Catalog) -> Store:
    """Three members, all right, each a different way; a fourth present and untested."""
    store = Store(Database(tmp_path / "studyapp.sqlite3"))
    cell = store.ensure_cell("Chi bộ 2")
    settings = SessionSettings(count=6)
    session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                 pack_id=catalog.packs[0].id, lessons=[],
                                 settings=settings.to_data(), seed=5)
    members = {name: store.add_member(cell.id, name) for name in WAYS}
    for member in members.values():
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    grading = session_grading(catalog, session)
    # At the laptop's keyboard: a recorded quiz, as the turns screen starts it.
    an = members["Lê Văn An"]
    paper = session_paper(catalog, [], settings, session.seed, an.id)
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(an), session_id=session.id,
                              grading=grading)
    for position, item in enumerate(paper.items):
        quiz.answer(position, correct_response(item.question))
    quiz.finish()
    # On a phone: stored with its way in the settings (as the phone round stores it).
    binh = members["Trần Thị Bình"]
    paper = session_paper(catalog, [], settings, session.seed, binh.id)
    at = store.clock()
    phone = QuizSession(paper, Mode.TEST, at, None, False, grading)
    for position, item in enumerate(paper.items):
        phone.answer(position, correct_response(item.question), at)
    phone.finish(at)
    store.record_paper_attempt(phone, member_id=binh.id, session_id=session.id,
                               pack_id=session.pack_id, entered="", via="phone")
    # On paper, entered by the secretary.
    cuong = members["Nguyễn Văn Cường"]
    paper = paper_of(store, catalog, session.id, cuong.id).paper
    enter_paper(store, catalog, session.id, cuong.id,
                format_entry(paper, [correct_response(i.question) for i in paper.items]))
    return store


def test_every_way_counts_the_same(store: Store, catalog: Catalog) -> None:
    [session] = store.sessions()
    report = session_report(store, catalog, session.id)
    assert report.figures.tested == 3
    assert report.figures.average == 10
    assert all(stats.asked == 3 and stats.right == 3 for stats in report.figures.items)
    rows = {row.member: row for row in score_rows(store, Scope(session_id=session.id))}
    assert {name: row.via for name, row in rows.items()} == WAYS
    assert all(rows[name].counted for name, way in WAYS.items() if way)


def test_csv_and_xlsx_say_how_each_test_was_taken(store: Store, catalog: Catalog,
                                                   tmp_path: Path) -> None:
    stream = io.BytesIO()
    prepare(store, catalog, Scope(), "csv").write(stream)
    table = list(csv.reader(io.StringIO(stream.getvalue().decode("utf-8-sig")), delimiter=";"))
    header = table[0]
    via, member, score = (header.index(name) for name in ("Cách làm bài", "Đảng viên", "Điểm"))
    found = {row[member]: (row[via], row[score]) for row in table[1:]}
    assert found == {"Lê Văn An": ("trên máy", "10"), "Trần Thị Bình": ("điện thoại", "10"),
                     "Nguyễn Văn Cường": ("trên giấy", "10"), "Phạm Thị Dung": ("", "")}
    seconds = header.index("Thời gian (giây)")
    # A paper's time was not measured: blank, as the reports leave it (it read 0).
    assert {row[member]: row[seconds] == "" for row in table[1:]} == {
        "Lê Văn An": False, "Trần Thị Bình": False, "Nguyễn Văn Cường": True,
        "Phạm Thị Dung": True}

    path = write_atomically(tmp_path / "ket-qua.xlsx", prepare(store, catalog, Scope(),
                                                               "xlsx").write)
    scores, questions = load_workbook(path).worksheets
    header = [cell.value for cell in scores[1]]
    via = header.index("Cách làm bài")
    ways = {row[header.index("Đảng viên")].value: row[via].value
            for row in scores.iter_rows(min_row=2)}
    assert ways == {"Lê Văn An": "trên máy", "Trần Thị Bình": "điện thoại",
                    "Nguyễn Văn Cường": "trên giấy", "Phạm Thị Dung": None}
    asked = [row[2].value for row in questions.iter_rows(min_row=2)]
    assert asked
    assert all(count == 3 for count in asked)
