"""Moodle GIFT files read into bank questions, by Moodle's rules, each problem at its line.

How GIFT maps to our types (what a teammate must know):
- `{=a ~b ~c}`, one `=`: `single`. Weights on the `~` answers are partial credit, which
  we do not keep (a warning says so). Several `=`: `multi` with all of them right
  (Moodle would accept any one of them; a warning says so). No `=`: `multi`, the
  answers with a positive weight are right.
- `{T}` `{TRUE}` `{F}` `{FALSE}`: `truefalse`; `{=a =b}` or `{a}`: `fill`, every
  alternative at 100% accepted (partial ones warned about); `{#...}`: `number` (`x:t` a tolerance,
  `a..b` the midpoint and half the width, several answers: the one at 100%);
  `{=a -> b ...}`: `match`.
- Feedback: the general feedback (`####`) then each answer's feedback (`answer: text`)
  becomes the explanation. `::title::` names the question (its id when no `[id:...]`).
- Essays (`{}`), descriptions (no braces) and what our format cannot hold are skipped
  with a warning; input Moodle would refuse is an error. Either way the rest is read.

Longer than most modules: one reader of one grammar (Moodle's), whose rules for each
type depend on the same positions and escapes.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from studyapp.content.banks import QUESTION_ID_PATTERN
from studyapp.content.checks import ID_PATTERN
from studyapp.content.model import LETTERS
from studyapp.i18n import tr
from studyapp.importing.common import (
    Collector,
    ImportedQuestion,
    ImportResult,
    check_choices,
    check_pairs,
    clean,
    clean_line,
    number_value,
    refers_to_other_choices,
    shorten,
)
from studyapp.importing.textformats import html_to_text, markdown_to_text, plain_lines

# While the structure is read, escaped control characters stand as placeholders
# (Unicode noncharacters, never found in text), as Moodle does; they become the
# characters again in the text.
_PLACEHOLDER = {":": "\ufdd0", "#": "\ufdd1", "=": "\ufdd2", "{": "\ufdd3", "}": "\ufdd4",
                "~": "\ufdd5", "n": "\ufdd6"}
_NEWLINE = _PLACEHOLDER["n"]
_BLANK = "\ufdd7"
"""Where an answer set stood inside the question text: shown as `_____`."""
_RESTORE = str.maketrans({mark: "\n" if char == "n" else char
                          for char, mark in _PLACEHOLDER.items()})
_ESCAPE = re.compile(r"\\([\\:#={}~n])")
_NONCHARACTERS = re.compile("[\ufdd0-\ufdef]")
_WEIGHT = re.compile(r"%\s*(-?(?:\d+(?:\.\d*)?|\.\d+))\s*%")
_FORMAT = re.compile(r"\[(moodle|html|plain|markdown)\]")
_META = re.compile(r"\[(id|tag|lesson|difficulty|points|shuffle|strict|group):((?:\\.|[^\]\\])+)\]")
_CONTEXT = re.compile(r"\$[a-z0-9]+\$")
TRUTH = {"T": True, "TRUE": True, "F": False, "FALSE": False}
HUNDRED = Decimal(100)


class _Source:
    """The file's text with escapes replaced by placeholders, and the way back
    from an offset in it to the line and column of the file."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        parts: list[str] = []
        self._escapes: list[int] = []
        last = 0
        for match in _ESCAPE.finditer(raw):
            parts.append(raw[last:match.start()])
            char = match.group(1)
            self._escapes.append(match.start() - len(self._escapes))
            parts.append("\\" if char == "\\" else _PLACEHOLDER[char])
            last = match.end()
        parts.append(raw[last:])
        self.text = "".join(parts)
        self._line_starts = [0, *(match.end() for match in re.finditer("\n", raw))]

    def where(self, index: int) -> tuple[int, int]:
        """Line and column (1-based) in the file of `index` in `text`."""
        offset = index + bisect.bisect_left(self._escapes, index)
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1


