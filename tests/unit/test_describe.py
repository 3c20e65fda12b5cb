"""Answers in words, in the terms the paper showed (relabelled letters, shown order)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from studyapp.content.model import Question
from studyapp.i18n import set_language
from studyapp.quiz.describe import (
    describe_correct,
    describe_response,
    format_number,
    line_marks,
    top_wrong_line,
)
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    TextResponse,
    TruthResponse,
)
from studyapp.quiz.selection import PaperItem


def question(**fields: object) -> Question:
    base: dict[str, object] = {"bank_id": "b", "id": "q", "type": "single", "prompt": "?",
                               "content_hash": "h", "path": Path("b.toml")}
    return Question(**{**base, **fields})  # type: ignore[arg-type]


def test_choices_speak_in_the_letters_shown() -> None:
    q = question(type="multi", choices=("Một", "Hai", "Ba"), correct_choices=(0, 2))
    item = PaperItem(q, choice_order=(2, 0, 1))  # shown: A=Ba, B=Một, C=Hai
    assert describe_correct(item) == ["A. Ba", "B. Một"]
    assert describe_response(item, ChoiceResponse(frozenset({1}))) == ["C. Hai"]
    assert describe_response(item, None) == ["(chưa trả lời)"]


def test_true_false_in_the_interface_language() -> None:
    item = PaperItem(question(type="truefalse", truth=False))
    assert describe_correct(item) == ["Sai"]
    assert describe_response(item, TruthResponse(True)) == ["Đúng"]
    set_language("en")
    assert describe_correct(item) == ["False"]


def test_fill_lists_every_accepted_form() -> None:
    item = PaperItem(question(type="fill", accepted=("kiên định", "vững vàng")))
    assert describe_correct(item) == ["kiên định", "cũng chấp nhận: vững vàng"]
    assert describe_response(item, TextResponse("  kien dinh ")) == ["kien dinh"]
    assert describe_response(item, TextResponse("   ")) == ["(chưa trả lời)"]


@pytest.mark.parametrize(("value", "vi", "en"), [
    (Decimal("14"), "14", "14"), (Decimal("2.5"), "2,5", "2.5"), (Decimal("0.50"), "0,5", "0.5"),
    (Decimal("1E+3"), "1000", "1000"), (Decimal("-3.25"), "-3,25", "-3.25"),
])
def test_numbers_with_a_decimal_comma_in_vietnamese(value: Decimal, vi: str, en: str) -> None:
    assert format_number(value, "vi") == vi
    assert format_number(value, "en") == en


def test_number_with_its_tolerance() -> None:
    item = PaperItem(question(type="number", number=Decimal("2.5"), tolerance=Decimal("0.5")))
    assert describe_correct(item) == ["2,5 (sai số cho phép ± 0,5)"]


def test_order_and_match_line_by_line() -> None:
    order = PaperItem(question(type="order", items=("Một", "Hai", "Ba")), item_order=(1, 2, 0))
    assert describe_correct(order) == ["1. Một", "2. Hai", "3. Ba"]
    assert describe_response(order, OrderResponse((2, 0, 1))) == ["1. Ba", "2. Một", "3. Hai"]
    match = PaperItem(question(type="match", pairs=(("Xây", "dựng"), ("Chống", "suy thoái"))),
                      right_order=(1, 0))
    assert describe_correct(match) == ["Xây → dựng", "Chống → suy thoái"]
    assert describe_response(match, MatchResponse((1, None))) == ["Xây → suy thoái", "Chống → —"]


def test_which_lines_of_an_ordering_or_matching_are_right() -> None:
    order = PaperItem(question(type="order", items=("Một", "Hai", "Ba")), item_order=(1, 2, 0))
    assert line_marks(order, OrderResponse((0, 2, 1))) == [True, False, False]
    match = PaperItem(question(type="match", pairs=(("a", "1"), ("b", "2"), ("c", "3"))),
                      right_order=(2, 0, 1))
    assert line_marks(match, MatchResponse((0, 2, None))) == [True, False, False]
    assert line_marks(order, None) is None
    assert line_marks(PaperItem(question(type="truefalse", truth=True)),
                      TruthResponse(True)) is None


def test_the_most_chosen_wrong_answer_is_counted_only_from_three_members() -> None:
    # With a paper each, "(1 người)" points at one person in the room (issue 14.5).
    assert top_wrong_line("Sai", 1) == "Câu trả lời sai gặp nhiều nhất: “Sai”"
    assert top_wrong_line("Sai", 2) == "Câu trả lời sai gặp nhiều nhất: “Sai”"
    assert top_wrong_line("Sai", 3) == "Câu trả lời sai gặp nhiều nhất: “Sai” (3 người)"
