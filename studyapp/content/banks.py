"""Loading and validating question banks: every rule of content-format.md, at its line."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any, cast

from studyapp.content.checks import Field, TableChecker, fraction_of, one_line
from studyapp.content.model import LETTERS, QUESTION_TYPES, Bank, Lesson, Question, QuestionType
from studyapp.content.problems import ProblemLog, closest
from studyapp.content.source import Location, TablePath, read_text, read_toml

QUESTION_ID_PATTERN = re.compile(r"[a-z0-9_.-]+")
MAX_QUESTIONS = 50_000
"""A bank with more is refused: split it (a 10,000-question bank is about 10 MB)."""

BANK_FIELDS = (
    Field("format", "integer"),
    Field("id", "string", required=True),
    Field("title", "string", required=True),
    Field("description", "string"),
    Field("lesson", "string"),
    Field("tags", "string_list"),
    Field("questions", "table_list"),
)

COMMON_FIELDS = (
    Field("id", "string", required=True),
    Field("type", "string", required=True),
    Field("prompt", "string", required=True),
    Field("explanation", "string"),
    Field("lesson", "string"),
    Field("tags", "string_list"),
    Field("difficulty", "integer"),
    Field("points", "number"),
    Field("status", "string"),
    Field("group", "string"),
)

TYPE_FIELDS: dict[str, tuple[Field, ...]] = {
    "single": (Field("choices", "string_list", required=True),
               Field("answer", "string", required=True), Field("shuffle", "boolean")),
    "multi": (Field("choices", "string_list", required=True),
              Field("answer", "string_list", required=True), Field("shuffle", "boolean")),
    "truefalse": (Field("answer", "boolean", required=True),),
    "fill": (Field("answer", "string_or_list", required=True), Field("strict", "boolean")),
    "number": (Field("answer", "number", required=True), Field("tolerance", "number")),
    "order": (Field("items", "string_list", required=True),),
    "match": (Field("pairs", "array", required=True),),
}

# The fields of a question of each type (constants: checks.py keys its cache on them).
QUESTION_FIELDS: dict[str, tuple[Field, ...]] = {
    kind: COMMON_FIELDS + fields for kind, fields in TYPE_FIELDS.items()}

# Every key some type accepts, to tell "unknown" from "not for this type".
_ANY_TYPE_KEYS = {f.name for fields in TYPE_FIELDS.values() for f in fields}
_ALL_KEYS = sorted({f.name for f in COMMON_FIELDS} | _ANY_TYPE_KEYS)


def content_hash(kind: str, prompt: str, answer: object, *, choices: Sequence[str] = (),
                 items: Sequence[str] = (), pairs: Sequence[tuple[str, str]] = (),
                 strict: bool = False, tolerance: Decimal = Decimal(0),
                 points: Fraction = Fraction(1)) -> str:
    """A short hash of what is asked and what counts as right (not of the
    explanation, tags or difficulty, which change nothing in an answer)."""
    canonical = repr((kind, prompt, tuple(choices), answer, tuple(items), tuple(pairs), strict,
                      str(tolerance), str(points)))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


class _QuestionReader:
    """Checks one `[[questions]]` table and builds the Question if it is valid."""

    def __init__(self, bank_id: str, checker: TableChecker, path: Path) -> None:
        self.bank_id = bank_id
        self.checker = checker
        self.path = path

    def read(self, data: Mapping[str, Any], index: int, default_lesson: str | None,
             default_tags: tuple[str, ...]) -> Question | None:
        checker = self.checker
        table: TablePath = ("questions", index)
        raw_kind = data.get("type")
        kind = raw_kind if isinstance(raw_kind, str) else ""
        type_fields = TYPE_FIELDS.get(kind)
        ok = True
        if isinstance(raw_kind, str) and type_fields is None:
            checker.error(table, "type", "unknown_type", value=kind,
                          suggestion=closest(kind, QUESTION_TYPES))
            ok = False
        fields = QUESTION_FIELDS.get(kind, COMMON_FIELDS)
        known = {f.name for f in fields}
        # Keys of other types are "not for this type"; the rest are unknown.
        foreign = {k: v for k, v in data.items() if k not in known and k in _ANY_TYPE_KEYS}
        for key in foreign:
            if type_fields is not None:
                checker.error(table, key, "key_not_for_type", key=key, type=kind)
            ok = False
        rest = {k: v for k, v in data.items() if k not in foreign}
        fits, data = checker.check(rest, table, fields, suggestions=_ALL_KEYS)
        ok = ok and fits
        if type_fields is None:
            return None
        ok = checker.check_id(data, table, "id", QUESTION_ID_PATTERN) and ok
        ok = checker.check_text(data, table, "prompt") and ok
        if "group" in data:
            ok = checker.check_id(data, table, "group", QUESTION_ID_PATTERN) and ok
        difficulty = data.get("difficulty", 2)
        if not 1 <= difficulty <= 3:
            checker.error(table, "difficulty", "bad_difficulty", value=difficulty)
            ok = False
        points = fraction_of(data.get("points", 1))
        if points <= 0:
            checker.error(table, "points", "not_positive", key="points")
            ok = False
        status = data.get("status")
        if status is not None and status != "draft":
            checker.error(table, "status", "bad_status", value=status)
            ok = False
        built = self._typed(kind, data, table)
        if built is None or not ok or "id" not in data or "prompt" not in data:
            return None
        explanation = data.get("explanation")
        if explanation is None or not explanation.strip():
            checker.warning(table, None, "no_explanation", id=data["id"])
        prompt = data["prompt"].strip()
        own_tags = tuple(one_line(tag) for tag in data.get("tags", ()))
        tags = tuple(dict.fromkeys(default_tags + own_tags))
        answer_repr = built.get("answer_repr")
        return Question(
            bank_id=self.bank_id,
            id=data["id"],
            type=cast("QuestionType", kind),  # one of TYPE_FIELDS
            prompt=prompt,
            content_hash=content_hash(kind, prompt, answer_repr,
                                      choices=built.get("choices", ()),
                                      items=built.get("items", ()), pairs=built.get("pairs", ()),
                                      strict=built.get("strict", False),
                                      tolerance=built.get("tolerance", Decimal(0)),
                                      points=points),
            explanation=explanation.strip() if explanation and explanation.strip() else None,
            lesson=data.get("lesson", default_lesson),
            tags=tags,
            difficulty=difficulty,
            points=points,
            choices=built.get("choices", ()),
            correct_choices=built.get("correct", ()),
            truth=built.get("truth"),
            accepted=built.get("accepted", ()),
            number=built.get("number"),
            tolerance=built.get("tolerance", Decimal(0)),
            items=built.get("items", ()),
            pairs=built.get("pairs", ()),
            shuffle=data.get("shuffle", True),
            strict=data.get("strict", False),
            group=data.get("group"),
            path=self.path,
            index=index,
            draft=status == "draft",
        )

    def _distinct(self, values: Sequence[str], table: TablePath, key: str, code: str) -> bool:
        seen: set[str] = set()
        for value in values:
            if value in seen:
                self.checker.error(table, key, code, key=key, value=value)
                return False
            seen.add(value)
        return True

    def _count(self, values: Sequence[object], table: TablePath, key: str,
               low: int, high: int) -> bool:
        if not low <= len(values) <= high:
            self.checker.error(table, key, "count_out_of_range", key=key, count=len(values),
                               low=low, high=high)
            return False
        return True

    def _typed(self, kind: str, data: Mapping[str, Any], table: TablePath
               ) -> dict[str, Any] | None:
        """The type's own checks; the parts of the Question they give, or None."""
        checker = self.checker
        if "answer" not in data and kind not in ("order", "match"):
            return None
        if kind in ("single", "multi"):
            if "choices" not in data:
                return None
            choices = tuple(one_line(choice) for choice in data["choices"])
            ok = self._count(choices, table, "choices", 2, len(LETTERS))
            ok = self._distinct(choices, table, "choices", "duplicate_choice") and ok
            if any(not choice for choice in choices):
                checker.error(table, "choices", "empty_value", key="choices")
                ok = False
            letters = [data["answer"]] if kind == "single" else list(data["answer"])
            if kind == "multi" and not letters:
                checker.error(table, "answer", "empty_value", key="answer")
                ok = False
            if len(set(letters)) != len(letters):
                checker.error(table, "answer", "duplicate_answer")
                ok = False
            correct = []
            for letter in letters:
                position = LETTERS.find(letter) if len(letter) == 1 else -1
                if position == -1:
                    checker.error(table, "answer", "bad_letter", value=letter)
                    ok = False
                elif position >= len(choices):
                    checker.error(table, "answer", "letter_without_choice", value=letter,
                                  count=len(choices))
                    ok = False
                else:
                    correct.append(position)
            if not ok:
                return None
            return {"choices": choices, "correct": tuple(sorted(correct)),
                    "answer_repr": tuple(sorted(correct))}
        if kind == "truefalse":
            return {"truth": data["answer"], "answer_repr": data["answer"]}
        if kind == "fill":
            raw = data["answer"]
            accepted = tuple(one_line(a) for a in ([raw] if isinstance(raw, str) else raw))
            if not accepted or not all(accepted):
                checker.error(table, "answer", "empty_value", key="answer")
                return None
            return {"accepted": accepted, "answer_repr": accepted,
                    "strict": data.get("strict", False)}
        if kind == "number":
            number = Decimal(str(data["answer"]))
            tolerance = Decimal(str(data.get("tolerance", 0)))
            if not number.is_finite():
                checker.error(table, "answer", "not_finite", key="answer")
                return None
            if tolerance < 0 or not tolerance.is_finite():
                checker.error(table, "tolerance", "negative", key="tolerance")
                return None
            return {"number": number, "tolerance": tolerance, "answer_repr": str(number)}
        if kind == "order":
            if "items" not in data:
                return None
            items = tuple(one_line(item) for item in data["items"])
            ok = self._count(items, table, "items", 3, 8)
            ok = self._distinct(items, table, "items", "duplicate_item") and ok
            if any(not item for item in items):
                checker.error(table, "items", "empty_value", key="items")
                ok = False
            return {"items": items, "answer_repr": items} if ok else None
        # match
        if "pairs" not in data:
            return None
        raw_pairs = data["pairs"]
        pairs: list[tuple[str, str]] = []
        for pair in raw_pairs:
            if not (isinstance(pair, list) and len(pair) == 2
                    and all(isinstance(side, str) and side.strip() for side in pair)):
                checker.error(table, "pairs", "bad_pair")
                return None
            pairs.append((one_line(pair[0]), one_line(pair[1])))
        ok = self._count(pairs, table, "pairs", 2, 8)
        ok = self._distinct([left for left, _ in pairs], table, "pairs", "duplicate_left") and ok
        ok = self._distinct([right for _, right in pairs], table, "pairs",
                            "duplicate_right") and ok
        return {"pairs": tuple(pairs), "answer_repr": tuple(pairs)} if ok else None


