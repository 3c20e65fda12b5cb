"""Hostile bundles, made by hand and signed again (`rehash`), so that they pass the hash and
the signature and reach the checks across rows: each is refused with its located message
(never SQLite's words, no file left behind), or merged as it should be."""

from __future__ import annotations

import json
import re
import sqlite3
import time
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export.bundle import BundleError, read_bundle
from studyapp.store.exchange import merge_tables
from tests.unit.test_bundle_import import _refused
from tests.unit.test_exports import make_good_bundle, new_store, rehash, table_counts, write_json


@pytest.fixture
def good_bundle(tmp_path: Path, catalog: Catalog) -> dict[str, Any]:
    return make_good_bundle(tmp_path, catalog)


def _content(bundle: dict[str, Any]) -> dict[str, Any]:
    content: dict[str, Any] = bundle["content"]
    return content


# --- ids of rows known by their place ----------------------------------------------------------

ID_TWICE = [
    ("attendance", "attendance[1]: mã {id} xuất hiện hai lần."),
    ("events", "events[1]: mã {id} xuất hiện hai lần."),
    ("answers", "answers[1]: mã {id} xuất hiện hai lần."),
]


@pytest.mark.parametrize("case", ID_TWICE, ids=[case[0] for case in ID_TWICE])
def test_an_id_twice_in_a_table_known_by_place_is_named(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: tuple[str, str],
        capsys: pytest.CaptureFixture[str]) -> None:
    """Attendance, events and answers are matched by their place, but their own ids are
    unique in the database too: two rows of one id were SQLite's "UNIQUE constraint
    failed", and left an empty database file behind."""
    table, expected = case
    rows = _content(good_bundle)[table]
    rows[1]["id"] = rows[0]["id"]
    _refused(tmp_path, catalog, rehash(good_bundle), expected.format(id=rows[0]["id"]), capsys)


def test_an_event_id_already_used_here_at_another_place_is_a_plain_refusal(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    """What the checks of one bundle cannot see (an id taken here by another row) ends in
    the import's own refusal, nothing written, never the database's words."""
    office_path = tmp_path / "office.sqlite3"
    office = new_store(office_path)
    merge_tables(office, read_bundle(write_json(tmp_path / "first.json", good_bundle),
                                     catalog).tables)
    before = table_counts(office_path)
    content = _content(good_bundle)
    # A practice begun since, outside the session, whose event reuses an event's id here.
    content["attempts"].append(dict(
        content["attempts"][0], id="attempt-new", session_id=None, mode="practice",
        status="in_progress", finished_at=None, score_num=None, score_den=None, band=None,
        passed=None, answered=None, correct=None, retake_of=None))
    content["events"] = [dict(content["events"][0], attempt_id="attempt-new", seq=0,
                              kind="move", position=0, response=None)]
    path = write_json(tmp_path / "second.json", rehash(good_bundle))
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office_path)]) == 1
    message = capsys.readouterr().err
    assert "Gói dữ liệu không khớp với cơ sở dữ liệu ở máy này" in message, message
    assert "constraint" not in message.lower()
    assert table_counts(office_path) == before


# --- names as the program writes them ------------------------------------------------------------

NOT_NORMAL = "không ở dạng studyapp ghi (Unicode NFC, không thừa khoảng trắng)"


