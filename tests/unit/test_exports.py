"""Exports (CSV, XLSX, bundle, Markdown and HTML reports) and importing bundles."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import sqlite3
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from openpyxl import load_workbook

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.demo import fill
from studyapp.export.bundle import (
    BundleError,
    build_bundle,
    bundle_bytes,
    canonical,
    content_hash,
    read_bundle,
    signed_statement,
)
from studyapp.export.files import ExportError, write_atomically
from studyapp.export.report import build_report, to_html, to_markdown
from studyapp.export.run import prepare, suggested_name
from studyapp.export.table import COLUMNS
from studyapp.i18n import set_language
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import correct_response
from studyapp.quiz.session import Mode
from studyapp.store.database import Database
from studyapp.store.exchange import (
    MergeConflictError,
    NameMergeError,
    Scope,
    merge_tables,
    score_rows,
)
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import AttendanceStatus
from studyapp.store.signing import _private_bytes
from studyapp.store.store import Store
from tests.conftest import wrong_response

GOLDEN = Path(__file__).parent.parent / "data" / "golden"
NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
HOSTILE = ['=HYPERLINK("http://x","y")', "@SUM(A1)", "<script>alert(1)</script>",
           "+Trần Văn Cộng", "-Lê Thị Trừ"]


def new_store(path: Path) -> Store:
    return Store(Database(path))


def demo_store(tmp_path: Path, catalog: Catalog, name: str = "demo.sqlite3", **sizes: int
               ) -> Store:
    store = new_store(tmp_path / name)
    fill(store, catalog, seed=3, **({"cells": 3, "members": 6, "sessions": 2, "questions": 5}
                                    | sizes))
    return store


def run_meeting(store: Store, catalog: Catalog, cell_name: str, names: list[str],
                held_on: date = date(2026, 11, 26), *, close: bool = True,
                seed: int = 7) -> str:
    """A session: everyone present takes the test; the first answers all right,
    the others get one wrong per place in the roster."""
    cell = store.ensure_cell(cell_name)
    members = [store.add_member(cell.id, name) for name in names
               if not store.find_members(cell.id, name)]
    members = [store.find_members(cell.id, name)[0] for name in names]
    settings = SessionSettings(count=4)
    session = store.open_session(cell.id, held_on, topic="Học tập Kế hoạch 67",
                                 pack_id=catalog.packs[0].id, lessons=[],
                                 settings=settings.to_data(), seed=seed, run_by=names[0])
    for index, member in enumerate(members):
        store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        paper = session_paper(catalog, [], settings, session.seed, member.id)
        quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(member),
                                  session_id=session.id, time_limit=None, clock=store.clock)
        for position, item in enumerate(paper.items):
            wrong = position < index
            quiz.answer(position, wrong_response(item.question) if wrong
                        else correct_response(item.question))
        quiz.finish()
    if close:
        store.close_session(session.id)
    return session.id


def csv_bytes(store: Store, catalog: Catalog, scope: Scope, decimal: Any = "point") -> bytes:
    out = io.BytesIO()
    prepare(store, catalog, scope, "csv", decimal=decimal).write(out)
    return out.getvalue()


def bundle_file(tmp_path: Path, store: Store, catalog: Catalog, scope: Scope,
                name: str = "bundle.json") -> Path:
    path = tmp_path / name
    path.write_bytes(bundle_bytes(build_bundle(store, catalog, scope, now=NOW)))
    return path


def import_file(store: Store, catalog: Catalog, path: Path) -> Any:
    return merge_tables(store, read_bundle(path, catalog).tables)


def table_counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                for table in ("cells", "members", "sessions", "attendance", "attempts",
                              "events", "answers")}
    finally:
        connection.close()


# --- round trip, idempotence, merging --------------------------------------------------------


def test_round_trip_demo_bundle_into_an_empty_database(tmp_path: Path, catalog: Catalog) -> None:
    source = demo_store(tmp_path, catalog)
    everything = Scope()
    path = bundle_file(tmp_path, source, catalog, everything)
    target = new_store(tmp_path / "empty.sqlite3")
    report = import_file(target, catalog, path)
    assert report.added["sessions"] == 6
    assert report.added["cells"] == 3
    assert not report.conflicts
    assert csv_bytes(source, catalog, everything) == csv_bytes(target, catalog, everything)
    # The closed sessions arrived closed, and stay read-only there.
    assert [s.closed for s in target.sessions()] == [s.closed for s in source.sessions()]

    # Importing the same bundle again changes nothing at all.
    before = table_counts(tmp_path / "empty.sqlite3")
    again = import_file(target, catalog, path)
    assert not again.changed
    assert again.unchanged["answers"] == report.added["answers"]
    assert table_counts(tmp_path / "empty.sqlite3") == before


def test_bundles_of_two_laptops_of_one_cell_combine(tmp_path: Path, catalog: Catalog) -> None:
    names = ["Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường"]
    laptops = [new_store(tmp_path / f"laptop{n}.sqlite3") for n in (1, 2)]
    # Each laptop made the cell and its roster itself: other ids, the same names.
    first = run_meeting(laptops[0], catalog, "Chi bộ Khu phố 5", names, date(2026, 10, 20))
    second = run_meeting(laptops[1], catalog, "Chi bộ Khu phố 5", names, date(2026, 11, 20))
    office = new_store(tmp_path / "office.sqlite3")
    paths = [bundle_file(tmp_path, laptop, catalog, Scope(), f"laptop{number}.json")
             for number, laptop in enumerate(laptops, 1)]
    import_file(office, catalog, paths[0])
    # The second laptop's cell and people match only by name: never merged silently.
    before = table_counts(tmp_path / "office.sqlite3")
    with pytest.raises(NameMergeError) as raised:
        import_file(office, catalog, paths[1])
    assert len(raised.value.report.by_name) == 4  # the cell and its three members
    assert any("Chi bộ Khu phố 5" in line for line in raised.value.report.by_name)
    assert table_counts(tmp_path / "office.sqlite3") == before
    report = merge_tables(office, read_bundle(paths[1], catalog).tables, merge_by_name=True)
    assert not report.conflicts
    [cell] = office.cells()
    assert [m.full_name for m in office.members(cell.id)] == names  # one roster, not two
    assert {s.id for s in office.sessions(cell.id)} == {first, second}
    rows = score_rows(office, Scope(cell_id=cell.id))
    assert len(rows) == 6
    assert {row.member for row in rows} == set(names)


def test_an_open_session_goes_on_then_closes_through_bundles(tmp_path: Path,
                                                            catalog: Catalog) -> None:
    laptop = new_store(tmp_path / "laptop.sqlite3")
    session_id = run_meeting(laptop, catalog, "Chi bộ Khu phố 6", ["Lê Văn An", "Đỗ Thị Bé"],
                             close=False)
    office = new_store(tmp_path / "office.sqlite3")
    import_file(office, catalog, bundle_file(tmp_path, laptop, catalog, Scope(), "open.json"))
    assert not office.session(session_id).closed
    laptop.close_session(session_id)
    report = import_file(office, catalog, bundle_file(tmp_path, laptop, catalog, Scope(),
                                                      "closed.json"))
    assert report.updated["sessions"] == 1
    assert office.session(session_id).closed
    assert {a.status for a in office.attendance(session_id)} == {AttendanceStatus.PRESENT}


def test_a_conflicting_row_is_reported_and_nothing_is_written(tmp_path: Path,
                                                              catalog: Catalog) -> None:
    laptop = new_store(tmp_path / "laptop.sqlite3")
    session_id = run_meeting(laptop, catalog, "Chi bộ Khu phố 8", ["Lê Văn An", "Đỗ Thị Bé"])
    path = bundle_file(tmp_path, laptop, catalog, Scope())
    office = new_store(tmp_path / "office.sqlite3")
    import_file(office, catalog, path)
    # The same session, closed here, held on another day over there: a conflict.
    data = json.loads(path.read_bytes())
    data["content"]["sessions"][0]["topic"] = "Chủ đề khác"
    extra = dict(data["content"]["attendance"][0], id="att-new", member_id="m-new")
    data["content"]["members"].append(dict(data["content"]["members"][0], id="m-new",
                                           full_name="Người Mới"))
    data["content"]["attendance"].append(extra)
    rehash(data, laptop_key(laptop))
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    before = table_counts(tmp_path / "office.sqlite3")
    with pytest.raises(MergeConflictError) as raised:
        import_file(office, catalog, edited)
    conflicts = raised.value.report.conflicts
    assert any("sessions" in line and "topic" in line for line in conflicts)
    assert any("attendance" in line for line in conflicts)  # a closed session gains nobody
    assert table_counts(tmp_path / "office.sqlite3") == before
    assert office.session(session_id).topic == "Học tập Kế hoạch 67"


# --- bad bundles --------------------------------------------------------------------------------


@pytest.fixture
def good_bundle(tmp_path: Path, catalog: Catalog) -> dict[str, Any]:
    return make_good_bundle(tmp_path, catalog)


def make_good_bundle(tmp_path: Path, catalog: Catalog) -> dict[str, Any]:
    laptop = new_store(tmp_path / "laptop.sqlite3")
    run_meeting(laptop, catalog, "Chi bộ Khu phố 9", ["Lê Văn An", "Đỗ Thị Bé"])
    return build_bundle(laptop, catalog, Scope(), now=NOW)


def laptop_key(store: Store) -> Ed25519PrivateKey:
    """The key a laptop signs its bundles with (for edits that are not the point)."""
    return Ed25519PrivateKey.from_private_bytes(_private_bytes(store))


FORGER = Ed25519PrivateKey.generate()
"""Someone who read docs/bundle-format.md and signs edited bundles with a key of their own."""


def rehash(bundle: dict[str, Any], key: Ed25519PrivateKey = FORGER) -> dict[str, Any]:
    """The bundle's hash computed again and the bundle signed again, as the docs say."""
    bundle["sha256"] = content_hash(bundle["content"])
    public = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    signed = signed_statement(bundle["sha256"]) if bundle.get("version") == 3 \
        else canonical(bundle["content"])
    bundle["signature"] = {"algorithm": "ed25519", "public_key": public,
                           "value": key.sign(signed).hex()}
    return bundle


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("edit", "expected"), [
    (lambda b: b.update(version=4), "phiên bản 4"),
    (lambda b: b["content"]["cells"][0].update(name="Chi bộ khác"), "SHA-256 không khớp"),
    (lambda b: b["content"]["attempts"][0].update(score_num=-3) or rehash(b),
     "attempts[0].score_num: -3 nằm ngoài khoảng"),
    (lambda b: b["content"]["answers"][0].update(question_id="khong-co/cau-nay")
     or rehash(b), "câu hỏi khong-co/cau-nay không có trong gói"),
    (lambda b: b["content"]["members"][0].update(full_name="Lê \x1b[31mĐỏ")
     or rehash(b), "members[0].full_name: chứa ký tự điều khiển"),
    (lambda b: b["content"]["attendance"][0].update(session_id="nowhere")
     or rehash(b), "attendance[0].session_id: trỏ tới nowhere"),
    (lambda b: b["content"].pop("answers") and rehash(b), "thiếu bảng “answers”"),
])
def test_a_bad_bundle_is_rejected_whole_with_what_and_where(
        tmp_path: Path, catalog: Catalog, good_bundle: dict[str, Any], edit: Any,
        expected: str) -> None:
    edit(good_bundle)
    path = write_json(tmp_path / "bad.json", good_bundle)
    target = new_store(tmp_path / "target.sqlite3")
    with pytest.raises(BundleError) as raised:
        read_bundle(path, catalog)
    assert expected in raised.value.message
    assert str(path) in raised.value.message
    assert not (tmp_path / "target.sqlite3").exists()  # nothing touched, not even created
    assert target.cells() == []