def load_bank(path: Path, pack_id: str, log: ProblemLog) -> Bank | None:
    """Read and check one bank on its own (lesson references are checked
    with the whole catalog); None if it has any error."""
    read = read_toml(path, log)
    if read is None:
        return None
    text, data = read
    checker = TableChecker(path, text, log)
    errors_before = len(log.errors)
    checker.check_format(data, ())
    _, good = checker.check(data, (), BANK_FIELDS)
    checker.check_id(good, (), "id")
    checker.check_text(good, (), "title")
    if "lesson" in good:
        checker.check_id(good, (), "lesson")
    raw_questions = good.get("questions", [])
    if len(raw_questions) > MAX_QUESTIONS:
        checker.error((), None, "too_many_questions", count=len(raw_questions),
                      limit=MAX_QUESTIONS)
        return None
    bank_id = good.get("id", "")
    reader = _QuestionReader(bank_id, checker, path)
    default_lesson = good.get("lesson")
    default_tags = tuple(one_line(tag) for tag in good.get("tags", ()))
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        question = reader.read(raw, index, default_lesson, default_tags)
        if question is None:
            continue
        if question.id in seen:
            where = checker.where(("questions", index), "id")
            first = checker.where(("questions", seen[question.id]), "id")
            log.error(path, where.line, where.column, "duplicate_question", id=question.id,
                      line=first.line)
            continue
        seen[question.id] = index
        questions.append(question)
    if len(log.errors) > errors_before:
        return None
    _check_groups(checker, questions)
    if not questions:
        checker.warning((), None, "empty_bank")
    description = good.get("description")
    # Drafts (`status = "draft"`, made by `pack draft-questions`) are checked like any
    # question but kept apart: nothing draws them until an author accepts them.
    return Bank(pack_id, bank_id, one_line(good["title"]),
                tuple(q for q in questions if not q.draft), path,
                one_line(description) if description else None, default_lesson, default_tags,
                drafts=tuple(q for q in questions if q.draft))


