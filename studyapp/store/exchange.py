"""Rows out of the store for exports, and a checked bundle's rows merged back in.

Exports read in one query per table (a CSV of a hundred thousand answers must
cost about what `sqlite3 -csv` does). A merge runs in one transaction: rows
already present and equal are skipped, new rows are added, and a row whose id
exists with other content is a conflict: nothing at all is written then.
The one change a merge makes to existing rows is a session's own progress:
an open session here that the bundle shows closed (or an unfinished attempt
the bundle shows finished) takes the bundle's later state. A closed session
here is never altered.

Longer than most modules: writing rows out and merging them back must stay the same
columns in the same dependency order; side by side they cannot drift apart.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from typing import Any, NamedTuple

from studyapp.i18n import tr
from studyapp.store.models import AttemptStatus, AttendanceStatus, StudySession
from studyapp.store.store import Store, StoreError, name_key
from studyapp.text import roster_key, shown

TABLES: tuple[str, ...] = ("cells", "members", "sessions", "attendance", "attempts", "events",
                           "answers")
"""The tables a bundle carries, parents before children."""

COLUMNS: dict[str, tuple[str, ...]] = {
    "cells": ("id", "name", "created_at"),
    "members": ("id", "cell_id", "full_name", "active", "created_at", "note"),
    "sessions": ("id", "cell_id", "held_on", "topic", "pack_id", "lessons", "settings", "seed",
                 "run_by", "status", "opened_at", "closed_at"),
    "attendance": ("id", "session_id", "member_id", "status", "note"),
    "attempts": ("id", "member_id", "guest_name", "session_id", "mode", "pack_id", "paper",
                 "settings", "status", "started_at", "finished_at", "time_spent_ms",
                 "time_paused_ms", "score_num", "score_den", "band", "passed", "answered",
                 "correct", "retake_of"),
    "events": ("id", "attempt_id", "seq", "kind", "at", "position", "response"),
    "answers": ("id", "attempt_id", "position", "question_id", "question_hash", "response",
                "credit_num", "credit_den", "points_num", "points_den", "without_diacritics",
                "understood_as", "answered_at", "duration_ms"),
}
"""The columns a bundle carries (a cell's PIN stays on its laptop)."""

DEFAULTS: dict[str, dict[str, Any]] = {"members": {"note": ""}}
"""Columns a bundle may leave out (one written before they existed): their value then."""

JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "sessions": ("lessons", "settings"),
    "attempts": ("paper", "settings"),
    "events": ("response",),
    "answers": ("response",),
}
"""Columns stored as JSON text: a bundle holds them as JSON values."""

KEYS: dict[str, tuple[str, ...]] = {
    "cells": ("id",), "members": ("id",), "sessions": ("id",),
    "attendance": ("session_id", "member_id"), "attempts": ("id",),
    "events": ("attempt_id", "seq"), "answers": ("attempt_id", "position"),
}
"""What identifies a row when merging (attendance, events and answers by their place)."""


@dataclass(frozen=True)
class Scope:
    """What an export covers: one session, a cell, a member, or every session
    (`everything`), each optionally between two dates (inclusive)."""

    session_id: str | None = None
    cell_id: str | None = None
    member_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None

    def where(self, alias: str = "s") -> tuple[str, list[Any]]:
        """The SQL condition on sessions (`alias`) and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.session_id is not None:
            clauses.append(f"{alias}.id = ?")
            params.append(self.session_id)
        if self.cell_id is not None:
            clauses.append(f"{alias}.cell_id = ?")
            params.append(self.cell_id)
        if self.member_id is not None:
            clauses.append(f"({alias}.id IN (SELECT session_id FROM attendance WHERE member_id = ?)"
                           f" OR {alias}.id IN (SELECT session_id FROM attempts "
                           "WHERE member_id = ? AND session_id IS NOT NULL))")
            params += [self.member_id, self.member_id]
        if self.date_from is not None:
            clauses.append(f"{alias}.held_on >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to is not None:
            clauses.append(f"{alias}.held_on <= ?")
            params.append(self.date_to.isoformat())
        return (" AND ".join(clauses) or "1"), params


VIA_LAPTOP = "laptop"
"""How a test without a `via` in its settings was taken: at the laptop's keyboard."""
VIA_PAPER = "paper"
"""A test written on paper and entered by the secretary (its time is not measured)."""


