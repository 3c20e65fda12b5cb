"""Reading content files: bytes to clean text, TOML with positions, key locations."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomli

from studyapp.content.problems import ProblemLog
from studyapp.text import UNWANTED_CHARACTERS, has_unwanted, normalize

MAX_FILE_BYTES = 64 * 1024 * 1024
"""Larger content files are refused: a 10,000-question bank is about 10 MB."""



def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of `offset` in `text`."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def resolved(path: Path) -> Path | None:
    """Where `path` leads once every link is followed; None if the links
    loop (or the file is missing). Never raises."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return None


def check_inside(path: Path, folder: Path, log: ProblemLog) -> bool:
    """Whether `path`, once its links are followed, is inside `folder` (a
    pack's own folder); else an error saying where it leads. A pack from
    outside must not make the program read /dev/zero or /etc/shadow."""
    target = resolved(path)
    home = resolved(folder)
    if target is None:
        _log_unresolvable(path, log)
        return False
    if home is not None and target != home and home not in target.parents:
        log.error(path, 1, 1, "outside_pack", target=target)
        return False
    return True


def _log_unresolvable(path: Path, log: ProblemLog) -> None:
    if path.is_symlink():
        try:
            path.stat()
        except OSError as error:
            if error.errno == getattr(os, "ELOOP", 40) or "loop" in str(error).lower():
                log.error(path, 1, 1, "link_loop")
                return
        except RuntimeError:
            log.error(path, 1, 1, "link_loop")
            return
        log.error(path, 1, 1, "broken_link")
        return
    log.error(path, 1, 1, "not_found")


def read_text(path: Path, log: ProblemLog, limit: int = MAX_FILE_BYTES) -> str | None:
    """Read a content file as clean text: UTF-8 (a byte-order mark accepted),
    line endings unified, NFC, control and invisible characters removed.

    Only a regular file is opened (a FIFO would hang the program, a device
    never ends), and only when it is at most `limit` bytes. Returns None,
    with an error logged, for a file that cannot be used; logs a warning
    when the text had to be cleaned."""
    if resolved(path) is None:
        _log_unresolvable(path, log)
        return None
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode):
            log.error(path, 1, 1, "not_regular")
            return None
        if status.st_size > limit:
            log.error(path, 1, 1, "too_large", size=status.st_size, limit=limit)
            return None
        with path.open("rb") as stream:
            data = stream.read(limit + 1)  # the file may have grown since
        if len(data) > limit:
            log.error(path, 1, 1, "too_large", size=len(data), limit=limit)
            return None
    except OSError as error:
        log.error(path, 1, 1, "unreadable", reason=error.strerror or str(error))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        start = error.start
        line = data.count(b"\n", 0, start) + 1
        column = start - (data.rfind(b"\n", 0, start) + 1) + 1
        log.error(path, line, column, "not_utf8", byte=data[start])
        return None
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    removed = UNWANTED_CHARACTERS.search(text) if has_unwanted(text) else None
    if removed:
        log.warning(path, *_position(text, removed.start()), "control_chars")
    if not unicodedata.is_normalized("NFC", text):
        line_number = next(
            (number for number, line in enumerate(text.split("\n"), 1)
             if not unicodedata.is_normalized("NFC", line)),
            1,
        )
        log.warning(path, line_number, 1, "not_nfc")
    if removed or not unicodedata.is_normalized("NFC", text):
        text = normalize(text)
    return text


def parse_toml(text: str, path: Path, log: ProblemLog,
               line_offset: int = 0) -> dict[str, Any] | None:
    """Parse TOML, logging a syntax error at the parser's line and column
    (shifted by `line_offset` for front matter) with the line before it."""
    try:
        data = tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        line = getattr(error, "lineno", 1)
        column = getattr(error, "colno", 1)
        lines = text.split("\n")
        # Parsers report an error where they notice it, often the line after
        # the mistake (an unclosed `[`): show that line and the one before.
        near = [(number + line_offset, lines[number - 1].strip()[:60])
                for number in (line - 1, line) if 1 <= number <= len(lines)]
        detail = getattr(error, "msg", str(error))
        log.error(path, line + line_offset, column, "toml_syntax", detail=detail,
                  near=tuple(near))
        return None
    except RecursionError as error:
        # tomli refuses tables and arrays nested hundreds of levels deep this way.
        log.error(path, 1 + line_offset, 1, "too_deep", detail=str(error))
        return None
    if "\\" in text:
        # `"\u001b[2J"` in a TOML string is an escape sequence once parsed:
        # such strings are cleaned as the file's own characters were.
        cleaned, changed = _clean_strings(data)
        if changed:
            found = _TOML_ESCAPE.search(text)
            line, column = _position(text, found.start()) if found else (1, 1)
            log.warning(path, line + line_offset, column, "control_chars")
            data = cleaned
    return data


