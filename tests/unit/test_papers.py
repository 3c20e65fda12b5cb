"""A session on paper: each present member's paper, entered by the secretary, corrected, refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.quiz.entry import EntryError, format_entry
from studyapp.quiz.scoring import correct_response, grade
from studyapp.quiz.session import Mode
from studyapp.store.database import Database
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttemptStatus, AttendanceStatus, StudySession
from studyapp.store.papers import (
    PaperEntryError,
    check_entry,
    enter_paper,
    find_paper,
    paper_of,
    session_papers,
)
from studyapp.store.report import session_report
from studyapp.store.store import PinError, SessionClosedError, Store
from tests.conftest import wrong_response


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def open_session(store: Store, catalog: Catalog, *, variants: bool = True,
                 names: tuple[str, ...] = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"),
                 ) -> StudySession:
    cell = store.ensure_cell("Chi bộ 1")
    # A name given again is a namesake: told apart by a note ("sinh 1960" for the second).
    members = [store.add_member(cell.id, name, note="sinh 1960" if name in names[:i] else "")
               for i, name in enumerate(names)]
    session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                 pack_id=catalog.packs[0].id, lessons=[],
                                 settings={"count": 10, "variants": variants}, seed=7)
    for member in members[:-1]:
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    store.set_attendance(session.id, members[-1].id, AttendanceStatus.ABSENT)
    return session


def reviews(store: Store, member_id: str) -> int:
    rows = store._rows("SELECT sum(reviews) AS n FROM review_cards WHERE member_id = ?",
                       (member_id,))
    return int(rows[0]["n"] or 0)


def right_text(store: Store, catalog: Catalog, session_id: str, member_id: str) -> str:
    paper = paper_of(store, catalog, session_id, member_id).paper
    return format_entry(paper, [correct_response(i.question) for i in paper.items],
                        numbered=False)


def test_each_present_member_has_their_own_paper_and_code(store: Store,
                                                          catalog: Catalog) -> None:
    session = open_session(store, catalog)
    papers = session_papers(store, catalog, session.id)
    assert [p.member.full_name for p in papers] == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert papers[0].paper.seed != papers[1].paper.seed
    assert papers[0].code != papers[1].code
    assert find_paper(store, catalog, session.id, f"#{papers[1].code}") == papers[1]
    with pytest.raises(PaperEntryError, match="000000"):
        find_paper(store, catalog, session.id, "000000")


def test_one_paper_for_everyone_shares_its_code(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog, variants=False)
    papers = session_papers(store, catalog, session.id)
    assert papers[0].paper == papers[1].paper
    with pytest.raises(PaperEntryError):
        find_paper(store, catalog, session.id, papers[0].code)


def test_twins_are_told_apart_on_their_papers(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog, names=("Lê Thị Hoa", "Lê Thị Hoa", "Vắng"))
    labels = [p.label for p in session_papers(store, catalog, session.id)]
    assert len(set(labels)) == 2
    assert all(label.startswith("Lê Thị Hoa") for label in labels)
    assert "Lê Thị Hoa (sinh 1960)" in labels  # the note the secretary gave, on the paper


def test_an_entered_paper_counts_like_a_keyboard_test(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog)
    an, binh = (p.member for p in session_papers(store, catalog, session.id))
    attempt = enter_paper(store, catalog, session.id, an.id,
                          right_text(store, catalog, session.id, an.id))
    assert attempt.status is AttemptStatus.FINISHED
    assert attempt.settings["via"] == "paper"
    assert attempt.settings["entered"]["by"] == "secretary"
    assert attempt.answered == attempt.correct == 10
    # Bình at the keyboard with the same answers for comparison: the same rows.
    paper = paper_of(store, catalog, session.id, binh.id).paper
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(binh),
                              session_id=session.id, pack_id=session.pack_id,
                              grading=catalog.packs[0].grading)
    for position, item in enumerate(paper.items):
        quiz.answer(position, wrong_response(item.question) if position == 0
                    else correct_response(item.question))
    quiz.finish()
    report = session_report(store, catalog, session.id)
    assert report.row(an.id).counted == attempt
    assert report.row(binh.id).counted is not None
    assert report.figures.tested == 2
    keyboard = {a.position: a.credit for a in store.answers(quiz.id)}
    entered = {a.position: a.credit for a in store.answers(attempt.id)}
    assert sum(keyboard.values()) == 9
    assert sum(entered.values()) == 10
    # The member's review cards were reviewed by the entry, as by a test.
    assert reviews(store, an.id) == len({item.question.full_id for item in paper.items})


def test_a_correction_replaces_the_answers_and_keeps_the_first_entry(store: Store,
                                                                      catalog: Catalog) -> None:
    session = open_session(store, catalog)
    store.set_pin(session.cell_id, "123456")
    an = session_papers(store, catalog, session.id)[0]
    first = enter_paper(store, catalog, session.id, an.member.id, "-" * 10)
    assert first.answered == 0
    text = right_text(store, catalog, session.id, an.member.id)
    with pytest.raises(PaperEntryError):
        enter_paper(store, catalog, session.id, an.member.id, text)
    with pytest.raises(PinError):
        enter_paper(store, catalog, session.id, an.member.id, text, correct=True, pin="9")
    assert store.attempt(first.id) == first
    corrected = enter_paper(store, catalog, session.id, an.member.id, text, correct=True,
                            pin="123456")
    assert corrected.id == first.id
    assert corrected.correct == 10
    assert corrected.settings["corrections"][0]["previous"]["text"] == "-" * 10
    assert len(store.answers(first.id)) == 10
    assert len(store.attempts(session_id=session.id)) == 1
    assert reviews(store, an.member.id) == 0  # reviewed by the first (blank) entry only


def test_refusals_change_nothing(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog)
    an, binh = (p.member for p in session_papers(store, catalog, session.id))
    absent = next(m for m in store.members(session.cell_id) if m.full_name == "Lê Văn Cường")
    with pytest.raises(PaperEntryError, match="Lê Văn Cường"):
        enter_paper(store, catalog, session.id, absent.id, "-" * 10)
    # Bình's paper code on An's entry: another member's paper.
    code = paper_of(store, catalog, session.id, binh.id).code
    with pytest.raises(EntryError, match=code):
        enter_paper(store, catalog, session.id, an.id, f"#{code} " + "-" * 10)
    with pytest.raises(EntryError):
        enter_paper(store, catalog, session.id, an.id, "A" * 11)
    # Taking the test at the keyboard, then on paper too: refused.
    paper = paper_of(store, catalog, session.id, binh.id).paper
    RecordedQuiz.start(store, paper, Mode.TEST, store.learner(binh), session_id=session.id)
    with pytest.raises(PaperEntryError):
        enter_paper(store, catalog, session.id, binh.id, "-" * 10)
    assert [a.member_id for a in store.attempts(session_id=session.id)] == [binh.id]
    # A closed session takes no entry, and no review reads as if it would.
    text = right_text(store, catalog, session.id, an.id)
    store.close_session(session.id)
    with pytest.raises(SessionClosedError):
        check_entry(store, catalog, session.id, an.id, text)
    with pytest.raises(SessionClosedError):
        enter_paper(store, catalog, session.id, an.id, text)
    assert [a.member_id for a in store.attempts(session_id=session.id)] == [binh.id]


def test_the_review_grades_without_writing(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog)
    an = session_papers(store, catalog, session.id)[0]
    checked = check_entry(store, catalog, session.id, an.member.id,
                          right_text(store, catalog, session.id, an.member.id))
    assert checked.result.correct == 10
    assert checked.replaces is None
    assert all(grade(item.question, response).correct for item, response in
               zip(an.paper.items, checked.entry.responses, strict=True))
    assert store.attempts(session_id=session.id) == []
