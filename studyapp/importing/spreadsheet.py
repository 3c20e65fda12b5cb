"""Question sets as Vietnamese offices keep them in Excel: one question per row.

The header row is found by name (any order, any case, with or without diacritics):
`STT`, `Câu hỏi`/`Nội dung`, `A`/`Phương án A` ... `H`, `Đáp án`/`Đáp án đúng`,
`Giải thích`, `Bài`/`Chủ đề`, `Mức độ` (`NB`/`TH`/`VD`/`VDC` or 1-3), `Loại`, `Điểm`,
`Mã câu`. A header merged over several columns (`Phương án` above `A B C D`) is read
with the row under it. Each sheet with such a header is one bank. Cells are read as
Excel last saved their values: a formula is never evaluated, and one without a saved
value is reported. The layout is written back by `sheet_out`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from studyapp.content.model import LETTERS
from studyapp.importing.common import (
    Collector,
    ImportedQuestion,
    ImportResult,
    PackageError,
    check_choices,
    check_package,
    check_pairs,
    clean,
    clean_line,
    number_value,
    refers_to_other_choices,
    shorten,
)
from studyapp.text import fold, parse_number

MAX_ROWS = 20_000
HEADER_SEARCH_ROWS = 15
"""The header row is looked for in the first rows of a sheet (a title may come first)."""

# Header names, folded (no diacritics, lower case, single spaces), to the field they name.
_HEADERS: dict[str, str] = {}
for _field, _names in {
    "number": ("stt", "so tt", "so thu tu", "cau so", "cau"),
    "prompt": ("cau hoi", "noi dung", "noi dung cau hoi", "de bai", "question"),
    "answer": ("dap an", "dap an dung", "dap an chinh xac", "answer", "da"),
    "explanation": ("giai thich", "loi giai", "huong dan", "explanation"),
    "topic": ("bai", "chu de", "bai hoc", "phan", "topic"),
    "level": ("muc do", "do kho", "cap do", "level"),
    "kind": ("loai", "loai cau", "loai cau hoi", "dang", "dang cau hoi", "type"),
    "points": ("diem", "so diem", "points"),
    "id": ("ma cau", "ma cau hoi", "ma", "id"),
    "lesson": ("ma bai hoc", "ma bai", "lesson"),
    "options": ("tuy chon", "options"),
    "group": ("nhom", "nhom cau", "group"),
}.items():
    for _name in _names:
        _HEADERS[_name] = _field
_CHOICE_HEADER = re.compile(
    r"(?:(?:phuong an|lua chon|dap an|pa|option|choice)\s*)?([a-h])", re.IGNORECASE)

# `Loại` values, folded, to our types.
KINDS: dict[str, str] = {}
for _kind, _names in {
    "single": ("single", "mot lua chon", "1 lua chon", "mot dap an", "1 dap an", "trac nghiem",
               "chon 1", "chon mot"),
    "multi": ("multi", "nhieu lua chon", "nhieu dap an", "chon nhieu"),
    "truefalse": ("truefalse", "dung sai", "dung/sai", "d/s", "dung - sai"),
    "fill": ("fill", "dien", "dien khuyet", "dien tu", "tra loi ngan", "dien vao cho trong"),
    "number": ("number", "so", "dien so", "tinh toan"),
    "order": ("order", "sap xep", "sap xep thu tu", "thu tu"),
    "match": ("match", "ghep", "ghep noi", "noi", "ghep cap"),
}.items():
    for _name in _names:
        KINDS[_name] = _kind

LEVELS = {"nb": 1, "nhan biet": 1, "th": 2, "thong hieu": 2, "vd": 3, "van dung": 3,
          "vdc": 3, "van dung cao": 3, "1": 1, "2": 2, "3": 3, "de": 1, "trung binh": 2,
          "kho": 3}
TRUE_WORDS = {"dung", "d", "true", "t"}
FALSE_WORDS = {"sai", "s", "false", "f"}
KEEP_ORDER = "giu thu tu"
STRICT = "dung dau"
PAIR_SEPARATORS = ("→", "->", "=>", "|")
_LETTER_LIST = re.compile(r"[A-Ha-h](?:\s*[,;/\s–-]\s*[A-Ha-h])*")
_RANGE = re.compile(r"(.+?)\s*\.\.\s*(.+)")
_PLUS_MINUS = re.compile(r"(.+?)\s*(?:±|\+/-|\+-)\s*(.+)")


def _folded(value: str) -> str:
    return " ".join(fold(value).replace(":", " ").split())


@dataclass
class _Layout:
    """Where each field is: columns (1-based) by field, choices by letter."""

    header_row: int
    first_row: int
    columns: dict[str, int] = field(default_factory=dict)
    choices: dict[int, int] = field(default_factory=dict)
    """Choice index (A = 0) to column."""


def _has_formulas(path: Path) -> bool:
    """Whether any sheet of the package holds a formula (an `<f>` element)."""
    import zipfile  # noqa: PLC0415

    with zipfile.ZipFile(path) as package:
        return any(re.search(rb"<(?:\w+:)?f[ >]", package.read(name))
                   for name in package.namelist()
                   if name.startswith("xl/worksheets/") and name.endswith(".xml"))


def parse_workbook(path: Path) -> list[tuple[str, ImportResult]]:
    """Each sheet that has a question header, as (its title, what it gave).
    Raises PackageError for a file that is not a readable workbook."""
    import openpyxl  # noqa: PLC0415 - only when a workbook is read

    check_package(path, "xl/workbook.xml", opendocument="ods")
    try:
        values = openpyxl.load_workbook(path, data_only=True)
        # The formulas themselves are read (a second parse) only when there are some:
        # a formula without a saved value is then said at its cell.
        formulas = openpyxl.load_workbook(path, data_only=False) if _has_formulas(path) \
            else None
    except Exception as error:  # openpyxl raises many kinds for a damaged package
        raise PackageError("damaged", reason=shorten(str(error), 120)) from error
    results: list[tuple[str, ImportResult]] = []
    unread: list[str] = []
    for sheet in values.worksheets:
        title = clean_line(_text(sheet.title)) or "Sheet"
        source = Path(f"{path}[{title}]")
        layout = _find_layout(sheet)
        if layout is None:
            unread.append(title)
            continue
        collector = Collector(source)
        _read_rows(sheet, formulas[sheet.title] if formulas is not None else None, layout,
                   collector)
        results.append((title, collector.result()))
    if not results:
        raise PackageError("no_header", sheets=", ".join(unread) or "-")
    return results


# --- the header ------------------------------------------------------------------------


# OOXML writes a character XML cannot hold as `_xHHHH_` (and a literal `_x` as `_x005F_x`);
# Excel shows the character, openpyxl leaves the escape: read it as Excel does, then clean.
_OOXML_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value)
    if "_x" in text:
        text = _OOXML_ESCAPE.sub(lambda match: chr(int(match.group(1), 16)), text)
    return clean(text)


def _merged_parents(sheet: Any) -> dict[tuple[int, int], tuple[int, int]]:
    """Each cell inside a merged range to the range's top-left cell."""
    parents: dict[tuple[int, int], tuple[int, int]] = {}
    for merged in sheet.merged_cells.ranges:
        for row in range(merged.min_row, merged.max_row + 1):
            for column in range(merged.min_col, merged.max_col + 1):
                parents[(row, column)] = (merged.min_row, merged.min_col)
    return parents


