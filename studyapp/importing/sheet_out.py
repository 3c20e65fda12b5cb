"""Question banks written as the Excel layout `spreadsheet` reads: one sheet per bank,
one question per row, headers in Vietnamese. A file written here imports back to the
same questions (content hashes equal). Also the empty template with an example row
and a sheet explaining each column."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from studyapp.content.model import LETTERS, Bank, Question
from studyapp.importing.common import refers_to_other_choices
from studyapp.importing.spreadsheet import points_text

KIND_NAMES = {"single": "Một lựa chọn", "multi": "Nhiều lựa chọn", "truefalse": "Đúng/Sai",
              "fill": "Điền", "number": "Số", "order": "Sắp xếp", "match": "Ghép"}
"""How the `Loại` column names each type (read back through `spreadsheet.KINDS`)."""

MIN_CHOICE_COLUMNS = 4

HELP_ROWS: tuple[tuple[str, str], ...] = (
    ("STT", "Số thứ tự của câu (không bắt buộc)."),
    ("Loại", "Một lựa chọn, Nhiều lựa chọn, Đúng/Sai, Điền, Số, Sắp xếp hoặc Ghép. Để trống: "
             "chương trình tự nhận ra (có phương án và một chữ cái là Một lựa chọn)."),
    ("Câu hỏi", "Nội dung câu hỏi (bắt buộc)."),
    ("A … H", "Các phương án. Câu Sắp xếp: các ý theo đúng thứ tự (hoặc ghi thứ tự ở cột Đáp "
              "án, ví dụ C, A, B). Câu Ghép: mỗi ô một cặp «vế trái → vế phải»."),
    ("Đáp án", "Chữ cái của phương án đúng (B), nhiều chữ cái cách nhau bằng dấu phẩy (A, C), "
               "hoặc chính nội dung phương án đúng. Câu Đúng/Sai: Đúng hoặc Sai. Câu Điền: các "
               "cách viết được chấp nhận cách nhau bằng |. Câu Số: 2,5 hoặc 5 ± 0,5 hoặc "
               "1,5 .. 2."),
    ("Giải thích", "Hiện sau khi trả lời (không bắt buộc)."),
    ("Chủ đề", "Một hoặc vài chủ đề, cách nhau bằng dấu phẩy (không bắt buộc)."),
    ("Mức độ", "NB (nhận biết), TH (thông hiểu), VD hoặc VDC (vận dụng); hoặc 1, 2, 3."),
    ("Điểm", "Số điểm của câu, mặc định 1."),
    ("Mã bài học", "Mã bài học trong gói nội dung mà câu hỏi thuộc về (không bắt buộc)."),
    ("Tùy chọn", "«giữ thứ tự»: không đảo phương án; «đúng dấu»: câu Điền phải gõ đủ dấu."),
    ("Mã câu", "Mã riêng của câu hỏi; để trống thì chương trình tự đặt."),
    ("Nhóm", "Các câu cùng một nhóm (câu này gợi ý đáp án câu kia) không ra cùng một đề."),
    ("Trang tính", "Mỗi trang tính có dòng tiêu đề như trên là một ngân hàng câu hỏi."),
)


def _number(value: Decimal) -> str:
    text = f"{value.normalize():f}" if value == value.to_integral_value() else f"{value:f}"
    return text.replace(".", ",")


def _answer(question: Question) -> tuple[list[str], str]:
    """The choice cells and the answer cell of a question."""
    kind = question.type
    if kind in ("single", "multi"):
        return list(question.choices), ", ".join(LETTERS[i] for i in question.correct_choices)
    if kind == "truefalse":
        return [], "Đúng" if question.truth else "Sai"
    if kind == "fill":
        return [], " | ".join(question.accepted)
    if kind == "number" and question.number is not None:
        value = _number(question.number)
        return [], (f"{value} ± {_number(question.tolerance)}" if question.tolerance else value)
    if kind == "order":
        return list(question.items), ""
    return [f"{left} → {right}" for left, right in question.pairs], ""


def _options(question: Question) -> str:
    words = []
    if question.type in ("single", "multi") and not question.shuffle \
            and not any(refers_to_other_choices(choice) for choice in question.choices):
        words.append("giữ thứ tự")
    if question.type == "fill" and question.strict:
        words.append("đúng dấu")
    return ", ".join(words)


def _headers(choice_columns: int) -> list[str]:
    return ["STT", "Loại", "Câu hỏi", *LETTERS[:choice_columns], "Đáp án", "Giải thích",
            "Chủ đề", "Mức độ", "Điểm", "Mã bài học", "Tùy chọn", "Mã câu", "Nhóm"]


def _rows(questions: Sequence[Question], choice_columns: int) -> list[list[Any]]:
    rows = []
    for number, question in enumerate(questions, 1):
        choices, answer = _answer(question)
        # An answer that a spreadsheet would take for a number or a date stays text:
        # the cell is written as a string and typed as such.
        rows.append([number, KIND_NAMES[question.type], question.prompt,
                     *(choices + [""] * (choice_columns - len(choices))), answer,
                     question.explanation or "", ", ".join(question.tags),
                     {1: "NB", 2: "TH", 3: "VD"}.get(question.difficulty, "TH"),
                     points_text(question.points), question.lesson or "",
                     _options(question), question.id, question.group or ""])
    return rows


def _style(sheet: Any, headers: list[str]) -> None:
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    bold = Font(bold=True)
    for column in range(1, len(headers) + 1):
        sheet.cell(1, column).font = bold
    wide = {"Câu hỏi": 60, "Giải thích": 40, "Đáp án": 16}
    from openpyxl.utils import get_column_letter  # noqa: PLC0415

    for column, name in enumerate(headers, 1):
        width = wide.get(name, 28 if len(name) == 1 else 12)
        sheet.column_dimensions[get_column_letter(column)].width = width
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions


def _sheet_title(text: str, taken: set[str]) -> str:
    # Excel: at most 31 characters, none of []:*?/\ and unique in the workbook.
    title = "".join("-" if char in "[]:*?/\\" else char for char in text)[:31] or "Câu hỏi"
    base, number = title, 2
    while title.casefold() in taken:
        suffix = f" ({number})"
        title = base[:31 - len(suffix)] + suffix
        number += 1
    taken.add(title.casefold())
    return title


def write_workbook(banks: Sequence[Bank], path: Path | BinaryIO) -> int:
    """Every question of `banks` into one workbook (a file or a stream); how many written."""
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    taken: set[str] = set()
    written = 0
    for bank in banks:
        sheet = book.create_sheet(_sheet_title(bank.title or bank.id, taken))
        widest = max((len(_answer(q)[0]) for q in bank.questions), default=0)
        columns = max(MIN_CHOICE_COLUMNS, widest)
        headers = _headers(columns)
        sheet.append(headers)
        for row in _rows(bank.questions, columns):
            sheet.append(row)
        _style(sheet, headers)
        written += len(bank.questions)
    _help_sheet(book)
    book.save(path)
    return written


def _help_sheet(book: Any) -> None:
    from openpyxl.styles import Alignment, Font  # noqa: PLC0415

    sheet = book.create_sheet("Hướng dẫn")
    sheet.append(["Cột", "Cách ghi"])
    for row in HELP_ROWS:
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 100
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


TEMPLATE_ROWS: tuple[tuple[str, str, tuple[str, ...], str], ...] = (
    ("Một lựa chọn", "(Ví dụ) 2 + 2 bằng bao nhiêu?", ("3", "4", "5", "6"), "B"),
    ("Nhiều lựa chọn", "(Ví dụ) Những số nào là số chẵn?", ("2", "3", "4", "5"), "A, C"),
    ("Đúng/Sai", "(Ví dụ) Một tuần có bảy ngày.", (), "Đúng"),
    ("Điền", "(Ví dụ) Thủ đô của Việt Nam là ___.", (), "Hà Nội | Ha Noi"),
    ("Số", "(Ví dụ) Một nửa của 5 là bao nhiêu?", (), "2,5"),
)


def write_template(path: Path | BinaryIO) -> None:
    """An empty question sheet with example rows, and the sheet explaining each column."""
    import openpyxl  # noqa: PLC0415

    book = openpyxl.Workbook()
    for empty in list(book.worksheets):
        book.remove(empty)
    sheet = book.create_sheet("Câu hỏi")
    headers = _headers(MIN_CHOICE_COLUMNS)
    sheet.append(headers)
    for number, (kind, prompt, choices, answer) in enumerate(TEMPLATE_ROWS, 1):
        cells = list(choices) + [""] * (MIN_CHOICE_COLUMNS - len(choices))
        sheet.append([number, kind, prompt, *cells, answer, "", "", "NB", "1", "", "", "", ""])
    _style(sheet, headers)
    _help_sheet(book)
    book.save(path)