def test_a_hundred_megabytes_in_one_field_is_refused(tmp_path: Path, catalog: Catalog,
                                                     good_bundle: dict[str, Any]) -> None:
    good_bundle["content"]["attendance"][0]["note"] = "a" * (100 * 1024 * 1024)
    path = write_json(tmp_path / "huge.json", rehash(good_bundle))
    with pytest.raises(BundleError, match=r"attendance\[0\]\.note: dài 104\.857\.600 ký tự"):
        read_bundle(path, catalog)


def test_truncated_json_says_where(tmp_path: Path, catalog: Catalog,
                                   good_bundle: dict[str, Any]) -> None:
    text = json.dumps(good_bundle, indent=1)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(BundleError, match=r"không phải JSON hợp lệ, dòng \d+, cột \d+"):
        read_bundle(path, catalog)


def test_import_through_the_cli_twice(tmp_path: Path, catalog: Catalog,
                                      good_bundle: dict[str, Any],
                                      capsys: pytest.CaptureFixture[str]) -> None:
    path = write_json(tmp_path / "good.json", good_bundle)
    db = tmp_path / "office.sqlite3"
    assert main(["import", str(path), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "thêm mới: 1 chi bộ, 2 đảng viên, 1 buổi sinh hoạt" in out
    assert main(["import", str(path), "--db", str(db)]) == 0
    assert "Không có gì mới" in capsys.readouterr().out
    good_bundle["version"] = 9
    assert main(["import", str(write_json(tmp_path / "v9.json", good_bundle)),
                 "--db", str(db)]) == 1
    assert "phiên bản 9" in capsys.readouterr().err


# --- CSV, XLSX ----------------------------------------------------------------------------------


@pytest.fixture
def hostile_store(tmp_path: Path, catalog: Catalog) -> Store:
    store = new_store(tmp_path / "hostile.sqlite3")
    run_meeting(store, catalog, "Chi bộ Khu phố 4", [*HOSTILE, "Lê \x1b[31mVăn An"])
    return store


def test_csv_reads_back_with_bom_numbers_and_neutralised_cells(
        hostile_store: Store, catalog: Catalog) -> None:
    data = csv_bytes(hostile_store, catalog, Scope())
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    header, body = rows[0], rows[1:]
    assert header[:7] == ["Chi bộ", "Ngày sinh hoạt", "Chủ đề", "Đảng viên", "Ghi chú phân biệt",
                          "Điểm danh", "Điểm"]
    members = {row[3] for row in body}
    assert "'=HYPERLINK(\"http://x\",\"y\")" in members
    assert "'@SUM(A1)" in members
    assert "'+Trần Văn Cộng" in members
    assert "<script>alert(1)</script>" in members  # harmless in a spreadsheet: kept
    assert "Lê Văn An" in members  # the escape code never reached the store
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in body for cell in row)
    scores = {row[3]: float(row[6]) for row in body}
    assert scores["'=HYPERLINK(\"http://x\",\"y\")"] == 10.0  # first in order: all right
    assert all(row[6] == str(float(row[6])).removesuffix(".0") for row in body)


def test_xlsx_holds_numbers_and_formula_looking_text_as_text(
        tmp_path: Path, hostile_store: Store, catalog: Catalog) -> None:
    path = write_atomically(tmp_path / "ket-qua.xlsx",
                            prepare(hostile_store, catalog, Scope(), "xlsx").write)
    book = load_workbook(path)
    scores, questions = book.worksheets
    assert scores.title == "Bảng điểm"
    assert scores.freeze_panes == "A2"
    assert all(cell.font.bold for cell in scores[1])
    names = {row[3].value: row for row in scores.iter_rows(min_row=2)}
    hyperlink = names['=HYPERLINK("http://x","y")']
    assert hyperlink[3].data_type == "s"  # stored as text, never a formula
    assert isinstance(hyperlink[6].value, (int, float))
    assert hyperlink[6].value == 10
    assert scores.column_dimensions["D"].width >= len('=HYPERLINK("http://x","y")')
    header = [cell.value for cell in questions[1]]
    assert header[:5] == ["Câu hỏi", "Bài học", "Số người được hỏi", "Số người trả lời đúng",
                          "Tỉ lệ đúng"]
    shares = [row[4].value for row in questions.iter_rows(min_row=2)]
    numbers = [share for share in shares if isinstance(share, float) and 0 <= share <= 1]
    assert len(numbers) == len(shares) > 3
    assert numbers == sorted(numbers)  # most missed first


# --- reports --------------------------------------------------------------------------------------


def test_html_report_escapes_every_text_and_needs_no_network(
        hostile_store: Store, catalog: Catalog) -> None:
    page = to_html(build_report(hostile_store, catalog,
                                [s.id for s in hostile_store.sessions()], now=NOW))
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "http://" not in page.replace('"http://x"', "").replace("&quot;http://x&quot;", "")
    assert "@page { size: A4" in page
    assert 'class="bars"' in page  # the chart of bands
    assert "\x1b" not in page


def test_markdown_report_matches_the_reviewed_golden_file(tmp_path: Path,
                                                          catalog: Catalog) -> None:
    store = demo_store(tmp_path, catalog, cells=1, sessions=1, members=8)
    [session] = store.sessions()
    text = to_markdown(build_report(store, catalog, [session.id], now=NOW))
    golden = GOLDEN / "report-session.md"
    if os.environ.get("STUDYAPP_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_ward_report_over_three_cells(tmp_path: Path, catalog: Catalog) -> None:
    store = new_store(tmp_path / "ward.sqlite3")
    for number in (1, 2, 3):
        run_meeting(store, catalog, f"Chi bộ Khu phố {number}",
                    [f"Lê Văn A{number}", f"Trần Thị B{number}", f"Đỗ Văn C{number}"][:number],
                    seed=number)
    text = to_markdown(build_report(store, catalog, [s.id for s in store.sessions()], now=NOW))
    assert "## So sánh các chi bộ" in text
    comparison = text.split("## So sánh các chi bộ")[1].split("\n## ")[0]
    lines = [line for line in comparison.splitlines() if line.startswith("| Chi bộ Khu phố")]
    assert len(lines) == 3
    assert lines[0].startswith("| Chi bộ Khu phố 1 | 1 | 1/1 | 0 | 0 | 0 | 1 | 10,0 | 100% |")
    for number in (1, 2, 3):
        assert f"\n## Chi bộ Khu phố {number}\n" in text
    assert "Người lập báo cáo (ký, ghi rõ họ tên)" in text


# --- files and the command line ---------------------------------------------------------------


def test_an_export_to_a_missing_or_unwritable_place_leaves_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ExportError, match="Không có thư mục"):
        write_atomically(tmp_path / "khong-co" / "a.csv", lambda stream: None)
    with pytest.raises(ExportError, match="là một thư mục"):
        write_atomically(tmp_path, lambda stream: None)

    def disk_full(stream: Any) -> None:
        stream.write(b"half")
        raise OSError(28, "No space left on device")

    with pytest.raises(ExportError, match="No space left on device"):
        write_atomically(tmp_path / "a.csv", disk_full)
    assert list(tmp_path.iterdir()) == []  # no half-written file, no temporary file


def test_cli_export_formats_and_scopes(tmp_path: Path, catalog: Catalog,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    store = demo_store(tmp_path, catalog)
    db = str(tmp_path / "demo.sqlite3")
    cell = store.cells()[0]
    for fmt in ("csv", "xlsx", "json", "md", "html"):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", "--cell", cell.name, "--format", fmt, "-o", str(out),
                     "--db", db]) == 0
        assert str(out) in capsys.readouterr().err
        assert out.stat().st_size > 0
    assert main(["export", "--format", "csv", "--db", db]) == 2
    assert "Cần nói xuất gì" in capsys.readouterr().err
    assert main(["export", "--all", "--format", "csv", "-o",
                 str(tmp_path / "khong" / "a.csv"), "--db", db]) == 1
    assert "Không có thư mục" in capsys.readouterr().err
    assert main(["export", "--all", "--from", "31/12/2026", "--to", "01/01/2026",
                 "--format", "csv", "--db", db]) == 2
    member = store.members(cell.id)[0]
    assert main(["export", "--member", member.full_name, "--format", "csv", "--db", db]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")),
                           delimiter=";"))  # Vietnamese: `;` between fields
    assert {row[3] for row in rows[1:]} == {member.full_name}