@dataclass
class _Answer:
    marker: str
    """`=`, `~` or "" (text before the first marker)."""
    weight: Decimal | None
    raw: str
    """The answer's text as written (placeholders in it)."""
    feedback: str
    line: int
    column: int


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _split_format(raw: str, default: str) -> tuple[str, str]:
    """A `[format]` at the start of `raw` (Moodle's rule), and the rest."""
    raw = raw.strip()
    match = _FORMAT.match(raw)
    return (match.group(1), raw[match.end():]) if match else (default, raw)


def _convert(raw: str, text_format: str) -> str:
    """Text of a GIFT part (placeholders in it) as our plain text."""
    if text_format == "html":
        text = html_to_text(_restore(raw))
    elif text_format == "markdown":
        text = markdown_to_text(_restore(raw))
    else:
        # The file's line breaks only wrap the text; `\n` is a line break.
        text = plain_lines(_restore(raw.replace("\n", " ")))
    return clean(text.replace(_BLANK, "_____"))


def _text(raw: str, default: str) -> str:
    """A part that may start with its own `[format]` (else `default`) as plain text."""
    text_format, body = _split_format(raw, default)
    return _convert(body, text_format)


def _unescape_meta(value: str) -> str:
    return re.sub(r"\\(.)", r"\1", value).strip()


def _category_tag(category: str) -> str | None:
    """The tag for `$CATEGORY: $course$/top/Chương 1/Bài 2`: `Chương 1/Bài 2`."""
    parts = [part.strip() for part in category.split("/") if part.strip()]
    while parts and _CONTEXT.fullmatch(parts[0]):
        parts.pop(0)
    if parts and parts[0] == "top":
        parts.pop(0)
    return clean_line("/".join(parts)) or None


def _label(number: Decimal, tolerance: Decimal) -> str:
    return f"{number:f}" if not tolerance else f"{number:f} ± {tolerance:f}"


