"""Bundles both ways as streams (issue 20 item 8): the reader never holds the file, a
hostile file is refused with where it went wrong and nothing written, and the writer
writes the very bytes the whole-bundle writer wrote (so old code reads new bundles)."""

from __future__ import annotations

import hashlib
import io
import json
import re
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export.bundle import (
    BundleError,
    build_bundle,
    bundle_bytes,
    read_bundle,
    write_bundle,
)
from studyapp.export.bundle_links import Links
from studyapp.export.bundle_stream import BACKEND
from studyapp.store.exchange import Scope, merge_tables
from tests.unit.test_exports import (
    NOW,
    demo_store,
    make_good_bundle,
    new_store,
    rehash,
    table_counts,
    write_json,
)

TEXT = 10_000
"""The longest typed answer a bundle may hold."""


def test_the_compiled_parser_is_used() -> None:
    # The pure Python backend is ten times slower: the wheels ship the C one.
    assert BACKEND == "yajl2_c"


def test_a_large_bundle_is_read_without_holding_it(tmp_path: Path, catalog: Catalog,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The parser's read buffer is a fixed cost (8 MB, for hostile long strings): read
    # here 256 KB at a time, so that what is measured is what the reading holds.
    monkeypatch.setattr("studyapp.export.bundle_stream.READ_BUFFER", 256 * 1024)
    bundle = make_good_bundle(tmp_path, catalog)
    content = bundle["content"]
    attempt = content["attempts"][0]
    last = max(row["seq"] for row in content["events"] if row["attempt_id"] == attempt["id"])
    # A thousand long typed answers in the events (each different): 10 MB of text.
    for number in range(1000):
        content["events"].append({
            "id": f"ev-{number:05d}", "attempt_id": attempt["id"], "seq": last + 1 + number,
            "kind": "answer", "at": "2026-11-26T19:30:00+07:00", "position": 0,
            "response": {"kind": "text", "text": f"{number:05d}" + "chữ " * (TEXT // 4 - 2)}})
    path = write_json(tmp_path / "large.json", rehash(bundle))
    size = path.stat().st_size
    assert size > 10_000_000
    tracemalloc.start()
    try:
        checked = read_bundle(path, catalog)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # json.loads would hold every string (10 MB) and the canonical text again;
    # the stream holds one row at a time and a few fields of each.
    assert peak < 3_000_000, f"peak {peak:,} B for a file of {size:,} B"
    office = new_store(tmp_path / "office.sqlite3")
    merge_tables(office, checked.tables)
    checked.close()
    assert table_counts(tmp_path / "office.sqlite3")["events"] == len(content["events"])
    stored = office._rows("SELECT response FROM events WHERE id = 'ev-00999'")[0]["response"]
    assert json.loads(stored)["text"].startswith("00999chữ ")


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _second_value(text: str) -> str:
    return text + '\n{"format": "studyapp-bundle"}\n'


@pytest.mark.parametrize(("damage", "expected"), [
    (lambda text: text[: len(text) * 2 // 3],
     r"không phải JSON hợp lệ, dòng \d+, cột \d+: tệp dừng giữa chừng"),
    (_second_value, r"một giá trị JSON thứ hai"),
    (lambda text: text.replace('"kind": "choice"', '"kind": choice', 1),
     r"không phải JSON hợp lệ, dòng \d+, cột \d+: có ký tự không đúng chỗ"),
    (lambda text: text.replace('"kind": "choice"', '"kind": NaN', 1), r"giá trị NaN"),
])
def test_a_damaged_file_is_refused_where_it_breaks_and_nothing_is_written(
        tmp_path: Path, catalog: Catalog, damage: Any, expected: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    path = tmp_path / "damaged.json"
    text = damage(json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1))
    path.write_text(text, encoding="utf-8")
    _refused_into_existing(tmp_path, path, expected, capsys)


def test_bytes_that_are_not_utf8_are_refused_at_their_offset(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.dumps(make_good_bundle(tmp_path, catalog), ensure_ascii=False).encode()
    offset = data.index(b'"choice"') + 1
    path = tmp_path / "latin1.json"
    path.write_bytes(data[:offset] + b"\xff" + data[offset + 1:])
    _refused_into_existing(tmp_path, path, rf"byte thứ {offset:,}".replace(",", "."), capsys)


def test_a_row_nested_too_deep_is_refused_by_name(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    bundle["content"]["events"][1]["response"] = "DEEP"
    path = tmp_path / "deep.json"
    # Written by hand: json.dumps would recurse too deep for Python itself.
    written = json.dumps(bundle, ensure_ascii=False).replace(
        '"DEEP"', '{"a": ' * 5000 + '"đáy"' + "}" * 5000)
    path.write_text(written, encoding="utf-8")
    _refused_into_existing(tmp_path, path, r"events\[1\]: lồng nhau quá sâu", capsys)


def test_a_key_twice_in_the_content_is_refused(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    text = json.dumps(bundle, ensure_ascii=False, sort_keys=True)
    # Another cells table inside the content, after the first: json.loads would keep the last.
    text = text.replace('"created_by":', '"cells": [], "created_by":', 1)
    path = tmp_path / "twice.json"
    path.write_text(text, encoding="utf-8")
    _refused_into_existing(tmp_path, path, r"content\.cells: có hai lần", capsys)


def _refused_into_existing(tmp_path: Path, path: Path, expected: str,
                           capsys: pytest.CaptureFixture[str]) -> None:
    """`studyapp import` refuses `path` with a message matching `expected`, and the
    office database (which has data) is byte for byte what it was."""
    office = tmp_path / "office.sqlite3"
    assert main(["members", "add", "Trần Văn Một", "--cell", "Chi bộ Văn phòng",
                 "--db", str(office)]) == 0
    before = _digest(office)
    capsys.readouterr()
    assert main(["import", str(path), "--db", str(office)]) != 0
    message = capsys.readouterr().err
    assert re.search(expected, message), message
    assert str(path) in message
    assert "Traceback" not in message
    assert _digest(office) == before


def test_the_stream_writer_writes_the_bytes_the_whole_bundle_did(
        tmp_path: Path, catalog: Catalog) -> None:
    store = demo_store(tmp_path, catalog)
    for scope in (Scope(), Scope(cell_id=store.cells()[0].id)):
        stream = io.BytesIO()
        write_bundle(store, catalog, scope, stream, now=NOW)
        assert stream.getvalue() == bundle_bytes(build_bundle(store, catalog, scope, now=NOW))


def test_a_bundle_written_as_a_stream_reads_back_whole(tmp_path: Path, catalog: Catalog) -> None:
    store = demo_store(tmp_path, catalog)
    path = tmp_path / "all.json"
    with path.open("wb") as handle:
        write_bundle(store, catalog, Scope(), handle, now=NOW)
    # What the code before streaming did: json.loads, then every check on the dict.
    whole = json.loads(path.read_bytes())
    assert whole["content"]["answers"]
    checked = read_bundle(path, catalog)
    office = new_store(tmp_path / "office.sqlite3")
    merge_tables(office, checked.tables)
    checked.close()
    # Every row of the bundle (the sessions' rows: practice outside sessions stays home).
    assert table_counts(tmp_path / "office.sqlite3") == {
        table: len(rows) for table, rows in whole["content"].items()
        if table not in ("questions", "scope", "created_at", "created_by")}


def test_a_refused_bundle_leaves_no_staged_rows(tmp_path: Path, catalog: Catalog,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile  # noqa: PLC0415

    monkeypatch.setattr(tempfile, "tempdir", None)
    bundle = make_good_bundle(tmp_path, catalog)
    bundle["content"]["cells"][0]["name"] = "Khác"  # the hash no longer matches
    path = write_json(tmp_path / "edited.json", bundle)
    with pytest.raises(BundleError, match="SHA-256"):
        read_bundle(path, catalog)
    assert list((tmp_path / "tmp").iterdir()) == []


def test_a_structured_value_too_long_is_still_measured(tmp_path: Path, catalog: Catalog) -> None:
    # Short rows skip writing each value out to measure it; a long row is measured.
    bundle = make_good_bundle(tmp_path, catalog)
    bundle["content"]["sessions"][0]["lessons"] = ["bai/" + "a" * 290] * 3500
    path = write_json(tmp_path / "long.json", rehash(bundle))
    with pytest.raises(BundleError, match=r"sessions\[0\]\.lessons: dài 1\.0\d\d\.\d{3} ký tự"):
        read_bundle(path, catalog)


# --- the checks across rows, over the staging database ----------------------------------------


def _copies(bundle: dict[str, Any], count: int) -> dict[str, Any]:
    """The bundle with its first finished test taken `count` more times (new ids):
    every copy as valid as the first, so that only the number of rows grows."""
    content = bundle["content"]
    attempt = next(row for row in content["attempts"] if row["status"] == "finished")
    answers = [row for row in content["answers"] if row["attempt_id"] == attempt["id"]]
    events = [row for row in content["events"] if row["attempt_id"] == attempt["id"]]
    for number in range(count):
        copy_id = f"copy-{number:05d}"
        content["attempts"].append({**attempt, "id": copy_id, "retake_of": None})
        content["answers"] += [{**row, "id": f"{copy_id}-a{index}", "attempt_id": copy_id}
                               for index, row in enumerate(answers)]
        content["events"] += [{**row, "id": f"{copy_id}-e{index}", "attempt_id": copy_id}
                              for index, row in enumerate(events)]
    return rehash(bundle)


def _held(path: Path, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """What the reading holds once the whole file went by (before the checks
    across rows), and at most while those checks run."""
    seen: list[int] = []
    finish = Links.finish

    def measured(links: Links) -> None:
        seen.append(tracemalloc.get_traced_memory()[0])
        tracemalloc.reset_peak()
        finish(links)

    monkeypatch.setattr(Links, "finish", measured)
    tracemalloc.start()
    try:
        read_bundle(path, catalog).close()
        return seen[0], tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
        monkeypatch.setattr(Links, "finish", finish)


def test_checking_holds_no_more_for_five_times_the_rows(tmp_path: Path, catalog: Catalog,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # What the checks across rows need is in the staging database, not in Python:
    # five times the answers cost the reading nothing it keeps (before, it kept
    # about 260 bytes an answer: 0.8 MB more here), neither when the file has gone
    # by nor while the checks run over the rows. (The parser's own events, for one
    # read at a time, are bounded by its buffer: the test above.)
    small = write_json(tmp_path / "small.json",
                       _copies(make_good_bundle(tmp_path / "a", catalog), 200))
    large_bundle = _copies(make_good_bundle(tmp_path / "b", catalog), 1000)
    large = write_json(tmp_path / "large.json", large_bundle)
    assert len(large_bundle["content"]["answers"]) > 4000
    _held(small, catalog, monkeypatch)  # the schemas and caches made once, before measuring
    small_held, large_held = _held(small, catalog, monkeypatch), _held(large, catalog, monkeypatch)
    assert large_held[0] - small_held[0] < 100_000, (small_held, large_held)
    assert large_held[1] - small_held[1] < 100_000, (small_held, large_held)


def _refused(path: Path, catalog: Catalog) -> str:
    with pytest.raises(BundleError) as raised:
        read_bundle(path, catalog)
    return raised.value.message


def test_an_id_twice_and_a_place_twice_are_named(tmp_path: Path, catalog: Catalog) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    content = bundle["content"]
    content["members"].append(dict(content["members"][0]))
    content["answers"].append({**content["answers"][0], "id": "another-id"})
    last = len(content["answers"]) - 1
    message = _refused(write_json(tmp_path / "twice.json", rehash(bundle)), catalog)
    assert f"members[{len(content['members']) - 1}]: mã {content['members'][0]['id']} " \
           "xuất hiện hai lần" in message
    assert f"answers[{last}]: dòng này trùng chỗ với một dòng trước" in message
    assert "members[0]:" not in message  # the first of the two is not the one repeated


def test_a_paper_naming_a_question_nobody_knows_is_refused(tmp_path: Path,
                                                           catalog: Catalog) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    attempts = bundle["content"]["attempts"]
    index = 1
    attempts[index]["paper"]["items"][0]["id"] = "khong-co/cau-nay"
    for answer in bundle["content"]["answers"]:  # its answer, if any, to the same question
        if answer["attempt_id"] == attempts[index]["id"] and answer["position"] == 0:
            answer["question_id"] = "khong-co/cau-nay"
    message = _refused(write_json(tmp_path / "unknown.json", rehash(bundle)), catalog)
    assert f"attempts[{index}].paper: câu hỏi khong-co/cau-nay không có trong gói" in message


def test_three_thousand_dangling_rows_are_counted_and_fifty_shown(tmp_path: Path,
                                                                  catalog: Catalog) -> None:
    bundle = make_good_bundle(tmp_path, catalog)
    answer = bundle["content"]["answers"][0]
    bundle["content"]["answers"] += [{**answer, "id": f"x{number}", "attempt_id": f"gone-{number}"}
                                     for number in range(3000)]
    message = _refused(write_json(tmp_path / "dangling.json", rehash(bundle)), catalog)
    assert "3000" in message.splitlines()[0] or "3.000" in message.splitlines()[0]
    assert message.count("trỏ tới gone-") == 50
    assert "2.950" in message.splitlines()[-1]


# --- signatures: version 3 signs the hash, version 2 the content --------------------------------


def test_each_version_signs_what_it_says_and_no_other(tmp_path: Path, catalog: Catalog,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    laptop = demo_store(tmp_path, catalog, "laptop.sqlite3")
    for version in (2, 3):
        path = tmp_path / f"v{version}.json"
        assert main(["export", "--all", "--format", "json", "--bundle-version", str(version),
                     "-o", str(path), "--db", str(tmp_path / "laptop.sqlite3")]) == 0
        data = json.loads(path.read_bytes())
        assert data["version"] == version
        assert read_bundle(path, catalog).signer == data["signature"]["public_key"]
        # The same signature read as the other version's does not verify.
        data["version"] = 5 - version
        moved = write_json(tmp_path / f"v{version}-as-other.json", data)
        assert "chữ ký không khớp với nội dung" in _refused(moved, catalog)
    assert laptop.cells()
