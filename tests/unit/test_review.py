"""Spaced-repetition review: ratings, the schedule with a frozen clock, persistence, progress."""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from fractions import Fraction
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.content.model import Bank, Lesson, Pack, Question
from studyapp.quiz.scoring import ChoiceResponse, Response, TextResponse, TruthResponse, grade
from studyapp.quiz.selection import ordered_paper
from studyapp.quiz.session import Mode
from studyapp.review.schedule import SLOW, Rating, automatic_rating, day_end, review
from studyapp.store import review as schedule
from studyapp.store import schema
from studyapp.store.database import Database
from studyapp.store.live import RecordedQuiz
from studyapp.store.models import Learner, LessonProgress, ReadingProgress
from studyapp.store.store import Store, StoreError
from tests.conftest import DATA, T0, Clock

DAY = timedelta(days=1)


# --- a hand-made catalog -----------------------------------------------------------------------

PACK = "tu-hoc"


def _lesson(lesson_id: str, order: int, title: str) -> Lesson:
    return Lesson(PACK, lesson_id, title, "Tài liệu tự học", order=order)


def _single(question_id: str, lesson: str) -> Question:
    return Question("nh", question_id, "single", f"Câu hỏi {question_id}: chọn đáp án đúng",
                    f"hash-{question_id}", lesson=lesson,
                    choices=("Kiên định", "Dao động", "Buông lỏng"), correct_choices=(0,))


QUESTIONS = (
    _single("c1", "bai-1"), _single("c2", "bai-1"), _single("c3", "bai-1"),
    _single("c4", "bai-2"),
    Question("nh", "c5", "fill", "Điền từ: … chủ nghĩa Mác – Lênin", "hash-c5", lesson="bai-2",
             accepted=("kiên định",)),
    Question("nh", "c6", "multi", "Chọn các nguyên tắc đúng", "hash-c6", lesson="bai-2",
             choices=("Tập trung dân chủ", "Tự phê bình và phê bình", "Tự do vô tổ chức"),
             correct_choices=(0, 1)),
    Question("nh", "c7", "truefalse", "Đảng viên phải gương mẫu.", "hash-c7", lesson="mo-dau",
             truth=True),
)


@pytest.fixture
def hand() -> Catalog:
    """Four lessons; in reading order "Mở đầu" comes first; "Bài 3" has no question."""
    lessons = [_lesson("bai-1", 1, "Bài 1: Kiên định"), _lesson("bai-2", 2, "Bài 2: Nguyên tắc"),
               _lesson("bai-3", 3, "Bài 3: Đọc thêm"), _lesson("mo-dau", 0, "Mở đầu: Gương mẫu")]
    bank = Bank(PACK, "nh", "Ngân hàng câu hỏi tự học", QUESTIONS, Path("nh.toml"))
    return Catalog([Pack(PACK, "Tự học", "Tài liệu", Path("pack.toml"))], lessons, [bank])


RIGHT: dict[str, Response] = {
    "single": ChoiceResponse(frozenset({0})), "fill": TextResponse("kiên định"),
    "multi": ChoiceResponse(frozenset({0, 1})), "truefalse": TruthResponse(True)}
WRONG: dict[str, Response] = {
    "single": ChoiceResponse(frozenset({1})), "fill": TextResponse("dao động"),
    "multi": ChoiceResponse(frozenset({2})), "truefalse": TruthResponse(False)}
PARTLY = ChoiceResponse(frozenset({0}))  # one of the two right choices of c6


def right(question_id: str) -> Response:
    return RIGHT[next(q for q in QUESTIONS if q.id == question_id).type]


def wrong(question_id: str) -> Response:
    return WRONG[next(q for q in QUESTIONS if q.id == question_id).type]


# --- fixtures ------------------------------------------------------------------------------------


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "studyapp.sqlite3"


@pytest.fixture
def store(path: Path, clock: Clock) -> Store:
    return Store(Database(path), clock=clock)


@pytest.fixture
def cell_id(store: Store) -> str:
    return store.ensure_cell("Chi bộ Khu phố 2").id


@pytest.fixture
def member(store: Store, cell_id: str) -> Learner:
    return store.learner(store.add_member(cell_id, "Nguyễn Thị Ánh"))


@pytest.fixture
def other(store: Store, cell_id: str) -> Learner:
    return store.learner(store.add_member(cell_id, "Trần Văn Bình"))


def member_id(learner: Learner) -> str:
    assert learner.member_id is not None
    return learner.member_id


