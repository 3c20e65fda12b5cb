"""Question banks written as a Word file in the convention `word` reads: `Câu N.`, choices
`A.` … one per paragraph, the answer inline (`Đáp án: B`), in a table at the end
(`BẢNG ĐÁP ÁN`), or left out (a paper for a contest). With answers, the file imports back
to the same questions (content hashes equal)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import BinaryIO

from studyapp.content.model import LETTERS, Bank, Question
from studyapp.importing.docx_reader import import_docx, roman_numeral

ANSWER_MODES = ("inline", "table", "none")


def _number(value: Decimal | Fraction) -> str:
    if isinstance(value, Fraction):
        value = Decimal(value.numerator) / Decimal(value.denominator)
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return text.replace(".", ",")


def _rotated(count: int) -> list[int]:
    """A fixed order that is not the right one (the right one would give the answer
    away): each item one place on."""
    return [(index + 1) % count for index in range(count)]


def _body(question: Question) -> tuple[list[str], str]:
    """The lines under the question's first line, and its answer as written."""
    kind = question.type
    if kind in ("single", "multi"):
        lines = [f"{LETTERS[i]}. {choice}" for i, choice in enumerate(question.choices)]
        if kind == "multi" and len(question.correct_choices) == 1:
            lines.insert(0, "Loại: Nhiều lựa chọn")  # one letter alone reads as single
        return lines, ", ".join(LETTERS[i] for i in question.correct_choices)
    if kind == "truefalse":
        return ["A. Đúng", "B. Sai"], "A" if question.truth else "B"
    if kind == "fill":
        extra = ["Yêu cầu: viết đúng dấu."] if question.strict else []
        return extra, " | ".join(question.accepted)
    if kind == "number" and question.number is not None:
        value = _number(question.number)
        return [], f"{value} ± {_number(question.tolerance)}" if question.tolerance else value
    if kind == "order":
        shown = _rotated(len(question.items))
        lines = [f"{LETTERS[place]}. {question.items[item]}" for place, item in enumerate(shown)]
        # The right sequence names, for each place, the letter its item is shown under.
        sequence = [LETTERS[shown.index(item)] for item in range(len(question.items))]
        return lines, "Thứ tự đúng: " + ", ".join(sequence)
    shown = _rotated(len(question.pairs))
    lines = [f"{number}. {left}" for number, (left, _) in enumerate(question.pairs, 1)]
    lines += [f"{LETTERS[place].lower()}) {question.pairs[pair][1]}"
              for place, pair in enumerate(shown)]
    answer = ", ".join(f"{number}-{LETTERS[shown.index(pair)].lower()}"
                       for number, pair in enumerate(range(len(question.pairs)), 1))
    return lines, answer


def _answer_line(question: Question, answer: str) -> str:
    return answer if question.type == "order" else f"Đáp án: {answer}"


def write_document(banks: Sequence[Bank], path: Path | BinaryIO, *,
                   answers: str = "inline") -> int:
    """Every question of `banks` into one Word file at `path`; how many written.
    Several banks become parts (`PHẦN I`, `PHẦN II`), numbering restarting in each."""
    document = import_docx().Document()
    title = banks[0].title if len(banks) == 1 else "Ngân hàng câu hỏi"
    document.add_heading(title, level=1)
    key: list[tuple[str, list[str]]] = []
    written = 0
    for part, bank in enumerate(banks, 1):
        if len(banks) > 1:
            document.add_heading(f"PHẦN {roman_numeral(part)}. {bank.title}", level=2)
        entries = []
        for number, question in enumerate(bank.questions, 1):
            lines, answer = _body(question)
            points = "" if question.points == 1 else f" ({_number(question.points)} điểm)"
            first = question.prompt.split("\n")
            document.add_paragraph(f"Câu {number}{points}. {first[0]}")
            for more in first[1:]:
                document.add_paragraph(more)
            for line in lines:
                document.add_paragraph(line)
            table_form = question.type in ("single", "multi", "truefalse")
            if answers == "inline" or (answers == "table" and not table_form):
                document.add_paragraph(_answer_line(question, answer))
            elif answers == "table":
                entries.append(f"{number}.{answer.replace(', ', ',')}")
            if question.explanation and answers != "none":
                document.add_paragraph(f"Giải thích: {question.explanation}")
            written += 1
        key.append((bank.title, entries))
    if answers == "table" and any(entries for _, entries in key):
        document.add_paragraph("--- HẾT ---")
        document.add_heading("BẢNG ĐÁP ÁN", level=2)
        for _, entries in key:
            document.add_paragraph("   ".join(entries))
    document.save(str(path) if isinstance(path, Path) else path)
    return written