class ScoreRow(NamedTuple):
    """One line of the score table: a member at a session (with the test they
    took, if any), or a member's own test outside sessions. A named tuple:
    a table of a hundred thousand answers makes tens of thousands of these."""

    cell: str
    held_on: date | None
    """The session's date; for a test outside sessions, the day it was taken."""
    topic: str | None
    """None: a test taken alone, outside any session."""
    member: str
    member_id: str
    attendance: AttendanceStatus | None
    note: str
    attempt_id: str | None
    score_num: int | None
    score_den: int | None
    band: str | None
    passed: bool | None
    answered: int | None
    correct: int | None
    seconds: int | None
    retake: bool
    """This test was a retake the secretary allowed."""
    counted: bool
    """This test is the one the session's figures count (not replaced by a retake)."""
    session_id: str | None = None
    via: str | None = None
    """How the test was taken: `laptop` (at the keyboard), `phone` or `paper`
    (the attempt's settings say; tests before there was a choice were on the
    laptop); None when no test was taken."""
    member_note: str = ""
    """What tells the member from a namesake (`Member.note`); "" for none."""

    @property
    def score(self) -> Fraction | None:
        if self.score_num is None or self.score_den is None:
            return None
        return Fraction(self.score_num, self.score_den)


_SESSION_ROWS = """
SELECT c.name AS cell, s.id AS session_id, s.held_on, s.topic, m.id AS member_id,
       m.full_name, t.status AS attendance, t.note, a.id AS attempt_id, a.score_num,
       a.score_den, a.band, a.passed, a.answered, a.correct, a.time_spent_ms, a.retake_of,
       r.replaced_id IS NOT NULL AS replaced, json_extract(a.settings, '$.via') AS via
FROM sessions s
JOIN cells c ON c.id = s.cell_id
JOIN attendance t ON t.session_id = s.id
JOIN members m ON m.id = t.member_id
LEFT JOIN attempts a ON a.session_id = s.id AND a.member_id = m.id
     AND a.status = 'finished' AND a.mode = 'test'
LEFT JOIN (SELECT DISTINCT retake_of AS replaced_id FROM attempts
           WHERE retake_of IS NOT NULL AND status = 'finished') r ON r.replaced_id = a.id
WHERE {where} {member}
ORDER BY s.held_on, s.opened_at, a.started_at
"""

_OWN_TESTS = """
SELECT c.name AS cell, NULL AS session_id, substr(a.started_at, 1, 10) AS held_on,
       NULL AS topic, m.id AS member_id, m.full_name, NULL AS attendance, '' AS note,
       a.id AS attempt_id, a.score_num, a.score_den, a.band, a.passed, a.answered, a.correct,
       a.time_spent_ms, a.retake_of, 0 AS replaced, json_extract(a.settings, '$.via') AS via
FROM attempts a
JOIN members m ON m.id = a.member_id
JOIN cells c ON c.id = m.cell_id
WHERE a.member_id = ? AND a.session_id IS NULL AND a.mode = 'test' AND a.status = 'finished'
  {dates}
ORDER BY a.started_at
"""


def score_sql(scope: Scope) -> tuple[str, list[Any]]:
    """The query of the session part of the score table (also what the CSV
    benchmark hands to `sqlite3 -csv`)."""
    where, params = scope.where()
    member = ""
    if scope.member_id is not None:
        member = "AND m.id = ?"
        params.append(scope.member_id)
    return _SESSION_ROWS.format(where=where, member=member), params


