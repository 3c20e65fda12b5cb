"""Bundles a real meeting makes (retakes, time-ups) import back; hostile ones are refused
with a located message, never SQLite's words, and leave no database file behind."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export.bundle import (
    BundleError,
    build_bundle,
    bundle_bytes,
    content_hash,
    read_bundle,
)
from studyapp.store.exchange import Scope, merge_tables
from studyapp.store.signing import fingerprint
from studyapp.store.store import Store
from tests.unit.test_exports import (
    FORGER,
    NOW,
    csv_bytes,
    make_good_bundle,
    make_retake_store,
    new_store,
    rehash,
    run_meeting,
    table_counts,
    write_json,
)


@pytest.fixture
def good_bundle(tmp_path: Path, catalog: Catalog) -> dict[str, Any]:
    return make_good_bundle(tmp_path, catalog)


@pytest.fixture
def retake_store(tmp_path: Path, catalog: Catalog) -> Store:
    return make_retake_store(tmp_path, catalog, edited_score=False)


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

    def table(store: Store) -> list[list[str]]:
        return list(csv.reader(io.StringIO(csv_bytes(store, catalog, Scope()).decode("utf-8-sig"))))

    # The same rows, but for where they came from: typed in there, a signed bundle here.
    here, there = table(retake_store), table(target)
    assert [row[:-1] for row in here] == [row[:-1] for row in there]
    assert {row[-1] for row in here[1:]} == {"chưa xác minh: nhập trực tiếp trên máy này, "
                                             "không qua gói dữ liệu"}
    signer = fingerprint(FORGER.public_key().public_bytes_raw().hex())  # `rehash` signed it
    assert {row[-1] for row in there[1:]} == {f"đã xác minh (khóa {signer})"}


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
    assert "\x1b" not in message
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


def _second_retake(bundle: dict[str, Any], status: str) -> dict[str, Any]:
    """The bundle's finished retake taken once more (new ids), with `status`."""
    content = bundle["content"]
    retake = next(row for row in content["attempts"] if row["retake_of"])
    copy = {**retake, "id": "retake-again", "status": status}
    content["attempts"].append(copy)
    content["answers"] += [{**row, "id": f"again-a{number}", "attempt_id": copy["id"]}
                           for number, row in enumerate(content["answers"])
                           if row["attempt_id"] == retake["id"]]
    return rehash(bundle)


def test_a_test_replaced_by_two_finished_retakes_is_refused(
        tmp_path: Path, catalog: Catalog, retake_store: Store,
        capsys: pytest.CaptureFixture[str]) -> None:
    bundle = build_bundle(retake_store, catalog, Scope(), now=NOW)
    replaced = next(row for row in bundle["content"]["attempts"] if row["retake_of"])["retake_of"]
    message = _refused(tmp_path, catalog, _second_retake(bundle, "finished"),
                       f"bài {replaced} đã được thay bằng một lần làm lại khác đã nộp", capsys)
    index = len(bundle["content"]["attempts"]) - 1
    assert f"attempts[{index}].retake_of" in message
    # A retake begun and abandoned, then another finished, is what a meeting makes.
    again = build_bundle(retake_store, catalog, Scope(), now=NOW)
    read_bundle(write_json(tmp_path / "abandoned.json", _second_retake(again, "abandoned")),
                catalog).close()


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


def _first(b: dict[str, Any], table: str, **where: Any) -> dict[str, Any]:
    return next(row for row in b["content"][table]
                if all(row[key] == value for key, value in where.items()))


