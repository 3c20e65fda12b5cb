"""Loading and validating packs and lessons; every problem is collected, the valid rest loads.

Longer than most modules: the pack, lesson and catalog-wide checks share one checker
and one order of reading; split, each part would reach into the others' state.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studyapp.content.banks import BankRecord, check_bank_references, load_bank
from studyapp.content.cache import ContentCache, FileResult
from studyapp.content.catalog import Catalog
from studyapp.content.checks import Field, TableChecker, fraction_of, kind_of, one_line
from studyapp.content.model import DEFAULT_BANDS, Band, Bank, Grading, Lesson, Pack
from studyapp.content.problems import HasProblems, Problem, ProblemLog
from studyapp.content.source import (
    Location,
    TablePath,
    check_inside,
    parse_toml,
    read_text,
    read_toml,
)

LANGUAGE_PATTERN = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")
FRONT_MATTER_FENCE = "+++"
LESSON_BODY_LIMIT = 4096
MAX_KEY_POINTS = 10
MAX_LESSON_DEPTH = 16
"""Lessons nested deeper are refused: the tree, numbering and reading order stay usable."""
LESSON_FILE_LIMIT = 1024 * 1024
"""A lesson or pack.toml file over 1 MiB is refused before it is read (about
4 KB is the advice): a huge one would freeze the interface."""

PACK_FILE = "pack.toml"
LESSONS_DIR = "lessons"
BANKS_DIR = "banks"


# --- packs ----------------------------------------------------------------------

PACK_FIELDS = (
    Field("format", "integer"),
    Field("id", "string", required=True),
    Field("title", "string", required=True),
    Field("source", "string", required=True),
    Field("issued_by", "string"),
    Field("language", "string"),
    Field("grading", "table"),
    Field("source_file", "string"),
)
GRADING_FIELDS = (
    Field("scale", "number"),
    Field("bands", "array"),
    Field("pass_mark", "number"),
)
BAND_FIELDS = (Field("label", "string", required=True), Field("min", "number", required=True))


def _load_grading(data: Mapping[str, Any], checker: TableChecker) -> Grading | None:
    table: TablePath = ("grading",)
    ok, data = checker.check(data, table, GRADING_FIELDS)
    scale = fraction_of(data.get("scale", 10))
    if scale <= 0:
        checker.error(table, "scale", "not_positive", key="scale")
        return None
    bands: tuple[Band, ...] = DEFAULT_BANDS
    if "bands" in data:
        parsed: list[Band] = []
        for entry in data["bands"]:
            if not isinstance(entry, dict) or not checker.check(entry, table, BAND_FIELDS)[0]:
                if not isinstance(entry, dict):
                    checker.error(table, "bands", "wrong_type", key="bands", expected="bands",
                                  actual=kind_of(entry))
                ok = False
                continue
            minimum = fraction_of(entry["min"])
            if not 0 <= minimum <= scale:
                checker.error(table, "bands", "out_of_scale", key="min", value=entry["min"],
                              scale=scale)
                ok = False
            parsed.append(Band(one_line(entry["label"]), minimum))
        if not parsed:
            checker.error(table, "bands", "empty_value", key="bands")
            ok = False
        elif any(a.min <= b.min for a, b in itertools.pairwise(parsed)):
            checker.error(table, "bands", "bands_order")
            ok = False
        elif parsed[-1].min > 0:
            checker.warning(table, "bands", "bands_floor", value=parsed[-1].min)
        bands = tuple(parsed)
    pass_mark = fraction_of(data.get("pass_mark", 5))
    if not 0 <= pass_mark <= scale:
        checker.error(table, "pass_mark", "out_of_scale", key="pass_mark",
                      value=data["pass_mark"], scale=scale)
        ok = False
    return Grading(scale, bands, pass_mark) if ok else None


def load_pack_file(directory: Path, log: ProblemLog) -> Pack | None:
    """Read and check `pack.toml`; None if the pack cannot be used."""
    path = directory / PACK_FILE
    read = read_toml(path, log, LESSON_FILE_LIMIT)
    if read is None:
        return None
    text, data = read
    checker = TableChecker(path, text, log)
    ok = checker.check_format(data, ())
    fits, data = checker.check(data, (), PACK_FIELDS)
    ok = fits and ok
    ok = checker.check_id(data, (), "id") and ok
    for key in ("title", "source", "issued_by"):
        ok = checker.check_text(data, (), key) and ok
    language = data.get("language", "vi")
    if not LANGUAGE_PATTERN.fullmatch(language):
        checker.error((), "language", "bad_language", value=language)
        ok = False
    grading = _load_grading(data.get("grading", {}), checker)
    source_file = _source_file(directory, data.get("source_file"), checker)
    if isinstance(source_file, bool):
        ok = False
        source_file = None
    if not ok or grading is None:
        return None
    issued_by = data.get("issued_by")
    return Pack(
        id=data["id"],
        title=one_line(data["title"]),
        source=one_line(data["source"]),
        path=directory,
        issued_by=one_line(issued_by) if issued_by is not None else None,
        language=language,
        grading=grading,
        source_file=source_file,
    )


def _source_file(directory: Path, name: object, checker: TableChecker) -> Path | bool | None:
    """The pack's copy of its source document (`source_file`, docs/packs-from-documents.md):
    a file inside the pack's folder. None when not given, False when wrong (said)."""
    if name is None:
        return None
    if not isinstance(name, str):
        return False  # the type check already said so
    path = (directory / name)
    inside = path.resolve().is_relative_to(directory.resolve())
    if not inside or not path.is_file():
        checker.error((), "source_file", "source_file_missing", value=name)
        return False
    return path


