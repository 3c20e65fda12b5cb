"""`studyapp members`, `db`, `locate` and `demo` from the command line."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from studyapp.store.schema import SCHEMA_VERSION
from tests.conftest import run_cli, write

Capture = pytest.CaptureFixture[str]




@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "studyapp.sqlite3")


def test_members_add_list_remove(capsys: Capture, db: str) -> None:
    for name in ("Đỗ Văn Bình", "Nguyễn Thị Ánh", "Lê Văn An"):
        assert run_cli(capsys, "members", "add", name, "--cell", "Chi bộ 3", "--db", db)[0] == 0
    code, out, _ = run_cli(capsys, "members", "list", "--cell", "Chi bộ 3", "--db", db)
    assert code == 0
    assert out.splitlines() == ["Chi bộ 3 (3 đảng viên)", "    1. Lê Văn An",
                                "    2. Nguyễn Thị Ánh", "    3. Đỗ Văn Bình"]
    code, _, err = run_cli(capsys, "members", "add", "lê văn an", "--cell", "Chi bộ 3", "--db", db)
    assert code == 1
    assert "ghi chú phân biệt" in err
    assert "--note" in err
    code, _, err = run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ 3", "--db",
                           db, "--allow-duplicate")  # no longer enough: the note tells them apart
    assert code == 1
    assert "--note" in err
    assert run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ 3", "--db", db,
                   "--note", "sinh 1960")[0] == 0
    code, _, err = run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ 3", "--db",
                           db, "--note", "Sinh 1960")  # the same note: still alike
    assert code == 1
    assert "sinh 1960" in err.casefold()
    code, out, _ = run_cli(capsys, "members", "list", "--cell", "Chi bộ 3", "--db", db)
    lines = out.splitlines()  # the older one, added before it had a note: its code
    assert lines[1].startswith("    1. Lê Văn An (mã ")
    assert lines[2] == "    2. Lê Văn An (sinh 1960)"
    code, _, err = run_cli(capsys, "members", "remove", "Lê Văn An", "--cell", "Chi bộ 3",
                           "--db", db, "--note", "x")
    assert code == 2  # a note only goes with add
    assert "--note" in err
    _, out, _ = run_cli(capsys, "members", "list", "--format", "json", "--db", db)
    members = json.loads(out)
    assert sorted(m["note"] for m in members if m["full_name"] == "Lê Văn An") == [
        "", "sinh 1960"]
    twin = next(m["id"] for m in members if m["note"] == "sinh 1960")
    assert run_cli(capsys, "members", "remove", "Lê Văn An", "--cell", "Chi bộ 3", "--id", twin,
               "--db", db)[0] == 0
    _, out, _ = run_cli(capsys, "members", "list", "--format", "json", "--db", db)
    assert [m["full_name"] for m in json.loads(out)] == ["Lê Văn An", "Nguyễn Thị Ánh",
                                                        "Đỗ Văn Bình"]


def test_a_namesake_is_named_with_its_note(capsys: Capture, db: str) -> None:
    run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ", "--db", db)
    run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ", "--db", db,
            "--note", "[sinh 1960]\x1b[2J")
    code, _, err = run_cli(capsys, "members", "remove", "Lê Văn An", "--cell", "Chi bộ",
                           "--db", db)
    assert code == 1
    assert "Lê Văn An (sinh 1960)" in err  # which names would do
    assert run_cli(capsys, "members", "remove", "lê văn an (sinh 1960)", "--cell", "Chi bộ",
                   "--db", db)[0] == 0
    _, out, _ = run_cli(capsys, "members", "list", "--format", "json", "--db", db)
    assert [(m["full_name"], m["note"]) for m in json.loads(out)] == [("Lê Văn An", "")]


def test_members_import(capsys: Capture, db: str, tmp_path: Path) -> None:
    roster = write(tmp_path / "ds.txt", "\ufeffLê Văn An\n\nTrần Thị Hoa\r\nLê Văn An\n"
                   .encode())
    code, _, err = run_cli(capsys, "members", "import", str(roster), "--cell", "Chi bộ mới",
                       "--db", db)
    assert code == 0
    assert "Đã thêm 2 người vào Chi bộ mới" in err
    assert "bỏ qua “Lê Văn An”" in err
    latin = write(tmp_path / "latin.txt", "Hà Nội".encode("latin-1", errors="replace")
                  .replace(b"?", b"\xe0"))
    code, _, err = run_cli(capsys, "members", "import", str(latin), "--cell", "Chi bộ mới",
                       "--db", db)
    assert code == 1
    assert "UTF-8" in err


def test_pin_from_the_command_line(capsys: Capture, db: str,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    run_cli(capsys, "members", "add", "Lê Văn An", "--cell", "Chi bộ", "--db", db)
    assert run_cli(capsys, "members", "pin", "--cell", "Chi bộ", "--new-pin", "246813", "--db",
               db)[0] == 0
    code, _, err = run_cli(capsys, "members", "add", "Trần Thị Hoa", "--cell", "Chi bộ", "--db", db)
    assert code == 1
    assert "PIN" in err
    assert run_cli(capsys, "members", "add", "Trần Thị Hoa", "--cell", "Chi bộ", "--db", db,
               "--pin", "246813")[0] == 0
    monkeypatch.setenv("STUDYAPP_PIN", "246813")
    assert run_cli(capsys, "members", "add", "Phạm Văn Cường", "--cell", "Chi bộ",
                   "--db", db)[0] == 0


def test_usage_errors(capsys: Capture, db: str) -> None:
    assert run_cli(capsys, "members", "add", "--cell", "X", "--db", db)[0] == 2
    assert run_cli(capsys, "members", "add", "Lê Văn An", "--db", db)[0] == 2
    assert run_cli(capsys, "db", "backup", "--db", db)[0] == 2
    code, _, err = run_cli(capsys, "members", "list", "--cell", "Không có", "--db", db)
    assert code == 1
    assert "không có chi bộ" in err


def test_demo_check_backup_locate(capsys: Capture, db: str, tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "demo", "--seed", "1", "--cells", "2", "--members", "6",
                       "--sessions", "2", "--db", db)
    assert code == 0
    assert "2 chi bộ, 12 đảng viên" in err
    code, out, _ = run_cli(capsys, "db", "check", "--db", db)
    assert code == 0
    assert out.startswith(f"{db}: tốt (lược đồ {SCHEMA_VERSION};")
    assert run_cli(capsys, "demo", "--db", db)[0] == 1  # never over real (or any) data
    copy = tmp_path / "backup.sqlite3"
    assert run_cli(capsys, "db", "backup", "-o", str(copy), "--db", db)[0] == 0
    assert run_cli(capsys, "db", "check", "--db", str(copy))[0] == 0
    assert run_cli(capsys, "db", "backup", "-o", str(copy), "--db", db)[0] == 1  # not overwritten
    code, out, _ = run_cli(capsys, "locate", "--db", db)
    assert code == 0
    assert f"Cơ sở dữ liệu: {db}" in out
    assert f"Tệp cấu hình: {os.environ['STUDYAPP_CONFIG_DIR']}" in out


def test_a_truncated_database_is_refused_and_left_as_it_was(capsys: Capture, db: str) -> None:
    run_cli(capsys, "demo", "--seed", "2", "--cells", "1", "--members", "10", "--sessions", "2",
        "--db", db)
    path = Path(db)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) * 2 // 3])
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    code, out, err = run_cli(capsys, "members", "list", "--db", db)
    assert code == 1
    assert out == ""
    assert f"Tệp {db} bị cụt" in err
    assert "sao lưu" in err
    assert "Traceback" not in err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert run_cli(capsys, "db", "check", "--db", db)[0] == 1


def test_db_check_on_no_database(capsys: Capture, db: str) -> None:
    code, _, err = run_cli(capsys, "db", "check", "--db", db)
    assert code == 1
    assert "Chưa có cơ sở dữ liệu" in err
    assert not Path(db).exists()
