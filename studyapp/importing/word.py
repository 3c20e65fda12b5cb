"""Question sets as Vietnamese quiz files write them in Word (.docx) or plain text
(the paragraphs come from `docx_reader`).

The convention, read as a person reads the page: a question starts `Câu 1.`/`Câu 1:`/
`CÂU 1 (0,25 điểm):` or is a Word-numbered paragraph whose label says so; choices `A.`,
`A)`, `a.`, `A:` one per paragraph, several on one line, in a table or as a numbered
list; the right answer by `Đáp án: B`, a `*` before the label, the one choice underlined,
highlighted, red or bold (a mark every choice carries means nothing), or an answer table
at the end (`BẢNG ĐÁP ÁN`). `Lời giải:`/`Giải thích:`/`Hướng dẫn:` give the explanation;
`NGÂN HÀNG:` or a title line the bank's title; `PHẦN I` headings tags (numbering restarts
in each). Problems are located at the paragraph (docx) or the line (txt).

python-docx reads runs, their formatting and tables; it does not expose the labels of
Word's automatic numbering, so those are computed here from numbering.xml (the abstract
numbering's level text and format, counted per list).

Longer than most modules: one reader of one convention; its rules for choices, marks,
answer tables and parts depend on one another's state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from studyapp.content.model import LETTERS
from studyapp.importing.common import (
    Collector,
    ImportedQuestion,
    ImportResult,
    bank_id_from,
    check_choices,
    check_pairs,
    clean,
    clean_line,
    number_value,
    refers_to_other_choices,
    shorten,
)
from studyapp.importing.docx_reader import Line
from studyapp.importing.spreadsheet import KINDS, letters_of, number_answer
from studyapp.text import fold, parse_number

MARKS = ("underline", "highlight", "red", "bold")
"""Formatting that can mark the right choice, in the order they are believed."""

_QUESTION = re.compile(
    r"^\s*c[aâ]u\s*(\d+)\s*(?:\(([^)]*)\))?\s*[.:)\-–]?\s*(.*)$", re.IGNORECASE | re.DOTALL)
_LABEL = re.compile(r"^\s*(\*?)\s*([A-Ha-h])\s*[.):]\s*")
_NUMBERED = re.compile(r"^\s*(\d{1,2})\s*[.)]\s+(.+)$", re.DOTALL)
_ANSWER = re.compile(r"^\s*(?:đáp\s*án(?:\s*đúng)?|đa)\s*[:.]\s*(.*)$", re.IGNORECASE | re.DOTALL)
_ORDER = re.compile(r"^\s*thứ\s*tự(?:\s*đúng)?\s*[:.]\s*(.*)$", re.IGNORECASE | re.DOTALL)
_EXPLANATION = re.compile(r"^\s*(?:lời\s*giải|giải\s*thích|hướng\s*dẫn(?:\s*giải)?)\s*[:.]\s*(.*)$",
                          re.IGNORECASE | re.DOTALL)
_KIND = re.compile(r"^\s*(?:loại|dạng)(?:\s*câu\s*hỏi)?\s*[:.]\s*(.+)$", re.IGNORECASE)
_STRICT = re.compile(r"^\s*yêu\s*cầu\s*[:.]\s*viết\s*đúng\s*dấu\s*\.?\s*$", re.IGNORECASE)
_PART = re.compile(r"^\s*phần\s+([IVXLC]+|\d+)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE)
_TITLE = re.compile(r"^\s*ngân\s*hàng(?:\s*câu\s*hỏi)?\s*[:.]\s*(.+)$", re.IGNORECASE)
_KEY_HEADING = re.compile(r"^\s*(?:[Bb][ảẢ][Nn][Gg]\s*(?:[Đđ][Áá][Pp]\s*[Áá][Nn])|ĐÁP\s*ÁN)"
                          r"(?:\s*(?:câu\s*hỏi|trắc\s*nghiệm))?\s*:?\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*[-–—_*.\s]*\s*hết\s*[-–—_*.\s]*$", re.IGNORECASE)
_KEY_ENTRY = re.compile(r"(\d+)\s*[.\-:)]?\s*([A-Ha-h](?:\s*[,;]\s*[A-Ha-h])*)(?![\wÀ-ỹ])")
_POINTS = re.compile(r"([\d.,]+)\s*điểm", re.IGNORECASE)
_PAIR = re.compile(r"(\d+)\s*(?:→|->|-|–|:|=)?\s*([a-hA-H])(?![\wÀ-ỹ])")
_TRUTHS = {"dung": True, "d": True, "sai": False, "s": False}
_STATEMENT_TRUTH = re.compile(r"([a-h])\s*[).:]?\s*(đúng|sai|đ|s)\b", re.IGNORECASE)




# --- the convention ------------------------------------------------------------------------


@dataclass
class _Choice:
    label: str
    text: str
    line: int
    starred: bool
    marks: frozenset[str]


@dataclass
class _Open:
    number: int
    part: str
    line: int
    prompt: list[str]
    points: Decimal | None = None
    choices: list[_Choice] = field(default_factory=list)
    items: list[tuple[int, str, int]] = field(default_factory=list)
    """Numbered lines (`1. …`): the left side of a matching question, with their
    place among the prompt's lines (they stay there unless it is one)."""
    answer: str | None = None
    answer_line: int = 0
    order: str | None = None
    explanation: list[str] = field(default_factory=list)
    in_explanation: bool = False
    strict: bool = False
    kind: str | None = None
    """A type the file names (`Loại: Nhiều lựa chọn`), for what the answer cannot tell."""
    media: bool = False