def test_suggested_names_are_plain() -> None:
    assert suggested_name("xlsx", cell="Chi bộ Khu phố 1", day=date(2026, 11, 26)) == \
        "ket-qua-chi-bo-khu-pho-1-2026-11-26.xlsx"
    assert suggested_name("csv", member="Đỗ Thị Ánh") == "ket-qua-do-thi-anh.csv"


def test_the_office_imports_three_cells_and_prints_one_ward_report(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    office = str(tmp_path / "office.sqlite3")
    for number in (1, 2, 3):
        laptop = new_store(tmp_path / f"cell{number}.sqlite3")
        run_meeting(laptop, catalog, f"Chi bộ Khu phố {number}",
                    ["Lê Văn An", "Trần Thị Bình", "Đỗ Văn Cường"][:number], seed=number)
        laptop.database.close()
        bundle = tmp_path / f"cell{number}.json"
        assert main(["export", "--all", "--format", "json", "-o", str(bundle),
                     "--db", str(tmp_path / f"cell{number}.sqlite3")]) == 0
        assert main(["import", str(bundle), "--db", office]) == 0
    capsys.readouterr()
    report = tmp_path / "phuong.html"
    assert main(["export", "--all", "--format", "html", "-o", str(report), "--db", office]) == 0
    page = report.read_text(encoding="utf-8")
    assert page.count("<h2>Chi bộ Khu phố") == 3
    comparison = page.split("<h2>So sánh các chi bộ</h2>")[1].split("</table>")[0]
    assert comparison.count("<tr>") == 4  # the header and one row per cell


def test_the_command_line_lists_the_formats_the_exporter_has() -> None:
    from studyapp.cli.exchange import FORMATS as PARSED  # noqa: PLC0415
    from studyapp.export.run import FORMATS  # noqa: PLC0415

    assert PARSED == FORMATS


def test_members_present_but_not_tested_count_as_present(tmp_path: Path,
                                                         catalog: Catalog) -> None:
    store = new_store(tmp_path / "not-tested.sqlite3")
    session_id = run_meeting(store, catalog, "Chi bộ Khu phố 5", ["Lê Văn An", "Đỗ Thị Bé"],
                             close=False)
    late = store.add_member(store.cells()[0].id, "Trần Văn Muộn")
    store.set_attendance(session_id, late.id, AttendanceStatus.PRESENT)
    store.close_session(session_id)  # present, never took the test: "not tested"
    text = to_markdown(build_report(store, catalog, [session_id], now=NOW))
    assert "Có mặt 3/3 · vắng có phép 0 · vắng 0 (trong số người có mặt, 1 người không làm " \
           "bài kiểm tra)" in text
    assert "- **Đã làm bài:** 2/3 người có mặt" in text


def test_cli_names_may_be_typed_without_diacritics(tmp_path: Path, catalog: Catalog,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    store = new_store(tmp_path / "plain.sqlite3")
    run_meeting(store, catalog, "Chi bộ Khu phố 5", ["Lê Hồng Bích", "Đỗ Thị Bé"])
    store.database.close()
    db = str(tmp_path / "plain.sqlite3")
    assert main(["export", "--member", "le hong bich", "--format", "csv", "--db", db]) == 0
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff")),
                           delimiter=";"))  # Vietnamese: `;` between fields
    assert {row[3] for row in rows[1:]} == {"Lê Hồng Bích"}
    assert main(["export", "--cell", "chi bo khu pho 5", "--format", "csv", "--db", db]) == 0
    assert len(list(csv.reader(io.StringIO(capsys.readouterr().out), delimiter=";"))) == 3


