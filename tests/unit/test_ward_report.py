"""The ward's report (issue 14, item 12; issue 21, item 6): who missed, the period
asked for, the signature kept with the last table, imports said in plain words,
and whether each cell's data is verified."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from openpyxl import load_workbook

from studyapp.cli import main
from studyapp.content.catalog import Catalog
from studyapp.export.bundle import content_hash
from studyapp.export.report import (
    Document,
    Heading,
    Paragraph,
    Signature,
    Table,
    build_report,
    to_html,
    to_markdown,
)
from studyapp.store.database import Database
from studyapp.store.models import AttendanceStatus
from studyapp.store.signing import fingerprint, provenance, record_sources
from studyapp.store.store import Store
from tests.unit.test_exports import FORGER, laptop_key, rehash, run_meeting

NOW = datetime(2026, 11, 26, 20, 0, tzinfo=UTC)
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PDFTOTEXT = shutil.which("pdftotext")


def ward(tmp_path: Path, catalog: Catalog) -> Store:
    """Two cells, two meetings each: one excused with a reason, one absent, one
    present and never tested (closing records it), the others tested."""
    store = Store(Database(tmp_path / "ward.sqlite3"))
    for number in (1, 2):
        cell = f"Chi bộ Khu phố {number}"
        for held_on in (date(2026, 10, 20), date(2026, 11, 20)):
            session_id = run_meeting(store, catalog, cell, ["Lê Văn An", "Trần Thị Bình"],
                                     held_on, close=False, seed=number)
            cell_id = store.cell_by_name(cell).id  # type: ignore[union-attr]
            if held_on.month == 11:
                for name, status, note in (("Đỗ Văn Cường", AttendanceStatus.EXCUSED, "ốm"),
                                           ("Phạm Thị Dung", AttendanceStatus.ABSENT, ""),
                                           ("Vũ Văn Em", AttendanceStatus.PRESENT, "")):
                    found = store.find_members(cell_id, name)
                    member = found[0] if found else store.add_member(cell_id, name)
                    store.set_attendance(session_id, member.id, status, note)
            store.close_session(session_id)
    return store


def test_the_ward_table_counts_who_missed_and_one_list_names_them(
        tmp_path: Path, catalog: Catalog) -> None:
    store = ward(tmp_path, catalog)
    text = to_markdown(build_report(store, catalog, [s.id for s in store.sessions()], now=NOW))
    comparison = text.split("## So sánh các chi bộ")[1].split("\n## ")[0]
    assert "| Chi bộ | Số buổi | Có mặt | Vắng có phép | Vắng | Có mặt, không làm bài | " \
           "Đã làm bài |" in comparison
    # 2 + 3 marked at the second meeting; 2 + 1 present.
    assert "| Chi bộ Khu phố 1 | 2 | 5/7 | 1 | 1 | 1 | 4 | " in comparison
    assert text.count("## Danh sách vắng và không làm bài trong kỳ") == 1
    missed = text.split("## Danh sách vắng và không làm bài trong kỳ")[1].split("\n\n*")[0]
    lines = [line for line in missed.splitlines() if line.startswith("| ") and "STT" not in line]
    assert lines == [
        "| 1 | Đỗ Văn Cường | Chi bộ Khu phố 1 | 20/11/2026 | Vắng có phép | ốm |",
        "| 2 | Phạm Thị Dung | Chi bộ Khu phố 1 | 20/11/2026 | Vắng |  |",
        "| 3 | Vũ Văn Em | Chi bộ Khu phố 1 | 20/11/2026 | Có mặt, không làm bài |  |",
        "| 4 | Đỗ Văn Cường | Chi bộ Khu phố 2 | 20/11/2026 | Vắng có phép | ốm |",
        "| 5 | Phạm Thị Dung | Chi bộ Khu phố 2 | 20/11/2026 | Vắng |  |",
        "| 6 | Vũ Văn Em | Chi bộ Khu phố 2 | 20/11/2026 | Có mặt, không làm bài |  |",
    ]
    # The list is the report's last table: the signature follows it.
    assert text.index("Danh sách vắng") > text.index("## Chi bộ Khu phố 2")
    assert text.index("Người lập báo cáo") > text.index("| 6 | Vũ Văn Em")


def test_the_header_gives_the_period_asked_for_not_the_sessions_dates(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ward(tmp_path, catalog).database.close()
    db = str(tmp_path / "ward.sqlite3")
    assert main(["export", "--all", "--from", "01/10/2026", "--to", "31/12/2026",
                 "--format", "md", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "- **Thời gian:** từ 01/10/2026 đến 31/12/2026" in text
    assert main(["export", "--all", "--from", "01/11/2026", "--format", "md", "--db", db]) == 0
    text = capsys.readouterr().out
    assert "- **Thời gian:** từ 01/11/2026\n" in text
    assert "20/10/2026" not in text  # the October meetings are outside it
    assert main(["export", "--all", "--format", "md", "--db", db]) == 0
    # Nothing asked: the sessions' own first and last days.
    assert "- **Thời gian:** từ 20/10/2026 đến 20/11/2026" in capsys.readouterr().out


def _pages(tmp_path: Path, page: str, name: str) -> list[str]:
    source = tmp_path / f"{name}.html"
    source.write_text(page, encoding="utf-8")
    pdf = tmp_path / f"{name}.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri()],
                   check=True, capture_output=True, timeout=120)
    text = subprocess.run([str(PDFTOTEXT), "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return [page for page in text.split("\f") if page.strip()]


def _page_of(pages: list[str], text: str) -> int:
    found = [number for number, page in enumerate(pages) if text in page]
    assert len(found) == 1, (text, found)
    return found[0]


@pytest.mark.skipif(CHROMIUM is None or PDFTOTEXT is None,
                    reason="needs Debian's chromium and poppler-utils "
                           "(apt-get install chromium poppler-utils)")
def test_printed_the_signature_stays_on_the_page_where_the_last_table_ends(
        tmp_path: Path, catalog: Catalog) -> None:
    # Lengths found by printing: with 24 rows the table ends at the foot of the
    # first page and the signature went alone to the next; with 94 a table
    # longer than a page kept whole with the signature still left it alone.
    for rows in (24, 94):
        document = Document("Báo cáo", [
            Heading(1, "Báo cáo"), Paragraph("Lời mở đầu của báo cáo. " * 40),
            Heading(2, "Danh sách vắng"),
            Table(("STT", "Họ và tên", "Ghi chú"),
                  tuple((str(n), f"Nguyễn Văn Số{n}", "ốm") for n in range(1, rows + 1)),
                  frozenset({0})),
            Signature("Hà Nội, ngày 26 tháng 11 năm 2026", "Người lập báo cáo", "")])
        pages = _pages(tmp_path, to_html(document), f"rows{rows}")
        assert len(pages) > 1
        end = _page_of(pages, f"Nguyễn Văn Số{rows} ")
        assert _page_of(pages, "Người lập báo cáo") == end, pages[end][-400:]
        # Nothing lost or printed twice on the way.
        assert sum(page.count("Nguyễn Văn Số") for page in pages) == rows

    # And the real ward report: its last table is the list of who missed.
    store = ward(tmp_path, catalog)
    pages = _pages(tmp_path, to_html(build_report(store, catalog,
                                                  [s.id for s in store.sessions()], now=NOW)),
                   "ward")
    last_row = [page for page in pages if "Vũ Văn Em" in page][-1]
    assert "Người lập báo cáo (ký, ghi rõ họ tên)" in last_row


def test_an_import_is_said_in_words_a_ward_clerk_knows(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    ward(tmp_path, catalog).database.close()
    bundle = tmp_path / "ward.json"
    assert main(["export", "--cell", "Chi bộ Khu phố 2", "--format", "json", "-o", str(bundle),
                 "--db", str(tmp_path / "ward.sqlite3")]) == 0
    capsys.readouterr()
    assert main(["import", str(bundle), "--db", str(tmp_path / "office.sqlite3")]) == 0
    said = capsys.readouterr().out
    for technical in ("thao tác", "dòng điểm danh", "câu trả lời"):
        assert technical not in said
    assert "thêm mới: 1 chi bộ, 5 đảng viên, 2 buổi sinh hoạt, 4 lượt làm bài" in said
    assert "Chi bộ Khu phố 2, buổi 20/10/2026: có mặt 2/2, vắng có phép 0, vắng 0; 2 người " \
           "đã làm bài kiểm tra" in said
    assert "Chi bộ Khu phố 2, buổi 20/11/2026: có mặt 3/5, vắng có phép 1, vắng 1; 2 người " \
           "đã làm bài kiểm tra" in said


# --- verified or not (issue 21, item 6) ----------------------------------------------------------


def _laptop_bundle(tmp_path: Path, catalog: Catalog, number: int) -> tuple[Path, str]:
    """A cell's laptop holds a meeting and exports it: the file and its key's fingerprint."""
    laptop = Store(Database(tmp_path / f"cell{number}.sqlite3"))
    run_meeting(laptop, catalog, f"Chi bộ Khu phố {number}", ["Lê Văn An", "Trần Thị Bình"],
                seed=number)
    public = laptop_key(laptop).public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    laptop.database.close()
    path = tmp_path / f"cell{number}.json"
    assert main(["export", "--all", "--format", "json", "-o", str(path),
                 "--db", str(tmp_path / f"cell{number}.sqlite3")]) == 0
    return path, fingerprint(public.hex())


def test_the_ward_report_says_which_cells_data_is_verified(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    signed, key = _laptop_bundle(tmp_path, catalog, 1)
    edited, _ = _laptop_bundle(tmp_path, catalog, 2)
    # Cell 2's file edited on the way (Bình marked excused instead of present), its
    # signature dropped and its hash computed again: a version 1 bundle, accepted with
    # a warning, since nothing in it can be recomputed.
    data = json.loads(edited.read_text(encoding="utf-8"))
    data.pop("signature")
    data["version"] = 1
    for row in data["content"]["attendance"]:
        row.update(status="excused", note="đi công tác")
        break
    data["sha256"] = content_hash(data["content"])
    edited.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    office = str(tmp_path / "office.sqlite3")
    assert main(["import", str(signed), "--db", office]) == 0
    assert main(["import", str(edited), "--db", office]) == 0
    assert "không có chữ ký" in capsys.readouterr().err
    # A meeting typed in at the ward itself.
    store = Store(Database(tmp_path / "office.sqlite3"))
    run_meeting(store, catalog, "Chi bộ Khu phố 3", ["Đỗ Văn Cường"], seed=3)
    store.database.close()

    assert main(["export", "--all", "--format", "md", "--db", office]) == 0
    text = capsys.readouterr().out
    section = {number: text.split(f"\n## Chi bộ Khu phố {number}\n")[1].split("\n## ")[0]
               for number in (1, 2, 3)}
    assert f"- **Số liệu:** đã xác minh (khóa {key})" in section[1]
    assert "- **Số liệu:** chưa xác minh: gói dữ liệu không có chữ ký" in section[2]
    assert "- **Số liệu:** chưa xác minh: nhập trực tiếp trên máy này" in section[3]

    for fmt in ("csv", "xlsx"):
        out = tmp_path / f"ward.{fmt}"
        assert main(["export", "--all", "--format", fmt, "-o", str(out), "--db", office]) == 0
        if fmt == "csv":
            rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig")),
                                   delimiter=";"))
        else:
            sheet = load_workbook(out).worksheets[0]
            rows = [[str(value) if value is not None else "" for value in row]
                    for row in sheet.iter_rows(values_only=True)]
        column = rows[0].index("Xác minh số liệu")
        said = {(row[0], row[column]) for row in rows[1:]}
        assert said == {("Chi bộ Khu phố 1", f"đã xác minh (khóa {key})"),
                        ("Chi bộ Khu phố 2", "chưa xác minh: gói dữ liệu không có chữ ký"),
                        ("Chi bộ Khu phố 3", "chưa xác minh: nhập trực tiếp trên máy này, "
                                             "không qua gói dữ liệu")}, fmt


def test_a_cells_new_key_keeps_its_old_meetings_verified_and_an_unknown_key_is_said(
        tmp_path: Path, catalog: Catalog, capsys: pytest.CaptureFixture[str]) -> None:
    first, old_key = _laptop_bundle(tmp_path, catalog, 1)
    office = str(tmp_path / "office.sqlite3")
    assert main(["import", str(first), "--db", office]) == 0
    # The cell changed laptops: its next meeting comes signed by another key.
    laptop = Store(Database(tmp_path / "cell1.sqlite3"))
    later = run_meeting(laptop, catalog, "Chi bộ Khu phố 1", ["Lê Văn An", "Trần Thị Bình"],
                        date(2026, 12, 20), seed=9)
    laptop.database.close()
    second = tmp_path / "second.json"
    assert main(["export", "--session", later, "--format", "json", "-o", str(second),
                 "--db", str(tmp_path / "cell1.sqlite3")]) == 0
    data = rehash(json.loads(second.read_text(encoding="utf-8")), FORGER)
    second.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    new_key = fingerprint(data["signature"]["public_key"])
    assert main(["import", str(second), "--db", office]) == 1  # held back: another key
    assert main(["import", str(second), "--db", office, "--accept-new-key"]) == 0
    capsys.readouterr()
    store = Store(Database(tmp_path / "office.sqlite3"))
    sessions = [s.id for s in store.sessions()]
    found = provenance(store, sessions)
    assert [one.status for one in found.values()] == ["verified", "verified"]
    assert {fingerprint(one.key or "") for one in found.values()} == {old_key, new_key}
    text = to_markdown(build_report(store, catalog, sessions, now=NOW))
    assert f"- **Số liệu:** đã xác minh (khóa {old_key}) (1 buổi); đã xác minh (khóa " \
           f"{new_key}) (1 buổi)" in text
    # A key the cell was never known by (its record written by a later import).
    stranger = Ed25519PrivateKey.generate().public_key().public_bytes(
        Encoding.Raw, PublicFormat.Raw).hex()
    record_sources(store, [(later, data["content"]["cells"][0]["id"])], stranger)
    text = to_markdown(build_report(store, catalog, sessions, now=NOW))
    assert f"chưa xác minh: ký bằng khóa {fingerprint(stranger)}, không phải khóa đã biết " \
           f"của chi bộ (1 buổi)" in text
