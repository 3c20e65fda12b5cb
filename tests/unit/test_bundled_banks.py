"""The bundled banks meet what the quiz needs: enough questions, everywhere, of every type."""

from __future__ import annotations

import re
from collections import Counter

import tomli

from studyapp.content.catalog import Catalog
from studyapp.paths import bundled_content_dir

PACK = bundled_content_dir() / "hoi-nghi-tw2-khoa-xiv"
PASSAGE = re.compile(r"\b(Mục [IV]+(\.\d+)?(\.\(\d+\))?|Phần mở đầu|Nơi nhận)")


def test_enough_questions_everywhere(catalog: Catalog) -> None:
    questions = catalog.questions
    assert len(questions) >= 200
    per_lesson = Counter(q.lesson for q in questions)
    for lesson in catalog.lessons:
        if lesson.id != "gioi-thieu":
            assert per_lesson[lesson.id] >= 3, lesson.id
    topic = {"bon-kien-dinh", *(c.id for c in catalog.descendants("bon-kien-dinh"))}
    assert sum(per_lesson[lesson] for lesson in topic) >= 25


def test_every_type_is_used(catalog: Catalog) -> None:
    per_type = Counter(q.type for q in catalog.questions)
    for kind in ("multi", "truefalse", "fill", "order", "match"):
        assert per_type[kind] >= 10, kind
    assert per_type["number"] >= 5
    assert per_type["single"] >= 10


def test_every_question_has_a_lesson_a_difficulty_and_an_explanation_naming_its_passage(
        catalog: Catalog) -> None:
    for question in catalog.questions:
        assert question.lesson is not None, question.full_id
        assert question.explanation is not None, question.full_id
        assert PASSAGE.search(question.explanation), (question.full_id, question.explanation)
    for path in (PACK / "banks").glob("*.toml"):
        for raw in tomli.loads(path.read_text(encoding="utf-8"))["questions"]:
            assert "difficulty" in raw, (path.name, raw["id"])  # set, not left to the default


def test_single_choice_answers_are_spread_over_the_letters(catalog: Catalog) -> None:
    letters = Counter(q.correct_choices[0] for q in catalog.questions if q.type == "single")
    assert len(letters) == 4
    assert max(letters.values()) - min(letters.values()) <= 3