class _Reader:
    """Reads the questions of one GIFT file, block by block (a blank line ends a question)."""

    def __init__(self, source: _Source, collector: Collector) -> None:
        self.source = source
        self.collector = collector
        self.category_tag: str | None = None
        self.categories: list[str] = []
        lines = source.text.split("\n")
        raw_lines = source.raw.split("\n")
        # Comment lines become spaces (as in Moodle), keeping every offset.
        kept: list[str] = []
        self.blocks: list[tuple[int, int, list[str]]] = []
        offset = 0
        start: int | None = None
        comments: list[str] = []
        end = 0
        for number, line in enumerate(lines):
            stripped = line.strip()
            if stripped.startswith("//"):
                kept.append(" " * len(line))
                comments.append(raw_lines[number])
                start = offset if start is None else start
                end = offset + len(line)
            elif stripped:
                kept.append(line)
                start = offset if start is None else start
                end = offset + len(line)
            else:
                kept.append(line)
                if start is not None:
                    self.blocks.append((start, end, comments))
                start, comments = None, []
            offset += len(line) + 1
        if start is not None:
            self.blocks.append((start, end, comments))
        self.text = "\n".join(kept)

    def where(self, index: int) -> tuple[int, int]:
        return self.source.where(index)

    def strip(self, start: int, end: int) -> tuple[int, int]:
        text = self.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def read(self) -> None:
        for start, end, comments in self.blocks:
            self.block(start, end, comments)

    # --- one question --------------------------------------------------------------

    def block(self, start: int, end: int, comments: list[str]) -> None:
        text = self.text
        start, end = self.strip(start, end)
        if start == end:
            return  # comments only
        if text.startswith("$CATEGORY:", start):
            line_end = text.find("\n", start, end)
            line_end = end if line_end == -1 else line_end
            self.category_tag = _category_tag(_restore(text[start + len("$CATEGORY:"):line_end]))
            if self.category_tag:
                self.categories.append(self.category_tag)
            start, end = self.strip(line_end, end)
            if start == end:
                return
        line, column = self.where(start)
        title = None
        if text.startswith("::", start):
            close = text.find("::", start + 2, end)
            if close == -1:
                self.collector.warning(line, column, "gift_title_unclosed")
                start += 2
            else:
                title = clean_line(_restore(text[start + 2:close])) or None
                start = close + 2
            start, end = self.strip(start, end)
        opening = text.find("{", start, end)
        closing = text.find("}", start, end)
        if opening == -1 and closing == -1:
            self.collector.skip(line, column, "gift_description")
            return
        if opening == -1 or (closing != -1 and closing < opening):
            self.collector.skip(*self.where(closing), "gift_unopened_brace", error=True,
                                brace="}")
            return
        if closing == -1:
            self.collector.skip(*self.where(opening), "gift_unclosed_brace", error=True,
                                brace="{")
            return
        extra = [at for at in (text.find("{", opening + 1, end), text.find("}", closing + 1, end))
                 if at != -1]
        if extra:
            self.collector.skip(*self.where(min(extra)), "gift_extra_braces", open="{",
                                close="}")
            return
        # Moodle: answers inside the text leave a blank there; at the end, nothing.
        after = text[closing + 1:end]
        prompt_raw = text[start:opening] + (_BLANK + after if after.strip() else "")
        text_format, prompt_body = _split_format(prompt_raw, "moodle")
        body_start, body_end = self.strip(opening + 1, closing)
        general = ""
        separator = text.rfind("####", body_start, body_end)
        if separator != -1:
            general = _text(text[separator + 4:body_end], text_format)
            body_start, body_end = self.strip(body_start, separator)
        question = _Question(self, line, opening=opening, start=body_start, end=body_end,
                             text_format=text_format, general=general)
        table = question.build()
        if table is None:
            return
        prompt = _convert(prompt_body, text_format)
        if not prompt:
            self.collector.skip(line, column, "import_empty_text")
            return
        table = {"type": table.pop("type"), "prompt": prompt, **table}
        given_id = self.metadata(table, comments, line)
        self.collector.add(ImportedQuestion(table, line, column, title, given_id))

    def metadata(self, table: dict[str, Any], comments: list[str], line: int) -> str | None:
        """Tags (the category's, then `[tag:...]`) and what our own export writes
        in comments; returns the `[id:...]` given, if any."""
        given_id: str | None = None
        tags = [self.category_tag] if self.category_tag else []
        for comment in comments:
            for match in _META.finditer(comment):
                key, value = match.group(1), _unescape_meta(match.group(2))
                if key == "id":
                    given_id = value if given_id is None else given_id
                elif key == "tag":
                    if clean_line(value):
                        tags.append(clean_line(value))
                elif not self.extra(table, key, value):
                    self.collector.warning(line, 1, "import_bad_meta", key=key, value=value)
        if tags:
            table["tags"] = list(dict.fromkeys(tags))
        return given_id

    @staticmethod
    def extra(table: dict[str, Any], key: str, value: str) -> bool:
        """`[lesson:...]`, `[difficulty:...]`, `[points:...]`, `[shuffle:...]`,
        `[strict:...]`, `[group:...]`: kept when valid for the question; False if not."""
        kind = table["type"]
        if key == "lesson" and ID_PATTERN.fullmatch(value):
            table["lesson"] = value
        elif key == "difficulty" and value in ("1", "2", "3"):
            table["difficulty"] = int(value)
        elif key == "points":
            try:
                points = Decimal(value)
            except InvalidOperation:
                return False
            if not _storable(points) or points <= 0:
                return False
            table["points"] = number_value(points)
        elif key == "shuffle" and value in ("true", "false") and kind in ("single", "multi"):
            table["shuffle"] = value == "true"
        elif key == "strict" and value in ("true", "false") and kind == "fill":
            table["strict"] = value == "true"
        elif key == "group" and QUESTION_ID_PATTERN.fullmatch(value):
            table["group"] = value
        else:
            return False
        return True