def _check_groups(checker: TableChecker, questions: Sequence[Question]) -> None:
    """A group with a single question keeps nothing off a paper: most likely a
    misspelt group name, so it is worth a warning."""
    members: dict[str, list[Question]] = {}
    for question in questions:
        if question.group is not None:
            members.setdefault(question.group, []).append(question)
    for group, grouped in members.items():
        if len(grouped) == 1:
            checker.warning(("questions", grouped[0].index), "group", "group_of_one",
                            group=group, id=grouped[0].id)


# --- checks that need the whole catalog ------------------------------------------------


@dataclass
class BankRecord:
    """A bank that passed its own file's checks. Where its keys stand is
    found only when a problem must be reported (reading the file again if
    the bank came from the cache)."""

    bank: Bank
    checker: TableChecker | None = None

    def _checker(self) -> TableChecker:
        if self.checker is None:
            text = read_text(self.bank.path, ProblemLog()) or ""
            self.checker = TableChecker(self.bank.path, text, ProblemLog())
        return self.checker

    def where(self, question: Question | None, key: str) -> Location:
        """Where `key` stands: in the question's table, or the bank's top level."""
        checker = self._checker()
        if question is None:
            return checker.where((), key)
        return checker.where(("questions", question.index), key)


def check_bank_references(records: Sequence[BankRecord], lessons: Sequence[Lesson],
                          declared: Mapping[str, set[str]], log: ProblemLog) -> list[Bank]:
    """Bank ids unique across the catalog; each question's lesson a lesson
    of the same pack; a warning for each lesson no question points at.
    Returns the banks that stay (a bank with an error here is skipped)."""
    lesson_pack = {lesson.id: lesson.pack_id for lesson in lessons}
    banks: list[Bank] = []
    first_at: dict[str, BankRecord] = {}
    for record in records:
        bank = record.bank
        if bank.id in first_at:
            where = record.where(None, "id")
            first = first_at[bank.id]
            log.error(bank.path, where.line, where.column, "duplicate_bank", id=bank.id,
                      other=f"{first.bank.path}:{first.where(None, 'id').line}")
            continue
        first_at[bank.id] = record
        kept = _check_lessons(record, lesson_pack, declared.get(bank.pack_id, set()), log)
        if kept is not None:
            banks.append(kept)
    covered = {(q.lesson, bank.pack_id) for bank in banks for q in bank.questions}
    packs_with_banks = {bank.pack_id for bank in banks}
    for lesson in lessons:
        if lesson.pack_id in packs_with_banks and (lesson.id, lesson.pack_id) not in covered:
            log.warning(lesson.path, 2, 1, "lesson_without_questions", id=lesson.id)
    return banks


