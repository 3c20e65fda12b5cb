"""What GIFT and Aiken imports share: the result, checks against our bank format, ids, TOML."""

from __future__ import annotations

import hashlib
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from studyapp.content.model import LETTERS
from studyapp.content.problems import HasProblems, Problem, ProblemLog
from studyapp.text import collapse_whitespace, fold, normalize, strip_diacritics

MAX_CHOICES = len(LETTERS)
MAX_PAIRS = 8
ID_LENGTH = 48
"""Ids made from titles are cut (at a hyphen) to about this many characters."""

# Runs of other characters (hyphens included) become one hyphen: "06- création" gives
# "06-creation".
_NOT_ID = re.compile(r"[^a-z0-9_.]+")
_NOT_BANK_ID = re.compile(r"[^a-z0-9]+")

# Key order of a written question: what is asked, what is right, then the rest.
_KEY_ORDER = ("id", "type", "prompt", "choices", "answer", "tolerance", "items", "pairs",
              "shuffle", "strict", "explanation", "lesson", "tags", "difficulty", "points",
              "group")


@dataclass
class ImportedQuestion:
    """One converted question: its `[[questions]]` table, and where it came from."""

    table: dict[str, Any]
    line: int
    column: int = 1
    title: str | None = None
    given_id: str | None = None
    """The id the file gave (`// [id:...]`), as written."""


@dataclass(frozen=True, slots=True)
class SkippedItem:
    """An item of the file that gave no question: why (a problem code), and where."""

    line: int
    code: str


