"""A cache of parsed and checked content files, in the user cache directory.

One file per content root. Each entry is keyed on the file's path, size and
modification time; the whole cache is keyed on the program (its version, the
Python version, and the content code itself), so an edited file or a new
program is never served stale results. A cache that cannot be read is ignored;
one that cannot be written is skipped: the cache only ever saves time.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from studyapp import __version__
from studyapp.content.model import Bank, Lesson, Pack
from studyapp.content.problems import Problem

CACHE_FORMAT = 1
_CODE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class FileResult:
    """What loading one file gave: the object (None if the file has errors),
    its problems, and, for a lesson, the id it declares even with errors."""

    value: Pack | Lesson | Bank | None
    problems: tuple[Problem, ...]
    declared_id: str | None = None


@cache
def program_key() -> str:
    """Changes whenever the code that produces cached results may have changed."""
    parts = [str(CACHE_FORMAT), __version__, sys.version]
    for module in [*sorted(_CODE_DIR.glob("*.py")), _CODE_DIR.parent / "text.py"]:
        stat = module.stat()
        parts.append(f"{module.name}:{stat.st_size}:{stat.st_mtime_ns}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


Key = tuple[str, str]  # (path, context such as the pack id)
Stamp = tuple[int, int]  # (size, modification time in ns)


class ContentCache:
    """The cached results for the files under one content root."""

    def __init__(self, file: Path | None) -> None:
        self._file = file
        self._entries: dict[Key, tuple[Stamp, FileResult]] = {}
        self._used: set[Key] = set()
        self._dirty = False
        if file is not None:
            self._entries = self._read(file)

    @classmethod
    def for_root(cls, cache_dir: Path | None, root: Path, part: str) -> ContentCache:
        """The cache of one part ("lessons" or "banks") of one content root (a
        disabled one if `cache_dir` is None). Lessons and banks are kept apart
        so that the first screen reads the lessons' cache only."""
        if cache_dir is None:
            return cls(None)
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        return cls(cache_dir / "content" / f"{name}-{part}.pickle")

    @staticmethod
    def _read(file: Path) -> dict[Key, tuple[Stamp, FileResult]]:
        try:
            with file.open("rb") as stream:
                data: Any = pickle.load(stream)
        except Exception:  # any unreadable cache is simply no cache
            return {}
        if not isinstance(data, dict) or data.get("program") != program_key():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    @staticmethod
    def stamp(path: Path) -> Stamp | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        return stat.st_size, stat.st_mtime_ns

    def get(self, path: Path, context: str) -> tuple[Stamp | None, FileResult | None]:
        """The file's current stamp, and its cached result if still valid."""
        stamp = self.stamp(path)
        key = (str(path), context)
        self._used.add(key)
        entry = self._entries.get(key)
        if stamp is not None and entry is not None and entry[0] == stamp:
            return stamp, entry[1]
        return stamp, None

    def put(self, path: Path, context: str, stamp: Stamp | None, result: FileResult) -> None:
        if stamp is None or self._file is None:
            return
        self._entries[(str(path), context)] = (stamp, result)
        self._dirty = True

    def save(self) -> None:
        """Write the cache if anything changed, keeping only the entries used
        by this load. Atomic: a crash leaves the old cache or the new one."""
        if self._file is None:
            return
        unused = set(self._entries) - self._used
        if not (self._dirty or unused):
            return
        for key in unused:
            del self._entries[key]
        data = {"program": program_key(), "entries": self._entries}
        import tempfile  # noqa: PLC0415 - only when the cache is written

        temporary: str | None = None
        try:
            self._file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self._file.parent, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                pickle.dump(data, stream, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self._file)
        except OSError:
            # A read-only or full disk: work on without a cache.
            if temporary is not None:
                Path(temporary).unlink(missing_ok=True)
        self._dirty = False
