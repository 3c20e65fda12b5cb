"""The quiz session: a state machine over a paper, driven by the UI and kept by the store.

Every change is an event with the time it happened; the session is rebuilt
exactly by replaying its events, so a program killed mid-quiz resumes where
it stopped. There is no clock inside: the caller passes the time in.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from studyapp.content.model import Grading
from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.quiz.scoring import (
    ChoiceResponse,
    Credit,
    MatchResponse,
    OrderResponse,
    Response,
    Score,
    TextResponse,
    TruthResponse,
    grade,
    response_from_data,
    response_to_data,
    score,
)
from studyapp.quiz.selection import Paper, PaperItem


class Mode(enum.StrEnum):
    PRACTICE = "practice"
    """Feedback after each answer; an answer, once given, stays."""
    TEST = "test"
    """No feedback until the end; answers can be changed until then."""


class QuizError(StudyappError):
    """Something the quiz cannot do now (its message says what and why)."""


class TimeUpError(QuizError):
    """The time limit has passed: the quiz is finished."""


EventKind = Literal["answer", "move", "flag", "unflag", "pause", "resume", "finish"]


@dataclass(frozen=True)
class Event:
    kind: EventKind
    at: datetime
    position: int | None = None
    response: Response | None = None

    def to_data(self) -> dict[str, Any]:
        return {"kind": self.kind, "at": self.at.isoformat(), "position": self.position,
                "response": None if self.response is None else response_to_data(self.response)}

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Event:
        response = data.get("response")
        return cls(data["kind"], datetime.fromisoformat(data["at"]), data.get("position"),
                   None if response is None else response_from_data(response))


@dataclass(frozen=True)
class QuizState:
    """Everything the session knows, as one comparable value."""

    position: int
    responses: tuple[tuple[int, Response], ...]
    flagged: frozenset[int]
    paused_since: datetime | None
    paused_for: timedelta
    finished_at: datetime | None
    expired: bool


@dataclass(frozen=True)
class QuizResult:
    credits: tuple[Credit, ...]
    score: Score
    answered: int
    correct: int
    time_spent: timedelta
    time_paused: timedelta
    expired: bool


@dataclass
class QuizSession:
    """A quiz over `paper`, started at `started_at`."""

    paper: Paper
    mode: Mode
    started_at: datetime
    time_limit: timedelta | None = None
    partial_credit: bool = False
    grading: Grading = field(default_factory=Grading)
    events: list[Event] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.position = 0
        self.responses: dict[int, Response] = {}
        self.flagged: set[int] = set()
        self.paused_since: datetime | None = None
        self.paused_for = timedelta(0)
        self.finished_at: datetime | None = None
        self.expired = False
        replay, self.events = self.events, []
        for event in replay:
            self._apply(event)

    @classmethod
    def replay(cls, paper: Paper, mode: Mode, started_at: datetime, events: list[Event], *,
               time_limit: timedelta | None = None, partial_credit: bool = False,
               grading: Grading | None = None) -> QuizSession:
        """The session as it was after `events` (a killed program resumes)."""
        return cls(paper, mode, started_at, time_limit, partial_credit, grading or Grading(),
                   list(events))

    # --- what it knows ------------------------------------------------------------------

    def state(self) -> QuizState:
        return QuizState(self.position, tuple(sorted(self.responses.items())),
                         frozenset(self.flagged), self.paused_since, self.paused_for,
                         self.finished_at, self.expired)

    @property
    def size(self) -> int:
        return len(self.paper.items)

    @property
    def item(self) -> PaperItem:
        return self.paper.items[self.position]

    @property
    def finished(self) -> bool:
        return self.finished_at is not None

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    def unanswered(self) -> list[int]:
        return [p for p in range(self.size) if p not in self.responses]

    def credit(self, position: int) -> Credit | None:
        """The credit of an answered question (feedback in practice mode)."""
        response = self.responses.get(position)
        if response is None:
            return None
        return grade(self.paper.items[position].question, response,
                     partial_credit=self.partial_credit)

    def elapsed(self, at: datetime) -> timedelta:
        """Time spent answering up to `at`: pauses and time after the end excluded."""
        end = min(at, self.finished_at) if self.finished_at else at
        paused = self.paused_for
        if self.paused_since is not None:
            paused += max(end - self.paused_since, timedelta(0))
        return max(end - self.started_at - paused, timedelta(0))

    def time_left(self, at: datetime) -> timedelta | None:
        if self.time_limit is None:
            return None
        return max(self.time_limit - self.elapsed(at), timedelta(0))

    def next_unanswered(self) -> int | None:
        """The first unanswered question after the current one, wrapping round."""
        for step in range(1, self.size + 1):
            candidate = (self.position + step) % self.size
            if candidate not in self.responses:
                return candidate
        return None

    # --- what it does -------------------------------------------------------------------

    def check_time(self, at: datetime) -> bool:
        """Finish the quiz if its time limit passed before `at`; True if it did now."""
        if self.finished or self.time_limit is None or self.paused:
            return False
        over = self.elapsed(at) - self.time_limit
        if over < timedelta(0):
            return False
        # It ended when the limit was reached, not when someone noticed.
        self._record(Event("finish", at - over, position=-1))
        return True

    def answer(self, position: int, response: Response, at: datetime) -> Credit | None:
        """Give (or, in a test, change) the answer to a question. Practice
        mode returns its credit at once, as feedback."""
        self._ready(at)
        self._check_position(position)
        if self.mode is Mode.PRACTICE and position in self.responses:
            raise QuizError(tr("quiz.already_answered"))
        self._check_response(self.paper.items[position], response)
        self._record(Event("answer", at, position, response))
        return self.credit(position) if self.mode is Mode.PRACTICE else None

    def go_to(self, position: int, at: datetime) -> None:
        self._ready(at)
        self._check_position(position)
        self._record(Event("move", at, position))

    def skip(self, at: datetime) -> int | None:
        """Move to the next unanswered question; None if all are answered."""
        following = self.next_unanswered()
        if following is not None:
            self.go_to(following, at)
        return following

    def flag(self, position: int, at: datetime, *, flagged: bool = True) -> None:
        """Mark a question to come back to (or clear the mark)."""
        self._ready(at)
        self._check_position(position)
        self._record(Event("flag" if flagged else "unflag", at, position))

    def pause(self, at: datetime) -> None:
        if self.finished:
            raise QuizError(tr("quiz.finished"))
        if self.paused:
            raise QuizError(tr("quiz.already_paused"))
        if self.check_time(at):
            raise TimeUpError(tr("quiz.time_up"))
        self._record(Event("pause", at))

    def resume(self, at: datetime) -> None:
        if not self.paused:
            raise QuizError(tr("quiz.not_paused"))
        self._record(Event("resume", at))

    def finish(self, at: datetime) -> QuizResult:
        """End the quiz (a second call changes nothing) and give its result."""
        if not self.finished and not self.check_time(at):
            if self.paused:
                self._record(Event("resume", at))
            self._record(Event("finish", at))
        return self.result()

    def result(self) -> QuizResult:
        """The result so far (final once finished)."""
        questions = [item.question for item in self.paper.items]
        credits = tuple(self.credit(p) or grade(q, None) for p, q in enumerate(questions))
        end = self.finished_at or self.started_at
        return QuizResult(
            credits=credits,
            score=score(questions, credits, self.grading),
            answered=len(self.responses),
            correct=sum(1 for c in credits if c.correct),
            time_spent=self.elapsed(end),
            time_paused=self.paused_for,
            expired=self.expired,
        )

    # --- inside -------------------------------------------------------------------------

    def _ready(self, at: datetime) -> None:
        if self.finished:
            raise QuizError(tr("quiz.finished"))
        if self.check_time(at):
            raise TimeUpError(tr("quiz.time_up"))
        if self.paused:
            raise QuizError(tr("quiz.paused"))

    def _check_position(self, position: int) -> None:
        if not 0 <= position < self.size:
            raise QuizError(tr("quiz.no_such_question", position=position + 1, size=self.size))

    def _check_response(self, item: PaperItem, response: Response) -> None:
        """A response must fit its question (the UI builds them; a stored one
        may come from an older paper)."""
        question = item.question
        kind = question.type
        ok = False
        if isinstance(response, ChoiceResponse) and kind in ("single", "multi"):
            ok = all(0 <= i < len(question.choices) for i in response.chosen) and (
                len(response.chosen) == 1 if kind == "single" else bool(response.chosen))
        elif isinstance(response, TruthResponse):
            ok = kind == "truefalse"
        elif isinstance(response, TextResponse):
            ok = kind in ("fill", "number")
        elif isinstance(response, OrderResponse):
            ok = kind == "order" and sorted(response.order) == list(range(len(question.items)))
        elif isinstance(response, MatchResponse):
            size = len(question.pairs)
            chosen = [r for r in response.rights if r is not None]
            ok = kind == "match" and len(response.rights) == size and \
                len(set(chosen)) == len(chosen) and all(0 <= r < size for r in chosen)
        if not ok:
            raise QuizError(tr("quiz.bad_response", id=question.full_id))

    def _record(self, event: Event) -> None:
        self._apply(event)

    def _apply(self, event: Event) -> None:
        kind = event.kind
        if kind == "answer" and event.position is not None and event.response is not None:
            self.responses[event.position] = event.response
            self.position = event.position
        elif kind == "move" and event.position is not None:
            self.position = event.position
        elif kind == "flag" and event.position is not None:
            self.flagged.add(event.position)
        elif kind == "unflag" and event.position is not None:
            self.flagged.discard(event.position)
        elif kind == "pause":
            self.paused_since = event.at
        elif kind == "resume" and self.paused_since is not None:
            self.paused_for += max(event.at - self.paused_since, timedelta(0))
            self.paused_since = None
        elif kind == "finish":
            self.finished_at = event.at
            self.expired = event.position == -1
        self.events.append(event)
