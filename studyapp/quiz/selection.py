"""Choosing questions and drawing papers: filters, a spread across lessons, seeded shuffles.

Pure code: the random source is a seed passed in, and the same seed gives the
same paper on every run and machine. Only `random.Random(int).randrange` is
used (its algorithm is fixed since Python 3.2), never `hash()` or set order.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TypeVar

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS, Question, QuestionType
from studyapp.errors import StudyappError
from studyapp.i18n import tr

SEED_LIMIT = 2**63
T = TypeVar("T")


class NotEnoughQuestionsError(StudyappError):
    """More questions were asked for than the filters leave."""

    def __init__(self, requested: int, available: int) -> None:
        super().__init__(tr("quiz.not_enough", requested=requested, available=available))
        self.requested = requested
        self.available = available


@dataclass(frozen=True)
class Filters:
    """Which questions a paper may draw from. Each set, when not empty, must
    contain the question's value; a lesson includes its children."""

    packs: frozenset[str] = frozenset()
    banks: frozenset[str] = frozenset()
    lessons: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    types: frozenset[QuestionType] = frozenset()
    difficulties: frozenset[int] = frozenset()


def select_questions(catalog: Catalog, filters: Filters) -> list[Question]:
    """The questions that pass every filter, in catalog order."""
    lessons = set(catalog.with_descendants(sorted(filters.lessons))) if filters.lessons else None
    chosen = []
    for question in catalog.questions:
        if filters.packs and catalog.pack_of(question) not in filters.packs:
            continue
        if filters.banks and question.bank_id not in filters.banks:
            continue
        if lessons is not None and question.lesson not in lessons:
            continue
        if filters.tags and not filters.tags.intersection(question.tags):
            continue
        if filters.types and question.type not in filters.types:
            continue
        if filters.difficulties and question.difficulty not in filters.difficulties:
            continue
        chosen.append(question)
    return chosen


@dataclass(frozen=True)
class PaperItem:
    """A question as shown on a paper: the orders in which its choices, its
    items and the right side of its pairs are shown, each a tuple mapping the
    shown position to the written index."""

    question: Question
    choice_order: tuple[int, ...] = ()
    item_order: tuple[int, ...] = ()
    right_order: tuple[int, ...] = ()

    @property
    def shown_choices(self) -> list[str]:
        return [self.question.choices[i] for i in self.choice_order]

    @property
    def shown_items(self) -> list[str]:
        return [self.question.items[i] for i in self.item_order]

    @property
    def shown_rights(self) -> list[str]:
        return [self.question.pairs[i][1] for i in self.right_order]

    @property
    def answer_letters(self) -> list[str]:
        """The right choices' letters as shown (relabelled after shuffling)."""
        return sorted(LETTERS[self.choice_order.index(i)] for i in self.question.correct_choices)

    def written_choice(self, shown_letter: str) -> int:
        """The written index of the choice shown under `shown_letter`."""
        return self.choice_order[LETTERS.index(shown_letter)]


@dataclass(frozen=True)
class Paper:
    """The questions of a quiz, in order, with how each is shown."""

    seed: int
    items: tuple[PaperItem, ...] = field(default_factory=tuple)

    @property
    def question_ids(self) -> list[str]:
        return [item.question.full_id for item in self.items]


