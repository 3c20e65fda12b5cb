"""A question as its bank writes it, as data: for `studyapp questions` and for bundles."""

from __future__ import annotations

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS, Question


def written_answer(question: Question) -> object:
    """The answer as the bank writes it (null for order and match)."""
    kind = question.type
    if kind == "single":
        return LETTERS[question.correct_choices[0]]
    if kind == "multi":
        return [LETTERS[i] for i in question.correct_choices]
    if kind == "truefalse":
        return question.truth
    if kind == "fill":
        return question.accepted[0] if len(question.accepted) == 1 else list(question.accepted)
    if kind == "number" and question.number is not None:
        number = question.number
        return int(number) if number == number.to_integral_value() else float(number)
    return None


def question_data(question: Question, catalog: Catalog) -> dict[str, object]:
    points = question.points
    return {
        "id": question.full_id,
        "bank": question.bank_id,
        "pack": catalog.pack_of(question),
        "type": question.type,
        "prompt": question.prompt,
        "choices": list(question.choices) if question.choices else None,
        "answer": written_answer(question),
        "items": list(question.items) if question.items else None,
        "pairs": [list(pair) for pair in question.pairs] if question.pairs else None,
        "explanation": question.explanation,
        "lesson": question.lesson,
        "tags": list(question.tags),
        "difficulty": question.difficulty,
        "points": int(points) if points.denominator == 1 else float(points),
        "hash": question.content_hash,
    }