# --- a meeting with a retake, an excused member and an absent one (issue 14: 8–11) ----------


@pytest.fixture
def retake_store(tmp_path: Path, catalog: Catalog) -> Store:
    return make_retake_store(tmp_path, catalog)


def make_retake_store(tmp_path: Path, catalog: Catalog, *, edited_score: bool = True,
                      excused_note: str = "Đi công tác Đà Nẵng") -> Store:
    """Three tested members (10, 7.5-ish, …); the last one retook and did better;
    one excused with a reason, one absent."""
    store = new_store(tmp_path / "retake.sqlite3")
    names = ["Lê Hồng Bích", "Đỗ Thị Bé", "Trần Văn Cường"]
    session_id = run_meeting(store, catalog, "Chi bộ Khu phố 6", names, close=False)
    cell = store.ensure_cell("Chi bộ Khu phố 6")
    excused = store.add_member(cell.id, "Phạm Thị Duyên")
    absent = store.add_member(cell.id, "Vũ Văn Em")
    store.set_attendance(session_id, excused.id, AttendanceStatus.EXCUSED,
                         note=excused_note)
    store.set_attendance(session_id, absent.id, AttendanceStatus.ABSENT)
    cuong = store.find_members(cell.id, "Trần Văn Cường")[0]
    first = store.attempts(member_id=cuong.id, session_id=session_id)[0]
    settings = SessionSettings(count=4)
    session = store.session(session_id)
    paper = session_paper(catalog, [], settings, session.seed, cuong.id)
    quiz = RecordedQuiz.start(store, paper, Mode.TEST, store.learner(cuong),
                              session_id=session_id, time_limit=None, clock=store.clock,
                              retake_of=first.id)
    for position, item in enumerate(paper.items):
        quiz.answer(position, correct_response(item.question))
    quiz.finish()
    if edited_score:  # a partial-credit score, 7,5, written over the real one
        bich = store.find_members(cell.id, "Lê Hồng Bích")[0]
        with store._write() as connection:
            connection.execute("UPDATE attempts SET score_num = 15, score_den = 2 "
                               "WHERE member_id = ?", (bich.id,))
    store.close_session(session_id)
    return store


