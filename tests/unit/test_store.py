"""The store: round trips, rosters, sessions, PINs, migrations and databases it cannot use."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading
from studyapp.demo import DemoError, fill
from studyapp.quiz.scoring import TextResponse, correct_response, grade
from studyapp.quiz.selection import draw_paper
from studyapp.quiz.session import Mode, QuizSession
from studyapp.store import schema
from studyapp.store.database import Database, DatabaseError
from studyapp.store.models import AttemptStatus, AttendanceStatus
from studyapp.store.store import (
    DuplicateMemberError,
    PinError,
    SessionClosedError,
    Store,
    StoreError,
)
from tests.conftest import DATA

T0 = datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
FIXTURES = DATA / "db"


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def test_nothing_is_created_until_the_first_write(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "studyapp.sqlite3"
    store = Store(Database(path))
    assert store.cells() == []
    assert store.members() == []
    assert store.unfinished_attempts() == []
    assert not path.exists()
    store.ensure_cell("Chi bộ 1")
    assert path.exists()


def test_roster_order_duplicates_and_names(store: Store) -> None:
    cell = store.ensure_cell("  Chi bộ   Khu phố 3 ")
    assert cell.name == "Chi bộ Khu phố 3"
    assert store.ensure_cell("chi bộ khu phố 3").id == cell.id  # the same cell, case aside
    for name in ("Đỗ Văn Bình", "Nguyễn Thị Ánh", "Trần Anh An", "Nguyễn Văn An", "Lê Văn An"):
        store.add_member(cell.id, name)
    assert [m.full_name for m in store.members(cell.id)] == [
        "Lê Văn An", "Nguyễn Văn An", "Trần Anh An", "Nguyễn Thị Ánh", "Đỗ Văn Bình"]
    with pytest.raises(DuplicateMemberError, match="đã có trong danh sách chi bộ"):
        store.add_member(cell.id, "nguyễn văn an")
    twin = store.add_member(cell.id, "Nguyễn Văn An", note="sinh 1985")
    assert len(store.find_members(cell.id, "Nguyễn Văn An")) == 2
    store.remove_member(twin.id)
    assert len(store.find_members(cell.id, "Nguyễn Văn An")) == 1
    assert store.member(twin.id).active is False  # kept, with its results


@pytest.mark.parametrize(("typed", "stored"), [
    ("Nguyễn [b]Văn[/b] An", "Nguyễn [b]Văn[/b] An"),
    ("Lê \x1b[31mVăn\x1b[0m Bình\x07", "Lê Văn Bình"),
    ("Trần\tThị\nHoa", "Trần Thị Hoa"),
])
def test_names_are_cleaned_not_interpreted(store: Store, typed: str, stored: str) -> None:
    cell = store.ensure_cell("Chi bộ")
    assert store.add_member(cell.id, typed).full_name == stored


def test_names_too_long_or_empty_are_refused(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    with pytest.raises(StoreError, match="300"):
        store.add_member(cell.id, "A" * 300)
    with pytest.raises(StoreError):
        store.add_member(cell.id, " \x07 ")


def test_import_reports_duplicates_and_refusals(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Lê Văn An")
    report = store.import_members(cell.id, ["Lê Văn An", "", "Trần Thị Hoa", "trần thị hoa",
                                            "B" * 200, "Phạm Văn Cường"])
    assert [m.full_name for m in report.added] == ["Trần Thị Hoa", "Phạm Văn Cường"]
    assert report.duplicates == ("Lê Văn An", "trần thị hoa")
    assert [line for line, _ in report.refused] == [5]


def test_pin_guards_roster_and_closing(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.set_pin(cell.id, "246813")
    assert store.cell(cell.id).has_pin
    stored = store._pin_hash(cell.id)
    assert stored is not None
    assert "246813" not in stored  # a salted hash, never the PIN
    assert stored.startswith("scrypt$")
    with pytest.raises(PinError):
        store.add_member(cell.id, "Lê Văn An")
    with pytest.raises(PinError):
        store.add_member(cell.id, "Lê Văn An", pin="1111")
    member = store.add_member(cell.id, "Lê Văn An", pin="246813")
    session = store.open_session(cell.id, date(2026, 11, 26), topic="T", pack_id="p",
                                 lessons=[], settings={}, seed=1)
    with pytest.raises(PinError):
        store.close_session(session.id)
    with pytest.raises(PinError):
        store.remove_member(member.id, pin="0000")
    with pytest.raises(PinError):
        store.set_pin(cell.id, None)  # removing it needs it too
    store.set_pin(cell.id, "135790", current_pin="246813")
    assert store.close_session(session.id, pin="135790").closed
    other = store.ensure_cell("Chi bộ khác")
    assert store._pin_hash(other.id) is None  # PINs are per cell


def test_attempt_round_trip_and_resume(store: Store, catalog: Catalog) -> None:
    cell = store.ensure_cell("Chi bộ")
    member = store.add_member(cell.id, "Lê Văn An")
    paper = draw_paper(catalog.questions, 6, seed=11)
    grading = catalog.packs[0].grading
    attempt = store.start_attempt(paper, Mode.TEST, member_id=member.id, pack_id="p",
                                  time_limit=timedelta(minutes=15), partial_credit=True,
                                  grading=grading, started_at=T0)
    session = QuizSession(paper, Mode.TEST, T0, timedelta(minutes=15), True, grading)
    for position in (0, 2, 3):
        item = paper.items[position]
        response = correct_response(item.question)
        session.answer(position, response, T0 + timedelta(minutes=position + 1))
        store.record_answer(attempt.id, session.events[-1], item,
                            grade(item.question, response), timedelta(seconds=40))
    session.flag(4, T0 + timedelta(minutes=5))
    store.record_event(attempt.id, session.events[-1])
    session.pause(T0 + timedelta(minutes=6))
    store.record_event(attempt.id, session.events[-1])

    assert [a.id for a in store.unfinished_attempts(member_id=member.id)] == [attempt.id]
    rebuilt, changed = store.resume(attempt.id, catalog)
    assert changed == []
    assert rebuilt.state() == session.state()
    answers = store.answers(attempt.id)
    assert [a.position for a in answers] == [0, 2, 3]
    assert all(a.credit == 1 and a.duration == timedelta(seconds=40) for a in answers)
    assert answers[0].question_hash == paper.items[0].question.content_hash

    before = len(rebuilt.events)
    result = rebuilt.finish(T0 + timedelta(minutes=9))
    finished = store.finish_attempt(attempt.id, rebuilt.events[before:], result)
    assert finished.status is AttemptStatus.FINISHED
    assert finished.score == result.score.value
    assert (finished.answered, finished.correct) == (3, 3)
    assert finished.time_paused == timedelta(minutes=3)
    assert store.unfinished_attempts() == []
    again, _ = store.resume(attempt.id, catalog)
    assert again.state() == rebuilt.state()


def test_changing_a_test_answer_keeps_one_answer_row(store: Store, catalog: Catalog) -> None:
    cell = store.ensure_cell("Chi bộ")
    member = store.add_member(cell.id, "Lê Văn An")
    fill_question = next(q for q in catalog.questions if q.type == "fill")
    paper = draw_paper([fill_question], 1, seed=1)
    attempt = store.start_attempt(paper, Mode.TEST, member_id=member.id, started_at=T0)
    session = QuizSession(paper, Mode.TEST, T0)
    for minute, text in ((1, "sai"), (2, fill_question.accepted[0])):
        session.answer(0, TextResponse(text), T0 + timedelta(minutes=minute))
        store.record_answer(attempt.id, session.events[-1], paper.items[0],
                            grade(fill_question, TextResponse(text)), timedelta(seconds=9))
    [answer] = store.answers(attempt.id)
    assert answer.credit == 1
    assert len(store.events(attempt.id)) == 2


def test_guests_lessons_read_and_attendance(store: Store, catalog: Catalog) -> None:
    paper = draw_paper(catalog.questions, 2, seed=3)
    guest = store.start_attempt(paper, Mode.PRACTICE, guest_name="Khách [/]", started_at=T0)
    assert store.attempt(guest.id).guest_name == "Khách [/]"
    with pytest.raises(StoreError):
        store.start_attempt(paper, Mode.PRACTICE, started_at=T0)  # nobody
    cell = store.ensure_cell("Chi bộ")
    member = store.add_member(cell.id, "Lê Văn An")
    store.mark_lesson_read(member.id, "p", "ii-2-6", T0)
    store.mark_lesson_read(member.id, "p", "ii-2-6", T0 + timedelta(days=1))
    [read] = store.lessons_read(member.id)
    assert (read.times, read.first_read_at, read.last_read_at) == (2, T0, T0 + timedelta(days=1))
    session = store.open_session(cell.id, date(2026, 11, 26), topic="Học tập", pack_id="p",
                                 lessons=["ii-2-6"], settings={"count": 10}, seed=42,
                                 run_by="Bí thư")
    assert store.session(session.id) == session
    store.set_attendance(session.id, member.id, AttendanceStatus.EXCUSED, "ốm")
    store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    [mark] = store.attendance(session.id)
    assert (mark.status, mark.note) == (AttendanceStatus.PRESENT, "")


def test_closed_sessions_cannot_change(store: Store, catalog: Catalog, tmp_path: Path) -> None:
    cell = store.ensure_cell("Chi bộ")
    tested, untested = (store.add_member(cell.id, n) for n in ("Lê Văn An", "Trần Thị Hoa"))
    session = store.open_session(cell.id, date(2026, 11, 26), topic="T", pack_id="p",
                                 lessons=[], settings={}, seed=1)
    for member in (tested, untested):
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
    paper = draw_paper(catalog.questions, 2, seed=3)
    done = store.start_attempt(paper, Mode.TEST, member_id=tested.id, session_id=session.id,
                               started_at=T0)
    quiz = QuizSession(paper, Mode.TEST, T0)
    result = quiz.finish(T0 + timedelta(minutes=1))
    store.finish_attempt(done.id, quiz.events, result)
    unfinished = store.start_attempt(paper, Mode.TEST, member_id=untested.id,
                                     session_id=session.id, started_at=T0)
    store.close_session(session.id)
    statuses = {a.member_id: a.status for a in store.attendance(session.id)}
    assert statuses == {tested.id: AttendanceStatus.PRESENT,
                        untested.id: AttendanceStatus.NOT_TESTED}
    assert store.attempt(unfinished.id).status is AttemptStatus.ABANDONED
    for change in (
        lambda: store.set_attendance(session.id, tested.id, AttendanceStatus.ABSENT),
        lambda: store.start_attempt(paper, Mode.TEST, member_id=tested.id,
                                    session_id=session.id, started_at=T0),
        lambda: store.delete_attempt(done.id),
        lambda: store.close_session(session.id),
        lambda: store.record_event(done.id, quiz.events[-1]),
    ):
        with pytest.raises(SessionClosedError):
            change()
    # Even outside the program, the database itself refuses.
    raw = sqlite3.connect(store.database.path)
    for sql in ("UPDATE events SET position = 0", "DELETE FROM attempts",
                "UPDATE sessions SET topic = 'x'", "DELETE FROM attendance"):
        with pytest.raises(sqlite3.IntegrityError, match="session closed"):
            raw.execute(sql)
    raw.close()


def test_demo_is_deterministic_and_healthy(tmp_path: Path, catalog: Catalog) -> None:
    dumps, ids = [], []
    for name in ("a", "b"):
        store = Store(Database(tmp_path / f"{name}.sqlite3"))
        report = fill(store, catalog, seed=5, cells=2, members=8, sessions=3, questions=6)
        assert report.answers > 100
        assert store.database.check().healthy
        store.database.close()
        connection = sqlite3.connect(tmp_path / f"{name}.sqlite3")
        ids.append(connection.execute(
            "SELECT value FROM meta WHERE key = 'database_id'").fetchone()[0])
        dumps.append([line for line in connection.iterdump() if "'database_id'" not in line])
        connection.close()
    assert dumps[0] == dumps[1]
    # Every database has its own id, demo or not: it is what tells a foreign -wal apart.
    assert ids[0] != ids[1]
    store = Store(Database(tmp_path / "a.sqlite3"))
    with pytest.raises(DemoError):
        fill(store, catalog, seed=5)  # never into a database that has data
    scores = [a.score for a in store.attempts(status=AttemptStatus.FINISHED) if a.score]
    assert len(set(scores)) > 5  # a spread, not one score for everybody


def test_backup_while_in_use_and_check(store: Store, tmp_path: Path) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Lê Văn An")
    copy = store.database.backup(tmp_path / "copy.sqlite3")
    assert Store(Database(copy)).members()[0].full_name == "Lê Văn An"
    with pytest.raises(DatabaseError):
        store.database.backup(copy)  # never overwritten
    assert store.database.check().healthy


# --- migrations --------------------------------------------------------------------------------


def test_the_released_schema_1_database_opens(tmp_path: Path) -> None:
    """tests/data/db/schema-1.sqlite3 was written by schema 1 (see make_fixtures.py)."""
    copy = tmp_path / "schema-1.sqlite3"
    shutil.copy(FIXTURES / "schema-1.sqlite3", copy)
    store = Store(Database(copy))
    assert "Lê Văn An" in [m.full_name for m in store.members()]  # read as it is
    assert store.database.check().schema_version == 1
    store.ensure_cell("Chi bộ mới")  # the first write migrates it to the current schema
    report = store.database.check()
    assert report.healthy
    assert report.schema_version == schema.SCHEMA_VERSION
    assert "Lê Văn An" in [m.full_name for m in store.members()]
    assert store.attempts()


def test_the_released_schema_2_database_opens_and_gains_the_member_note(tmp_path: Path) -> None:
    """tests/data/db/schema-2.sqlite3 was written by schema 2, before members had a note
    and a language of their own."""
    copy = tmp_path / "schema-2.sqlite3"
    shutil.copy(FIXTURES / "schema-2.sqlite3", copy)
    before = {m.id: m.full_name for m in Store(Database(copy)).members()}
    store = Store(Database(copy))
    read = store.members()
    assert before
    assert {m.id: m.full_name for m in read} == before  # read as it is
    assert all(m.note == "" and m.language is None for m in read)
    assert store.database.check().schema_version == 2
    store.ensure_cell("Chi bộ mới")  # the first write migrates it to the current schema
    assert store.database.check().schema_version == schema.SCHEMA_VERSION >= 3
    with sqlite3.connect(copy) as raw:
        columns = {row[1] for row in raw.execute("PRAGMA table_info(members)")}
    assert {"note", "language"} <= columns
    assert {m.id: (m.full_name, m.note) for m in store.members()} == {
        key: (name, "") for key, name in before.items()}
    assert store.attempts()


def test_a_migration_backs_up_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "schema-1.sqlite3"
    shutil.copy(FIXTURES / "schema-1.sqlite3", copy)
    original = sha(copy)
    monkeypatch.setattr(schema, "MIGRATIONS", (*schema.MIGRATIONS,
                                               "ALTER TABLE cells ADD COLUMN motto TEXT;"))
    version = len(schema.MIGRATIONS)  # every released migration, then the one made up here
    monkeypatch.setattr("studyapp.store.database.MIGRATIONS", schema.MIGRATIONS)
    monkeypatch.setattr("studyapp.store.database.SCHEMA_VERSION", version)
    store = Store(Database(copy))
    store.ensure_cell("Chi bộ mới")  # the first write migrates
    [backup] = tmp_path.glob(f"schema-1.before-v{version}-*.sqlite3")
    assert "Lê Văn An" in [m.full_name for m in Store(Database(backup)).members()]
    raw = sqlite3.connect(copy)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == version
    assert "motto" in [row[1] for row in raw.execute("PRAGMA table_info(cells)")]
    raw.close()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1  # taken before migrating
    old.close()
    assert sha(FIXTURES / "schema-1.sqlite3") == original


# --- databases it cannot use ------------------------------------------------------------------


def make_db(tmp_path: Path, name: str = "studyapp.sqlite3") -> Path:
    path = tmp_path / name
    store = Store(Database(path))
    cell = store.ensure_cell("Chi bộ")
    for index in range(200):
        store.add_member(cell.id, f"Đảng viên số {index}")
    store.database.close()
    return path


def refused(path: Path, match: str) -> None:
    """The database is refused with a message naming the file, and left exactly as it was."""
    before = sha(path)
    files = sorted(p.name for p in path.parent.iterdir())

    def use() -> None:
        store = Store(Database(path, busy_timeout=0.2))
        store.members()
        store.ensure_cell("Chi bộ khác")

    with pytest.raises(DatabaseError) as raised:
        use()
    assert str(path) in raised.value.message
    assert match in raised.value.message
    assert sha(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == files


def test_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Đây là ghi chú, không phải cơ sở dữ liệu.\n" * 50, encoding="utf-8")
    refused(path, "không phải cơ sở dữ liệu SQLite")


def test_truncated(tmp_path: Path) -> None:
    path = make_db(tmp_path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    refused(path, "bị cụt")


def test_another_programs_database(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE accounts (id INTEGER, balance REAL)")
    connection.commit()
    connection.close()
    refused(path, "chương trình khác")


def test_newer_schema(tmp_path: Path) -> None:
    path = make_db(tmp_path)
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA user_version = 99")
    connection.close()
    refused(path, "phiên bản studyapp mới hơn")


def test_locked(tmp_path: Path) -> None:
    path = make_db(tmp_path)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE cells SET name = name")
    try:
        with pytest.raises(DatabaseError) as raised:
            Store(Database(path, busy_timeout=0.2)).ensure_cell("Chi bộ khác")
        assert "khóa" in raised.value.message
        assert str(path) in raised.value.message
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_read_only(tmp_path: Path) -> None:
    path = make_db(tmp_path)
    before = sha(path)
    made_immutable = subprocess.run(["chattr", "+i", str(path)], capture_output=True,
                                     check=False).returncode == 0
    if not made_immutable:
        path.chmod(0o444)
        try:
            path.open("a").close()
            pytest.skip("cannot make a file read-only here (root without chattr)")
        except PermissionError:
            pass
    try:
        store = Store(Database(path, busy_timeout=0.2))
        assert len(store.members()) == 200  # reading still works
        with pytest.raises(DatabaseError) as raised:
            store.add_member(store.cells()[0].id, "Người mới")
        assert "chỉ đọc" in raised.value.message
        assert str(path) in raised.value.message
    finally:
        if made_immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        path.chmod(0o644)
    assert sha(path) == before


def test_a_half_written_answer_never_lands(store: Store, catalog: Catalog,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """An error inside the answer's transaction leaves neither its event nor its row."""
    cell = store.ensure_cell("Chi bộ")
    member = store.add_member(cell.id, "Lê Văn An")
    paper = draw_paper(catalog.questions, 1, seed=1)
    attempt = store.start_attempt(paper, Mode.TEST, member_id=member.id, started_at=T0)
    session = QuizSession(paper, Mode.TEST, T0)
    response = correct_response(paper.items[0].question)
    session.answer(0, response, T0)
    credit = grade(paper.items[0].question, response)
    broken = credit.__class__(Fraction(1), Fraction(1), understood_as=object())  # type: ignore[arg-type]
    with pytest.raises(sqlite3.Error):
        store.record_answer(attempt.id, session.events[-1], paper.items[0], broken,
                            timedelta(seconds=1))
    assert store.events(attempt.id) == []
    assert store.answers(attempt.id) == []
    store.record_answer(attempt.id, session.events[-1], paper.items[0], credit,
                        timedelta(seconds=1))
    assert len(store.answers(attempt.id)) == 1


