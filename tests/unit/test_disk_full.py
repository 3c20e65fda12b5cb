"""A full disk ends a write with a message, not a traceback, and loses nothing
already saved (issue 20, item 5). On a real small tmpfs when the tests run as
root and may mount; else SQLite's own SQLITE_FULL through `max_page_count`."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from studyapp.i18n import set_language
from studyapp.store.database import Database, DatabaseError
from studyapp.store.store import Store
from tests.conftest import run_cli
from tests.unit.test_read_only_media import tmpfs


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def limit_pages(store: Store, extra: int) -> None:
    """Let the database grow by `extra` pages at most: the next writes past
    that fail with SQLITE_FULL, as on a full disk."""
    with store.database.writing() as connection:  # the first write: schema, WAL
        pass
    with store.database.reading() as connection:
        assert connection is not None
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + extra}")


def fill_until_full(store: Store, cell_id: str) -> tuple[list[str], DatabaseError]:
    saved: list[str] = []
    for number in range(100_000):
        name = f"Nguyễn Văn {number:05d} " + "Ánh" * 25
        try:
            store.add_member(cell_id, name)
        except DatabaseError as error:
            return saved, error
        saved.append(name)
    raise AssertionError("never full")


def assert_full_message(message: str, path: Path) -> None:
    assert str(path) in message
    assert "đầy" in message  # what failed: the disk is full
    assert "vẫn còn nguyên" in message  # nothing already saved was lost
    assert "giải phóng" in message  # what to do
    assert "rollback" not in message


def test_sqlite_full_is_a_message_and_nothing_saved_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "studyapp.sqlite3"
    store = Store(Database(path))
    cell = store.ensure_cell("Chi bộ Hòa Bình")
    limit_pages(store, 8)
    saved, error = fill_until_full(store, cell.id)
    assert saved  # some fitted before it was full
    assert_full_message(error.message, path)
    # The store is still usable: a read works, and once there is room again
    # the same write goes through.
    assert [m.full_name for m in store.members()] == saved
    with store.database.reading() as connection:
        assert connection is not None
        connection.execute("PRAGMA max_page_count = 1000000")
    store.add_member(cell.id, "Trần Thị Bình")
    store.database.close()
    again = Store(Database(path))
    assert [m.full_name for m in again.members()] == [*saved, "Trần Thị Bình"]
    assert again.database.check().healthy


def test_members_add_on_a_full_tmpfs(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "small"
    with tmpfs(folder, "256k"):
        db = folder / "studyapp.sqlite3"
        added: list[str] = []
        errors = ""
        for number in range(2000):
            name = f"Nguyễn Văn {number:04d} " + "Ánh" * 20
            code, _, errors = run_cli(capsys, "members", "add", name, "--cell", "Chi bộ",
                                      "--db", str(db))
            if code:
                break
            added.append(name)
        else:
            raise AssertionError("the tmpfs never filled")
        assert added
        assert "Traceback" not in errors
        assert_full_message(errors, db)
        listing = sqlite3.connect(db)
        stored = [row[0] for row in listing.execute("SELECT full_name FROM members")]
        listing.close()
        assert sorted(stored) == sorted(added)  # every acknowledged one is there