# --- lessons ----------------------------------------------------------------------

LESSON_FIELDS = (
    Field("id", "string", required=True),
    Field("title", "string", required=True),
    Field("parent", "string"),
    Field("order", "number"),
    Field("source", "string", required=True),
    Field("key_points", "string_list"),
)


@dataclass
class LessonRecord:
    """A lesson that passed its own file's checks, waiting for the checks
    that need the whole catalog. Where its keys stand is found only when a
    problem must be reported (from the file again, if it came from the cache)."""

    lesson: Lesson
    checker: TableChecker | None = None

    def _locate(self, key: str) -> Location:
        if self.checker is None:
            front = ""
            text = read_text(self.lesson.path, ProblemLog(), LESSON_FILE_LIMIT)
            parts = split_front_matter(text) if text is not None else None
            if parts is not None:
                front = parts[0]
            self.checker = TableChecker(self.lesson.path, front, ProblemLog(), line_offset=1)
        return self.checker.where((), key)

    @property
    def id_at(self) -> Location:
        return self._locate("id")

    @property
    def parent_at(self) -> Location:
        return self._locate("parent")


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """Split `+++` front matter from the body: (front matter, body, the file
    line where the body starts). None if the file has no front matter; a
    ValueError if it is opened and never closed."""
    first_end = text.find("\n")
    if text[:first_end if first_end != -1 else len(text)].strip() != FRONT_MATTER_FENCE:
        return None
    start = first_end + 1
    position = start
    while first_end != -1 and position <= len(text):
        end = text.find("\n", position)
        line = text[position:end if end != -1 else len(text)]
        if line.strip() == FRONT_MATTER_FENCE:
            front = text[start:max(position - 1, start)]
            body = text[end + 1:] if end != -1 else ""
            return front, body, text.count("\n", 0, position) + 2
        if end == -1:
            break
        position = end + 1
    raise ValueError("front matter not closed")