class _Question:
    """The answer set of one question, read by the type Moodle gives it."""

    def __init__(self, reader: _Reader, line: int, *, opening: int, start: int, end: int,
                 text_format: str, general: str) -> None:
        self.reader = reader
        self.collector = reader.collector
        self.line = line
        self.opening = opening
        self.start = start
        self.end = end
        self.format = text_format
        self.general = general

    def skip(self, code: str, *, error: bool = False, at: tuple[int, int] | None = None,
             **params: object) -> None:
        line, column = at or self.reader.where(self.opening)
        self.collector.skip(line, column, code, error=error, **params)

    def explanation(self, lines: list[str]) -> dict[str, Any]:
        parts = [part for part in [self.general, *lines] if part]
        return {"explanation": "\n".join(parts)} if parts else {}

    def build(self) -> dict[str, Any] | None:
        """The question's table without its prompt (None if skipped): Moodle's
        order of tests decides the type."""
        body = self.reader.text[self.start:self.end]
        if not body:
            self.skip("gift_essay", at=(self.line, 1))
            return None
        if body.startswith("#"):
            return self.number()
        if "~" in body:
            return self.choices()
        if "=" in body and "->" in body:
            return self.match()
        hash_at = body.find("#")
        head = body[:hash_at].strip() if hash_at > 0 else body
        if head in TRUTH:
            return self.truefalse(body)
        return self.fill()

    # --- answers ------------------------------------------------------------------

    def segments(self, start: int, end: int, markers: str) -> list[tuple[str, int, int]]:
        """The answers between `start` and `end`: each begins at a marker; text
        before the first marker is an answer too when not blank (Moodle)."""
        text = self.reader.text
        cuts = [index for index in range(start, end) if text[index] in markers]
        pieces: list[tuple[str, int, int]] = []
        first = cuts[0] if cuts else end
        if text[start:first].strip():
            pieces.append(("", start, first))
        for number, cut in enumerate(cuts):
            pieces.append((text[cut], cut + 1, cuts[number + 1] if number + 1 < len(cuts)
                           else end))
        return pieces

    def answer(self, marker: str, start: int, end: int) -> _Answer:
        text = self.reader.text
        start, end = self.reader.strip(start, end)
        weight = None
        match = _WEIGHT.match(text, start, end)
        if match:
            weight = Decimal(match.group(1))
            start = match.end()
        line, column = self.reader.where(start)
        hash_at = text.find("#", start, end)
        raw = text[start:end] if hash_at == -1 else text[start:hash_at]
        feedback = "" if hash_at == -1 else _text(text[hash_at + 1:end], self.format)
        return _Answer(marker, weight, raw, feedback, line, column)

    def answers(self, markers: str, start: int | None = None,
                end: int | None = None) -> list[_Answer]:
        start = self.start if start is None else start
        end = self.end if end is None else end
        return [self.answer(marker, begin, finish)
                for marker, begin, finish in self.segments(start, end, markers)]

    @staticmethod
    def feedback_lines(labelled: list[tuple[str, str]]) -> list[str]:
        return [f"{label}: {feedback}" for label, feedback in labelled if feedback]

    # --- types --------------------------------------------------------------------

    def choices(self) -> dict[str, Any] | None:
        answers = self.answers("=~")
        if len(answers) < 2:
            self.skip("gift_too_few_answers", error=True, count=len(answers))
            return None
        kept: list[tuple[_Answer, str]] = []
        for answer in answers:
            text = clean_line(_text(answer.raw, self.format))
            if not text:
                self.collector.warning(answer.line, answer.column, "import_empty_choice")
                continue
            kept.append((answer, text))
        equals = [item for item in kept if item[0].marker == "="]
        positive = [item for item in kept
                    if item[0].marker != "=" and item[0].weight is not None
                    and item[0].weight > 0]
        kind = "multi"
        if len(equals) == 1:
            kind = "single"
            right = equals
            partial = [item for item in kept if item[0].marker != "=" and item[0].weight]
            if partial:
                first = partial[0][0]
                self.collector.warning(
                    first.line, first.column, "gift_partial_credit",
                    answers=", ".join(f"«{shorten(text, 40)}» ({answer.weight:f}%)"
                                      for answer, text in partial))
        elif equals:
            right = equals + positive
            self.collector.warning(*self.reader.where(self.opening), "gift_several_right",
                                   count=len(equals))
        else:
            right = positive
            if not right:
                self.skip("gift_no_right_answer", error=True)
                return None
            if len({answer.weight for answer, _ in right}) > 1:
                self.collector.warning(*self.reader.where(self.opening),
                                       "gift_unequal_weights")
        choices = [text for _, text in kept]
        if not check_choices(self.collector, choices, self.line):
            return None
        right_ids = {id(answer) for answer, _ in right}
        letters = [LETTERS[index] for index, (answer, _) in enumerate(kept)
                   if id(answer) in right_ids]
        table: dict[str, Any] = {"type": kind, "choices": choices,
                                 "answer": letters[0] if kind == "single" else letters}
        if any(refers_to_other_choices(choice) for choice in choices):
            table["shuffle"] = False
        lines = self.feedback_lines([(text, answer.feedback) for answer, text in kept])
        return table | self.explanation(lines)

    def truefalse(self, body: str) -> dict[str, Any]:
        # Moodle: the first feedback is for a wrong answer, the second for the right one.
        parts = body.split("#", 2)
        wrong = _text(parts[1], self.format) if len(parts) > 1 else ""
        right = _text(parts[2], self.format) if len(parts) > 2 else ""
        truth = TRUTH[parts[0].strip()]
        # Labelled by the answer each is for: a learner who answered right must not
        # read the feedback written for a wrong answer as if it were for them.
        labelled = [(truth, right), (not truth, wrong)]
        lines = list(dict.fromkeys(
            tr("gift.if_answered", answer=tr("gift.true" if value else "gift.false"),
               feedback=part) for value, part in labelled if part))
        return {"type": "truefalse", "answer": truth} | self.explanation(lines)

    def fill(self) -> dict[str, Any] | None:
        answers = self.answers("=")
        texts = [clean_line(_text(answer.raw, self.format)) for answer in answers]
        accepted: list[str] = []
        partial: list[str] = []
        for answer, text in zip(answers, texts, strict=True):
            weight = HUNDRED if answer.weight is None else answer.weight
            if not text:
                self.collector.warning(answer.line, answer.column, "import_empty_choice")
            elif weight >= HUNDRED:
                accepted.append(text)
            elif weight > 0:
                # Partial credit for a typed answer cannot be kept: it is not taken as right.
                partial.append(f"«{shorten(text, 40)}» ({weight:f}%)")
        if not accepted:
            self.skip("gift_no_right_answer", error=True)
            return None
        if partial:
            self.collector.warning(*self.reader.where(self.opening), "gift_partial_accepted",
                                   answers=", ".join(partial))
        accepted = list(dict.fromkeys(accepted))
        lines = self.feedback_lines([(text, answer.feedback)
                                     for answer, text in zip(answers, texts, strict=True)
                                     if text])
        answer_value: str | list[str] = accepted[0] if len(accepted) == 1 else accepted
        return {"type": "fill", "answer": answer_value} | self.explanation(lines)

    def number(self) -> dict[str, Any] | None:
        text = self.reader.text
        start, end = self.start + 1, self.end
        wrong_feedback = ""
        tilde = text.find("~", start, end)
        if tilde != -1:
            hash_at = text.find("#", tilde, end)
            if hash_at != -1:
                wrong_feedback = _text(text[hash_at + 1:end], self.format)
            end = tilde
        answers = self.answers("=", start, end)
        if not answers:
            self.skip("gift_no_number", error=True)
            return None
        read: list[tuple[_Answer, Decimal, Decimal]] = []
        for answer in answers:
            value = plain_lines(_restore(answer.raw.replace("\n", " ")))
            parsed = _number(value)
            if parsed is None:
                self.skip("gift_not_a_number", error=True, at=(answer.line, answer.column),
                          value=shorten(value))
                return None
            read.append((answer, *parsed))

        def weight(answer: _Answer) -> Decimal:
            return HUNDRED if answer.weight is None else answer.weight

        best = max(weight(answer) for answer, _, _ in read)
        if best <= 0:
            self.skip("gift_no_right_answer", error=True)
            return None
        chosen = next(item for item in read if weight(item[0]) == best)
        _, number, tolerance = chosen
        if len(read) > 1:
            self.collector.warning(*self.reader.where(self.opening), "gift_numeric_several",
                                   kept=_label(number, tolerance), weight=f"{best:f}")
        table: dict[str, Any] = {"type": "number", "answer": number_value(number)}
        if tolerance:
            table["tolerance"] = number_value(tolerance)
        lines = self.feedback_lines([(_label(value, margin), answer.feedback)
                                     for answer, value, margin in read])
        if wrong_feedback:
            lines.append(tr("gift.if_other", feedback=wrong_feedback))
        return table | self.explanation(lines)

    def match(self) -> dict[str, Any] | None:
        text = self.reader.text
        pieces = self.segments(self.start, self.end, "=")
        if len(pieces) < 2:
            self.skip("gift_too_few_answers", error=True, count=len(pieces))
            return None
        pairs: list[tuple[str, str]] = []
        for _, piece_start, piece_end in pieces:
            start, end = self.reader.strip(piece_start, piece_end)
            raw = text[start:end]
            arrow = raw.find("->")
            if arrow == -1:
                self.skip("gift_match_format", error=True, at=self.reader.where(start),
                          value=shorten(_restore(raw)))
                return None
            left = clean_line(_text(raw[:arrow], self.format))
            right = clean_line(_convert(raw[arrow + 2:], "plain"))
            if not left:
                self.collector.warning(*self.reader.where(start), "gift_match_distractor",
                                       value=shorten(right))
                continue
            if not right:
                self.collector.warning(*self.reader.where(start), "import_empty_choice")
                continue
            pairs.append((left, right))
        if not check_pairs(self.collector, pairs, self.line):
            return None
        return {"type": "match", "pairs": [list(pair) for pair in pairs]} | self.explanation([])


