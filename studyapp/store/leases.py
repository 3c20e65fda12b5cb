"""One attempt, one window: an attempt being answered is leased to the process
whose quiz screen shows it, so that a second window on the same database
cannot resume it and mix both windows' answers in it.

The lease is a row of `meta` (`lease:<attempt id>`, JSON), so every program
on the file sees it and no schema change is needed. It is taken in one write
transaction when a quiz screen opens, renewed while it lives (every
`RENEW_EVERY`, for `LEASE`), released when it closes; one left behind by a
killed program is taken over once it expired, or at once when it was held on
this machine by a process that is gone.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from studyapp.i18n import tr
from studyapp.store.atomic import process_gone
from studyapp.store.models import member_label
from studyapp.store.store import Store, StoreError
from studyapp.text import normalize_line

LEASE = timedelta(seconds=30)
RENEW_EVERY = timedelta(seconds=10)
_PREFIX = "lease:"


class AttemptBusyError(StoreError):
    """The attempt is being answered in another window (the message says who, where)."""

    def __init__(self, message: str, lease: Lease) -> None:
        super().__init__(message)
        self.lease = lease


@dataclass(frozen=True)
class Holder:
    """Who holds a lease: a machine, a process, and a token of its own (one
    process may open the database twice)."""

    host: str
    pid: int
    token: str

    @staticmethod
    @cache
    def this_process() -> Holder:
        return Holder(socket.gethostname(), os.getpid(), secrets.token_hex(6))

    @property
    def id(self) -> str:
        return f"{self.host}/{self.pid}/{self.token}"


@dataclass(frozen=True)
class Lease:
    attempt_id: str
    holder: Holder
    who: str
    """The learner answering it, as the other window shows."""
    since: datetime
    expires_at: datetime

    def held_at(self, now: datetime) -> bool:
        """Whether it still binds: not expired, and its process (if on this
        machine) still running."""
        if now >= self.expires_at:
            return False
        return not (self.holder.host == socket.gethostname() and _gone(self.holder.pid))


def _gone(pid: int) -> bool:
    # Where a process cannot be asked about (Windows), expiry alone frees the lease.
    return process_gone(pid) is True


def _read(value: str, attempt_id: str) -> Lease | None:
    try:
        data: dict[str, Any] = json.loads(value)
        holder = Holder(str(data["host"]), int(data["pid"]), str(data["token"]))
        return Lease(attempt_id, holder, str(data.get("who", "")),
                     datetime.fromisoformat(data["since"]),
                     datetime.fromisoformat(data["expires_at"]))
    except (ValueError, KeyError, TypeError):
        return None  # not a lease we can read: as if there were none


def _lease(store: Store, attempt_id: str) -> Lease | None:
    with store.database.reading() as connection:
        if connection is None:
            return None
        row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                 (_PREFIX + attempt_id,)).fetchone()
    return _read(row[0], attempt_id) if row else None


def holder_of(store: Store, attempt_id: str, now: datetime, *, me: Holder) -> Lease | None:
    """The live lease of another window on the attempt (None: free, or mine)."""
    lease = _lease(store, attempt_id)
    if lease is None or lease.holder == me or not lease.held_at(now):
        return None
    return lease


def busy_message(lease: Lease) -> str:
    return tr("lease.busy", who=normalize_line(lease.who), host=normalize_line(lease.holder.host),
              since=f"{lease.since.astimezone():%H:%M}")


def take(store: Store, attempt_id: str, holder: Holder, now: datetime) -> Lease:
    """Lease the attempt to `holder` (a lease of its own is renewed); raises
    AttemptBusyError while another holds it."""
    attempt = store.attempt(attempt_id)
    who = attempt.guest_name or ""
    if attempt.member_id is not None:
        who = member_label(store.member(attempt.member_id))
    return take_named(store, attempt_id, who, holder, now, busy=busy_message)


def take_named(store: Store, key: str, who: str, holder: Holder, now: datetime, *,
               busy: Callable[[Lease], str]) -> Lease:
    """Lease `key` (an attempt id, or the name of something else one process at
    a time may run, such as a phone round) to `holder`; raises AttemptBusyError
    with `busy(lease)` as its message while another holds it."""
    with store.database.writing() as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                 (_PREFIX + key,)).fetchone()
        current = _read(row[0], key) if row else None
        if current is not None and current.holder != holder and current.held_at(now):
            raise AttemptBusyError(busy(current), current)
        since = current.since if current is not None and current.holder == holder else now
        lease = Lease(key, holder, who, since, now + LEASE)
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (_PREFIX + key, _value(lease)))
    return lease


def renew(store: Store, attempt_id: str, holder: Holder, now: datetime) -> bool:
    """Extend the holder's lease; False if it is no longer the holder's (it
    expired and another window took the attempt)."""
    with store.database.writing() as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                 (_PREFIX + attempt_id,)).fetchone()
        current = _read(row[0], attempt_id) if row else None
        if current is not None and current.holder != holder and current.held_at(now):
            return False
        since = current.since if current is not None and current.holder == holder else now
        who = current.who if current is not None else ""
        connection.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                           (_PREFIX + attempt_id,
                            _value(Lease(attempt_id, holder, who, since, now + LEASE))))
    return True


def release(store: Store, attempt_id: str, holder: Holder) -> None:
    """Give the attempt up (the quiz screen closed); another's lease stays."""
    with store.database.writing() as connection:
        row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                 (_PREFIX + attempt_id,)).fetchone()
        current = _read(row[0], attempt_id) if row else None
        if current is None or current.holder == holder:
            connection.execute("DELETE FROM meta WHERE key = ?", (_PREFIX + attempt_id,))


def _value(lease: Lease) -> str:
    return json.dumps({"host": lease.holder.host, "pid": lease.holder.pid,
                       "token": lease.holder.token, "who": lease.who,
                       "since": lease.since.isoformat(),
                       "expires_at": lease.expires_at.isoformat()}, ensure_ascii=False)
