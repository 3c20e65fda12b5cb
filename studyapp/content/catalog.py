"""The catalog: every loaded pack and lesson, as a tree in reading order."""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from studyapp.content.model import Bank, Lesson, Pack, Question
from studyapp.text import sort_key

if TYPE_CHECKING:
    from studyapp.content.document import Document


class Catalog:
    """Packs and their lessons. Lesson ids are unique across the catalog.

    Reading order is the document's tree: packs in load order, and within a
    pack each lesson followed by its children, siblings by `order`, then title."""

    def __init__(self, packs: Sequence[Pack], lessons: Iterable[Lesson],
                 banks: Iterable[Bank] = ()) -> None:
        self.packs: tuple[Pack, ...] = tuple(packs)
        self._packs = {pack.id: pack for pack in self.packs}
        self._lessons = {lesson.id: lesson for lesson in lessons}
        children: dict[tuple[str, str | None], list[Lesson]] = {}
        for lesson in self._lessons.values():
            children.setdefault((lesson.pack_id, lesson.parent), []).append(lesson)
        for siblings in children.values():
            orders = [item.order for item in siblings]
            if None in orders or len(set(orders)) < len(orders):
                siblings.sort(key=lambda item: (item.order if item.order is not None else math.inf,
                                                sort_key(item.title), item.id))
            else:  # every sibling has its own `order`: titles need not be compared
                siblings.sort(key=lambda item: item.order or 0.0)
        self._children = {key: tuple(value) for key, value in children.items()}
        self._order: list[tuple[Lesson, int]] = []
        for pack in self.packs:
            self._walk(pack.id, None, 0)
        self._position = {lesson.id: index for index, (lesson, _) in enumerate(self._order)}
        self._documents: dict[str, Document] = {}
        self.banks: tuple[Bank, ...] = tuple(banks)
        self._banks = {bank.id: bank for bank in self.banks}
        self._pack_of_bank = {bank.id: bank.pack_id for bank in self.banks}
        self._questions = {q.full_id: q for bank in self.banks for q in bank.questions}

    def _walk(self, pack_id: str, parent: str | None, depth: int) -> None:
        # With a stack, not recursion: a pack from outside may nest deeply.
        stack = [(lesson, depth) for lesson in reversed(self._children.get((pack_id, parent), ()))]
        while stack:
            lesson, level = stack.pop()
            self._order.append((lesson, level))
            stack.extend((child, level + 1) for child in
                         reversed(self._children.get((pack_id, lesson.id), ())))

    # --- lookups -------------------------------------------------------------

    def pack(self, pack_id: str) -> Pack:
        return self._packs[pack_id]

    def lesson(self, lesson_id: str) -> Lesson:
        return self._lessons[lesson_id]

    def has_lesson(self, lesson_id: str) -> bool:
        return lesson_id in self._lessons

    def __len__(self) -> int:
        return len(self._lessons)

    @property
    def lessons(self) -> list[Lesson]:
        """Every lesson, in reading order."""
        return [lesson for lesson, _ in self._order]

    def walk(self) -> Iterator[tuple[Lesson, int]]:
        """Every lesson with its depth in the tree, in reading order."""
        return iter(self._order)

    def roots(self, pack_id: str) -> tuple[Lesson, ...]:
        return self._children.get((pack_id, None), ())

    def children(self, lesson_id: str) -> tuple[Lesson, ...]:
        lesson = self._lessons[lesson_id]
        return self._children.get((lesson.pack_id, lesson_id), ())

    def ancestors(self, lesson_id: str) -> list[Lesson]:
        """The lesson's parent, grandparent, ... up to its top-level lesson."""
        found = []
        parent = self._lessons[lesson_id].parent
        while parent is not None:
            lesson = self._lessons[parent]
            found.append(lesson)
            parent = lesson.parent
        return found

    def descendants(self, lesson_id: str) -> list[Lesson]:
        """The lesson's children, their children, ..., in reading order."""
        found: list[Lesson] = []
        stack = list(reversed(self.children(lesson_id)))
        while stack:
            child = stack.pop()
            found.append(child)
            stack.extend(reversed(self.children(child.id)))
        return found

    def with_descendants(self, lesson_ids: Iterable[str]) -> list[str]:
        """The ids given and those of all their descendants, in reading order."""
        wanted: set[str] = set()
        for lesson_id in lesson_ids:
            wanted.add(lesson_id)
            wanted.update(lesson.id for lesson in self.descendants(lesson_id))
        return [lesson.id for lesson, _ in self._order if lesson.id in wanted]

    def next_lesson(self, lesson_id: str) -> Lesson | None:
        """The lesson after this one in reading order, or None at the end."""
        index = self._position[lesson_id] + 1
        return self._order[index][0] if index < len(self._order) else None

    def previous_lesson(self, lesson_id: str) -> Lesson | None:
        index = self._position[lesson_id] - 1
        return self._order[index][0] if index >= 0 else None

    def position(self, lesson_id: str) -> int:
        """The lesson's 0-based place in reading order."""
        return self._position[lesson_id]

    # --- banks and questions -------------------------------------------------------

    def bank(self, bank_id: str) -> Bank:
        return self._banks[bank_id]

    def pack_of(self, question: Question) -> str:
        return self._pack_of_bank[question.bank_id]

    @property
    def questions(self) -> list[Question]:
        """Every question: banks in load order, questions as written."""
        return list(self._questions.values())

    def question(self, full_id: str) -> Question:
        """A question by its full id (`bank/question`)."""
        return self._questions[full_id]

    def has_question(self, full_id: str) -> bool:
        return full_id in self._questions

    def document(self, lesson_id: str) -> Document:
        """The lesson's body as blocks of plain text (parsed once, on demand)."""
        document = self._documents.get(lesson_id)
        if document is None:
            # Lesson bodies are parsed when first read, not when the program starts.
            from studyapp.content.document import parse_document  # noqa: PLC0415

            document = self._documents[lesson_id] = parse_document(self._lessons[lesson_id].body)
        return document