OSC52 = "X\x1b]52;c;SGVsbG8=\x1b\\"
OSC8 = "\x1b]8;;http://example.invalid\x1b\\bấm\x1b]8;;\x1b\\"
FIELD_EDITS = [
    ("newline in a name", lambda b: b["content"]["members"][0].update(full_name="Lê Văn\nAn"),
     "members[0].full_name: phải nằm trên một dòng"),
    ("U+2028 in a name", lambda b: b["content"]["members"][0].update(full_name="Lê\u2028An"),
     "members[0].full_name: phải nằm trên một dòng"),
    ("U+2029 in a cell's name", lambda b: b["content"]["cells"][0].update(name="Chi bộ\u2029X"),
     "cells[0].name: phải nằm trên một dòng"),
    ("an id with a trailing newline",
     lambda b: b["content"]["cells"][0].update(id=b["content"]["cells"][0]["id"] + "\n"),
     "cells[0].id: không phải một mã hợp lệ"),
    ("OSC 52 inside a typed answer", lambda b: _first(b, "answers").update(
        response={"kind": "text", "text": OSC52}), "response.text: chứa ký tự điều khiển"),
    ("escape in a paper's question id", lambda b: b["content"]["attempts"][0]["paper"][
        "items"][0].update(id="a/b\x1b]0;title\x07"), "paper.items[0].id: chứa ký tự điều khiển"),
    ("OSC 8 link in an event's response", lambda b: _first(b, "events", kind="answer").update(
        response={"kind": "text", "text": OSC8}), "response.text: chứa ký tự điều khiển"),
    ("C1 CSI in the lessons", lambda b: b["content"]["sessions"][0].update(lessons=["\x9b2J"]),
     "sessions[0].lessons[0]: chứa ký tự điều khiển"),
    ("screen clear in a key", lambda b: b["content"]["attempts"][0]["settings"].update(
        {"\x1b[2J": 1}), "chứa ký tự điều khiển"),
    ("escape deep in a question's text", lambda b: b["content"]["questions"][0].update(
        text={"prompt": {"x": ["\x1b[31mđỏ"]}}), "questions[0].text.prompt.x[0]"),
    ("line break inside a response", lambda b: _first(b, "answers").update(
        response={"kind": "text", "text": "a\u2028b"}), "response.text: phải nằm trên một dòng"),
    ("NaN time limit", lambda b: b["content"]["attempts"][0]["settings"].update(
        time_limit_s=float("nan")), "giá trị NaN"),
    ("Infinity time limit", lambda b: b["content"]["sessions"][0]["settings"].update(
        time_limit_s=float("inf")), "giá trị Infinity"),
    ("choice without choices", lambda b: _first(b, "answers").update(
        response={"kind": "choice"}), "answers[0].response: không đúng dạng"),
    ("unknown response kind", lambda b: _first(b, "answers").update(
        response={"kind": "abc", "text": "x"}), "answers[0].response: không đúng dạng"),
    ("no grading", lambda b: b["content"]["attempts"][0]["settings"].pop("grading"),
     "attempts[0].settings: không đúng dạng chương trình ghi (quy tắc “required”)"),
    ("scale 'abc'", lambda b: b["content"]["attempts"][0]["settings"]["grading"].update(
        scale="abc"), "attempts[0].settings.grading.scale: không đúng dạng"),
    ("a week-long time limit times a thousand", lambda b: b["content"]["sessions"][0][
        "settings"].update(time_limit_s=10 ** 9), "sessions[0].settings.time_limit_s"),
    ("time limit as text", lambda b: b["content"]["sessions"][0]["settings"].update(
        time_limit_s="900"), "sessions[0].settings.time_limit_s: không đúng dạng"),
    ("a time without a zone", lambda b: b["content"]["attempts"][0].update(
        started_at="2026-11-26T19:00:00"), "attempts[0].started_at: thời điểm thiếu múi giờ"),
    ("duration of 10**18 ms", lambda b: b["content"]["answers"][0].update(duration_ms=10 ** 18),
     "answers[0].duration_ms: 1000000000000000000 nằm ngoài khoảng"),
    ("more right than answered", lambda b: b["content"]["attempts"][0].update(
        answered=1, correct=3), "attempts[0].correct: số câu đúng nhiều hơn"),
    ("more answered than the paper has", lambda b: b["content"]["attempts"][0].update(
        answered=50, correct=0), "attempts[0].answered: 50 câu, nhiều hơn"),
    ("1000 of 10", lambda b: b["content"]["attempts"][0].update(score_num=1000, score_den=1),
     "attempts[0].score_num: điểm vượt thang điểm 10"),
    ("a band above the scale", lambda b: b["content"]["attempts"][0]["settings"]["grading"][
        "bands"][0].__setitem__(1, "11"), "mức xếp loại vượt thang điểm 10"),
    ("a choice index beyond any paper", lambda b: _first(b, "answers").update(
        response={"kind": "choice", "chosen": [10 ** 6]}), "answers[0].response"),
    ("an escape in an unknown field's name", lambda b: b["content"]["cells"][0].update(
        {"x\x1b]0;t\x07": 1}), "chứa ký tự điều khiển"),
]