def load_lesson(path: Path, pack_id: str, log: ProblemLog,
                seen_ids: set[str] | None = None) -> LessonRecord | None:
    """Read and check one lesson file on its own; None if it has errors.

    A readable `id` is added to `seen_ids` even when the lesson has errors, so
    that its children are told their parent was skipped, not that it is missing."""
    text = read_text(path, log, LESSON_FILE_LIMIT)
    if text is None:
        return None
    try:
        parts = split_front_matter(text)
    except ValueError:
        log.error(path, 1, 1, "front_matter_unclosed")
        return None
    if parts is None:
        log.error(path, 1, 1, "no_front_matter")
        return None
    front, body, body_line = parts
    data = parse_toml(front, path, log, line_offset=1)
    if data is None:
        return None
    if seen_ids is not None and isinstance(data.get("id"), str):
        seen_ids.add(data["id"])
    checker = TableChecker(path, front, log, line_offset=1)
    ok, data = checker.check(data, (), LESSON_FIELDS)
    ok = checker.check_id(data, (), "id") and ok
    if "parent" in data:
        ok = checker.check_id(data, (), "parent") and ok
    for key in ("title", "source"):
        ok = checker.check_text(data, (), key) and ok
    key_points = tuple(one_line(point) for point in data.get("key_points", ()))
    if "key_points" in data:
        if not 1 <= len(key_points) <= MAX_KEY_POINTS:
            checker.error((), "key_points", "key_points_count", count=len(key_points))
            ok = False
        elif not all(key_points):
            checker.error((), "key_points", "empty_value", key="key_points")
            ok = False
    if not ok:
        return None
    body = body.strip("\n")
    size = len(body.encode("utf-8"))
    if size > LESSON_BODY_LIMIT:
        log.warning(path, body_line, 1, "body_too_long", size=size)
    elif not body.strip():
        log.warning(path, body_line - 1, 1, "empty_body")
    order = data.get("order")
    lesson = Lesson(
        pack_id=pack_id,
        id=data["id"],
        title=one_line(data["title"]),
        source=one_line(data["source"]),
        parent=data.get("parent"),
        order=float(order) if order is not None else None,
        key_points=key_points,
        body=body,
        path=path,
        body_line=body_line,
    )
    return LessonRecord(lesson, checker)


# --- the catalog ---------------------------------------------------------------------


@dataclass
class LoadResult(HasProblems):
    """What a load gives: the catalog of everything valid, every problem, and
    the files (or pack folders) that were skipped because of errors."""

    catalog: Catalog
    problems: list[Problem]
    skipped: list[Path] = field(default_factory=list)
    files_read: int = 0


def find_pack_dirs(root: Path, log: ProblemLog) -> list[Path]:
    """`root` itself if it is a pack, else its sub-folders that are packs."""
    if (root / PACK_FILE).is_file():
        return [root]
    if not root.is_dir():
        log.error(root, 1, 1, "not_found")
        return []
    found = sorted(child for child in root.iterdir() if (child / PACK_FILE).is_file())
    if not found:
        log.error(root, 1, 1, "no_pack")
    return found


def _check_tree(records: list[LessonRecord], log: ProblemLog,
                known_ids: Mapping[str, set[str]]) -> list[Lesson]:
    """Catalog-wide lesson checks: parents that name no lesson of the same
    pack, and parent cycles. Lessons with errors are dropped; a lesson whose
    parent was dropped moves to the top level, with a warning."""
    by_id = {record.lesson.id: record for record in records}
    valid = dict(by_id)
    for record in records:
        parent = record.lesson.parent
        if parent is not None and parent not in known_ids[record.lesson.pack_id]:
            log.error(record.lesson.path, record.parent_at.line, record.parent_at.column,
                      "unknown_parent", parent=parent)
            valid.pop(record.lesson.id, None)
    def parent_of(lesson: Lesson) -> str | None:
        # A parent counts only in the lesson's own pack: an id repeated in
        # another pack was skipped there and must not adopt this lesson.
        parent = lesson.parent
        if parent is None or parent not in valid or valid[parent].lesson.pack_id != lesson.pack_id:
            return None
        return parent

    # Cycles: follow parent links; a walk that comes back to a lesson on its
    # own path has found a cycle.
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    for start in list(valid):
        path: list[str] = []
        current: str | None = start
        while current is not None and current in valid and state.get(current) != 2:
            if state.get(current) == 1:
                cycle = path[path.index(current):]
                shown = " → ".join([*cycle, current])
                for member in cycle:
                    member_record = by_id[member]
                    log.error(member_record.lesson.path, member_record.parent_at.line,
                              member_record.parent_at.column, "parent_cycle", cycle=shown)
                for member in cycle:
                    valid.pop(member, None)
                break
            state[current] = 1
            path.append(current)
            current = parent_of(valid[current].lesson)
        for visited in path:
            state[visited] = 2
    _drop_too_deep(valid, parent_of, log)
    lessons = []
    for record in valid.values():
        lesson = record.lesson
        if lesson.parent is not None and parent_of(lesson) is None:
            log.warning(lesson.path, record.parent_at.line, record.parent_at.column,
                        "parent_skipped", parent=lesson.parent)
            lesson = dataclasses.replace(lesson, parent=None)
        lessons.append(lesson)
    return lessons


