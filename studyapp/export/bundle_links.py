"""The checks across a bundle's rows, over a private SQLite database (issue 20, item 8).

While the file streams by (`bundle_stream`), each good row leaves here the few
fields these checks read: ids and references, a paper's question ids and hashes,
an answer's response and credit, an attempt's counts and grading. Nothing of the
rows stays in Python: the checks are queries over indexed tables in a file of the
staging folder, with a small page cache, so that memory stays bounded whatever the
bundle's size; the rows themselves are read one attempt at a time.

The checks and their messages are those of docs/bundle-format.md ("Checks before
anything is written"), stages 5 to 7: ids and places appear once, every reference
points into the bundle, the rows agree with one another (cells, papers, retakes),
every question asked is known, and every result recomputes.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path
from typing import Any

from studyapp.content.catalog import Catalog
from studyapp.content.model import Question
from studyapp.i18n import tr
from studyapp.quiz.scoring import Score, grade, response_from_data
from studyapp.store.store import grading_from_data, name_key

KEPT = 1000
"""Problems kept (each counted): a million dangling rows say no more than these."""
BATCH = 500
"""Rows inserted at a time."""
CACHE_KIB = 16 * 1024
"""SQLite's page cache for the staging database: what the checks hold at most."""
MEMO = 20_000
"""Distinct verdicts remembered (a regrade, a question's points) before starting afresh."""

_TABLES = {
    "cells": ("idx", "id", "name", "name_key"),
    "members": ("idx", "id", "cell_id"),
    "sessions": ("idx", "id", "cell_id"),
    "attendance": ("idx", "id", "session_id", "member_id"),
    "attempts": ("idx", "id", "member_id", "session_id", "guest_name", "retake_of", "status",
                 "answered", "correct", "score_num", "score_den", "band", "passed",
                 "partial_credit", "grading", "size"),
    "items": ("attempt_idx", "position", "id", "hash"),
    "events": ("idx", "id", "attempt_id", "seq", "position"),
    "answers": ("idx", "id", "attempt_id", "position", "question_id", "question_hash", "response",
                "credit_num", "credit_den", "points_num", "points_den"),
    "questions": ("idx", "id", "hash", "points"),
}
_INDEXES = (
    "cells (id, idx)", "cells (name_key, idx)", "members (id, idx)", "sessions (id, idx)",
    "attempts (id, idx)",
    "attempts (retake_of)", "attendance (session_id, member_id, idx)", "attendance (id, idx)",
    "events (attempt_id, seq, idx)", "events (id, idx)", "answers (attempt_id, position, idx)",
    "answers (id, idx)",
    "items (id)", "questions (id, hash, idx)",
)


_INTEGERS = {"attempt_idx", "position", "seq", "answered", "correct", "score_num", "score_den",
             "passed", "size", "credit_num", "credit_den", "points_num", "points_den"}


def _kind(column: str) -> str:
    """Each column's type: an index is only used where both sides compare alike."""
    return "INTEGER" if column in _INTEGERS else "TEXT"


class Problems:
    """The problems of one stage, in order: the first `KEPT` kept, all counted."""

    def __init__(self) -> None:
        self.shown: list[str] = []
        self.total = 0

    def add(self, problem: str) -> None:
        self.total += 1
        if len(self.shown) < KEPT:
            self.shown.append(problem)

    def __bool__(self) -> bool:
        return self.total > 0


