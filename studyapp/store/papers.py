"""A cell session on paper: each present member's printed paper, and entering it afterwards.

The secretary prints one paper per present member (`session_papers`; the
HTML is `export/paper.py`), the members write at once, and the secretary
types each paper's answers in the syntax of `quiz/entry.py`. `check_entry`
reads and grades an entry without writing (the review before saving);
`enter_paper` stores it as a finished test attempt taken `via` paper, in one
transaction. Until the session closes an entry can be corrected (with the
cell's PIN when it has one); the earlier entry stays in the attempt's settings.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from studyapp.content.catalog import Catalog
from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.quiz.entry import PaperEntry, paper_code, parse_entry
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.selection import Paper
from studyapp.quiz.session import Mode, QuizResult, QuizSession
from studyapp.store.exchange import VIA_PAPER
from studyapp.store.models import Attempt, AttemptStatus, AttendanceStatus, Member, member_label
from studyapp.store.report import session_grading
from studyapp.store.store import SessionClosedError, Store


class PaperEntryError(StudyappError):
    """A paper that cannot be entered now, and why."""


@dataclass(frozen=True)
class MemberPaper:
    """One present member's paper in a session."""

    member: Member
    label: str
    """The name with the distinguishing note (`models.member_label`)."""
    paper: Paper
    code: str
    """The six digits printed on the paper (`quiz.entry.paper_code`)."""


@dataclass(frozen=True)
class CheckedEntry:
    """An entry read and graded, not yet stored: what the review shows."""

    paper: MemberPaper
    entry: PaperEntry
    result: QuizResult
    replaces: Attempt | None
    """The member's earlier paper entry, which saving would correct."""


def _label(member: Member, members: list[Member]) -> str:
    return member_label(member, members)


def session_papers(store: Store, catalog: Catalog, session_id: str, *,
                   drawn: dict[str, Paper] | None = None) -> list[MemberPaper]:
    """The paper of each member marked present, in roster order: the same
    paper for everyone, or each member's own variant, as the session says.

    A caller that asks again and again (a phone round, at every page) passes
    `drawn`, a dict of its own kept for the same catalog: a paper drawn once is
    reused while the session's lessons, settings and seed are the same (a draw
    costs milliseconds, and a cell has dozens of members); the roster and the
    attendance are read anew each time."""
    session = store.session(session_id)
    settings = SessionSettings.from_data(session.settings)
    present = {a.member_id for a in store.attendance(session_id)
               if a.status is AttendanceStatus.PRESENT}
    members = store.members(session.cell_id, include_inactive=True)
    draw = json.dumps([session.seed, session.lessons, session.settings], sort_keys=True,
                      default=str)
    papers = []
    for member in members:
        if member.id in present:
            key = f"{member.id} {draw}"
            paper = drawn.get(key) if drawn is not None else None
            if paper is None:
                paper = session_paper(catalog, session.lessons, settings, session.seed,
                                      member.id)
                if drawn is not None:
                    drawn[key] = paper
            papers.append(MemberPaper(member, _label(member, members), paper,
                                      paper_code(paper)))
    return papers


def paper_of(store: Store, catalog: Catalog, session_id: str, member_id: str) -> MemberPaper:
    """The member's paper; PaperEntryError when they are not marked present."""
    for paper in session_papers(store, catalog, session_id):
        if paper.member.id == member_id:
            return paper
    raise PaperEntryError(tr("entry.not_present", name=member_label(store.member(member_id))))


def find_paper(store: Store, catalog: Catalog, session_id: str, code: str) -> MemberPaper:
    """The paper whose code is `code` (with or without its `#`)."""
    code = code.strip().removeprefix("#")
    found = [p for p in session_papers(store, catalog, session_id) if p.code == code]
    if not found:
        raise PaperEntryError(tr("entry.no_such_code", code=code))
    if len(found) > 1:
        raise PaperEntryError(tr("entry.code_shared", code=code))
    return found[0]


def _earlier(store: Store, session_id: str, member: Member) -> Attempt | None:
    """The member's paper entry of this session, if any; PaperEntryError when
    they took, or are taking, the test another way."""
    for attempt in store.attempts(member_id=member.id, session_id=session_id):
        if attempt.status is AttemptStatus.ABANDONED:
            continue
        if attempt.settings.get("via") == VIA_PAPER:
            return attempt
        raise PaperEntryError(tr("entry.taken_otherwise", name=member_label(member)))
    return None


def check_entry(store: Store, catalog: Catalog, session_id: str, member_id: str,
                text: str) -> CheckedEntry:
    """Read and grade `text` as the member's paper, writing nothing: the
    review before saving. EntryError names each problem of the text."""
    session = store.session(session_id)
    if session.closed:
        raise SessionClosedError(tr("store.session_closed"))
    paper = paper_of(store, catalog, session_id, member_id)
    earlier = _earlier(store, session_id, paper.member)
    entry = parse_entry(text, paper.paper, code=paper.code)
    return CheckedEntry(paper, entry, _graded(store, catalog, session_id, paper, entry).result(),
                        earlier)


def _graded(store: Store, catalog: Catalog, session_id: str, paper: MemberPaper,
            entry: PaperEntry) -> QuizSession:
    """The entry as a finished test: the same rules and grading as the keyboard."""
    session = store.session(session_id)
    settings = SessionSettings.from_data(session.settings)
    at = store.clock()
    quiz = QuizSession(paper.paper, Mode.TEST, at, None, settings.partial_credit,
                       session_grading(catalog, session))
    for position, response in enumerate(entry.responses):
        if response is not None:
            quiz.answer(position, response, at)
    quiz.finish(at)
    return quiz


def enter_paper(store: Store, catalog: Catalog, session_id: str, member_id: str, text: str,
                *, correct: bool = False, pin: str | None = None) -> Attempt:
    """Store the member's paper from `text` (quiz/entry.py syntax) as their
    test in the session, entered by the secretary. A second entry for the
    same member is a correction: `correct=True` and the cell's PIN (when it
    has one) are needed. Refused on a closed session."""
    checked = check_entry(store, catalog, session_id, member_id, text)
    session = store.session(session_id)
    if checked.replaces is not None:
        if not correct:
            raise PaperEntryError(tr("entry.already_entered",
                                     name=checked.paper.label))
        store.check_pin(session.cell_id, pin)
    quiz = _graded(store, catalog, session_id, checked.paper, checked.entry)
    return store.record_paper_attempt(
        quiz, member_id=member_id, session_id=session_id, pack_id=session.pack_id,
        entered=text, via=VIA_PAPER,
        replaces=checked.replaces.id if checked.replaces else None)
