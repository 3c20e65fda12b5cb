"""A member's review schedule and progress, read from and written to the store.

Every question a member answers updates their card by itself (`cards.py`,
called by `Store.record_answer` and `Store.finish_attempt`); this module
reads the schedule (what is due today, when the next is), lets a member
replace the automatic rating of a practice answer, keeps how many questions
a review session offers, and measures progress per lesson. Nothing of one
member's schedule is read for another: every query names the member.

"Today" is the local day of `now` (an aware datetime) in the computer's time
zone (`studyapp.review.schedule.day_end`). How ratings are chosen, and why:
`studyapp/review/schedule.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from fractions import Fraction
from typing import Any

from studyapp.content.catalog import Catalog
from studyapp.i18n import tr
from studyapp.review.schedule import Rating, day_end, overdue_days
from studyapp.store import cards
from studyapp.store.models import DueCard, LessonProgress, ReadingProgress, ReviewCard
from studyapp.store.store import Store, StoreError

DEFAULT_DAILY_LIMIT = 20
"""Questions a review session offers when the member has not chosen."""


# --- writing -------------------------------------------------------------------------------------


def review_answer(store: Store, member_id: str, question_id: str, rating: Rating,
                  at: datetime) -> ReviewCard:
    """One review of the member's card for the question, in one transaction
    (answers do this by themselves: this is for anything else)."""
    with store._write() as connection:
        cards.review_in(connection, store.new_id, member_id, question_id, rating, at=at)
    card = review_card(store, member_id, question_id)
    if card is None:  # pragma: no cover - written just above
        raise StoreError(tr("store.no_member", name=member_id))
    return card


def rate_answer(store: Store, attempt_id: str, position: int, rating: Rating
                ) -> ReviewCard | None:
    """The member's own rating of the practice answer at `position`, in place
    of the automatic one: the card is computed again from what it was before
    that answer (rating twice replaces twice, never adds a review). None for
    a guest's attempt (no card). A ValueError for a test, an unanswered
    position, or a card reviewed again since that answer."""
    with store._write() as connection:
        row = connection.execute("SELECT mode, member_id FROM attempts WHERE id = ?",
                                 (attempt_id,)).fetchone()
        if row is None:
            raise StoreError(tr("store.no_attempt", id=attempt_id))
        mode, member_id = row
        if mode != "practice":
            raise ValueError("only a practice answer can be rated by the member")
        if member_id is None:
            return None
        answer = connection.execute(
            "SELECT question_id, answered_at FROM answers WHERE attempt_id = ? AND position = ?",
            (attempt_id, position)).fetchone()
        if answer is None:
            raise ValueError(f"question {position} of attempt {attempt_id} is not answered")
        question_id = str(answer[0])
        cards.rerate_in(connection, member_id, question_id, rating,
                        datetime.fromisoformat(answer[1]))
    return review_card(store, member_id, question_id)


def set_daily_limit(store: Store, member_id: str, limit: int) -> None:
    """How many questions the member's review sessions offer (at least 1)."""
    if limit < 1:
        raise StoreError(tr("schedule.limit_invalid"))
    with store._write() as connection:
        connection.execute("INSERT INTO review_settings (member_id, daily_limit) VALUES (?, ?) "
                           "ON CONFLICT (member_id) DO UPDATE SET "
                           "daily_limit = excluded.daily_limit", (member_id, limit))


# --- reading -------------------------------------------------------------------------------------


def _rows(store: Store, sql: str, params: tuple[object, ...]) -> list[dict[str, Any]]:
    """Rows of the review tables; none from a database of schema 1 not yet
    migrated (reading never migrates: the first write does)."""
    if not store._rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                       "name = 'review_cards'"):
        return []
    return store._rows(sql, params)


def daily_limit(store: Store, member_id: str) -> int:
    """How many questions the member's review sessions offer (default 20)."""
    rows = _rows(store, "SELECT daily_limit FROM review_settings WHERE member_id = ?",
                       (member_id,))
    return int(rows[0]["daily_limit"]) if rows else DEFAULT_DAILY_LIMIT


def review_card(store: Store, member_id: str, question_id: str) -> ReviewCard | None:
    """The member's card for the question, or None if never answered."""
    rows = _rows(store, "SELECT * FROM review_cards WHERE member_id = ? AND question_id = ?",
                       (member_id, question_id))
    if not rows:
        return None
    row = rows[0]
    return ReviewCard(row["member_id"], row["question_id"], datetime.fromisoformat(row["due"]),
                      datetime.fromisoformat(row["last_review"]), Rating(row["last_rating"]),
                      int(row["reviews"]), int(row["lapses"]))


def _exists(catalog: Catalog | None) -> Callable[[str], bool]:
    return catalog.has_question if catalog is not None else (lambda _: True)


