"""A database on read-only media can still be read, checked, listed, exported
and backed up (issue 20, item 7): the commands that only read open it with
`mode=ro` (and `immutable=1` when its folder cannot be written and it has no
`-wal`), and nothing of it is written."""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from studyapp.i18n import set_language
from studyapp.store import database as database_module
from studyapp.store.database import Database
from studyapp.store.store import Store
from tests.conftest import run_cli


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def make(path: Path) -> None:
    store = Store(Database(path))
    cell = store.ensure_cell("Chi bộ Hòa Bình")
    for name in ("Nguyễn Văn An", "Trần Thị Bình"):
        store.add_member(cell.id, name)
    store.database.close()  # folded: the file alone holds everything


def state(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {path.name: (path.read_bytes(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


READING = (("db", "check"), ("members", "list"), ("export", "--all", "--format", "csv"))


def read_everything(capsys: pytest.CaptureFixture[str], db: Path, out: Path) -> None:
    for command in READING:
        code, output, errors = run_cli(capsys, *command, "--db", str(db))
        assert code == 0, errors
        if command[0] == "members":
            assert "Trần Thị Bình" in output
    code, _, errors = run_cli(capsys, "db", "backup", "-o", str(out), "--db", str(db))
    assert code == 0, errors
    copy = sqlite3.connect(out)
    assert copy.execute("SELECT count(*) FROM members").fetchone()[0] == 2
    copy.close()


def test_reading_commands_open_read_only_and_write_nothing(
        capsys: pytest.CaptureFixture[str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    db = folder / "studyapp.sqlite3"
    make(db)
    before = state(folder)
    opened: list[str] = []
    real = sqlite3.connect

    def connect(target: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(str(target))
        return real(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(database_module.sqlite3, "connect", connect)
    # The folder cannot be written (as on a write-protected USB stick).
    real_access = os.access
    monkeypatch.setattr(database_module.os, "access", lambda path, mode: (
        False if Path(path) == folder and mode == os.W_OK else real_access(path, mode)))
    read_everything(capsys, db, tmp_path / "sao-luu.sqlite3")
    ours = [uri for uri in opened if uri.startswith("file:") and "studyapp.sqlite3" in uri]
    main = [uri for uri in ours if "mode=ro&immutable=1" in uri or uri.endswith("mode=ro")]
    assert main
    assert len(main) == len(ours), ours
    assert any(uri.endswith("mode=ro&immutable=1") for uri in main)
    assert state(folder) == before  # bytes and times alike, and no -wal or -shm made


def test_a_read_only_database_with_its_wal_is_read_without_immutable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "studyapp.sqlite3"
    store = Store(Database(db))
    store.add_member(store.ensure_cell("Chi bộ").id, "Lê Văn Cường")  # left in the -wal
    assert Path(f"{db}-wal").stat().st_size > 0
    reader = Store(Database(db, read_only=True))
    assert [m.full_name for m in reader.members()] == ["Lê Văn Cường"]
    assert reader.database.uri().endswith("mode=ro")  # immutable would ignore the WAL
    store.database.close()


def test_a_read_only_store_refuses_to_write(tmp_path: Path) -> None:
    db = tmp_path / "studyapp.sqlite3"
    make(db)
    before = db.read_bytes()
    reader = Store(Database(db, read_only=True))
    with pytest.raises(RuntimeError):
        reader.ensure_cell("Chi bộ mới")
    assert db.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="chmod binds only for a user other than root")
def test_a_chmod_ed_folder_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = folder / "studyapp.sqlite3"
    make(db)
    before = state(folder)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        read_everything(capsys, db, tmp_path / "sao-luu.sqlite3")
        assert state(folder) == before
    finally:
        folder.chmod(0o755)


@contextlib.contextmanager
def tmpfs(folder: Path, size: str = "4m") -> Iterator[None]:
    """`folder` mounted as a small tmpfs for the block; skipped where
    mounting is not allowed (not root, or a container without the right)."""
    folder.mkdir()
    if sys.platform != "linux" or shutil.which("mount") is None or os.geteuid() != 0:
        pytest.skip("mounting needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                      check=False, capture_output=True).returncode:
        pytest.skip("mounting is not allowed here")
    try:
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True)


@pytest.mark.skipif(sys.platform != "linux", reason="a tmpfs mount")
def test_a_read_only_mount_is_read(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "media"
    with tmpfs(folder):
        db = folder / "studyapp.sqlite3"
        make(db)
        before = state(folder)
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        read_everything(capsys, db, tmp_path / "sao-luu.sqlite3")
        assert state(folder) == before
        code, _, errors = run_cli(capsys, "members", "add", "Lê Thị Hoa", "--cell",
                                  "Chi bộ Hòa Bình", "--db", str(db))
        assert code == 1, errors
        assert "chỉ đọc" in errors
        assert "Traceback" not in errors