def _drop_too_deep(valid: dict[str, LessonRecord],
                   parent_of: Callable[[Lesson], str | None], log: ProblemLog) -> None:
    """Drop, each with an error at its `parent` key, the lessons nested
    deeper than MAX_LESSON_DEPTH (the cycles are gone already)."""
    depth: dict[str, int] = {}
    for start in list(valid):
        chain: list[str] = []
        current: str | None = start
        while current is not None and current not in depth:
            chain.append(current)
            current = parent_of(valid[current].lesson)
        level = depth[current] if current is not None else -1
        for lesson_id in reversed(chain):
            level += 1
            depth[lesson_id] = level
    for lesson_id, level in depth.items():
        if level >= MAX_LESSON_DEPTH:
            record = valid.pop(lesson_id)
            log.error(record.lesson.path, record.parent_at.line, record.parent_at.column,
                      "lesson_too_deep", depth=level + 1, limit=MAX_LESSON_DEPTH)


def _load_pack_cached(directory: Path, cache: ContentCache) -> FileResult:
    path = directory / PACK_FILE
    stamp, cached = cache.get(path, "pack")
    if cached is not None:
        return cached
    log = ProblemLog()
    pack = load_pack_file(directory, log)
    result = FileResult(pack, tuple(log))
    cache.put(path, "pack", stamp, result)
    return result


def _load_lesson_cached(path: Path, pack_id: str, cache: ContentCache
                        ) -> tuple[LessonRecord | None, FileResult]:
    stamp, cached = cache.get(path, pack_id)
    if cached is not None:
        lesson = cached.value
        return (LessonRecord(lesson) if isinstance(lesson, Lesson) else None), cached
    log = ProblemLog()
    declared: set[str] = set()
    record = load_lesson(path, pack_id, log, declared)
    result = FileResult(record.lesson if record else None, tuple(log),
                        next(iter(declared), None))
    cache.put(path, pack_id, stamp, result)
    return record, result


