"""`studyapp demo` makes what a real meeting makes, and every cell's file of a demo
database goes to an empty ward database and comes out the same (issue 14,
"Realistic demo data" and "Tests" for items 1–3)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.store.database import Database
from studyapp.store.store import Store, StoreError


def demo(tmp_path: Path, name: str, seed: int, capsys: pytest.CaptureFixture[str]) -> str:
    db = str(tmp_path / name)
    assert main(["demo", "--seed", str(seed), "--cells", "3", "--members", "8", "--sessions",
                 "3", "--questions", "6", "--db", db]) == 0
    capsys.readouterr()
    return db


def rows(db: str, sql: str) -> list[tuple[Any, ...]]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_the_demo_makes_every_kind_of_record_a_meeting_makes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = demo(tmp_path, "demo.sqlite3", 1, capsys)
    one = rows(db, "SELECT count(*) FROM attempts WHERE retake_of IS NOT NULL")[0][0]
    cells = rows(db, "SELECT count(*) FROM cells")[0][0]
    assert one >= 3 * 3  # a retake at every meeting
    # Twins in each cell, each with the note that tells them apart.
    twins = rows(db, "SELECT cell_id, full_name, group_concat(note, '|') FROM members "
                     "GROUP BY cell_id, name_key HAVING count(*) > 1")
    assert len(twins) == cells
    assert all("" not in notes.split("|") for _, _, notes in twins)
    # One name in two cells (different people).
    assert rows(db, "SELECT full_name FROM members GROUP BY name_key "
                    "HAVING count(DISTINCT cell_id) > 1")
    marks = dict(rows(db, "SELECT status, count(*) FROM attendance GROUP BY status"))
    assert marks.keys() == {"present", "excused", "absent", "not_tested"}
    reasons = {note for (note,) in rows(db, "SELECT note FROM attendance "
                                            "WHERE status = 'excused'")}
    assert "" not in reasons
    assert len(reasons) >= 2
    states = dict(rows(db, "SELECT status, count(*) FROM attempts GROUP BY status"))
    assert states.keys() == {"finished", "abandoned", "in_progress"}
    # Interrupted: a test still going in a meeting still open.
    assert rows(db, "SELECT count(*) FROM attempts a JOIN sessions s ON s.id = a.session_id "
                    "WHERE a.status = 'in_progress' AND s.status = 'open'")[0][0] >= 1
    # Partial credit, and scores that are not whole numbers.
    assert rows(db, "SELECT count(*) FROM answers WHERE credit_num NOT IN (0, credit_den)"
                )[0][0] > 0
    assert rows(db, "SELECT count(*) FROM attempts WHERE status = 'finished' "
                    "AND score_num % score_den != 0")[0][0] > 0
    assert {json.loads(settings)["partial_credit"] for (settings,) in
            rows(db, "SELECT settings FROM sessions")} == {True, False}


def _content(path: Path) -> dict[str, Any]:
    """A bundle's tables, without when and by what it was written."""
    content = json.loads(path.read_text(encoding="utf-8"))["content"]
    return {key: value for key, value in content.items()
            if key not in ("created_at", "created_by")}


def test_every_demo_cell_goes_to_an_empty_ward_and_comes_out_the_same(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = demo(tmp_path, "demo.sqlite3", 2, capsys)
    names = [name for (name,) in rows(db, "SELECT name FROM cells ORDER BY name")]
    office = str(tmp_path / "office.sqlite3")
    sent = {}
    for number, name in enumerate(names):
        path = tmp_path / f"cell{number}.json"
        assert main(["export", "--cell", name, "--format", "json", "-o", str(path),
                     "--db", db]) == 0
        sent[name] = _content(path)
        assert main(["import", str(path), "--db", office]) == 0, capsys.readouterr().err
    said = capsys.readouterr().out
    assert said.count("lần đầu") == len(names)
    for number, name in enumerate(names):
        again = tmp_path / f"again{number}.json"
        assert main(["export", "--cell", name, "--format", "json", "-o", str(again),
                     "--db", office]) == 0
        assert _content(again) == sent[name], name
    # The rows themselves: a retake and its replaced test, twins, an interrupted test.
    for table in ("cells", "members", "sessions", "attendance"):
        assert rows(office, f"SELECT count(*) FROM {table}") == \
            rows(db, f"SELECT count(*) FROM {table}"), table
    # Tests at meetings (practice at home stays on the laptop: a cell's file is its meetings).
    tests = ("SELECT a.status, a.retake_of IS NOT NULL, count(*), sum(a.score_num), "
             "(SELECT count(*) FROM answers n JOIN attempts b ON b.id = n.attempt_id "
             " WHERE b.session_id IS NOT NULL) "
             "FROM attempts a WHERE a.session_id IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2")
    assert rows(office, tests) == rows(db, tests)
    assert {state for state, *_ in rows(office, tests)} == {"finished", "abandoned",
                                                            "in_progress"}
    # And a second time, nothing new.
    assert main(["import", str(tmp_path / "cell0.json"), "--db", office]) == 0
    assert "Không có gì mới" in capsys.readouterr().out


def test_cells_of_one_name_in_two_demo_databases_never_fuse_silently(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = demo(tmp_path, "ward-a.sqlite3", 3, capsys)
    second = demo(tmp_path, "ward-b.sqlite3", 4, capsys)
    office = str(tmp_path / "office.sqlite3")
    for number, db in enumerate((first, second)):
        path = tmp_path / f"kp1-{number}.json"
        assert main(["export", "--cell", "Chi bộ Khu phố 1", "--format", "json", "-o",
                     str(path), "--db", db]) == 0
    assert main(["import", str(tmp_path / "kp1-0.json"), "--db", office]) == 0
    capsys.readouterr()
    # Refused, nothing written: by name (the cell and its members), or, when one of
    # its names belongs here to twins, as a member it cannot tell whom to match with.
    assert main(["import", str(tmp_path / "kp1-1.json"), "--db", office]) == 1
    said = capsys.readouterr().err
    assert "Chi bộ Khu phố 1" in said or "trùng tên" in said, said
    store = Store(Database(Path(office)))
    [cell] = store.cells()
    assert len(store.members(cell.id)) == 8  # one roster, not two fused


def test_a_members_note_is_one_short_line(tmp_path: Path) -> None:
    store = Store(Database(tmp_path / "notes.sqlite3"))
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    first = store.add_member(cell.id, "Nguyễn Văn An")
    twin = store.add_member(cell.id, "Nguyễn Văn An", note="con")
    assert store.set_member_note(twin.id, "  con\nông Tư ").note == "con ông Tư"
    with pytest.raises(StoreError, match="tối đa 40"):
        store.set_member_note(first.id, "x" * 41)
    assert store.member(first.id).note == ""
    store.set_pin(cell.id, "246810")
    with pytest.raises(StoreError):
        store.set_member_note(first.id, "bố", pin="111111")
    assert store.set_member_note(first.id, "bố", pin="246810").note == "bố"