_TOML_ESCAPE = re.compile(r"\\[bfuU]")


def _clean_strings(value: Any) -> tuple[Any, bool]:
    """Every string of parsed TOML normalised as content text is, and
    whether any changed."""
    if isinstance(value, str):
        if has_unwanted(value) or not unicodedata.is_normalized("NFC", value):
            return normalize(value), True
        return value, False
    if isinstance(value, list):
        pairs = [_clean_strings(item) for item in value]
        return [item for item, _ in pairs], any(changed for _, changed in pairs)
    if isinstance(value, dict):
        cleaned = {key: _clean_strings(item) for key, item in value.items()}
        return ({key: item for key, (item, _) in cleaned.items()},
                any(changed for _, changed in cleaned.values()))
    return value, False


def read_toml(path: Path, log: ProblemLog, limit: int = MAX_FILE_BYTES
              ) -> tuple[str, dict[str, Any]] | None:
    """A TOML content file's clean text and its tables; None, logged, if it
    cannot be read or parsed."""
    text = read_text(path, log, limit)
    if text is None:
        return None
    data = parse_toml(text, path, log)
    return None if data is None else (text, data)


# --- where a key stands ------------------------------------------------------

_BARE_OR_QUOTED = r'(?:[A-Za-z0-9_-]+|"(?:[^"\\]|\\.)*"|\'[^\']*\')'
_KEY_LINE = re.compile(rf"^(\s*)({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*=")
_HEADER_LINE = re.compile(rf"^\s*(\[\[?)\s*({_BARE_OR_QUOTED}(?:\s*\.\s*{_BARE_OR_QUOTED})*)\s*\]")
_KEY_PART = re.compile(_BARE_OR_QUOTED)

TablePath = tuple[str | int, ...]


def _key_parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _KEY_PART.findall(dotted))


@dataclass(frozen=True, slots=True)
class Location:
    line: int
    column: int


class KeyLocator:
    """Finds the line and column of keys and table headers in TOML text that
    has already parsed, so that a problem can point at the offending key.

    Tables of an array (`[[questions]]`) are addressed by their index:
    `("questions", 3)` is the fourth one."""

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self._keys: dict[tuple[TablePath, tuple[str, ...]], Location] = {}
        self._tables: dict[TablePath, Location] = {}
        self._array_counts: dict[tuple[str, ...], int] = {}
        # For front matter, the top level "starts" on the opening `+++` line.
        self._top = Location(max(line_offset, 1), 1)
        self._scan(text, line_offset)

    def _scan(self, text: str, line_offset: int) -> None:
        table: TablePath = ()
        open_string: str | None = None
        for number, line in enumerate(text.split("\n"), 1 + line_offset):
            if open_string is not None:
                if line.count(open_string) % 2 == 1:
                    open_string = None
                continue
            header = _HEADER_LINE.match(line)
            if header:
                parts = _key_parts(header.group(2))
                if header.group(1) == "[[":
                    index = self._array_counts.get(parts, 0)
                    self._array_counts[parts] = index + 1
                    table = (*parts, index)
                else:
                    table = parts
                self._tables.setdefault(table, Location(number, line.index("[") + 1))
                continue
            key = _KEY_LINE.match(line)
            if key:
                parts = _key_parts(key.group(2))
                self._keys.setdefault((table, parts), Location(number, len(key.group(1)) + 1))
                rest = line[key.end():]
                for delimiter in ('"""', "'''"):
                    if rest.count(delimiter) % 2 == 1:
                        open_string = delimiter
                        break

    def key(self, table: TablePath, key: str) -> Location:
        """Where `key` stands in `table`; else where the table starts."""
        found = self._keys.get((table, (key,)))
        return found if found is not None else self.table(table)

    def table(self, table: TablePath) -> Location:
        """Where the table's header stands (line 1 for the top level)."""
        found = self._tables.get(table) if table else None
        return found if found is not None else self._top

    def count(self, array: str) -> int:
        """How many `[[array]]` headers the text has."""
        return self._array_counts.get((array,), 0)