@pytest.mark.parametrize("spelling", [
    lambda name: unicodedata.normalize("NFD", name),
    lambda name: f" {name}",
    lambda name: name.replace(" ", "  "),
    lambda name: name.replace(" ", "\u00a0"),
], ids=["NFD", "leading space", "double spaces", "no-break spaces"])
def test_a_cell_name_studyapp_never_writes_is_refused(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], spelling: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The office's cell "Chi bộ Khu phố 9" (NFC) and a bundle's other cell of that name
    written NFD, or with a space more, have different name keys: it was added beside it
    silently (two cells of one name on screen), never asked about as a namesake."""
    office_path = tmp_path / "office.sqlite3"
    office = new_store(office_path)
    office.ensure_cell(_content(good_bundle)["cells"][0]["name"])
    cell = _content(good_bundle)["cells"][0]
    cell["name"] = spelling(cell["name"])
    path = write_json(tmp_path / "nfd.json", rehash(good_bundle))
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office_path)]) == 1
    assert f"cells[0].name: {NOT_NORMAL}" in capsys.readouterr().err
    assert len(office.cells()) == 1


def test_a_member_name_in_nfd_is_refused(tmp_path: Path, catalog: Catalog,
                                         good_bundle: dict[str, Any],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    member = _content(good_bundle)["members"][1]
    member["full_name"] = unicodedata.normalize("NFD", member["full_name"])
    _refused(tmp_path, catalog, rehash(good_bundle), f"members[1].full_name: {NOT_NORMAL}",
             capsys)


# --- the content's own keys ----------------------------------------------------------------------


def test_a_key_studyapp_never_writes_in_the_content_is_refused(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    """An extra table was signed, hashed and then ignored: the bundle imported."""
    _content(good_bundle)["grades"] = [{"member_id": "x", "score": 10}]
    _refused(tmp_path, catalog, rehash(good_bundle),
             "content.grades: studyapp không ghi mục này vào gói", capsys)


def test_a_hundred_thousand_keys_in_the_content_are_refused_at_once(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any]) -> None:
    """Each key was looked for among the keys before it (a list): 100,000 keys took
    minutes, and every value was kept in memory until the end."""
    content = _content(good_bundle)
    for number in range(100_000):
        content[f"k{number}"] = [number]
    path = write_json(tmp_path / "keys.json", rehash(good_bundle))
    started = time.perf_counter()
    with pytest.raises(BundleError, match=r"content\.k0: studyapp không ghi mục này vào gói"):
        read_bundle(path, catalog)
    assert time.perf_counter() - started < 3  # 6.4 s before


def test_a_question_listed_twice_is_named(tmp_path: Path, catalog: Catalog,
                                          good_bundle: dict[str, Any],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """`questions` lists each question once: listed twice with other points, the last
    one silently counted in the recomputed total (and the import went on)."""
    questions = _content(good_bundle)["questions"]
    questions.append(dict(questions[0], text={"points": 99}))
    _refused(tmp_path, catalog, rehash(good_bundle),
             f"questions[{len(questions) - 1}]: mã {questions[0]['id']} xuất hiện hai lần.",
             capsys)


def test_two_cells_of_one_name_in_one_bundle_are_named(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    """No laptop holds two cells of one name (their name key is unique): such a bundle
    was refused as "matches a cell here by name" into an empty database, and with
    --merge-by-name its two cells (and their namesakes) were fused into one."""
    cells = _content(good_bundle)["cells"]
    cells.append(dict(cells[0], id="cell-2", name=cells[0]["name"].upper()))
    message = _refused(tmp_path, catalog, rehash(good_bundle),
                       f"cells[1]: chi bộ “{cells[1]['name']}” trùng tên với cells[0].",
                       capsys)
    assert "--merge-by-name" not in message


# --- memory: no row is built past what a row can hold -------------------------------------------


@pytest.mark.parametrize("place", ["sessions[0]", "signature"], ids=["a row", "a top-level value"])
def test_a_million_values_in_one_row_are_refused_before_being_built(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], place: str) -> None:
    """A row of millions of zeros (a few bytes each) was built whole: a 60 MB file took
    hundreds of megabytes and 20 s before the checks could say anything."""
    _content(good_bundle)["sessions"][0]["lessons"] = ["__L__"]
    zeros = ",".join(["0"] * 1_000_001)
    text = json.dumps(rehash(good_bundle), ensure_ascii=False)
    if place == "signature":
        text = text.replace('"signature": {', f'"signature": {{"zeros": [{zeros}], ', 1)
    else:
        text = text.replace('["__L__"]', f"[{zeros}]")
    path = tmp_path / "zeros.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BundleError, match=re.escape(
            f"{place}: hơn 1.000.000 giá trị trong một dòng")):
        read_bundle(path, catalog)


# --- fields a check had left out -----------------------------------------------------------------

LEFT_OUT = [
    ("a listed question's id over lines",
     lambda b: _content(b)["questions"].append({"id": "a/b\u2028c", "hash": "ab12cd34",
                                                "text": None}),
     "questions[4].id: phải nằm trên một dòng"),
    ("a listed question's id of 20,000 characters",
     lambda b: _content(b)["questions"].append({"id": "x" * 20_000, "hash": "ab12cd34",
                                                "text": None}),
     "questions[4].id: dài 20.000 ký tự"),
    ("a listed question's hash over lines",
     lambda b: _content(b)["questions"][0].update(hash="ab\ncd"),
     "questions[0].hash: phải nằm trên một dòng"),
    ("a guest named by a space",
     lambda b: _content(b)["attempts"][0].update(member_id=None, guest_name=" "),
     "attempts[0].guest_name: không được để trống."),
]


@pytest.mark.parametrize("case", LEFT_OUT, ids=[case[0] for case in LEFT_OUT])
def test_a_field_no_check_had_covered_is_refused(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    _name, edit, expected = case
    assert len(_content(good_bundle)["questions"]) == 4
    edit(good_bundle)
    _refused(tmp_path, catalog, rehash(good_bundle), expected, capsys)


# --- attacks that were already handled (not covered elsewhere) -----------------------------------


def _attempt_of(b: dict[str, Any], answer: dict[str, Any]) -> dict[str, Any]:
    return next(row for row in _content(b)["attempts"] if row["id"] == answer["attempt_id"])


def _guest_retaken(b: dict[str, Any]) -> None:
    first, second = _content(b)["attempts"][:2]
    first.update(member_id=None, guest_name="Khách")
    second["retake_of"] = first["id"]


HANDLED = [
    ("an answer exactly at the paper's size", lambda b: _content(b)["answers"][0].update(
        position=len(_attempt_of(b, _content(b)["answers"][0])["paper"]["items"])),
     "answers[0].position: câu thứ 4 không có trong đề 4 câu."),
    ("a retake of a guest's test", _guest_retaken, "của người khác hoặc của buổi khác"),
    ("a seq one past INT64", lambda b: _content(b)["events"][0].update(seq=1 << 63),
     "events[0].seq: 9223372036854775808 nằm ngoài khoảng cho phép (0 đến "
     "9223372036854775807)."),
    ("a NUL in a key", lambda b: _content(b)["attendance"][0].update({"a\x00": 1}),
     "attendance[0].a\\u0000: chứa ký tự điều khiển"),
    ("rows that are not objects", lambda b: (
        _content(b)["events"].append([1, 2]), _content(b)["questions"].append(None)),
     "events[10]: không phải một dòng dữ liệu (cần một đối tượng JSON)."),
]


@pytest.mark.parametrize("case", HANDLED, ids=[case[0] for case in HANDLED])
def test_a_handled_attack_is_refused_by_name(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    _name, edit, expected = case
    edit(good_bundle)
    _refused(tmp_path, catalog, rehash(good_bundle), expected, capsys)


def _merged(tmp_path: Path, catalog: Catalog, path: Path) -> dict[str, int]:
    office = tmp_path / "office.sqlite3"
    assert main(["import", str(path), "--db", str(office)]) == 0
    return table_counts(office)


def test_what_a_real_meeting_may_hold_merges(tmp_path: Path, catalog: Catalog,
                                             good_bundle: dict[str, Any]) -> None:
    """A finish event at -1 (a quiz ended by its clock), seeds and event numbers at
    SQLite's bounds, and the tables in another order than sorted: all taken."""
    content = _content(good_bundle)
    next(row for row in content["events"] if row["kind"] == "finish")["position"] = -1
    content["sessions"][0]["seed"] = -(1 << 63)
    content["events"][0]["seq"] = (1 << 63) - 1
    good_bundle["content"] = dict(reversed(content.items()))
    counts = _merged(tmp_path, catalog, write_json(tmp_path / "edge.json", rehash(good_bundle)))
    assert counts == {"cells": 1, "members": 2, "sessions": 1, "attendance": 2, "attempts": 2,
                      "events": 10, "answers": 8}
    connection = sqlite3.connect(tmp_path / "office.sqlite3")
    try:
        assert connection.execute("SELECT max(seq), min(position) FROM events").fetchone() \
            == ((1 << 63) - 1, -1)
        assert connection.execute("SELECT seed FROM sessions").fetchone() == (-(1 << 63),)
    finally:
        connection.close()


