"""The database schema, as numbered migrations (`PRAGMA user_version` is the last applied).

Append a migration to change the schema; never edit one that has been released
(tests keep a database of each released version and migrate it). Documented in
docs/store-schema.md.
"""

from __future__ import annotations

APPLICATION_ID = 0x53544450  # "STDP": PRAGMA application_id of a studyapp database

# Closed sessions are read-only in the database itself: these triggers refuse
# any change to a closed session and to what belongs to it.
_CLOSED = "(SELECT status FROM sessions WHERE id = {session}) = 'closed'"
_ATTEMPT_CLOSED = ("(SELECT s.status FROM attempts a JOIN sessions s ON s.id = a.session_id "
                   "WHERE a.id = {attempt}) = 'closed'")


def _guard(table: str, condition: str) -> str:
    statements = []
    for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        when = condition.format(session=f"{row}.session_id", attempt=f"{row}.attempt_id")
        statements.append(
            f"CREATE TRIGGER {table}_{event.lower()}_closed BEFORE {event} ON {table} "
            f"WHEN {when} BEGIN SELECT RAISE(ABORT, 'session closed'); END;")
    return "\n".join(statements)


MIGRATION_1 = f"""
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE cells (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL UNIQUE,
    pin_hash TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE members (
    id TEXT PRIMARY KEY,
    cell_id TEXT NOT NULL REFERENCES cells(id),
    full_name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);
CREATE INDEX members_cell ON members(cell_id, name_key);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY,
    cell_id TEXT NOT NULL REFERENCES cells(id),
    held_on TEXT NOT NULL,
    topic TEXT NOT NULL,
    pack_id TEXT NOT NULL,
    lessons TEXT NOT NULL,
    settings TEXT NOT NULL,
    seed INTEGER NOT NULL,
    run_by TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
    opened_at TEXT NOT NULL,
    closed_at TEXT
);
CREATE INDEX sessions_cell ON sessions(cell_id, held_on);
CREATE TRIGGER sessions_update_closed BEFORE UPDATE ON sessions WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'session closed'); END;
CREATE TRIGGER sessions_delete_closed BEFORE DELETE ON sessions WHEN OLD.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'session closed'); END;

CREATE TABLE attendance (
    id TEXT NOT NULL UNIQUE,
    session_id TEXT NOT NULL REFERENCES sessions(id),
    member_id TEXT NOT NULL REFERENCES members(id),
    status TEXT NOT NULL CHECK (status IN ('present', 'excused', 'absent', 'not_tested')),
    note TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (session_id, member_id)
);
{_guard("attendance", _CLOSED)}

CREATE TABLE attempts (
    id TEXT PRIMARY KEY,
    member_id TEXT REFERENCES members(id),
    guest_name TEXT,
    session_id TEXT REFERENCES sessions(id),
    mode TEXT NOT NULL CHECK (mode IN ('practice', 'test')),
    pack_id TEXT,
    paper TEXT NOT NULL,
    settings TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_progress', 'finished', 'abandoned')),
    started_at TEXT NOT NULL,
    finished_at TEXT,
    time_spent_ms INTEGER,
    time_paused_ms INTEGER,
    score_num INTEGER,
    score_den INTEGER,
    band TEXT,
    passed INTEGER,
    answered INTEGER,
    correct INTEGER,
    retake_of TEXT REFERENCES attempts(id),
    CHECK (member_id IS NOT NULL OR guest_name IS NOT NULL)
);
CREATE INDEX attempts_member ON attempts(member_id, status);
CREATE INDEX attempts_session ON attempts(session_id);
{_guard("attempts", _CLOSED)}

CREATE TABLE events (
    id TEXT NOT NULL UNIQUE,
    attempt_id TEXT NOT NULL REFERENCES attempts(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    position INTEGER,
    response TEXT,
    PRIMARY KEY (attempt_id, seq)
);
{_guard("events", _ATTEMPT_CLOSED)}

CREATE TABLE answers (
    id TEXT NOT NULL UNIQUE,
    attempt_id TEXT NOT NULL REFERENCES attempts(id),
    position INTEGER NOT NULL,
    question_id TEXT NOT NULL,
    question_hash TEXT NOT NULL,
    response TEXT NOT NULL,
    credit_num INTEGER NOT NULL,
    credit_den INTEGER NOT NULL,
    points_num INTEGER NOT NULL,
    points_den INTEGER NOT NULL,
    without_diacritics INTEGER NOT NULL DEFAULT 0,
    understood_as TEXT,
    answered_at TEXT NOT NULL,
    duration_ms INTEGER NOT NULL,
    PRIMARY KEY (attempt_id, position)
);
CREATE INDEX answers_question ON answers(question_id);
{_guard("answers", _ATTEMPT_CLOSED)}

CREATE TABLE lesson_reads (
    id TEXT NOT NULL UNIQUE,
    member_id TEXT NOT NULL REFERENCES members(id),
    pack_id TEXT NOT NULL,
    lesson_id TEXT NOT NULL,
    first_read_at TEXT NOT NULL,
    last_read_at TEXT NOT NULL,
    times INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (member_id, pack_id, lesson_id)
);
"""

# Schema 2 (issue 8): each member's spaced-repetition card for each question
# they answered, and how many questions a review session offers them.
MIGRATION_2 = """
CREATE TABLE review_cards (
    id TEXT NOT NULL UNIQUE,
    member_id TEXT NOT NULL REFERENCES members(id),
    question_id TEXT NOT NULL,
    card TEXT NOT NULL,
    previous_card TEXT,
    due TEXT NOT NULL,
    last_review TEXT NOT NULL,
    last_rating INTEGER NOT NULL CHECK (last_rating BETWEEN 1 AND 4),
    reviews INTEGER NOT NULL DEFAULT 1,
    lapses INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (member_id, question_id)
);
CREATE INDEX review_cards_due ON review_cards(member_id, due);

CREATE TABLE review_settings (
    member_id TEXT PRIMARY KEY REFERENCES members(id),
    daily_limit INTEGER NOT NULL CHECK (daily_limit > 0)
);
"""

# Schema 3 (issue 14): what tells two same-named members apart (năm sinh, tổ, "con"/"bố":
# free text of at most 40 characters, shown wherever the name is), and the interface language
# a learner chose (NULL: the laptop's default from the config).
MIGRATION_3 = """
ALTER TABLE members ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE members ADD COLUMN language TEXT;
"""

MIGRATIONS: tuple[str, ...] = (MIGRATION_1, MIGRATION_2, MIGRATION_3)
SCHEMA_VERSION = len(MIGRATIONS)
