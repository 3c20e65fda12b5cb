"""What the store gives and takes: plain frozen objects, no SQL."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from studyapp.i18n import tr

if TYPE_CHECKING:  # fsrs is loaded only by what schedules (not by the first frame)
    from studyapp.review.schedule import Rating


class AttendanceStatus(enum.StrEnum):
    PRESENT = "present"
    EXCUSED = "excused"
    ABSENT = "absent"
    NOT_TESTED = "not_tested"
    """Present but never took the test; set when the session is closed."""


class AttemptStatus(enum.StrEnum):
    IN_PROGRESS = "in_progress"
    FINISHED = "finished"
    ABANDONED = "abandoned"


@dataclass(frozen=True)
class Cell:
    id: str
    name: str
    created_at: datetime
    has_pin: bool = False


MAX_NOTE_LENGTH = 40
"""The distinguishing note of a member (năm sinh, tổ, "con"/"bố"): short, one line."""


@dataclass(frozen=True)
class Member:
    id: str
    cell_id: str
    full_name: str
    active: bool
    created_at: datetime
    note: str = ""               # tells same-named members apart; "" when there is none
    language: str | None = None  # the learner's interface language; None: the laptop's


def member_label(member: Member, others: Iterable[Member] = ()) -> str:
    """The member's name as every screen and export shows it: with the
    distinguishing note in parentheses when there is one ("Nguyễn Văn An (sinh
    1960)"). A member without a note who shares the name with someone else in
    `others` (a twin added before notes existed) gets a short code instead, so
    that the two lines still differ."""
    if member.note:
        return tr("member.label", name=member.full_name, note=member.note)
    name = member.full_name.casefold()
    if any(other.id != member.id and other.full_name.casefold() == name
           and other.cell_id == member.cell_id for other in others):
        return tr("attendance.twin", name=member.full_name, code=member.id[:6].upper())
    return member.full_name


@dataclass(frozen=True)
class StudySession:
    """A cell meeting: what was studied and how its test is drawn."""

    id: str
    cell_id: str
    held_on: date
    topic: str
    pack_id: str
    lessons: tuple[str, ...]
    settings: dict[str, Any]
    seed: int
    run_by: str | None
    closed: bool
    opened_at: datetime
    closed_at: datetime | None = None


@dataclass(frozen=True)
class Attendance:
    id: str
    session_id: str
    member_id: str
    status: AttendanceStatus
    note: str = ""


@dataclass(frozen=True)
class Attempt:
    """One quiz taken by a member (or a guest), within a session or alone.

    `paper` is the paper as asked (question ids and hashes, the orders
    shown); `settings` holds the time limit, partial credit and grading."""

    id: str
    mode: str
    paper: dict[str, Any]
    settings: dict[str, Any]
    status: AttemptStatus
    started_at: datetime
    member_id: str | None = None
    guest_name: str | None = None
    session_id: str | None = None
    pack_id: str | None = None
    finished_at: datetime | None = None
    time_spent: timedelta | None = None
    time_paused: timedelta | None = None
    score: Fraction | None = None
    band: str | None = None
    passed: bool | None = None
    answered: int | None = None
    correct: int | None = None
    retake_of: str | None = None


@dataclass(frozen=True)
class AnswerRecord:
    """The current answer to one question of an attempt."""

    id: str
    attempt_id: str
    position: int
    question_id: str
    question_hash: str
    response: dict[str, Any]
    credit: Fraction
    points: Fraction
    answered_at: datetime
    duration: timedelta
    without_diacritics: bool = False
    understood_as: str | None = None


@dataclass(frozen=True)
class LessonRead:
    member_id: str
    pack_id: str
    lesson_id: str
    first_read_at: datetime
    last_read_at: datetime
    times: int = field(default=1)


@dataclass(frozen=True)
class Learner:
    """Who is studying now: a member of a cell, or a guest known by a name only."""

    name: str
    member_id: str | None = None
    cell_id: str | None = None
    cell_name: str | None = None

    @property
    def is_guest(self) -> bool:
        return self.member_id is None


# --- review (spaced repetition) and progress ---------------------------------------------------


@dataclass(frozen=True)
class ReviewCard:
    """A member's spaced-repetition card for one question."""

    member_id: str
    question_id: str
    due: datetime
    last_review: datetime
    last_rating: Rating
    reviews: int
    """Answers counted as reviews (a self-rating replaces one, adds none)."""
    lapses: int
    """Reviews rated Again after the first."""


@dataclass(frozen=True)
class DueCard:
    """A question due for review today."""

    question_id: str
    due: datetime
    overdue_days: int
    """Whole local days since the day it fell due (0: due today)."""


@dataclass(frozen=True)
class LessonProgress:
    """How well a member knows one lesson's questions."""

    lesson_id: str
    pack_id: str
    title: str
    source: str
    questions: int
    """Questions of the lesson in the catalog."""
    answered: int
    """Of them, answered at least once by the member (any mode, any attempt)."""
    right: int
    """Of them, fully right in the member's latest answer."""
    mastery: Fraction
    """right / questions."""
    due: int
    """Of them, due for review today."""
    read: bool
    """Whether the member has opened the lesson."""

    @property
    def practised(self) -> bool:
        """Whether the member answered any of its questions: a mastery of 0
        means all wrong only then; otherwise the lesson was never practised."""
        return self.answered > 0


@dataclass(frozen=True)
class ReadingProgress:
    """Lessons of the catalog a member has opened, out of all."""

    read: int
    total: int