def _name_field(name: str, layout: _Layout, column: int) -> bool:
    """Record the column of the field `name` names; whether it named one."""
    folded = _folded(name)
    if not folded:
        return False
    choice = _CHOICE_HEADER.fullmatch(folded)
    if choice is not None:
        index = LETTERS.index(choice.group(1).upper())
        layout.choices.setdefault(index, column)
        return True
    found = _HEADERS.get(folded)
    if found is not None:
        layout.columns.setdefault(found, column)
        return True
    return False


def _find_layout(sheet: Any) -> _Layout | None:
    parents = _merged_parents(sheet)
    last = min(sheet.max_row or 0, HEADER_SEARCH_ROWS)
    for row in range(1, last + 1):
        cells = [_text(sheet.cell(row, column).value)
                 for column in range(1, (sheet.max_column or 0) + 1)]
        if not any(_HEADERS.get(_folded(cell)) == "prompt" for cell in cells):
            continue
        layout = _Layout(row, row + 1)
        merged_here = False
        for column, name in enumerate(cells, 1):
            parent = parents.get((row, column))
            if parent is not None and parent[0] == row and \
                    sheet.merged_cells and _spans(sheet, parent, row):
                # A header over several columns (`Phương án` over A B C D): the row
                # under it names each column.
                merged_here = True
                below = _text(sheet.cell(row + 1, column).value)
                if below and _name_field(below, layout, column):
                    continue
            if name:
                _name_field(name, layout, column)
        if "answer" not in layout.columns and len(layout.choices) < 2:
            continue  # "Câu hỏi" as a word in a note, not a header row
        if merged_here:
            layout.first_row = row + 2
        return layout
    return None


