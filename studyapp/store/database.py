"""The SQLite database: opening it safely, migrations with a backup first, checks and backups.

Nothing is written to a file before it has shown itself to be a studyapp
database of a schema this program knows: a file that is not one, is
truncated, belongs to another program, or comes from a newer studyapp is
reported and left exactly as it was.

Longer than most modules: opening, the foreign-WAL and damage checks, migrations and
backups are one sequence of guarded steps around one file, best read together.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import struct
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, tr
from studyapp.store import atomic
from studyapp.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from studyapp.store.wal import NotWalError, read_header, wal_path

HEADER = b"SQLite format 3\x00"
SYNCHRONOUS = "FULL"
"""Each commit reaches the disk before it returns: an answer acknowledged on
screen survives a killed program and a laptop whose battery dies (NORMAL
survives only the first). It costs about 0.1 ms an answer (benchmarks/)."""


class DatabaseError(StudyappError):
    """The database cannot be used; the message names the file and what to do."""


class DatabaseBusyError(DatabaseError):
    """Another program holds the database locked for longer than we wait."""


def _message(key: str, path: Path, **params: object) -> str:
    return tr(key, None, path=path, **params)


def inspect_file(path: Path) -> str | None:
    """Why the file cannot be a usable SQLite database, from its bytes alone
    (None if it may be): not SQLite, or shorter than its header says."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            header = stream.read(100)
    except OSError as error:
        return _message("db.unreadable", path, reason=error.strerror or str(error))
    if size == 0:
        return None  # SQLite reads an empty file as an empty database
    if len(header) < 100 or not header.startswith(HEADER):
        return _message("db.not_database", path)
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1):
        return _message("db.not_database", path)
    if valid_for == change_counter and page_count and size < page_count * page_size:
        truncated = _message("db.truncated", path, size=format_count(size),
                             expected=format_count(page_count * page_size))
        wal = path.with_name(path.name + "-wal")
        if wal.exists() and wal.stat().st_size > 0 and _whole_with_wal(path):
            # Killed during a checkpoint, the file can be shorter than its
            # header says while the missing pages are still in the WAL:
            # SQLite puts them back when the database is next opened.
            return None
        return truncated
    return None


def wal_holds_frames(path: Path) -> bool:
    """Whether a WAL beside the database holds anything SQLite would use."""
    wal = wal_path(path)
    try:
        if not wal.is_file() or wal.stat().st_size == 0:
            return False
        header = read_header(wal)
    except (OSError, NotWalError):
        return True  # not ours to judge here: wal_problem() reports it
    return header is not None and header.has_frame


def wal_problem(path: Path) -> str | None:
    """Why the `-wal` file beside the database must not be opened with it
    (None: there is none, SQLite would ignore it, or it is the database's own).

    SQLite folds any well-formed WAL into the database it finds it beside and
    deletes it; a WAL copied from another database then destroys this one.
    Checked from the bytes (magic, header checksum, first frame's salts and
    checksum, page size) and by reading, without writing, who the database
    says it is with and without the WAL: its application id and the
    `database_id` this program writes into `meta`. Both files stay as they are."""
    wal = wal_path(path)
    params = {"wal": wal}
    try:
        if not wal.is_file() or wal.stat().st_size == 0:
            return None
        header = read_header(wal)
        if header is None or not header.has_frame:
            return None  # no valid frame: SQLite ignores the file
        if path.stat().st_size == 0:
            return None  # nothing of the database's own to lose
        with path.open("rb") as stream:
            head = stream.read(100)
    except NotWalError:
        return _message("db.wal_not_wal", path, **params)
    except OSError as error:
        return _message("db.unreadable", wal, reason=error.strerror or str(error))
    if len(head) < 100 or not head.startswith(HEADER):
        return None  # inspect_file() reports it
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    if page_size != header.page_size:
        return _message("db.wal_foreign", path, **params)
    own = _identity(path, with_wal=False)
    if own is None or not own[0]:
        return None  # the file alone holds no tables yet (or is checked later)
    seen = _identity(path, with_wal=True)
    if seen is None or seen[1] != own[1] or (own[2] is not None and seen[2] != own[2]):
        return _message("db.wal_foreign", path, **params)
    return None


