"""A cell session as the secretary sees it: who came, who took the test, and the figures.

Reads the store and the catalog; the arithmetic is `quiz.analysis`. A member's
counted test is their finished one in the session, or the retake the
secretary allowed in its place.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from studyapp.content.catalog import Catalog
from studyapp.content.model import Grading
from studyapp.quiz.analysis import Outcome, SessionFigures, Taken, figures
from studyapp.store.models import (
    Attempt,
    AttemptStatus,
    AttendanceStatus,
    Cell,
    Member,
    StudySession,
)
from studyapp.store.store import Store, grading_from_data


@dataclass(frozen=True)
class MemberRow:
    """One member of the session's cell."""

    member: Member
    attendance: AttendanceStatus | None
    """None: not marked yet."""
    note: str
    counted: Attempt | None
    """The finished test that counts (a retake replaces the test it retakes)."""
    in_progress: Attempt | None
    """A test begun and not finished (a turn cut short): it resumes."""
    finished: int
    """How many tests the member finished in this session (2 or more: retakes)."""

    @property
    def present(self) -> bool:
        # Present and not tested (closing records them so) were there all the same.
        return self.attendance in (AttendanceStatus.PRESENT, AttendanceStatus.NOT_TESTED)


@dataclass(frozen=True)
class SessionReport:
    session: StudySession
    cell: Cell
    rows: tuple[MemberRow, ...]
    """The cell's roster in roster order (with anyone marked who has since left it)."""
    grading: Grading
    figures: SessionFigures

    def row(self, member_id: str) -> MemberRow:
        return next(row for row in self.rows if row.member.id == member_id)

    def count(self, status: AttendanceStatus) -> int:
        return sum(1 for row in self.rows if row.attendance is status)


def session_grading(catalog: Catalog, session: StudySession) -> Grading:
    """The grading of the session's pack (the default one if it is gone)."""
    return next((pack.grading for pack in catalog.packs if pack.id == session.pack_id),
                Grading())


def session_report(store: Store, catalog: Catalog, session_id: str) -> SessionReport:
    session = store.session(session_id)
    cell = store.cell(session.cell_id)
    marks = {a.member_id: a for a in store.attendance(session_id)}
    members = store.members(cell.id)
    listed = {member.id for member in members}
    # Someone marked at this session and removed from the roster since still belongs to it.
    members += [store.member(member_id) for member_id in marks if member_id not in listed]
    attempts = store.attempts(session_id=session_id)
    rows = []
    takers = []
    grading = session_grading(catalog, session)
    counted_by_member = counted_attempts(attempts)
    for member in members:
        own = [a for a in attempts if a.member_id == member.id]
        finished = [a for a in own if a.status is AttemptStatus.FINISHED]
        counted = counted_by_member.get(member.id)
        in_progress = next((a for a in own if a.status is AttemptStatus.IN_PROGRESS), None)
        mark = marks.get(member.id)
        rows.append(MemberRow(member, mark.status if mark else None, mark.note if mark else "",
                              counted, in_progress, len(finished)))
        if counted is not None:
            takers.append(_taken(store, member.id, counted))
            if "grading" in counted.settings:
                grading = grading_from_data(counted.settings["grading"])
    return SessionReport(session, cell, tuple(rows), grading, figures(takers, grading))


def counted_attempts(attempts: list[Attempt]) -> dict[str, Attempt]:
    """Each member's counted test: the finished one no finished retake
    replaced (clocks may agree to the second; the retake link does not)."""
    finished = [a for a in attempts if a.status is AttemptStatus.FINISHED and a.member_id]
    replaced = {a.retake_of for a in finished if a.retake_of}
    counted: dict[str, Attempt] = {}
    for attempt in sorted(finished, key=lambda a: (a.finished_at or a.started_at)):
        if attempt.id not in replaced and attempt.member_id is not None:
            counted[attempt.member_id] = attempt
    return counted


def _taken(store: Store, member_id: str, attempt: Attempt) -> Taken:
    answered = {answer.question_id: answer for answer in store.answers(attempt.id)}
    outcomes = {}
    for item in attempt.paper["items"]:
        question_id = item["id"]
        answer = answered.get(question_id)
        outcomes[question_id] = Outcome(answer.credit, answer.response) if answer else \
            Outcome(Fraction(0))
    return Taken(member_id, attempt.score or Fraction(0), outcomes)


@dataclass(frozen=True)
class SessionOverview:
    """A line of the sessions list: no item analysis, only what is quick to count."""

    session: StudySession
    present: int
    marked: int
    tested: int
    average: Fraction | None


def session_overviews(store: Store, cell_id: str) -> list[SessionOverview]:
    """The cell's sessions, most recent first."""
    overviews = []
    for session in store.sessions(cell_id):
        marks = store.attendance(session.id)
        counted = counted_attempts(store.attempts(session_id=session.id,
                                                  status=AttemptStatus.FINISHED))
        scores = [a.score for a in counted.values() if a.score is not None]
        overviews.append(SessionOverview(
            session, sum(1 for m in marks if m.status in (AttendanceStatus.PRESENT,
                                                          AttendanceStatus.NOT_TESTED)),
            len(marks),
            len(scores), sum(scores, Fraction(0)) / len(scores) if scores else None))
    return overviews