def test_grading_survives_storage(store: Store, catalog: Catalog) -> None:
    grading = Grading(Fraction(100), catalog.packs[0].grading.bands, Fraction(101, 2))
    paper = draw_paper(catalog.questions, 1, seed=1)
    attempt = store.start_attempt(paper, Mode.TEST, guest_name="Khách", grading=grading,
                                  started_at=T0)
    session, _ = store.resume(attempt.id, catalog)
    assert session.grading == grading


def test_a_members_interface_language_is_kept_with_them(store: Store, tmp_path: Path) -> None:
    # Issue 14 item 19: chosen per learner, None is the laptop's default again.
    cell = store.ensure_cell("Chi bộ 1")
    lan = store.add_member(cell.id, "Nguyễn Thị Lan")
    binh = store.add_member(cell.id, "Trần Văn Bình")
    assert store.member(lan.id).language is None
    store.set_member_language(lan.id, "en")
    reopened = Store(Database(tmp_path / "studyapp.sqlite3"))
    assert reopened.member(lan.id).language == "en"
    assert reopened.member(binh.id).language is None  # for her alone
    assert {m.id: m.language for m in reopened.members(cell.id)} == {lan.id: "en", binh.id: None}
    store.set_member_language(lan.id, None)
    assert store.member(lan.id).language is None
    with pytest.raises(StoreError):
        store.set_member_language("no-such-member", "vi")
    with pytest.raises(ValueError, match="fr"):
        store.set_member_language(lan.id, "fr")
    assert store.member(lan.id).language is None
