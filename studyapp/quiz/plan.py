"""What a quiz will be, before it is drawn: mode, size, time, credit and the questions' filters."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading
from studyapp.quiz.selection import (
    Filters,
    Paper,
    derive_seed,
    draw_paper,
    drawable_count,
    select_questions,
)
from studyapp.quiz.session import Mode

DEFAULT_COUNT = 10
DEFAULT_TEST_MINUTES = 15


@dataclass(frozen=True)
class QuizPlan:
    """The settings a learner chose (or the defaults: Enter alone starts a
    10-question practice over every lesson)."""

    mode: Mode = Mode.PRACTICE
    count: int = DEFAULT_COUNT
    filters: Filters = field(default_factory=Filters)
    time_limit: timedelta | None = None
    partial_credit: bool = False

    @classmethod
    def default(cls, mode: Mode) -> QuizPlan:
        """Practice: untimed; a test: timed, 15 minutes."""
        if mode is Mode.TEST:
            return cls(mode, time_limit=timedelta(minutes=DEFAULT_TEST_MINUTES))
        return cls(mode)

    def available(self, catalog: Catalog) -> int:
        """How many questions the filters leave for one paper (a group of
        questions that give each other away counts once)."""
        return drawable_count(select_questions(catalog, self.filters))

    def draw(self, catalog: Catalog, seed: int) -> Paper:
        """The paper (NotEnoughQuestionsError names how many there are)."""
        return draw_paper(select_questions(catalog, self.filters), self.count, seed)


def paper_pack(catalog: Catalog, paper: Paper) -> str | None:
    """The pack of every question of the paper, when they share one."""
    packs = {catalog.pack_of(item.question) for item in paper.items}
    return packs.pop() if len(packs) == 1 else None


def paper_grading(catalog: Catalog, paper: Paper) -> Grading:
    """The grading of the paper's pack (the default grading for a mix)."""
    pack_id = paper_pack(catalog, paper)
    return catalog.pack(pack_id).grading if pack_id else Grading()


# --- cell sessions ------------------------------------------------------------------------


@dataclass(frozen=True)
class SessionSettings:
    """How a cell session's test is drawn and taken (kept as JSON in the store)."""

    count: int = DEFAULT_COUNT
    time_limit: timedelta | None = timedelta(minutes=DEFAULT_TEST_MINUTES)
    variants: bool = False
    """One paper for everyone (False), or each member's own draw (True)."""
    partial_credit: bool = False

    def to_data(self) -> dict[str, object]:
        return {"count": self.count, "variants": self.variants,
                "time_limit_s": int(self.time_limit.total_seconds()) if self.time_limit else None,
                "partial_credit": self.partial_credit}

    @classmethod
    def from_data(cls, data: dict[str, object]) -> SessionSettings:
        limit = data.get("time_limit_s")
        count = data.get("count", DEFAULT_COUNT)
        return cls(int(count) if isinstance(count, int) else DEFAULT_COUNT,
                   timedelta(seconds=limit) if isinstance(limit, int | float) and limit else None,
                   bool(data.get("variants")), bool(data.get("partial_credit")))


def session_paper(catalog: Catalog, lessons: Sequence[str], settings: SessionSettings,
                  seed: int, member_id: str, *, retake: int = 0) -> Paper:
    """A member's paper in a session: drawn from the lessons covered (all
    lessons when none are named), the same for everyone unless variants are
    on. A retake (the first is 1) is a paper of its own."""
    if retake:
        member_seed = derive_seed(seed, f"{member_id}#{retake}")
    elif settings.variants:
        member_seed = derive_seed(seed, member_id)
    else:
        member_seed = seed
    filters = Filters(lessons=frozenset(lessons))
    return draw_paper(select_questions(catalog, filters), settings.count, member_seed)