def take(store: Store, clock: Clock, hand: Catalog, learner: Learner,
         answers: Sequence[tuple[str, Response]], *, mode: Mode = Mode.PRACTICE,
         seconds: float = 10, finish: bool = True) -> RecordedQuiz:
    """One attempt at the questions named, answered in order, each after
    `seconds` on it; a test may answer a question again (its answer changes)."""
    ids = list(dict.fromkeys(question_id for question_id, _ in answers))
    paper = ordered_paper([hand.question(f"nh/{q}") for q in ids], seed=7)
    quiz = RecordedQuiz.start(store, paper, mode, learner, clock=clock, partial_credit=True)
    for question_id, response in answers:
        position = ids.index(question_id)
        quiz.go_to(position)
        clock.advance(seconds=seconds)
        quiz.answer(position, response)
    if finish:
        clock.advance(seconds=5)
        quiz.finish()
    return quiz


def due_ids(store: Store, learner: Learner, now: datetime, hand: Catalog) -> list[str]:
    return [card.question_id for card in
            schedule.due_cards(store, member_id(learner), now, catalog=hand)]


def card_rows(path: Path) -> int:
    with sqlite3.connect(path) as raw:
        return int(raw.execute("SELECT count(*) FROM review_cards").fetchone()[0])


# --- the rating rule -----------------------------------------------------------------------------


@pytest.mark.parametrize(("credit", "seconds", "without_diacritics", "rating"), [
    (Fraction(1), 10, False, Rating.GOOD),
    (Fraction(1), 59, False, Rating.GOOD),
    (Fraction(1), 60, False, Rating.HARD),  # SLOW
    (Fraction(1), 10, True, Rating.HARD),
    (Fraction(1, 2), 10, False, Rating.AGAIN),  # partial credit is not right
    (Fraction(0), 10, False, Rating.AGAIN),
    (Fraction(0), 90, True, Rating.AGAIN),
])
def test_the_rating_of_an_answer(credit: Fraction, seconds: int, without_diacritics: bool,
                                 rating: Rating) -> None:
    assert timedelta(seconds=60) == SLOW
    assert automatic_rating(credit, timedelta(seconds=seconds),
                            without_diacritics=without_diacritics) is rating


def test_ratings_are_named_in_vietnamese() -> None:
    assert [r.label for r in Rating] == ["Chưa nhớ", "Khó", "Nhớ", "Dễ"]


# --- the schedule with a frozen clock ------------------------------------------------------------


def test_a_wrong_answer_comes_back_sooner_and_the_due_list_moves_with_the_clock(
        store: Store, clock: Clock, hand: Catalog, member: Learner) -> None:
    take(store, clock, hand, member, [("c1", right("c1")), ("c2", wrong("c2"))])
    who = member_id(member)
    good = schedule.review_card(store, who, "nh/c1")
    again = schedule.review_card(store, who, "nh/c2")
    assert good is not None
    assert again is not None
    assert (good.last_rating, again.last_rating) == (Rating.GOOD, Rating.AGAIN)
    assert again.due < good.due
    assert again.due.date() == (T0 + DAY).date()  # a wrong answer: tomorrow
    assert good.due.date() == (T0 + 2 * DAY).date()  # a right one: later

    assert due_ids(store, member, clock.now, hand) == []  # nothing today
    assert schedule.next_due(store, who, clock.now, catalog=hand) == again.due
    assert due_ids(store, member, T0 + DAY, hand) == ["nh/c2"]
    assert schedule.due_count(store, who, T0 + DAY, catalog=hand) == 1
    assert schedule.next_due(store, who, T0 + DAY, catalog=hand) == good.due
    late = schedule.due_cards(store, who, T0 + 2 * DAY, catalog=hand)
    assert [(c.question_id, c.overdue_days) for c in late] == [("nh/c2", 1), ("nh/c1", 0)]
    assert schedule.next_due(store, who, T0 + 2 * DAY, catalog=hand) is None