def _counted_scores(store: Store) -> dict[str, float]:
    return {row.member: float(row.score) for row in score_rows(store, Scope())
            if row.counted and row.score is not None}


def test_xlsx_dates_are_dates_and_only_counted_scores_average(
        tmp_path: Path, retake_store: Store, catalog: Catalog) -> None:
    path = write_atomically(tmp_path / "ket-qua.xlsx",
                            prepare(retake_store, catalog, Scope(), "xlsx").write)
    scores = load_workbook(path).worksheets[0]
    header = [cell.value for cell in scores[1]]
    date_col, score_col = header.index("Ngày sinh hoạt"), header.index("Điểm")
    replaced_col = header.index("Điểm bài bị thay (đã làm lại)")
    note_col = header.index("Ghi chú điểm danh")
    body = list(scores.iter_rows(min_row=2))
    for row in body:
        assert isinstance(row[date_col].value, datetime)  # a real date, not text
        assert row[date_col].value.date() == date(2026, 11, 26)
        assert row[date_col].number_format == "dd/mm/yyyy"
    counted = [row[score_col].value for row in body if row[score_col].value is not None]
    official = _counted_scores(retake_store)
    assert len(counted) == len(official) == 3  # one score per tested member
    assert sum(counted) / len(counted) == pytest.approx(sum(official.values()) / 3)
    replaced = [row for row in body if row[replaced_col].value is not None]
    assert len(replaced) == 1
    assert replaced[0][3].value == "Trần Văn Cường"
    assert replaced[0][score_col].value is None
    notes = {row[3].value: row[note_col].value for row in body}
    assert notes["Phạm Thị Duyên"] == "Đi công tác Đà Nẵng"


