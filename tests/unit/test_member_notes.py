"""Same-named members told apart by a short note (issue 14 item 6): the store's
refusal, the note's round trip and cleaning, the one label every screen and
export shows."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export import bundle as bundle_module
from studyapp.export.bundle import BundleError, build_bundle, bundle_bytes, read_bundle
from studyapp.export.report import build_report, to_html, to_markdown
from studyapp.export.run import prepare
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.session import Mode
from studyapp.store.database import Database
from studyapp.store.exchange import Scope, dump_tables, merge_tables
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import MAX_NOTE_LENGTH, AttendanceStatus, member_label
from studyapp.store.store import DuplicateMemberError, Store, StoreError
from tests.conftest import wrong_response
from tests.unit.test_exports import make_good_bundle, rehash, write_json


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def test_a_second_namesake_needs_a_note_of_its_own(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    first = store.add_member(cell.id, "Nguyễn Văn An")
    for kwargs in ({}, {"allow_duplicate": True}, {"note": "   "}):
        with pytest.raises(DuplicateMemberError, match="ghi chú phân biệt"):
            store.add_member(cell.id, "nguyễn  văn an", **kwargs)  # type: ignore[arg-type]
    second = store.add_member(cell.id, "Nguyễn Văn An", note="sinh 1960")
    with pytest.raises(DuplicateMemberError, match="sinh 1960"):
        store.add_member(cell.id, "Nguyễn Văn An", note="Sinh 1960")  # the same note, case aside
    third = store.add_member(cell.id, "Nguyễn Văn An", note="con")
    assert len(store.find_members(cell.id, "Nguyễn Văn An")) == 3
    # Another cell's namesake is no twin; a name of its own needs no note.
    other = store.ensure_cell("Chi bộ Khu phố 2")
    assert store.add_member(other.id, "Nguyễn Văn An").note == ""
    assert store.add_member(cell.id, "Trần Thị Bình", note="tổ 3").note == "tổ 3"
    # The note round-trips, and the labels of the three differ.
    roster = store.members(cell.id)
    notes = {m.id: m.note for m in roster}
    assert (notes[first.id], notes[second.id], notes[third.id]) == ("", "sinh 1960", "con")
    labels = [member_label(m, roster) for m in roster if m.full_name == "Nguyễn Văn An"]
    assert len(set(labels)) == 3
    assert "Nguyễn Văn An (sinh 1960)" in labels
    assert "Nguyễn Văn An (con)" in labels
    # The one without a note (added before notes) keeps its code as a fallback.
    assert member_label(store.member(first.id), roster) == \
        f"Nguyễn Văn An (mã {first.id[:6].upper()})"
    assert member_label(store.member(first.id)) == "Nguyễn Văn An"  # no namesake given


def test_a_note_given_changed_and_cleared(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.set_pin(cell.id, "246813")
    first = store.add_member(cell.id, "Lê Văn Hùng", pin="246813")
    second = store.add_member(cell.id, "Lê Văn Hùng", note="bố", pin="246813")
    with pytest.raises(StoreError, match="PIN"):
        store.set_member_note(first.id, "con")
    assert store.set_member_note(first.id, "con", pin="246813").note == "con"
    assert store.member(first.id).note == "con"
    with pytest.raises(DuplicateMemberError, match="bố"):
        store.set_member_note(first.id, "BỐ", pin="246813")  # would make the two alike again
    # Clearing one note still leaves them apart (the other has one); clearing both does not.
    assert store.set_member_note(first.id, "", pin="246813").note == ""
    with pytest.raises(DuplicateMemberError, match="ghi chú phân biệt"):
        store.set_member_note(second.id, "", pin="246813")
    assert store.member(second.id).note == "bố"
    # Once one has left the roster, the other's note is free.
    store.remove_member(first.id, pin="246813")
    assert store.set_member_note(second.id, "", pin="246813").note == ""


@pytest.mark.parametrize(("typed", "stored"), [
    ("sinh\x1b[31m 1960\x1b[0m\x07", "sinh 1960"),       # escape codes and a bell dropped
    ("  tổ\n3\t ", "tổ 3"),                             # one line
    ("(sinh 1960)", "sinh 1960"),                       # the label adds its own parentheses
    ("[con]", "con"),
    ("[b]bố[/b]", "[b]bố[/b]"),                         # markup-like text kept, shown as typed
    ("x\u200by", "xy"),                                 # an invisible character dropped
])
def test_hostile_notes_are_cleaned(store: Store, typed: str, stored: str) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Phạm Văn Cường")
    member = store.add_member(cell.id, "Phạm Văn Cường", note=typed)
    assert member.note == stored
    assert store.member(member.id).note == stored
    assert member_label(store.member(member.id)) == f"Phạm Văn Cường ({stored})"


def test_a_note_longer_than_40_characters_is_refused(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Phạm Văn Cường")
    with pytest.raises(StoreError, match="tối đa 40"):
        store.add_member(cell.id, "Phạm Văn Cường", note="x" * 41)
    assert len(store.find_members(cell.id, "Phạm Văn Cường")) == 1
    assert store.add_member(cell.id, "Phạm Văn Cường", note="ở " * 20).note == ("ở " * 20).strip()


def test_import_keeps_reporting_names_already_there(store: Store) -> None:
    cell = store.ensure_cell("Chi bộ")
    store.add_member(cell.id, "Lê Văn An")
    report = store.import_members(cell.id, ["Lê Văn An", "Trần Thị Hoa"])
    assert [m.full_name for m in report.added] == ["Trần Thị Hoa"]
    assert report.duplicates == ("Lê Văn An",)
    assert all(m.note == "" for m in store.members(cell.id))


# --- the note in every export and in bundles ---------------------------------------------------


def _twins_meeting(store: Store, catalog: Catalog) -> str:
    """A cell with two Nguyễn Văn An (one "sinh 1960", one "con") and Trần Thị
    Bình; the first An answers everything right, the second gets two wrong."""
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    members = [store.add_member(cell.id, "Nguyễn Văn An", note="sinh 1960"),
               store.add_member(cell.id, "Nguyễn Văn An", note="con"),
               store.add_member(cell.id, "Trần Thị Bình")]
    settings = SessionSettings(count=4)
    session = store.open_session(cell.id, date(2026, 11, 26), topic="Học tập",
                                 pack_id=catalog.packs[0].id, lessons=[],
                                 settings=settings.to_data(), seed=7)
    for wrong_ones, member in zip((0, 2, 1), members, strict=True):
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        paper = session_paper(catalog, [], settings, session.seed, member.id)
        quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(member),
                                  session_id=session.id, time_limit=None, clock=store.clock)
        for position, item in enumerate(paper.items):
            quiz.answer(position, wrong_response(item.question) if position < wrong_ones
                        else correct_response(item.question))
        quiz.finish()
    store.close_session(session.id)
    return session.id


def test_csv_and_xlsx_tell_the_twins_apart(tmp_path: Path, store: Store,
                                           catalog: Catalog) -> None:
    _twins_meeting(store, catalog)
    out = io.BytesIO()
    prepare(store, catalog, Scope(), "csv", decimal="point").write(out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    name, note, score = (header.index(h) for h in ("Đảng viên", "Ghi chú phân biệt", "Điểm"))
    assert note == name + 1  # beside the name
    scores = {(row[name], row[note]): float(row[score]) for row in body}
    assert scores == {("Nguyễn Văn An", "sinh 1960"): 10.0, ("Nguyễn Văn An", "con"): 5.0,
                      ("Trần Thị Bình", ""): 7.5}
    path = tmp_path / "scores.xlsx"
    with path.open("wb") as stream:
        prepare(store, catalog, Scope(), "xlsx").write(stream)
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    name, note, score = (header.index(h) for h in ("Đảng viên", "Ghi chú phân biệt", "Điểm"))
    assert {(row[name].value, row[note].value): row[score].value
            for row in sheet.iter_rows(min_row=2)} == {
        ("Nguyễn Văn An", "sinh 1960"): 10, ("Nguyễn Văn An", "con"): 5,
        ("Trần Thị Bình", None): 7.5}


def test_a_twin_from_before_notes_is_told_apart_in_the_sheets_by_its_code(
        store: Store, catalog: Catalog) -> None:
    """Found walking a meeting: the screens and reports wrote "(mã 14916E)" for the
    twin who has no note (one added before notes existed), the CSV and XLSX nothing."""
    _twins_meeting(store, catalog)
    [first] = [m for m in store.members() if m.note == "sinh 1960"]
    with sqlite3.connect(store.database.path) as raw:  # as a schema-2 twin arrives
        raw.execute("UPDATE members SET note = '' WHERE id = ?", (first.id,))
    out = io.BytesIO()
    prepare(store, catalog, Scope(), "csv", decimal="point").write(out)
    rows = list(csv.reader(io.StringIO(out.getvalue().decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    name, note = header.index("Đảng viên"), header.index("Ghi chú phân biệt")
    code = f"mã {first.id[:6].upper()}"
    assert sorted((row[name], row[note]) for row in body) == [
        ("Nguyễn Văn An", "con"), ("Nguyễn Văn An", code), ("Trần Thị Bình", "")]
    assert member_label(store.member(first.id), store.members()) == f"Nguyễn Văn An ({code})"


def test_reports_show_the_label(store: Store, catalog: Catalog) -> None:
    session_id = _twins_meeting(store, catalog)
    text = to_markdown(build_report(store, catalog, [session_id]))
    assert "Nguyễn Văn An (sinh 1960)" in text
    assert "Nguyễn Văn An (con)" in text
    page = to_html(build_report(store, catalog, [session_id]))
    assert "Nguyễn Văn An (sinh 1960)" in page


def test_a_bundle_carries_the_note_and_an_office_gets_it(tmp_path: Path, store: Store,
                                                         catalog: Catalog) -> None:
    _twins_meeting(store, catalog)
    path = tmp_path / "cell.json"
    path.write_bytes(bundle_bytes(build_bundle(store, catalog, Scope())))
    rows = json.loads(path.read_bytes())["content"]["members"]
    assert sorted(row["note"] for row in rows) == ["", "con", "sinh 1960"]
    office = Store(Database(tmp_path / "office.sqlite3"))
    merge_tables(office, read_bundle(path, catalog).tables)
    assert sorted(member_label(m) for m in office.members()) == [
        "Nguyễn Văn An (con)", "Nguyễn Văn An (sinh 1960)", "Trần Thị Bình"]
    # Exported again from the office: the same notes, the same scores beside them.
    again = tmp_path / "again.json"
    again.write_bytes(bundle_bytes(build_bundle(office, catalog, Scope())))
    assert sorted(r["note"] for r in json.loads(again.read_bytes())["content"]["members"]) \
        == ["", "con", "sinh 1960"]
    # A note given later on the laptop reaches the office with the next bundle.
    binh = next(m for m in store.members() if m.full_name == "Trần Thị Bình")
    store.set_member_note(binh.id, "tổ 2")
    path.write_bytes(bundle_bytes(build_bundle(store, catalog, Scope())))
    report = merge_tables(office, read_bundle(path, catalog).tables)
    assert report.updated["members"] == 1
    assert office.member(binh.id).note == "tổ 2"


def test_a_version_2_bundle_without_notes_still_imports(tmp_path: Path, catalog: Catalog
                                                       ) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    for row in bundle["content"]["members"]:
        del row["note"]
    path = write_json(tmp_path / "old.json", rehash(bundle))
    office = Store(Database(tmp_path / "office.sqlite3"))
    report = merge_tables(office, read_bundle(path, catalog).tables)
    assert report.added["members"] == 2
    assert all(m.note == "" for m in office.members())


@pytest.mark.parametrize(("note", "expected"), [
    ("x" * 41, "members[0].note"),
    ("sinh\n1960", "members[0].note"),
    ("sinh \x1b[31m1960", "members[0].note"),
    (1960, "members[0].note"),
])
def test_a_bundle_note_too_long_multiline_or_hostile_is_refused(
        tmp_path: Path, catalog: Catalog, note: object, expected: str) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    bundle["content"]["members"][0]["note"] = note
    path = write_json(tmp_path / "bad.json", rehash(bundle))
    with pytest.raises(BundleError) as raised:
        read_bundle(path, catalog)
    assert expected in str(raised.value)


def test_the_schema_file_says_what_the_program_checks() -> None:
    schema = json.loads((Path(bundle_module.__file__).with_name("bundle_schema.json"))
                        .read_text(encoding="utf-8"))
    assert schema["members.note"]["maxLength"] == MAX_NOTE_LENGTH


def test_an_older_database_read_as_it_is_exports_no_note(tmp_path: Path,
                                                         catalog: Catalog) -> None:
    path = tmp_path / "old.sqlite3"
    store = Store(Database(path))
    _twins_meeting(store, catalog)
    store.database.close()
    connection = sqlite3.connect(path)  # back to schema 2: no notes, no languages
    connection.executescript("ALTER TABLE members DROP COLUMN note; "
                             "ALTER TABLE members DROP COLUMN language; "
                             "PRAGMA user_version = 2;")
    connection.close()
    old = Store(Database(path, read_only=True))
    tables = dump_tables(old, Scope())  # the rows a bundle of it holds
    assert [row["note"] for row in tables["members"]] == ["", "", ""]
    out = io.BytesIO()
    prepare(old, catalog, Scope(), "csv", decimal="point").write(out)
    assert "Ghi chú phân biệt" in out.getvalue().decode("utf-8-sig")


def test_export_of_one_twin_named_with_the_note(tmp_path: Path, catalog: Catalog,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "laptop.sqlite3"
    laptop = Store(Database(db))
    _twins_meeting(laptop, catalog)
    laptop.database.close()
    out = tmp_path / "an.csv"
    assert main(["export", "--member", "Nguyễn Văn An", "--format", "csv", "-o", str(out),
                 "--db", str(db)]) == 1
    assert "Nguyễn Văn An (con)" in capsys.readouterr().err  # which one? both named
    assert main(["export", "--member", "nguyen van an (con)", "--format", "csv", "-o", str(out),
                 "--decimal", "point", "--db", str(db)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    note = rows[0].index("Ghi chú phân biệt")
    assert [row[note] for row in rows[1:]] == ["con"]
