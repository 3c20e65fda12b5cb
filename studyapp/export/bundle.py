"""The JSON bundle: sessions carried from one laptop to another (docs/bundle-format.md).

A bundle is untrusted when it arrives: `read_bundle` reads all of it —
format and version, the SHA-256 of its content, the shape of every row, every
reference — and reports every problem found before anything touches a
database. Only a bundle with no problem is merged.
"""

from __future__ import annotations

import hashlib
import json
import mmap
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from fractions import Fraction
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO

from studyapp import __version__
from studyapp.content.catalog import Catalog
from studyapp.errors import StudyappError
from studyapp.export.bundle_links import Links, recompute_problems, reference_problems
from studyapp.export.bundle_stream import (
    KEPT_PROBLEMS,
    NumberTooLargeError,
    Staged,
    StagedTables,
    StreamError,
    canonical_row,
    hash_and_message,
    parse_bundle,
    verify,
)
from studyapp.export.questions import question_data
from studyapp.i18n import format_count, tr
from studyapp.store.exchange import (
    COLUMNS,
    DEFAULTS,
    JSON_COLUMNS,
    TABLES,
    Scope,
    dump_tables,
    reading_snapshot,
    table_rows,
)
from studyapp.store.models import MAX_NOTE_LENGTH
from studyapp.store.signing import sign
from studyapp.store.store import MAX_NAME_LENGTH, Store
from studyapp.text import UNWANTED_CHARACTERS, has_unwanted, normalize_line

FORMAT = "studyapp-bundle"
VERSION = 3
"""3: the Ed25519 signature is over the content's SHA-256 (`signed_statement`), so
that neither end holds or maps the content to sign or verify it. 2: signed over the
canonical content itself (still read, and written with `--bundle-version 2` for an
office not yet updated). 1: unsigned (still read, with a warning)."""
READABLE = (1, 2, 3)
WRITABLE = (2, 3)
MAX_BUNDLE_BYTES = 1 << 30
"""A bundle larger than this (1 GiB) is refused before it is read."""
MAX_TEXT = 10_000
"""The longest text a field may hold (a topic, a note, a typed answer)."""
MAX_JSON = 1_000_000
"""The longest a structured field (a paper, settings) may be, written out."""
MAX_PROBLEMS = 50
"""Reported problems stop here: one broken field repeated in every row says enough."""


class BundleError(StudyappError):
    """The bundle cannot be imported: every problem found, one per line."""

    def __init__(self, path: Path | str, problems: list[str], total: int | None = None) -> None:
        """`total`: how many problems were found, when only the first are listed."""
        shown = problems[:MAX_PROBLEMS]
        total = max(total or 0, len(problems))
        more = total - len(shown)
        lines = [tr("bundle.rejected", path=str(path), count=format_count(total))]
        lines += [f"  {problem}" for problem in shown]
        if more:
            lines.append(f"  {tr('bundle.more_problems', count=format_count(more))}")
        super().__init__("\n".join(lines))
        self.problems = problems


def canonical(content: dict[str, Any]) -> bytes:
    """The bytes the hash is taken over: sorted keys, no spaces, UTF-8."""
    return json.dumps(content, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(content)).hexdigest()


def signed_statement(digest: str) -> bytes:
    """What a version 3 bundle's signature signs: the SHA-256 of its canonical
    content (64 hex digits), after a label that no other signed message shares."""
    return f"{FORMAT}/3 sha256:{digest}".encode("ascii")


# --- out ---------------------------------------------------------------------------------------


def build_bundle(store: Store, catalog: Catalog, scope: Scope, *,
                 now: datetime | None = None) -> dict[str, Any]:
    """The bundle of everything in the scope, with the questions as they were
    asked: each question id and content hash the papers and answers refer to,
    with its text and answer when this laptop still has that version."""
    tables = dump_tables(store, scope)
    asked: dict[str, str] = {}
    for attempt in tables["attempts"]:
        for item in attempt["paper"].get("items", []):
            asked.setdefault(item["id"], item["hash"])
    questions = []
    for question_id, asked_hash in sorted(asked.items()):
        entry: dict[str, Any] = {"id": question_id, "hash": asked_hash, "text": None}
        if catalog.has_question(question_id):
            question = catalog.question(question_id)
            if question.content_hash == asked_hash:
                entry["text"] = question_data(question, catalog)
        questions.append(entry)
    content: dict[str, Any] = {
        "created_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "created_by": f"studyapp {__version__}",
        "scope": {"session": scope.session_id, "cell": scope.cell_id, "member": scope.member_id,
                  "from": scope.date_from.isoformat() if scope.date_from else None,
                  "to": scope.date_to.isoformat() if scope.date_to else None},
        **tables,
        "questions": questions,
    }
    digest = content_hash(content)
    public_key, signature = sign(store, signed_statement(digest))
    return {"format": FORMAT, "version": VERSION, "sha256": digest,
            "signature": {"algorithm": "ed25519", "public_key": public_key,
                          "value": signature},
            "content": content}