def test_xlsx_filters_freezes_and_prints_one_page_wide(
        tmp_path: Path, retake_store: Store, catalog: Catalog) -> None:
    path = write_atomically(tmp_path / "ket-qua.xlsx",
                            prepare(retake_store, catalog, Scope(), "xlsx").write)
    for sheet in load_workbook(path).worksheets:
        assert sheet.freeze_panes == "A2"
        assert sheet.auto_filter.ref == sheet.dimensions
        assert sheet.page_setup.orientation == "landscape"
        assert sheet.sheet_properties.pageSetUpPr.fitToPage is True
        assert sheet.page_setup.fitToWidth == 1
        assert sheet.page_setup.fitToHeight == 0
        assert sheet.print_title_rows == "$1:$1"
    questions = load_workbook(path).worksheets[1]
    assert all(row[0].alignment.wrap_text for row in questions.iter_rows(min_row=2))


@pytest.mark.parametrize(("decimal", "separator", "mark"), [("comma", ";", ","),
                                                            ("point", ",", ".")])
def test_csv_decimal_sign_and_separator(retake_store: Store, catalog: Catalog, decimal: str,
                                        separator: str, mark: str) -> None:
    store = retake_store
    data = csv_bytes(store, catalog, Scope(), decimal=decimal)
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=separator))
    header, body = rows[0], rows[1:]
    assert len(header) > 10
    assert all(len(row) == len(header) for row in body)
    by_name = {row[3]: row for row in body if row[header.index("Điểm")]}
    assert by_name["Lê Hồng Bích"][header.index("Điểm")] == f"7{mark}5"
    note = header.index("Ghi chú điểm danh")
    assert {row[3]: row[note] for row in body}["Phạm Thị Duyên"] == "Đi công tác Đà Nẵng"