def test_a_key_twice_inside_a_row_is_read_as_json_reads_it(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any]) -> None:
    """The last of a key given twice counts, as for Python's json; the hash and the
    signature are over that reading (the staged row), so nothing else is imported."""
    cell = _content(good_bundle)["cells"][0]
    text = json.dumps(rehash(good_bundle), ensure_ascii=False).replace(
        f'"id": "{cell["id"]}", "name"', f'"id": "evil", "id": "{cell["id"]}", "name"', 1)
    assert '"id": "evil"' in text
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    _merged(tmp_path, catalog, path)
    assert [found.id for found in new_store(tmp_path / "office.sqlite3").cells()] == [cell["id"]]


def _practices(b: dict[str, Any], count: int, retake_of: Any) -> None:
    """`count` practices outside sessions by the first member, each retaking another."""
    base = _content(b)["attempts"][0]
    _content(b)["attempts"] += [dict(
        base, id=f"p{number}", session_id=None, mode="practice", status="in_progress",
        finished_at=None, score_num=None, score_den=None, band=None, passed=None, answered=None,
        correct=None, retake_of=retake_of(number)) for number in reversed(range(count))]


def test_a_long_chain_of_retakes_given_last_first_is_merged_parents_first(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any]) -> None:
    """5,000 retakes, each of the one before, listed from the last: the checks' recursive
    query and the merge (each replaced attempt before its retake) go through."""
    _practices(good_bundle, 5000, lambda number: f"p{number - 1}" if number else None)
    started = time.perf_counter()
    counts = _merged(tmp_path, catalog, write_json(tmp_path / "chain.json",
                                                   rehash(good_bundle)))
    assert counts["attempts"] == 5002
    assert time.perf_counter() - started < 8