@pytest.mark.parametrize("case", FIELD_EDITS, ids=[case[0] for case in FIELD_EDITS])
def test_every_string_and_structured_value_is_checked(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    _name, edit, expected = case
    edit(good_bundle)
    message = _refused(tmp_path, catalog, rehash(good_bundle), expected, capsys)
    assert "\x1b" not in message
    assert "\x9b" not in message
    assert "\x07" not in message


def _finished(b: dict[str, Any]) -> dict[str, Any]:
    """The test with one wrong answer (the second member's)."""
    return min((row for row in b["content"]["attempts"] if row["status"] == "finished"),
               key=lambda row: row["correct"])


def _answer_of(b: dict[str, Any], attempt: dict[str, Any]) -> dict[str, Any]:
    """A right answer of that test."""
    return next(row for row in b["content"]["answers"] if row["attempt_id"] == attempt["id"]
                and row["credit_num"] == row["credit_den"])


FORGED = [
    ("a score raised to 10", lambda b: _finished(b).update(score_num=10, score_den=1),
     "khác với khi tính lại"),
    ("a band changed", lambda b: _finished(b).update(band="Giỏi" if _finished(b)["band"]
                                                     != "Giỏi" else "Khá"),
     "khác với khi tính lại"),
    ("passed flipped", lambda b: _finished(b).update(passed=1 - _finished(b)["passed"]),
     "khác với khi tính lại"),
    ("one fewer right", lambda b: _finished(b).update(correct=_finished(b)["correct"] - 1),
     "số câu đúng của bài"),
    ("a wrong answer given full credit", lambda b: _answer_of(b, _finished(b)).update(
        response={"kind": "text", "text": "không phải đáp án"}
        if _answer_of(b, _finished(b))["response"]["kind"] == "text"
        else {"kind": "choice", "chosen": [0, 1, 2, 3]}
        if _answer_of(b, _finished(b))["response"]["kind"] == "choice"
        else {"kind": "order", "order": [3, 2, 1, 0]}), "khác với khi chấm lại"),
    ("an answer's question hash changed", lambda b: _answer_of(b, _finished(b)).update(
        question_hash="0123456789abcdef"), "khác với khi chấm lại"),
]


@pytest.mark.parametrize("case", FORGED, ids=[case[0] for case in FORGED])
def test_a_result_edited_after_export_is_refused_naming_the_attempt(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], case: Any,
        capsys: pytest.CaptureFixture[str]) -> None:
    _name, edit, expected = case
    first = _finished(good_bundle)
    assert 0 < first["correct"] < first["answered"]  # so every forgery changes something
    edit(good_bundle)
    message = _refused(tmp_path, catalog, rehash(good_bundle), expected, capsys)
    assert first["id"] in message


# --- signatures --------------------------------------------------------------------------


def test_an_edit_without_the_laptops_key_is_refused(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    good_bundle["content"]["sessions"][0]["topic"] = "Chủ đề khác"
    good_bundle["sha256"] = content_hash(good_bundle["content"])  # as the docs of v1 said
    _refused(tmp_path, catalog, good_bundle, "chữ ký không khớp với nội dung", capsys)
    good_bundle.pop("signature")
    _refused(tmp_path, catalog, good_bundle, "gói phiên bản 3 phải có chữ ký", capsys)


def test_each_cells_key_is_trusted_on_first_use_and_a_new_key_held_back(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    laptop = new_store(tmp_path / "laptop.sqlite3")
    names = ["Lê Văn An", "Đỗ Thị Bé"]
    run_meeting(laptop, catalog, "Chi bộ Khu phố 3", names, date(2026, 10, 20))
    first = write_json(tmp_path / "first.json", build_bundle(laptop, catalog, Scope(), now=NOW))
    office = tmp_path / "office.sqlite3"
    capsys.readouterr()
    assert main(["import", str(first), "--db", str(office)]) == 0
    shown = capsys.readouterr().out
    key = fingerprint(json.loads(first.read_bytes())["signature"]["public_key"])
    assert re.fullmatch(r"[0-9A-F]{4}-[0-9A-F]{4}", key)
    assert f"Chi bộ Khu phố 3 — khóa {key}, lần đầu" in shown

    run_meeting(laptop, catalog, "Chi bộ Khu phố 3", names, date(2026, 11, 20), seed=8)
    second = build_bundle(laptop, catalog, Scope(), now=NOW)
    # Someone else signs the next bundle of that cell: held back, nothing written.
    forged = write_json(tmp_path / "forged.json", rehash(json.loads(json.dumps(second))))
    before = table_counts(office)
    assert main(["import", str(forged), "--db", str(office)]) == 1
    said = capsys.readouterr()
    assert f"khác khóa {key} đã nhận" in said.err
    assert "--accept-new-key" in said.err
    assert table_counts(office) == before
    # The laptop's own next bundle is known; a new key is taken only when asked.
    assert main(["import", str(write_json(tmp_path / "second.json", second)),
                 "--db", str(office)]) == 0
    assert f"Chi bộ Khu phố 3 — khóa {key}, đã biết" in capsys.readouterr().out
    assert main(["import", str(forged), "--db", str(office), "--accept-new-key"]) == 0
    assert "khóa mới" in capsys.readouterr().out
    assert main(["import", str(forged), "--db", str(office)]) == 0  # now the known key


def test_a_version_1_bundle_is_read_with_a_warning(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any],
        capsys: pytest.CaptureFixture[str]) -> None:
    good_bundle.pop("signature")
    good_bundle["version"] = 1
    path = write_json(tmp_path / "v1.json", good_bundle)
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(tmp_path / "office.sqlite3")]) == 0
    said = capsys.readouterr()
    assert "phiên bản 1, không có chữ ký" in said.err
    assert "thêm mới: 1 chi bộ" in said.out


