"""What a quiz will be, before it is drawn: mode, size, time, credit and the questions' filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading
from studyapp.quiz.selection import Filters, Paper, draw_paper, select_questions
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
        """How many questions the filters leave."""
        return len(select_questions(catalog, self.filters))

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