class _Loader:
    """One load of the catalog: packs, then their lessons and banks, then the
    checks that need everything (ids across packs, parents, lesson references)."""

    def __init__(self, cache_dir: Path | None, with_banks: bool) -> None:
        self.cache_dir = cache_dir
        self.with_banks = with_banks
        self.log = ProblemLog()
        self.packs: list[Pack] = []
        self.pack_at: dict[str, Path] = {}
        self.records: list[LessonRecord] = []
        self.lesson_at: dict[str, LessonRecord] = {}
        self.bank_records: list[BankRecord] = []
        self.skipped: list[Path] = []
        self.files_read = 0
        self.declared: dict[str, set[str]] = {}  # lesson ids each pack's files declare

    def root(self, root: Path) -> None:
        cache = ContentCache.for_root(self.cache_dir, root, "lessons")
        bank_cache = ContentCache.for_root(self.cache_dir if self.with_banks else None, root,
                                           "banks")
        for directory in find_pack_dirs(root, self.log):
            pack = self.pack(directory, cache)
            if pack is not None:
                self.lessons(directory, pack, cache)
                if self.with_banks:
                    self.banks(directory, pack, bank_cache)
        cache.save()
        bank_cache.save()

    def pack(self, directory: Path, cache: ContentCache) -> Pack | None:
        self.files_read += 1
        if not check_inside(directory / PACK_FILE, directory, self.log):
            self.skipped.append(directory)
            return None
        result = _load_pack_cached(directory, cache)
        self.log.extend(result.problems)
        pack = result.value
        if not isinstance(pack, Pack):
            self.skipped.append(directory)
            return None
        if pack.id in self.pack_at:
            where = self.pack_at[pack.id] / PACK_FILE
            self.log.error(directory / PACK_FILE, 1, 1, "duplicate_pack", id=pack.id, other=where)
            self.skipped.append(directory)
            return None
        self.pack_at[pack.id] = directory
        self.packs.append(pack)
        return pack

    def lessons(self, directory: Path, pack: Pack, cache: ContentCache) -> None:
        declared = self.declared.setdefault(pack.id, set())
        for path in _files(directory / LESSONS_DIR, "*.md"):
            self.files_read += 1
            if not check_inside(path, directory, self.log):
                self.skipped.append(path)
                continue
            record, result = _load_lesson_cached(path, pack.id, cache)
            self.log.extend(result.problems)
            if result.declared_id is not None:
                declared.add(result.declared_id)
            if record is None:
                self.skipped.append(path)
                continue
            first = self.lesson_at.get(record.lesson.id)
            if first is not None:
                other = f"{first.lesson.path}:{first.id_at.line}"
                self.log.error(path, record.id_at.line, record.id_at.column, "duplicate_lesson",
                               id=record.lesson.id, other=other)
                self.skipped.append(path)
                continue
            self.lesson_at[record.lesson.id] = record
            self.records.append(record)

    def banks(self, directory: Path, pack: Pack, cache: ContentCache) -> None:
        for path in _files(directory / BANKS_DIR, "*.toml"):
            self.files_read += 1
            if not check_inside(path, directory, self.log):
                self.skipped.append(path)
                continue
            stamp, result = cache.get(path, "bank:" + pack.id)
            if result is None:
                log = ProblemLog()
                result = FileResult(load_bank(path, pack.id, log), tuple(log))
                cache.put(path, "bank:" + pack.id, stamp, result)
            self.log.extend(result.problems)
            if isinstance(result.value, Bank):
                self.bank_records.append(BankRecord(result.value))
            else:
                self.skipped.append(path)

    def finish(self) -> LoadResult:
        lessons = _check_tree(self.records, self.log, self.declared)
        kept = {lesson.path for lesson in lessons}
        self.skipped.extend(r.lesson.path for r in self.records if r.lesson.path not in kept)
        banks = check_bank_references(self.bank_records, lessons, self.declared, self.log)
        kept_banks = {bank.path for bank in banks}
        self.skipped.extend(r.bank.path for r in self.bank_records if r.bank.path not in kept_banks)
        catalog = Catalog(self.packs, lessons, banks)
        return LoadResult(catalog, self.log.sorted(), self.skipped, self.files_read)


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.glob(pattern), key=lambda p: p.name) if folder.is_dir() else []


def load_catalog(roots: Iterable[Path], cache_dir: Path | None = None,
                 with_banks: bool = True) -> LoadResult:
    """Load every pack found under `roots` (pack folders or folders of packs),
    in order; a later pack, lesson or bank that repeats an id is skipped.

    With `cache_dir`, files unchanged since the last load are not parsed
    again. Without `with_banks`, only packs and lessons are read (the
    interface shows its first screen before it reads the banks)."""
    loader = _Loader(cache_dir, with_banks)
    for root in roots:
        loader.root(root)
    return loader.finish()
