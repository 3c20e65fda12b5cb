"""Realistic made-up data for trying the program and for benchmarks (`studyapp demo`).

Cells of members with Vietnamese names (real family, middle and given names),
monthly sessions with attendance, tests drawn by the real quiz engine from the
catalog's banks and answered with a believable spread of ability, self-study
practice and lessons read. The same seed gives the same database.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from studyapp.content.catalog import Catalog
from studyapp.content.model import Question
from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.quiz.plan import QuizPlan, SessionSettings, session_paper
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
    correct_response,
    grade,
)
from studyapp.quiz.selection import Filters, Paper, draw_paper
from studyapp.quiz.session import Mode, QuizSession
from studyapp.store.models import AttendanceStatus, Member
from studyapp.store.store import Store
from studyapp.text import strip_diacritics

# Family names by how common they are (the first few carry most of the country).
FAMILY = (("Nguyễn", 38), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4),
          ("Phan", 4), ("Vũ", 4), ("Võ", 3), ("Đặng", 2), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1),
          ("Ngô", 1), ("Dương", 1), ("Lý", 1))
MIDDLE_MEN = ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thanh", "Xuân", "Ngọc", "Đình")
MIDDLE_WOMEN = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Minh", "Phương")
GIVEN_MEN = ("An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam",
             "Phong", "Quân", "Sơn", "Thắng", "Trung", "Tuấn", "Việt", "Hòa", "Lâm")
GIVEN_WOMEN = ("Anh", "Bích", "Chi", "Dung", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai",
               "Ngọc", "Nhung", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Ánh")
FIRST_SESSION = date(2026, 4, 15)  # after the plan (Hướng dẫn số 35 of 31/3/2026)


class DemoError(StudyappError):
    """The demo refuses to mix made-up data with a database that has real data."""


@dataclass(frozen=True)
class DemoReport:
    cells: int
    members: int
    sessions: int
    attempts: int
    answers: int


class _Demo:
    def __init__(self, store: Store, catalog: Catalog, seed: int) -> None:
        self.rng = random.Random(seed)
        self.store = store
        self.catalog = catalog
        self.answers = 0
        self.attempts = 0
        # Ids from their own generator: how many rows the store writes (a new
        # table, a review card) must not change the made-up people and scores.
        ids = random.Random(f"ids-{seed}")
        store.new_id = lambda: str(uuid.UUID(int=ids.getrandbits(128), version=4))

    def name(self) -> str:
        rng = self.rng
        family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
        if rng.random() < 0.5:
            return f"{family} {rng.choice(MIDDLE_MEN)} {rng.choice(GIVEN_MEN)}"
        return f"{family} {rng.choice(MIDDLE_WOMEN)} {rng.choice(GIVEN_WOMEN)}"

    def response(self, question: Question, right: bool) -> Response:
        """A believable answer: the right one, or a plausible wrong one."""
        if right:
            response = correct_response(question)
            if question.type == "fill" and self.rng.random() < 0.3:
                # Many shared machines have no Vietnamese keyboard.
                return TextResponse(strip_diacritics(question.accepted[0]))
            return response
        rng = self.rng
        kind = question.type
        if kind == "multi" and len(question.correct_choices) >= 2 and rng.random() < 0.5:
            # Half right: one of the right choices missed (partial credit, where given).
            return ChoiceResponse(frozenset(question.correct_choices[:-1]))
        if kind in ("single", "multi"):
            wrong = [i for i in range(len(question.choices)) if i not in question.correct_choices]
            picked = {rng.choice(wrong)}
            if kind == "multi" and rng.random() < 0.5:
                picked |= set(question.correct_choices[:1])
            return ChoiceResponse(frozenset(picked))
        if kind == "truefalse":
            return TruthResponse(not question.truth)
        if kind == "fill":
            return TextResponse(rng.choice(["không nhớ", "đổi mới", "phát triển", "xây dựng"]))
        if kind == "number":
            number = question.number or Decimal(1)
            return TextResponse(str(number + rng.choice([-2, -1, 1, 2])))
        if kind == "order":
            order = list(range(len(question.items)))
            order[0], order[1] = order[1], order[0]
            return OrderResponse(tuple(order))
        rights: list[int | None] = list(range(len(question.pairs)))
        rights[0], rights[1] = rights[1], rights[0]
        return MatchResponse(tuple(rights))

    def take(self, paper: Paper, mode: Mode, when: datetime, ability: float, *,
             member_id: str, session_id: str | None, pack_id: str, finish: bool,
             partial_credit: bool = False, retake_of: str | None = None
             ) -> tuple[str, Fraction | None]:
        """One test or practice, answered; its attempt's id and score (None when
        left unfinished: abandoned at closing, or still going in an open session)."""
        grading = self.catalog.pack(pack_id).grading
        attempt = self.store.start_attempt(paper, mode, member_id=member_id,
                                           session_id=session_id, pack_id=pack_id,
                                           grading=grading, started_at=when,
                                           partial_credit=partial_credit, retake_of=retake_of)
        session = QuizSession(paper, mode, when, partial_credit=partial_credit, grading=grading)
        self.attempts += 1
        at = when
        stop = len(paper.items) if finish else self.rng.randrange(1, len(paper.items))
        for position, item in enumerate(paper.items[:stop]):
            took = timedelta(seconds=self.rng.randint(8, 75))
            at += took
            chance = ability - 0.12 * (item.question.difficulty - 2)
            response = self.response(item.question, self.rng.random() < chance)
            session.answer(position, response, at)
            self.store.record_answer(attempt.id, session.events[-1], item,
                                     grade(item.question, response,
                                           partial_credit=partial_credit), took)
            self.answers += 1
        if not finish:
            return attempt.id, None
        before = len(session.events)
        result = session.finish(at + timedelta(seconds=5))
        self.store.finish_attempt(attempt.id, session.events[before:], result)
        return attempt.id, result.score.value


def _fixed(moment: datetime) -> Callable[[], datetime]:
    return lambda: moment


def fill(store: Store, catalog: Catalog, *, seed: int = 1, cells: int = 3, members: int = 15,
         sessions: int = 6, questions: int = 10) -> DemoReport:
    """Fill an empty database. Each cell has `members` members and `sessions`
    monthly sessions whose tests have `questions` questions."""
    if store.cells():
        raise DemoError(tr("demo.not_empty", path=store.database.path))
    if not catalog.questions:
        raise DemoError(tr("demo.no_questions"))
    clock, new_id = store.clock, store.new_id
    try:
        return _fill(store, catalog, seed, cells, members, sessions, questions)
    finally:
        store.clock, store.new_id = clock, new_id


TWIN_NOTES = (("sinh năm 1958", "sinh năm 1986"), ("tổ 3", "tổ 7"), ("nhà số 12", "nhà số 45"),
              ("hưu trí", "giáo viên"))
"""Notes that tell two members of one name apart, as secretaries write them."""
EXCUSES = ("ốm", "đi công tác", "việc gia đình", "đi viện thăm mẹ", "trực cơ quan")


def _roster(store: Store, demo: _Demo, cell_id: str, members: int, *, number: int,
            shared: str | None) -> list[Member]:
    """The cell's members: `members` of them, names drawn as people are named; one
    name twice (twins, each with a note) when there are four or more, and the
    name `shared` (a member of cell 1 has it too) in the cells after the first."""
    rng = demo.rng
    names = sorted({demo.name() for _ in range(members * 2)})[:members]
    twins = members >= 4
    if twins:
        names = names[:-1]
    if shared is not None and shared not in names and len(names) >= 3:
        names[-1] = shared
    roster = [store.add_member(cell_id, name) for name in sorted(names)]
    if twins:
        first = roster[rng.randrange(len(roster))]
        notes = TWIN_NOTES[(number - 1) % len(TWIN_NOTES)]
        store.set_member_note(first.id, notes[0])
        store.add_member(cell_id, first.full_name, note=notes[1])
        roster = store.members(cell_id)
    return roster


def _fill(store: Store, catalog: Catalog, seed: int, cells: int, members: int,  # noqa: PLR0917
          sessions: int, questions: int) -> DemoReport:
    """Every kind of record a real meeting makes (issue 14, "Realistic demo data"):
    twins with notes, excused members with their reasons, absent ones, members
    present and not tested, retakes, partial credit and decimal scores (every
    other meeting gives partial credit; a paper of 6 or 7 questions makes
    decimals of any), tests abandoned at closing and one interrupted in the
    meeting still open, practice at home; and one name in two cells."""
    demo = _Demo(store, catalog, seed)
    rng = demo.rng
    pack = catalog.pack(catalog.pack_of(catalog.questions[0]))
    lessons = [lesson.id for lesson in catalog.lessons if lesson.pack_id == pack.id]
    roots = catalog.roots(pack.id)
    count = min(questions, len(catalog.questions))
    created_members = 0
    shared: str | None = None
    for number in range(1, cells + 1):
        store.clock = _fixed(datetime(2026, 4, 1, 8, tzinfo=UTC))
        with store.batch():
            cell = store.ensure_cell(f"Chi bộ Khu phố {number}")
            roster = _roster(store, demo, cell.id, members, number=number, shared=shared)
        if shared is None and roster:
            shared = roster[len(roster) // 2].full_name
        created_members += len(roster)
        abilities = {m.id: rng.uniform(0.45, 0.95) for m in roster}
        for month in range(sessions):
            held_on = FIRST_SESSION + timedelta(days=30 * month + rng.randrange(7))
            start = datetime(held_on.year, held_on.month, held_on.day, 12, 30, tzinfo=UTC)
            store.clock = _fixed(start)
            last = month == sessions - 1
            # Each meeting covers one or two parts of the plan (all of it when
            # they hold too few questions); each member draws their own paper.
            covered = [lesson.id for lesson in rng.sample(roots, min(2, len(roots)))]
            if QuizPlan(filters=Filters(lessons=frozenset(covered))).available(catalog) < count:
                covered = []
            settings = SessionSettings(count, timedelta(minutes=15), variants=True,
                                       partial_credit=month % 2 == 1)
            with store.batch():
                session = store.open_session(
                    cell.id, held_on, topic=pack.title, pack_id=pack.id, lessons=covered,
                    settings=settings.to_data(), seed=rng.randrange(2**32),
                    run_by=roster[0].full_name)
                at = start
                # Every meeting: someone excused (with the reason) and someone absent
                # when the cell is big enough, the rest by chance.
                marks = [rng.choices(list(AttendanceStatus)[:3], weights=[85, 10, 5])[0]
                         for _ in roster]
                if len(roster) >= 5:
                    away = rng.sample(range(1, len(roster)), 2)
                    marks[away[0]], marks[away[1]] = (AttendanceStatus.EXCUSED,
                                                      AttendanceStatus.ABSENT)
                present = [m for m, status in zip(roster, marks, strict=True)
                           if status is AttendanceStatus.PRESENT]
                # One present member never takes the test (came late, left early).
                idle = rng.choice(present).id if len(present) >= 3 else None
                # One test left unfinished: abandoned when a closed meeting closed,
                # interrupted (to be resumed) in the meeting still open.
                cut = rng.choice([m.id for m in present if m.id != idle]) \
                    if len(present) >= 4 and (month == 0 or last) else None
                scores: dict[str, tuple[str, Fraction]] = {}
                for member, status in zip(roster, marks, strict=True):
                    note = rng.choice(EXCUSES) if status is AttendanceStatus.EXCUSED else ""
                    store.set_attendance(session.id, member.id, status, note)
                    if status is not AttendanceStatus.PRESENT or member.id == idle:
                        continue
                    at += timedelta(minutes=rng.randint(6, 15))
                    paper = session_paper(catalog, covered, settings, session.seed, member.id)
                    attempt_id, score = demo.take(
                        paper, Mode.TEST, at, abilities[member.id], member_id=member.id,
                        session_id=session.id, pack_id=pack.id,
                        finish=member.id != cut and rng.random() > 0.03,
                        partial_credit=settings.partial_credit)
                    if score is not None:
                        scores[member.id] = (attempt_id, score)
                    if rng.random() < 0.3:
                        store.mark_lesson_read(member.id, pack.id, rng.choice(lessons), at)
                # The secretary allows a retake to the member who did worst.
                if scores:
                    member_id, (attempt_id, _) = min(scores.items(),
                                                     key=lambda item: (item[1][1], item[0]))
                    at += timedelta(minutes=10)
                    paper = session_paper(catalog, covered, settings, session.seed, member_id,
                                          retake=1)
                    demo.take(paper, Mode.TEST, at, min(0.95, abilities[member_id] + 0.15),
                              member_id=member_id, session_id=session.id, pack_id=pack.id,
                              finish=True, partial_credit=settings.partial_credit,
                              retake_of=attempt_id)
                if not last:
                    store.close_session(session.id)
        with store.batch():
            for member in roster[: max(1, len(roster) // 3)]:  # some practise at home
                when = datetime(2026, 10, 1, 20, tzinfo=UTC) + timedelta(days=rng.randrange(50))
                paper = draw_paper(catalog.questions, min(5, count), rng.randrange(2**32))
                demo.take(paper, Mode.PRACTICE, when, abilities[member.id],
                          member_id=member.id, session_id=None, pack_id=pack.id, finish=True)
    return DemoReport(cells, created_members, cells * sessions, demo.attempts, demo.answers)
