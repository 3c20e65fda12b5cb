"""Files put in place in one step: written beside the target under a temporary
name, flushed to the disk, then renamed over it (exports, backups, the copy
before a migration).

A program killed half way leaves no broken file under the name asked for,
only its temporary file; the temporary file's name carries the id of the
process writing it, and the next program to write the same target (or to
open the database, for the copies before a migration) removes the ones whose
process is gone. A target that is a link, a device, a FIFO or a folder is
refused, never replaced with a regular file; an existing file only replaced
when asked (`--force`).
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import secrets
import stat
import sys
import time
from pathlib import Path

from studyapp.i18n import tr

SUFFIX = ".studyapp-part"
"""Ends the name of every temporary file of ours, so no other file is ever
taken for one."""
COMPANIONS = ("-journal", "-wal", "-shm")
"""What SQLite may leave beside a temporary copy it was writing."""
WINDOWS_AGE = 24 * 3600.0
"""On Windows, where another process's id cannot be checked without more
code, a leftover is removed once it is this old (a file still open there
cannot be removed anyway)."""

_TAIL = re.compile(r".*\.(?P<pid>\d+)-[0-9a-f]{12}" + re.escape(SUFFIX), re.DOTALL)


def target_problem(path: Path, *, force: bool) -> str | None:
    """What forbids writing `path` (None: nothing): no folder, a folder, a
    link, anything but a regular file, or an existing file without `force`."""
    path = path.expanduser().absolute()
    if not path.parent.is_dir():
        return tr("export.no_folder", folder=str(path.parent))
    try:
        info = path.lstat()
    except FileNotFoundError:
        return None
    except OSError as error:
        return tr("export.cannot_write", path=str(path), reason=error.strerror or str(error))
    if stat.S_ISLNK(info.st_mode):
        return tr("file.is_link", path=str(path))
    if stat.S_ISDIR(info.st_mode):
        return tr("export.is_folder", path=str(path))
    if not stat.S_ISREG(info.st_mode):
        return tr("file.not_regular", path=str(path))
    if not force:
        return tr("file.exists", path=str(path))
    return None


def temporary_for(path: Path) -> Path:
    """A new temporary name beside `path`, hidden, with our process id."""
    return path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(6)}{SUFFIX}")


def process_gone(pid: int) -> bool | None:
    """Whether the process `pid` of this machine has ended: None where that cannot
    be asked (Windows, where `os.kill(pid, 0)` would end the process)."""
    if pid == os.getpid():
        return False
    if sys.platform == "win32":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # alive, someone else's
    return False


def _process_gone(pid: int, path: Path) -> bool:
    gone = process_gone(pid)
    if gone is not None:
        return gone
    try:  # Windows: the age of the file tells
        return time.time() - path.stat().st_mtime > WINDOWS_AGE
    except OSError:
        return False


def remove_leftovers(path: Path, *, any_between: tuple[str, str] | None = None) -> list[Path]:
    """Remove the temporary files a killed program of ours left for `path`
    (and what SQLite left beside them); those of a live process stay.
    `any_between=(start, end)`: for any name in the folder of `path` that
    starts and ends so (the copies before a migration, named by the hour)."""
    path = path.expanduser().absolute()
    if any_between is None:
        name = glob.escape(path.name)
    else:
        name = glob.escape(any_between[0]) + "*" + glob.escape(any_between[1])
    pattern = glob.escape(str(path.parent)) + os.sep + "." + name + ".*" + SUFFIX
    removed = []
    for found_name in glob.glob(pattern):
        candidate = Path(found_name)
        found = _TAIL.fullmatch(candidate.name)
        if found is None or not _process_gone(int(found["pid"]), candidate):
            continue
        for leftover in (candidate, *(Path(found_name + tail) for tail in COMPANIONS)):
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed.append(leftover)
    return removed


def sync_file(path: Path) -> None:
    """Everything written to `path` on the disk before it is renamed."""
    # Opened for writing: Windows flushes (_commit) only a handle that may write.
    handle = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def put_in_place(temporary: Path, path: Path) -> None:
    """Rename the finished temporary file over `path`, and make the rename
    itself durable (the folder synced, where the system allows it)."""
    os.replace(temporary, path)
    if sys.platform != "win32":
        with contextlib.suppress(OSError):
            handle = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(handle)
            finally:
                os.close(handle)
