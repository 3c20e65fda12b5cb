"""A bundle read as a stream, in bounded memory (issue 20, item 8).

The file is parsed once, as events (`ijson`), and never held whole: each row of a
table is built, checked (its strings, its columns, its structured values against
the schema), written out canonically to a private staging folder, and leaves the
few fields the checks across rows need (ids, references, a paper's question ids
and hashes, an answer's credit) in a staging database there (`bundle_links`). The
hash and the signature are taken over the staged canonical bytes, the checks that
need every row are queries over that database, and a merge reads its rows back
from the staging folder: never from the file again, which could have changed
since it was checked.

The stages and their messages are those of docs/bundle-format.md ("Checks before
anything is written"): the problems of a later stage are only reported when every
earlier one passed.
"""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import json
import mmap
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import ijson  # type: ignore[import-untyped]
import ijson.backends.python as pure_backend  # type: ignore[import-untyped]

try:  # yajl2_c: ijson's C backend, about ten times the pure Python one; its wheels ship it
    import ijson.backends.yajl2_c as ijson_backend  # type: ignore[import-untyped]
except ImportError:  # pragma: no cover - a platform without the compiled backend
    ijson_backend = pure_backend  # the pure Python backend: the same events, slower

from studyapp.errors import StudyappError
from studyapp.i18n import format_count, tr
from studyapp.store.exchange import JSON_COLUMNS, TABLES

BACKEND = ijson_backend.backend_name
"""Which ijson backend parses bundles here (`yajl2_c`, else `python`)."""
MAX_DEPTH = 64
"""The deepest a value may nest in a bundle (the program writes at most 8 levels)."""
KEPT_PROBLEMS = 1000
"""Problems kept per stage (each counted): a million broken rows say no more than these."""
_CHUNK = 1 << 16
CONTENT_KEYS = frozenset((*TABLES, "questions", "created_at", "created_by", "scope"))
"""The keys of `content` the program writes: any other is skipped unread, and refused."""
TOP_KEYS = frozenset(("format", "version", "sha256", "signature", "content"))
"""The keys of the file's top level: any other is skipped unread (nothing reads it)."""


class Staged:
    """The canonical rows of one bundle, one JSON text a line per table, in a
    private temporary folder removed when this is closed (or collected)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="studyapp-import-")
        self.folder = Path(self._folder.name)
        self._files: dict[str, IO[bytes]] = {}
        self.counts: dict[str, int] = {}
        self.closing: list[Callable[[], None]] = []
        """What to close before the folder is removed (a database in it)."""

    def file(self, key: str) -> IO[bytes]:
        found = self._files.get(key)
        if found is None:
            found = self._files[key] = (self.folder / f"{len(self._files)}.jsonl").open("wb")
            self.counts[key] = 0
        return found

    def add(self, key: str, line: bytes) -> None:
        self.file(key).write(line + b"\n")
        self.counts[key] += 1

    def finish(self) -> None:
        for handle in self._files.values():
            handle.close()

    def rows(self, key: str) -> Iterator[dict[str, Any]]:
        handle = self._files.get(key)
        if handle is None:
            return
        with open(handle.name, "rb") as lines:
            for line in lines:
                yield json.loads(line)

    def canonical_parts(self, key: str) -> Iterator[bytes]:
        """The canonical text of this list, `[row,row,…]`, in pieces."""
        yield b"["
        handle = self._files.get(key)
        if handle is not None:
            with open(handle.name, "rb") as lines:
                first = True
                for line in lines:
                    yield line[:-1] if first else b"," + line[:-1]
                    first = False
        yield b"]"

    def close(self) -> None:
        self.finish()
        for close in self.closing:
            close()
        self.closing.clear()
        self._folder.cleanup()


class StagedRows(Iterable[dict[str, Any]]):
    """One table's rows, read again from the staging folder each time they are
    iterated (a merge goes over members twice)."""

    def __init__(self, staged: Staged, key: str) -> None:
        self.staged = staged
        self.key = key

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self.staged.rows(self.key)

    def __len__(self) -> int:
        return self.staged.counts.get(self.key, 0)


class StagedTables(Mapping[str, Iterable[dict[str, Any]]]):
    def __init__(self, staged: Staged) -> None:
        self.staged = staged

    def __getitem__(self, table: str) -> Iterable[dict[str, Any]]:
        if table not in TABLES:
            raise KeyError(table)
        return StagedRows(self.staged, table)

    def __iter__(self) -> Iterator[str]:
        return iter(TABLES)

    def __len__(self) -> int:
        return len(TABLES)


def canonical_row(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


class _TooDeepError(ValueError):
    pass


class _TooManyError(ValueError):
    pass


MAX_VALUES = 1_000_000
"""The most values (each item of a list or object, at any depth) one row, or one other
value of the file, is built with. A structured value holds at most 1,000,000 characters
written out (`bundle.MAX_JSON`), at least two a value: no row the program writes comes
near. Without it a row of a hundred million zeros was built whole, gigabytes, before
any check could say it was too long."""


READ_BUFFER = 1024 * 1024
"""Bytes the parser reads at a time. yajl copies a string token spanning several reads
once for each read it spans (quadratic in the reads): a hostile bundle's 100 MB field took
80 s to be refused with ijson's 64 KB, 4.5 s with 1 MB. Not more: the compiled backend
makes the events of a whole read at once, and 8 MB reads took the import of a 55 MB
bundle from 113 to 177 MB at its peak."""

Events = Iterator[tuple[str, Any]]
"""ijson's basic events: (`start_map`, None), (`map_key`, "id"), (`number`, 3), …"""