def _identity(path: Path, *, with_wal: bool) -> tuple[int, int, str | None] | None:
    """(tables, application id, database id) read without writing anything:
    from the file alone (`immutable=1` ignores the WAL) or with its WAL."""
    options = "mode=ro" if with_wal else "mode=ro&immutable=1"
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
        try:
            tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            database_id = None
            if connection.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                  "AND name = 'meta'").fetchone():
                row = connection.execute(
                    "SELECT value FROM meta WHERE key = 'database_id'").fetchone()
                database_id = row[0] if row else None
            return int(tables), int(application), database_id
        finally:
            connection.close()
    except sqlite3.Error:
        return None


def _whole_with_wal(path: Path) -> bool:
    """Whether the database reads whole with its WAL: a read-only check, which
    neither writes the file nor folds the WAL into it."""
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(connection.execute("PRAGMA quick_check").fetchone()[0] == "ok")
        finally:
            connection.close()
    except sqlite3.Error:
        return False


@dataclass(frozen=True)
class CheckReport:
    path: Path
    schema_version: int
    problems: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        return not self.problems


class Database:
    """One studyapp database file. The file is created on the first write,
    never when reading (a database nobody wrote to does not exist yet)."""

    def __init__(self, path: Path, *, busy_timeout: float = 5.0, read_only: bool = False) -> None:
        self.path = path
        self.busy_timeout = busy_timeout
        self.read_only = read_only
        """Opened for commands that only read: `mode=ro`, so that a database on
        read-only media (a write-protected stick, a CD) can still be read,
        checked and backed up, and nothing of it is ever written."""
        self._connection: sqlite3.Connection | None = None
        self._writable = False
        self._checked = False
        self._lock = threading.RLock()
        self._depth = 0  # nested `writing()` blocks share the outer transaction
        self.new_id: Callable[[], str] = lambda: str(uuid.uuid4())

    # --- opening --------------------------------------------------------------------------

    @property
    def exists(self) -> bool:
        """Whether there is a database to read: an empty file (a crash at
        creation, `touch`) with no WAL to fill it is a new database."""
        try:
            if self.path.stat().st_size > 0:
                return True
        except OSError:
            return self.path.exists()
        return wal_holds_frames(self.path)

    def uri(self, *, create: bool = False) -> str:
        """How SQLite is asked to open the file: `mode=ro` when read-only, with
        `immutable=1` when its folder cannot be written and it has no WAL
        (SQLite could neither make the `-shm` it needs nor would anyone change
        the file meanwhile); `rwc` to create it, `rw` otherwise."""
        base = self.path.resolve().as_uri()
        if not self.read_only:
            return f"{base}?mode={'rwc' if create else 'rw'}"
        folder_writable = os.access(self.path.resolve().parent, os.W_OK)
        if not folder_writable and not wal_holds_frames(self.path):
            return f"{base}?mode=ro&immutable=1"
        return f"{base}?mode=ro"

    def _open(self, *, create: bool) -> sqlite3.Connection | None:
        if create and self.read_only:
            raise RuntimeError(f"{self.path} was opened read-only, for a command that only reads")
        if self._connection is not None:
            return self._connection
        exists = self.path.exists()
        if not exists and not create:
            return None
        if exists and not create and not self.exists:
            return None  # an empty file: a new database, created on the first write
        if exists:
            problem = wal_problem(self.path) or inspect_file(self.path)
            if problem:
                raise DatabaseError(problem)
        else:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise DatabaseError(_message("db.cannot_create", self.path,
                                             reason=error.strerror or str(error))) from error
        try:
            connection = sqlite3.connect(self.uri(create=create), uri=True,
                                         timeout=self.busy_timeout, isolation_level=None,
                                         check_same_thread=False)
        except sqlite3.Error as error:
            raise self._explain(error) from error
        try:
            self._check_identity(connection)
            connection.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as error:
            connection.close()
            raise self._explain(error) from error
        except DatabaseError:
            connection.close()
            raise
        self._connection = connection
        return connection

    def _check_identity(self, connection: sqlite3.Connection) -> None:
        """A studyapp database of a schema we know, or an empty file; read only."""
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        application = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        if tables and application != APPLICATION_ID:
            raise DatabaseError(_message("db.foreign", self.path))
        if version > SCHEMA_VERSION:
            raise DatabaseError(_message("db.newer", self.path, version=version,
                                         known=SCHEMA_VERSION))

    def _prepare_for_writing(self, connection: sqlite3.Connection) -> None:
        """WAL, synchronous writes, and the schema up to date (a backup first)."""
        if self._writable:
            return
        if not self._checked:  # check_ahead() found it whole already
            self._refuse_if_damaged(connection)
        try:
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
            self._migrate(connection)
            self._name_database(connection)
        except sqlite3.Error as error:
            raise self._explain(error) from error
        self._writable = True

    def check_ahead(self) -> bool:
        """Run the check of the first write now, on a read-only connection of
        its own (no lock held, so from a background thread while the program
        starts): the first write then need not wait for it. True if the file
        was found whole; a damaged one (False) is still refused, with its
        message, by the first write itself."""
        if self.read_only or not self.exists or wal_problem(self.path) or \
                inspect_file(self.path):
            return False
        try:
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=self.busy_timeout, check_same_thread=False)
            try:
                whole = connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
            finally:
                connection.close()
        except sqlite3.Error:
            return False
        if whole:
            with self._lock:
                self._checked = True
        return whole

    def _refuse_if_damaged(self, connection: sqlite3.Connection) -> None:
        """`quick_check` before the first write of a process: nothing is
        written into a file that `db check` would call damaged."""
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            rows = [(str(error),)]
        problems = [str(row[0]) for row in rows if row[0] != "ok"]
        if problems:
            raise DatabaseError(_message("db.damaged_no_write", self.path,
                                         reason="; ".join(problems[:3])))

    def _name_database(self, connection: sqlite3.Connection) -> None:
        """A random `database_id` in `meta`, once: what tells this database's
        WAL from one copied beside it from another (wal_problem)."""
        if connection.execute("SELECT 1 FROM meta WHERE key = 'database_id'").fetchone():
            return
        connection.execute("INSERT OR IGNORE INTO meta (key, value) VALUES ('database_id', ?)",
                           (self.new_id(),))

    def _migrate(self, connection: sqlite3.Connection) -> None:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > 0:
            atomic.remove_leftovers(self.path, any_between=(f"{self.path.stem}.before-v",
                                                            self.path.suffix))
            name = (f"{self.path.stem}.before-v{SCHEMA_VERSION}-"
                    f"{datetime.now(UTC):%Y%m%d-%H%M%S}")
            target = self.path.with_name(f"{name}{self.path.suffix}")
            for number in range(2, 1000):  # a killed migration may have made one this second
                if not target.exists():
                    break
                target = self.path.with_name(f"{name}-{number}{self.path.suffix}")
            self.backup(target, connection)
        connection.execute("BEGIN IMMEDIATE")
        try:
            for number in range(version + 1, SCHEMA_VERSION + 1):
                for statement in _statements(MIGRATIONS[number - 1]):
                    connection.execute(statement)
            connection.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            _roll_back(connection)
            raise

    def _explain(self, error: sqlite3.Error) -> DatabaseError:
        """A clear message for what SQLite reports."""
        text = str(error).lower()
        if "locked" in text or "busy" in text:
            return DatabaseBusyError(_message("db.locked", self.path))
        code = getattr(error, "sqlite_errorcode", None)
        if "disk is full" in text or code == sqlite3.SQLITE_FULL:
            return DatabaseError(_message("db.full", self.path))
        if "readonly" in text or "read-only" in text:
            return DatabaseError(_message("db.read_only", self.path))
        if "not a database" in text or "malformed" in text or "corrupt" in text:
            return DatabaseError(_message("db.corrupt", self.path, reason=error))
        if "unable to open" in text and self._cannot_write():
            return DatabaseError(_message("db.read_only", self.path))
        if "unable to open" in text:
            return DatabaseError(_message("db.cannot_open", self.path, reason=error))
        return DatabaseError(_message("db.failed", self.path, reason=error))

    def _cannot_write(self) -> bool:
        """The file or its folder (where SQLite makes its `-wal` and `-shm`)
        cannot be written: read-only media, or no permission."""
        folder = self.path.resolve().parent
        return (self.path.exists() and not os.access(self.path, os.W_OK)) or (
            folder.is_dir() and not os.access(folder, os.W_OK))

    # --- using -----------------------------------------------------------------------------

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite3.Connection | None]:
        """A connection for reading, or None if there is no database yet."""
        with self._lock:
            connection = self._open(create=False)
            try:
                yield connection
            except sqlite3.Error as error:
                raise self._explain(error) from error

    @contextlib.contextmanager
    def writing(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction (BEGIN IMMEDIATE ... COMMIT), committed
        to disk when the block ends; rolled back on any error."""
        with self._lock:
            connection = self._open(create=True)
            if connection is None:  # pragma: no cover - create=True always opens
                raise DatabaseError(_message("db.missing", self.path))
            if self._depth:
                self._depth += 1
                try:
                    yield connection
                finally:
                    self._depth -= 1
                return
            self._prepare_for_writing(connection)
            try:
                connection.execute("BEGIN IMMEDIATE")
            except sqlite3.Error as error:
                raise self._explain(error) from error
            self._depth = 1
            try:
                yield connection
                connection.execute("COMMIT")
            except (sqlite3.ProgrammingError, sqlite3.InterfaceError):
                _roll_back(connection)
                raise  # a bug of ours, not a database the user must see to
            except sqlite3.Error as error:
                _roll_back(connection)
                if "session closed" in str(error):
                    raise
                raise self._explain(error) from error
            except BaseException:
                _roll_back(connection)
                raise
            finally:
                self._depth = 0

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
                self._writable = False
                self._checked = False

    # --- check and backup ----------------------------------------------------------------------

    def check(self) -> CheckReport:
        """Integrity, foreign keys and schema version (`studyapp db check`)."""
        with self.reading() as connection:
            if connection is None:
                raise DatabaseError(_message("db.missing", self.path))
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            problems = [row[0] for row in connection.execute("PRAGMA integrity_check")
                        if row[0] != "ok"]
            problems += [tr("db.check.foreign_key", table=row[0], rowid=row[1])
                         for row in connection.execute("PRAGMA foreign_key_check")]
            if version < SCHEMA_VERSION:
                problems.append(tr("db.check.old_schema", version=version, known=SCHEMA_VERSION))
        return CheckReport(self.path, version, tuple(problems))

    def backup(self, target: Path, connection: sqlite3.Connection | None = None, *,
               force: bool = False) -> Path:
        """A consistent copy, even while another program writes (SQLite's
        backup API), written beside `target` and renamed over it once whole
        and on the disk: a backup killed half way leaves nothing under the
        name asked for. An existing `target` is replaced only with `force`;
        a link, a device or a FIFO never."""
        problem = atomic.target_problem(target, force=force)
        if problem:
            raise DatabaseError(problem)
        target = target.expanduser().absolute()
        atomic.remove_leftovers(target)
        with contextlib.ExitStack() as stack:
            if connection is None:
                source = stack.enter_context(self.reading())
                if source is None:
                    raise DatabaseError(_message("db.missing", self.path))
            else:
                source = connection
            temporary = atomic.temporary_for(target)
            try:
                copy = sqlite3.connect(temporary)
                with contextlib.closing(copy):
                    source.backup(copy)
                atomic.sync_file(temporary)
                atomic.put_in_place(temporary, target)
            except (sqlite3.Error, OSError) as error:
                _remove_copy(temporary)
                raise DatabaseError(_message("db.backup_failed", target, reason=error)) from error
            except BaseException:
                _remove_copy(temporary)
                raise
        return target


def _remove_copy(temporary: Path) -> None:
    for path in (temporary, *(Path(f"{temporary}{tail}") for tail in atomic.COMPANIONS)):
        with contextlib.suppress(OSError):
            path.unlink()


def _roll_back(connection: sqlite3.Connection) -> None:
    """Undo the open transaction, if SQLite has not already: on a full disk
    (SQLITE_FULL) or an I/O error it rolls back by itself, and a ROLLBACK
    then would fail ("no transaction is active") over the real error."""
    if connection.in_transaction:
        with contextlib.suppress(sqlite3.OperationalError):
            connection.execute("ROLLBACK")


def _statements(script: str) -> list[str]:
    """The statements of a migration script, each complete (triggers included)."""
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
