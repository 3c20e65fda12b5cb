"""Bundles a real meeting makes (retakes, time-ups) import back; hostile ones are refused
with a located message, never SQLite's words, and leave no database file behind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export.bundle import build_bundle, bundle_bytes, read_bundle
from studyapp.store.exchange import Scope, merge_tables
from studyapp.store.store import Store
from tests.unit.test_exports import (
    NOW,
    csv_bytes,
    make_good_bundle,
    make_retake_store,
    new_store,
    rehash,
    table_counts,
    write_json,
)


@pytest.fixture
def good_bundle(tmp_path: Path, catalog: Catalog) -> dict[str, Any]:
    return make_good_bundle(tmp_path, catalog)


@pytest.fixture
def retake_store(tmp_path: Path, catalog: Catalog) -> Store:
    return make_retake_store(tmp_path, catalog)


def test_a_cell_with_a_retake_goes_through_the_cli_into_an_empty_database(
        tmp_path: Path, retake_store: Store, catalog: Catalog,
        capsys: pytest.CaptureFixture[str]) -> None:
    cell = retake_store.cells()[0]
    source = tmp_path / "retake.sqlite3"
    path = tmp_path / "cell.json"
    assert main(["export", "--cell", cell.name, "--format", "json", "-o", str(path),
                 "--db", str(source)]) == 0
    # The retake must come before the attempt it replaces in the bundle's order for this
    # test to mean anything: ids are random, so put it first by hand if it is not.
    data = json.loads(path.read_bytes())
    attempts = data["content"]["attempts"]
    attempts.sort(key=lambda row: row["retake_of"] is None)
    path.write_bytes(bundle_bytes(rehash(data)))
    office = tmp_path / "office.sqlite3"
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office)]) == 0, capsys.readouterr().err
    target = new_store(office)
    assert csv_bytes(retake_store, catalog, Scope()) == csv_bytes(target, catalog, Scope())


def _refused(tmp_path: Path, catalog: Catalog, bundle: dict[str, Any], expected: str,
             capsys: pytest.CaptureFixture[str]) -> str:
    """The bundle is refused by `studyapp import` into a new database with a message
    holding `expected`, never SQLite's words, and no database file is left."""
    path = write_json(tmp_path / "hostile.json", bundle)
    office = tmp_path / "office-new.sqlite3"
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office)]) != 0
    message = capsys.readouterr().err
    assert expected in message, message
    assert "constraint" not in message.lower()
    assert "Traceback" not in message
    assert not office.exists()
    assert not list(tmp_path.glob("office-new.sqlite3*"))
    return message


def _two_attempts(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    attempts = bundle["content"]["attempts"]
    assert len(attempts) >= 2
    return attempts


REFERENCE_EDITS = [
    ("self-retake", lambda b: _two_attempts(b)[0].update(retake_of=_two_attempts(b)[0]["id"]),
     "làm lại chính nó"),
    ("retake cycle", lambda b: (
        _two_attempts(b)[0].update(retake_of=_two_attempts(b)[1]["id"]),
        _two_attempts(b)[1].update(retake_of=_two_attempts(b)[0]["id"])),
     "của người khác"),
    ("member of another cell", lambda b: (
        b["content"]["cells"].append(dict(b["content"]["cells"][0], id="cell-other",
                                          name="Chi bộ Khác")),
        b["content"]["members"][0].update(cell_id="cell-other")),
     "không thuộc chi bộ của buổi"),
    ("score of 2**70", lambda b: b["content"]["attempts"][0].update(score_num=2 ** 70),
     "attempts[0].score_num: 1180591620717411303424 nằm ngoài khoảng"),
    ("seed of 2**80", lambda b: b["content"]["sessions"][0].update(seed=2 ** 80),
     "sessions[0].seed"),
    ("negative 2**70 seed", lambda b: b["content"]["sessions"][0].update(seed=-2 ** 70),
     "sessions[0].seed"),
    ("-1 on an answer event", lambda b: next(
        e for e in b["content"]["events"] if e["kind"] == "answer").update(position=-1),
     "position: -1 nằm ngoài khoảng"),
    ("answer outside the paper", lambda b: b["content"]["answers"][0].update(position=99),
     "answers[0].position: câu thứ 99 không có trong đề"),
    ("answer to another question than the paper's",
     lambda b: b["content"]["answers"][0].update(
         question_id=b["content"]["answers"][1]["question_id"]),
     "không phải câu ở vị trí này"),
    ("dangling retake", lambda b: b["content"]["attempts"][0].update(retake_of="nowhere"),
     "attempts[0].retake_of: trỏ tới nowhere"),
]


@pytest.mark.parametrize("case", REFERENCE_EDITS, ids=[case[0] for case in REFERENCE_EDITS])
def test_reference_faults_are_named_before_anything_is_written(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    _name, edit, expected = case
    edit(good_bundle)
    _refused(tmp_path, catalog, rehash(good_bundle), expected, capsys)


def test_a_retake_cycle_is_named_as_a_cycle(tmp_path: Path, catalog: Catalog,
                                            retake_store: Store,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bundle = build_bundle(retake_store, catalog, Scope(), now=NOW)
    retake = next(row for row in bundle["content"]["attempts"] if row["retake_of"])
    replaced = next(row for row in bundle["content"]["attempts"]
                    if row["id"] == retake["retake_of"])
    replaced["retake_of"] = retake["id"]
    _refused(tmp_path, catalog, rehash(bundle), "thành vòng tròn", capsys)


def test_twins_of_one_cell_arrive_as_two_people(tmp_path: Path, catalog: Catalog,
                                                good_bundle: dict[str, Any]) -> None:
    members = good_bundle["content"]["members"]
    members[1]["full_name"] = members[0]["full_name"]
    path = write_json(tmp_path / "twins.json", rehash(good_bundle))
    office = new_store(tmp_path / "office.sqlite3")
    report = merge_tables(office, read_bundle(path, catalog).tables)
    assert report.added["members"] == 2
    [cell] = office.cells()
    assert [m.full_name for m in office.members(cell.id)] == [members[0]["full_name"]] * 2


def test_twins_meeting_one_namesake_here_are_a_conflict_not_an_sqlite_error(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    members = good_bundle["content"]["members"]
    office_path = tmp_path / "office.sqlite3"
    office = new_store(office_path)
    cell = office.ensure_cell(good_bundle["content"]["cells"][0]["name"])
    office.add_member(cell.id, members[0]["full_name"])
    office.database.close()
    members[1]["full_name"] = members[0]["full_name"]
    path = write_json(tmp_path / "twins.json", rehash(good_bundle))
    before = table_counts(office_path)
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office_path)]) == 1
    message = capsys.readouterr().err
    assert members[0]["full_name"] in message
    assert "constraint" not in message.lower()
    assert table_counts(office_path) == before