def _spans(sheet: Any, parent: tuple[int, int], row: int) -> bool:
    """Whether the merged range starting at `parent` covers more than one column."""
    for merged in sheet.merged_cells.ranges:
        if (merged.min_row, merged.min_col) == parent:
            return bool(merged.max_col > merged.min_col and merged.min_row == row)
    return False


# --- the rows -------------------------------------------------------------------------


@dataclass
class _Row:
    number: int
    cells: dict[str, str]
    choices: list[tuple[int, str]]
    """(column, text) of the non-empty choice cells, in letter order."""
    raw_answer: object


def _read_rows(sheet: Any, formulas: Any, layout: _Layout, collector: Collector) -> None:
    columns = dict(layout.columns)
    choice_columns = [layout.choices[index] for index in sorted(layout.choices)]
    seen_numbers: dict[str, int] = {}
    last_row = min(sheet.max_row or 0, layout.first_row + MAX_ROWS - 1)
    if (sheet.max_row or 0) > last_row:
        collector.warning(last_row + 1, 1, "sheet_too_many_rows", limit=MAX_ROWS)
    for row in range(layout.first_row, last_row + 1):
        used = [*columns.values(), *choice_columns]
        empty_formulas = [column for column in used
                          if formulas is not None and sheet.cell(row, column).value is None
                          and isinstance(formulas.cell(row, column).value, str)
                          and str(formulas.cell(row, column).value).startswith("=")]
        for column in empty_formulas:
            collector.warning(row, column, "sheet_formula_no_value")
        cells = {name: _text(sheet.cell(row, column).value) for name, column in columns.items()}
        choices = [(column, clean_line(_text(sheet.cell(row, column).value)))
                   for column in choice_columns]
        if not cells.get("prompt") and not any(text for _, text in choices) \
                and not cells.get("answer"):
            continue  # an empty row, or a row of numbering only
        number = cells.get("number", "")
        if number:
            if number in seen_numbers:
                collector.warning(row, columns["number"], "sheet_number_twice", number=number,
                                  first=seen_numbers[number])
            else:
                seen_numbers[number] = row
        raw = sheet.cell(row, columns["answer"]).value if "answer" in columns else None
        # Trailing empty choice cells are no choices; an empty one before a filled one is.
        while choices and not choices[-1][1]:
            choices.pop()
        _question(collector, _Row(row, cells, choices, raw), columns)


def _question(collector: Collector, row: _Row, columns: dict[str, int]) -> None:
    line = row.number
    prompt = row.cells.get("prompt", "")
    if not prompt:
        collector.skip(line, columns.get("prompt", 1), "sheet_no_prompt", error=True)
        return
    choices = [text for _, text in row.choices]
    answer = row.cells.get("answer", "")
    kind_text = row.cells.get("kind", "")
    kind = KINDS.get(_folded(kind_text)) if kind_text else None
    if kind_text and kind is None:
        collector.skip(line, columns["kind"], "sheet_unknown_kind", value=shorten(kind_text),
                       error=True)
        return
    if kind is None:
        kind = _guess_kind(choices, answer, row.raw_answer)
    table = _answer_table(collector, kind, row, columns)
    if table is None:
        return
    table = {"type": kind, "prompt": prompt, **table}
    _extras(collector, table, row, columns)
    collector.add(ImportedQuestion(table, line, 1, given_id=row.cells.get("id") or None))