def _build(first: str, scalar: Any, events: Events, depth: int) -> Any:
    """The value starting with the event `first` (`scalar` when it is not a map
    or an array), built from the events that follow; `depth`: how deep the value
    starts. No recursion, and a hostile nesting is refused."""
    if first == "start_map":
        root: Any = {}
    elif first == "start_array":
        root = []
    else:
        return scalar
    room = MAX_DEPTH - depth
    if room < 1:
        raise _TooDeepError
    stack: list[Any] = [root]
    keys: list[Any] = []
    top, key = root, None
    left = MAX_VALUES
    for event, value in events:
        if event == "map_key":
            key = value
            continue
        left -= 1
        if not left:
            raise _TooManyError
        if event in ("end_map", "end_array"):
            stack.pop()
            if not stack:
                return root
            top, key = stack[-1], keys.pop()
            continue
        if event == "start_map":
            item: Any = {}
        elif event == "start_array":
            item = []
        else:
            if top.__class__ is dict:
                top[key] = value
            else:
                top.append(value)
            continue
        if top.__class__ is dict:
            top[key] = item
        else:
            top.append(item)
        stack.append(item)
        keys.append(key)
        top = item
        if len(stack) > room:
            raise _TooDeepError
    return root  # pragma: no cover - the parser ends a truncated file with an error


def _skip(first: str, events: Events) -> None:
    """Go past the value starting with the event `first`, building nothing."""
    if first not in ("start_map", "start_array"):
        return
    depth = 1
    for event, _value in events:
        if event in ("start_map", "start_array"):
            depth += 1
        elif event in ("end_map", "end_array"):
            depth -= 1
            if not depth:
                return


RowHandler = Callable[[str, int, Any, bytes], None]
"""Called with the content key, the row's index, the row and its canonical bytes."""


class StreamError(Exception):
    """The file is not JSON, or nests too deeply: the problem, located."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class NumberTooLargeError(Exception):
    """yajl stops at an integer beyond 64 bits: the pure Python backend reads it
    (and the checks then name the field out of range)."""


def parse_bundle(path: Path, staged: Staged, on_row: RowHandler, *, pure: bool = False
                 ) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Go through the file once: each row of each list in `content` goes to
    `on_row` (and is staged), every other value of `content` and every other
    top-level key is returned built. Returns the top level without `content`
    (`"content": True` when there was one), the content's other values, and
    the content's keys in the file's order."""
    top: dict[str, Any] = {}
    rest: dict[str, Any] = {}
    order: list[str] = []
    place = ["content"]  # where the parse is, for a "too deep"
    try:
        with path.open("rb") as raw:
            if raw.read(3) != codecs.BOM_UTF8:
                raw.seek(0)
            backend = pure_backend if pure else ijson_backend
            events: Events = iter(backend.basic_parse(raw, use_float=True,
                                                      buf_size=READ_BUFFER))
            first, scalar = next(events)
            if first != "start_map":
                _build(first, scalar, events, 0)
            else:
                _Parse(events, top, rest, order, staged, on_row, place).top_level()
            for _ in events:  # a second value after the first is an error, raised here
                pass
    except _TooDeepError:
        raise StreamError(tr("bundle.too_deep_at", where=place[0])) from None
    except _TooManyError:
        raise StreamError(tr("bundle.too_many_values_at", where=place[0],
                             limit=format_count(MAX_VALUES))) from None
    except ijson.JSONError as error:
        if "integer" in str(error) and "overflow" in str(error) and not pure:
            raise NumberTooLargeError from None
        raise StreamError(_located(path, str(error))) from None
    return top, rest, order


@dataclass
class _Parse:
    events: Events
    top: dict[str, Any]
    rest: dict[str, Any]
    order: list[str]
    staged: Staged
    on_row: RowHandler
    place: list[str]

    def top_level(self) -> None:
        events = self.events
        for event, key in events:
            if event == "end_map":
                return
            first, scalar = next(events)
            if key not in TOP_KEYS:
                _skip(first, events)  # read by nothing: not kept either
                continue
            if key != "content" or first != "start_map":
                self.place[0] = shown_place(key)
                self.top[key] = _build(first, scalar, events, 1)
                continue
            self.top["content"] = True
            self.content()

    def content(self) -> None:
        events = self.events
        seen: set[str] = set()
        for inner, name in events:
            if inner == "end_map":
                return
            first, scalar = next(events)
            if name not in CONTENT_KEYS:
                # Neither kept nor staged: a million keys would stay in memory till the end.
                self.top.setdefault("unknown", name)
                _skip(first, events)
                continue
            if name in seen:
                self.top["duplicate"] = name
            seen.add(name)
            self.order.append(name)
            if first != "start_array":
                self.place[0] = f"content.{shown_place(name)}"
                self.rest[name] = _build(first, scalar, events, 2)
                continue
            self.staged.file(name)
            self.rows(name)

    def rows(self, name: str) -> None:
        events, staged, on_row, place = self.events, self.staged, self.on_row, self.place
        shown = shown_place(name)
        for index, (first, scalar) in enumerate(events):
            if first == "end_array":
                return
            place[0] = f"{shown}[{index}]"
            row = _build(first, scalar, events, 3)
            line = canonical_row(row)
            staged.add(name, line)
            on_row(name, index, row, line)


