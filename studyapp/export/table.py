"""The score table as CSV or XLSX, and the per-question statistics of its tests.

CSV is for machines and spreadsheets: UTF-8 with a byte-order mark (or Excel
shows Vietnamese as mojibake), numbers as numbers, and any text cell that a
spreadsheet would run as a formula (`= + - @`, tab, carriage return first)
prefixed with a quote (OWASP). XLSX stores such text as text, never as a
formula, so it is shown as written.

Decimals in CSV: a spreadsheet in Vietnamese settings reads `7.5` as text (and
SUM drops it silently), so `decimal="comma"` writes `7,5` with `;` between
fields, the way such a spreadsheet expects; `decimal="point"` writes `7.5`
with `,`. The default follows the interface language (comma for Vietnamese).

Every text cell is quoted (numbers are not): LibreOffice's import dialog
starts with tab, comma and semicolon all ticked as separators, so an unquoted
`7,5` in a `;` file, or a note with a comma or a semicolon, was cut into two
columns. A quoted field stays one cell whichever separators are ticked, and
LibreOffice and Excel still read a quoted `7,5` or date as a number or date.
What no file can fix: LibreOffice opened without its dialog (`soffice
--convert-to` or a macro with no filter options) reads CSV as Windows-1252
with `,` only, BOM or not (docs/score-csv.md says what to do instead).

The score column holds only the score that counts: an attempt a retake
replaced has its score in a column of its own, so AVERAGE over "Điểm" gives
the official figure.

Two members of one name are told apart by the "member_note" column beside the
name (their distinguishing note: năm sinh, tổ…), so the ward can tell whose
scores are whose.

Every test counts the same whichever way it was taken; the "via" column says
which (at the laptop, on a phone, or on paper entered by the secretary).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any, BinaryIO, Literal, get_args

from studyapp.content.catalog import Catalog
from studyapp.i18n import current_language, tr
from studyapp.quiz.analysis import Outcome, Taken, item_stats
from studyapp.quiz.describe import as_written, wrong_answer_text
from studyapp.store.exchange import ScoreRow, attempt_papers, counted_answers
from studyapp.store.models import AttendanceStatus
from studyapp.store.store import Store
from studyapp.text import shown

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = ("cell", "date", "topic", "member", "member_note", "attendance", "score",
           "replaced_score", "band", "passed", "answered", "correct", "seconds", "retake",
           "counted", "via", "note", "verified")
"""The score table's columns (headers: `export.col.<name>`)."""
SCORE, REPLACED = COLUMNS.index("score"), COLUMNS.index("replaced_score")
DATE = COLUMNS.index("date")
TEXT_FROM_PEOPLE = tuple(COLUMNS.index(name) for name in ("cell", "topic", "member",
                                                            "member_note", "band", "via", "note"))
"""Columns whose text came from people or content: the only ones that can start like a formula."""

VIAS = ("laptop", "phone", "paper")
"""The ways a test is taken (`ScoreRow.via`): at the laptop, on a phone, on paper."""

DecimalSign = Literal["comma", "point"]
DECIMALS: tuple[DecimalSign, ...] = get_args(DecimalSign)


def default_decimal() -> DecimalSign:
    """The interface language's decimal sign: comma for Vietnamese."""
    return "comma" if current_language() == "vi" else "point"


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will show, never run: control characters
    written visibly (`\\x1b`, as on screen), a formula-like start quoted."""
    text = shown(text)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def number(num: int | None, den: int | None) -> int | float | None:
    """An exact score (numerator, denominator) as a plain number: 8 or 7.5
    (two decimals at most); None for no score."""
    if num is None or den is None:
        return None
    return num // den if num % den == 0 else round(num / den, 2)


def headers() -> list[str]:
    return [tr(f"export.col.{name}") for name in COLUMNS]


class _Words:
    """The table's words, looked up once per export, not once per row."""

    def __init__(self) -> None:
        self.yes, self.no = tr("export.yes"), tr("export.no")
        self.own_test = tr("export.own_test")
        self.attendance = {status: tr(f"attendance.{status.value}")
                           for status in AttendanceStatus}
        self.via = {via: tr(f"export.via.{via}") for via in VIAS}

    def way(self, via: str | None) -> str | None:
        """How the test was taken, in words (a way this version does not know: as stored)."""
        if via is None:
            return None
        return self.via.get(via, via)