def member_notes(store: Store) -> dict[str, str]:
    """Each member's distinguishing note, by id (members without one left out),
    safe to show; {} for a database of a schema before notes."""
    with store._read() as connection:
        if connection is None:
            return {}
        if _selected(connection, "members", ("id", "note"))[1] != "note":
            rows = [(member_id, cell_id, key, "") for member_id, cell_id, key in
                    connection.execute("SELECT id, cell_id, name_key FROM members")]
        else:
            rows = list(connection.execute("SELECT id, cell_id, name_key, note FROM members"))
    named = Counter((cell_id, key) for _, cell_id, key, _ in rows)
    # A twin added before notes existed is told apart by a short code, as on the screens
    # (`member_label`), so that the ward's sheet never shows two identical people.
    return {member_id: shown(note) if note else tr("member.code", code=member_id[:6].upper())
            for member_id, cell_id, key, note in rows
            if note or named[cell_id, key] > 1}


def score_rows(store: Store, scope: Scope) -> list[ScoreRow]:
    """The score table: by cell, then session date, then the roster's order."""
    sql, params = score_sql(scope)
    queries = [(sql, params)]
    if scope.member_id is not None and scope.session_id is None:
        dates = ""
        own_params: list[Any] = [scope.member_id]
        if scope.date_from is not None:
            dates += " AND substr(a.started_at, 1, 10) >= ?"
            own_params.append(scope.date_from.isoformat())
        if scope.date_to is not None:
            dates += " AND substr(a.started_at, 1, 10) <= ?"
            own_params.append(scope.date_to.isoformat())
        queries.append((_OWN_TESTS.format(dates=dates), own_params))
    result: list[ScoreRow] = []
    notes = member_notes(store)
    days: dict[str, date] = {}
    statuses = {status.value: status for status in AttendanceStatus}
    with store._read() as connection:
        if connection is None:
            return []
        for query, query_params in queries:
            for (cell, session_id, held_on, topic, member_id, full_name, attendance, note,
                 attempt_id, score_num, score_den, band, passed, answered, correct, spent,
                 retake_of, replaced, via) in connection.execute(query, query_params):
                day = days.get(held_on) if held_on else None
                if held_on and day is None:
                    day = days[held_on] = date.fromisoformat(held_on)
                result.append(ScoreRow(
                    cell, day, topic, full_name, member_id,
                    statuses[attendance] if attendance else None, note or "", attempt_id,
                    score_num, score_den, band, None if passed is None else bool(passed),
                    answered, correct,
                    # A paper's time was not measured: left blank, as the reports leave it.
                    None if spent is None or via == VIA_PAPER else round(spent / 1000),
                    retake_of is not None, attempt_id is not None and not replaced,
                    session_id, (via or VIA_LAPTOP) if attempt_id is not None else None,
                    notes.get(member_id, "")))
    # Ranks, not the sort keys themselves: comparing small integers is what
    # keeps sorting ten thousand rows cheap.
    # Twins by their notes, as on the roster: else their order would be the database's.
    members = sorted({(row.member, row.member_note) for row in result},
                     key=lambda person: (roster_key(person[0]), roster_key(person[1])))
    rank = {person: place for place, person in enumerate(members)}
    cells = sorted({row.cell for row in result}, key=lambda name: roster_key(name)[1])
    cell_rank = {name: place for place, name in enumerate(cells)}
    # The query gives the rows session by session (attempts in the order taken):
    # the sessions are put in order, then each one's rows by the roster.
    groups: dict[tuple[int, date, bool], list[ScoreRow]] = {}
    for row in result:
        place = (cell_rank[row.cell], row.held_on or date.min, row.topic is None)
        group = groups.get(place)
        if group is None:
            group = groups[place] = []
        group.append(row)
    ordered: list[ScoreRow] = []
    for place in sorted(groups):
        ordered += sorted(groups[place], key=lambda row: rank[row.member, row.member_note])
    return ordered


def scoped_sessions(store: Store, scope: Scope) -> list[StudySession]:
    """The sessions in the scope, oldest first."""
    where, params = scope.where()
    ids = [row["id"] for row in store._rows(
        f"SELECT s.id FROM sessions s WHERE {where} ORDER BY s.held_on, s.opened_at", params)]
    return [store.session(session_id) for session_id in ids]