def test_practised_yesterday_reviewed_today_and_the_schedule_moves(
        store: Store, clock: Clock, hand: Catalog, member: Learner) -> None:
    """The issue's "done when": a member practised yesterday; a day later the
    right questions are due, are reviewed through practice, and move on."""
    take(store, clock, hand, member,
         [("c1", wrong("c1")), ("c2", right("c2")), ("c4", wrong("c4")), ("c7", wrong("c7"))])
    who = member_id(member)
    clock.advance(days=1)
    assert schedule.due_count(store, who, clock.now, catalog=hand) == 3
    schedule.set_daily_limit(store, who, 2)
    queue = schedule.review_queue(store, who, clock.now, catalog=hand)
    assert [card.question_id for card in queue] == ["nh/c1", "nh/c4"]  # capped, by due then id
    paper = ordered_paper([hand.question(card.question_id) for card in queue], seed=1)
    assert paper.question_ids == ["nh/c1", "nh/c4"]
    quiz = RecordedQuiz.start(store, paper, Mode.PRACTICE, member, clock=clock)
    for position, card in enumerate(queue):
        quiz.go_to(position)
        clock.advance(seconds=20)
        quiz.answer(position, right(card.question_id.split("/")[1]))
    quiz.finish()
    assert due_ids(store, member, clock.now, hand) == ["nh/c7"]  # the one left for today
    # ... but the day's number (2) is used up: a second review today offers nothing.
    assert schedule.reviewed_today(store, who, clock.now) == 2
    assert schedule.review_queue(store, who, clock.now, catalog=hand) == []
    schedule.set_daily_limit(store, who, 3)
    assert [c.question_id for c in schedule.review_queue(store, who, clock.now,
                                                         catalog=hand)] == ["nh/c7"]
    for question_id in ("nh/c1", "nh/c4"):
        reviewed = schedule.review_card(store, who, question_id)
        assert reviewed is not None
        assert (reviewed.reviews, reviewed.lapses, reviewed.last_rating) == (2, 0, Rating.GOOD)
        assert reviewed.due > day_end(clock.now)
    clock.advance(days=1)
    assert due_ids(store, member, clock.now, hand) == ["nh/c7", "nh/c2"]


def test_hard_when_slow_or_accepted_without_diacritics(
        store: Store, clock: Clock, hand: Catalog, member: Learner) -> None:
    credit = grade(hand.question("nh/c5"), TextResponse("kien dinh"))
    assert credit.correct
    assert credit.without_diacritics
    take(store, clock, hand, member, [("c5", TextResponse("kien dinh"))])
    take(store, clock, hand, member, [("c1", right("c1"))], seconds=61)
    take(store, clock, hand, member, [("c2", right("c2"))], seconds=30)
    ratings = {q: card.last_rating for q in ("nh/c5", "nh/c1", "nh/c2")
               if (card := schedule.review_card(store, member_id(member), q))}
    assert ratings == {"nh/c5": Rating.HARD, "nh/c1": Rating.HARD, "nh/c2": Rating.GOOD}