def derive_seed(session_seed: int, member_id: str) -> int:
    """The seed of one member's variant of a session's paper: stable, and
    different for each member."""
    digest = hashlib.sha256(f"{session_seed}:{member_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % SEED_LIMIT


def new_seed(rng: random.Random | None = None) -> int:
    """A fresh seed (from the system's randomness unless `rng` is given)."""
    return (rng or random.SystemRandom()).randrange(SEED_LIMIT)


def _shuffled(values: Sequence[T], rng: random.Random) -> list[T]:
    """Fisher-Yates with `randrange` only, so it never depends on how a
    Python version implements `shuffle`."""
    result = list(values)
    for index in range(len(result) - 1, 0, -1):
        other = rng.randrange(index + 1)
        result[index], result[other] = result[other], result[index]
    return result


def _permutation(size: int, rng: random.Random, avoid_identity: bool) -> tuple[int, ...]:
    order = _shuffled(range(size), rng)
    if avoid_identity and size > 1 and order == list(range(size)):
        # Shown in the written order, an order or match question answers itself.
        order = order[1:] + order[:1]
    return tuple(order)


def _allocate(group_sizes: Sequence[int], count: int, rng: random.Random) -> list[int]:
    """How many questions each lesson gives: one each when `count` allows (the
    lessons chosen at random otherwise), the rest in proportion to what each
    lesson has left, by largest remainder, never more than it has."""
    groups = len(group_sizes)
    if count <= groups:
        chosen = set(_shuffled(range(groups), rng)[:count])
        return [1 if index in chosen else 0 for index in range(groups)]
    allocation = [1] * groups
    remaining = count - groups
    room = [size - 1 for size in group_sizes]
    total_room = sum(room)
    quotas = [Fraction(remaining * r, total_room) if total_room else Fraction(0) for r in room]
    for index, quota in enumerate(quotas):
        allocation[index] += int(quota)
    left = count - sum(allocation)
    # Largest remainders first; ties in a seeded order, not in list order.
    tie_order = _shuffled(range(groups), rng)
    ranked = sorted(range(groups),
                    key=lambda i: (-(quotas[i] - int(quotas[i])), tie_order.index(i)))
    for index in ranked:
        if left == 0:
            break
        if allocation[index] < group_sizes[index]:
            allocation[index] += 1
            left -= 1
    return allocation


def _group_key(question: Question) -> tuple[str, str] | None:
    """Groups are named within a bank (bank ids are unique across the catalog)."""
    return (question.bank_id, question.group) if question.group is not None else None


def drawable_count(questions: Iterable[Question]) -> int:
    """How many questions one paper can hold: a group of questions that give
    each other away counts once."""
    groups: set[tuple[str, str]] = set()
    count = 0
    for question in questions:
        key = _group_key(question)
        if key is None:
            count += 1
        elif key not in groups:
            groups.add(key)
            count += 1
    return count


def _one_per_group(pool: list[Question], rng: random.Random) -> list[Question]:
    """The pool with one question of each group kept, chosen at random (the
    others in their order). A pool without groups is returned as it is and
    the random source left untouched, so that papers drawn from it stay the
    same as before groups existed."""
    members: dict[tuple[str, str], list[int]] = {}
    for index, question in enumerate(pool):
        key = _group_key(question)
        if key is not None:
            members.setdefault(key, []).append(index)
    if not members:
        return pool
    dropped: set[int] = set()
    for indices in members.values():  # in order of first appearance: deterministic
        kept = indices[rng.randrange(len(indices))]
        dropped.update(index for index in indices if index != kept)
    return [question for index, question in enumerate(pool) if index not in dropped]


def draw_paper(questions: Iterable[Question], count: int, seed: int) -> Paper:
    """`count` different questions spread across their lessons, in a seeded
    order, each with its choices, items and pairs shuffled (choices stay in
    the written order when the question says `shuffle = false`). At most one
    question of a group is drawn: questions that give each other away never
    share a paper."""
    rng = random.Random(seed)
    pool = _one_per_group(list(questions), rng)
    if count < 1 or count > len(pool):
        raise NotEnoughQuestionsError(count, len(pool))
    groups: dict[str | None, list[Question]] = {}
    for question in pool:
        groups.setdefault(question.lesson, []).append(question)
    members = list(groups.values())
    allocation = _allocate([len(group) for group in members], count, rng)
    drawn: list[Question] = []
    for group, size in zip(members, allocation, strict=True):
        drawn.extend(_shuffled(group, rng)[:size])
    return Paper(seed, tuple(_item(question, rng) for question in _shuffled(drawn, rng)))


def ordered_paper(questions: Iterable[Question], seed: int) -> Paper:
    """A paper of these questions in the order given (a review session: most
    overdue first), each with its choices, items and pairs shuffled."""
    rng = random.Random(seed)
    return Paper(seed, tuple(_item(question, rng) for question in questions))


def _item(question: Question, rng: random.Random) -> PaperItem:
    choice_order = tuple(range(len(question.choices)))
    if question.shuffle and question.choices:
        choice_order = _permutation(len(question.choices), rng, avoid_identity=False)
    return PaperItem(
        question,
        choice_order=choice_order,
        item_order=_permutation(len(question.items), rng, avoid_identity=True),
        right_order=_permutation(len(question.pairs), rng, avoid_identity=True),
    )
