"""A first draft of questions from a pack's own lessons (`studyapp pack draft-questions`),
each provably answerable from the text: its lesson, and an explanation quoting the
passage and naming the section. Every one is `status = "draft"`: nothing draws it until
an author accepts it.

- a list of parallel items under one heading gives a `multi` "which of these does
  section X list", its wrong choices taken from other lists of the same document;
- sibling sections (the tasks of each body) give a `single` "according to section X,
  which belongs to it", the siblings' items as the other choices, and a `match` of each
  section's heading to one of its items;
- a phrase in quotation marks inside a sentence (“đi trước, mở đường”) gives a `fill`
  with the sentence as the prompt.
No counting, ordering or made-up true/false: those test the layout, not the content.

Drafts on the same passage give each other away (a list's items are the answer of the
question on its section, the match shows an item of every sibling), so they share a
`group`: the drafts of one lesson, or of one set of sibling sections, and a paper draws
at most one of them once they are accepted.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from studyapp.content.document import Document
from studyapp.content.model import LETTERS, Lesson

MAX_CHOICE = 110
"""A list item longer than this is no choice: only its emphasised part, or its first
clause when that is short, is offered."""
_QUOTED = re.compile(r"“([^”]{3,60})”")
_SENTENCES = re.compile(r"(?<=[.;!?])\s+")


@dataclass
class _List:
    lesson: Lesson
    items: list[str]


def _item_text(text: str) -> str | None:
    """What a list item offers as a choice: the whole item when short, else its
    first clause (to `.` or `;`) when that is short; None otherwise."""
    text = " ".join(text.split())
    if len(text) <= MAX_CHOICE:
        return text.rstrip(" ;,.")
    first = re.split(r"(?<=[.;])\s", text, maxsplit=1)[0].rstrip(" ;,.")
    if 8 <= len(first) <= MAX_CHOICE:
        return first
    # The item's opening words, cut at a word and marked as cut: the author shortens it.
    return text[:MAX_CHOICE - 2].rsplit(" ", 1)[0].rstrip(" ;,.") + " …"


def _items(document: Document) -> list[str]:
    """The list items of a lesson's body; its first block is the section's own heading
    (`1. Ban Xây dựng đảng Đảng ủy` reads as an item in Markdown), not one of them."""
    return [block.text for block in document.blocks[1:]
            if block.kind == "item" and not block.quoted]


def _offered(document: Document) -> list[str]:
    """The list items of a lesson that can be offered as choices."""
    return [text for text in (_item_text(item) for item in _items(document)) if text]


def _lists(lessons: Sequence[Lesson], documents: dict[str, Document]) -> list[_List]:
    found = []
    for lesson in lessons:
        if lesson.id == "gioi-thieu" or lesson.id.endswith("-gioi-thieu"):
            continue  # recipients and signature are no list of content
        items = _items(documents[lesson.id])
        offered = [text for text in (_item_text(item) for item in items) if text]
        if len(offered) >= 3 and len(offered) == len(items):
            found.append(_List(lesson, list(dict.fromkeys(offered))))
    return found


def _explanation(lesson: Lesson, passage: str) -> str:
    passage = " ".join(passage.split())
    if len(passage) > 400:
        passage = passage[:400].rsplit(" ", 1)[0] + " …"
    return f"Theo mục {lesson.source}: “{passage}”"


def draft_questions(lessons: Sequence[Lesson], documents: dict[str, Document], *,
                    seed: int = 1) -> list[dict[str, Any]]:
    """The draft questions as bank tables (`status = "draft"`), in lesson order."""
    rng = random.Random(seed)
    tables: list[dict[str, Any]] = []
    lists = _lists(lessons, documents)
    for number, found in enumerate(lists):
        others = [item for other in lists if other is not found for item in other.items
                  if item not in found.items]
        if len(others) < 2:
            continue
        listed = rng.sample(found.items, k=min(3, len(found.items)))
        choices = listed + rng.sample(others, k=min(2, len(others)))
        rng.shuffle(choices)
        tables.append({
            "id": f"nhap-ds-{number + 1}", "type": "multi",
            "prompt": f"Theo mục {found.lesson.source} ({found.lesson.title}), những nội dung "
                      "nào sau đây được nêu?",
            "choices": choices,
            "answer": sorted(LETTERS[choices.index(item)] for item in listed),
            "explanation": _explanation(found.lesson, "; ".join(found.items)),
            "lesson": found.lesson.id})
    # Sibling sections (the tasks of each body): which section an item belongs to.
    sibling_sets: dict[str, str] = {}
    children: dict[str | None, list[Lesson]] = {}
    for lesson in lessons:
        children.setdefault(lesson.parent, []).append(lesson)
    for parent, group in children.items():
        offered = {lesson.id: items for lesson in group
                   if (items := _offered(documents[lesson.id]))}
        siblings = [lesson for lesson in group if lesson.id in offered]
        if parent is None or len(siblings) < 3:
            continue
        sibling_sets[f"parent:{parent}"] = f"{parent}-muc"
        sibling_sets.update((lesson.id, f"{parent}-muc") for lesson in siblings)
        for lesson in siblings:
            right = rng.choice(offered[lesson.id])
            pool = [item for other in siblings if other is not lesson
                    for item in offered[other.id] if item not in offered[lesson.id]]
            if len(pool) < 2:
                continue
            choices = [right, *rng.sample(pool, k=min(3, len(pool)))]
            rng.shuffle(choices)
            tables.append({
                "id": f"nhap-muc-{lesson.id}", "type": "single",
                "prompt": f"Theo mục {lesson.source} ({lesson.title}), nội dung nào sau đây "
                          "thuộc mục này?",
                "choices": choices, "answer": LETTERS[choices.index(right)],
                "explanation": _explanation(lesson, right), "lesson": lesson.id})
        titled = [lesson for lesson in siblings if len(lesson.title) <= MAX_CHOICE
                  and not lesson.title.endswith("…")][:6]
        if len(titled) >= 3:
            pairs = [[lesson.title, rng.choice(offered[lesson.id])] for lesson in titled]
            if len({pair[1] for pair in pairs}) == len(pairs):
                tables.append({
                    "id": f"nhap-ghep-{parent}", "type": "match",
                    "prompt": "Ghép mỗi mục với một nội dung mà văn bản nêu trong mục đó.",
                    "pairs": pairs,
                    "explanation": "; ".join(f"Mục {lesson.source} ({lesson.title}): "
                                             f"“{pair[1]}”"
                                             for lesson, pair in zip(titled, pairs,
                                                                     strict=True)),
                    "lesson": parent})
    for lesson in lessons:
        for raw in _SENTENCES.split(documents[lesson.id].plain):
            sentence = re.sub(r"^\(?\d+[.)]\s+", "", " ".join(raw.split()))
            phrases = [phrase for phrase in _QUOTED.findall(sentence) if " " in phrase]
            if not phrases or len(sentence) > 300:
                continue
            phrase = phrases[0]
            prompt = sentence.replace(f"“{phrase}”", "“___”", 1)
            tables.append({
                "id": f"nhap-dien-{lesson.id}-{len(tables) + 1}", "type": "fill",
                "prompt": f"Điền vào chỗ trống theo mục {lesson.source}: {prompt}",
                "answer": phrase, "explanation": _explanation(lesson, sentence),
                "lesson": lesson.id})
    _group_by_passage(tables, sibling_sets)
    for table in tables:
        table["status"] = "draft"
    return tables


def _group_by_passage(tables: list[dict[str, Any]], sibling_sets: dict[str, str]) -> None:
    """One `group` for the drafts that draw on one lesson, or on one set of sibling
    sections (`sibling_sets`: lesson id → its set's key); none for a draft alone."""
    keys = [sibling_sets.get(table["lesson"], table["lesson"])
            if table["type"] != "match" else sibling_sets[f"parent:{table['lesson']}"]
            for table in tables]
    counts: dict[str, int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    for table, key in zip(tables, keys, strict=True):
        if counts[key] > 1:
            table["group"] = f"nhap-{key}"