def test_due_today_means_the_members_local_day(
        store: Store, member: Learner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    now = datetime(2026, 11, 26, 18, 0, tzinfo=UTC)  # 01:00 on the 27th in Hà Nội
    assert day_end(now) == datetime(2026, 11, 27, 17, 0, tzinfo=UTC)  # midnight there
    who = member_id(member)
    # Again: due one day after each review, 23:59 on the 26th and the 27th, 00:00 on the 28th.
    schedule.review_answer(store, who, "nh/c1", Rating.AGAIN,
                           datetime(2026, 11, 25, 16, 59, tzinfo=UTC))
    schedule.review_answer(store, who, "nh/c2", Rating.AGAIN,
                           datetime(2026, 11, 26, 16, 59, tzinfo=UTC))
    schedule.review_answer(store, who, "nh/c3", Rating.AGAIN,
                           datetime(2026, 11, 26, 17, 0, tzinfo=UTC))
    due = schedule.due_cards(store, who, now)
    assert [(c.question_id, c.overdue_days) for c in due] == [("nh/c1", 1), ("nh/c2", 0)]
    assert schedule.next_due(store, who, now) == datetime(2026, 11, 27, 17, 0, tzinfo=UTC)


def test_only_questions_the_catalog_still_has_are_due(
        store: Store, hand: Catalog, member: Learner) -> None:
    who = member_id(member)
    schedule.review_answer(store, who, "nh/c1", Rating.AGAIN, T0)
    schedule.review_answer(store, who, "cu/da-xoa", Rating.AGAIN, T0 - DAY)
    assert [c.question_id for c in schedule.due_cards(store, who, T0 + DAY)] == \
        ["cu/da-xoa", "nh/c1"]
    assert due_ids(store, member, T0 + DAY, hand) == ["nh/c1"]
    assert schedule.due_count(store, who, T0 + DAY, catalog=hand) == 1


# --- who rates, and when -------------------------------------------------------------------------


def test_a_self_rating_replaces_the_automatic_one(
        store: Store, clock: Clock, hand: Catalog, member: Learner, other: Learner) -> None:
    """Two members give the same answers; one rates hers herself, again and
    again: her card is what her last rating alone would have made."""
    their_clock = Clock()  # the same moments as hers
    take(store, clock, hand, member, [("c1", right("c1"))])
    first = clock.now - timedelta(seconds=5)  # answered, then 5 s to hand in
    take(store, their_clock, hand, other, [("c1", right("c1"))])
    clock.advance(days=2)
    their_clock.advance(days=2)
    mine = take(store, clock, hand, member, [("c1", right("c1"))],
                finish=False)
    take(store, their_clock, hand, other, [("c1", wrong("c1"))], finish=False)
    who, theirs = member_id(member), member_id(other)

    rated = mine.rate(0, Rating.AGAIN)
    assert rated is not None
    assert (rated.last_rating, rated.reviews, rated.lapses) == (Rating.AGAIN, 2, 1)
    assert rated.due.date() == (clock.now + DAY).date()
    mine.rate(0, Rating.EASY)
    mine.rate(0, Rating.AGAIN)  # rated three times: still one review
    same = schedule.review_card(store, theirs, "nh/c1")  # answered wrong: Again by itself
    assert same is not None
    assert schedule.review_card(store, who, "nh/c1") == replace(same, member_id=who)

    easy = mine.rate(0, Rating.EASY)
    assert easy is not None
    assert (easy.reviews, easy.lapses, easy.last_rating) == (2, 0, Rating.EASY)
    # From her card after the first answer (Good), not from a new card:
    after_first = review(None, Rating.GOOD, first).card
    assert easy.due == review(after_first, Rating.EASY, easy.last_review).due
    assert easy.due != review(None, Rating.EASY, easy.last_review).due


def test_a_first_answer_rated_by_the_member_starts_from_nothing(
        store: Store, clock: Clock, hand: Catalog, member: Learner) -> None:
    quiz = take(store, clock, hand, member, [("c7", wrong("c7"))], finish=False)
    answered_at = clock.now
    card = quiz.rate(0, Rating.GOOD)
    assert card is not None
    assert card.due == review(None, Rating.GOOD, answered_at).due
    assert (card.reviews, card.lapses, card.last_rating) == (1, 0, Rating.GOOD)


def test_what_cannot_be_rated(store: Store, clock: Clock, hand: Catalog,
                              member: Learner) -> None:
    practice = take(store, clock, hand, member,
                    [("c1", right("c1")), ("c2", right("c2"))], finish=False)
    with pytest.raises(ValueError, match="not answered"):
        schedule.rate_answer(store, practice.id, 5, Rating.EASY)
    take(store, clock, hand, member, [("c1", wrong("c1"))])
    with pytest.raises(ValueError, match="last review"):  # c1 was reviewed again since
        practice.rate(0, Rating.EASY)
    card = schedule.review_card(store, member_id(member), "nh/c1")
    assert card is not None
    assert card.last_rating is Rating.AGAIN
    test = take(store, clock, hand, member, [("c3", right("c3"))], mode=Mode.TEST,
                finish=False)
    with pytest.raises(ValueError, match="practice"):
        test.rate(0, Rating.AGAIN)
    with pytest.raises(ValueError, match="practice"):
        schedule.rate_answer(store, test.id, 0, Rating.AGAIN)


def test_a_test_reviews_its_final_answers_once_when_handed_in(
        store: Store, clock: Clock, hand: Catalog, member: Learner, path: Path) -> None:
    quiz = take(store, clock, hand, member,
                [("c1", wrong("c1")), ("c2", right("c2")), ("c1", right("c1")),
                 ("c4", right("c4"))], mode=Mode.TEST, finish=False)
    quiz.go_to(2)
    clock.advance(seconds=75)
    quiz.answer(2, right("c4"))  # slow: Hard
    assert card_rows(path) == 0  # nothing before it is handed in
    quiz.finish()
    finished = clock.now
    who = member_id(member)
    cards = {q: schedule.review_card(store, who, f"nh/{q}") for q in ("c1", "c2", "c4")}
    assert {q: (c.last_rating, c.reviews, c.last_review) for q, c in cards.items() if c} == {
        "c1": (Rating.GOOD, 1, finished),  # the final answer, not the first
        "c2": (Rating.GOOD, 1, finished),
        "c4": (Rating.HARD, 1, finished)}
    store.finish_attempt(quiz.id, [], quiz.result())  # a second finish reviews nothing more
    assert all((c := schedule.review_card(store, who, f"nh/{q}")) and c.reviews == 1
               for q in ("c1", "c2", "c4"))


def test_guests_get_no_schedule(store: Store, clock: Clock, hand: Catalog, path: Path,
                                member: Learner) -> None:
    guest = store.guest("Khách Lê Văn Cường")
    practice = take(store, clock, hand, guest, [("c1", wrong("c1"))],
                    finish=False)
    assert practice.rate(0, Rating.GOOD) is None
    take(store, clock, hand, guest, [("c2", wrong("c2"))], mode=Mode.TEST)
    assert card_rows(path) == 0
    take(store, clock, hand, member, [("c1", wrong("c1"))])
    assert card_rows(path) == 1


def test_one_members_schedule_is_not_anothers(
        store: Store, clock: Clock, hand: Catalog, member: Learner, other: Learner) -> None:
    take(store, clock, hand, member, [("c1", wrong("c1"))])
    schedule.set_daily_limit(store, member_id(member), 5)
    assert due_ids(store, member, T0 + DAY, hand) == ["nh/c1"]
    assert due_ids(store, other, T0 + DAY, hand) == []
    assert schedule.next_due(store, member_id(other), T0, catalog=hand) is None
    assert schedule.review_card(store, member_id(other), "nh/c1") is None
    assert schedule.daily_limit(store, member_id(other)) == schedule.DEFAULT_DAILY_LIMIT == 20


def test_the_daily_limit(store: Store, member: Learner) -> None:
    who = member_id(member)
    assert schedule.daily_limit(store, who) == 20
    for index in range(4):
        schedule.review_answer(store, who, f"nh/c{index + 1}", Rating.AGAIN, T0 - index * DAY)
    assert len(schedule.review_queue(store, who, T0 + DAY)) == 4
    schedule.set_daily_limit(store, who, 3)
    schedule.set_daily_limit(store, who, 2)
    assert schedule.daily_limit(store, who) == 2
    queue = schedule.review_queue(store, who, T0 + DAY)
    assert [(c.question_id, c.overdue_days) for c in queue] == [("nh/c4", 3), ("nh/c3", 2)]
    assert schedule.due_count(store, who, T0 + DAY) == 4  # the limit caps a session only
    with pytest.raises(StoreError, match="số nguyên"):
        schedule.set_daily_limit(store, who, 0)
    assert schedule.daily_limit(store, who) == 2


def test_the_schedule_survives_closing_the_program(
        store: Store, clock: Clock, hand: Catalog, member: Learner, path: Path) -> None:
    take(store, clock, hand, member, [("c1", wrong("c1")), ("c2", right("c2"))])
    schedule.set_daily_limit(store, member_id(member), 7)
    before = schedule.review_card(store, member_id(member), "nh/c1")
    store.database.close()
    reopened = Store(Database(path))
    who = member_id(member)
    assert schedule.review_card(reopened, who, "nh/c1") == before
    assert [c.question_id for c in schedule.due_cards(reopened, who, T0 + DAY)] == ["nh/c1"]
    assert schedule.daily_limit(reopened, who) == 7
    # ... and goes on from where it was: the reopened store reviews the stored card.
    card = schedule.review_answer(reopened, who, "nh/c1", Rating.GOOD, T0 + DAY)
    assert (card.reviews, card.lapses) == (2, 0)


# --- the migration --------------------------------------------------------------------------------


OLD_TABLES = ("meta", "cells", "members", "sessions", "attendance", "attempts", "events",
              "answers", "lesson_reads")


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as raw:
        # database_id: written once on the first write, to tell a foreign -wal (issue 20)
        return {table: raw.execute(f"SELECT count(*) FROM {table}"
                                   + (" WHERE key != 'database_id'" if table == "meta" else ""))
                .fetchone()[0] for table in OLD_TABLES}


def test_a_schema_1_database_is_migrated_keeping_every_row(tmp_path: Path) -> None:
    copy = tmp_path / "schema-1.sqlite3"
    shutil.copy(DATA / "db" / "schema-1.sqlite3", copy)
    before = counts(copy)
    assert before["answers"] > 0
    assert before["members"] > 0
    with sqlite3.connect(copy) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 1
        rows_before = raw.execute("SELECT * FROM answers ORDER BY id").fetchall()
    store = Store(Database(copy))
    [member] = [m for m in store.members() if m.full_name == "Lê Văn An"]
    assert schedule.due_cards(store, member.id, T0) == []  # read before migrating: no table yet
    schedule.set_daily_limit(store, member.id, 10)  # the first write migrates
    schedule.review_answer(store, member.id, "nh/c1", Rating.AGAIN, T0)
    store.database.close()
    assert counts(copy) == before
    with sqlite3.connect(copy) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION == 3
        assert raw.execute("SELECT * FROM answers ORDER BY id").fetchall() == rows_before
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"review_cards", "review_settings"} <= tables
        indexes = {r[0] for r in raw.execute("SELECT name FROM sqlite_master "
                                             "WHERE type = 'index'")}
        assert "review_cards_due" in indexes
        with pytest.raises(sqlite3.IntegrityError):  # the database itself refuses a limit of 0
            raw.execute("INSERT INTO review_settings VALUES (?, 0)", (member.id,))
    reopened = Store(Database(copy))
    assert reopened.database.check().healthy
    assert schedule.daily_limit(reopened, member.id) == 10
    assert [c.question_id for c in schedule.due_cards(reopened, member.id, T0 + DAY)] == \
        ["nh/c1"]


