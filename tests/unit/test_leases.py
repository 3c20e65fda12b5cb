"""One attempt, one window (issue 20, item 4): an attempt being answered by a
live process is locked to it by a lease in the database, renewed while its
quiz screen lives, released on exit, and taken over once it expired or its
process is gone."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.i18n import set_language
from studyapp.quiz.selection import draw_paper
from studyapp.quiz.session import Mode
from studyapp.store import leases
from studyapp.store.database import Database
from studyapp.store.leases import AttemptBusyError, Holder
from studyapp.store.store import Store
from tests.conftest import T0


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


def attempt(store: Store, catalog: Catalog) -> str:
    member = store.add_member(store.ensure_cell("Chi bộ Hòa Bình").id, "Nguyễn Thị Ánh")
    paper = draw_paper(catalog.questions, 5, 7)
    return store.start_attempt(paper, Mode.TEST, member_id=member.id, started_at=T0).id


def dead_pid() -> int:
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                             capture_output=True, text=True, check=True)
    return int(process.stdout)


ME = Holder("may-1", 1000, "a" * 12)


def test_a_live_lease_keeps_the_attempt_for_its_holder(tmp_path: Path, catalog: Catalog) -> None:
    store = Store(Database(tmp_path / "a.sqlite3"))
    attempt_id = attempt(store, catalog)
    other = Holder(ME.host, ME.pid, "b" * 12)  # a second window of the same program
    leases.take(store, attempt_id, ME, T0)
    assert leases.holder_of(store, attempt_id, T0, me=other) is not None
    assert leases.holder_of(store, attempt_id, T0, me=ME) is None  # my own lease
    with pytest.raises(AttemptBusyError) as raised:
        leases.take(store, attempt_id, other, T0 + timedelta(seconds=5))
    message = raised.value.message
    assert "Nguyễn Thị Ánh" in message
    assert "may-1" in message
    assert "cửa sổ khác" in message
    # Renewed while the quiz screen lives, it never expires.
    for step in range(1, 10):
        assert leases.renew(store, attempt_id, ME, T0 + leases.LEASE * step * 0.5)
    with pytest.raises(AttemptBusyError):
        leases.take(store, attempt_id, other, T0 + leases.LEASE * 4.6)
    # Released on exit: the other window may take it at once.
    leases.release(store, attempt_id, ME)
    leases.take(store, attempt_id, other, T0 + leases.LEASE * 4.6)
    assert not leases.renew(store, attempt_id, ME, T0 + leases.LEASE * 4.7)  # it lost it


def test_an_expired_lease_is_taken_over(tmp_path: Path, catalog: Catalog) -> None:
    store = Store(Database(tmp_path / "a.sqlite3"))
    attempt_id = attempt(store, catalog)
    far = Holder("may-khac", 4242, "c" * 12)  # another machine: only time tells
    leases.take(store, attempt_id, far, T0)
    with pytest.raises(AttemptBusyError):
        leases.take(store, attempt_id, ME, T0 + leases.LEASE - timedelta(seconds=1))
    leases.take(store, attempt_id, ME, T0 + leases.LEASE + timedelta(seconds=1))
    assert leases.holder_of(store, attempt_id, T0 + leases.LEASE, me=far) is not None


def test_a_lease_of_a_process_that_is_gone_is_taken_over_at_once(
        tmp_path: Path, catalog: Catalog) -> None:
    store = Store(Database(tmp_path / "a.sqlite3"))
    attempt_id = attempt(store, catalog)
    here = Holder.this_process()
    killed = Holder(here.host, dead_pid(), "d" * 12)  # this machine, its process ended
    leases.take(store, attempt_id, killed, T0)
    assert leases.holder_of(store, attempt_id, T0 + timedelta(seconds=1), me=here) is None
    leases.take(store, attempt_id, here, T0 + timedelta(seconds=1))


def test_leases_live_in_the_database_for_every_process(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "a.sqlite3"
    store = Store(Database(path))
    attempt_id = attempt(store, catalog)
    leases.take(store, attempt_id, ME, T0)
    second = Store(Database(path))  # another program on the same file
    assert leases.holder_of(second, attempt_id, T0, me=Holder.this_process()) is not None