def _json_escape(match: re.Match[str]) -> str:
    units = match.group().encode("utf-16-be")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}"
                   for i in range(0, len(units), 2))


def bundle_bytes(bundle: dict[str, Any]) -> bytes:
    """The bundle as a file: readable Vietnamese, but every control or invisible
    character a string may hold (C1 controls, bidi overrides) written as a JSON
    escape, so that showing the file (`cat`, an editor) cannot act on a terminal.
    The same JSON: the signature covers the content, not these bytes."""
    text = json.dumps(bundle, ensure_ascii=False, sort_keys=True, indent=1)
    return UNWANTED_CHARACTERS.sub(_json_escape, text).encode("utf-8")


def write_bundle(store: Store, catalog: Catalog, scope: Scope, stream: BinaryIO, *,
                 now: datetime | None = None, version: int = VERSION) -> None:
    """The bundle of `build_bundle`, byte for byte what `bundle_bytes` writes,
    written as the rows are read from the database (issue 20 item 8): no table
    is ever held whole. The file's keys are sorted, so `content` comes first and
    the hash and signature after it: the canonical bytes go to the hash as the
    content is written. Version 3 signs the hash; version 2 signs the canonical
    bytes themselves, kept for that in a private temporary file and signed from
    it, mapped, not from memory."""
    digest = hashlib.sha256()

    def out(text: str) -> None:
        stream.write(UNWANTED_CHARACTERS.sub(_json_escape, text).encode("utf-8"))

    if version == 3:
        _write_content(store, catalog, scope, out=out, canonical_out=digest.update, now=now)
        public_key, signature = sign(store, signed_statement(digest.hexdigest()))
    else:
        with tempfile.TemporaryDirectory(prefix="studyapp-export-") as folder:
            message_path = Path(folder) / "content.json"
            with message_path.open("wb") as message:
                def canonical_out(data: bytes) -> None:
                    digest.update(data)
                    message.write(data)

                _write_content(store, catalog, scope, out=out, canonical_out=canonical_out,
                               now=now)
            with message_path.open("rb") as handle, \
                    mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped, \
                    memoryview(mapped) as view:
                public_key, signature = sign(store, view)
    tail = {"format": FORMAT, "sha256": digest.hexdigest(),
            "signature": {"algorithm": "ed25519", "public_key": public_key, "value": signature},
            "version": version}
    out("\n },\n" + _indented(tail, 0)[2:])


def _write_content(store: Store, catalog: Catalog, scope: Scope, *, out: Callable[[str], None],
                   canonical_out: Callable[[bytes], object], now: datetime | None) -> None:
    """The content, indented to `out` and canonically to `canonical_out`, from one
    reading snapshot of the database."""
    with reading_snapshot(store) as connection:
        asked: dict[str, str] = {}
        values: dict[str, Any] = {
            "created_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
            "created_by": f"studyapp {__version__}",
            "scope": {"session": scope.session_id, "cell": scope.cell_id,
                      "member": scope.member_id,
                      "from": scope.date_from.isoformat() if scope.date_from else None,
                      "to": scope.date_to.isoformat() if scope.date_to else None},
        }
        keys = sorted([*TABLES, "questions", *values])
        out('{\n "content": {')
        canonical_out(b"{")
        for number, key in enumerate(keys):
            comma = "," if number else ""
            out(f'{comma}\n  {json.dumps(key)}: ')
            canonical_out(f'{comma}{json.dumps(key)}:'.encode())
            if key in values:
                out(_indented(values[key], 2))
                canonical_out(canonical_row(values[key]))
                continue
            rows: Iterable[dict[str, Any]]
            if key == "questions":
                rows = _asked_questions(catalog, asked)
            else:
                rows = table_rows(connection, key, scope)
                if key == "attempts":
                    rows = _noting_asked(rows, asked)
            empty = True
            for row in rows:
                out(("[\n   " if empty else ",\n   ") + _indented(row, 3))
                canonical_out((b"[" if empty else b",") + canonical_row(row))
                empty = False
            out("[]" if empty else "\n  ]")
            canonical_out(b"[]" if empty else b"]")
        canonical_out(b"}")


