"""Moodle Aiken files read into `single` questions, by Moodle's rules and with its errors.

Moodle's reader (question/format/aiken/format.php) goes line by line: a line of fewer
than two characters is ignored; a line `^[A-Z][).]` is an option; a line starting
`ANSWER:` ends the question; any other line starts a new question. Its errors, kept
here at the same lines: an option or ANSWER line outside a question ("question not
started"), an ANSWER line after fewer than two options, a new question before the
previous one's ANSWER line ("question not completed"). We add: a question left open
at the end of the file, an ANSWER letter with no option, and a warning when a line
that is probably a question begins like an option (`V.I. Lênin ...`).
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.content.model import LETTERS
from studyapp.importing.common import (
    Collector,
    ImportedQuestion,
    ImportResult,
    SkippedItem,
    check_choices,
    clean_line,
    refers_to_other_choices,
    shorten,
)

_OPTION = re.compile(r"[A-Z][).]")
_ANSWER = "ANSWER:"
_ANSWER_LIKE = re.compile(r"(?:answer|đáp\s*án|dap\s*an)\s*:", re.IGNORECASE)


@dataclass
class _OpenQuestion:
    text: str
    line: int
    column: int
    options: list[str] = field(default_factory=list)


def parse_aiken(text: str, path: Path) -> ImportResult:
    """The questions of an Aiken file (its clean text: see `content.source.read_text`)."""
    collector = Collector(path)
    question: _OpenQuestion | None = None
    # After an ANSWER line (or at the start) a question is due: an option there
    # not lettered A is probably a question that begins like one.
    question_due = True
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        if len(line) < 2:
            continue
        column = len(raw) - len(raw.lstrip()) + 1
        if _OPTION.match(line):
            letter = line[0]
            count = len(question.options) if question else 0
            expected = string.ascii_uppercase[count] if count < 26 else ""
            if letter != expected and (question is not None or question_due):
                collector.warning(number, column, "aiken_looks_like_option", marker=line[:2],
                                  next=expected)
            question_due = False
            if question is None:
                collector.error(number, column, "aiken_not_started")
                continue
            question.options.append(clean_line(line[2:]))
        elif line.startswith(_ANSWER):
            if question is None:
                collector.error(number, column, "aiken_not_started")
                question_due = True
                continue
            _finish(collector, question, line[len(_ANSWER):].strip()[:1], number, column)
            question, question_due = None, True
        else:
            if _ANSWER_LIKE.match(line):
                collector.warning(number, column, "aiken_answer_spelling")
            if question is not None:
                collector.error(number, column, "aiken_not_completed",
                                question=shorten(question.text), line=question.line)
                collector.items.append(SkippedItem(question.line, "aiken_not_completed"))
            question = _OpenQuestion(clean_line(line), number, column)
    if question is not None:
        collector.error(question.line, question.column, "aiken_unfinished",
                        question=shorten(question.text))
        collector.items.append(SkippedItem(question.line, "aiken_unfinished"))
    return collector.result()


def _finish(collector: Collector, question: _OpenQuestion, letter: str, line: int,
            column: int) -> None:
    """The ANSWER line of `question`: the question is added, or skipped with an error."""
    options = question.options
    if len(options) < 2:
        collector.error(line, column, "aiken_too_few_answers", question=shorten(question.text))
        collector.items.append(SkippedItem(question.line, "aiken_too_few_answers"))
        return
    # Moodle counts options by position whatever letters they carry.
    position = string.ascii_uppercase.find(letter.upper()) if letter else -1
    if not 0 <= position < len(options):
        collector.error(line, column, "aiken_bad_answer", value=letter,
                        last=string.ascii_uppercase[len(options) - 1])
        collector.items.append(SkippedItem(question.line, "aiken_bad_answer"))
        return
    if not check_choices(collector, options, question.line):
        return
    table: dict[str, object] = {"type": "single", "prompt": question.text,
                                "choices": list(options), "answer": LETTERS[position]}
    if any(refers_to_other_choices(option) for option in options):
        table["shuffle"] = False
    collector.add(ImportedQuestion(table, question.line, question.column))