def test_csv_decimal_follows_the_interface_language(retake_store: Store,
                                                    catalog: Catalog) -> None:
    assert csv_bytes(retake_store, catalog, Scope(), decimal=None).decode(
        "utf-8-sig").splitlines()[0].count(";") > 10
    set_language("en")
    try:
        header = csv_bytes(retake_store, catalog, Scope(), decimal=None).decode(
            "utf-8-sig").splitlines()[0]
    finally:
        set_language("vi")
    assert ";" not in header
    assert header.count(",") > 10


def _soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice is not installed (Debian/Ubuntu package: "
                    "libreoffice-calc-nogui)")
    return found


def _soffice_convert(soffice: str, source: Path, out_dir: Path, to: str,
                     infilter: str | None = None) -> Path:
    """`source` opened by LibreOffice Calc (with `infilter`'s options) and saved as `to`."""
    profile = (out_dir / "profile").resolve().as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless",
                    *([f"--infilter={infilter}"] if infilter else []), "--convert-to", to,
                    "--outdir", str(out_dir), str(source)],
                   check=True, capture_output=True, timeout=120)
    return out_dir / f"{source.stem}.{to.split(':', maxsplit=1)[0]}"


@pytest.mark.parametrize("case", [("comma", 59, 1066), ("point", 44, 1033)])
def test_libreoffice_reads_csv_scores_as_numbers(
        tmp_path: Path, retake_store: Store, catalog: Catalog, case: tuple[str, int, int]
        ) -> None:
    """The CSV imported by LibreOffice in the matching locale (Vietnamese 1066,
    English 1033) and saved as XLSX: the scores are numbers, not text."""
    decimal, separator, locale = case
    soffice = _soffice()
    source = tmp_path / "ket-qua.csv"
    source.write_bytes(csv_bytes(retake_store, catalog, Scope(), decimal=decimal))
    # Import options: separator, quote, UTF-8 (76), first line, column formats, language.
    path = _soffice_convert(soffice, source, tmp_path, "xlsx",
                            f"Text - txt - csv (StarCalc):{separator},34,76,1,,{locale}")
    sheet = load_workbook(path).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    column = header.index("Điểm")
    scores = [row[column].value for row in sheet.iter_rows(min_row=2)
              if row[column].value is not None]
    assert len(scores) == 3
    assert 7.5 in scores
    assert all(isinstance(score, (int, float)) for score in scores)  # SUM counts them all


