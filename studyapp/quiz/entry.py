"""A whole paper's answers typed compactly: `1B 2AC 3Đ 4CAB 5BAC 6"kiên định" 7:3,5`.

Pure code (no UI, no store). The secretary copies what a member wrote on a
printed paper; `parse_entry` turns the line into one response per question,
the same `Response` values the keyboard makes, so grading (`scoring.grade`),
the summary and the exports treat a paper like any other attempt.
`format_entry` is its inverse. The syntax is in docs/paper-entry.md:

- Answers are read in question order. A token that begins with a question
  number (`7B`, `7.B`, `7:B`) goes to that question; the rest of the line
  continues from there. With no numbers at all, the first answer is
  question 1: ten single choices are `BACDABCDAB`.
- A single choice, a true/false (`Đ`/`D`/`T` true, `S`/`F` false) and a
  blank (`-`) take one character, so they run together in one token. Every
  other type takes the rest of its token: letters for a multiple choice
  (`AC`), the shown items' letters in the right order for ordering (`CAB`),
  or the numbers written in the boxes (`4:231`); for matching, one right-hand
  letter per left side in order (`BAC`, `_` for none) or pairs (`5:1b,2a,3c`,
  `5[1b 2a 3c]`); for fill the text (quoted if it has spaces); for number the
  number (decimal comma or point).
- An answer that begins with a digit follows its number and a colon
  (`7:3,5`) or is quoted (`"3,5"`): unnumbered digits would read as a
  question number.
- `#CODE` first checks the paper code printed on the paper.
"""

from __future__ import annotations

import hashlib
import re
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
from studyapp.quiz.selection import Paper, PaperItem
from studyapp.text import normalize_line, parse_number

ONE_CHARACTER = frozenset({"single", "truefalse"})
"""Types whose answer is one character, so several run together."""
BLANK = "-"
TRUE_MARKS = frozenset("ĐđDdTt")
FALSE_MARKS = frozenset("SsFf")
_SEPARATORS = ".:=)"
_NUMBER_START = re.compile(r"(\d+)([.:=)]?)")
_PAIR = re.compile(r"\s*(\d+)\s*[-=>→.:]?\s*([A-Za-z_])\s*,?")


def paper_code(paper: Paper) -> str:
    """The six-digit code printed on a paper: the same for the same draw, so a
    typed code finds the paper (and, with variants, its member)."""
    digest = hashlib.sha256(f"studyapp-paper:{paper.seed}".encode()).digest()
    return f"{int.from_bytes(digest[:8], 'big') % 1_000_000:06d}"


@dataclass(frozen=True)
class EntryProblem:
    """One thing wrong in an entry, located: the question (1-based, None for
    the entry as a whole) and the text at fault."""

    question: int | None
    text: str
    message: str

    def __str__(self) -> str:
        if self.question is None:
            return self.message
        return tr("entry.at_question", number=self.question, text=self.text,
                  message=self.message)


