"""Backups, migration copies and exports are put in place in one step and
never clobber (issue 20, items 3 and 9)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.export.files import ExportError, write_atomically
from studyapp.i18n import set_language
from studyapp.store import atomic
from studyapp.store.database import Database, DatabaseError
from studyapp.store.store import Store
from tests.conftest import DATA, run_cli

FIXTURES = DATA / "db"


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def make(path: Path, count: int = 5) -> Store:
    store = Store(Database(path))
    cell = store.ensure_cell("Chi bộ Hòa Bình")
    for n in range(count):
        store.add_member(cell.id, f"Nguyễn Văn {n}")
    return store


def dead_pid() -> int:
    """The id of a process that has ended."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    return int(process.stdout)


def leftover(target: Path, pid: int) -> Path:
    path = target.with_name(f".{target.name}.{pid}-{'ab' * 6}{atomic.SUFFIX}")
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    Path(str(path) + "-journal").write_bytes(b"\x00" * 10)
    return path


def files(folder: Path) -> set[str]:
    return {path.name for path in folder.iterdir()}


def test_a_backup_failing_half_way_leaves_nothing_under_its_name(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = make(tmp_path / "studyapp.sqlite3")
    out = tmp_path / "out"
    out.mkdir()

    def full_disk(path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "sync_file", full_disk)
    with pytest.raises(DatabaseError) as raised:
        store.database.backup(out / "sao-luu.sqlite3")
    assert "No space left" in raised.value.message
    assert files(out) == set()  # neither the name asked for nor a temporary file
    monkeypatch.undo()
    # A second backup to the same name is not refused ("đã có").
    written = store.database.backup(out / "sao-luu.sqlite3")
    assert files(out) == {"sao-luu.sqlite3"}
    copy = sqlite3.connect(written)
    assert copy.execute("SELECT count(*) FROM members").fetchone()[0] == 5
    copy.close()


def test_leftovers_of_a_killed_backup_are_removed_by_the_next_one(tmp_path: Path) -> None:
    store = make(tmp_path / "studyapp.sqlite3")
    target = tmp_path / "sao-luu.sqlite3"
    gone = leftover(target, dead_pid())
    alive = leftover(target, os.getppid())  # a live process: still writing it
    other = tmp_path / f".khac.sqlite3.{dead_pid()}-{'cd' * 6}{atomic.SUFFIX}"
    other.write_bytes(b"x")  # another target's: not ours to judge now
    mine = tmp_path / f".sao-luu.sqlite3.{dead_pid()}-{'ef' * 6}.part"
    mine.write_bytes(b"x")  # not our suffix: never touched
    store.database.backup(target)
    assert not gone.exists()
    assert not Path(str(gone) + "-journal").exists()
    assert alive.exists()
    assert other.exists()
    assert mine.exists()


def test_the_copy_before_a_migration_is_put_in_place_and_leftovers_removed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "studyapp.sqlite3"
    shutil.copy(FIXTURES / "schema-1.sqlite3", path)  # an older schema: a migration is due
    old = leftover(tmp_path / "studyapp.before-v2-20261126-101010.sqlite3", dead_pid())
    seen: list[list[str]] = []
    real = atomic.put_in_place

    def watch(temporary: Path, target: Path) -> None:
        assert not target.exists()  # nothing under the final name before the copy is whole
        seen.append(sorted(files(tmp_path)))
        real(temporary, target)

    monkeypatch.setattr(atomic, "put_in_place", watch)
    Store(Database(path)).ensure_cell("Chi bộ mới")  # the first write migrates
    assert seen, "the copy went through put_in_place"
    assert not old.exists()
    copies = [name for name in files(tmp_path) if ".before-v" in name]
    assert all(not name.startswith(".") for name in copies), copies
    assert len(copies) == 1


def test_an_existing_backup_target_needs_force(tmp_path: Path) -> None:
    store = make(tmp_path / "studyapp.sqlite3")
    target = tmp_path / "sao-luu.sqlite3"
    target.write_bytes(b"old")
    with pytest.raises(DatabaseError) as raised:
        store.database.backup(target)
    assert "--force" in raised.value.message
    assert target.read_bytes() == b"old"
    store.database.backup(target, force=True)
    assert target.read_bytes().startswith(b"SQLite format 3")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks and FIFOs")
def test_links_and_fifos_are_refused_and_left_alone(tmp_path: Path) -> None:
    store = make(tmp_path / "studyapp.sqlite3")
    real = tmp_path / "that.txt"
    real.write_bytes(b"keep me")
    link = tmp_path / "link.sqlite3"
    link.symlink_to(real)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for target, word in ((link, "liên kết"), (fifo, "không phải một tệp thường")):
        for force in (False, True):
            with pytest.raises(DatabaseError) as raised:
                store.database.backup(target, force=force)
            assert word in raised.value.message
            with pytest.raises(ExportError) as exported:
                write_atomically(target, lambda stream: stream.write(b"new"), force=force)
            assert word in exported.value.message
    assert link.is_symlink()
    assert real.read_bytes() == b"keep me"
    assert fifo.is_fifo()


def test_an_export_onto_an_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "ket-qua.csv"
    target.write_bytes(b"old")
    with pytest.raises(ExportError) as raised:
        write_atomically(target, lambda stream: stream.write(b"new"))
    assert "--force" in raised.value.message
    assert target.read_bytes() == b"old"
    write_atomically(target, lambda stream: stream.write(b"new"), force=True)
    assert target.read_bytes() == b"new"
    assert files(tmp_path) == {"ket-qua.csv"}


def test_the_commands_refuse_to_clobber_without_force(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "studyapp.sqlite3")
    make(Path(db)).database.close()
    backup = tmp_path / "sao-luu.sqlite3"
    backup.write_bytes(b"old backup")
    code, _, errors = run_cli(capsys, "db", "backup", "-o", str(backup), "--db", db)
    assert code == 1
    assert "--force" in errors
    assert backup.read_bytes() == b"old backup"
    assert run_cli(capsys, "db", "backup", "-o", str(backup), "--force", "--db", db)[0] == 0
    assert backup.read_bytes().startswith(b"SQLite format 3")
    exported = tmp_path / "ket-qua.csv"
    exported.write_bytes(b"old export")
    code, _, errors = run_cli(capsys, "export", "--all", "--format", "csv", "-o",
                              str(exported), "--db", db)
    assert code == 1
    assert "--force" in errors
    assert exported.read_bytes() == b"old export"
    assert run_cli(capsys, "export", "--all", "--format", "csv", "-o", str(exported),
                   "--force", "--db", db)[0] == 0
    assert exported.read_bytes() != b"old export"