# --- progress ---------------------------------------------------------------------------------


def test_mastery_on_a_fixed_data_set(store: Store, clock: Clock, hand: Catalog,
                                     member: Learner, other: Learner) -> None:
    """By hand: the latest answers of the member are c1 wrong (the test after
    the practice), c2 wrong, c4 right, c5 right, c6 half right; c3 and c7
    never answered. Bài 1 has 0 of 3 right, Bài 2 2 of 3, Mở đầu 0 of 1;
    Bài 3 has no question. Equal mastery: reading order (Mở đầu first).
    A day later c1, c2 (Again) and c6 (half right: Again) are due; c4, c5
    (Good) are not."""
    assert grade(hand.question("nh/c6"), PARTLY, partial_credit=True).fraction == Fraction(1, 2)
    take(store, clock, hand, member,
         [("c1", right("c1")), ("c2", wrong("c2")), ("c4", right("c4")), ("c5", right("c5")),
          ("c6", PARTLY)])
    clock.advance(hours=1)
    take(store, clock, hand, member, [("c1", wrong("c1"))], mode=Mode.TEST)
    take(store, clock, hand, other, [("c3", right("c3")), ("c7", right("c7"))])
    take(store, clock, hand, store.guest("Khách"), [("c2", right("c2"))])
    who = member_id(member)
    store.mark_lesson_read(who, PACK, "bai-2")
    store.mark_lesson_read(who, PACK, "bai-3")
    store.mark_lesson_read(who, "goi-cu", "bai-da-xoa")  # a lesson no longer in the catalog
    store.mark_lesson_read(member_id(other), PACK, "bai-1")

    # Bài 1 (all wrong) and Mở đầu (never practised) both have a mastery of 0:
    # the one not tried comes after the weak ones (issue 14 item 20).
    expected = [
        LessonProgress("bai-1", PACK, "Bài 1: Kiên định", "Tài liệu tự học", 3, 2, 0,
                       Fraction(0), 2, False),
        LessonProgress("bai-2", PACK, "Bài 2: Nguyên tắc", "Tài liệu tự học", 3, 3, 2,
                       Fraction(2, 3), 1, True),
        LessonProgress("mo-dau", PACK, "Mở đầu: Gương mẫu", "Tài liệu tự học", 1, 0, 0,
                       Fraction(0), 0, False),
    ]
    assert schedule.lesson_progress(store, hand, who, T0 + DAY) == expected
    today = schedule.lesson_progress(store, hand, who, T0)
    assert [(p.lesson_id, p.due) for p in today] == [("bai-1", 0), ("bai-2", 0), ("mo-dau", 0)]
    assert [p.practised for p in today] == [True, True, False]
    assert schedule.reading_progress(store, hand, who) == ReadingProgress(2, 4)

    theirs = schedule.lesson_progress(store, hand, member_id(other), T0 + DAY)
    assert [(p.lesson_id, p.right, p.mastery, p.read) for p in theirs] == [
        ("bai-1", 1, Fraction(1, 3), True), ("mo-dau", 1, Fraction(1), False),
        ("bai-2", 0, Fraction(0), False)]