class EntryError(StudyappError):
    """An entry that cannot be read: every problem found, each located."""

    def __init__(self, problems: Sequence[EntryProblem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


@dataclass(frozen=True)
class PaperEntry:
    """A parsed entry: the paper code typed (if any) and one response per
    question in paper order, None for a question left blank."""

    code: str | None
    responses: tuple[Response | None, ...]

    @property
    def answered(self) -> int:
        return sum(1 for response in self.responses if response is not None)


# --- reading ---------------------------------------------------------------------------


def _tokens(text: str) -> list[str] | EntryProblem:
    """Split on white space, except inside "quotes" and [brackets]."""
    tokens: list[str] = []
    current: list[str] = []
    closing: str | None = None
    for char in text:
        if closing is not None:
            current.append(char)
            if char == closing:
                closing = None
        elif char == '"':
            current.append(char)
            closing = '"'
        elif char == "[":
            current.append(char)
            closing = "]"
        elif char.isspace():
            if current:
                tokens.append("".join(current))
                current = []
        else:
            current.append(char)
    if closing is not None:
        return EntryProblem(None, "".join(current), tr("entry.unclosed", mark=closing))
    if current:
        tokens.append("".join(current))
    return tokens


def _letter_index(char: str, size: int) -> int | None:
    index = LETTERS.find(char.upper()) if len(char) == 1 else -1
    return index if 0 <= index < size else None


def _last_letter(size: int) -> str:
    return LETTERS[max(size, 1) - 1]


def _unquoted(text: str) -> str:
    if len(text) >= 2 and text[0] == '"' and text[-1] == '"':
        return text[1:-1]
    return text


def _read_one(item: PaperItem, char: str) -> Response:
    """A single choice's letter or a true/false mark (raises ValueError)."""
    question = item.question
    if question.type == "truefalse":
        if char in TRUE_MARKS:
            return TruthResponse(True)
        if char in FALSE_MARKS:
            return TruthResponse(False)
        raise ValueError(tr("entry.not_truefalse"))
    size = len(item.choice_order)
    index = _letter_index(char, size)
    if index is None:
        raise ValueError(tr("entry.not_a_choice", letter=char, last=_last_letter(size)))
    return ChoiceResponse(frozenset({item.choice_order[index]}))


def _read_rest(item: PaperItem, text: str) -> Response:
    """Any other type's answer: the rest of a token (raises ValueError)."""
    question = item.question
    kind = question.type
    if kind == "multi":
        return _read_multi(item, text)
    if kind == "fill":
        typed = normalize_line(_unquoted(text))
        if not typed:
            raise ValueError(tr("entry.empty_text"))
        return TextResponse(typed)
    if kind == "number":
        typed = normalize_line(_unquoted(text))
        if parse_number(typed) is None:
            raise ValueError(tr("entry.not_a_number"))
        return TextResponse(typed)
    if kind == "order":
        return _read_order(item, text)
    if kind == "match":
        return _read_match(item, text)
    raise ValueError(tr("entry.one_character"))  # a one-character type given more


def _read_multi(item: PaperItem, text: str) -> Response:
    size = len(item.choice_order)
    chosen: set[int] = set()
    for char in text:
        index = _letter_index(char, size)
        if index is None:
            raise ValueError(tr("entry.not_a_choice", letter=char, last=_last_letter(size)))
        if item.choice_order[index] in chosen:
            raise ValueError(tr("entry.twice", letter=char.upper()))
        chosen.add(item.choice_order[index])
    return ChoiceResponse(frozenset(chosen))


def _read_order(item: PaperItem, text: str) -> Response:
    size = len(item.item_order)
    if text.isdigit():
        # The numbers written in the boxes A, B, C…: box A's first.
        if len(text) != size or sorted(text) != [str(n) for n in range(1, size + 1)]:
            raise ValueError(tr("entry.order_numbers", size=size))
        places = [0] * size
        for shown, number in enumerate(text):
            places[int(number) - 1] = shown
        return OrderResponse(tuple(item.item_order[shown] for shown in places))
    shown_order: list[int] = []
    for char in text:
        index = _letter_index(char, size)
        if index is None:
            raise ValueError(tr("entry.not_an_item", letter=char, last=_last_letter(size)))
        if index in shown_order:
            raise ValueError(tr("entry.twice", letter=char.upper()))
        shown_order.append(index)
    if len(shown_order) != size:
        raise ValueError(tr("entry.order_letters", size=size, last=_last_letter(size)))
    return OrderResponse(tuple(item.item_order[shown] for shown in shown_order))


def _read_match(item: PaperItem, text: str) -> Response:
    size = len(item.right_order)
    shown: list[int | None] = [None] * size
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if any(char.isdigit() for char in text):
        at = 0
        seen: set[int] = set()
        while at < len(text):
            found = _PAIR.match(text, at)
            if found is None or found.end() == at:
                raise ValueError(tr("entry.bad_pairs", text=text[at:]))
            left, letter = int(found.group(1)), found.group(2)
            if not 1 <= left <= size:
                raise ValueError(tr("entry.no_left", left=left, size=size))
            if left in seen:
                raise ValueError(tr("entry.left_twice", left=left))
            seen.add(left)
            shown[left - 1] = _match_letter(letter, size)
            at = found.end()
    else:
        if len(text) != size:
            raise ValueError(tr("entry.match_letters", size=size, last=_last_letter(size)))
        shown = [_match_letter(char, size) for char in text]
    used = [index for index in shown if index is not None]
    if len(set(used)) != len(used):
        raise ValueError(tr("entry.right_twice"))
    return MatchResponse(tuple(None if index is None else item.right_order[index]
                               for index in shown))


def _match_letter(char: str, size: int) -> int | None:
    if char in "_-":
        return None
    index = _letter_index(char, size)
    if index is None:
        raise ValueError(tr("entry.not_a_right", letter=char, last=_last_letter(size)))
    return index


def parse_entry(text: str, paper: Paper, *, code: str | None = None) -> PaperEntry:
    """Read an entry for `paper`. `code`, when given, is the paper code the
    entry must carry if it carries one (`paper_code(paper)` by default).
    Raises EntryError naming every problem found, each at its question."""
    expected = code or paper_code(paper)
    size = len(paper.items)
    problems: list[EntryProblem] = []
    tokens = _tokens(text)
    if isinstance(tokens, EntryProblem):
        raise EntryError([tokens])
    typed_code = None
    if tokens and tokens[0].startswith("#"):
        typed_code = tokens.pop(0)[1:]
        if typed_code != expected:
            problems.append(EntryProblem(None, typed_code, tr(
                "entry.other_paper", code=typed_code, expected=expected)))
    responses: list[Response | None] = [None] * size
    given = [False] * size
    position = 0  # the next question (0-based)
    for token in tokens:
        rest = token
        start = _NUMBER_START.match(token)
        if start is not None:
            number = int(start.group(1))
            rest = token[start.end():]
            if not 1 <= number <= size:
                problems.append(EntryProblem(None, token, tr(
                    "entry.no_question", number=number, size=size)))
                position = size + 1  # what follows has no question to go to
                continue
            position = number - 1
            if not rest:
                problems.append(EntryProblem(number, token, tr("entry.no_answer",
                                                               number=number)))
                position += 1
                continue
        while rest:
            if position >= size:
                if position == size:
                    problems.append(EntryProblem(None, rest, tr("entry.too_many", size=size)))
                break
            item = paper.items[position]
            if given[position]:
                problems.append(EntryProblem(position + 1, rest, tr("entry.answered_twice")))
            given[position] = True
            kind = item.question.type
            one = kind in ONE_CHARACTER or (rest[0] == BLANK and not (
                kind == "number" and rest[1:2].isdigit()))  # `-3` is a number
            piece, rest = (rest[0], rest[1:]) if one else (rest, "")
            if piece != BLANK:
                try:
                    responses[position] = (_read_one(item, piece) if one
                                           else _read_rest(item, piece))
                except ValueError as error:
                    problems.append(EntryProblem(position + 1, piece, str(error)))
            position += 1
    missing = [str(number) for number, was in enumerate(given, 1) if not was]
    if missing:
        problems.append(EntryProblem(None, "", tr("entry.too_few", size=size,
                                                  missing=", ".join(missing))))
    if problems:
        raise EntryError(problems)
    return PaperEntry(typed_code, tuple(responses))


# --- writing ---------------------------------------------------------------------------


def _shown_letters(order: Sequence[int], written: Sequence[int]) -> str:
    return "".join(LETTERS[order.index(index)] for index in written)


def _answer_text(item: PaperItem, response: Response) -> str:
    """One answer in the entry syntax (the inverse of `_read_one`/`_read_rest`)."""
    if isinstance(response, ChoiceResponse):
        return "".join(sorted(_shown_letters(item.choice_order, list(response.chosen))))
    if isinstance(response, TruthResponse):
        return "Đ" if response.value else "S"
    if isinstance(response, TextResponse):
        if '"' in response.text:
            raise ValueError("a typed answer with a double quote cannot be entered")
        return f'"{response.text}"'
    if isinstance(response, OrderResponse):
        return _shown_letters(item.item_order, response.order)
    return "".join("_" if right is None else LETTERS[item.right_order.index(right)]
                   for right in response.rights)


def format_entry(paper: Paper, responses: Sequence[Response | None], *,
                 numbered: bool = True, code: str | None = None) -> str:
    """`responses` (one per question, None for blank) as an entry that
    `parse_entry` reads back: `1B 2AC 3Đ …`, or unnumbered and as short as
    the syntax allows (`BACD "kiên định" AC`)."""
    tokens = [f"#{code}"] if code else []
    current = ""
    for number, (item, response) in enumerate(zip(paper.items, responses, strict=True), 1):
        one = item.question.type in ONE_CHARACTER
        text = BLANK if response is None else _answer_text(item, response)
        if numbered:
            tokens.append(f"{number}:{text}")
        elif one or (text == BLANK and item.question.type != "number"):
            current += text
        else:  # it takes the rest of its token
            tokens.append(current + text)
            current = ""
    if current:
        tokens.append(current)
    return " ".join(tokens)