def test_a_circle_of_five_thousand_retakes_is_counted_whole(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    _practices(good_bundle, 5000, lambda number: f"p{(number + 1) % 5000}")
    message = _refused(tmp_path, catalog, rehash(good_bundle),
                       "attempts[2].retake_of: các bài làm lại thay nhau thành vòng tròn "
                       "(từ bài p4999).", capsys)
    assert "gói dữ liệu có 5.000 chỗ sai" in message
    assert "… và 4.950 chỗ sai nữa." in message


def test_ids_differing_only_in_case_are_two_rows(tmp_path: Path, catalog: Catalog,
                                                 good_bundle: dict[str, Any]) -> None:
    """Ids compare exactly, here as in the database: a cell `A-1` and a cell `a-1` (of
    other names) are two cells, each with its own member, never one."""
    content = _content(good_bundle)
    content["cells"] += [dict(content["cells"][0], id="Cell-X", name="Chi bộ X"),
                         dict(content["cells"][0], id="cell-x", name="Chi bộ Y")]
    content["members"] += [dict(content["members"][0], id="Member-X", cell_id="Cell-X"),
                           dict(content["members"][0], id="member-x", cell_id="cell-x")]
    counts = _merged(tmp_path, catalog, write_json(tmp_path / "case.json", rehash(good_bundle)))
    assert (counts["cells"], counts["members"]) == (3, 4)
    office = new_store(tmp_path / "office.sqlite3")
    assert sorted(cell.name for cell in office.cells()) == ["Chi bộ Khu phố 9", "Chi bộ X",
                                                            "Chi bộ Y"]