def parse_lines(lines: Sequence[Line], path: Path) -> ImportResult:
    """The questions of a Word or text question file."""
    reader = _Reader(Collector(path))
    for line in lines:
        reader.feed(line)
    return reader.finish()


class _Reader:
    def __init__(self, collector: Collector) -> None:
        self.collector = collector
        self.title: str | None = None
        self.part = ""
        self.part_index = 0
        self.open: _Open | None = None
        self.done: list[_Open] = []
        self.seen: dict[tuple[int, int], int] = {}
        self.last_number: dict[int, int] = {}
        self.preamble: list[Line] = []
        self.ended = False
        self.in_key = False
        self.key: list[tuple[int, str, int]] = []
        """(question number, letters, line) of the answer table, in the order given."""
        self.key_rows: dict[tuple[int, int], list[str]] = {}
        self.key_table_line = 0

    # --- lines ----------------------------------------------------------------------------

    def feed(self, line: Line) -> None:
        text = clean(line.text)
        shown = clean_line(line.list_label + " " + text) if line.list_label else text
        if not shown.strip():
            return
        if _KEY_HEADING.match(shown) and (shown.isupper() or "bảng" in shown.lower()):
            self.close()
            self.in_key = True
            return
        if self.in_key:
            self.read_key(line, shown)
            return
        if _END.match(shown):
            self.close()
            self.ended = True
            return
        if self.ended:
            return  # page numbers, signatures after `--- HẾT ---`
        question = _QUESTION.match(shown)
        if question:
            self.close()
            self.start(question, line)
            return
        title = _TITLE.match(shown)
        if title and self.open is None:
            self.title = clean_line(title.group(1))
            return
        part = _PART.match(shown)
        if part:
            self.close()
            self.part_index += 1
            self.part = clean_line(shown)
            return
        if self.open is None:
            self.preamble.append(line)
            return
        self.inside(self.open, line, shown)

    def start(self, match: re.Match[str], line: Line) -> None:
        number = int(match.group(1))
        key = (self.part_index, number)
        if key in self.seen:
            self.collector.warning(line.number, 1, "word_number_twice", number=number,
                                   first=self.seen[key])
        else:
            self.seen[key] = line.number
            previous = self.last_number.get(self.part_index)
            if previous is not None and number > previous + 1:
                self.collector.warning(line.number, 1, "word_number_skips", number=number,
                                       previous=previous)
        self.last_number[self.part_index] = number
        points = None
        if match.group(2):
            found = _POINTS.search(match.group(2))
            points = parse_number(found.group(1)) if found else None
        rest = match.group(3).strip()
        self.open = _Open(number, self.part, line.number, [rest] if rest else [], points,
                          media=line.media)

    def inside(self, question: _Open, line: Line, shown: str) -> None:
        question.media = question.media or line.media
        answer = _ANSWER.match(shown)
        if answer:
            question.answer = answer.group(1).strip()
            question.answer_line = line.number
            question.in_explanation = False
            return
        order = _ORDER.match(shown)
        if order:
            question.order = order.group(1).strip()
            question.answer_line = line.number
            return
        explanation = _EXPLANATION.match(shown)
        if explanation:
            question.in_explanation = True
            if explanation.group(1).strip():
                question.explanation.append(explanation.group(1).strip())
            return
        if _STRICT.match(shown):
            question.strict = True
            return
        kind = _KIND.match(shown)
        if kind and KINDS.get(" ".join(fold(kind.group(1)).strip(" .").split())):
            question.kind = KINDS[" ".join(fold(kind.group(1)).strip(" .").split())]
            return
        if question.in_explanation:
            question.explanation.append(shown)
            return
        if line.list_label and _LABEL.match(line.list_label + " "):
            # A Word-numbered list of choices: the label is Word's, the text the paragraph's.
            label = _LABEL.match(line.list_label + " ")
            assert label is not None
            question.choices.append(_Choice(
                label.group(2), clean_line(line.text), line.number, bool(label.group(1)),
                line.marks(0, len(line.text))))
            return
        text = line.text
        if _LABEL.match(text):
            self.choices(question, line, text, 0)
            return
        numbered = _NUMBERED.match(text)
        if numbered and question.prompt:
            question.items.append((int(numbered.group(1)), clean_line(numbered.group(2)),
                                   len(question.prompt)))
        if question.choices and not numbered:
            last = question.choices[-1]
            last.text = clean_line(last.text + " " + shown)
        else:
            question.prompt.append(shown)

    def choices(self, question: _Open, line: Line, text: str, offset: int) -> None:
        """One or more labelled choices on one line (`A. x   B. y`, `A.12`)."""
        first = _LABEL.match(text)
        assert first is not None
        pieces: list[tuple[int, int, re.Match[str]]] = []
        label = first
        start = 0
        while True:
            next_letter = chr(ord(label.group(2)) + 1)
            pattern = re.compile(r"(?<=\s)(\*?)\s*(" + re.escape(next_letter) + r")\s*[.):]\s*")
            later = pattern.search(text, label.end())
            end = later.start() if later else len(text)
            pieces.append((start, end, label))
            if later is None:
                break
            start, label = later.start(), later
        for begin, end, found in pieces:
            body = text[found.end():end]
            label_marks = line.marks(offset + begin, offset + found.end())
            body_marks = line.marks(offset + found.end(), offset + end)
            question.choices.append(_Choice(found.group(2), clean_line(body), line.number,
                                            bool(found.group(1)), label_marks | body_marks))

    def read_key(self, line: Line, shown: str) -> None:
        if line.cell is not None:
            self.key_rows.setdefault(line.cell, []).append(shown)
            self.key_table_line = self.key_table_line or line.number
        for number, letters in _KEY_ENTRY.findall(shown):
            self.key.append((int(number), letters, line.number))

    # --- questions -------------------------------------------------------------------------

    def close(self) -> None:
        question, self.open = self.open, None
        if question is not None:
            self.done.append(question)

    def build(self, question: _Open) -> ImportedQuestion | None:
        collector, line = self.collector, question.line
        lines = question.prompt
        if question.items and question.choices:  # a matching question: its left side
            taken = {place for _, _, place in question.items}
            lines = [line for place, line in enumerate(lines) if place not in taken]
        prompt = clean("\n".join(lines)).strip()
        if question.media:
            collector.skip(line, 1, "word_media", number=question.number)
            return None
        if not prompt:
            collector.skip(line, 1, "import_empty_text")
            return None
        table = self.answer_table(question)
        if table is None:
            return None
        table = {"type": table.pop("type"), "prompt": prompt, **table}
        if question.explanation:
            table["explanation"] = clean("\n".join(question.explanation))
        if question.part:
            table["tags"] = [bank_id_from(question.part)]
        if question.points is not None and question.points > 0 and question.points != 1:
            table["points"] = number_value(question.points)
        return ImportedQuestion(table, line, 1, title=None)

    def answer_table(self, question: _Open) -> dict[str, Any] | None:
        collector, line = self.collector, question.line
        choices = question.choices
        answer = question.answer
        if question.items and choices:
            return self.match(question)
        if question.order is not None:
            return self.order(question)
        if choices:
            statements = _statement_truths(answer or "", len(choices))
            if statements is not None:
                return {"type": "statements", "truths": statements}
            texts = [choice.text for choice in choices]
            picked = self.picked(question)
            if picked is None:
                collector.skip(line, 1, "word_no_answer", number=question.number, error=True)
                return None
            missing = [LETTERS[i] for i in picked if i >= len(choices)]
            if missing:
                collector.skip(question.answer_line or line, 1, "word_answer_not_a_choice",
                               letter=", ".join(missing), count=len(choices),
                               number=question.number, error=True)
                return None
            if len(choices) == 2 and {fold(t) for t in texts} == {"dung", "sai"}:
                return {"type": "truefalse", "answer": fold(texts[picked[0]]) == "dung"}
            if not check_choices(collector, texts, line):
                return None
            several = len(picked) > 1 or question.kind == "multi"
            table: dict[str, Any] = {"type": "multi" if several else "single",
                                     "choices": texts}
            table["answer"] = ([LETTERS[i] for i in sorted(picked)] if several
                               else LETTERS[picked[0]])
            if any(refers_to_other_choices(text) for text in texts):
                table["shuffle"] = False
            return table
        if answer is None:
            collector.skip(line, 1, "word_essay", number=question.number)
            return None
        folded = fold(answer).strip(" .")
        if folded in ("dung", "sai"):
            return {"type": "truefalse", "answer": folded == "dung"}
        number = number_answer(answer)
        if number is not None:
            value, tolerance = number
            result: dict[str, Any] = {"type": "number", "answer": number_value(value)}
            if tolerance:
                result["tolerance"] = number_value(tolerance)
            return result
        accepted = list(dict.fromkeys(part for part in (clean_line(p) for p in answer.split("|"))
                                      if part))
        if not accepted:
            collector.skip(line, 1, "word_no_answer", number=question.number, error=True)
            return None
        fill: dict[str, Any] = {"type": "fill",
                                "answer": accepted[0] if len(accepted) == 1 else accepted}
        if question.strict:
            fill["strict"] = True
        return fill

    def picked(self, question: _Open, *, quiet: bool = False) -> list[int] | None:
        """The right choices by every mark, the `Đáp án` line winning (with a
        warning naming both) when they disagree; None if nothing marks one."""
        from_line = letters_of(question.answer) if question.answer else None
        starred = [i for i, choice in enumerate(question.choices) if choice.starred]
        formatted: list[int] = []
        for mark in MARKS:
            carrying = [i for i, c in enumerate(question.choices) if mark in c.marks]
            if 0 < len(carrying) < len(question.choices):
                formatted = carrying
                break
        if from_line is None and question.answer:
            # The right choice written out in full.
            matches = [i for i, c in enumerate(question.choices)
                       if fold(c.text) == fold(question.answer)]
            from_line = matches or None
        other = starred or formatted
        if from_line is not None:
            if other and sorted(other) != sorted(from_line) and not quiet:
                self.collector.warning(question.answer_line, 1, "word_marks_disagree",
                                       line=", ".join(LETTERS[i] for i in from_line),
                                       mark=", ".join(LETTERS[i] for i in other),
                                       number=question.number)
            return list(dict.fromkeys(from_line))
        return other or None

    def order(self, question: _Open) -> dict[str, Any] | None:
        texts = [choice.text for choice in question.choices]
        sequence = letters_of(question.order or "")
        if not 3 <= len(texts) <= len(LETTERS) or sequence is None \
                or sorted(sequence) != list(range(len(texts))):
            self.collector.skip(question.answer_line or question.line, 1, "word_bad_order",
                                value=shorten(question.order or ""), count=len(texts),
                                error=True)
            return None
        return {"type": "order", "items": [texts[i] for i in sequence]}

    def match(self, question: _Open) -> dict[str, Any] | None:
        rights = {choice.label.lower(): choice.text for choice in question.choices}
        lefts = {number: text for number, text, _ in question.items}
        pairs_given = _PAIR.findall(question.answer or "")
        pairs = []
        for number, letter in pairs_given:
            left, right = lefts.get(int(number)), rights.get(letter.lower())
            if left is None or right is None:
                self.collector.skip(question.answer_line or question.line, 1, "word_bad_pair",
                                    value=f"{number}{letter}", number=question.number,
                                    error=True)
                return None
            pairs.append((left, right))
        if len(pairs) != len(lefts) or len({r for _, r in pairs}) != len(pairs):
            self.collector.skip(question.answer_line or question.line, 1, "word_bad_pairs",
                                number=question.number, error=True)
            return None
        if not check_pairs(self.collector, pairs, question.line):
            return None
        return {"type": "match", "pairs": [list(pair) for pair in pairs]}

    # --- the end ---------------------------------------------------------------------------

    def finish(self) -> ImportResult:
        self.close()
        collector = self.collector
        if self.preamble:
            lines = self.preamble
            if self.title is None and len(clean_line(lines[0].text)) <= 150:
                self.title = clean_line(lines[0].text)
                lines = lines[1:]
            if lines:
                collector.warning(lines[0].number, 1, "word_preamble", count=len(lines))
        self.apply_key()
        for question in self.done:
            built = self.build(question)
            if built is None:
                continue
            if built.table["type"] == "statements":
                self.statements(question, built)
            else:
                collector.add(built)
        result = collector.result()
        result.title = self.title
        return result

    def apply_key(self) -> None:
        """The answer table at the end: `1.A 2.C 3-D`, or a table with a row of
        numbers and a row of letters. Numbers restart in each part: a number's
        entries go to its questions in order."""
        entries = list(self.key)
        if self.key_rows and not entries:
            rows = list(self.key_rows.values())
            for number_row, letter_row in zip(rows[::2], rows[1::2], strict=False):
                for cell, letter in zip(number_row, letter_row, strict=False):
                    if cell.strip().isdigit() and letters_of(letter):
                        entries.append((int(cell), letter, self.key_table_line))
        # A question the file already answers (an `Đáp án` line, a `*`, a mark) takes
        # a table entry only when no unanswered question has that number.
        unanswered: dict[int, list[_Open]] = {}
        answered: dict[int, list[_Open]] = {}
        for question in self.done:
            marked = question.answer is not None or question.order is not None or (
                question.choices and self.picked(question, quiet=True) is not None)
            (answered if marked else unanswered).setdefault(question.number, []).append(
                question)
        by_number = {number: unanswered.get(number) or answered.get(number, [])
                     for number in {*unanswered, *answered}}
        used: dict[int, int] = {}
        for number, letters, line in entries:
            candidates = by_number.get(number, [])
            turn = used.get(number, 0)
            if turn >= len(candidates):
                self.collector.warning(line, 1, "word_key_unknown", number=number)
                continue
            used[number] = turn + 1
            question = candidates[turn]
            own = (letters_of(question.answer) if question.answer is not None
                   else self.picked(question, quiet=True))
            if own is not None or question.answer is not None or not question.choices:
                if own is None or sorted(own) != sorted(letters_of(letters) or []):
                    shown = (", ".join(LETTERS[i] for i in own) if own is not None
                             else question.answer or "-")
                    self.collector.warning(line, 1, "word_key_disagrees", number=number,
                                           own=shown, key=letters)
                continue
            question.answer, question.answer_line = letters, line

    def statements(self, question: _Open, built: ImportedQuestion) -> None:
        """`a) … b) …` with `Đáp án: a) Đúng b) Sai` become one true/false question
        each: the stem, then the statement (each is answered and scored on its own)."""
        truths: list[bool] = built.table["truths"]
        stem = built.table["prompt"]
        for choice, truth in zip(question.choices, truths, strict=True):
            table = {"type": "truefalse", "prompt": f"{stem}\n{choice.label}) {choice.text}",
                     "answer": truth}
            for key in ("explanation", "tags", "points"):
                if key in built.table:
                    table[key] = built.table[key]
            self.collector.add(ImportedQuestion(table, choice.line, 1))


def _statement_truths(answer: str, count: int) -> list[bool] | None:
    """`a) Đúng b) Sai …` or `Đ, S, S, Đ` for `count` statements; None otherwise."""
    found = _STATEMENT_TRUTH.findall(answer)
    if len(found) == count and count >= 2:
        return [_TRUTHS[fold(word)] for _, word in found]
    words = [fold(word).strip(" .") for word in re.split(r"[,;\s]+", answer.strip()) if word]
    if len(words) == count and count >= 2 and all(word in _TRUTHS for word in words):
        return [_TRUTHS[word] for word in words]
    return None