def _guess_kind(choices: list[str], answer: str, raw: object) -> str:
    if choices:
        letters = letters_of(answer)
        if letters is not None and len(letters) > 1:
            return "multi"
        if len(choices) == 2 and {_folded(c) for c in choices} == {"dung", "sai"}:
            return "truefalse"
        return "single"
    folded = _folded(answer)
    if isinstance(raw, bool) or folded in {"dung", "sai", "true", "false"}:
        return "truefalse"
    if isinstance(raw, int | float) or number_answer(answer) is not None:
        return "number"
    return "fill"


def letters_of(answer: str) -> list[int] | None:
    """`B`, `A, C`, `a;c`, `AC` as choice indexes; None if not letters."""
    text = answer.strip().rstrip(".")
    if _LETTER_LIST.fullmatch(text):
        letters = [char for char in text if char.isalpha()]
    elif re.fullmatch(r"[A-Ha-h]{2,8}", text):
        letters = list(text)
    else:
        return None
    return [LETTERS.index(char.upper()) for char in letters]


def number_answer(text: str) -> tuple[Decimal, Decimal] | None:
    """`2,67`, `5 ± 0,5`, `1,5 .. 2`: (value, tolerance), or None."""
    text = text.strip()
    ranged = _RANGE.fullmatch(text)
    if ranged:
        low, high = parse_number(ranged.group(1)), parse_number(ranged.group(2))
        if low is None or high is None or high < low:
            return None
        return (low + high) / 2, (high - low) / 2
    margin = _PLUS_MINUS.fullmatch(text)
    if margin:
        value, tolerance = parse_number(margin.group(1)), parse_number(margin.group(2))
        if value is None or tolerance is None or tolerance < 0:
            return None
        return value, tolerance
    value = parse_number(text)
    return None if value is None else (value, Decimal(0))


def _answer_table(collector: Collector, kind: str, row: _Row,
                  columns: dict[str, int]) -> dict[str, Any] | None:
    line = row.number
    choices = [text for _, text in row.choices]
    answer = row.cells.get("answer", "")
    answer_column = columns.get("answer", 1)
    if kind in ("single", "multi"):
        if not check_choices(collector, choices, line):
            return None
        picked = letters_of(answer)
        if picked is None and answer:
            # The right choice written out in full.
            matches = [index for index, choice in enumerate(choices)
                       if _folded(choice) == _folded(answer)]
            picked = matches or None
        if not picked:
            collector.skip(line, answer_column, "sheet_no_answer", error=True)
            return None
        missing = [LETTERS[index] for index in picked if index >= len(choices)]
        if missing:
            collector.skip(line, answer_column, "sheet_answer_not_a_choice",
                           letter=", ".join(missing), count=len(choices), error=True)
            return None
        picked = list(dict.fromkeys(picked))
        if kind == "single" and len(picked) > 1:
            collector.skip(line, answer_column, "sheet_single_many", letters=answer, error=True)
            return None
        table: dict[str, Any] = {"choices": choices,
                                 "answer": LETTERS[picked[0]] if kind == "single"
                                 else [LETTERS[index] for index in sorted(picked)]}
        if any(refers_to_other_choices(choice) for choice in choices):
            table["shuffle"] = False
        return table
    if kind == "truefalse":
        folded = _folded(answer)
        if isinstance(row.raw_answer, bool):
            return {"answer": row.raw_answer}
        if choices and letters_of(answer):
            picked = letters_of(answer) or [0]
            folded = _folded(choices[picked[0]]) if picked[0] < len(choices) else ""
        if folded in TRUE_WORDS:
            return {"answer": True}
        if folded in FALSE_WORDS:
            return {"answer": False}
        collector.skip(line, answer_column, "sheet_no_truth", value=shorten(answer), error=True)
        return None
    if kind == "number":
        parsed = number_answer(answer)
        if isinstance(row.raw_answer, int | float) and not isinstance(row.raw_answer, bool):
            parsed = (Decimal(str(row.raw_answer)), Decimal(0))
        if parsed is None or not parsed[0].is_finite():
            collector.skip(line, answer_column, "sheet_not_a_number", value=shorten(answer),
                           error=True)
            return None
        value, tolerance = parsed
        table = {"answer": number_value(value)}
        if tolerance:
            table["tolerance"] = number_value(tolerance)
        return table
    if kind == "fill":
        accepted = [clean_line(part) for part in answer.split("|")]
        accepted = list(dict.fromkeys(part for part in accepted if part))
        if not accepted:
            collector.skip(line, answer_column, "sheet_no_answer", error=True)
            return None
        return {"answer": accepted[0] if len(accepted) == 1 else accepted}
    if kind == "order":
        return _order(collector, choices, answer, row, answer_column)
    return _match(collector, row)