def counted_answers(store: Store, attempt_ids: Sequence[str]
                    ) -> dict[str, list[dict[str, Any]]]:
    """The answers of these attempts, by attempt (for item statistics)."""
    by_attempt: dict[str, list[dict[str, Any]]] = {attempt_id: [] for attempt_id in attempt_ids}
    for chunk in _chunks(list(attempt_ids), 500):
        marks = ", ".join("?" * len(chunk))
        for row in store._rows(
                f"SELECT attempt_id, question_id, response, credit_num, credit_den "
                f"FROM answers WHERE attempt_id IN ({marks})", chunk):
            row["response"] = json.loads(row["response"])
            by_attempt[row["attempt_id"]].append(row)
    return by_attempt


def attempt_papers(store: Store, attempt_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    papers: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(list(attempt_ids), 500):
        marks = ", ".join("?" * len(chunk))
        for row in store._rows(
                f"SELECT id, paper FROM attempts WHERE id IN ({marks})", chunk):
            papers[row["id"]] = json.loads(row["paper"])
    return papers


def _chunks(values: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


# --- bundles out -----------------------------------------------------------------------------


def table_queries(scope: Scope, select: Callable[[str], Sequence[str]] = COLUMNS.__getitem__
                  ) -> dict[str, tuple[str, list[Any]]]:
    """The query of each table's rows in the scope (columns in `COLUMNS` order;
    `select` gives what to select for each, an older schema's defaults included)."""
    where, params = scope.where()
    sessions = f"SELECT s.id FROM sessions s WHERE {where}"
    attempt_filter = f"session_id IN ({sessions})"
    attempt_params = list(params)
    # A member's bundle holds that member's rows only (with the cell and sessions they
    # need), like the member's CSV: not the rest of the roster, nor their answers.
    member_filter, member_params = "", []
    if scope.member_id is not None:
        member_filter, member_params = " AND member_id = ?", [scope.member_id]
    if scope.member_id is not None and scope.session_id is None:
        attempt_filter = f"({attempt_filter} OR (session_id IS NULL AND member_id = ?))"
        attempt_params.append(scope.member_id)
    attempt_filter += member_filter
    attempt_params += member_params
    cell_filter = (f"id IN (SELECT s.cell_id FROM sessions s WHERE {where})"
                   + (" OR id = (SELECT cell_id FROM members WHERE id = ?)"
                      if scope.member_id is not None else ""))
    cell_params = list(params) + ([scope.member_id] if scope.member_id is not None else [])
    queries: dict[str, tuple[str, list[Any]]] = {
        "cells": (f"SELECT {{cols}} FROM cells WHERE {cell_filter} ORDER BY id", cell_params),
        "members": (f"SELECT {{cols}} FROM members WHERE cell_id IN "
                    f"(SELECT id FROM cells WHERE {cell_filter})"
                    f"{member_filter.replace('member_id', 'id')} ORDER BY id",
                    cell_params + member_params),
        "sessions": (f"SELECT {{cols}} FROM sessions s WHERE {where} ORDER BY id", params),
        "attendance": (f"SELECT {{cols}} FROM attendance WHERE session_id IN ({sessions})"
                       f"{member_filter} ORDER BY session_id, member_id",
                       params + member_params),
        "attempts": (f"SELECT {{cols}} FROM attempts WHERE {attempt_filter} ORDER BY id",
                     attempt_params),
        "events": (f"SELECT {{cols}} FROM events WHERE attempt_id IN (SELECT id FROM attempts "
                   f"WHERE {attempt_filter}) ORDER BY attempt_id, seq", attempt_params),
        "answers": (f"SELECT {{cols}} FROM answers WHERE attempt_id IN (SELECT id FROM attempts"
                    f" WHERE {attempt_filter}) ORDER BY attempt_id, position", attempt_params),
    }
    return {table: (sql.format(cols=", ".join(select(table))), table_params)
            for table, (sql, table_params) in queries.items()}


def dump_tables(store: Store, scope: Scope) -> dict[str, list[dict[str, Any]]]:
    """Every row of the sessions in the scope, with their cells and the cells'
    rosters; for a member's scope, also the member's own tests and practice."""
    with reading_snapshot(store) as connection:
        return {table: list(table_rows(connection, table, scope)) for table in TABLES}


@contextlib.contextmanager
def reading_snapshot(store: Store) -> Iterator[sqlite3.Connection | None]:
    """One read transaction: every table read inside sees the same database,
    whatever another process writes meanwhile (a bundle read table by table)."""
    with store._read() as connection:
        if connection is None:
            yield None
            return
        began = not connection.in_transaction
        if began:
            connection.execute("BEGIN")
        try:
            yield connection
        finally:
            if began:
                connection.execute("COMMIT")


def table_rows(connection: sqlite3.Connection | None, table: str, scope: Scope
               ) -> Iterator[dict[str, Any]]:
    """The rows of one table in the scope, one at a time, JSON columns as values."""
    if connection is None:
        return
    sql, params = table_queries(scope, lambda name: _selected(connection, name, COLUMNS[name])
                                )[table]
    columns = COLUMNS[table]
    json_columns = JSON_COLUMNS.get(table, ())
    for values in connection.execute(sql, params):
        row = dict(zip(columns, values, strict=True))
        for name in json_columns:
            if row[name] is not None:
                row[name] = json.loads(row[name])
        yield row


def _selected(connection: sqlite3.Connection, table: str, columns: Sequence[str]) -> list[str]:
    """The columns to select: one a database of an older schema (read as it
    is, not migrated) lacks is selected as its default."""
    defaults = DEFAULTS.get(table)
    if not defaults:
        return list(columns)
    present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
    return [name if name in present or name not in defaults
            else f"{_literal(defaults[name])} AS {name}" for name in columns]


def _literal(value: Any) -> str:
    return "'" + str(value).replace("'", "''") + "'"


# --- bundles in ------------------------------------------------------------------------------


@dataclass
class MergeReport:
    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    updated: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    unchanged: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    matched_by_name: dict[str, int] = field(
        default_factory=lambda: {"cells": 0, "members": 0})
    """Cells and members of the bundle found here under another id, by their name."""
    conflicts: list[str] = field(default_factory=list)
    """What differs, one message each: when any, nothing was written."""
    by_name: list[str] = field(default_factory=list)
    """Each cell and member that would merge with one here by name alone, in words."""

    @property
    def changed(self) -> bool:
        return any(self.added.values()) or any(self.updated.values())


class MergeConflictError(StoreError):
    """The bundle disagrees with what is stored here: nothing was written."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__(tr("import.conflicts", count=len(report.conflicts)))
        self.report = report


def _stored(value: Any) -> Any:
    """A bundle value as the database stores it."""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if isinstance(value, bool):
        return int(value)
    return value


def _same(table: str, ours: dict[str, Any], theirs: dict[str, Any]) -> list[str]:
    """The columns that differ (JSON compared as values, not as text)."""
    json_columns = JSON_COLUMNS.get(table, ())
    differ = []
    for column in COLUMNS[table]:
        if column == "id" and table in ("attendance", "events", "answers"):
            continue  # these rows are known by their place; their own ids may differ
        mine = ours[column]
        if column in json_columns and mine is not None:
            mine = json.loads(mine)
        other = theirs[column]
        if isinstance(other, bool):
            other = int(other)
        if mine != other:
            differ.append(column)
    return differ


class _Merge:
    """One merge, inside one write transaction."""

    def __init__(self, connection: sqlite3.Connection,
                 tables: Mapping[str, Iterable[dict[str, Any]]]) -> None:
        self.connection = connection
        self.tables = tables
        self.report = MergeReport()
        self.ids: dict[str, dict[str, str]] = {"cells": {}, "members": {}}
        """Bundle ids of cells and members found here under another id."""
        self.open_here: set[str] = set()
        """Sessions stored here as open that the bundle may carry forward."""
        self.closing: dict[str, str | None] = {}
        """Sessions to close once their rows are in, and when the bundle says they closed."""
        self.unfinished_here: set[str] = set()

    def row(self, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
        columns = COLUMNS[table]
        condition = " AND ".join(f"{name} = ?" for name in key)
        cursor = self.connection.execute(
            f"SELECT {', '.join(columns)} FROM {table} WHERE {condition}", tuple(key.values()))
        found = cursor.fetchone()
        return dict(zip(columns, found, strict=True)) if found else None

    def insert(self, table: str, row: dict[str, Any]) -> None:
        columns = COLUMNS[table]
        values = [_stored(row[column]) for column in columns]
        if table == "cells":
            columns = (*columns, "name_key")
            values.append(name_key(row["name"]))
        if table == "members":
            columns = (*columns, "name_key")
            values.append(name_key(row["full_name"]))
        self.connection.execute(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(values))})",
            values)
        self.report.added[table] += 1

    def update(self, table: str, row: dict[str, Any], columns: list[str]) -> None:
        key = KEYS[table]
        sets = ", ".join(f"{name} = ?" for name in columns)
        condition = " AND ".join(f"{name} = ?" for name in key)
        self.connection.execute(
            f"UPDATE {table} SET {sets} WHERE {condition}",
            [_stored(row[name]) for name in columns] + [row[name] for name in key])
        self.report.updated[table] += 1

    def conflict(self, table: str, row: dict[str, Any], columns: Sequence[str]) -> None:
        key = ", ".join(str(row[name]) for name in KEYS[table])
        self.report.conflicts.append(tr("import.conflict", table=table, key=key,
                                        columns=", ".join(columns)))

    # -- cells and members are matched by name when their ids are unknown here

    def cells(self) -> None:
        for cell in self.tables["cells"]:
            here = self.row("cells", {"id": cell["id"]})
            if here is None:
                by_name = self.connection.execute(
                    "SELECT id FROM cells WHERE name_key = ?", (name_key(cell["name"]),)
                ).fetchone()
                if by_name is not None:
                    self.ids["cells"][cell["id"]] = by_name[0]
                    self.report.matched_by_name["cells"] += 1
                    self.report.by_name.append(tr("import.merge_cell", name=cell["name"],
                                                  theirs=cell["id"], ours=by_name[0]))
                else:
                    self.insert("cells", cell)
            elif here["name"] != cell["name"]:
                self.conflict("cells", cell, ["name"])
            else:
                self.report.unchanged["cells"] += 1

    def members(self) -> None:
        bundle_twins: dict[tuple[str, str], int] = {}
        for member in self.tables["members"]:
            place = (self.cell(member["cell_id"]), name_key(member["full_name"]))
            bundle_twins[place] = bundle_twins.get(place, 0) + 1
        # Namesakes are looked for among the members here before this merge: the
        # bundle's own twins (two people of one name, each with an id) are added both.
        here_before: dict[tuple[str, str], list[str]] = {}
        for place in bundle_twins:
            here_before[place] = [found[0] for found in self.connection.execute(
                "SELECT id FROM members WHERE cell_id = ? AND name_key = ?", place)]
        for given in self.tables["members"]:
            member = {**given, "cell_id": self.cell(given["cell_id"])}
            here = self.row("members", {"id": member["id"]})
            if here is not None:
                differ = [name for name in ("cell_id", "full_name") if here[name] != member[name]]
                if differ:
                    self.conflict("members", member, differ)
                elif member["note"] and here["note"] != member["note"]:
                    self.update("members", member, ["note"])  # a note given or changed there
                else:
                    self.report.unchanged["members"] += 1
                continue
            namesakes = here_before[(member["cell_id"], name_key(member["full_name"]))]
            if not namesakes:
                self.insert("members", member)
            elif len(namesakes) == 1 and bundle_twins[(member["cell_id"],
                                                       name_key(member["full_name"]))] == 1:
                self.ids["members"][member["id"]] = namesakes[0]
                self.report.matched_by_name["members"] += 1
                self.report.by_name.append(tr("import.merge_member", name=member["full_name"],
                                              theirs=member["id"], ours=namesakes[0]))
            else:  # two people of that name: which one is meant cannot be known
                self.report.conflicts.append(tr("import.ambiguous_member",
                                                name=member["full_name"]))

    def cell(self, cell_id: str) -> str:
        return self.ids["cells"].get(cell_id, cell_id)

    def member(self, member_id: str | None) -> str | None:
        return None if member_id is None else self.ids["members"].get(member_id, member_id)

    # -- sessions and what belongs to them

    def sessions(self) -> None:
        for given in self.tables["sessions"]:
            session = {**given, "cell_id": self.cell(given["cell_id"])}
            here = self.row("sessions", {"id": session["id"]})
            if here is None:
                self.insert("sessions", {**session, "status": "open", "closed_at": None})
                self.open_here.add(session["id"])
                if session["status"] == "closed":
                    self.closing[session["id"]] = session["closed_at"]
                continue
            differ = _same("sessions", here, session)
            if not differ:
                self.report.unchanged["sessions"] += 1
                if here["status"] == "open":
                    self.open_here.add(session["id"])
            elif (here["status"] == "open" and session["status"] == "closed"
                  and set(differ) <= {"status", "closed_at"}):
                self.open_here.add(session["id"])
                self.closing[session["id"]] = session["closed_at"]
                self.report.updated["sessions"] += 1
            else:
                self.conflict("sessions", session, differ)

    def may_change(self, session_id: str | None, attempt_id: str | None = None) -> bool:
        """Whether rows of this session (or outside sessions, this attempt) may
        take the bundle's later state: only while the session here is open and
        the bundle shows it closed, or the attempt here unfinished."""
        if attempt_id is not None and attempt_id in self.unfinished_here:
            return True
        return session_id is not None and session_id in self.closing

    def children(self, table: str) -> None:
        rows = self.tables[table]
        if table == "attempts":
            rows = dependency_order(rows)
        for given in rows:
            row = dict(given)
            if "member_id" in row:
                row["member_id"] = self.member(row["member_id"])
            session_id = row.get("session_id")
            attempt_id = row.get("attempt_id") or (row["id"] if table == "attempts" else None)
            if table in ("events", "answers"):
                session_id = self.session_of_attempt(row["attempt_id"])
            here = self.row(table, {name: row[name] for name in KEYS[table]})
            if here is None:
                if session_id is not None and session_id not in self.open_here:
                    self.conflict(table, row, [tr("import.closed_here")])
                else:
                    self.insert(table, row)
                continue
            differ = _same(table, here, row)
            if not differ:
                self.report.unchanged[table] += 1
                if table == "attempts" and here["status"] == AttemptStatus.IN_PROGRESS:
                    self.unfinished_here.add(row["id"])
            elif table == "attempts" and here["status"] == AttemptStatus.IN_PROGRESS \
                    and row["status"] != AttemptStatus.IN_PROGRESS \
                    and (session_id is None or session_id in self.open_here):
                self.unfinished_here.add(row["id"])
                self.update(table, row, differ)
            elif self.may_change(session_id, attempt_id) \
                    and (session_id is None or session_id in self.open_here):
                self.update(table, row, differ)
            else:
                self.conflict(table, row, differ)

    def session_of_attempt(self, attempt_id: str) -> str | None:
        found = self.connection.execute("SELECT session_id FROM attempts WHERE id = ?",
                                        (attempt_id,)).fetchone()
        return found[0] if found else None

    def run(self) -> MergeReport:
        self.cells()
        self.members()
        if self.report.conflicts:  # rows of unmatched members would point nowhere
            return self.report
        self.sessions()
        for table in ("attendance", "attempts", "events", "answers"):
            self.children(table)
        for session_id, closed_at in self.closing.items():
            self.connection.execute(
                "UPDATE sessions SET status = 'closed', closed_at = ? WHERE id = ?",
                (closed_at, session_id))
        return self.report


def dependency_order(attempts: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The attempts with each replaced attempt before its retake (the bundle's
    order is by id, which is random), as a stream: a retake whose replaced
    attempt is still to come waits for it (only those are held). The reference
    checks refused cycles; a retake of an attempt not among these comes last."""
    placed: set[str] = set()
    waiting: dict[str, list[dict[str, Any]]] = {}
    for row in attempts:
        parent = row["retake_of"]
        if parent is not None and parent not in placed:
            waiting.setdefault(parent, []).append(row)
            continue
        ready = [row]
        while ready:
            current = ready.pop()
            placed.add(current["id"])
            yield current
            ready.extend(reversed(waiting.pop(current["id"], [])))
    for rows in waiting.values():
        yield from rows


class NameMergeError(StoreError):
    """Cells or members would merge with others here by name alone, and that was
    not confirmed (`--merge-by-name`): nothing was written."""

    def __init__(self, report: MergeReport) -> None:
        super().__init__(tr("import.merge_by_name", count=len(report.by_name)))
        self.report = report


class _Defaulted(Iterable[dict[str, Any]]):
    """A table's rows with the columns a bundle may leave out filled in, as they
    are read (the rows may come from a staging file, once per pass)."""

    def __init__(self, rows: Iterable[dict[str, Any]], defaults: dict[str, Any]) -> None:
        self.rows = rows
        self.defaults = defaults

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return ({**self.defaults, **row} for row in self.rows)


class _Rollback(Exception):  # noqa: N818 - a signal, not an error
    pass


class _Unforeseen(Exception):  # noqa: N818 - a signal, not an error
    """The database refused a row (a constraint, an integer too large): rolled back."""


def merge_tables(store: Store, tables: Mapping[str, Iterable[dict[str, Any]]], *,
                 merge_by_name: bool = False) -> MergeReport:
    """Merge a bundle's rows (already checked) into the store, all or nothing:
    on any conflict nothing is written and `MergeConflictError` lists them.
    Cells and members known here under another id are matched by name only
    when `merge_by_name` says so; else `NameMergeError` lists them."""
    report: MergeReport | None = None
    existed = store.database.exists
    tables = {table: _Defaulted(rows, DEFAULTS[table]) if table in DEFAULTS else rows
              for table, rows in tables.items()}
    try:
        with store.database.writing() as connection:
            try:
                report = _Merge(connection, tables).run()
            except (sqlite3.IntegrityError, OverflowError) as error:
                # Raised on, not out: `writing` would turn SQLite's error into its own.
                raise _Unforeseen from error
            if report.conflicts or (report.by_name and not merge_by_name):
                raise _Rollback
    except _Rollback:
        assert report is not None
        _forget_new(store, existed)
        if report.conflicts:
            raise MergeConflictError(report) from None
        raise NameMergeError(report) from None
    except _Unforeseen as error:
        # The reference checks should make this unreachable (but for an id taken
        # here by another row); SQLite's words mean nothing to a ward clerk, so
        # the message says what to do.
        _forget_new(store, existed)
        raise StoreError(tr("import.integrity_net")) from error.__cause__
    return report


def _forget_new(store: Store, existed: bool) -> None:
    """A refused import into a database that did not exist leaves no file behind."""
    if existed:
        return
    store.database.close()
    path = store.database.path
    for leftover in (path, path.with_name(path.name + "-wal"),
                     path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)


def existing_question_ids(store: Store, ids: Iterable[str]) -> set[str]:
    """Which of these question ids some answer here already refers to."""
    found: set[str] = set()
    for chunk in _chunks(sorted(set(ids)), 500):
        marks = ", ".join("?" * len(chunk))
        found |= {row["question_id"] for row in store._rows(
            f"SELECT DISTINCT question_id FROM answers WHERE question_id IN ({marks})", chunk)}
    return found