def _indented(value: Any, depth: int) -> str:
    """`value` as `json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1)`
    writes it `depth` levels deep, character for character (a test compares
    them). Python's json writes indented text with its pure Python encoder,
    a generator per level; this one is about twice as fast, scalars in C."""
    if value.__class__ is dict and value:
        pad = "\n" + " " * (depth + 1)
        return "{" + ",".join(
            f"{pad}{_encode_text(key)}: {_indented(value[key], depth + 1)}"
            for key in sorted(value)) + "\n" + " " * depth + "}"
    if value.__class__ is list and value:
        pad = "\n" + " " * (depth + 1)
        return "[" + ",".join(pad + _indented(item, depth + 1) for item in value) \
            + "\n" + " " * depth + "]"
    if value.__class__ is str:
        return _encode_text(value)
    if value.__class__ is int:
        return int.__repr__(value)
    return _SCALAR.encode(value)


_SCALAR = json.JSONEncoder(ensure_ascii=False)
_encode_text: Callable[[str], str] = json.encoder.encode_basestring


def _noting_asked(rows: Iterable[dict[str, Any]], asked: dict[str, str]
                  ) -> Iterator[dict[str, Any]]:
    """The attempts, noting each question id and content hash their papers ask."""
    for row in rows:
        for item in row["paper"].get("items", []):
            asked.setdefault(item["id"], item["hash"])
        yield row


def _asked_questions(catalog: Catalog, asked: dict[str, str]) -> Iterator[dict[str, Any]]:
    for question_id, asked_hash in sorted(asked.items()):
        entry: dict[str, Any] = {"id": question_id, "hash": asked_hash, "text": None}
        if catalog.has_question(question_id):
            question = catalog.question(question_id)
            if question.content_hash == asked_hash:
                entry["text"] = question_data(question, catalog)
        yield entry


# --- in: every check before anything is written ------------------------------------------------

Check = Callable[[Any], str | None]
"""A field check: None when the value is good, else the problem's message."""

_ID = re.compile(r"[A-Za-z0-9._:/-]{1,100}")


LINE_BREAKS = re.compile(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]")
"""What ends a line somewhere (str.splitlines' breaks): none in a one-line field."""


def _text(limit: int, *, optional: bool = False, empty: bool = True, one_line: bool = False,
          normal: bool = False) -> Check:
    """`normal`: the value must be as `normalize_line` leaves it (NFC, spaces
    collapsed), as the program stores the names it matches by name."""
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str):
            return tr("bundle.not_text")
        if len(value) > limit:
            return tr("bundle.too_long", length=format_count(len(value)), limit=format_count(limit))
        if not empty and not value.strip():
            return tr("bundle.empty")
        if one_line and LINE_BREAKS.search(value):
            return tr("bundle.line_break")
        if has_unwanted(value.replace("\n", " ")):
            return tr("bundle.control_characters")
        if normal and normalize_line(value) != value:
            return tr("bundle.not_normal")
        return None
    return check


def _line(limit: int, *, optional: bool = False, empty: bool = True, normal: bool = False
          ) -> Check:
    return _text(limit, optional=optional, empty=empty, one_line=True, normal=normal)


def _identifier(*, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, str) or not _ID.fullmatch(value):
            return tr("bundle.not_id")
        return None
    return check


INT64 = (1 << 63) - 1
"""SQLite's largest integer: anything larger raises OverflowError when written."""


