"""How an answer becomes a review rating, and a rating a new date (FSRS); pure, clock passed in.

How ratings are chosen, and why
-------------------------------
Every question a member answers, in any mode, is one review of that member's
card for the question (the `fsrs` scheduler: the one modern flashcard programs
use). A flashcard program asks the learner to rate each review; a quiz
already knows most of what a rating says, so the rating is read off the
answer and nobody is asked to do extra work:

- **Again** when the answer is not fully right, partial credit included. FSRS
  models whether a memory can be recalled; a half-right `multi` or `match`
  answer means the whole answer cannot be, and it comes back tomorrow. A
  question shown again a little too soon costs a minute; one that drifts away
  costs the next test.
- **Good** when it is fully right: the ordinary case FSRS is built around.
- **Hard** when it is right but was slow (`SLOW`, a minute or more: far beyond
  reading a question of a few lines, so mostly hesitation) or was accepted
  only without diacritics (the words were recalled but not as written, and a
  Vietnamese word without its marks may be another word). Such an answer
  still counts for the score, but the memory is not yet sure, and the
  question comes back sooner than after a Good.
- **Easy** is never chosen automatically: one answer cannot tell easy from
  good, and a wrong Easy would hide a question for more than a week.

In practice mode the member may rate the question just answered themselves
(Again, Hard, Good or Easy); that rating *replaces* the automatic one (the
card is computed again from what it was before that answer), never adds a
second review. The member knows what the program cannot: that a right
choice was a lucky guess (Again), or that a slow answer was sure (Good or
Easy). A test offers no self-rating: it shows nothing until it is handed in,
and its final answers, not each change made on the way, are reviewed once,
when it is handed in (`studyapp/store/cards.py`).

Days, not minutes
-----------------
The scheduler has no learning steps, so every interval is whole days: a
wrong answer comes back the next day, a right one later; fuzzing is off so
the same answers give the same dates. "Due today" means due before the end
of the member's local day: `day_end(now)` takes `now` (an aware datetime)
in the computer's time zone (`now.astimezone()`). Guests have no card.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from fractions import Fraction

from fsrs import Card, Scheduler
from fsrs import Rating as FsrsRating

from studyapp.i18n import tr

SLOW = timedelta(seconds=60)
"""A right answer that took this long (or longer) is rated Hard."""

_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)
_CARD_ID = 1  # the card's place is its row; fsrs would otherwise make an id from the clock


class Rating(enum.IntEnum):
    """How well a question was remembered (the values are FSRS's)."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4

    @property
    def label(self) -> str:
        """The rating's name in the current language (for the member to choose)."""
        return tr(f"schedule.rating.{self.name.lower()}")


def automatic_rating(credit: Fraction, duration: timedelta, *,
                     without_diacritics: bool = False) -> Rating:
    """The rating of an answer earning `credit` (a fraction of the question)
    after `duration`: Again unless fully right; then Hard if slow or accepted
    without diacritics, else Good."""
    if credit < 1:
        return Rating.AGAIN
    if duration >= SLOW or without_diacritics:
        return Rating.HARD
    return Rating.GOOD


@dataclass(frozen=True)
class CardState:
    """A card after a review: FSRS's card as JSON, and when it is due (UTC)."""

    card: str
    due: datetime


def review(card: str | None, rating: Rating, at: datetime) -> CardState:
    """The card (`Card.to_json()`, or None for a question never reviewed)
    after a review rated `rating` at `at` (an aware datetime)."""
    when = at.astimezone(UTC)
    before = Card.from_json(card) if card is not None else Card(card_id=_CARD_ID, due=when)
    after, _ = _SCHEDULER.review_card(before, FsrsRating(int(rating)), review_datetime=when)
    return CardState(after.to_json(), after.due.astimezone(UTC))


def day_end(now: datetime) -> datetime:
    """The first moment after the local day of `now` (an aware datetime, read
    in the computer's time zone): a card is due today when due before it."""
    tomorrow = now.astimezone().date() + timedelta(days=1)
    # A naive time made aware takes the zone's offset at that moment (summer time).
    return datetime.combine(tomorrow, time()).astimezone()


def overdue_days(due: datetime, now: datetime) -> int:
    """Whole local days from the day a card fell due to the day of `now`
    (0 when due today, negative when not yet due)."""
    return (now.astimezone().date() - due.astimezone().date()).days
