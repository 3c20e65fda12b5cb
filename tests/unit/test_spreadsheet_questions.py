"""Question sets in Excel (issue 16, part 2 and the xlsx half of part 3): the layouts
people use, read by header name; every problem located; the template; round trips."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.importing.common import PackageError
from studyapp.importing.sheet_out import write_template, write_workbook
from studyapp.importing.spreadsheet import parse_workbook
from tests.conftest import run_cli, written_bank


def workbook(path: Path, rows: list[list[Any]], *, title: str = "Câu hỏi",
             merge: str | None = None, more: dict[str, list[list[Any]]] | None = None) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if merge:
        sheet.merge_cells(merge)
    for name, extra in (more or {}).items():
        other = book.create_sheet(name)
        for row in extra:
            other.append(row)
    book.save(path)
    return path


def only(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    [(_, result)] = parse_workbook(path)
    return [q.table for q in result.questions], [f"{p.severity}:{p.code}@{p.line}"
                                                 for p in result.problems]


def test_headers_by_name_in_any_order_case_and_diacritics(tmp_path: Path) -> None:
    path = workbook(tmp_path / "bo.xlsx", [
        ["BỘ CÂU HỎI TÌM HIỂU NGHỊ QUYẾT"],  # a title line before the header
        [],
        ["dap an dung", "NỘI DUNG", "Phương án A", "Phương án B", "Phương án C", "stt",
         "Mức độ", "Chủ đề", "Giải thích"],
        ["B", "Câu một?", "x", "y", "z", 1, "VDC", "Bốn kiên định", "Vì y."],
        ["A, C", "Câu hai?", "p", "q", "r", 2, "NB", "", ""],
        ["r", "Câu ba?", "p", "q", "r", 3, "2", "", ""],  # the right choice written out
    ])
    tables, problems = only(path)
    assert problems == []
    assert [t["type"] for t in tables] == ["single", "multi", "single"]
    assert tables[0] | {"id": ""} == {"id": "", "type": "single", "prompt": "Câu một?",
                                      "choices": ["x", "y", "z"], "answer": "B",
                                      "explanation": "Vì y.", "tags": ["Bốn kiên định"],
                                      "difficulty": 3}
    assert tables[1]["answer"] == ["A", "C"]
    assert tables[1]["difficulty"] == 1
    assert tables[2]["answer"] == "C"
    assert "difficulty" not in tables[2]


def test_merged_header_over_the_choice_columns(tmp_path: Path) -> None:
    path = workbook(tmp_path / "gop.xlsx", [
        ["STT", "Câu hỏi", "Phương án", None, None, None, "Đáp án"],
        [None, None, "A", "B", "C", "D", None],
        [1, "Một?", "a1", "b1", "c1", "d1", "D"],
    ], merge="C1:F1")
    tables, problems = only(path)
    assert problems == []
    assert tables[0]["choices"] == ["a1", "b1", "c1", "d1"]
    assert tables[0]["answer"] == "D"


def test_every_type_by_the_loai_column_or_by_its_answer(tmp_path: Path) -> None:
    path = workbook(tmp_path / "loai.xlsx", [
        ["Câu hỏi", "Loại", "A", "B", "C", "D", "Đáp án", "Tùy chọn"],
        ["Đúng hay sai?", "", None, None, None, None, "Đúng", ""],
        ["Sai chăng?", "Đúng/Sai", None, None, None, None, "S", ""],
        ["Kết quả?", "", None, None, None, None, "2,67 | 8/3", "đúng dấu"],
        ["Bao nhiêu?", "Số", None, None, None, None, "5 ± 0,5", ""],
        ["Khoảng nào?", "", None, None, None, None, "1,5 .. 2", ""],
        ["Xếp lại?", "Sắp xếp", "một", "hai", "ba", None, "C, A, B", ""],
        ["Ghép cặp?", "Ghép", "x → 1", "y -> 2", None, None, "", ""],
        ["Chọn?", "Nhiều lựa chọn", "p", "q", "r", None, "B", "giữ thứ tự"],
    ])
    tables, problems = only(path)
    assert problems == []
    got = [(t["type"], t.get("answer")) for t in tables]
    assert got == [("truefalse", True), ("truefalse", False), ("fill", ["2,67", "8/3"]),
                   ("number", 5), ("number", 1.75), ("order", None), ("match", None),
                   ("multi", ["B"])]
    assert tables[2]["strict"] is True
    assert tables[3]["tolerance"] == 0.5
    assert tables[4]["tolerance"] == 0.25
    assert tables[5]["items"] == ["ba", "một", "hai"]
    assert tables[6]["pairs"] == [["x", "1"], ["y", "2"]]
    assert tables[7]["shuffle"] is False


def test_every_problem_is_located_and_the_good_rows_still_convert(tmp_path: Path) -> None:
    path = workbook(tmp_path / "loi.xlsx", [
        ["STT", "Câu hỏi", "A", "B", "C", "D", "Đáp án", "Loại", "Mức độ"],
        [1, "Tốt?", "a", "b", "c", "d", "A", "", ""],
        [2, "Đáp án E?", "a", "b", "c", "d", "E", "", ""],
        [3, "Lặp?", "a", "a", "c", "d", "A", "", ""],
        [3, "Số trùng?", "a", "b", None, None, "", "", ""],
        [4, None, "a", "b", None, None, "A", "", ""],
        [5, "Loại lạ?", "a", "b", None, None, "A", "Tự luận", ""],
        [6, "Mức lạ?", "a", "b", None, None, "B", "", "rất khó"],
        [7, "Đúng sai?", None, None, None, None, "có lẽ", "Đúng/Sai", ""],
    ])
    tables, problems = only(path)
    assert [t["prompt"] for t in tables] == ["Tốt?", "Mức lạ?"]
    assert problems == ["error:sheet_answer_not_a_choice@3", "warning:import_duplicate_choice@4",
                        "warning:sheet_number_twice@5", "error:sheet_no_answer@5",
                        "error:sheet_no_prompt@6", "error:sheet_unknown_kind@7",
                        "warning:sheet_unknown_level@8", "error:sheet_no_truth@9"]


def with_controls(path: Path) -> Path:
    """The workbook with @ESC@ and @BEL@ written as OOXML escapes control characters
    (`_x001B_`), as a hand-made file may: openpyxl itself refuses to write them."""
    parts: dict[str, bytes] = {}
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            parts[name] = package.read(name).replace(b"@ESC@", b"_x001B_").replace(
                b"@BEL@", b"_x0007_")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def test_markup_and_escape_codes_in_cells_are_cleaned(tmp_path: Path) -> None:
    path = with_controls(workbook(tmp_path / "xau.xlsx", [
        ["Câu hỏi", "A", "B", "Đáp án"],
        ["<script>x</script>@ESC@]52;c;SGk=@BEL@ hỏi?", "a@ESC@[31m", "b", "A"],
    ], title="Trang@ESC@c"))
    with zipfile.ZipFile(path) as package:
        assert any(b"_x001B_" in package.read(name) for name in package.namelist())
    [(title, result)] = parse_workbook(path)
    [table] = [q.table for q in result.questions]
    assert "\x1b" not in repr(table)
    assert "\x07" not in repr(table)
    assert table["prompt"].startswith("<script>x</script>")  # text stays text: escaped when shown
    assert table["choices"] == ["a", "b"]
    assert "\x1b" not in title
    assert "\x1b" not in str(result.path)


def test_formulas_are_never_evaluated_and_one_without_a_value_is_reported(
        tmp_path: Path) -> None:
    path = workbook(tmp_path / "ct.xlsx", [
        ["Câu hỏi", "A", "B", "Đáp án"],
        ["Hai cộng hai?", "=2+1", "4", "B"],
    ])
    tables, problems = only(path)
    assert sorted(problems) == ["warning:import_empty_option@2",
                                "warning:sheet_formula_no_value@2"]
    assert tables == []  # the empty choice A leaves one choice: not a question
    assert not any("2+1" in str(t) for t in tables)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="needs LibreOffice (apt-get install "
                                            "libreoffice-calc-nogui)")
def test_a_formula_saved_by_libreoffice_is_read_as_its_value(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir()
    source = workbook(tmp_path / "src" / "ct.xlsx", [
        ["Câu hỏi", "A", "B", "Đáp án"],
        ["Hai cộng hai?", "=2+1", "=2+2", "B"],
    ])
    out = tmp_path / "out"
    profile = f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}"
    subprocess.run([str(SOFFICE), "--headless", profile, "--convert-to", "xlsx",
                    "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    tables, problems = only(out / "ct.xlsx")
    assert problems == []
    assert tables[0]["choices"] == ["3", "4"]
    assert tables[0]["answer"] == "B"


@pytest.mark.parametrize(("content", "code"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "ole"),  # .xls or encrypted
    (b"PK\x03\x04 not really", "not_zip"),
    (b"", "not_zip"),
])
def test_files_that_are_not_workbooks_get_a_message(tmp_path: Path, content: bytes,
                                                    code: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(PackageError) as raised:
        parse_workbook(path)
    assert raised.value.code == code


def test_an_ods_a_zip_without_workbook_and_a_zip_bomb_are_refused(tmp_path: Path) -> None:
    ods = tmp_path / "a.ods"
    with zipfile.ZipFile(ods, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        package.writestr("content.xml", "<x/>")
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
        package.writestr("xl/worksheets/sheet1.xml", b"\0" * (8 * 1024 * 1024))
    other = tmp_path / "other.xlsx"
    with zipfile.ZipFile(other, "w") as package:
        package.writestr("word/document.xml", "<x/>")
    for path, code in ((ods, "opendocument"), (bomb, "bomb"), (other, "wrong_kind")):
        with pytest.raises(PackageError) as raised:
            parse_workbook(path)
        assert raised.value.code == code


def test_a_sheet_without_a_question_header_is_named(tmp_path: Path) -> None:
    path = workbook(tmp_path / "k.xlsx", [["STT", "Nội dung câu", "Đáp án"], [1, "x", "A"]])
    with pytest.raises(PackageError) as raised:
        parse_workbook(path)
    assert raised.value.code == "no_header"
    assert raised.value.params["sheets"] == "Câu hỏi"


def test_every_bundled_bank_round_trips_through_xlsx(tmp_path: Path, catalog: Catalog) -> None:
    path = tmp_path / "all.xlsx"
    assert write_workbook(catalog.banks, path) == sum(len(b.questions) for b in catalog.banks)
    sheets = parse_workbook(path)
    assert len(sheets) == len(catalog.banks)  # the help sheet is not a bank
    for bank, (_, result) in zip(catalog.banks, sheets, strict=True):
        assert result.problems == []
        back = written_bank(tmp_path, [q.table for q in result.questions], bank.id)
        assert [q.content_hash for q in back.questions] == \
            [q.content_hash for q in bank.questions]
        assert [(q.id, q.explanation, q.tags, q.difficulty, q.lesson, q.group)
                for q in back.questions] == [(q.id, q.explanation, q.tags, q.difficulty,
                                              q.lesson, q.group) for q in bank.questions]


def test_the_template_imports_as_its_examples(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Câu hỏi", "Hướng dẫn"]
    tables, problems = only(path)
    assert problems == []
    assert [t["type"] for t in tables] == ["single", "multi", "truefalse", "fill", "number"]


_TEXT = st.text(st.characters(codec="utf-8", categories=("L", "N", "P", "Zs")),
                min_size=1, max_size=30).map(str.strip).filter(bool)


@st.composite
def question_tables(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multi", "truefalse", "fill", "number", "order",
                                 "match"]))
    prompt = draw(_TEXT)
    if kind in ("single", "multi", "order"):
        items = draw(st.lists(_TEXT, min_size=3, max_size=6, unique_by=str.casefold))
        if kind == "order":
            return {"type": kind, "prompt": prompt, "items": items}
        picked = draw(st.lists(st.integers(0, len(items) - 1), min_size=1,
                               max_size=1 if kind == "single" else len(items), unique=True))
        letters = ["ABCDEFGH"[i] for i in sorted(picked)]
        return {"type": kind, "prompt": prompt, "choices": items,
                "answer": letters[0] if kind == "single" else letters}
    if kind == "truefalse":
        return {"type": kind, "prompt": prompt, "answer": draw(st.booleans())}
    if kind == "fill":
        accepted = draw(st.lists(_TEXT.filter(lambda t: "|" not in t), min_size=1, max_size=3,
                                 unique_by=str.casefold))
        return {"type": kind, "prompt": prompt, "answer": accepted}
    if kind == "number":
        # A whole number as an integer: `5.0` and `5` are one number but not one
        # content hash, and every importer writes whole numbers as integers.
        numerator, denominator = draw(st.integers(-10**6, 10**6)), draw(st.sampled_from([4, 100]))
        value = numerator // denominator if numerator % denominator == 0 else \
            numerator / denominator
        return {"type": kind, "prompt": prompt, "answer": value,
                "tolerance": draw(st.sampled_from([0, 0.5, 2]))}
    lefts = draw(st.lists(_TEXT.filter(lambda t: "→" not in t and "->" not in t
                                       and "=>" not in t and "|" not in t),
                          min_size=2, max_size=5, unique_by=str.casefold))
    rights = draw(st.lists(_TEXT, min_size=len(lefts), max_size=len(lefts),
                           unique_by=str.casefold))
    return {"type": kind, "prompt": prompt, "pairs": [list(p) for p in zip(lefts, rights,
                                                                            strict=True)]}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(question_tables(), min_size=1, max_size=6))
def test_any_valid_bank_round_trips_through_xlsx(tmp_path: Path,
                                                 tables: list[dict[str, Any]]) -> None:
    log_dir = tmp_path / f"h{abs(hash(repr(tables))) % 10**8}"
    log_dir.mkdir(exist_ok=True)
    try:
        bank = written_bank(log_dir, tables, "goc")
    except AssertionError:
        assume(False)  # the generator made a bank our format refuses (e.g. two alike choices)
    path = log_dir / "b.xlsx"
    write_workbook([bank], path)
    [(_, result)] = parse_workbook(path)
    back = written_bank(log_dir, [q.table for q in result.questions], "goc")
    assert [q.content_hash for q in back.questions] == [q.content_hash for q in bank.questions]


# --- the command line -------------------------------------------------------------------


def test_cli_import_of_two_sheets_writes_two_banks(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    header = ["Câu hỏi", "A", "B", "Đáp án"]
    source = workbook(tmp_path / "De thi.xlsx", [header, ["Một?", "a", "b", "A"]],
                      title="Phần I", more={"Phần II": [header, ["Hai?", "c", "d", "B"],
                                                         ["Ba?", "e", "f", "G"]]})
    output = tmp_path / "banks" / "de-thi.toml"
    output.parent.mkdir()
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o", str(output))
    assert code == 1  # one question has an answer G with two choices
    assert "[Phần II]:3:4: " in err
    first = tmp_path / "banks" / "de-thi-phan-i.toml"
    second = tmp_path / "banks" / "de-thi-phan-ii.toml"
    assert first.is_file()
    assert second.is_file()
    assert not output.exists()
    text = second.read_text(encoding="utf-8")
    assert 'id = "de-thi-phan-ii"' in text
    assert 'title = "Phần II"' in text
    assert "Hai?" in text


def test_cli_refuses_an_xls_with_a_message_saying_what_to_do(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "cu.xlsx"
    source.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run_cli(capsys, "import-questions", str(source), "-o",
                           str(tmp_path / "x.toml"))
    assert code == 1
    assert ".xls" in err
    assert "lưu lại dưới dạng .xlsx" in err
    assert not (tmp_path / "x.toml").exists()


def test_cli_template_and_bank_export(tmp_path: Path, catalog: Catalog,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    template = tmp_path / "mau.xlsx"
    code, _, err = run_cli(capsys, "export-questions", "--template", "xlsx", "-o", str(template))
    assert code == 0
    assert template.is_file()
    assert str(template) in err
    bank = catalog.banks[0]
    out = tmp_path / "nh.xlsx"
    code, _, err = run_cli(capsys, "export-questions", "--bank", bank.id, "--format", "xlsx",
                           "-o", str(out))
    assert code == 0
    [(_, result)] = parse_workbook(out)
    assert len(result.questions) == len(bank.questions)
    code, _, err = run_cli(capsys, "export-questions", "--bank", bank.id, "--format", "xlsx")
    assert code == 2
    assert "-o" in err
    assert list(tmp_path.glob(".*.tmp*")) == []