def due_cards(store: Store, member_id: str, now: datetime, *, catalog: Catalog | None = None,
              limit: int | None = None) -> list[DueCard]:
    """Questions due today (due before the end of the local day of `now`),
    most overdue first (earliest due; then by id), at most `limit`. With a
    catalog, only questions it still has (a card outlives its question)."""
    exists = _exists(catalog)
    rows = _rows(store, "SELECT question_id, due FROM review_cards WHERE member_id = ? AND "
                       "due < ? ORDER BY due, question_id",
                       (member_id, cards.stamp(day_end(now))))
    found: list[DueCard] = []
    for row in rows:
        if limit is not None and len(found) >= limit:
            break
        if exists(row["question_id"]):
            due = datetime.fromisoformat(row["due"])
            found.append(DueCard(row["question_id"], due, max(overdue_days(due, now), 0)))
    return found


def due_count(store: Store, member_id: str, now: datetime, *,
              catalog: Catalog | None = None) -> int:
    """How many questions are due today (all of them: the daily limit aside)."""
    return len(due_cards(store, member_id, now, catalog=catalog))


def review_queue(store: Store, member_id: str, now: datetime, *,
                 catalog: Catalog | None = None) -> list[DueCard]:
    """What a review session started now runs through: the questions due
    today, most overdue first, up to the member's daily number less the due
    questions already reviewed today (a second review the same day offers
    only what is left of the day's number)."""
    left = daily_limit(store, member_id) - reviewed_today(store, member_id, now)
    if left <= 0:
        return []
    return due_cards(store, member_id, now, catalog=catalog, limit=left)


def reviewed_today(store: Store, member_id: str, now: datetime) -> int:
    """How many of the member's cards were reviewed today while due (answered
    today, and their card before that answer was due by the end of today)."""
    end = day_end(now)
    start = datetime.combine(end.date() - timedelta(days=1), time()).astimezone()
    rows = _rows(store, "SELECT count(*) AS done FROM review_cards WHERE member_id = ? "
                        "AND last_review >= ? AND previous_card IS NOT NULL "
                        "AND json_extract(previous_card, '$.due') < ?",
                 (member_id, cards.stamp(start), end.astimezone(UTC).isoformat()))
    return int(rows[0]["done"]) if rows else 0


def next_due(store: Store, member_id: str, now: datetime, *,
             catalog: Catalog | None = None) -> datetime | None:
    """When the next question falls due after today (to say when nothing is
    due today), or None if the member has no card for a question that exists."""
    exists = _exists(catalog)
    rows = _rows(store, "SELECT question_id, due FROM review_cards WHERE member_id = ? AND "
                       "due >= ? ORDER BY due, question_id",
                       (member_id, cards.stamp(day_end(now))))
    for row in rows:
        if exists(row["question_id"]):
            return datetime.fromisoformat(row["due"])
    return None


# --- progress ------------------------------------------------------------------------------------


def latest_credits(store: Store, member_id: str) -> dict[str, Fraction]:
    """For each question the member ever answered (any mode, any attempt),
    the credit of their latest answer (by `answered_at`)."""
    rows = store._rows(
        "SELECT a.question_id, a.credit_num, a.credit_den, a.answered_at, t.started_at, "
        "a.position FROM answers a JOIN attempts t ON t.id = a.attempt_id "
        "WHERE t.member_id = ?", (member_id,))
    rows.sort(key=lambda row: (datetime.fromisoformat(row["answered_at"]),
                               datetime.fromisoformat(row["started_at"]), row["position"]))
    return {row["question_id"]: Fraction(row["credit_num"], row["credit_den"]) for row in rows}


def lesson_progress(store: Store, catalog: Catalog, member_id: str, now: datetime
                    ) -> list[LessonProgress]:
    """Each lesson that has questions, weakest first (mastery ascending, then
    reading order), the lessons never practised after them (in reading order):
    a lesson not tried is not known to be weak. Its questions, how many the
    member answered, how many their latest answer got fully right, mastery
    (right / questions), how many are due today, and whether they read it."""
    by_lesson: dict[str, list[str]] = {}
    for question in catalog.questions:
        if question.lesson is not None and catalog.has_lesson(question.lesson):
            by_lesson.setdefault(question.lesson, []).append(question.full_id)
    credits = latest_credits(store, member_id)
    due = {card.question_id for card in due_cards(store, member_id, now, catalog=catalog)}
    read = {(r.pack_id, r.lesson_id) for r in store.lessons_read(member_id)}
    progress = []
    for lesson_id, question_ids in by_lesson.items():
        lesson = catalog.lesson(lesson_id)
        right = sum(1 for q in question_ids if credits.get(q) == 1)
        progress.append(LessonProgress(
            lesson.id, lesson.pack_id, lesson.title, lesson.source, len(question_ids),
            sum(1 for q in question_ids if q in credits), right,
            Fraction(right, len(question_ids)), sum(1 for q in question_ids if q in due),
            (lesson.pack_id, lesson.id) in read))
    progress.sort(key=lambda p: (not p.practised, p.mastery, catalog.position(p.lesson_id)))
    return progress


def reading_progress(store: Store, catalog: Catalog, member_id: str) -> ReadingProgress:
    """Lessons of the catalog the member has opened, out of all its lessons."""
    read = {(r.pack_id, r.lesson_id) for r in store.lessons_read(member_id)}
    lessons = catalog.lessons
    return ReadingProgress(sum(1 for lesson in lessons if (lesson.pack_id, lesson.id) in read),
                           len(lessons))



