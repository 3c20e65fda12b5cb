"""A phone round of an open session: members take their own paper on their own phones.

Free of any web library: `studyapp/web/` turns HTTP requests into these calls,
and a screen or the command line starts, watches and ends the round through
them. The round's state (its 6-digit code, its CSRF token, which device
claimed which member) is kept as JSON in the `meta` table under
`phone_round:<session id>`, written in one transaction at each change, so a
killed program that opens the round again resumes it: the same code, the same
devices, and each member's attempt rebuilt from its stored events. Device
tokens are kept only as SHA-256 digests.

Answers go through `RecordedQuiz`, the same calls and durability as the
keyboard: an answer is committed when `answer` returns. The attempt records
`via: phone`. What a phone may do is checked here, not in the web layer:
the device must hold the member's claim, the question must be the one at that
place of the member's own paper, the time limit and the round must not be
over; anything else is refused with a `PhoneRoundError` and changes nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from studyapp.content.catalog import Catalog
from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.quiz.plan import SessionSettings
from studyapp.quiz.scoring import Response
from studyapp.quiz.selection import Paper, PaperItem
from studyapp.quiz.session import Mode, QuizError, QuizResult, TimeUpError
from studyapp.store.live import RecordedQuiz, utc_now
from studyapp.store.models import AttemptStatus
from studyapp.store.papers import MemberPaper, session_papers
from studyapp.store.report import session_grading
from studyapp.store.store import Store

VIA_PHONE = "phone"
META_PREFIX = "phone_round:"
CODE_DIGITS = 6
WRONG_CODES = 5
"""Wrong round codes a device (or an address) may send in `THROTTLE_SECONDS`."""
THROTTLE_SECONDS = 60.0
DISCONNECTED_SECONDS = 90.0
"""A claimed phone not heard from for this long shows as disconnected."""

Clock = Callable[[], datetime]
Stage = Literal["joined", "answering", "finished", "disconnected"]


class PhoneRoundError(StudyappError):
    """Something a phone asked for that the round refuses; the message says why."""


class RoundEndedError(PhoneRoundError):
    """The round is over: nothing more is taken from any phone."""


class ThrottledError(PhoneRoundError):
    """Too many wrong round codes from one device or address: wait."""

    def __init__(self, message: str, seconds: int) -> None:
        super().__init__(message)
        self.seconds = seconds


def digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass
class RoundState:
    """What is persisted of a round."""

    session_id: str
    code: str
    csrf: str
    started_at: str
    ended_at: str | None = None
    devices: dict[str, str | None] = field(default_factory=dict)
    """Device token digest → the member id it claimed (None: code given, no name yet)."""

    def to_json(self) -> str:
        return json.dumps({"session_id": self.session_id, "code": self.code, "csrf": self.csrf,
                           "started_at": self.started_at, "ended_at": self.ended_at,
                           "devices": self.devices})

    @classmethod
    def from_json(cls, text: str) -> RoundState:
        data: dict[str, Any] = json.loads(text)
        return cls(str(data["session_id"]), str(data["code"]), str(data["csrf"]),
                   str(data["started_at"]), data.get("ended_at"),
                   {str(k): (None if v is None else str(v))
                    for k, v in dict(data.get("devices", {})).items()})


@dataclass(frozen=True)
class Progress:
    """One member's place in the round, as the laptop shows it: never a score."""

    member_id: str
    label: str
    stage: Stage
    position: int
    """The question shown now (0-based)."""
    answered: int
    size: int


@dataclass(frozen=True)
class PhoneView:
    """What a phone with a claim is shown now."""

    paper: MemberPaper
    attempt_id: str
    position: int
    item: PaperItem
    size: int
    answered: frozenset[int]
    response: Response | None
    seconds_left: int | None
    result: QuizResult | None
    """Set once the member's test is finished (their own result, shown to them only)."""