def _points_text(text: Any) -> str | None:
    """A listed question's points, written exactly (for `Fraction`), or None."""
    points = text.get("points") if isinstance(text, dict) else None
    if isinstance(points, bool) or not isinstance(points, (int, float)) \
            or not math.isfinite(points) or points < 0:
        return None
    return str(points)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Links:
    """The staging database of one bundle's checks, in `folder` (removed with it)."""

    def __init__(self, folder: Path) -> None:
        self.connection = sqlite3.connect(folder / "links.sqlite3", isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = OFF")  # a scratch file: nothing to keep
        self.connection.execute("PRAGMA synchronous = OFF")
        self.connection.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        self.connection.execute("PRAGMA temp_store = FILE")
        for table, columns in _TABLES.items():
            key = "PRIMARY KEY (attempt_idx, position)" if table == "items" else None
            kinds = [f"{name} INTEGER PRIMARY KEY" if name == "idx" else f"{name} {_kind(name)}"
                     for name in columns]
            self.connection.execute(f"CREATE TABLE {table} ({', '.join(kinds)}"
                                    f"{', ' + key if key else ''})")
        self.connection.execute("BEGIN")
        self._pending: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _TABLES}
        self._inserts = {table: f"INSERT INTO {table} VALUES ({', '.join('?' * len(columns))})"
                         for table, columns in _TABLES.items()}

    def _put(self, table: str, values: tuple[Any, ...]) -> None:
        pending = self._pending[table]
        pending.append(values)
        if len(pending) >= BATCH:
            self.connection.executemany(self._inserts[table], pending)
            pending.clear()

    def add(self, table: str, index: int, row: dict[str, Any]) -> None:
        """A row that passed its own checks: what the checks across rows read of it."""
        if table == "attempts":
            items = row["paper"]["items"]
            settings = row["settings"]
            self._put("attempts", (
                index, row["id"], row["member_id"], row["session_id"], row["guest_name"],
                row["retake_of"], row["status"], row["answered"], row["correct"],
                row["score_num"], row["score_den"], row["band"], row["passed"],
                _compact(settings["partial_credit"]), _compact(settings["grading"]),
                len(items)))
            for position, item in enumerate(items):
                self._put("items", (index, position, item["id"], item["hash"]))
        elif table == "answers":
            self._put("answers", (
                index, row["id"], row["attempt_id"], row["position"], row["question_id"],
                row["question_hash"], _compact(row["response"]), row["credit_num"],
                row["credit_den"], row["points_num"], row["points_den"]))
        elif table == "cells":
            self._put("cells", (index, row["id"], row["name"], name_key(row["name"])))
        elif table in _TABLES:
            self._put(table, tuple(row[name] if name != "idx" else index
                                   for name in _TABLES[table]))

    def add_question(self, index: int, entry: dict[str, Any]) -> None:
        self._put("questions", (index, entry["id"], entry["hash"], _points_text(entry["text"])))

    def finish(self) -> None:
        """Every row in, indexed: ready for the checks."""
        for table, pending in self._pending.items():
            if pending:
                self.connection.executemany(self._inserts[table], pending)
                pending.clear()
        for number, index in enumerate(_INDEXES):
            self.connection.execute(f"CREATE INDEX i{number} ON {index}")
        self.connection.execute("COMMIT")

    def rows(self, sql: str, parameters: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
        return self.connection.execute(sql, parameters)

    def close(self) -> None:
        self.connection.close()


def reference_problems(links: Links, catalog: Catalog,
                       known_question: Callable[[str], bool] | None) -> Problems:
    """Stage 5: each id and each place once, every reference inside the bundle;
    then (when those hold) the rows agree with one another; every question known."""
    problems = Problems()
    # Attendance, events and answers are matched by their place, but their own ids
    # are unique in the database too. A question is listed once (its points count).
    for table in ("cells", "members", "sessions", "attempts", "attendance", "events", "answers",
                  "questions"):
        for index, value in links.rows(
                f"SELECT a.idx, a.id FROM {table} a WHERE EXISTS (SELECT 1 FROM {table} b "
                "WHERE b.id = a.id AND b.idx < a.idx) ORDER BY a.idx"):
            problems.add(tr("bundle.duplicate_id", where=f"{table}[{index}]", id=value[:300]))
    for index, name, first in links.rows(
            "SELECT a.idx, a.name, (SELECT min(b.idx) FROM cells b "
            "WHERE b.name_key = a.name_key) FROM cells a WHERE EXISTS (SELECT 1 FROM cells b "
            "WHERE b.name_key = a.name_key AND b.idx < a.idx) ORDER BY a.idx"):
        problems.add(tr("bundle.cell_name_twice", where=f"cells[{index}]", name=name,
                        other=f"cells[{first}]"))
    for table, (first, second) in (("attendance", ("session_id", "member_id")),
                                   ("events", ("attempt_id", "seq")),
                                   ("answers", ("attempt_id", "position"))):
        for (index,) in links.rows(
                f"SELECT a.idx FROM {table} a WHERE EXISTS (SELECT 1 FROM {table} b "
                f"WHERE b.{first} = a.{first} AND b.{second} = a.{second} AND b.idx < a.idx) "
                "ORDER BY a.idx"):
            problems.add(tr("bundle.duplicate_place", where=f"{table}[{index}]"))
    references = (
        ("members", "cell_id", "cells"), ("sessions", "cell_id", "cells"),
        ("attendance", "session_id", "sessions"), ("attendance", "member_id", "members"),
        ("attempts", "member_id", "members"), ("attempts", "session_id", "sessions"),
        ("attempts", "retake_of", "attempts"), ("events", "attempt_id", "attempts"),
        ("answers", "attempt_id", "attempts"),
    )
    for table, column, target in references:
        for index, value in links.rows(
                f"SELECT idx, {column} FROM {table} t WHERE {column} IS NOT NULL AND NOT EXISTS "
                f"(SELECT 1 FROM {target} WHERE id = t.{column}) ORDER BY idx"):
            problems.add(tr("bundle.dangling", where=f"{table}[{index}].{column}", id=value,
                            target=target))
    if not problems:
        _graph_problems(links, problems)
    _unknown_questions(links, catalog, known_question, problems)
    return problems


def _graph_problems(links: Links, problems: Problems) -> None:
    """What only the rows together can be wrong in (every reference already points
    into the bundle, every id once): people in a session of another cell, answers
    outside their paper or to another question than its own, retakes that replace
    themselves, another's test, or go round in a circle."""
    for table in ("attendance", "attempts"):
        for index, member, session in links.rows(
                f"SELECT t.idx, t.member_id, t.session_id FROM {table} t "
                "JOIN members m ON m.id = t.member_id JOIN sessions s ON s.id = t.session_id "
                "WHERE m.cell_id IS NOT s.cell_id ORDER BY t.idx"):
            problems.add(tr("bundle.other_cell", where=f"{table}[{index}].member_id",
                            id=member, session=session))
    for index, position, size in links.rows(
            "SELECT e.idx, e.position, a.size FROM events e JOIN attempts a "
            "ON a.id = e.attempt_id WHERE e.position >= a.size ORDER BY e.idx"):
        problems.add(tr("bundle.outside_paper", where=f"events[{index}].position",
                        position=position, size=size))
    for index, position, size, question_id in links.rows(
            "SELECT x.idx, x.position, a.size, x.question_id FROM answers x "
            "JOIN attempts a ON a.id = x.attempt_id LEFT JOIN items i "
            "ON i.attempt_idx = a.idx AND i.position = x.position "
            "WHERE x.position >= a.size OR i.id IS NOT x.question_id ORDER BY x.idx"):
        if position >= size:
            problems.add(tr("bundle.outside_paper", where=f"answers[{index}].position",
                            position=position, size=size))
        else:
            problems.add(tr("bundle.not_on_paper", where=f"answers[{index}]",
                            id=question_id[:300]))
    if links.connection.execute(
            "SELECT 1 FROM attempts WHERE retake_of IS NOT NULL LIMIT 1").fetchone() is None:
        return
    # An attempt is grounded when its chain of replaced attempts ends (at a first
    # attempt); a chain that never ends goes round a circle (or into one).
    links.connection.execute(
        "CREATE TEMP TABLE grounded AS WITH RECURSIVE chain(id) AS ("
        "SELECT id FROM attempts WHERE retake_of IS NULL UNION ALL "
        "SELECT a.id FROM attempts a JOIN chain ON a.retake_of = chain.id) SELECT id FROM chain")
    links.connection.execute("CREATE INDEX temp.grounded_id ON grounded (id)")
    for index, attempt_id, parent_id, other, grounded in links.rows(
            "SELECT a.idx, a.id, a.retake_of, p.member_id IS NOT a.member_id "
            "OR p.session_id IS NOT a.session_id OR p.guest_name IS NOT a.guest_name, "
            "EXISTS (SELECT 1 FROM grounded g WHERE g.id = a.id) "
            "FROM attempts a JOIN attempts p ON p.id = a.retake_of ORDER BY a.idx"):
        where = f"attempts[{index}].retake_of"
        if parent_id == attempt_id:
            problems.add(tr("bundle.self_retake", where=where, id=attempt_id))
            continue
        if other:
            problems.add(tr("bundle.retake_of_other", where=where, id=parent_id))
        if not grounded:
            problems.add(tr("bundle.retake_cycle", where=where, id=attempt_id))
    # A test is replaced by one finished retake at most: the program retakes the
    # test that counts, which a finished retake replaced (an abandoned one did not).
    for index, parent_id in links.rows(
            "SELECT a.idx, a.retake_of FROM attempts a WHERE a.status = 'finished' "
            "AND a.retake_of IS NOT NULL AND EXISTS (SELECT 1 FROM attempts b "
            "WHERE b.retake_of = a.retake_of AND b.status = 'finished' AND b.idx < a.idx) "
            "ORDER BY a.idx"):
        problems.add(tr("bundle.retake_twice", where=f"attempts[{index}].retake_of",
                        id=parent_id))


def _unknown_questions(links: Links, catalog: Catalog,
                       known_question: Callable[[str], bool] | None, problems: Problems) -> None:
    """Every question an answer or a paper names is listed in the bundle, in the
    content here, or answered in this database before."""
    connection = links.connection
    connection.execute("CREATE TEMP TABLE unknown (id TEXT PRIMARY KEY)")
    asked = connection.execute(
        "SELECT id FROM (SELECT question_id AS id FROM answers UNION SELECT id FROM items) "
        "WHERE id NOT IN (SELECT id FROM questions)")
    batch: list[tuple[str]] = []
    for (question_id,) in asked:
        if not catalog.has_question(question_id) and not (
                known_question and known_question(question_id)):
            batch.append((question_id,))
            if len(batch) >= BATCH:
                connection.executemany("INSERT INTO unknown VALUES (?)", batch)
                batch.clear()
    connection.executemany("INSERT INTO unknown VALUES (?)", batch)
    if connection.execute("SELECT 1 FROM unknown LIMIT 1").fetchone() is None:
        return
    for index, question_id in links.rows(
            "SELECT idx, question_id FROM answers WHERE question_id IN (SELECT id FROM unknown) "
            "ORDER BY idx"):
        problems.add(tr("bundle.unknown_question", where=f"answers[{index}]", id=question_id))
    for index, question_id in links.rows(
            "SELECT i.attempt_idx, i.id FROM items i WHERE i.id IN (SELECT id FROM unknown) "
            "ORDER BY i.attempt_idx, i.position"):
        problems.add(tr("bundle.unknown_question", where=f"attempts[{index}].paper",
                        id=question_id))


def _asked(catalog: Catalog, question_id: str, asked_hash: str) -> Question | None:
    """The question as it was asked, when the content here has that version."""
    if not catalog.has_question(question_id):
        return None
    question = catalog.question(question_id)
    return question if question.content_hash == asked_hash else None


class _Memo(dict[Any, Any]):
    """Verdicts remembered while there are not too many of them."""

    def keep(self, key: Any, value: Any) -> Any:
        if len(self) >= MEMO:
            self.clear()
        self[key] = value
        return value


def recompute_problems(links: Links, catalog: Catalog) -> Problems:
    """Stage 7: every finished attempt's counts, score, band and pass recomputed
    from its answers and its paper; every answer to a question this laptop has in
    the version asked graded again. A bundle edited after export (a score changed,
    the hash recomputed) differs somewhere, and the difference is named. One
    attempt's paper and answers are in memory at a time."""
    problems = Problems()
    regraded: _Memo = _Memo()
    listed: _Memo = _Memo()
    gradings: _Memo = _Memo()
    connection = links.connection

    def listed_points(question_id: str, asked_hash: str) -> Fraction | None:
        key = (question_id, asked_hash)
        if key not in listed:
            found = connection.execute(
                "SELECT points FROM questions WHERE id = ? AND hash = ? ORDER BY idx DESC "
                "LIMIT 1", key).fetchone()
            listed.keep(key, None if found is None or found[0] is None else Fraction(found[0]))
        value: Fraction | None = listed[key]
        return value

    def regrade(question: Question, response: str, partial: bool
                ) -> tuple[Fraction, Fraction] | None:
        key = (question.id, question.content_hash, response, partial)
        if key not in regraded:
            try:
                result = grade(question, response_from_data(json.loads(response)),
                               partial_credit=partial)
                verdict: tuple[Fraction, Fraction] | None = (result.fraction, result.points)
            except (ValueError, KeyError, TypeError, IndexError):
                verdict = None
            regraded.keep(key, verdict)
        found: tuple[Fraction, Fraction] | None = regraded[key]
        return found

    attempts = connection.execute(
        "SELECT idx, id, status, answered, correct, score_num, score_den, band, passed, "
        "partial_credit, grading FROM attempts ORDER BY idx")
    for (index, attempt_id, status, answered, correct_count, score_num, score_den, band, passed,
         partial_text, grading_text) in attempts:
        where = f"attempts[{index}]"
        items = connection.execute(
            "SELECT id, hash FROM items WHERE attempt_idx = ? ORDER BY position",
            (index,)).fetchall()
        partial = bool(json.loads(partial_text))
        earned = Fraction(0)
        correct = 0
        given = 0
        for (answer_index, position, question_hash, response, credit_num, credit_den,
             points_num, points_den) in connection.execute(
                "SELECT idx, position, question_hash, response, credit_num, credit_den, "
                "points_num, points_den FROM answers WHERE attempt_id = ? ORDER BY idx",
                (attempt_id,)).fetchall():
            given += 1
            item_id, item_hash = items[position]
            credit = Fraction(credit_num, credit_den)
            points = Fraction(points_num, points_den)
            earned += points
            correct += credit == 1
            if question_hash != item_hash:
                problems.add(tr("bundle.recomputed_answer", where=f"answers[{answer_index}]",
                                attempt=attempt_id))
                continue
            question = _asked(catalog, item_id, item_hash)
            if question is None:
                continue
            if regrade(question, response, partial) != (credit, points):
                problems.add(tr("bundle.recomputed_answer", where=f"answers[{answer_index}]",
                                attempt=attempt_id))
        if status != "finished":
            continue
        if (answered, correct_count) != (given, correct):
            problems.add(tr("bundle.recomputed_counts", where=where, id=attempt_id))
        possible = Fraction(0)
        for item_id, item_hash in items:
            question = _asked(catalog, item_id, item_hash)
            worth = question.points if question is not None else listed_points(item_id,
                                                                                 item_hash)
            if worth is None:
                break  # neither here nor in the bundle: the total cannot be known
            possible += worth
        else:
            grading = gradings.get(grading_text)
            if grading is None:
                grading = gradings.keep(grading_text, grading_from_data(json.loads(grading_text)))
            result = Score(earned, possible, grading)
            if (Fraction(score_num, score_den), band, passed) != (
                    result.value, result.band, int(result.passed)):
                problems.add(tr("bundle.recomputed_score", where=where, id=attempt_id))
    return problems