def shown_place(key: Any) -> str:
    return json.dumps(str(key)[:60], ensure_ascii=True)[1:-1]


def _located(path: Path, message: str) -> str:
    """Where the parse failed, in lines and columns (the error path only: the
    file is gone through again, as a stream, to find the place)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    text_chars = 0
    with path.open("rb") as handle:
        start = handle.read(3)
        if start != codecs.BOM_UTF8:
            handle.seek(0)
        else:
            offset = 3
        while chunk := handle.read(_CHUNK):
            try:
                text_chars += len(decoder.decode(chunk))
            except UnicodeDecodeError as error:
                return tr("bundle.not_utf8", offset=format_count(offset + error.start))
            offset += len(chunk)
    if "premature EOF" in message or "Incomplete" in message:
        line, column, _after = _line_column(path, None)
        return tr("bundle.not_json", line=line, column=column,
                  reason=tr("bundle.reason.truncated"))
    if "trailing garbage" in message or "Additional data" in message:
        return tr("bundle.second_value")
    position = None
    try:  # the pure Python parser says at which character it stopped
        with path.open("rb") as handle:
            for _ in pure_backend.parse(handle):
                pass
    except ijson.JSONError as error:
        words = str(error).rsplit(" at ", 1)
        if len(words) == 2 and words[1].isdigit():
            position = int(words[1])
    line, column, after = _line_column(path, position)
    for constant in ("NaN", "Infinity", "-Infinity"):
        if after.startswith(constant):  # what Python's json would have taken
            return tr("bundle.not_a_number", value=constant)
    return tr("bundle.not_json", line=line, column=column, reason=tr("bundle.reason.unexpected"))


def _line_column(path: Path, position: int | None) -> tuple[int, int, str]:
    """Line and column (from 1) of the character at `position`, or of the end,
    and the few characters from there."""
    decoder = codecs.getincrementaldecoder("utf-8-sig")()
    line, column, seen = 1, 1, 0
    after = ""
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            text = decoder.decode(chunk)
            if position is not None and seen + len(text) > position:
                after = text[position - seen:position - seen + 12]
                text = text[:position - seen]
            breaks = text.count("\n")
            if breaks:
                line += breaks
                column = len(text) - text.rfind("\n")
            else:
                column += len(text)
            seen += len(text)
            if position is not None and seen >= position:
                break
    return line, column, after


def hash_and_message(staged: Staged, rest: dict[str, Any], order: list[str], *,
                     keep: bool = False) -> tuple[str, Path | None]:
    """The SHA-256 of the content written canonically (keys sorted, whatever
    their order in the file), and, when `keep` says so, a file holding those
    bytes (to verify a version 2 signature over without holding them in memory)."""
    digest = hashlib.sha256()
    message = staged.folder / "content.json" if keep else None
    with message.open("wb") if message is not None else contextlib.nullcontext() as out:
        def write(data: bytes) -> None:
            digest.update(data)
            if out is not None:
                out.write(data)

        write(b"{")
        for number, key in enumerate(sorted(set(order))):
            write((b"," if number else b"") + canonical_row(key) + b":")
            if key in rest:
                write(canonical_row(rest[key]))
            else:
                for part in staged.canonical_parts(key):
                    write(part)
        write(b"}")
    return digest.hexdigest(), message


def verify(public_key: str, signature: str, message: Path | bytes) -> bool:
    """An Ed25519 signature of `message`: bytes (a version 3 statement), or a
    file's bytes read through a map of the file (version 2: the content is not
    copied into memory, though its pages are mapped while the check runs)."""
    from cryptography.exceptions import InvalidSignature  # noqa: PLC0415
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (  # noqa: PLC0415
        Ed25519PublicKey,
    )

    def check(data: bytes | memoryview) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(public_key)).verify(
                bytes.fromhex(signature), data)
        except (InvalidSignature, ValueError):
            return False
        return True

    if isinstance(message, bytes):
        return check(message)
    with message.open("rb") as handle:
        size = message.stat().st_size
        with mmap.mmap(handle.fileno(), size, access=mmap.ACCESS_READ) as mapped, \
                memoryview(mapped) as view:
            return check(view)


def intern(value: Any) -> Any:
    return sys.intern(value) if isinstance(value, str) else value


__all__ = ["BACKEND", "JSON_COLUMNS", "Staged", "StagedTables", "StreamError", "StudyappError"]
