"""What a phone's form says, read as a response to the question on its page.

Each of the seven types is answered by touch without drag-and-drop (issue 13):
single and true/false by a button per answer, multi by boxes to tick, ordering
by a place number chosen for each item (as on the printed paper), matching by
a letter chosen for each left side, fill and number by typing. The form
names shown positions; the response names written indices, as the store
keeps them. Anything that is not one of the form's own values is refused with
`FormError` and nothing is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from studyapp.content.model import LETTERS
from studyapp.errors import StudyappError
from studyapp.i18n import tr
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
)
from studyapp.quiz.selection import PaperItem
from studyapp.text import normalize_line

MAX_TEXT = 500
"""Characters of a typed answer kept: a fill or a number is a few words."""


class FormError(StudyappError):
    """The form's values are not an answer to this question; the message says why."""


def _index(value: str, size: int) -> int:
    try:
        index = int(value)
    except ValueError as error:
        raise FormError(tr("phone.bad_form")) from error
    if not 0 <= index < size:
        raise FormError(tr("phone.bad_form"))
    return index


def read_response(item: PaperItem, values: dict[str, list[str]]) -> Response:
    """The response the form's `values` (name → every value sent) give to `item`."""
    question = item.question
    kind = question.type

    def one(name: str) -> str:
        got = values.get(name, [])
        if len(got) != 1:
            raise FormError(tr("phone.answer_first"))
        return got[0]

    if kind == "single":
        return ChoiceResponse(frozenset({item.choice_order[_index(one("choice"),
                                                                  len(item.choice_order))]}))
    if kind == "multi":
        shown = {_index(v, len(item.choice_order)) for v in values.get("choice", [])}
        if not shown:
            raise FormError(tr("phone.answer_first"))
        return ChoiceResponse(frozenset(item.choice_order[i] for i in shown))
    if kind == "truefalse":
        value = one("truth")
        if value not in ("1", "0"):
            raise FormError(tr("phone.bad_form"))
        return TruthResponse(value == "1")
    if kind in ("fill", "number"):
        text = normalize_line(one("text"))[:MAX_TEXT]
        if not text:
            raise FormError(tr("phone.answer_first"))
        return TextResponse(text)
    if kind == "order":
        size = len(item.item_order)
        places = [_index(one(f"place-{shown}"), size) for shown in range(size)]
        if sorted(places) != list(range(size)):
            raise FormError(tr("phone.order_incomplete"))
        by_place = sorted(range(size), key=lambda shown: places[shown])
        return OrderResponse(tuple(item.item_order[shown] for shown in by_place))
    # match: for each left side (written order), the letter of a right side as shown
    size = len(item.right_order)
    rights: list[int | None] = []
    for left in range(len(question.pairs)):
        chosen = values.get(f"right-{left}", [""])
        if len(chosen) != 1:
            raise FormError(tr("phone.bad_form"))
        rights.append(None if chosen[0] == "" else item.right_order[_index(chosen[0], size)])
    if all(right is None for right in rights):
        raise FormError(tr("phone.answer_first"))
    return MatchResponse(tuple(rights))


@dataclass(frozen=True)
class Shown:
    """What the page marks as already answered, in the form's own terms."""

    choices: frozenset[int] = frozenset()
    """Shown positions of the chosen choices."""
    truth: bool | None = None
    text: str = ""
    places: tuple[int | None, ...] = ()
    """For each shown item, its place (0-based)."""
    rights: tuple[int | None, ...] = ()
    """For each left side, the shown position of its right side."""


def shown_response(item: PaperItem, response: Response | None) -> Shown:
    """The stored response as the form shows it, so a member who comes back to a
    question sees their answer."""
    if response is None:
        return Shown(places=(None,) * len(item.item_order),
                     rights=(None,) * len(item.question.pairs))
    if isinstance(response, ChoiceResponse):
        return Shown(choices=frozenset(item.choice_order.index(i) for i in response.chosen
                                       if i in item.choice_order))
    if isinstance(response, TruthResponse):
        return Shown(truth=response.value)
    if isinstance(response, TextResponse):
        return Shown(text=response.text)
    if isinstance(response, OrderResponse):
        places: list[int | None] = [None] * len(item.item_order)
        for place, written in enumerate(response.order):
            if written in item.item_order:
                places[item.item_order.index(written)] = place
        return Shown(places=tuple(places))
    rights = tuple(None if right is None or right not in item.right_order
                   else item.right_order.index(right) for right in response.rights)
    return Shown(rights=rights)


def letters(count: int) -> Sequence[str]:
    return LETTERS[:count]