def _number(value: str) -> tuple[Decimal, Decimal] | None:
    """`x`, `x:tolerance` or `low..high` as (number, tolerance); None if not numbers."""
    try:
        if value.find("..") > 0:
            low_text, high_text = value.split("..", 1)
            low, high = sorted((Decimal(low_text.strip()), Decimal(high_text.strip())))
            number, tolerance = (low + high) / 2, (high - low) / 2
        elif value.find(":") > 0:
            number_text, tolerance_text = value.split(":", 1)
            number, tolerance = Decimal(number_text.strip()), Decimal(tolerance_text.strip())
        else:
            number, tolerance = Decimal(value.strip()), Decimal(0)
    except InvalidOperation:
        return None
    if not _storable(number) or not _storable(tolerance) or tolerance < 0:
        return None
    return number, tolerance


def _storable(value: Decimal) -> bool:
    """A finite number a TOML float holds (`1e400` is not one)."""
    return value.is_finite() and math.isfinite(float(value))


def parse_gift(text: str, path: Path) -> ImportResult:
    """The questions of a GIFT file (its clean text: see `content.source.read_text`)."""
    collector = Collector(path)
    text = _NONCHARACTERS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    reader = _Reader(_Source(text), collector)
    reader.read()
    result = collector.result()
    categories = list(dict.fromkeys(reader.categories))
    if len(categories) == 1:
        # One category for the whole file is the bank's title (our own export writes
        # it so); only several categories tell questions apart, as tags.
        [result.title] = categories
        for question in result.questions:
            tags = [tag for tag in question.table.get("tags", []) if tag != categories[0]]
            if tags:
                question.table["tags"] = tags
            else:
                question.table.pop("tags", None)
    return result