def _check_lessons(record: BankRecord, lesson_pack: Mapping[str, str], declared: set[str],
                   log: ProblemLog) -> Bank | None:
    """The bank with its lesson references checked: a lesson of another pack
    or of none is an error; a lesson whose file could not be loaded, a
    warning (its questions stay, without a lesson). A bank-wide `lesson` is
    reported once, at the bank's own key."""
    bank = record.bank

    def usable(lesson: str) -> bool:
        return lesson_pack.get(lesson) == bank.pack_id

    def report(question: Question | None, lesson: str) -> bool:
        """Log a bad reference; True if it is only a warning."""
        where = record.where(question, "lesson")
        if lesson in declared:
            log.warning(bank.path, where.line, where.column, "lesson_skipped", lesson=lesson)
            return True
        log.error(bank.path, where.line, where.column, "unknown_lesson", lesson=lesson)
        return False

    ok = bank.lesson is None or usable(bank.lesson) or report(None, bank.lesson)
    questions = []
    for question in bank.questions:
        lesson = question.lesson
        kept = question
        if lesson is not None and not usable(lesson):
            inherited = lesson == bank.lesson
            if inherited or report(question, lesson):
                kept = dataclasses.replace(question, lesson=None)
            else:
                ok = False
        questions.append(kept)
    return dataclasses.replace(bank, questions=tuple(questions)) if ok else None