class PhoneRound:
    """One round of one session. Thread-safe: every call holds the round's lock."""

    def __init__(self, store: Store, catalog: Catalog, state: RoundState, *,
                 clock: Clock = utc_now) -> None:
        self.store = store
        self.catalog = catalog
        self.state = state
        self.clock = clock
        self._lock = threading.RLock()
        self._quizzes: dict[str, RecordedQuiz] = {}
        self._wrong: dict[str, list[float]] = {}
        self._seen: dict[str, float] = {}
        self._drawn: dict[str, Paper] = {}
        """Each member's paper, drawn once (every page asks for it)."""
        self._monotonic: Callable[[], float] = time.monotonic

    # --- starting, resuming, ending ------------------------------------------------------

    @classmethod
    def open(cls, store: Store, catalog: Catalog, session_id: str, *,
             clock: Clock = utc_now) -> PhoneRound:
        """The session's running round (after a restart: the same code and devices),
        or a new one. A closed session refuses."""
        session = store.session(session_id)
        if session.closed:
            raise PhoneRoundError(tr("store.session_closed"))
        kept = store.meta_value(META_PREFIX + session_id)
        state = None
        if kept is not None:
            try:
                state = RoundState.from_json(kept)
            except (ValueError, KeyError, TypeError, AttributeError):
                state = None  # unreadable: a new round, nothing else is lost
        if state is None or state.ended_at is not None:
            state = RoundState(session_id, f"{secrets.randbelow(10 ** CODE_DIGITS):06d}",
                               secrets.token_urlsafe(24), clock().isoformat())
            store.set_meta_value(META_PREFIX + session_id, state.to_json())
        return cls(store, catalog, state, clock=clock)

    @property
    def session_id(self) -> str:
        return self.state.session_id

    @property
    def code(self) -> str:
        return self.state.code

    @property
    def csrf(self) -> str:
        return self.state.csrf

    @property
    def ended(self) -> bool:
        return self.state.ended_at is not None

    def _save(self) -> None:
        self.store.set_meta_value(META_PREFIX + self.session_id, self.state.to_json())

    def end(self, pin: str | None = None) -> None:
        """End the round (the cell's PIN when it has one): unfinished phone tests
        are left as they are, to be resumed at the laptop or in another round."""
        with self._lock:
            if self.ended:
                return
            self.store.check_pin(self.store.session(self.session_id).cell_id, pin)
            for quiz in self._quizzes.values():
                quiz.leave()
            self.state.ended_at = self.clock().isoformat()
            self._save()

    def release(self, member_id: str, pin: str | None = None) -> None:
        """Free a member's claim (they change phone): the cell's PIN when it has one."""
        with self._lock:
            self.store.check_pin(self.store.session(self.session_id).cell_id, pin)
            for device, claimed in list(self.state.devices.items()):
                if claimed == member_id:
                    del self.state.devices[device]
                    self._seen.pop(device, None)
            self._quizzes.pop(member_id, None)
            self._save()

    # --- the round code ------------------------------------------------------------------

    def _open_or_raise(self) -> None:
        if self.ended:
            raise RoundEndedError(tr("phone.round_ended"))

    def admitted(self, token: str | None) -> bool:
        return bool(token) and digest(token or "") in self.state.devices

    def enter_code(self, token: str, code: str, *, address: str = "") -> None:
        """Admit the device when `code` is the round's; wrong codes are counted
        per device and per address, WRONG_CODES a minute at most."""
        with self._lock:
            self._open_or_raise()
            now = self._monotonic()
            keys = [f"d:{digest(token)}"] + ([f"a:{address}"] if address else [])
            for key in keys:
                recent = [t for t in self._wrong.get(key, []) if now - t < THROTTLE_SECONDS]
                self._wrong[key] = recent
                if len(recent) >= WRONG_CODES:
                    wait = int(THROTTLE_SECONDS - (now - recent[0])) + 1
                    raise ThrottledError(tr("phone.throttled", seconds=wait), wait)
            if not hmac.compare_digest(code.strip().encode("utf-8", "replace"),
                                       self.code.encode("ascii")):
                for key in keys:
                    self._wrong[key].append(now)
                raise PhoneRoundError(tr("phone.wrong_code"))
            self.state.devices.setdefault(digest(token), None)
            self._save()

    # --- members -------------------------------------------------------------------------

    def _papers(self) -> list[MemberPaper]:
        return session_papers(self.store, self.catalog, self.session_id, drawn=self._drawn)

    def _taken_otherwise(self, member_id: str) -> bool:
        """Finished already, or begun at the laptop or on paper."""
        for attempt in self.store.attempts(member_id=member_id, session_id=self.session_id):
            if attempt.status is AttemptStatus.FINISHED:
                return True
            if attempt.status is AttemptStatus.IN_PROGRESS and \
                    attempt.settings.get("via") != VIA_PHONE:
                return True
        return False

    def choosable(self) -> list[MemberPaper]:
        """Members present, not yet tested and not claimed by a device."""
        with self._lock:
            claimed = {m for m in self.state.devices.values() if m is not None}
            return [p for p in self._papers() if p.member.id not in claimed
                    and not self._taken_otherwise(p.member.id)]

    def claimed_by(self, token: str | None) -> str | None:
        if not token:
            return None
        return self.state.devices.get(digest(token))

    def claim(self, token: str, member_id: str) -> None:
        """The device takes the member's name: one device per member."""
        with self._lock:
            self._open_or_raise()
            device = digest(token)
            if device not in self.state.devices:
                raise PhoneRoundError(tr("phone.code_first"))
            current = self.state.devices[device]
            if current == member_id:
                return
            if current is not None:
                raise PhoneRoundError(tr("phone.device_has_claim"))
            if member_id in self.state.devices.values():
                raise PhoneRoundError(tr("phone.name_taken"))
            paper = next((p for p in self._papers() if p.member.id == member_id), None)
            if paper is None:
                raise PhoneRoundError(tr("phone.not_choosable"))
            if self._taken_otherwise(member_id):
                raise PhoneRoundError(tr("phone.already_tested", name=paper.label))
            self.state.devices[device] = member_id
            self._save()
            self._seen[device] = self._monotonic()

    # --- the test ------------------------------------------------------------------------

    def _quiz(self, member_id: str) -> RecordedQuiz:
        quiz = self._quizzes.get(member_id)
        if quiz is not None:
            return quiz
        for attempt in self.store.attempts(member_id=member_id, session_id=self.session_id):
            if attempt.settings.get("via") == VIA_PHONE and attempt.status in (
                    AttemptStatus.IN_PROGRESS, AttemptStatus.FINISHED):
                quiz = RecordedQuiz.resume(self.store, attempt.id, self.catalog,
                                           clock=self.clock)
                break
        else:
            session = self.store.session(self.session_id)
            settings = SessionSettings.from_data(session.settings)
            paper = self._paper(member_id).paper
            quiz = RecordedQuiz.start(
                self.store, paper, Mode.TEST, self.store.learner(self.store.member(member_id)),
                pack_id=session.pack_id, time_limit=settings.time_limit,
                partial_credit=settings.partial_credit,
                grading=session_grading(self.catalog, session), session_id=session.id,
                clock=self.clock, via=VIA_PHONE)
        self._quizzes[member_id] = quiz
        return quiz

    def _paper(self, member_id: str) -> MemberPaper:
        paper = next((p for p in self._papers() if p.member.id == member_id), None)
        if paper is None:
            raise PhoneRoundError(tr("phone.not_choosable"))
        return paper

    def _member_of(self, token: str | None) -> str:
        member_id = self.claimed_by(token)
        if member_id is None:
            raise PhoneRoundError(tr("phone.no_claim"))
        self._seen[digest(token or "")] = self._monotonic()
        return member_id

    def view(self, token: str | None, position: int | None = None) -> PhoneView:
        """The member's question at `position` (or where they are), or their result."""
        with self._lock:
            member_id = self._member_of(token)
            quiz = self._quiz(member_id)
            if not quiz.finished:
                self._open_or_raise()
                with contextlib.suppress(TimeUpError):  # stored as finished, shown so
                    quiz.check_time()
            session = quiz.session
            if not session.finished and position is not None and \
                    0 <= position < session.size and position != session.position:
                quiz.go_to(position)
            left = quiz.time_left()
            return PhoneView(self._paper(member_id), quiz.id, session.position,
                             session.paper.items[session.position], session.size,
                             frozenset(session.responses), session.responses.get(
                                 session.position),
                             None if left is None else max(0, int(left.total_seconds())),
                             quiz.result() if session.finished else None)

    def answer(self, token: str | None, member_id: str, position: int, question_id: str,
               response: Response) -> None:
        """Store the member's answer: committed when this returns. Refused (nothing
        changes) for another member, a question not at that place of their paper,
        after the time limit, after the member handed in, after the round ended."""
        with self._lock:
            self._open_or_raise()
            own = self._member_of(token)
            if own != member_id:
                raise PhoneRoundError(tr("phone.other_member"))
            quiz = self._quiz(own)
            items = quiz.session.paper.items
            if not 0 <= position < len(items) or items[position].question.full_id != question_id:
                raise PhoneRoundError(tr("phone.not_on_paper"))
            if quiz.finished:
                raise PhoneRoundError(tr("phone.already_finished"))
            try:
                quiz.answer(position, response)
            except TimeUpError as error:
                raise PhoneRoundError(tr("phone.time_up")) from error
            except QuizError as error:
                raise PhoneRoundError(str(error)) from error

    def finish(self, token: str | None) -> QuizResult:
        """Hand in the member's test: their result, stored with it."""
        with self._lock:
            self._open_or_raise()
            quiz = self._quiz(self._member_of(token))
            if quiz.finished:
                return quiz.result()
            try:
                return quiz.finish()
            except TimeUpError:
                return quiz.result()

    # --- what the laptop shows -----------------------------------------------------------

    def progress(self) -> list[Progress]:
        """Each member who claimed a name in this round: joined, question k of n,
        finished, or disconnected. Never a score."""
        with self._lock:
            now = self._monotonic()
            rows = []
            papers = {p.member.id: p for p in self._papers()}
            for device, member_id in self.state.devices.items():
                if member_id is None or member_id not in papers:
                    continue
                quiz = self._quiz(member_id)
                session = quiz.session
                stage: Stage
                if session.finished:
                    stage = "finished"
                elif now - self._seen.get(device, float("-inf")) > DISCONNECTED_SECONDS:
                    stage = "disconnected"
                elif not session.responses:
                    stage = "joined"
                else:
                    stage = "answering"
                rows.append(Progress(member_id, papers[member_id].label, stage,
                                     session.position, len(session.responses), session.size))
            return rows

