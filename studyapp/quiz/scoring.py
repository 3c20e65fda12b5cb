"""Grading responses and scoring papers, exactly (fractions, never floats)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from studyapp.content.model import Grading, Question
from studyapp.i18n import Lang, format_decimal
from studyapp.text import AnswerMatch, has_unwanted, match_answer, normalize_line, parse_number

# --- responses, in written terms ---------------------------------------------------------
#
# A response names choices, items and pairs by their written index, whatever
# order they were shown in: the paper says how to translate.


@dataclass(frozen=True)
class ChoiceResponse:
    """`single` (one index) or `multi` (any number)."""

    chosen: frozenset[int]


@dataclass(frozen=True)
class TruthResponse:
    value: bool


@dataclass(frozen=True)
class TextResponse:
    """What was typed, for `fill` and `number`: one line, cleaned like every
    text (a paste may carry BEL, SO/SI, DEL or escape codes), whether it
    was typed now or read back from the database or a bundle."""

    text: str

    def __post_init__(self) -> None:
        if has_unwanted(self.text) or "\n" in self.text:
            object.__setattr__(self, "text", normalize_line(self.text))


@dataclass(frozen=True)
class OrderResponse:
    """The written indices of the items, in the order the learner put them."""

    order: tuple[int, ...]


@dataclass(frozen=True)
class MatchResponse:
    """For each left side (written order), the written index of the right
    side paired with it, or None."""

    rights: tuple[int | None, ...]


Response = ChoiceResponse | TruthResponse | TextResponse | OrderResponse | MatchResponse


def response_to_data(response: Response) -> dict[str, Any]:
    """A response as JSON-ready data (for the store and exports)."""
    if isinstance(response, ChoiceResponse):
        return {"kind": "choice", "chosen": sorted(response.chosen)}
    if isinstance(response, TruthResponse):
        return {"kind": "truth", "value": response.value}
    if isinstance(response, TextResponse):
        return {"kind": "text", "text": response.text}
    if isinstance(response, OrderResponse):
        return {"kind": "order", "order": list(response.order)}
    return {"kind": "match", "rights": list(response.rights)}


def response_from_data(data: dict[str, Any]) -> Response:
    """The inverse of `response_to_data`; a ValueError for anything else."""
    kind = data.get("kind")
    if kind == "choice":
        return ChoiceResponse(frozenset(int(i) for i in data["chosen"]))
    if kind == "truth" and isinstance(data.get("value"), bool):
        return TruthResponse(data["value"])
    if kind == "text" and isinstance(data.get("text"), str):
        return TextResponse(data["text"])
    if kind == "order":
        return OrderResponse(tuple(int(i) for i in data["order"]))
    if kind == "match":
        return MatchResponse(tuple(None if i is None else int(i) for i in data["rights"]))
    raise ValueError(f"not a response: {data!r}")


# --- grading ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Credit:
    """What one response earned: a fraction of the question's points."""

    fraction: Fraction
    points: Fraction
    without_diacritics: bool = False
    """A typed answer accepted only once diacritics were removed."""
    understood_as: str | None = None
    """A typed answer read as Telex or VNI: the Vietnamese it spelled."""

    @property
    def correct(self) -> bool:
        return self.fraction == 1


NO_CREDIT = Credit(Fraction(0), Fraction(0))


def grade(question: Question, response: Response | None, *,
          partial_credit: bool = False) -> Credit:
    """Grade a response (content-format.md, "Scoring"). `single`,
    `truefalse`, `fill`, `number` and `order` earn all or nothing; `multi`
    and `match` too, unless `partial_credit`."""
    fraction = Fraction(0)
    without_diacritics = False
    understood_as = None
    kind = question.type
    if response is None:
        return NO_CREDIT
    if kind in ("single", "multi") and isinstance(response, ChoiceResponse):
        wanted = set(question.correct_choices)
        if kind == "multi" and partial_credit:
            hits = len(response.chosen & wanted) - len(response.chosen - wanted)
            fraction = max(Fraction(0), Fraction(hits, len(wanted)))
        else:
            fraction = Fraction(int(response.chosen == wanted))
    elif kind == "truefalse" and isinstance(response, TruthResponse):
        fraction = Fraction(int(response.value == question.truth))
    elif kind == "fill" and isinstance(response, TextResponse):
        match = match_answer(response.text, question.accepted, strict=question.strict)
        fraction = Fraction(int(match.accepted))
        without_diacritics = match.kind is AnswerMatch.WITHOUT_DIACRITICS
        understood_as = match.understood_as
    elif kind == "number" and isinstance(response, TextResponse):
        typed = parse_number(response.text)
        if typed is not None and question.number is not None:
            fraction = Fraction(int(abs(typed - question.number) <= question.tolerance))
    elif kind == "order" and isinstance(response, OrderResponse):
        fraction = Fraction(int(response.order == tuple(range(len(question.items)))))
    elif kind == "match" and isinstance(response, MatchResponse):
        size = len(question.pairs)
        right_pairs = sum(1 for left, right in enumerate(response.rights) if right == left)
        if partial_credit:
            fraction = Fraction(right_pairs, size)
        else:
            fraction = Fraction(int(right_pairs == size and len(response.rights) == size))
    return Credit(fraction, fraction * question.points, without_diacritics, understood_as)


def correct_response(question: Question) -> Response:
    """The response that earns full points (for tests and answer keys)."""
    kind = question.type
    if kind in ("single", "multi"):
        return ChoiceResponse(frozenset(question.correct_choices))
    if kind == "truefalse":
        return TruthResponse(bool(question.truth))
    if kind == "fill":
        return TextResponse(question.accepted[0])
    if kind == "number":
        return TextResponse(str(question.number))
    if kind == "order":
        return OrderResponse(tuple(range(len(question.items))))
    return MatchResponse(tuple(range(len(question.pairs))))


# --- scores ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Score:
    """Earned over possible points, on the pack's scale, with its band."""

    earned: Fraction
    possible: Fraction
    grading: Grading

    @property
    def value(self) -> Fraction:
        """The score on the scale, exact: 7 of 9 is 70/9 on a scale of 10."""
        if not self.possible:
            return Fraction(0)
        return self.earned / self.possible * self.grading.scale

    @property
    def band(self) -> str | None:
        return self.grading.band(self.value)

    @property
    def passed(self) -> bool:
        return self.grading.passed(self.value)

    def shown(self, lang: Lang | None = None) -> str:
        """One decimal, a decimal comma in Vietnamese: `7,8`."""
        return format_decimal(self.value, 1, lang)


def score(questions: Sequence[Question], credits: Sequence[Credit], grading: Grading) -> Score:
    return Score(sum((c.points for c in credits), Fraction(0)),
                 sum((q.points for q in questions), Fraction(0)), grading)