def row_values(row: ScoreRow, words: _Words | None = None,
               verified: Mapping[str, str] | None = None) -> list[Any]:
    """One row: text as text, numbers as numbers, None for nothing. `verified`:
    each session's "verified or not" in words (a test outside sessions has none)."""
    words = words or _Words()
    tested = row.attempt_id is not None
    return [
        row.cell,
        row.held_on,
        row.topic if row.topic is not None else words.own_test,
        row.member,
        row.member_note or None,
        words.attendance[row.attendance] if row.attendance else None,
        number(row.score_num, row.score_den) if row.counted else None,
        number(row.score_num, row.score_den) if tested and not row.counted else None,
        row.band,
        None if row.passed is None else (words.yes if row.passed else words.no),
        row.answered,
        row.correct,
        row.seconds,
        (words.yes if row.retake else words.no) if tested else None,
        (words.yes if row.counted else words.no) if tested else None,
        words.way(row.via) if tested else None,
        row.note or None,
        (verified or {}).get(row.session_id) if row.session_id else None,
    ]


def write_csv(rows: Sequence[ScoreRow], stream: BinaryIO, decimal: DecimalSign | None = None,
              verified: Mapping[str, str] | None = None) -> None:
    """The table as CSV; `decimal` as in the module's note (None: the language's)."""
    comma = (decimal or default_decimal()) == "comma"
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", newline="")
    writer = csv.writer(text, delimiter=";" if comma else ",", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow([neutralise(header) for header in headers()])
    words = _Words()
    safe: dict[str | None, str] = {None: ""}  # names and topics repeat: each is looked at once

    def cell(text: str | None) -> str:
        found = safe.get(text)
        if found is None:
            found = safe[text] = neutralise(text or "")
        return found

    for row in rows:
        # Only what came from people or content can start like a formula; the
        # table's own words, dates and numbers never do.
        values = row_values(row, words, verified)
        for index in TEXT_FROM_PEOPLE:
            values[index] = cell(values[index])
        if values[DATE] is not None:
            values[DATE] = values[DATE].isoformat()
        if comma:
            for index in (SCORE, REPLACED):
                if isinstance(values[index], float):
                    values[index] = str(values[index]).replace(".", ",")
        writer.writerow(values)
    text.flush()
    text.detach()


# --- per-question statistics -------------------------------------------------------------------


@dataclass(frozen=True)
class QuestionLine:
    question_id: str
    prompt: str
    lesson: str
    asked: int
    right: int
    share_right: float
    top_wrong: str
    top_wrong_count: int


def question_lines(store: Store, catalog: Catalog, rows: Sequence[ScoreRow]
                   ) -> list[QuestionLine]:
    """How each question of the counted tests did, most missed first."""
    counted = [row for row in rows if row.counted and row.attempt_id is not None]
    attempt_ids = [row.attempt_id for row in counted if row.attempt_id is not None]
    answers = counted_answers(store, attempt_ids)
    papers = attempt_papers(store, attempt_ids)
    takers = []
    for row in counted:
        assert row.attempt_id is not None
        given = {answer["question_id"]: answer for answer in answers[row.attempt_id]}
        outcomes = {}
        for item in papers[row.attempt_id].get("items", []):
            answer = given.get(item["id"])
            outcomes[item["id"]] = Outcome(
                Fraction(answer["credit_num"], answer["credit_den"]), answer["response"]
            ) if answer else Outcome(Fraction(0))
        takers.append(Taken(row.member_id, row.score or Fraction(0), outcomes))
    question_ids = sorted({qid for taker in takers for qid in taker.outcomes})
    lines = []
    for question_id in question_ids:
        stats = item_stats(question_id, takers)
        item = as_written(catalog, question_id)
        prompt, lesson, wrong = question_id, "", None
        if item is not None:
            question = item.question
            prompt = question.prompt
            if question.lesson and catalog.has_lesson(question.lesson):
                found = catalog.lesson(question.lesson)
                lesson = f"{found.source} — {found.title}"
            wrong = wrong_answer_text(item, stats)
        lines.append(QuestionLine(question_id, prompt, lesson, stats.asked, stats.right,
                                  round(float(stats.facility), 4), wrong or "",
                                  stats.top_wrong_count if wrong else 0))
    return sorted(lines, key=lambda line: (line.share_right, -line.asked, line.question_id))


# --- XLSX ---------------------------------------------------------------------------------------


def write_xlsx(rows: Sequence[ScoreRow], questions: Sequence[QuestionLine], stream: BinaryIO,
               verified: Mapping[str, str] | None = None) -> None:
    from openpyxl import Workbook  # noqa: PLC0415 - only this export needs it
    from openpyxl.styles import Font  # noqa: PLC0415

    book = Workbook()
    scores = book.active
    assert scores is not None
    scores.title = tr("export.sheet.scores")
    words = _Words()
    _fill(scores, headers(), [row_values(row, words, verified) for row in rows],
          number_formats={SCORE: "0.0#", REPLACED: "0.0#", DATE: "dd/mm/yyyy"},
          wrapped={COLUMNS.index("topic"), COLUMNS.index("note")})
    stats = book.create_sheet(tr("export.sheet.questions"))
    _fill(stats, [tr(f"export.qcol.{name}") for name in
                  ("question", "lesson", "asked", "right", "share", "top_wrong", "top_count")],
          [[line.prompt, line.lesson, line.asked, line.right, line.share_right,
            line.top_wrong or None, line.top_wrong_count or None] for line in questions],
          number_formats={4: "0%"}, widest=60, wrapped={0, 1, 5})
    for sheet in (scores, stats):
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        _for_work_and_print(sheet)
    book.save(stream)


def _for_work_and_print(sheet: Any) -> None:
    """Header row kept in view and filterable; printed landscape, one page wide
    (as many pages down as it takes), the header row on every page."""
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"


def _fill(sheet: Any, header: list[str], values: list[list[Any]], *,
          number_formats: dict[int, str], widest: int = 45, wrapped: set[int] | None = None
          ) -> None:
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE  # noqa: PLC0415
    from openpyxl.styles import Alignment  # noqa: PLC0415
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    widths = [len(text) for text in header]
    wrap = Alignment(wrap_text=True, vertical="top")
    wrapped = wrapped or set()
    for row_index, row in enumerate([header, *values], start=1):
        for column, given in enumerate(row, start=1):
            if given is None:
                continue
            value = ILLEGAL_CHARACTERS_RE.sub("", shown(given)) if isinstance(given, str) \
                else given
            cell = sheet.cell(row=row_index, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # `=…` is a name here, never a formula
                widths[column - 1] = max(widths[column - 1], len(value))
                if row_index > 1 and column - 1 in wrapped:
                    cell.alignment = wrap  # a long prompt wraps, never runs off the page
            elif isinstance(value, date):
                cell.number_format = number_formats.get(column - 1, "dd/mm/yyyy")
                widths[column - 1] = max(widths[column - 1], 10)
            elif row_index > 1 and column - 1 in number_formats:
                cell.number_format = number_formats[column - 1]
    for column, width in enumerate(widths, start=1):
        # Vietnamese letters with two marks still take one character's width.
        sheet.column_dimensions[get_column_letter(column)].width = min(max(width, 6) + 2, widest)
