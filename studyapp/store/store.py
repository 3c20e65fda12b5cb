"""The store: cells, rosters, sessions, attendance, attempts, answers, lessons read.

All SQL of the program lives in this package. Every write is one short
transaction; an answer is on disk when `record_answer` returns, with the
review it makes of the member's card (`cards.py`; the rest of review in `review.py`).

Longer than most modules: the one `Store` class every caller uses, a method per
transaction; its methods share the connection, the clock and the id maker.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from fractions import Fraction
from typing import Any

from studyapp.content.catalog import Catalog
from studyapp.content.model import Band, Grading
from studyapp.errors import StudyappError
from studyapp.i18n import LANGUAGES, tr
from studyapp.quiz.scoring import Credit, Response, response_to_data
from studyapp.quiz.selection import Paper, PaperItem
from studyapp.quiz.session import Event, Mode, QuizResult, QuizSession
from studyapp.store import cards
from studyapp.store import pin as pins
from studyapp.store.database import Database
from studyapp.store.models import (
    MAX_NOTE_LENGTH,
    AnswerRecord,
    Attempt,
    AttemptStatus,
    Attendance,
    AttendanceStatus,
    Cell,
    Learner,
    LessonRead,
    Member,
    StudySession,
    member_label,
)
from studyapp.text import normalize_line, roster_key, shown

MAX_NAME_LENGTH = 100


class StoreError(StudyappError):
    """Something the store refuses, with a message saying what to do."""


class SessionClosedError(StoreError):
    """A closed session, or something of it, cannot change."""


class DuplicateMemberError(StoreError):
    """The name is already on the cell's roster (two people may share it:
    the caller then adds with `allow_duplicate`)."""


class PinError(StoreError):
    """The secretary PIN is needed, or was wrong."""


class PinLockedError(PinError):
    """Too many wrong PINs in a row: no PIN, right or wrong, is tried until
    `seconds` have passed."""

    def __init__(self, message: str, seconds: int) -> None:
        super().__init__(message)
        self.seconds = seconds


def _now() -> datetime:
    return datetime.now(UTC)


def _new_id() -> str:
    return str(uuid.uuid4())


def _shown(text: str | None) -> str | None:
    """Text read back from the database, safe to show: the checks on the way in
    keep control characters out, but a file edited by hand (or by an older
    version) may hold any; every name, note and label is read through this."""
    return None if text is None else shown(text)


_LONGEST_MS = 10 * 365 * 24 * 3600 * 1000  # ten years: more is no quiz's time


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def name_key(name: str) -> str:
    """What names are matched by (a cell's, a member's): letter case aside."""
    return name.casefold()


def clean_name(name: str, what: str = "member") -> str:
    """A person's or a cell's name as stored: NFC, no control characters, one
    line; refused (with a message) when empty or too long."""
    cleaned = normalize_line(name)
    if not cleaned:
        raise StoreError(tr(f"store.{what}_empty"))
    if len(cleaned) > MAX_NAME_LENGTH:
        raise StoreError(tr("store.name_too_long", length=len(cleaned), limit=MAX_NAME_LENGTH))
    return cleaned


_ENCLOSED = re.compile(r"\(([^()]*)\)|\[([^\[\]]*)\]")


def clean_note(note: str) -> str:
    """A member's distinguishing note as stored: one clean line (escape codes
    and control characters dropped), without the parentheses or brackets it
    may have been typed in (the label puts it in parentheses); refused when
    longer than `MAX_NOTE_LENGTH`. "" is no note."""
    cleaned = normalize_line(note)
    while _ENCLOSED.fullmatch(cleaned) is not None:
        cleaned = cleaned[1:-1].strip()
    if len(cleaned) > MAX_NOTE_LENGTH:
        raise StoreError(tr("store.note_too_long", length=len(cleaned), limit=MAX_NOTE_LENGTH))
    return cleaned


# --- papers as stored ------------------------------------------------------------------------


def paper_to_data(paper: Paper) -> dict[str, Any]:
    """The paper as asked: its seed, and for each question its full id, the
    hash of its content, and the orders it was shown in."""
    return {"seed": paper.seed, "items": [
        {"id": item.question.full_id, "hash": item.question.content_hash,
         "choices": list(item.choice_order), "items": list(item.item_order),
         "rights": list(item.right_order)} for item in paper.items]}


def paper_from_data(data: dict[str, Any], catalog: Catalog) -> tuple[Paper, list[str]]:
    """The paper rebuilt from the catalog, and the ids of questions whose
    content changed since it was asked. A question no longer in the catalog
    makes the attempt impossible to resume (a clear error)."""
    items = []
    changed = []
    for entry in data["items"]:
        if not catalog.has_question(entry["id"]):
            raise StoreError(tr("store.question_gone", id=entry["id"]))
        question = catalog.question(entry["id"])
        if question.content_hash != entry["hash"]:
            changed.append(question.full_id)
        items.append(PaperItem(question, tuple(entry["choices"]), tuple(entry["items"]),
                               tuple(entry["rights"])))
    return Paper(int(data["seed"]), tuple(items)), changed


def grading_to_data(grading: Grading) -> dict[str, Any]:
    return {"scale": str(grading.scale), "pass_mark": str(grading.pass_mark),
            "bands": [[band.label, str(band.min)] for band in grading.bands]}


def grading_from_data(data: dict[str, Any]) -> Grading:
    return Grading(Fraction(data["scale"]),
                   tuple(Band(label, Fraction(minimum)) for label, minimum in data["bands"]),
                   Fraction(data["pass_mark"]))


@dataclass(frozen=True)
class ImportReport:
    added: tuple[Member, ...]
    duplicates: tuple[str, ...]
    """Names already on the roster (or twice in the file): not added."""
    refused: tuple[tuple[int, str], ...]
    """(line, reason) of lines that are not a name."""


class Store:
    """The program's records, over one `Database`. The clock and the id maker
    can be replaced (tests, `studyapp demo`)."""

    def __init__(self, database: Database, *, clock: Callable[[], datetime] = _now,
                 new_id: Callable[[], str] = _new_id) -> None:
        self.database = database
        self.clock = clock
        self.new_id = new_id

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        try:
            with self.database.writing() as connection:
                yield connection
        except sqlite3.IntegrityError as error:
            if "session closed" in str(error):
                raise SessionClosedError(tr("store.session_closed")) from error
            raise

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection | None]:
        with self.database.reading() as connection:
            yield connection

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._read() as connection:
            if connection is None:
                return []
            cursor = connection.execute(sql, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many writes in one transaction (for `studyapp demo`), not for answers."""
        with self.database.writing():
            yield

    # --- cells --------------------------------------------------------------------------------

    @staticmethod
    def _cell(row: dict[str, Any]) -> Cell:
        return Cell(row["id"], shown(row["name"]), datetime.fromisoformat(row["created_at"]),
                    row["pin_hash"] is not None)

    def cells(self) -> list[Cell]:
        rows = self._rows("SELECT * FROM cells")
        return sorted((self._cell(r) for r in rows), key=lambda cell: roster_key(cell.name)[1])

    def cell(self, cell_id: str) -> Cell:
        rows = self._rows("SELECT * FROM cells WHERE id = ?", (cell_id,))
        if not rows:
            raise StoreError(tr("store.no_cell", name=cell_id))
        return self._cell(rows[0])

    def cell_by_name(self, name: str) -> Cell | None:
        rows = self._rows("SELECT * FROM cells WHERE name_key = ?",
                          (name_key(normalize_line(name)),))
        return self._cell(rows[0]) if rows else None

    def ensure_cell(self, name: str) -> Cell:
        """The cell of that name, created if it does not exist yet."""
        name = clean_name(name, "cell")
        existing = self.cell_by_name(name)
        if existing is not None:
            return existing
        cell = Cell(self.new_id(), name, self.clock())
        with self._write() as connection:
            connection.execute("INSERT INTO cells (id, name, name_key, created_at) "
                               "VALUES (?, ?, ?, ?)", (cell.id, cell.name, name_key(name),
                                                       cell.created_at.isoformat()))
        return cell

    # --- the secretary PIN -------------------------------------------------------------------

    def _pin_hash(self, cell_id: str) -> str | None:
        rows = self._rows("SELECT pin_hash FROM cells WHERE id = ?", (cell_id,))
        return rows[0]["pin_hash"] if rows else None

    # Wrong tries and the lock live in `meta` (key `pin_tries:<cell id>`), so
    # that neither a restart nor the command line resets them (issue 21).

    def _pin_tries(self, connection: sqlite3.Connection, cell_id: str) -> dict[str, Any]:
        row = connection.execute("SELECT value FROM meta WHERE key = ?",
                                 (f"pin_tries:{cell_id}",)).fetchone()
        try:
            data = json.loads(row[0]) if row else {}
        except ValueError:
            data = {}
        return data if isinstance(data, dict) else {}

    @staticmethod
    def _save_pin_tries(connection: sqlite3.Connection, cell_id: str,
                        data: dict[str, Any]) -> None:
        connection.execute("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                           "DO UPDATE SET value = excluded.value",
                           (f"pin_tries:{cell_id}", json.dumps(data)))

    def _locked_for(self, data: dict[str, Any]) -> int:
        until = data.get("locked_until")
        try:
            locked_until = datetime.fromisoformat(until) if isinstance(until, str) else None
        except ValueError:
            locked_until = None
        if locked_until is None or locked_until.tzinfo is None:
            return 0
        left = (locked_until - self.clock()).total_seconds()
        return math.ceil(left) if left > 0 else 0

    def pin_wait(self, cell_id: str) -> int:
        """Seconds before the cell's PIN may be tried again (0: now)."""
        with self._read() as connection:
            if connection is None:
                return 0
            return self._locked_for(self._pin_tries(connection, cell_id))

    def check_pin(self, cell_id: str, pin: str | None) -> None:
        """Raise PinError unless the cell has no PIN or `pin` is it.

        Every try is counted in the database before the PIN is compared (so
        that programs running side by side cannot try more); TRIES wrong ones
        in a row lock the PIN for a minute, then two, four, ... at most an
        hour, whatever asks: the interface, the command line, a restart."""
        stored = self._pin_hash(cell_id)
        if stored is None:
            return
        locked = 0
        with self._write() as connection:
            tries = self._pin_tries(connection, cell_id)
            locked = self._locked_for(tries)
            failures = int(tries.get("failures", 0))
            lockouts = int(tries.get("lockouts", 0))
            if not locked and failures >= pins.TRIES:  # tries already under way elsewhere
                locked = pins.wait_seconds(lockouts + 1)
            if not locked and pin:
                failures += 1
                self._save_pin_tries(connection, cell_id, {**tries, "failures": failures})
        if locked:
            raise PinLockedError(tr("pin.locked", seconds=locked), locked)
        if not pin:
            raise PinError(tr("store.pin_needed"))
        right = pins.verify(pin, stored)
        with self._write() as connection:
            tries = self._pin_tries(connection, cell_id)
            if right:
                self._save_pin_tries(connection, cell_id, {})
                return
            failures = max(int(tries.get("failures", 0)), failures)
            if failures >= pins.TRIES:
                lockouts = int(tries.get("lockouts", 0)) + 1
                locked = pins.wait_seconds(lockouts)
                until = self.clock() + timedelta(seconds=locked)
                self._save_pin_tries(connection, cell_id, {
                    "failures": 0, "lockouts": lockouts, "locked_until": until.isoformat()})
        if locked:
            raise PinLockedError(tr("pin.locked", seconds=locked), locked)
        raise PinError(f"{tr('store.pin_wrong')}. "
                       f"{tr('pin.tries_left', count=pins.TRIES - failures)}")

    @staticmethod
    def pin_weakness(pin: str) -> str | None:
        """Why `pin` is too weak to be set now (a message), or None. A PIN
        set before the rule keeps working: the caller asks to change it."""
        key = pins.weakness(pin)
        return None if key is None else tr(key, digits=pins.MIN_DIGITS,
                                              letters=pins.MIN_PASSPHRASE)

    def set_pin(self, cell_id: str, new_pin: str | None, current_pin: str | None = None) -> None:
        """Set, change or (with None) remove the cell's PIN; the current PIN
        is needed when there is one."""
        if new_pin:
            weak = self.pin_weakness(new_pin)
            if weak is not None:
                raise PinError(weak)
        self.check_pin(cell_id, current_pin)
        stored = pins.hash_pin(new_pin) if new_pin else None
        with self._write() as connection:
            connection.execute("UPDATE cells SET pin_hash = ? WHERE id = ?", (stored, cell_id))

    # --- members --------------------------------------------------------------------------------

    @staticmethod
    def _member(row: dict[str, Any]) -> Member:
        return Member(row["id"], row["cell_id"], shown(row["full_name"]), bool(row["active"]),
                      datetime.fromisoformat(row["created_at"]), shown(row.get("note") or ""),
                      row.get("language"))  # an older schema, read as it is, has neither

    def members(self, cell_id: str | None = None, *, include_inactive: bool = False
                ) -> list[Member]:
        """Members in Vietnamese roster order (by given name, then full name)."""
        sql = "SELECT * FROM members WHERE 1 = 1"
        params: list[Any] = []
        if cell_id is not None:
            sql += " AND cell_id = ?"
            params.append(cell_id)
        if not include_inactive:
            sql += " AND active = 1"
        members = [self._member(row) for row in self._rows(sql, params)]
        # Twins in the order of their notes ("sinh năm 1958" before "sinh năm 1986").
        return sorted(members, key=lambda m: (roster_key(m.full_name), roster_key(m.note),
                                              m.created_at, m.id))

    def member(self, member_id: str) -> Member:
        rows = self._rows("SELECT * FROM members WHERE id = ?", (member_id,))
        if not rows:
            raise StoreError(tr("store.no_member", name=member_id))
        return self._member(rows[0])

    def find_members(self, cell_id: str, full_name: str) -> list[Member]:
        """Active members of the cell with that name (case aside)."""
        key = name_key(normalize_line(full_name))
        rows = self._rows("SELECT * FROM members WHERE cell_id = ? AND name_key = ? "
                          "AND active = 1", (cell_id, key))
        return [self._member(row) for row in rows]

    def add_member(self, cell_id: str, full_name: str, *, note: str = "",
                   allow_duplicate: bool = False, pin: str | None = None) -> Member:
        """Add a member, with an optional distinguishing `note` (≤ 40 characters).

        A name already on the cell's roster is a second person only with a
        note of their own: without one (or with the note a namesake already
        has) it is refused, saying to give one, whatever `allow_duplicate`
        says (kept for older callers; the note is what confirms the twin)."""
        del allow_duplicate
        self.check_pin(cell_id, pin)
        name = clean_name(full_name)
        cleaned = clean_note(note)
        self._check_twin(cell_id, name, cleaned)
        member = Member(self.new_id(), cell_id, name, True, self.clock(), cleaned)
        with self._write() as connection:
            connection.execute(
                "INSERT INTO members (id, cell_id, full_name, name_key, active, created_at, note) "
                "VALUES (?, ?, ?, ?, 1, ?, ?)",
                (member.id, cell_id, name, name_key(name), member.created_at.isoformat(),
                 cleaned))
        return member

    def _check_twin(self, cell_id: str, name: str, note: str, *,
                    member_id: str | None = None) -> None:
        """Refuse a member `name` (`member_id` itself aside) whom nothing tells
        apart from a namesake on the roster."""
        namesakes = [m for m in self.find_members(cell_id, name) if m.id != member_id]
        if not namesakes:
            return
        if not note:
            raise DuplicateMemberError(tr("store.duplicate_member", name=name) + " "
                                       + tr("store.twin_needs_note"))
        same = next((m for m in namesakes if m.note.casefold() == note.casefold()), None)
        if same is not None:
            raise DuplicateMemberError(tr("store.twin_same_note", name=name, note=same.note))

    def set_member_note(self, member_id: str, note: str, *, pin: str | None = None) -> Member:
        """Give, change or clear (with "") a member's distinguishing note; a
        note that would leave two namesakes alike is refused."""
        member = self.member(member_id)
        self.check_pin(member.cell_id, pin)
        cleaned = clean_note(note)
        if member.active:
            namesakes = [m for m in self.find_members(member.cell_id, member.full_name)
                         if m.id != member.id]
            same = next((m for m in namesakes if m.note.casefold() == cleaned.casefold()), None)
            if same is not None:
                raise DuplicateMemberError(
                    tr("store.twin_same_note", name=member.full_name, note=same.note) if cleaned
                    else tr("store.duplicate_member", name=member.full_name) + " "
                    + tr("store.twin_needs_note"))
        with self._write() as connection:
            connection.execute("UPDATE members SET note = ? WHERE id = ?", (cleaned, member_id))
        return self.member(member_id)

    def import_members(self, cell_id: str, lines: Iterable[str], *, pin: str | None = None
                       ) -> ImportReport:
        """Add one member per non-empty line; names already there are reported,
        not added twice. All the new names are added in one transaction."""
        self.check_pin(cell_id, pin)
        existing = {name_key(m.full_name) for m in self.members(cell_id)}
        added: list[Member] = []
        duplicates: list[str] = []
        refused: list[tuple[int, str]] = []
        for number, line in enumerate(lines, 1):
            if not normalize_line(line):
                continue
            try:
                name = clean_name(line)
            except StoreError as error:
                refused.append((number, error.message))
                continue
            if name_key(name) in existing:
                duplicates.append(name)
                continue
            existing.add(name_key(name))
            added.append(Member(self.new_id(), cell_id, name, True, self.clock()))
        with self._write() as connection:
            connection.executemany(
                "INSERT INTO members (id, cell_id, full_name, name_key, active, created_at) "
                "VALUES (?, ?, ?, ?, 1, ?)",
                [(m.id, cell_id, m.full_name, name_key(m.full_name), m.created_at.isoformat())
                 for m in added])
        return ImportReport(tuple(added), tuple(duplicates), tuple(refused))

    def remove_member(self, member_id: str, *, pin: str | None = None) -> None:
        """Take a member off the roster; their results are kept."""
        member = self.member(member_id)
        self.check_pin(member.cell_id, pin)
        with self._write() as connection:
            connection.execute("UPDATE members SET active = 0 WHERE id = ?", (member_id,))

    def reactivate_member(self, member_id: str, *, pin: str | None = None) -> None:
        """Put a member taken off the roster back on it (their results were kept)."""
        member = self.member(member_id)
        self.check_pin(member.cell_id, pin)
        with self._write() as connection:
            connection.execute("UPDATE members SET active = 1 WHERE id = ?", (member_id,))

    def rename_member(self, member_id: str, new_name: str, *, pin: str | None = None) -> Member:
        """Correct a member's name (their results follow: they are kept by id).
        A name another active member of the cell has is taken only as a twin's,
        told apart by the member's own note (the rule of `add_member`)."""
        member = self.member(member_id)
        self.check_pin(member.cell_id, pin)
        name = clean_name(new_name)
        self._check_twin(member.cell_id, name, member.note, member_id=member_id)
        with self._write() as connection:
            connection.execute("UPDATE members SET full_name = ?, name_key = ? WHERE id = ?",
                               (name, name_key(name), member_id))
        return self.member(member_id)

    def set_member_language(self, member_id: str, language: str | None) -> None:
        """Remember the interface language a member chose (None: the laptop's
        default from the config again). Their own choice: no PIN."""
        if language is not None and language not in LANGUAGES:
            raise ValueError(f"unknown interface language {language!r}")
        with self._write() as connection:
            changed = connection.execute("UPDATE members SET language = ? WHERE id = ?",
                                         (language, member_id)).rowcount
        if not changed:
            raise StoreError(tr("store.no_member", name=member_id))

    # --- sessions and attendance -----------------------------------------------------------------

    @staticmethod
    def _session(row: dict[str, Any]) -> StudySession:
        return StudySession(
            row["id"], row["cell_id"], date.fromisoformat(row["held_on"]), shown(row["topic"]),
            row["pack_id"], tuple(json.loads(row["lessons"])), json.loads(row["settings"]),
            int(row["seed"]), _shown(row["run_by"]), row["status"] == "closed",
            datetime.fromisoformat(row["opened_at"]), _time(row["closed_at"]))

    def open_session(self, cell_id: str, held_on: date, *, topic: str, pack_id: str,
                     lessons: Sequence[str], settings: dict[str, Any], seed: int,
                     run_by: str | None = None) -> StudySession:
        session = StudySession(self.new_id(), cell_id, held_on, normalize_line(topic), pack_id,
                               tuple(lessons), dict(settings), seed,
                               normalize_line(run_by) if run_by else None, False, self.clock())
        with self._write() as connection:
            connection.execute(
                "INSERT INTO sessions (id, cell_id, held_on, topic, pack_id, lessons, settings, "
                "seed, run_by, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)",
                (session.id, cell_id, held_on.isoformat(), session.topic, pack_id,
                 json.dumps(list(lessons)), json.dumps(settings, ensure_ascii=False), seed,
                 session.run_by, session.opened_at.isoformat()))
        return session

    def session(self, session_id: str) -> StudySession:
        rows = self._rows("SELECT * FROM sessions WHERE id = ?", (session_id,))
        if not rows:
            raise StoreError(tr("store.no_session", id=session_id))
        return self._session(rows[0])

    def sessions(self, cell_id: str | None = None) -> list[StudySession]:
        """Sessions, most recent first."""
        sql = "SELECT * FROM sessions"
        params: tuple[Any, ...] = ()
        if cell_id is not None:
            sql += " WHERE cell_id = ?"
            params = (cell_id,)
        rows = self._rows(sql + " ORDER BY held_on DESC, opened_at DESC", params)
        return [self._session(row) for row in rows]

    def _open_session(self, session_id: str) -> StudySession:
        session = self.session(session_id)
        if session.closed:
            raise SessionClosedError(tr("store.session_closed"))
        return session

    def set_attendance(self, session_id: str, member_id: str, status: AttendanceStatus,
                       note: str = "") -> Attendance:
        self._open_session(session_id)
        existing = [a for a in self.attendance(session_id) if a.member_id == member_id]
        record = Attendance(existing[0].id if existing else self.new_id(), session_id,
                            member_id, status, normalize_line(note))
        with self._write() as connection:
            connection.execute(
                "INSERT INTO attendance (id, session_id, member_id, status, note) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (session_id, member_id) "
                "DO UPDATE SET status = excluded.status, note = excluded.note",
                (record.id, session_id, member_id, status.value, record.note))
        return record

    def attendance(self, session_id: str) -> list[Attendance]:
        rows = self._rows("SELECT * FROM attendance WHERE session_id = ?", (session_id,))
        return [Attendance(r["id"], r["session_id"], r["member_id"],
                           AttendanceStatus(r["status"]), shown(r["note"])) for r in rows]

    def close_session(self, session_id: str, *, pin: str | None = None) -> StudySession:
        """Close a session for good: present members who did not take the test
        are recorded as not tested, unfinished attempts are abandoned, and
        from then on nothing of the session can change (the database refuses)."""
        session = self._open_session(session_id)
        self.check_pin(session.cell_id, pin)
        now = self.clock().isoformat()
        with self._write() as connection:
            connection.execute(
                "UPDATE attendance SET status = 'not_tested' WHERE session_id = ? AND "
                "status = 'present' AND member_id NOT IN (SELECT member_id FROM attempts "
                "WHERE session_id = ? AND status = 'finished' AND member_id IS NOT NULL)",
                (session_id, session_id))
            connection.execute("UPDATE attempts SET status = 'abandoned' WHERE session_id = ? "
                               "AND status = 'in_progress'", (session_id,))
            connection.execute("UPDATE sessions SET status = 'closed', closed_at = ? "
                               "WHERE id = ?", (now, session_id))
        return self.session(session_id)

    # --- attempts ---------------------------------------------------------------------------------

    @staticmethod
    def _attempt(row: dict[str, Any]) -> Attempt:
        # The import checks keep these sane, but a database can be edited by hand or come
        # from an older version: a value no quiz can have (a float, an infinity, a zero
        # denominator, a duration of millions of years) reads as unknown, not as a crash.
        def duration(ms: object) -> timedelta | None:
            if type(ms) is not int or not 0 <= ms <= _LONGEST_MS:
                return None
            return timedelta(milliseconds=ms)

        num, den = row["score_num"], row["score_den"]
        score = (Fraction(num, den) if type(num) is int and type(den) is int and den > 0
                 else None)
        return Attempt(
            row["id"], row["mode"], json.loads(row["paper"]), json.loads(row["settings"]),
            AttemptStatus(row["status"]), datetime.fromisoformat(row["started_at"]),
            row["member_id"], _shown(row["guest_name"]), row["session_id"], row["pack_id"],
            _time(row["finished_at"]), duration(row["time_spent_ms"]),
            duration(row["time_paused_ms"]), score, _shown(row["band"]),
            None if row["passed"] is None else bool(row["passed"]), row["answered"],
            row["correct"], row["retake_of"])

    def start_attempt(self, paper: Paper, mode: Mode, *, member_id: str | None = None,
                      guest_name: str | None = None, session_id: str | None = None,
                      pack_id: str | None = None, time_limit: timedelta | None = None,
                      partial_credit: bool = False, grading: Grading | None = None,
                      started_at: datetime | None = None,
                      retake_of: str | None = None, via: str | None = None) -> Attempt:
        if member_id is None and not guest_name:
            raise StoreError(tr("store.who"))
        if session_id is not None:
            self._open_session(session_id)
        settings: dict[str, Any] = {
            "time_limit_s": time_limit.total_seconds() if time_limit else None,
            "partial_credit": partial_credit,
            "grading": grading_to_data(grading or Grading())}
        if via is not None:  # how a session's test is taken: laptop (unsaid), phone, paper
            settings["via"] = via
        attempt = Attempt(self.new_id(), mode.value, paper_to_data(paper), settings,
                          AttemptStatus.IN_PROGRESS, started_at or self.clock(), member_id,
                          clean_name(guest_name) if guest_name else None, session_id, pack_id,
                          retake_of=retake_of)
        with self._write() as connection:
            connection.execute(
                "INSERT INTO attempts (id, member_id, guest_name, session_id, mode, pack_id, "
                "paper, settings, status, started_at, retake_of) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'in_progress', ?, ?)",
                (attempt.id, member_id, attempt.guest_name, session_id, mode.value, pack_id,
                 json.dumps(attempt.paper), json.dumps(settings), attempt.started_at.isoformat(),
                 retake_of))
        return attempt

    def attempt(self, attempt_id: str) -> Attempt:
        rows = self._rows("SELECT * FROM attempts WHERE id = ?", (attempt_id,))
        if not rows:
            raise StoreError(tr("store.no_attempt", id=attempt_id))
        return self._attempt(rows[0])

    def attempts(self, *, member_id: str | None = None, session_id: str | None = None,
                 status: AttemptStatus | None = None, guest_name: str | None = None
                 ) -> list[Attempt]:
        """Attempts, oldest first; `guest_name` selects a guest's (no member's)."""
        sql = "SELECT * FROM attempts WHERE 1 = 1"
        params: list[Any] = []
        if guest_name is not None:
            sql += " AND member_id IS NULL"
        for column, value in (("member_id", member_id), ("session_id", session_id),
                              ("status", status.value if status else None),
                              ("guest_name", guest_name)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        return [self._attempt(r) for r in self._rows(sql + " ORDER BY started_at", params)]

    def unfinished_attempts(self, *, member_id: str | None = None,
                            guest_name: str | None = None) -> list[Attempt]:
        """Attempts still in progress (a killed program, a dead battery), to resume."""
        return self.attempts(member_id=member_id, guest_name=guest_name,
                             status=AttemptStatus.IN_PROGRESS)

    def attempts_of(self, learner: Learner, *, status: AttemptStatus | None = None
                    ) -> list[Attempt]:
        """A member's attempts, or a guest's (by name), oldest first."""
        if learner.member_id is not None:
            return self.attempts(member_id=learner.member_id, status=status)
        return self.attempts(guest_name=learner.name, status=status)

    # --- who is studying --------------------------------------------------------------------

    def learner(self, member: Member) -> Learner:
        """The member as the learner: named as every screen names them (with
        the note that tells them from a namesake)."""
        return Learner(member_label(member), member.id, member.cell_id,
                       self.cell(member.cell_id).name)

    def guest(self, name: str) -> Learner:
        """A guest learner: the name cleaned as a member's would be."""
        return Learner(clean_name(name))

    def remember_learner(self, learner: Learner | None) -> None:
        """Who studies on this computer, offered first next time (None forgets)."""
        with self._write() as connection:
            if learner is None:
                connection.execute("DELETE FROM meta WHERE key = 'learner'")
                return
            value = json.dumps({"member_id": learner.member_id, "name": learner.name},
                               ensure_ascii=False)
            connection.execute("INSERT INTO meta (key, value) VALUES ('learner', ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (value,))

    def meta_value(self, key: str) -> str | None:
        """A value kept in the `meta` table (a phone round's state, for one)."""
        rows = self._rows("SELECT value FROM meta WHERE key = ?", (key,))
        return str(rows[0]["value"]) if rows else None

    def set_meta_value(self, key: str, value: str) -> None:
        """Keep `value` under `key` in `meta`: one transaction."""
        with self._write() as connection:
            connection.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                               "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               (key, value))

    def remembered_learner(self) -> Learner | None:
        """The learner remembered last time, if still on a roster (or a guest)."""
        rows = self._rows("SELECT value FROM meta WHERE key = 'learner'")
        if not rows:
            return None
        try:
            data = json.loads(rows[0]["value"])
            member_id, name = data.get("member_id"), data.get("name")
        except (ValueError, AttributeError):
            return None  # written by a newer program, perhaps: ask again
        if member_id is None:
            return Learner(clean_name(name)) if isinstance(name, str) and name.strip() else None
        found = self._rows("SELECT * FROM members WHERE id = ? AND active = 1", (member_id,))
        return self.learner(self._member(found[0])) if found else None

    def _next_seq(self, connection: sqlite3.Connection, attempt_id: str) -> int:
        row = connection.execute("SELECT coalesce(max(seq), 0) + 1 FROM events "
                                 "WHERE attempt_id = ?", (attempt_id,)).fetchone()
        return int(row[0])

    def _insert_event(self, connection: sqlite3.Connection, attempt_id: str, event: Event) -> None:
        response = None if event.response is None else json.dumps(response_to_data(event.response),
                                                                  ensure_ascii=False)
        connection.execute(
            "INSERT INTO events (id, attempt_id, seq, kind, at, position, response) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (self.new_id(), attempt_id, self._next_seq(connection, attempt_id), event.kind,
             event.at.isoformat(), event.position, response))

    def record_event(self, attempt_id: str, event: Event) -> None:
        """A move, flag, pause or resume: one transaction."""
        with self._write() as connection:
            self._insert_event(connection, attempt_id, event)

    def record_answer(self, attempt_id: str, event: Event, item: PaperItem, credit: Credit,
                      duration: timedelta) -> None:
        """An answer given (or changed): its event and its answer row, in one
        transaction, on disk when this returns."""
        response: Response | None = event.response
        if event.kind != "answer" or response is None or event.position is None:
            raise ValueError("record_answer takes an answer event")
        question = item.question
        with self._write() as connection:
            # A member's practice answer is a review of their card for the
            # question: in this transaction, so both are stored or neither.
            cards.answer_reviewed_in(
                connection, self.new_id, attempt_id, event.position,
                question_id=question.full_id, credit=credit.fraction, duration=duration,
                without_diacritics=credit.without_diacritics, at=event.at)
            self._insert_event(connection, attempt_id, event)
            connection.execute(
                "INSERT INTO answers (id, attempt_id, position, question_id, question_hash, "
                "response, credit_num, credit_den, points_num, points_den, without_diacritics, "
                "understood_as, answered_at, duration_ms) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (attempt_id, position) DO UPDATE SET response = excluded.response, "
                "credit_num = excluded.credit_num, credit_den = excluded.credit_den, "
                "points_num = excluded.points_num, points_den = excluded.points_den, "
                "without_diacritics = excluded.without_diacritics, "
                "understood_as = excluded.understood_as, answered_at = excluded.answered_at, "
                "duration_ms = excluded.duration_ms",
                (self.new_id(), attempt_id, event.position, question.full_id,
                 question.content_hash,
                 json.dumps(response_to_data(response), ensure_ascii=False),
                 credit.fraction.numerator, credit.fraction.denominator,
                 credit.points.numerator, credit.points.denominator,
                 int(credit.without_diacritics), credit.understood_as, event.at.isoformat(),
                 int(duration.total_seconds() * 1000)))

    def finish_attempt(self, attempt_id: str, events: Sequence[Event], result: QuizResult
                       ) -> Attempt:
        """The closing events (a resume before, the finish) and the result, together."""
        finished = next((e.at for e in reversed(events) if e.kind == "finish"), self.clock())
        score = result.score.value
        with self._write() as connection:
            # A member's test reviews its final answers once, as it is handed in.
            cards.attempt_reviewed_in(connection, self.new_id, attempt_id, finished)
            for event in events:
                self._insert_event(connection, attempt_id, event)
            connection.execute(
                "UPDATE attempts SET status = 'finished', finished_at = ?, time_spent_ms = ?, "
                "time_paused_ms = ?, score_num = ?, score_den = ?, band = ?, passed = ?, "
                "answered = ?, correct = ? WHERE id = ?",
                (finished.isoformat(), int(result.time_spent.total_seconds() * 1000),
                 int(result.time_paused.total_seconds() * 1000), score.numerator,
                 score.denominator, result.score.band, int(result.score.passed), result.answered,
                 result.correct, attempt_id))
        return self.attempt(attempt_id)

    def record_paper_attempt(self, quiz: QuizSession, *, member_id: str, session_id: str,
                             pack_id: str | None, entered: str, via: str = "paper",
                             replaces: str | None = None) -> Attempt:
        """A test answered on paper and entered by the secretary: the attempt,
        its events, its answers and its result in one transaction, on disk
        when this returns. `quiz` is finished, its answers given by
        `quiz/entry.py`. How it was taken (`via`) and the entered text are
        kept in the attempt's settings JSON. With `replaces` (the member's
        paper attempt of this session), the entry is a correction: the same
        attempt id gets the new answers, and its settings keep the earlier
        entry under `corrections`; review cards are reviewed by the first
        entry only. A closed session refuses (SessionClosedError)."""
        if not quiz.finished:
            raise ValueError("record_paper_attempt takes a finished quiz")
        self._open_session(session_id)
        at = quiz.finished_at or self.clock()
        result = quiz.result()
        settings: dict[str, Any] = {
            "time_limit_s": None, "partial_credit": quiz.partial_credit,
            "grading": grading_to_data(quiz.grading), "via": via,
            "entered": {"by": "secretary", "at": at.isoformat(), "text": entered},
            "corrections": []}
        attempt_id = replaces or self.new_id()
        started = quiz.started_at
        if replaces is not None:
            old = self.attempt(replaces)
            if old.session_id != session_id or old.member_id != member_id or \
                    old.settings.get("via") != via:
                raise StoreError(tr("store.no_attempt", id=replaces))
            previous = [{"position": r.position, "response": r.response}
                        for r in self.answers(replaces)]
            settings["corrections"] = [*old.settings.get("corrections", []), {
                "at": at.isoformat(), "previous": old.settings.get("entered"),
                "previous_answers": previous}]
            started = old.started_at
        with self._write() as connection:
            if replaces is not None:
                for table, column in (("answers", "attempt_id"), ("events", "attempt_id"),
                                      ("attempts", "id")):
                    connection.execute(f"DELETE FROM {table} WHERE {column} = ?",
                                       (replaces,))
            connection.execute(
                "INSERT INTO attempts (id, member_id, guest_name, session_id, mode, pack_id, "
                "paper, settings, status, started_at) "
                "VALUES (?, ?, NULL, ?, 'test', ?, ?, ?, 'in_progress', ?)",
                (attempt_id, member_id, session_id, pack_id,
                 json.dumps(paper_to_data(quiz.paper)),
                 json.dumps(settings, ensure_ascii=False), started.isoformat()))
            for event in quiz.events:
                self._insert_event(connection, attempt_id, event)
            for position, response in sorted(quiz.responses.items()):
                item = quiz.paper.items[position]
                credit = result.credits[position]
                connection.execute(
                    "INSERT INTO answers (id, attempt_id, position, question_id, question_hash, "
                    "response, credit_num, credit_den, points_num, points_den, "
                    "without_diacritics, understood_as, answered_at, duration_ms) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
                    (self.new_id(), attempt_id, position, item.question.full_id,
                     item.question.content_hash,
                     json.dumps(response_to_data(response), ensure_ascii=False),
                     credit.fraction.numerator, credit.fraction.denominator,
                     credit.points.numerator, credit.points.denominator,
                     int(credit.without_diacritics), credit.understood_as, at.isoformat()))
            if replaces is None:
                cards.attempt_reviewed_in(connection, self.new_id, attempt_id, at)
            score = result.score.value
            connection.execute(
                "UPDATE attempts SET status = 'finished', finished_at = ?, time_spent_ms = 0, "
                "time_paused_ms = 0, score_num = ?, score_den = ?, band = ?, passed = ?, "
                "answered = ?, correct = ? WHERE id = ?",
                (at.isoformat(), score.numerator, score.denominator, result.score.band,
                 int(result.score.passed), result.answered, result.correct, attempt_id))
        return self.attempt(attempt_id)

    def abandon_attempt(self, attempt_id: str) -> None:
        with self._write() as connection:
            connection.execute("UPDATE attempts SET status = 'abandoned' WHERE id = ? "
                               "AND status = 'in_progress'", (attempt_id,))

    def delete_attempt(self, attempt_id: str, *, pin: str | None = None) -> None:
        """Delete a result (a secretary action: the cell's PIN when set)."""
        attempt = self.attempt(attempt_id)
        cell_id = None
        if attempt.session_id is not None:
            cell_id = self._open_session(attempt.session_id).cell_id
        elif attempt.member_id is not None:
            cell_id = self.member(attempt.member_id).cell_id
        if cell_id is not None:
            self.check_pin(cell_id, pin)
        with self._write() as connection:
            connection.execute("DELETE FROM answers WHERE attempt_id = ?", (attempt_id,))
            connection.execute("DELETE FROM events WHERE attempt_id = ?", (attempt_id,))
            connection.execute("DELETE FROM attempts WHERE id = ?", (attempt_id,))

    def events(self, attempt_id: str) -> list[Event]:
        rows = self._rows("SELECT kind, at, position, response FROM events WHERE attempt_id = ? "
                          "ORDER BY seq", (attempt_id,))
        return [Event.from_data({"kind": r["kind"], "at": r["at"], "position": r["position"],
                                 "response": json.loads(r["response"]) if r["response"] else None})
                for r in rows]

    def answers(self, attempt_id: str) -> list[AnswerRecord]:
        rows = self._rows("SELECT * FROM answers WHERE attempt_id = ? ORDER BY position",
                          (attempt_id,))
        return [AnswerRecord(
            r["id"], r["attempt_id"], r["position"], r["question_id"], r["question_hash"],
            json.loads(r["response"]), Fraction(r["credit_num"], r["credit_den"]),
            Fraction(r["points_num"], r["points_den"]), datetime.fromisoformat(r["answered_at"]),
            timedelta(milliseconds=r["duration_ms"]), bool(r["without_diacritics"]),
            r["understood_as"]) for r in rows]

    def resume(self, attempt_id: str, catalog: Catalog) -> tuple[QuizSession, list[str]]:
        """The quiz session of an attempt, rebuilt from its stored events, and
        the ids of its questions whose content changed since it started."""
        attempt = self.attempt(attempt_id)
        paper, changed = paper_from_data(attempt.paper, catalog)
        settings = attempt.settings
        limit = settings.get("time_limit_s")
        session = QuizSession.replay(
            paper, Mode(attempt.mode), attempt.started_at, self.events(attempt_id),
            time_limit=timedelta(seconds=limit) if limit else None,
            partial_credit=bool(settings.get("partial_credit")),
            grading=grading_from_data(settings["grading"]))
        return session, changed

    # --- lessons read -----------------------------------------------------------------------

    def mark_lesson_read(self, member_id: str, pack_id: str, lesson_id: str,
                         at: datetime | None = None) -> None:
        when = (at or self.clock()).isoformat()
        with self._write() as connection:
            connection.execute(
                "INSERT INTO lesson_reads (id, member_id, pack_id, lesson_id, first_read_at, "
                "last_read_at) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (member_id, pack_id, lesson_id) "
                "DO UPDATE SET last_read_at = excluded.last_read_at, times = times + 1",
                (self.new_id(), member_id, pack_id, lesson_id, when, when))

    def lessons_read(self, member_id: str) -> list[LessonRead]:
        rows = self._rows("SELECT * FROM lesson_reads WHERE member_id = ? "
                          "ORDER BY first_read_at", (member_id,))
        return [LessonRead(r["member_id"], r["pack_id"], r["lesson_id"],
                           datetime.fromisoformat(r["first_read_at"]),
                           datetime.fromisoformat(r["last_read_at"]), r["times"]) for r in rows]

    # --- the whole database ---------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many cells, members, sessions, attempts and answers there are."""
        tables = ("cells", "members", "sessions", "attempts", "answers")
        return {table: int(self._rows(f"SELECT count(*) AS n FROM {table}")[0]["n"])
                if self.database.exists else 0 for table in tables}
