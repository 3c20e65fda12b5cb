"""Hostile files beside and in the database (issue 20): each refused with a
message, and every file promised to be left alone stays byte-identical."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from studyapp.i18n import set_language
from studyapp.store.database import Database, DatabaseError
from studyapp.store.store import Store
from studyapp.store.wal import wal_path


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def make(path: Path, names: list[str]) -> Store:
    store = Store(Database(path))
    cell = store.ensure_cell("Chi bộ " + path.stem)
    for name in names:
        store.add_member(cell.id, name)
    return store


def snapshot(*paths: Path) -> list[bytes]:
    return [path.read_bytes() for path in paths]


def test_a_foreign_wal_is_refused_and_both_files_are_left_alone(tmp_path: Path) -> None:
    ours = tmp_path / "ours" / "studyapp.sqlite3"
    ours.parent.mkdir()
    make(ours, ["Nguyễn Văn An", "Trần Thị Bình"]).database.close()  # folded: no -wal
    other = tmp_path / "other" / "studyapp.sqlite3"
    other.parent.mkdir()
    other_store = make(other, [f"Người {n}" for n in range(30)])  # still open: its -wal is full
    assert wal_path(other).stat().st_size > 0
    shutil.copy(wal_path(other), wal_path(ours))  # copied by hand from the other laptop
    other_store.database.close()
    before = snapshot(ours, wal_path(ours))

    with pytest.raises(DatabaseError) as raised:
        Store(Database(ours)).members()
    message = raised.value.message
    assert str(ours) in message
    assert str(wal_path(ours)) in message
    assert "không thuộc" in message
    assert snapshot(ours, wal_path(ours)) == before
    with pytest.raises(DatabaseError):  # a write is refused the same way
        make(ours, ["Lê Văn Cường"])
    assert snapshot(ours, wal_path(ours)) == before
    # Moved away as the message says, the database is whole again.
    wal_path(ours).rename(tmp_path / "moved-wal")
    assert sorted(m.full_name for m in Store(Database(ours)).members()) == \
        ["Nguyễn Văn An", "Trần Thị Bình"]


def test_the_database_s_own_wal_is_used(tmp_path: Path) -> None:
    """A copy taken while the program ran (or after it was killed) keeps its
    answers in its WAL: that WAL is the database's own and is read."""
    path = tmp_path / "live.sqlite3"
    store = make(path, ["Nguyễn Văn An"])
    cell = store.cells()[0]
    store.add_member(cell.id, "Trần Thị Bình")
    copy = tmp_path / "copy" / "studyapp.sqlite3"
    copy.parent.mkdir()
    shutil.copy(path, copy)
    shutil.copy(wal_path(path), wal_path(copy))
    store.database.close()
    assert sorted(m.full_name for m in Store(Database(copy)).members()) == \
        ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_wal_with_another_page_size_is_refused(tmp_path: Path) -> None:
    ours = tmp_path / "ours.sqlite3"
    make(ours, ["Nguyễn Văn An"]).database.close()
    other = tmp_path / "other.sqlite3"
    raw = sqlite3.connect(other, isolation_level=None)
    raw.execute("PRAGMA page_size = 8192")
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA wal_autocheckpoint = 0")
    raw.execute("CREATE TABLE t (x)")
    shutil.copy(wal_path(other), wal_path(ours))
    raw.close()
    before = snapshot(ours, wal_path(ours))
    with pytest.raises(DatabaseError, match="không thuộc"):
        Store(Database(ours)).members()
    assert snapshot(ours, wal_path(ours)) == before


def test_a_file_named_wal_that_is_not_one_is_refused(tmp_path: Path) -> None:
    ours = tmp_path / "ours.sqlite3"
    make(ours, ["Nguyễn Văn An"]).database.close()
    wal_path(ours).write_bytes(b"not a journal at all, but somebody's notes\n" * 200)
    before = snapshot(ours, wal_path(ours))
    with pytest.raises(DatabaseError) as raised:
        Store(Database(ours)).members()
    assert "không phải tệp nhật ký WAL" in raised.value.message
    assert "Cả hai tệp được giữ nguyên" in raised.value.message
    assert snapshot(ours, wal_path(ours)) == before


def test_an_empty_file_is_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()  # a crash at creation, or `touch`
    store = Store(Database(path))
    assert not store.database.exists
    assert store.members() == []
    assert store.cells() == []
    assert store.counts()["members"] == 0
    cell = store.ensure_cell("Chi bộ 1")
    store.add_member(cell.id, "Nguyễn Văn An")
    store.database.close()
    assert [m.full_name for m in Store(Database(path)).members()] == ["Nguyễn Văn An"]
    assert Database(path).check().healthy


def damage(path: Path) -> None:
    """Flip one byte of a b-tree page header: `quick_check` sees it, opening does not."""
    raw = sqlite3.connect(path)
    root = raw.execute("SELECT rootpage FROM sqlite_master WHERE name = 'members'").fetchone()[0]
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    raw.close()
    data = bytearray(path.read_bytes())
    data[(root - 1) * page_size + 7] ^= 0x15  # the page's count of fragmented bytes
    path.write_bytes(bytes(data))


def test_nothing_is_written_into_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "damaged.sqlite3"
    store = make(path, [f"Người {n}" for n in range(40)])
    cell = store.cells()[0]
    store.database.close()
    damage(path)
    assert not Database(path).check().healthy
    before = path.read_bytes()
    with pytest.raises(DatabaseError) as raised:
        Store(Database(path)).add_member(cell.id, "Lê Văn Cường")
    message = raised.value.message
    assert str(path) in message
    assert "bị hỏng" in message
    assert "db check" in message
    assert "sao lưu" in message
    assert path.read_bytes() == before
    assert not wal_path(path).exists() or wal_path(path).stat().st_size == 0


def test_the_check_before_the_first_write_can_run_ahead(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The interface runs `quick_check` in the background at start (its own
    read-only connection, no lock held): the first answer does not wait for
    it, and a damaged file is still refused at the first write."""
    path = tmp_path / "studyapp.sqlite3"
    make(path, ["Nguyễn Văn An"]).database.close()
    database = Database(path)
    assert database.check_ahead() is True
    checks: list[str] = []
    real = Database._refuse_if_damaged

    def counted(self: Database, connection: sqlite3.Connection) -> None:
        checks.append("quick_check")
        real(self, connection)

    monkeypatch.setattr(Database, "_refuse_if_damaged", counted)
    store = Store(database)
    store.add_member(store.cells()[0].id, "Trần Thị Bình")
    assert checks == []  # already checked ahead
    database.close()

    damaged = tmp_path / "damaged.sqlite3"
    filled = make(damaged, [f"Người {n}" for n in range(40)])
    cell = filled.cells()[0]
    filled.database.close()
    damage(damaged)
    before = damaged.read_bytes()
    ahead = Database(damaged)
    assert ahead.check_ahead() is False  # said nothing yet; the write says it
    with pytest.raises(DatabaseError) as raised:
        Store(ahead).add_member(cell.id, "Lê Văn Cường")
    assert "bị hỏng" in raised.value.message
    assert damaged.read_bytes() == before
    assert Database(tmp_path / "none.sqlite3").check_ahead() is False  # nothing to check