def _order(collector: Collector, choices: list[str], answer: str, row: _Row,
           answer_column: int) -> dict[str, Any] | None:
    """Items in the choice columns; the answer the right sequence of letters
    (`C, A, B`), or empty when the items are written in the right order."""
    line = row.number
    if not 3 <= len(choices) <= len(LETTERS) or not all(choices):
        collector.skip(line, 1, "import_choice_count", count=len(choices), low=3,
                       high=len(LETTERS))
        return None
    if not answer:
        return {"items": choices}
    sequence = letters_of(answer)
    if sequence is None or sorted(sequence) != list(range(len(choices))):
        collector.skip(line, answer_column, "sheet_bad_order", value=shorten(answer),
                       count=len(choices), error=True)
        return None
    return {"items": [choices[index] for index in sequence]}


def _match(collector: Collector, row: _Row) -> dict[str, Any] | None:
    """Pairs written `left → right` (or `->`, `=>`, `|`) in the choice columns."""
    pairs: list[tuple[str, str]] = []
    for column, text in row.choices:
        for separator in PAIR_SEPARATORS:
            if separator in text:
                left, right = (clean_line(part) for part in text.split(separator, 1))
                if left and right:
                    pairs.append((left, right))
                    break
        else:
            collector.skip(row.number, column, "sheet_bad_pair", value=shorten(text),
                           error=True)
            return None
    if not check_pairs(collector, pairs, row.number):
        return None
    return {"pairs": [list(pair) for pair in pairs]}


def _extras(collector: Collector, table: dict[str, Any], row: _Row,
            columns: dict[str, int]) -> None:
    cells = row.cells
    if cells.get("explanation"):
        table["explanation"] = cells["explanation"]
    if cells.get("topic"):
        # Tags as written: a topic is free text ("Bốn kiên định", "hiểu").
        tags = [clean_line(part) for part in re.split(r"[,;]", cells["topic"])]
        if any(tags):
            table["tags"] = list(dict.fromkeys(tag for tag in tags if tag))
    if cells.get("group"):
        table["group"] = cells["group"]
    if cells.get("lesson"):
        table["lesson"] = cells["lesson"]
    options = _folded(cells.get("options", ""))
    if KEEP_ORDER in options and table["type"] in ("single", "multi"):
        table["shuffle"] = False
    if STRICT in options and table["type"] == "fill":
        table["strict"] = True
    level = cells.get("level", "")
    if level:
        value = LEVELS.get(_folded(level))
        if value is None:
            collector.warning(row.number, columns["level"], "sheet_unknown_level",
                              value=shorten(level))
        elif value != 2:
            table["difficulty"] = value
    points = cells.get("points", "")
    if points:
        number = parse_number(points)
        if number is None or number <= 0 or not number.is_finite():
            collector.warning(row.number, columns["points"], "sheet_bad_points",
                              value=shorten(points))
        elif number != 1:
            table["points"] = number_value(number)


def points_text(points: Fraction) -> str:
    """Points as a cell shows them: `1`, `0,5`."""
    if points.denominator == 1:
        return str(points.numerator)
    return f"{float(points):g}".replace(".", ",")