LIBREOFFICE_DIALOG_DEFAULTS = "Text - txt - csv (StarCalc):9/44/59,34,76,1,,1066"
"""What LibreOffice's Text Import dialog starts with when a secretary opens the
CSV: tab, comma and semicolon all ticked (its registry's CSVImport/Separators),
the character set the BOM names (UTF-8), the language of a Vietnamese laptop."""


@pytest.mark.parametrize("decimal", ["comma", "point"])
def test_libreoffice_dialog_defaults_keep_letters_columns_and_numbers(
        tmp_path: Path, catalog: Catalog, decimal: str) -> None:
    """Opened with the dialog as it starts, the CSV has every column where it
    belongs: a `7,5` score, a note with a semicolon and a text with a comma are one cell
    each (unquoted, the separators LibreOffice ticks cut them in two)."""
    soffice = _soffice()
    note = "Đi công tác Đà Nẵng; về muộn"
    store = make_retake_store(tmp_path, catalog, excused_note=note)
    source = tmp_path / "ket-qua.csv"
    source.write_bytes(csv_bytes(store, catalog, Scope(), decimal=decimal))
    path = _soffice_convert(soffice, source, tmp_path, "xlsx", LIBREOFFICE_DIALOG_DEFAULTS)
    sheet = load_workbook(path).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = rows[0]
    assert len(header) == len(COLUMNS)
    assert all(len(row) == len(COLUMNS) for row in rows)
    assert header[:4] == ["Chi bộ", "Ngày sinh hoạt", "Chủ đề", "Đảng viên"]
    by_name = {row[3]: row for row in rows[1:]}
    assert set(by_name) >= {"Lê Hồng Bích", "Đỗ Thị Bé", "Trần Văn Cường", "Phạm Thị Duyên"}
    assert by_name["Phạm Thị Duyên"][header.index("Ghi chú điểm danh")] == note
    if decimal == "comma":  # the point file is for English settings: there `7.5` is a number
        assert by_name["Lê Hồng Bích"][header.index("Điểm")] == 7.5
    verified = header.index("Xác minh số liệu")
    assert all("," in str(row[verified]) for row in rows[1:])  # a comma in the text, one cell


def test_libreoffice_opens_the_xlsx_with_real_dates(
        tmp_path: Path, retake_store: Store, catalog: Catalog) -> None:
    soffice = _soffice()
    path = write_atomically(tmp_path / "ket-qua.xlsx",
                            prepare(retake_store, catalog, Scope(), "xlsx").write)
    out = tmp_path / "out"
    out.mkdir()
    lines = _soffice_convert(soffice, path, out, "csv:Text - txt - csv (StarCalc):44,34,76"
                             ).read_text("utf-8").splitlines()
    rows = list(csv.reader(lines))
    column = rows[0].index("Ngày sinh hoạt")
    assert {row[column] for row in rows[1:]} == {"26/11/2026"}  # shown dd/mm/yyyy
