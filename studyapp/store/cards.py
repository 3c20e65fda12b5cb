"""Review cards written inside a transaction already open: how answers become reviews.

`Store.record_answer` and `Store.finish_attempt` call these within their own
transaction, so an answer and the review it makes reach the disk together or
not at all: what the screen shows is never ahead of the database, and a
review is never counted for an answer that was not stored. Practice reviews
each answer when it is given (answers cannot be changed there); a test
reviews its final answers once, when it is handed in. Guests get no card.
See `studyapp/review/schedule.py` for how the rating is chosen.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from fractions import Fraction

from studyapp.review.schedule import Rating, automatic_rating, review


def stamp(moment: datetime) -> str:
    """A time as the review tables keep it: UTC, always with microseconds, so
    that the text sorts as the time does (`due < ?` in SQL)."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def review_in(connection: sqlite3.Connection, new_id: Callable[[], str], member_id: str,
              question_id: str, rating: Rating, *, at: datetime) -> None:
    """One review of the member's card for the question (created at its first)."""
    row = connection.execute("SELECT card FROM review_cards WHERE member_id = ? AND "
                             "question_id = ?", (member_id, question_id)).fetchone()
    previous: str | None = row[0] if row else None
    state = review(previous, rating, at)
    lapse = int(previous is not None and rating is Rating.AGAIN)
    if row is None:
        connection.execute(
            "INSERT INTO review_cards (id, member_id, question_id, card, previous_card, due, "
            "last_review, last_rating, reviews, lapses) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, 1, 0)",
            (new_id(), member_id, question_id, state.card, stamp(state.due), stamp(at),
             int(rating)))
    else:
        connection.execute(
            "UPDATE review_cards SET previous_card = card, card = ?, due = ?, last_review = ?, "
            "last_rating = ?, reviews = reviews + 1, lapses = lapses + ? "
            "WHERE member_id = ? AND question_id = ?",
            (state.card, stamp(state.due), stamp(at), int(rating), lapse, member_id,
             question_id))


def rerate_in(connection: sqlite3.Connection, member_id: str, question_id: str,
              rating: Rating, answered_at: datetime) -> None:
    """Replace the rating of the card's last review, the answer given at
    `answered_at`: the card is computed again from what it was before it."""
    row = connection.execute(
        "SELECT previous_card, last_review, last_rating FROM review_cards "
        "WHERE member_id = ? AND question_id = ?", (member_id, question_id)).fetchone()
    if row is None or datetime.fromisoformat(row[1]) != answered_at:
        raise ValueError("only the last review of a card can be rated again")
    previous: str | None = row[0]
    state = review(previous, rating, answered_at)
    was_lapse = int(previous is not None and row[2] == Rating.AGAIN)
    is_lapse = int(previous is not None and rating is Rating.AGAIN)
    connection.execute(
        "UPDATE review_cards SET card = ?, due = ?, last_rating = ?, lapses = lapses + ? "
        "WHERE member_id = ? AND question_id = ?",
        (state.card, stamp(state.due), int(rating), is_lapse - was_lapse, member_id,
         question_id))


def _attempt(connection: sqlite3.Connection, attempt_id: str
             ) -> tuple[str | None, str | None, str | None]:
    """The attempt's mode, member and status (all None when there is no such
    attempt: the statement that follows reports it, as before)."""
    row = connection.execute("SELECT mode, member_id, status FROM attempts WHERE id = ?",
                             (attempt_id,)).fetchone()
    return (row[0], row[1], row[2]) if row else (None, None, None)


def answer_reviewed_in(connection: sqlite3.Connection, new_id: Callable[[], str],
                       attempt_id: str, position: int, *, question_id: str,
                       credit: Fraction, duration: timedelta, without_diacritics: bool,
                       at: datetime) -> None:
    """The hook of `record_answer`, called before the answer row is written: a
    member's first answer at this position of a practice attempt is a review."""
    mode, member_id, _ = _attempt(connection, attempt_id)
    if mode != "practice" or member_id is None:
        return
    if connection.execute("SELECT 1 FROM answers WHERE attempt_id = ? AND position = ?",
                          (attempt_id, position)).fetchone():
        return  # already reviewed when first answered
    rating = automatic_rating(credit, duration, without_diacritics=without_diacritics)
    review_in(connection, new_id, member_id, question_id, rating, at=at)


def attempt_reviewed_in(connection: sqlite3.Connection, new_id: Callable[[], str],
                        attempt_id: str, at: datetime) -> None:
    """The hook of `finish_attempt`, called before the attempt is marked
    finished: each final answer of a member's test is one review, at `at`."""
    mode, member_id, status = _attempt(connection, attempt_id)
    if mode != "test" or member_id is None or status != "in_progress":
        return
    ratings: dict[str, Rating] = {}
    for question_id, num, den, duration_ms, without_diacritics in connection.execute(
            "SELECT question_id, credit_num, credit_den, duration_ms, without_diacritics "
            "FROM answers WHERE attempt_id = ? ORDER BY position", (attempt_id,)).fetchall():
        rating = automatic_rating(Fraction(num, den), timedelta(milliseconds=duration_ms),
                                  without_diacritics=bool(without_diacritics))
        # A question twice on one paper is still one review: the weaker answer.
        ratings[question_id] = min(rating, ratings.get(question_id, rating))
    for question_id, rating in ratings.items():
        review_in(connection, new_id, member_id, question_id, rating, at=at)
