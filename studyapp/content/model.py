"""The content model: packs, grading, lessons, banks and questions, as plain frozen objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Literal, get_args

CONTENT_FORMAT = 1
"""The content format version this program reads (content-format.md)."""


@dataclass(frozen=True, slots=True)
class Band:
    """A grade band: a score at or above `min` gets `label`."""

    label: str
    min: Fraction


DEFAULT_BANDS: tuple[Band, ...] = (
    Band("Giỏi", Fraction(8)),
    Band("Khá", Fraction(13, 2)),
    Band("Trung bình", Fraction(5)),
    Band("Không đạt", Fraction(0)),
)


@dataclass(frozen=True, slots=True)
class Grading:
    """How a pack's scores are shown: scale, bands (highest first), pass mark."""

    scale: Fraction = Fraction(10)
    bands: tuple[Band, ...] = DEFAULT_BANDS
    pass_mark: Fraction = Fraction(5)

    def band(self, score: Fraction) -> str | None:
        """The label of the first band whose minimum `score` reaches."""
        for band in self.bands:
            if score >= band.min:
                return band.label
        return None

    def passed(self, score: Fraction) -> bool:
        return score >= self.pass_mark


@dataclass(frozen=True, slots=True)
class Lesson:
    """One lesson of a pack. `body` is the Markdown text as written (clean NFC);
    `body_line` is the file line where it starts."""

    pack_id: str
    id: str
    title: str
    source: str
    parent: str | None = None
    order: float | None = None
    key_points: tuple[str, ...] = ()
    body: str = ""
    path: Path = field(default=Path(), compare=False)
    body_line: int = field(default=1, compare=False)


@dataclass(frozen=True, slots=True)
class Pack:
    """A pack: one source document with its lessons (and, later, banks)."""

    id: str
    title: str
    source: str
    path: Path = field(compare=False)
    issued_by: str | None = None
    language: str = "vi"
    grading: Grading = field(default_factory=Grading)
    source_file: Path | None = field(default=None, compare=False)
    """The pack's own copy of the document it teaches, when it keeps one."""


QuestionType = Literal["single", "multi", "truefalse", "fill", "number", "order", "match"]
QUESTION_TYPES: tuple[QuestionType, ...] = get_args(QuestionType)
LETTERS = "ABCDEFGH"
"""Choice letters, A for the first choice as written."""


@dataclass(frozen=True, slots=True)
class Question:
    """One question, as written in its bank. Answers are kept by written
    position (`correct_choices` are indices into `choices`); `order` and
    `match` questions are right when put back as written."""

    bank_id: str
    id: str
    type: QuestionType
    prompt: str
    content_hash: str
    """Changes when what is asked or what counts as right changes."""
    explanation: str | None = None
    lesson: str | None = None
    tags: tuple[str, ...] = ()
    difficulty: int = 2
    points: Fraction = Fraction(1)
    choices: tuple[str, ...] = ()
    correct_choices: tuple[int, ...] = ()
    truth: bool | None = None
    accepted: tuple[str, ...] = ()
    number: Decimal | None = None
    tolerance: Decimal = Decimal(0)
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    shuffle: bool = True
    strict: bool = False
    group: str | None = None
    """Questions of one bank that share a group give each other away: a paper
    holds at most one of them (docs/content-format-extensions.md)."""
    path: Path = field(default=Path(), compare=False)
    index: int = field(default=0, compare=False)
    draft: bool = False
    """A draft (`status = "draft"`): kept in `Bank.drafts`, never drawn."""
    """The question's place among the bank's `[[questions]]` tables (its position
    in the file is found from it only when a problem must be reported)."""

    @property
    def full_id(self) -> str:
        """`bank/question`: how scores refer to the question."""
        return f"{self.bank_id}/{self.id}"


@dataclass(frozen=True, slots=True)
class Bank:
    """A question bank of a pack."""

    pack_id: str
    id: str
    title: str
    questions: tuple[Question, ...]
    path: Path = field(compare=False)
    description: str | None = None
    lesson: str | None = None
    tags: tuple[str, ...] = ()
    drafts: tuple[Question, ...] = ()
    """Draft questions waiting for an author's review; never drawn into a paper."""
