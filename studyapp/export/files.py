"""Writing an export: all of it or nothing, with a message that says where and why."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.store import atomic


class ExportError(StudyappError):
    """An export that could not be written: nothing was left behind."""


def target_problem(path: Path, *, force: bool = False) -> str | None:
    """What is wrong with writing an export to `path` (None: nothing): no
    folder, a folder, a link or anything but a regular file; an existing
    file unless `force`."""
    return atomic.target_problem(path, force=force)


def export_folder() -> Path:
    """Where exports are suggested: the user's Documents folder, else home."""
    import platformdirs  # noqa: PLC0415

    documents = Path(platformdirs.user_documents_dir())
    return documents if documents.is_dir() else Path.home()


def write_atomically(path: Path, write: Callable[[BinaryIO], None], *,
                     force: bool = False) -> Path:
    """Write the file through `write` into a temporary file beside it, then
    put it in place in one step: a failure half way (a full disk, a program
    killed) never leaves a half-written file under the name asked for. An
    existing file is replaced only with `force`; a link, a device or a FIFO never."""
    path = path.expanduser().absolute()
    problem = target_problem(path, force=force)
    if problem:
        raise ExportError(problem)
    atomic.remove_leftovers(path)
    temporary = atomic.temporary_for(path)
    try:
        # Mode 0o666 less the user's umask, as any file they create (mkstemp
        # would make it private).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                         | getattr(os, "O_BINARY", 0), 0o666)
    except OSError as error:
        raise ExportError(tr("export.cannot_write", path=str(path),
                             reason=error.strerror or str(error))) from error
    try:
        with os.fdopen(handle, "wb") as stream:
            write(stream)
            stream.flush()
            os.fsync(stream.fileno())
        atomic.put_in_place(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExportError(tr("export.cannot_write", path=str(path),
                             reason=error.strerror or str(error))) from error
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return path
