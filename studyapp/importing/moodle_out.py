"""Our questions written as Moodle GIFT or Aiken text, for Moodle (and for us: a GIFT
file written here imports back to the same questions).

GIFT keeps every type but `order`. What GIFT cannot say and Moodle ignores (lesson,
difficulty, points, shuffle, strict) goes in comments Moodle skips, next to the
`// [id:...]` and `// [tag:...]` comments Moodle itself reads. A `multi` question's
right answers share 100% and each wrong one takes as much away, which is our partial
credit. Aiken holds only `single` questions on one line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

from studyapp.content.model import LETTERS, Question
from studyapp.importing.common import refers_to_other_choices
from studyapp.text import collapse_whitespace

_FORMAT_LIKE = re.compile(r"\[(?:moodle|html|plain|markdown)\]")
_WEIGHT_LIKE = re.compile(r"%\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*%")
_AIKEN_OPTION_LIKE = re.compile(r"[A-Z][).]")


class SkipReport(Protocol):
    """Told about each question that cannot be written, with a problem code."""

    def __call__(self, question: Question, code: str, /, **params: object) -> None: ...


def gift_escape(text: str) -> str:
    """Text with GIFT's control characters escaped, line breaks as `\\n`."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\r", "").replace("\n", "\\n")


def _part(text: str, *, weight: str = "") -> str:
    """A text where GIFT would read more than text at its start: a `[format]`
    (then `[moodle]` says it is text), or a weight (then `weight` is written first)."""
    prefix = weight if weight and _WEIGHT_LIKE.match(text) else ""
    if _FORMAT_LIKE.match(text):
        prefix += "[moodle]"
    return prefix + gift_escape(text)


def _meta(name: str, value: str) -> str:
    """`[name:value]`, a `]` or `\\` in the value escaped."""
    escaped = value.replace("\\", "\\\\").replace("]", "\\]")
    return f"[{name}:{escaped}]"


def _number(value: Decimal | Fraction) -> str:
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else repr(float(value))
    return f"{value:f}"


def _share(count: int) -> str:
    """100 / count as Moodle writes weights (33.33333)."""
    value = (Decimal(100) / count).quantize(Decimal("0.00001")).normalize()
    return f"{value:f}"


def _answer_lines(question: Question, skip: SkipReport) -> tuple[str, list[str]] | None:
    """What opens the answer set (`#`, `TRUE`, ...) and one line per answer."""
    kind = question.type
    if kind == "single":
        return "", [("=" if index in question.correct_choices else "~")
                    + _part(choice, weight="%100%" if index in question.correct_choices
                            else "%0%")
                    for index, choice in enumerate(question.choices)]
    if kind == "multi":
        share = _share(len(question.correct_choices))
        return "", [f"~%{'' if index in question.correct_choices else '-'}{share}%"
                    + _part(choice) for index, choice in enumerate(question.choices)]
    if kind == "truefalse":
        return ("TRUE" if question.truth else "FALSE"), []
    if kind == "fill":
        if any("->" in accepted for accepted in question.accepted):
            skip(question, "export_gift_arrow")  # GIFT would read a matching question
            return None
        return "", ["=" + _part(accepted, weight="%100%") for accepted in question.accepted]
    if kind == "number" and question.number is not None:
        margin = f":{_number(question.tolerance)}" if question.tolerance else ""
        return "#", [f"={_number(question.number)}{margin}"]
    if kind == "match":
        if any("->" in left for left, _ in question.pairs):
            skip(question, "export_gift_arrow")
            return None
        return "", [f"={_part(left)} -> {gift_escape(right)}" for left, right in question.pairs]
    skip(question, "export_not_gift", type=kind)
    return None


def _comments(question: Question) -> list[str]:
    lines = [f"// {_meta('id', question.id)}"]
    if question.tags:
        lines.append("// " + " ".join(_meta("tag", tag) for tag in question.tags))
    extras = []
    if question.lesson:
        extras.append(_meta("lesson", question.lesson))
    if question.difficulty != 2:
        extras.append(_meta("difficulty", str(question.difficulty)))
    if question.points != 1:
        extras.append(_meta("points", _number(question.points)))
    if question.type in ("single", "multi") and (
            not question.shuffle or any(refers_to_other_choices(c) for c in question.choices)):
        # Said even when true if the import would guess false from the choices.
        extras.append(_meta("shuffle", "true" if question.shuffle else "false"))
    if question.type == "fill" and question.strict:
        extras.append(_meta("strict", "true"))
    if question.group:
        extras.append(_meta("group", question.group))
    if extras:
        lines.append("// " + " ".join(extras))
    return lines


def write_gift(questions: Sequence[Question], skip: SkipReport, *,
               heading: str | None = None, category: str | None = None) -> tuple[str, int]:
    """The questions as a GIFT file, and how many were written. `category` (the bank's
    title) becomes a `$CATEGORY:` line, so that Moodle keeps banks apart and an
    import here gets the title back."""
    blocks = [f"// {collapse_whitespace(heading)}"] if heading else []
    if category and collapse_whitespace(category):
        # Moodle reads "/" as a level of categories; "//" is a slash in a name.
        blocks.append(f"$CATEGORY: {collapse_whitespace(category).replace('/', '//')}")
    written = 0
    for question in questions:
        answers = _answer_lines(question, skip)
        if answers is None:
            continue
        opening, lines = answers
        if question.explanation:
            lines = [*lines, "####" + _part(question.explanation)]
        body = (f"{{{opening}}}" if not lines else
                f"{{{opening}\n" + "".join(f"\t{line}\n" for line in lines) + "}")
        head = f"::{question.id}::{_part(question.prompt)}"
        blocks.append("\n".join([*_comments(question), head + body]))
        written += 1
    return "\n\n".join(blocks) + "\n" if blocks else "", written


def write_aiken(questions: Sequence[Question], skip: SkipReport) -> tuple[str, int]:
    """The `single` questions as an Aiken file (the others reported), and how many."""
    blocks = []
    for question in questions:
        if question.type != "single":
            skip(question, "export_not_aiken", type=question.type)
            continue
        prompt = collapse_whitespace(question.prompt)
        if len(prompt) < 2 or _AIKEN_OPTION_LIKE.match(prompt) or prompt.startswith("ANSWER:"):
            # Moodle would read this line as an option or an answer, not a question.
            skip(question, "export_aiken_prompt")
            continue
        lines = [prompt]
        lines += [f"{LETTERS[index]}) {collapse_whitespace(choice)}"
                  for index, choice in enumerate(question.choices)]
        lines.append(f"ANSWER: {LETTERS[question.correct_choices[0]]}")
        blocks.append("\n".join(lines))
    return ("\n\n".join(blocks) + "\n" if blocks else ""), len(blocks)
