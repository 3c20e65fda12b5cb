"""Question sets as Vietnamese quiz files write them in Word and plain text (issue 16,
part 1 and the docx half of part 3): each convention, every problem located, round trips.
The Word fixtures are built here with python-docx, and with raw WordprocessingML where
python-docx cannot make the case (runs split mid-word, numbering labels)."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.enum.text import WD_COLOR_INDEX
from docx.shared import RGBColor
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.importing.common import PackageError
from studyapp.importing.docx_reader import docx_lines, text_lines
from studyapp.importing.word import parse_lines
from studyapp.importing.word_out import write_document
from studyapp.text import fold
from tests.conftest import run_cli, written_bank


def from_text(text: str) -> tuple[list[dict[str, Any]], list[str], str | None]:
    result = parse_lines(text_lines(text), Path("x.txt"))
    return ([q.table for q in result.questions],
            [f"{p.severity}:{p.code}@{p.line}" for p in result.problems], result.title)


def from_docx(path: Path) -> tuple[list[dict[str, Any]], list[str]]:
    result = parse_lines(docx_lines(path), path)
    return ([q.table for q in result.questions],
            [f"{p.severity}:{p.code}@{p.line}" for p in result.problems])


def strip_ids(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in t.items() if k != "id"} for t in tables]


# --- the convention, in plain text ----------------------------------------------------------


def test_question_starts_and_choice_layouts() -> None:
    tables, problems, title = from_text(
        "NGÂN HÀNG: Tìm hiểu Kế hoạch 67\n"
        "Câu 1. Một?\nA. x\nB) y\nĐáp án: B\n"
        "CÂU 2: Hai?\nA. 3 Văn kiện   B. 4 Văn kiện\tC. 5   D.6\nĐA: b\n"
        "Câu 3 (0,25 điểm): Ba?\nA: p\nB: q\nĐáp án: A\n"
        "câu 4. Bốn?\nA.12\nB.13\nĐáp án: A\n")
    assert title == "Tìm hiểu Kế hoạch 67"
    assert problems == []
    assert [t["choices"] for t in tables] == [["x", "y"], ["3 Văn kiện", "4 Văn kiện", "5", "6"],
                                              ["p", "q"], ["12", "13"]]
    assert [t["answer"] for t in tables] == ["B", "B", "A", "A"]
    assert tables[2]["points"] == 0.25


def test_every_way_of_marking_the_answer_in_text() -> None:
    tables, problems, _ = from_text(
        "Câu 1. Một?\nA. x\n*B. y\nC. z\n"
        "Câu 2. Hai?\n*A. x\nB. y\n*C. z\n"
        "Câu 3. Ba?\nA. x\nB. y\nC. z\nĐáp án: A, C\n"
        "Câu 4. Bốn?\nA. x\nB. y\n"
        "Câu 5. Năm?\nA. x\nB. y\n*C. z\nĐáp án: A\n"
        "BẢNG ĐÁP ÁN\n4.B\n")
    assert [(t["type"], t["answer"]) for t in tables] == [
        ("single", "B"), ("multi", ["A", "C"]), ("multi", ["A", "C"]), ("single", "B"),
        ("single", "A")]
    # Two marks disagree: the `Đáp án` line wins, and the warning names both.
    assert problems == ["warning:word_marks_disagree@21"]


def test_true_false_short_answers_and_numbers() -> None:
    tables, problems, _ = from_text(
        "Câu 1. Trời xanh?\nA. Đúng\nB. Sai\nĐáp án: B\n"
        "Câu 2. Đúng hay sai: một tuần có bảy ngày.\nĐáp án: Đúng\n"
        "Câu 3. Viết phân số.\nĐáp án: 2,67 | 8/3\n"
        "Câu 4. Bao nhiêu?\nĐáp án: 5 ± 0,5\n"
        "Câu 5. Khoảng?\nĐáp án: 1,5 .. 2\n"
        "Câu 6. Cho các nhận định:\na) x\nb) y\nc) z\nĐáp án: a) Đúng b) Sai c) Đúng\n"
        "Câu 7. Nhận định:\na) p\nb) q\nĐáp án: Đ, S\n"
        "Câu 8. Trình bày ý kiến của đồng chí.\n")
    kinds = [(t["type"], t.get("answer")) for t in tables]
    assert kinds == [("truefalse", False), ("truefalse", True), ("fill", ["2,67", "8/3"]),
                     ("number", 5), ("number", 1.75), ("truefalse", True), ("truefalse", False),
                     ("truefalse", True), ("truefalse", True), ("truefalse", False)]
    assert tables[5]["prompt"] == "Cho các nhận định:\na) x"
    assert problems == ["warning:word_essay@22"]  # the essay, at its paragraph


def test_order_and_matching_written_the_common_way() -> None:
    tables, problems, _ = from_text(
        "Câu 1. Xếp theo thứ tự thời gian.\nA. hai\nB. một\nC. ba\nThứ tự đúng: B, A, C\n"
        "Câu 2. Ghép tỉnh với miền:\n1. Hà Nội\n2. Huế\na) miền Trung\nb) miền Bắc\n"
        "Đáp án: 1-b, 2-a\n")
    assert problems == []
    assert strip_ids(tables) == [
        {"type": "order", "prompt": "Xếp theo thứ tự thời gian.", "items": ["một", "hai", "ba"]},
        {"type": "match", "prompt": "Ghép tỉnh với miền:",
         "pairs": [["Hà Nội", "miền Bắc"], ["Huế", "miền Trung"]]}]


def test_parts_explanations_preamble_and_the_end() -> None:
    tables, problems, title = from_text(
        "BỘ CÂU HỎI TRẮC NGHIỆM\nHướng dẫn làm bài: chọn một phương án.\n"
        "PHẦN I. NHẬN BIẾT\nCâu 1. Một?\nA. x\nB. y\nĐáp án: A\nLời giải: Vì x.\nThêm ý.\n"
        "PHẦN II\nCâu 1. Lại một?\nA. x\nB. y\n"
        "--- HẾT ---\nTrang 2\n"
        "BẢNG ĐÁP ÁN\n1.B\n")
    assert title == "BỘ CÂU HỎI TRẮC NGHIỆM"
    assert [t["tags"] for t in tables] == [["phan-i-nhan-biet"], ["phan-ii"]]
    assert tables[0]["explanation"] == "Vì x.\nThêm ý."
    assert tables[1]["answer"] == "B"  # numbering restarted: the table's 1 is part II's
    assert problems == ["warning:word_preamble@2"]


def test_problems_are_located_and_good_questions_still_convert() -> None:
    tables, problems, _ = from_text(
        "Câu 1. Tốt?\nA. x\nB. y\nĐáp án: A\n"
        "Câu 2. Đáp án E?\nA. a\nB. b\nC. c\nD. d\nĐáp án: E\n"
        "Câu 3. Không đáp án?\nA. a\nB. b\n"
        "Câu 3. Trùng số?\nA. a\nA. a\nĐáp án: A\n"
        "Câu 5. Nhảy số?\nA. a\nB. b\nĐáp án: B\n"
        "BẢNG ĐÁP ÁN\n9.A\n")
    assert [t["prompt"] for t in tables] == ["Tốt?", "Nhảy số?"]
    assert problems == ["error:word_answer_not_a_choice@10", "error:word_no_answer@11",
                        "warning:word_number_twice@14", "warning:import_duplicate_choice@14",
                        "warning:word_number_skips@18", "warning:word_key_unknown@23"]


def test_markup_and_escape_codes_are_cleaned() -> None:
    tables, _, _ = from_text("Câu 1. <b>Hỏi</b>\x1b]52;c;SGk=\x07?\nA. x\x1b[31m\nB. y\n"
                             "Đáp án: A\n")
    assert "\x1b" not in repr(tables)
    assert tables[0]["prompt"] == "<b>Hỏi</b>?"  # text stays text; escaped where shown
    assert tables[0]["choices"] == ["x", "y"]


# --- Word files --------------------------------------------------------------------------


def test_marks_by_formatting_only_when_one_choice_carries_them(tmp_path: Path) -> None:
    document = docx.Document()
    for number, (mark, everyone) in enumerate([("underline", False), ("highlight", False),
                                               ("red", False), ("bold", False),
                                               ("red", True)], 1):
        document.add_paragraph(f"Câu {number}. Hỏi {number}?")
        for index, text in enumerate(["một", "hai", "ba"]):
            paragraph = document.add_paragraph()
            run = paragraph.add_run(f"{'ABC'[index]}. {text}")
            if everyone or index == 1:
                if mark == "underline":
                    run.underline = True
                elif mark == "highlight":
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
                elif mark == "red":
                    run.font.color.rgb = RGBColor(0xFF, 0, 0)
                else:
                    run.bold = True
    path = tmp_path / "mau.docx"
    document.save(str(path))
    tables, problems = from_docx(path)
    assert [t["answer"] for t in tables] == ["B", "B", "B", "B"]
    # When every choice is red, colour means nothing: no answer, said at its paragraph.
    assert problems == ["error:word_no_answer@17"]


def test_choices_in_a_two_by_two_table_and_an_answer_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Câu 1. Một?")
    table = document.add_table(rows=2, cols=2)
    for cell, text in zip([c for row in table.rows for c in row.cells],
                          ["A. x", "B. y", "C. z", "D. w"], strict=True):
        cell.text = text
    document.add_paragraph("Câu 2. Hai?")
    document.add_paragraph("A. p")
    document.add_paragraph("B. q")
    document.add_paragraph("BẢNG ĐÁP ÁN")
    key = document.add_table(rows=2, cols=2)
    for cell, text in zip([c for row in key.rows for c in row.cells], ["1", "2", "C", "B"],
                          strict=True):
        cell.text = text
    path = tmp_path / "bang.docx"
    document.save(str(path))
    tables, problems = from_docx(path)
    assert problems == []
    assert [(t["choices"], t["answer"]) for t in tables] == [(["x", "y", "z", "w"], "C"),
                                                             (["p", "q"], "B")]


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def raw_docx(path: Path, body: str, numbering: str | None = None) -> Path:
    """A Word file made of raw WordprocessingML, for what python-docx cannot make."""
    document = docx.Document()
    document.save(str(path))
    with zipfile.ZipFile(path) as package:
        parts = {name: package.read(name) for name in package.namelist()}
    parts["word/document.xml"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{body}</w:body></w:document>').encode()
    if numbering is not None:
        parts["word/numbering.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>').encode()
        rels = parts["word/_rels/document.xml.rels"].decode()
        if "numbering.xml" not in rels:
            rels = rels.replace("</Relationships>", (
                '<Relationship Id="rIdNum" Type="http://schemas.openxmlformats.org/'
                'officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
                "</Relationships>"))
            parts["word/_rels/document.xml.rels"] = rels.encode()
        types = parts["[Content_Types].xml"].decode()
        if "numbering+xml" not in types:
            types = types.replace("</Types>", (
                '<Override PartName="/word/numbering.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>'))
            parts["[Content_Types].xml"] = types.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return path


def para(*runs: str, num: tuple[int, int] | None = None) -> str:
    numbered = (f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/>'
                "</w:numPr></w:pPr>") if num else ""
    return f"<w:p>{numbered}{''.join(runs)}</w:p>"


def run(text: str, props: str = "") -> str:
    return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def test_runs_split_mid_word_and_one_coloured_run(tmp_path: Path) -> None:
    path = raw_docx(tmp_path / "tach.docx", "".join([
        para(run("Câ"), run("u 1"), run(". Hỏi?")),
        para(run("A. x")),
        para(run("B"), run(". y", '<w:color w:val="FF0000"/>')),
        para(run("C. z")),
    ]))
    tables, problems = from_docx(path)
    assert problems == []
    assert tables[0]["prompt"] == "Hỏi?"
    assert tables[0]["answer"] == "B"  # the choice's text is red though its label is not


def test_word_automatic_numbering_labels(tmp_path: Path) -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        '<w:lvlText w:val="Câu %1."/></w:lvl></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="1">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/>'
        '<w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>')
    path = raw_docx(tmp_path / "so.docx", "".join([
        para(run("Một?"), num=(1, 0)),
        para(run("x"), num=(2, 0)), para(run("y", "<w:u w:val=\"single\"/>"), num=(2, 0)),
        para(run("Hai?"), num=(1, 0)),
        para(run("p"), num=(3, 0)), para(run("q"), num=(3, 0)), para(run("r"), num=(3, 0)),
        para(run("Đáp án: C")),
    ]), numbering)
    tables, problems = from_docx(path)
    assert problems == []
    assert [(t["prompt"], t["choices"], t["answer"]) for t in tables] == [
        ("Một?", ["x", "y"], "B"), ("Hai?", ["p", "q", "r"], "C")]


def test_a_picture_or_an_equation_skips_the_question_by_name(tmp_path: Path) -> None:
    math = '<m:oMath xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"/>'
    path = raw_docx(tmp_path / "hinh.docx", "".join([
        para(run("Câu 1. Tính"), math), para(run("A. 1")), para(run("B. 2")),
        para(run("Đáp án: A")),
        para(run("Câu 2. Chữ thôi?")), para(run("A. 1")), para(run("B. 2")),
        para(run("Đáp án: B")),
    ]))
    tables, problems = from_docx(path)
    assert [t["prompt"] for t in tables] == ["Chữ thôi?"]
    assert problems == ["warning:word_media@1"]


@pytest.mark.parametrize(("content", "code"), [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, "ole"),  # a renamed .doc, or encrypted
    (b"not a zip at all", "not_zip"),
    (b"", "not_zip"),
])
def test_files_that_are_not_word_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "x.docx"
    path.write_bytes(content)
    with pytest.raises(PackageError) as raised:
        docx_lines(path)
    assert raised.value.code == code


def test_a_zip_bomb_and_an_odt_are_refused_before_reading(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", b" " * (80 * 1024 * 1024))
    odt = tmp_path / "a.docx"
    with zipfile.ZipFile(odt, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<x/>")
    for path, code in ((bomb, "bomb"), (odt, "opendocument")):
        with pytest.raises(PackageError) as raised:
            docx_lines(path)
        assert raised.value.code == code


def test_an_empty_document_says_so(tmp_path: Path) -> None:
    path = tmp_path / "trong.docx"
    docx.Document().save(str(path))
    tables, problems = from_docx(path)
    assert tables == []
    assert problems == ["error:import_empty@1"]


# --- round trips --------------------------------------------------------------------------


@pytest.mark.parametrize("answers", ["inline", "table"])
def test_every_bundled_bank_round_trips_through_docx(tmp_path: Path, catalog: Catalog,
                                                     answers: str) -> None:
    for bank in catalog.banks:
        path = tmp_path / f"{bank.id}-{answers}.docx"
        assert write_document([bank], path, answers=answers) == len(bank.questions)
        result = parse_lines(docx_lines(path), path)
        assert result.problems == []
        assert result.title == bank.title
        back = written_bank(tmp_path, [q.table for q in result.questions], bank.id)
        assert [q.content_hash for q in back.questions] == \
            [q.content_hash for q in bank.questions], bank.id


def test_a_contest_paper_has_no_answer_in_it(tmp_path: Path, catalog: Catalog) -> None:
    bank = catalog.banks[0]
    path = tmp_path / "de.docx"
    write_document([bank], path, answers="none")
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "Đáp án" not in text
    assert "Thứ tự đúng" not in text
    assert "Giải thích" not in text
    assert text.count("Câu ") >= len(bank.questions)


# --- the command line -------------------------------------------------------------------


def test_cli_word_in_and_out(tmp_path: Path, catalog: Catalog,
                             capsys: pytest.CaptureFixture[str]) -> None:
    bank = catalog.banks[0]
    out = tmp_path / "nh.docx"
    code, _, err = run_cli(capsys, "export-questions", "--bank", bank.id, "--format", "docx",
                           "--answers", "table", "-o", str(out))
    assert code == 0, err
    back = tmp_path / "lai.toml"
    code, _, err = run_cli(capsys, "import-questions", str(out), "-o", str(back))
    assert code == 0, err
    assert f'title = "{bank.title}"' in back.read_text(encoding="utf-8")
    text = tmp_path / "de.txt"
    text.write_text("Câu 1. Một?\nA. x\nB. y\nĐáp án: B\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "import-questions", str(text), "-o", str(tmp_path / "t.toml"))
    assert code == 0, err
    renamed = tmp_path / "cu.docx"
    renamed.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run_cli(capsys, "import-questions", str(renamed), "-o",
                           str(tmp_path / "x.toml"))
    assert code == 1
    assert "lưu lại dưới dạng .docx" in err
    assert not (tmp_path / "x.toml").exists()


_KEYWORDS = ("phan", "ngan hang", "dap an", "da ", "thu tu", "loi giai", "giai thich",
             "huong dan", "yeu cau", "het", "bang", "cau", "dung", "sai")
_WORDS = st.text(st.characters(categories=("L",)), min_size=1, max_size=8)
_TEXT = st.lists(_WORDS, min_size=1, max_size=5).map(" ".join).filter(
    lambda text: not fold(text).startswith(_KEYWORDS) and len(text) > 1)


@st.composite
def word_tables(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multi", "truefalse", "fill", "number", "order",
                                 "match"]))
    prompt = draw(_TEXT)
    if kind in ("single", "multi", "order"):
        items = draw(st.lists(_TEXT, min_size=3, max_size=6, unique_by=fold))
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
        return {"type": kind, "prompt": prompt,
                "answer": draw(st.lists(_TEXT, min_size=1, max_size=3, unique_by=fold))}
    if kind == "number":
        # A whole number as an integer: `5.0` and `5` are one number but not one
        # content hash, and every importer writes whole numbers as integers.
        numerator, denominator = draw(st.integers(-10**6, 10**6)), draw(st.sampled_from([4, 100]))
        value = numerator // denominator if numerator % denominator == 0 else \
            numerator / denominator
        return {"type": kind, "prompt": prompt, "answer": value,
                "tolerance": draw(st.sampled_from([0, 0.5, 2]))}
    lefts = draw(st.lists(_TEXT, min_size=2, max_size=5, unique_by=fold))
    rights = draw(st.lists(_TEXT, min_size=len(lefts), max_size=len(lefts), unique_by=fold))
    return {"type": kind, "prompt": prompt,
            "pairs": [list(pair) for pair in zip(lefts, rights, strict=True)]}


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(word_tables(), min_size=1, max_size=6))
def test_any_valid_bank_round_trips_through_docx(tmp_path: Path,
                                                 tables: list[dict[str, Any]]) -> None:
    folder = tmp_path / f"h{abs(hash(repr(tables))) % 10**8}"
    folder.mkdir(exist_ok=True)
    try:
        bank = written_bank(folder, tables, "goc")
    except AssertionError:
        assume(False)  # the generator made a bank our own format refuses
    path = folder / "b.docx"
    write_document([bank], path)
    result = parse_lines(docx_lines(path), path)
    back = written_bank(folder, [q.table for q in result.questions], "goc")
    assert [q.content_hash for q in back.questions] == [q.content_hash for q in bank.questions]


def test_a_copy_without_the_word_library_says_so(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "de.docx"
    docx.Document().save(str(path))
    monkeypatch.setitem(sys.modules, "docx", None)  # as in studyapp.pyz: no lxml, no python-docx
    with pytest.raises(PackageError) as raised:
        docx_lines(path)
    assert raised.value.code == "no_word_reader"
    code, _, err = run_cli(capsys, "import-questions", str(path), "-o", str(tmp_path / "x.toml"))
    assert code == 1
    assert "cai-dat" in err
