"""A quiz kept by the store while it is taken: each step is on disk before it is shown.

`RecordedQuiz` joins a `QuizSession` (the rules) to the `Store` (the rows).
Every action is applied to the session, then stored in one transaction; if
storing fails, the session is rebuilt without it, so what the screen shows
is never ahead of the database. The clock is passed in.

A member's answer also reviews their card for the question (spaced
repetition) in the same transaction: each practice answer as it is stored,
a test's final answers with its finish (`cards.py`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import TypeVar

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading
from studyapp.quiz.scoring import Credit, Response, grade
from studyapp.quiz.selection import Paper
from studyapp.quiz.session import Event, Mode, QuizResult, QuizSession, TimeUpError
from studyapp.review.schedule import Rating
from studyapp.store.models import Attempt, Learner, ReviewCard
from studyapp.store.review import rate_answer
from studyapp.store.store import Store

T = TypeVar("T")
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class RecordedQuiz:
    """One attempt being taken. Build it with `start` or `resume`."""

    def __init__(self, store: Store, attempt: Attempt, session: QuizSession, *,
                 clock: Clock = utc_now, changed: tuple[str, ...] = ()) -> None:
        self.store = store
        self.attempt = attempt
        self.session = session
        self.clock = clock
        self.changed = changed
        """Ids of questions whose content changed since the attempt started."""

    # --- making one ---------------------------------------------------------------------------

    @classmethod
    def start(cls, store: Store, paper: Paper, mode: Mode, learner: Learner, *,
              pack_id: str | None = None, time_limit: timedelta | None = None,
              partial_credit: bool = False, grading: Grading | None = None,
              session_id: str | None = None, retake_of: str | None = None,
              clock: Clock = utc_now, via: str | None = None) -> RecordedQuiz:
        """A new attempt, stored before its first question is shown."""
        started = clock()
        attempt = store.start_attempt(
            paper, mode, member_id=learner.member_id,
            guest_name=learner.name if learner.is_guest else None, session_id=session_id,
            pack_id=pack_id, time_limit=time_limit, partial_credit=partial_credit,
            grading=grading, started_at=started, retake_of=retake_of, via=via)
        session = QuizSession(paper, mode, started, time_limit, partial_credit,
                              grading or Grading())
        return cls(store, attempt, session, clock=clock)

    @classmethod
    def resume(cls, store: Store, attempt_id: str, catalog: Catalog, *,
               clock: Clock = utc_now) -> RecordedQuiz:
        """An unfinished attempt rebuilt from its stored events. The time the
        program was not running (a dead battery, a crash) is not counted."""
        session, changed = store.resume(attempt_id, catalog)
        quiz = cls(store, store.attempt(attempt_id), session, clock=clock,
                   changed=tuple(changed))
        quiz._after_interruption()
        return quiz

    def _after_interruption(self) -> None:
        session = self.session
        if session.finished:
            return
        now = self.clock()
        if not session.paused:
            last = session.events[-1].at if session.events else session.started_at
            if last < now:
                try:
                    self._do(lambda: session.pause(last))
                    self._do(lambda: self.session.resume(now))
                except TimeUpError:
                    return  # the limit had passed before the program stopped
        if self.session.mode is Mode.PRACTICE and \
                self.session.position in self.session.responses:
            self.skip()

    # --- what it is ---------------------------------------------------------------------------

    @property
    def id(self) -> str:
        return self.attempt.id

    @property
    def mode(self) -> Mode:
        return self.session.mode

    @property
    def finished(self) -> bool:
        return self.session.finished

    def time_left(self) -> timedelta | None:
        return self.session.time_left(self.clock())

    def result(self) -> QuizResult:
        return self.session.result()

    # --- what it does (each step stored before it returns) ----------------------------------

    def answer(self, position: int, response: Response) -> Credit:
        """Give (or, in a test, change) an answer: graded and stored. The
        credit is for feedback in practice; a test shows it only at the end."""
        at = self.clock()
        session = self.session
        previous = session.events[-1].at if session.events else session.started_at
        item = session.paper.items[position]
        self._do(lambda: session.answer(position, response, at),
                 duration=max(at - previous, timedelta(0)))
        return grade(item.question, response, partial_credit=session.partial_credit)

    def rate(self, position: int, rating: Rating) -> ReviewCard | None:
        """In practice, the member's own rating of the answer at `position` (the
        question just answered), in place of the automatic one: their card is
        computed again from before that answer, so rating again replaces
        again. Stored before it returns; None for a guest (no card). The
        answer itself already updated the card when it was stored."""
        if self.session.mode is not Mode.PRACTICE:
            raise ValueError("only a practice answer can be rated by the member")
        if position not in self.session.responses:
            raise ValueError(f"question {position} is not answered")
        return rate_answer(self.store, self.id, position, rating)

    def go_to(self, position: int) -> None:
        if position != self.session.position:
            at = self.clock()
            self._do(lambda: self.session.go_to(position, at))

    def skip(self) -> int | None:
        """To the next unanswered question (None when every one is answered)."""
        following = self.session.next_unanswered()
        if following is not None:
            self.go_to(following)
        return following

    def flag(self, position: int, *, flagged: bool = True) -> None:
        at = self.clock()
        self._do(lambda: self.session.flag(position, at, flagged=flagged))

    def pause(self) -> None:
        at = self.clock()
        self._do(lambda: self.session.pause(at))

    def resume_clock(self) -> None:
        if self.session.paused:
            at = self.clock()
            self._do(lambda: self.session.resume(at))

    def check_time(self) -> bool:
        """Finish (and store) the quiz if its time is up; True if it ended now."""
        at = self.clock()
        return self._do(lambda: self.session.check_time(at))

    def finish(self) -> QuizResult:
        """Hand in: the result is stored with the closing events."""
        at = self.clock()
        return self._do(lambda: self.session.finish(at))

    def leave(self) -> None:
        """Stop for now, to resume later: a timed quiz's clock is paused."""
        if not self.session.finished and not self.session.paused and \
                self.session.time_limit is not None:
            with contextlib.suppress(TimeUpError):  # it ended, and was stored as ended
                self.pause()

    def abandon(self) -> None:
        self.store.abandon_attempt(self.id)

    # --- inside ------------------------------------------------------------------------------

    def _do(self, action: Callable[[], T], *, duration: timedelta = timedelta(0)) -> T:
        """Run a session action and store the events it added, or undo it.

        A time limit that passed raises TimeUpError from the session after it
        recorded the finish: that finish is stored before the error goes on."""
        session = self.session
        before = len(session.events)
        try:
            outcome = action()
        except TimeUpError:
            self._store(session.events[before:], duration)
            raise
        except BaseException:
            self._rebuild(before)  # the session refused: nothing to store
            raise
        self._store(session.events[before:], duration)
        return outcome

    def _store(self, events: list[Event], duration: timedelta) -> None:
        if not events:
            return
        session = self.session
        try:
            if any(event.kind == "finish" for event in events):
                self.attempt = self.store.finish_attempt(self.id, events, session.result())
            elif len(events) == 1 and (event := events[0]).kind == "answer" and \
                    event.position is not None and event.response is not None:
                item = session.paper.items[event.position]
                credit = grade(item.question, event.response,
                               partial_credit=session.partial_credit)
                self.store.record_answer(self.id, event, item, credit, duration)
            else:
                with self.store.batch():
                    for event in events:
                        self.store.record_event(self.id, event)
        except BaseException:
            self._rebuild(len(session.events) - len(events))
            raise

    def _rebuild(self, keep: int) -> None:
        """The session as it was with only its first `keep` events."""
        session = self.session
        if len(session.events) == keep:
            return
        self.session = QuizSession.replay(
            session.paper, session.mode, session.started_at, session.events[:keep],
            time_limit=session.time_limit, partial_credit=session.partial_credit,
            grading=session.grading)