def _integer(low: int | None = 0, high: int | None = INT64, *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            return tr("bundle.not_integer")
        if (low is not None and value < low) or (high is not None and value > high):
            return tr("bundle.out_of_range", value=value, low=low, high=high if high is not None
                      else "∞")
        return None
    return check


def _one_of(*values: str, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if value not in values:
            return tr("bundle.not_one_of", values=", ".join(values))
        return None
    return check


def _moment(kind: type[date] | type[datetime], *, optional: bool = False) -> Check:
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        try:
            if not isinstance(value, str) or len(value) > 40:
                raise ValueError(value)
            moment = kind.fromisoformat(value)
            if isinstance(moment, datetime) and moment.utcoffset() is None:
                return tr("bundle.no_zone")
        except ValueError:
            return tr("bundle.not_date" if kind is date else "bundle.not_time")
        return None
    return check


def _structure(kind: type[dict[str, Any]] | type[list[Any]], *, optional: bool = False,
               measure: bool = True) -> Check:
    """`measure`: False for the rows short enough that no value of theirs can be
    too long (`SHORT_SCHEMA`), which spares writing each value out to count it."""
    def check(value: Any) -> str | None:
        if value is None and optional:
            return None
        if not isinstance(value, kind):
            return tr("bundle.not_object" if kind is dict else "bundle.not_list")
        if measure and len(json.dumps(value, ensure_ascii=False)) > MAX_JSON:
            return tr("bundle.too_long", length=format_count(len(json.dumps(value))),
                      limit=format_count(MAX_JSON))
        return None
    check.unmeasured = (  # type: ignore[attr-defined]
        _structure(kind, optional=optional, measure=False) if measure else None)
    return check


FLAG = _integer(0, 1)
MAX_MS = 366 * 24 * 3600 * 1000
"""A year, in milliseconds: no time spent on one attempt or answer is longer."""
MS = _integer(0, MAX_MS, optional=True)
MS_REQUIRED = _integer(0, MAX_MS)
SCHEMA: dict[str, dict[str, Check]] = {
    "cells": {"id": _identifier(), "name": _line(MAX_NAME_LENGTH, empty=False, normal=True),
              "created_at": _moment(datetime)},
    "members": {"id": _identifier(), "cell_id": _identifier(),
                "full_name": _line(MAX_NAME_LENGTH, empty=False, normal=True), "active": FLAG,
                "created_at": _moment(datetime), "note": _line(MAX_NOTE_LENGTH)},
    "sessions": {"id": _identifier(), "cell_id": _identifier(), "held_on": _moment(date),
                 "topic": _text(MAX_TEXT), "pack_id": _line(200),
                 "lessons": _structure(list), "settings": _structure(dict),
                 "seed": _integer(-INT64 - 1), "run_by": _line(MAX_NAME_LENGTH, optional=True),
                 "status": _one_of("open", "closed"), "opened_at": _moment(datetime),
                 "closed_at": _moment(datetime, optional=True)},
    "attendance": {"id": _identifier(), "session_id": _identifier(),
                   "member_id": _identifier(),
                   "status": _one_of("present", "excused", "absent", "not_tested"),
                   "note": _text(MAX_TEXT)},
    "attempts": {"id": _identifier(), "member_id": _identifier(optional=True),
                 "guest_name": _line(MAX_NAME_LENGTH, optional=True, empty=False),
                 "session_id": _identifier(optional=True),
                 "mode": _one_of("practice", "test"), "pack_id": _line(200, optional=True),
                 "paper": _structure(dict), "settings": _structure(dict),
                 "status": _one_of("in_progress", "finished", "abandoned"),
                 "started_at": _moment(datetime), "finished_at": _moment(datetime, optional=True),
                 "time_spent_ms": MS, "time_paused_ms": MS,
                 "score_num": _integer(0, optional=True), "score_den": _integer(1, optional=True),
                 "band": _line(200, optional=True), "passed": _integer(0, 1, optional=True),
                 "answered": _integer(0, optional=True), "correct": _integer(0, optional=True),
                 "retake_of": _identifier(optional=True)},
    "events": {"id": _identifier(), "attempt_id": _identifier(), "seq": _integer(0),
               "kind": _one_of("answer", "move", "flag", "unflag", "pause", "resume", "finish"),
               "at": _moment(datetime),
               "position": _integer(-1, optional=True),
               "response": _structure(dict, optional=True)},
    "answers": {"id": _identifier(), "attempt_id": _identifier(), "position": _integer(0),
                "question_id": _line(300, empty=False), "question_hash": _line(200),
                "response": _structure(dict), "credit_num": _integer(0),
                "credit_den": _integer(1), "points_num": _integer(0),
                "points_den": _integer(1), "without_diacritics": FLAG,
                "understood_as": _text(MAX_TEXT, optional=True),
                "answered_at": _moment(datetime), "duration_ms": MS_REQUIRED},
}
QUESTION_SCHEMA: dict[str, Check] = {"id": SCHEMA["answers"]["question_id"],
                                     "hash": SCHEMA["answers"]["question_hash"]}
"""A listed question's id and hash, checked as an answer's (its text is checked for
control characters and its points read where the checks need them)."""
SHORT_ROW = MAX_JSON // 2
"""A row whose canonical text is at most this long (bytes) holds no structured value
longer than `MAX_JSON` characters written out with json's default separators: those
add one character to each `,` and `:`, so at most double the compact length."""
SHORT_SCHEMA: dict[str, dict[str, Check]] = {
    table: {name: getattr(check, "unmeasured", None) or check for name, check in checks.items()}
    for table, checks in SCHEMA.items()}
assert all(tuple(SCHEMA[table]) == COLUMNS[table] for table in TABLES)
assert all(set(JSON_COLUMNS[table]) <= set(SCHEMA[table]) for table in JSON_COLUMNS)


@dataclass(frozen=True)
class CheckedBundle:
    path: Path
    content: dict[str, Any]
    """What the checks kept whole of the content: its cells and the values that are
    not tables (created_at, created_by, scope); the rows to merge are `tables`."""
    signer: str | None = None
    """The public key (hex) whose signature was verified; None for version 1."""
    staged: Staged | None = None
    """Where the checked rows wait, written canonically."""

    @property
    def tables(self) -> Mapping[str, Iterable[dict[str, Any]]]:
        if self.staged is not None:
            return StagedTables(self.staged)
        return {table: self.content[table] for table in TABLES}

    def close(self) -> None:
        if self.staged is not None:
            self.staged.close()


def read_bundle(path: Path, catalog: Catalog, known_question: Callable[[str], bool] | None = None
                ) -> CheckedBundle:
    """Read and check a bundle file completely, as a stream, in bounded memory
    (`bundle_stream` stages the rows, `bundle_links` checks them together);
    `BundleError` lists what is wrong. Nothing is written anywhere but a private
    staging folder, removed when the bundle is refused."""
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise BundleError(path, [tr("bundle.too_big", size=format_count(size))])
        staged = Staged()
    except OSError as error:
        raise StudyappError(tr("bundle.unreadable", path=str(path),
                               reason=error.strerror or str(error))) from error
    try:
        checker = _StreamChecker(staged)
        try:
            try:
                parsed = parse_bundle(path, staged, checker.row)
            except NumberTooLargeError:
                staged.close()
                staged = Staged()
                checker = _StreamChecker(staged)
                parsed = parse_bundle(path, staged, checker.row, pure=True)
        except StreamError as error:
            raise BundleError(path, [error.problem]) from None
        except OSError as error:
            raise StudyappError(tr("bundle.unreadable", path=str(path),
                                   reason=error.strerror or str(error))) from error
        staged.finish()
        content, signer = checker.finish(path, staged, parsed, catalog, known_question)
    except BaseException:
        staged.close()
        raise
    return CheckedBundle(path, content, signer, staged)


class _StreamChecker:
    """The checks of one row at a time, while the file streams by; the problems
    of each stage kept apart (only the first stage with any is reported). What
    the checks across rows need of each good row goes to a staging database."""

    def __init__(self, staged: Staged) -> None:
        self.unwanted: list[str] = []
        self.unwanted_total = 0
        self.problems: list[str] = []
        self.problems_total = 0
        self.seen: Verdicts = {}
        self.links = Links(staged.folder)
        staged.closing.append(self.links.close)
        self.cells: list[dict[str, Any]] = []

    def _unwanted(self, problem: str) -> None:
        self.unwanted_total += 1
        if len(self.unwanted) < KEPT_PROBLEMS:
            self.unwanted.append(problem)

    def _problems(self, problems: list[str]) -> None:
        self.problems_total += len(problems)
        room = KEPT_PROBLEMS - len(self.problems)
        if room > 0:
            self.problems += problems[:room]

    def strings(self, where: str, value: Any, line: bytes | None,
                line_breaks: Iterable[tuple[str, Any]] = ()) -> None:
        """No control character or escape in any string of `value`, keys too;
        none of `line_breaks`' values (place, value) breaks a line. The row's
        canonical text, when it holds no backslash (every C0 control would be
        escaped), is checked whole: any such string would show in it."""
        if line is not None:
            text = line.decode("utf-8")
            if "\\" not in text and not has_unwanted(text) and not LINE_BREAKS.search(text):
                return
        for place, text in _strings(value, where):
            if has_unwanted(text):
                self._unwanted(f"{place()}: " + tr("bundle.control_characters"))
        for inner_where, inner in line_breaks:
            for place, text in _strings(inner, inner_where):
                if LINE_BREAKS.search(text):
                    self._unwanted(f"{place()}: {tr('bundle.line_break')}")

    def row(self, key: str, index: int, row: Any, line: bytes) -> None:
        where = f"{shown_key(key)}[{index}]"
        breaks: list[tuple[str, Any]] = []
        if key in JSON_COLUMNS and isinstance(row, dict):
            for column in JSON_COLUMNS[key]:
                if column not in row:
                    continue
                value, inner = row[column], f"{where}.{column}"
                if (key, column) == ("attempts", "settings") and isinstance(value, dict):
                    # What a secretary entered from a paper may run over lines.
                    value, inner = value.get("grading"), f"{inner}.grading"
                breaks.append((inner, value))
        self.strings(where, row, line, breaks)
        if key == "questions":
            if not isinstance(row, dict) or not isinstance(row.get("id"), str) \
                    or not isinstance(row.get("hash"), str) \
                    or not isinstance(row.get("text"), (dict, type(None))):
                self._problems([tr("bundle.bad_question", where=f"questions[{index}]")])
                return
            # One-line fields, as the answers' question ids and hashes are.
            problems = [f"questions[{index}].{name}: {problem}"
                        for name, check in QUESTION_SCHEMA.items()
                        if (problem := check(row[name]))]
            if problems:
                self._problems(problems)
            elif not self.problems_total:
                self.links.add_question(index, row)
            return
        if key not in SCHEMA:
            return  # not a table: covered by the hash and the string checks only
        if len(self.seen) > 20_000:
            self.seen.clear()  # distinct values only: a bound, not a loss
        problems = _row_problems(key, index, row, self.seen, short=len(line) <= SHORT_ROW)
        if problems:
            self._problems(problems)
        elif not self.problems_total:
            self.links.add(key, index, row)
            if key == "cells":
                self.cells.append(row)

    def finish(self, path: Path, staged: Staged, parsed: tuple[dict[str, Any], dict[str, Any],
                                                               list[str]], catalog: Catalog,
               known_question: Callable[[str], bool] | None) -> tuple[dict[str, Any], str | None]:
        """The stages in their order, once the whole file went by."""
        top, rest, order = parsed
        if top.get("format") != FORMAT:
            raise BundleError(path, [tr("bundle.not_a_bundle")])
        version = top.get("version")
        if isinstance(version, bool) or version not in READABLE:
            raise BundleError(path, [tr("bundle.version", version=shown_key(version),
                                        supported=VERSION)])
        if top.get("content") is not True:
            raise BundleError(path, [tr("bundle.no_content")])
        if "duplicate" in top:
            raise BundleError(path, [tr("bundle.duplicate_key",
                                        key=shown_key(top["duplicate"]))])
        if "unknown" in top:
            raise BundleError(path, [tr("bundle.unknown_content_key",
                                        key=shown_key(top["unknown"]))])
        # Only a version 2 signature is over the canonical content: kept for it.
        actual, message = hash_and_message(staged, rest, order, keep=version == 2)
        if top.get("sha256") != actual:
            raise BundleError(path, [tr("bundle.hash", expected=shown_key(top.get("sha256")),
                                        actual=actual)])
        signer = None
        if version >= 2:
            signature: dict[str, str] = top.get("signature") or {}
            problem = _signature_shape_problem(signature, version)
            signed = signed_statement(actual) if message is None else message
            if problem is None and not verify(signature["public_key"], signature["value"],
                                              signed):
                problem = tr("bundle.bad_signature")
            if problem:
                raise BundleError(path, [problem])
            signer = signature["public_key"]
        if message is not None:
            message.unlink()
        for key in order:
            if has_unwanted(str(key)):
                self._unwanted(f"{shown_key(key)}: " + tr("bundle.control_characters"))
        for key, value in rest.items():
            self.strings(shown_key(key), value, None)
        if self.unwanted:
            raise BundleError(path, self.unwanted, self.unwanted_total)
        for table in TABLES:
            if table in rest or table not in order:
                self._problems([tr("bundle.missing_table", table=table)])
        if "questions" in rest or "questions" not in order:
            self._problems([tr("bundle.missing_table", table="questions")])
        if self.problems:
            raise BundleError(path, self.problems, self.problems_total)
        self.links.finish()
        for stage in (partial(reference_problems, self.links, catalog, known_question),
                      partial(recompute_problems, self.links, catalog)):
            problems = stage()
            if problems:
                raise BundleError(path, problems.shown, problems.total)
        return {**rest, "cells": self.cells}, signer


def shown_key(key: Any) -> str:
    """A key or value named in a message: escaped, so nothing in it reaches the terminal."""
    return json.dumps(str(key)[:60])[1:-1]


def _strings(value: Any, where: str) -> Iterator[tuple[Callable[[], str], str]]:
    """Every string at any depth, keys too, with where it is (a function that
    writes the place out: only the few places of a problem are ever written)."""
    stack: list[tuple[Any, tuple[Any, ...]]] = [(value, ())]
    while stack:
        current, path = stack.pop()
        if isinstance(current, str):
            yield partial(_place, where, path), current
        elif isinstance(current, dict):
            for key, item in current.items():
                inner = (*path, str(key))
                yield partial(_place, where, inner), str(key)
                stack.append((item, inner))
        elif isinstance(current, list):
            stack.extend((item, (*path, index)) for index, item in enumerate(current))


def _place(where: str, path: tuple[Any, ...]) -> str:
    return where + "".join(f"[{part}]" if isinstance(part, int) else f".{shown_key(part)}"
                           for part in path)


Verdicts = dict[tuple[str, str], list[tuple[list[Any], str]]]
"""Schema errors (the path inside the value, the rule) by schema and value written out."""

_SCHEMA_FILE = Path(__file__).with_name("bundle_schema.json")
_validators: dict[str, Any] = {}
_PAPER_ITEM = "attempts.paper/item"
"""One item of a paper, validated on its own: the same item (a question with the
same orders shown) comes back in many papers, and is validated once."""


def _inline(node: Any, defs: dict[str, Any]) -> Any:
    """`node` with every `"$ref": "#/$defs/NAME"` replaced by that definition (the
    schema has no recursion). The same schema, checked the same way: jsonschema
    resolving a reference costs more than the check it leads to (issue 21)."""
    if isinstance(node, dict):
        if "$ref" in node:
            target = _inline(defs[node["$ref"].removeprefix("#/$defs/")], defs)
            rest = {key: _inline(value, defs) for key, value in node.items() if key != "$ref"}
            return {"allOf": [target], **rest} if rest else target
        return {key: _inline(value, defs) for key, value in node.items()}
    if isinstance(node, list):
        return [_inline(value, defs) for value in node]
    return node


def _validator(name: str) -> Any:
    """The JSON Schema validator of one structured column (the schema file
    beside this module, documented in docs/bundle-format.md), made once."""
    if not _validators:
        from jsonschema import Draft202012Validator  # noqa: PLC0415 - only when importing

        schema = json.loads(_SCHEMA_FILE.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        for key in schema:
            if "." in key:
                # Each column's schema with the shared definitions written in place.
                _validators[key] = Draft202012Validator(_inline(schema[key], schema["$defs"]))
        paper = _inline(schema["attempts.paper"], schema["$defs"])
        _validators[_PAPER_ITEM] = Draft202012Validator(paper["properties"]["items"]["items"])
        # The paper without its items' own schema: each item is checked by the one above.
        outer = {**paper, "properties": {**paper["properties"], "items": {
            key: value for key, value in paper["properties"]["items"].items() if key != "items"}}}
        _validators["attempts.paper/outer"] = Draft202012Validator(outer)
    return _validators[name]


TEXT_SCHEMAS = ("members.note",)
"""Plain columns the schema file also describes (beside the structured ones)."""


def _schema_text_problem(table: str, name: str, value: Any) -> str | None:
    """A plain column against its schema in the file, when the file has one."""
    key = f"{table}.{name}"
    if key not in TEXT_SCHEMAS:
        return None
    error = next(iter(_validator(key).iter_errors(value)), None)
    return None if error is None else tr("bundle.schema_rule", rule=str(error.validator))
def _errors(name: str, value: Any, seen: Verdicts
            ) -> list[tuple[list[Any], str]]:
    """Where and which rule `value` breaks in the schema `name` (every error),
    each distinct value validated once: `seen` keeps the verdicts."""
    written = json.dumps(value, sort_keys=True, separators=(",", ":"))
    # A digest, not the text: ten thousand long typed answers are not kept.
    key = (name, hashlib.blake2b(written.encode("utf-8"), digest_size=16).hexdigest())
    found = seen.get(key)
    if found is None:
        found = seen[key] = [(list(error.absolute_path), str(error.validator))
                             for error in _validator(name).iter_errors(value)]
    return found


def _schema_problems(table: str, where: str, row: dict[str, Any],
                     seen: Verdicts) -> list[str]:
    """Each structured value against its schema. The same value comes back
    again and again (one settings object per session, the same few responses,
    the same paper items): `seen` keeps the verdict per value written out, so
    each is validated once. A paper is checked as its outer shape plus each
    item against the item's schema: the same rules, each item once."""
    problems = []
    for column in JSON_COLUMNS.get(table, ()):
        name = f"{table}.{column}"
        value = row[column]
        if name == "attempts.paper":
            errors = _errors("attempts.paper/outer", value, seen)
            items = value.get("items") if isinstance(value, dict) else None
            if isinstance(items, list) and len(items) <= 1000:
                for index, item in enumerate(items):
                    errors = errors + [(["items", index, *path], rule) for path, rule
                                       in _errors(_PAPER_ITEM, item, seen)]
        else:
            errors = _errors(name, value, seen)
        shown = sorted(errors, key=lambda error: [
            (0, part, "") if isinstance(part, int) else (1, 0, str(part))
            for part in error[0]])[:5]
        problems += [tr("bundle.schema", where=f"{where}.{column}" + "".join(
            f"[{part}]" if isinstance(part, int) else f".{shown_key(part)}" for part in path),
            rule=rule) for path, rule in shown]
    return problems


_HEX = re.compile(r"[0-9a-f]+")


def _signature_shape_problem(signature: Any, version: int) -> str | None:
    """None when `signature` has the shape of an Ed25519 signature and its key."""
    if not isinstance(signature, dict) or set(signature) != {"algorithm", "public_key",
                                                             "value"} \
            or signature["algorithm"] != "ed25519" \
            or not all(isinstance(signature[name], str) and _HEX.fullmatch(signature[name])
                       for name in ("public_key", "value")) \
            or len(signature["public_key"]) != 64 or len(signature["value"]) != 128:
        return tr("bundle.no_signature", version=version)
    return None


def _row_problems(table: str, index: int, row: Any,
                  seen: Verdicts, *, short: bool = False) -> list[str]:
    """`short`: the row's canonical text is at most `SHORT_ROW` bytes long."""
    where = f"{table}[{index}]"
    if not isinstance(row, dict):
        return [tr("bundle.not_row", where=where)]
    schema = SHORT_SCHEMA[table] if short else SCHEMA[table]
    optional = DEFAULTS.get(table, {})
    problems = [tr("bundle.missing_field", where=where, field=name)
                for name in schema if name not in row and name not in optional]
    problems += [tr("bundle.unknown_field", where=where, field=shown_key(name))
                 for name in row if name not in schema]
    for name, check in schema.items():
        if name in row:
            problem = check(row[name]) or _schema_text_problem(table, name, row[name])
            if problem:
                problems.append(f"{where}.{name}: {problem}")
    if problems:
        return problems
    problems += _schema_problems(table, where, row, seen)
    if problems:
        return problems
    if table == "attempts":
        problems += _attempt_problems(where, row)
        if row["member_id"] is None and not row["guest_name"]:
            problems.append(tr("bundle.attempt_nobody", where=where))
        if row["status"] == "finished" and row["score_num"] is None:
            problems.append(tr("bundle.finished_without_score", where=where))
        if (row["score_num"] is None) != (row["score_den"] is None):
            problems.append(tr("bundle.half_score", where=where))
    if table == "events" and row["position"] == -1 and row["kind"] != "finish":
        # -1 is how a quiz ended by its clock marks its closing event, and only that.
        problems.append(f"{where}.position: " + tr("bundle.out_of_range", value=-1, low=0,
                                                   high="∞"))
    if table == "answers" and row["credit_num"] > row["credit_den"]:
        problems.append(tr("bundle.credit_above_one", where=where))
    if table == "sessions" and (row["status"] == "closed") != (row["closed_at"] is not None):
        problems.append(tr("bundle.closed_at", where=where))
    return problems


def _attempt_problems(where: str, row: dict[str, Any]) -> list[str]:
    """What an attempt's numbers must agree on: counts within its paper, the
    score within the scale it was graded on, the pass mark and bands too."""
    problems: list[str] = []
    size = len(row["paper"]["items"])
    answered, correct = row["answered"], row["correct"]
    if answered is not None and answered > size:
        problems.append(tr("bundle.more_than_paper", where=f"{where}.answered",
                           value=answered, size=size))
    if correct is not None and (answered is None or correct > answered):
        problems.append(tr("bundle.correct_above_answered", where=f"{where}.correct"))
    grading = row["settings"]["grading"]
    scale = Fraction(grading["scale"])
    if scale <= 0:
        problems.append(tr("bundle.scale_zero", where=f"{where}.settings.grading.scale"))
        return problems
    if Fraction(grading["pass_mark"]) > scale or any(
            Fraction(minimum) > scale for _label, minimum in grading["bands"]):
        problems.append(tr("bundle.above_scale", where=f"{where}.settings.grading",
                           scale=grading["scale"]))
    if row["score_num"] is not None and row["score_den"] is not None \
            and Fraction(row["score_num"], row["score_den"]) > scale:
        problems.append(tr("bundle.score_above_scale", where=f"{where}.score_num",
                           scale=grading["scale"]))
    return problems