def test_two_cells_of_one_name_never_fuse_silently(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    laptops = [new_store(tmp_path / f"laptop{n}.sqlite3") for n in (1, 2)]
    run_meeting(laptops[0], catalog, "Chi bộ Khu phố 1", ["Lê Văn An", "Đỗ Thị Bé"])
    run_meeting(laptops[1], catalog, "Chi bộ Khu phố 1", ["Lê Văn An", "Phan Văn Cả"],
                date(2026, 11, 27))
    paths = [write_json(tmp_path / f"{n}.json", build_bundle(laptop, catalog, Scope(), now=NOW))
             for n, laptop in enumerate(laptops)]
    office = tmp_path / "office.sqlite3"
    assert main(["import", str(paths[0]), "--db", str(office)]) == 0
    before = table_counts(office)
    capsys.readouterr()
    assert main(["import", str(paths[1]), "--db", str(office)]) == 1
    said = capsys.readouterr().err
    assert "chỉ khớp với máy này theo tên" in said
    assert "--merge-by-name" in said
    assert "chi bộ “Chi bộ Khu phố 1”" in said
    assert "đảng viên “Lê Văn An”" in said
    assert table_counts(office) == before
    assert main(["import", str(paths[1]), "--db", str(office), "--merge-by-name"]) == 0
    assert table_counts(office)["cells"] == 1
    assert table_counts(office)["members"] == 3


def test_a_members_bundle_holds_that_members_rows_only(
        tmp_path: Path, retake_store: Store, catalog: Catalog,
        capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bich.json"
    assert main(["export", "--member", "Lê Hồng Bích", "--format", "json", "-o", str(path),
                 "--db", str(tmp_path / "retake.sqlite3")]) == 0
    content = json.loads(path.read_bytes())["content"]
    [bich] = content["members"]
    assert bich["full_name"] == "Lê Hồng Bích"
    assert [row["member_id"] for row in content["attendance"]] == [bich["id"]]
    assert content["attempts"]
    assert {row["member_id"] for row in content["attempts"]} == {bich["id"]}
    mine = {row["id"] for row in content["attempts"]}
    assert {row["attempt_id"] for row in content["events"]} <= mine
    assert {row["attempt_id"] for row in content["answers"]} <= mine
    assert len(content["sessions"]) == 1
    assert len(content["cells"]) == 1
    # And it imports on its own into an empty database.
    office = tmp_path / "office.sqlite3"
    assert main(["import", str(path), "--db", str(office)]) == 0
    assert table_counts(office)["members"] == 1


def test_a_paper_test_as_the_secretary_entered_it_fits_the_schema(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any]) -> None:
    """The settings a paper test is stored with (via, the entered text, corrections)."""
    attempt = _finished(good_bundle)
    response = _answer_of(good_bundle, attempt)["response"]
    entered = {"by": "secretary", "at": "2026-11-26T19:30:00+07:00", "text": "1A 2B\n3C"}
    attempt["settings"].update(via="paper", entered=entered, corrections=[
        {"at": "2026-11-26T19:40:00+07:00", "previous": entered,
         "previous_answers": [{"position": 0, "response": response}]}])
    path = write_json(tmp_path / "paper.json", rehash(good_bundle))
    assert read_bundle(path, catalog).tables["attempts"]
    attempt["settings"]["via"] = "pigeon"
    with pytest.raises(BundleError, match=r"settings\.via: không đúng dạng"):
        read_bundle(write_json(tmp_path / "pigeon.json", rehash(good_bundle)), catalog)