@dataclass
class ImportResult(HasProblems):
    """Everything one file gave: items in file order, and every problem found."""

    path: Path
    items: list[ImportedQuestion | SkippedItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    title: str | None = None
    """The bank's title, when the file says it (GIFT: a single `$CATEGORY`)."""

    @property
    def questions(self) -> list[ImportedQuestion]:
        return [item for item in self.items if isinstance(item, ImportedQuestion)]

    @property
    def skipped(self) -> list[SkippedItem]:
        return [item for item in self.items if isinstance(item, SkippedItem)]


class Collector:
    """Builds an ImportResult: problems logged at lines of the file being read."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.log = ProblemLog()
        self.items: list[ImportedQuestion | SkippedItem] = []

    def error(self, line: int, column: int, code: str, /, **params: object) -> None:
        self.log.error(self.path, line, column, code, **params)

    def warning(self, line: int, column: int, code: str, /, **params: object) -> None:
        self.log.warning(self.path, line, column, code, **params)

    def skip(self, line: int, column: int, code: str, /, *, error: bool = False,
             **params: object) -> None:
        """An item that gives no question, with the problem that says why."""
        (self.error if error else self.warning)(line, column, code, **params)
        self.items.append(SkippedItem(line, code))

    def add(self, question: ImportedQuestion) -> None:
        self.items.append(question)

    def result(self) -> ImportResult:
        if not self.items and not self.log.errors:
            self.error(1, 1, "import_empty")
        assign_ids(self.questions(), self)
        return ImportResult(self.path, self.items, self.log.sorted())

    def questions(self) -> list[ImportedQuestion]:
        return [item for item in self.items if isinstance(item, ImportedQuestion)]


# --- text -------------------------------------------------------------------------


def clean(text: str) -> str:
    """Text as the program stores it (NFC, no control characters), trimmed."""
    return normalize(text).strip()


def clean_line(text: str) -> str:
    """A one-line value (a choice, an accepted answer, a pair side, a tag)."""
    return collapse_whitespace(normalize(text))


def shorten(text: str, limit: int = 60) -> str:
    """Text short enough to quote in a message."""
    text = collapse_whitespace(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# Matched on folded text (no diacritics, lower case): "Cả A, B, C đều đúng", "Tất cả
# các ý trên", "Không có đáp án nào", "A và B", "All of the above".
_REFERS_TO_OTHERS = re.compile(
    r"\b(?:ca|tat ca)\b.*\bdeu (?:dung|sai)\b"
    r"|\b(?:y|dap an|phuong an|lua chon)\s+(?:(?:ke|neu|o)\s+)?tren\b"
    r"|\bkhong (?:co )?(?:y|dap an|phuong an|lua chon) nao\b"
    r"|\b(?:all|none|both|neither) of (?:the above|these|them)\b"
    r"|(?:^|\s)[a-h]\s*(?:,|va|hoac|and|or|&)\s*[a-h](?:\s|,|$)")


def refers_to_other_choices(choice: str) -> bool:
    """Whether a choice speaks of the others ("Cả A, B, C đều đúng", "Tất cả
    các ý trên"): such choices keep their written order (`shuffle = false`)."""
    return _REFERS_TO_OTHERS.search(fold(choice)) is not None


# --- checks against the bank format ---------------------------------------------------


def check_choices(collector: Collector, choices: Sequence[str], line: int) -> bool:
    """2..8 distinct choices, or the item is skipped with a warning."""
    if not 2 <= len(choices) <= MAX_CHOICES:
        collector.skip(line, 1, "import_choice_count", count=len(choices), low=2,
                       high=MAX_CHOICES)
        return False
    if not all(choices):
        collector.skip(line, 1, "import_empty_option")
        return False
    seen: set[str] = set()
    for choice in choices:
        if choice in seen:
            collector.skip(line, 1, "import_duplicate_choice", value=shorten(choice))
            return False
        seen.add(choice)
    return True


def check_pairs(collector: Collector, pairs: Sequence[tuple[str, str]], line: int) -> bool:
    """2..8 pairs, lefts distinct and rights distinct, or skipped with a warning."""
    if not 2 <= len(pairs) <= MAX_PAIRS:
        collector.skip(line, 1, "import_pair_count", count=len(pairs), low=2,
                       high=MAX_PAIRS)
        return False
    for side in (0, 1):
        values = [pair[side] for pair in pairs]
        for value in values:
            if values.count(value) > 1:
                collector.skip(line, 1, "import_duplicate_pair", value=shorten(value))
                return False
    return True


def number_value(number: Decimal) -> int | float:
    """A decimal as a TOML number: an integer when it is one (and fits)."""
    if number == number.to_integral_value() and abs(number) < 2**63:
        return int(number)
    return float(number)


# --- ids ----------------------------------------------------------------------------


def slug(text: str, pattern: re.Pattern[str] = _NOT_ID, limit: int = ID_LENGTH) -> str:
    """An id made of `text`: no diacritics, lower case, other characters as '-'
    ("Câu 1" gives "cau-1"), cut at a hyphen near `limit` characters."""
    value = pattern.sub("-", strip_diacritics(normalize(text)).lower()).strip("-._")
    if len(value) > limit:
        cut = value.rfind("-", 0, limit + 1)
        value = value[:cut if cut > limit // 2 else limit].strip("-._")
    return value


def bank_id_from(name: str) -> str:
    """A bank id (a-z 0-9 '-') made of a file name."""
    return slug(name, _NOT_BANK_ID) or "imported"


def text_id(prompt: str) -> str:
    """An id made of the question text alone: the same text gives the same id."""
    digest = hashlib.sha256(collapse_whitespace(normalize(prompt)).encode("utf-8"))
    return f"q-{digest.hexdigest()[:10]}"


def assign_ids(questions: Sequence[ImportedQuestion], collector: Collector) -> None:
    """Each question its id: the file's own id (made valid), else one made of
    its title, else of its text. Ids the file gives are placed first, so a
    made-up id never takes one; a repeated id gets `-2`, `-3`, ..."""
    taken: set[str] = set()
    chosen: dict[int, str] = {}
    for index, question in enumerate(questions):
        given = question.given_id
        made = slug(given, limit=10_000) if given is not None else ""
        if given is None or not made:
            continue
        if made != given:
            collector.warning(question.line, 1, "import_id_changed", given=given, id=made)
        if made not in taken:
            taken.add(made)
            chosen[index] = made
    free = _FreeIds(taken)
    for index, question in enumerate(questions):
        if index in chosen:
            continue
        given = slug(question.given_id, limit=10_000) if question.given_id is not None else ""
        if given:
            made = free(given)
            collector.warning(question.line, 1, "import_duplicate_id", id=given, new=made)
        else:
            made = free((slug(question.title) if question.title else "")
                        or text_id(str(question.table["prompt"])))
        chosen[index] = made
    for index, question in enumerate(questions):
        rest = {key: value for key, value in question.table.items() if key != "id"}
        question.table = {"id": chosen[index], **rest}


class _FreeIds:
    """Ids not taken yet: `base`, else `base-2`, `base-3`, ... (each base
    remembers where it got to, so a thousand repeats stay cheap)."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken
        self._next: dict[str, int] = {}

    def __call__(self, base: str) -> str:
        made = base
        number = self._next.get(base, 2)
        while made in self.taken:
            made = f"{base}-{number}"
            number += 1
        self._next[base] = number
        self.taken.add(made)
        return made


# --- the bank -----------------------------------------------------------------------


def ordered(table: dict[str, Any]) -> dict[str, Any]:
    """A question table with its keys in the order people read them."""
    rank = {key: index for index, key in enumerate(_KEY_ORDER)}
    return dict(sorted(table.items(), key=lambda item: rank.get(item[0], len(rank))))


def bank_table(questions: Sequence[ImportedQuestion], *, bank_id: str, title: str,
               description: str | None = None, lesson: str | None = None) -> dict[str, Any]:
    """The whole bank as TOML data (content-format.md, format 1)."""
    bank: dict[str, Any] = {"format": 1, "id": bank_id, "title": clean_line(title) or bank_id}
    if description:
        bank["description"] = clean_line(description)
    if lesson:
        bank["lesson"] = lesson
    bank["questions"] = [ordered(question.table) for question in questions]
    return bank


def dump_bank(bank: dict[str, Any]) -> str:
    """The bank as TOML text (tomli-w), long texts as multi-line strings."""
    import tomli_w  # noqa: PLC0415 - only when a bank is written

    return tomli_w.dumps(bank, multiline_strings=True)


# --- which format ---------------------------------------------------------------------

_AIKEN_ANSWER_LINE = re.compile(r"^[ \t]*ANSWER:", re.MULTILINE)
_WORD_QUESTION_LINE = re.compile(r"^[ \t]*c[aâ]u[ \t]*\d+[ \t]*[.:(]", re.MULTILINE | re.IGNORECASE)


def detect_format(path: Path, text: str) -> str | None:
    """`gift` or `aiken` from the file's extension, else from its content (an
    `ANSWER:` line is Aiken, a `Câu 1.` line the Word convention, a brace GIFT);
    None if none tells."""
    suffix = path.suffix.lower()
    if suffix in (".gift", ".aiken"):
        return suffix[1:]
    if _AIKEN_ANSWER_LINE.search(text):
        return "aiken"
    if _WORD_QUESTION_LINE.search(text):
        return "word"
    if "{" in text:
        return "gift"
    return None


# --- Office files ----------------------------------------------------------------------

MAX_UNPACKED_BYTES = 64 * 1024 * 1024
"""An Office file that unpacks to more than this is refused before it is read (zip bombs)."""
MAX_RATIO = 200
"""Nor one whose parts are packed more than this many times (text packs about 10 times)."""


class PackageError(Exception):
    """The file is not an Office file we can read: a message code (`package.CODE`)
    and its parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def check_package(path: Path, main_part: str, *, opendocument: str) -> None:
    """Refuse, before a library parses it, what is not an Office Open XML package
    holding `main_part`, or would unpack into far more than a question set (zip
    bombs): PackageError. `opendocument` is the OpenDocument kind to name ("ods")."""
    if not zipfile.is_zipfile(path):
        with path.open("rb") as handle:
            start = handle.read(8)
        # A legacy .doc/.xls and an encrypted .docx/.xlsx are all OLE compound files.
        raise PackageError("ole" if start.startswith(b"\xd0\xcf\x11\xe0") else "not_zip")
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise PackageError("damaged", reason=shorten(str(error), 120)) from error
    names = {entry.filename for entry in entries}
    if main_part not in names:
        if "content.xml" in names and "mimetype" in names:
            raise PackageError("opendocument", kind=opendocument)
        raise PackageError("wrong_kind")
    unpacked = sum(entry.file_size for entry in entries)
    packed = sum(entry.compress_size for entry in entries) or 1
    if unpacked > MAX_UNPACKED_BYTES or unpacked / packed > MAX_RATIO:
        raise PackageError("bomb", size=unpacked, limit=MAX_UNPACKED_BYTES)
