"""Answers in words, as the paper showed them: for feedback, review and reports.

A response names choices, items and pairs by their written index; the
learner saw them relabelled. These functions speak in what was shown:
`B. Kiên định…` for the choice shown second, items in the order given.
"""

from __future__ import annotations

from decimal import Decimal

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS
from studyapp.i18n import Lang, current_language, tr
from studyapp.quiz.analysis import ItemStats
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
    response_from_data,
)
from studyapp.quiz.selection import PaperItem


def format_number(value: Decimal, lang: Lang | None = None) -> str:
    """A number as written in the bank, with a decimal comma in Vietnamese."""
    text = format(value.normalize(), "f") if value == value.to_integral_value() else str(value)
    if "." in text and "E" not in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if (lang or current_language()) == "vi" else text


def _choice_line(item: PaperItem, written: int, letters: bool) -> str:
    if not letters:
        return item.question.choices[written]
    shown = item.choice_order.index(written)
    return f"{LETTERS[shown]}. {item.question.choices[written]}"


def _choices(item: PaperItem, written: set[int], letters: bool = True) -> list[str]:
    """The chosen choices in the order shown (with their letters as shown,
    unless `letters` is False: members may have seen different letters)."""
    return [_choice_line(item, index, letters) for index in item.choice_order
            if index in written]


def truth_word(value: bool, lang: Lang | None = None) -> str:
    return tr("quiz.true" if value else "quiz.false", lang)


def describe_response(item: PaperItem, response: Response | None,
                      lang: Lang | None = None, *, letters: bool = True) -> list[str]:
    """What the learner answered, one line per part; a single line saying
    so when nothing was answered."""
    question = item.question
    if response is None:
        return [tr("quiz.no_answer", lang)]
    if isinstance(response, ChoiceResponse):
        return _choices(item, set(response.chosen), letters) or [tr("quiz.no_answer", lang)]
    if isinstance(response, TruthResponse):
        return [truth_word(response.value, lang)]
    if isinstance(response, TextResponse):
        return [response.text.strip() or tr("quiz.no_answer", lang)]
    if isinstance(response, OrderResponse):
        return [f"{place}. {question.items[index]}" for place, index in
                enumerate(response.order, 1)]
    lines = []
    for left, right in enumerate(response.rights):
        partner = question.pairs[right][1] if right is not None else "—"
        lines.append(f"{question.pairs[left][0]} → {partner}")
    return lines


def describe_correct(item: PaperItem, lang: Lang | None = None, *,
                     letters: bool = True) -> list[str]:
    """The right answer, one line per part, in the terms shown."""
    question = item.question
    kind = question.type
    if kind in ("single", "multi"):
        return _choices(item, set(question.correct_choices), letters)
    if kind == "truefalse":
        return [truth_word(bool(question.truth), lang)]
    if kind == "fill":
        first, *others = question.accepted
        if others:
            return [first, tr("quiz.also_accepted", lang, others=" · ".join(others))]
        return [first]
    if kind == "number":
        if question.number is None:  # pragma: no cover - a valid number question has one
            return []
        text = format_number(question.number, lang)
        if question.tolerance:
            text = tr("quiz.number_tolerance", lang, number=text,
                      tolerance=format_number(question.tolerance, lang))
        return [text]
    if kind == "order":
        return [f"{place}. {text}" for place, text in enumerate(question.items, 1)]
    return [f"{left} → {right}" for left, right in question.pairs]


def line_marks(item: PaperItem, response: Response | None) -> list[bool] | None:
    """For an ordering or a matching, whether each line of `describe_response`
    is right (the item in its place, the pair as written); None otherwise."""
    if isinstance(response, OrderResponse):
        return [written == place for place, written in enumerate(response.order)]
    if isinstance(response, MatchResponse):
        return [right == left for left, right in enumerate(response.rights)]
    return None


def as_written(catalog: Catalog, question_id: str) -> PaperItem | None:
    """A question with its choices as the bank writes them (each member may
    have seen another order: the summary names answers by their text)."""
    if not catalog.has_question(question_id):
        return None
    question = catalog.question(question_id)
    return PaperItem(question, tuple(range(len(question.choices))),
                     tuple(range(len(question.items))), tuple(range(len(question.pairs))))


PRIVATE_BELOW = 3
"""A wrong answer chosen by fewer members is said without its count: with a paper of
its own for each member, "(1 người)" points at one person in the room (issue 14)."""


def top_wrong_line(answer: str, count: int, lang: Lang | None = None) -> str:
    """The summary's line about the wrong answer given most."""
    if count >= PRIVATE_BELOW:
        return tr("item.top_wrong", lang, answer=answer, count=count)
    return tr("item.top_wrong_uncounted", lang, answer=answer)


def wrong_answer_text(item: PaperItem, stats: ItemStats, lang: Lang | None = None) -> str | None:
    """The wrong answer given most, in words (None: nobody answered wrongly)."""
    if stats.top_wrong is None or (stats.top_wrong_count < 2 <= stats.asked - stats.right):
        return None  # nobody wrong, or every wrong answer was someone else's own
    try:
        response = response_from_data(stats.top_wrong)
    except (ValueError, KeyError, TypeError):
        return None
    return "; ".join(describe_response(item, response, lang, letters=False))
