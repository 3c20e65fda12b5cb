"""`studyapp pack new` (issue 15, part 1): next month's document as a pack that validates,
its structure read as a person reads the page, its text kept whole and unchanged."""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from collections import Counter
from pathlib import Path

import docx
import pypdf
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.content.document import parse_document
from studyapp.content.loading import load_catalog
from studyapp.importing.document import (
    Paragraph,
    default_depth,
    paragraphs_of,
    read_structure,
)
from studyapp.importing.document_files import (
    DocumentError,
    decode_text,
    pdf_paragraphs,
    read_document,
)
from tests.conftest import SHARED, run_cli

PLAN = SHARED / "source" / "ke-hoach-67-KH-DU.txt"
needs_plan = pytest.mark.skipif(not PLAN.exists(), reason="../shared/source is not beside the repo")


def apart(tmp_path: Path) -> list[str]:
    """`--content` of an empty folder: the pack made where no other content is read,
    so its lesson ids are the document's own (beside the bundled pack, its `gioi-thieu`,
    `i`, `ii-1`… would clash, and every id would start with the pack's)."""
    folder = tmp_path / "no-other-content"
    folder.mkdir(exist_ok=True)
    return ["--content", str(folder)]


def front_matter(path: Path) -> dict[str, object]:
    text = path.read_text(encoding="utf-8")
    return tomllib.loads(text.split("+++")[1])


@needs_plan
def test_the_bundled_plan_gives_the_bundled_packs_tree(tmp_path: Path, catalog: Catalog,
                                                       capsys: pytest.CaptureFixture[str]
                                                       ) -> None:
    target = tmp_path / "ke-hoach-67"
    code, out, err = run_cli(capsys, "pack", "new", str(PLAN), "-o", str(target))
    assert code == 0, err
    assert "40 bài học" in out
    assert "tiền tố “ke-hoach-67-”" in out  # beside the bundled pack: its ids are taken
    made = {front_matter(path)["source"]: (front_matter(path)["id"],
                                            front_matter(path).get("parent"))
            for path in (target / "lessons").glob("*.md")}

    def mine(lesson_id: str | None) -> str | None:
        return None if lesson_id is None else f"ke-hoach-67-{lesson_id}"

    bundled = {lesson.source: (mine(lesson.id), mine(lesson.parent))
               for lesson in catalog.lessons
               if not lesson.id.startswith(("bkd-", "bon-kien-dinh"))}
    assert made == bundled  # the same sections, the same references, ids and parents
    result = load_catalog([target])
    assert result.errors == []
    assert result.warnings == []
    pack = tomllib.loads((target / "pack.toml").read_text(encoding="utf-8"))
    assert pack["source"] == "Kế hoạch số 67-KH/ĐU"
    assert pack["title"] == ("Kế hoạch tuyên truyền kết quả Hội nghị lần thứ hai Ban Chấp hành "
                             "Trung ương Đảng khóa XIV")
    assert pack["source_file"] == "source.txt"
    assert "key_points" not in (
        target / "lessons" / "ke-hoach-67-ii-2-6.md").read_text(encoding="utf-8")


@needs_plan
def test_every_paragraph_lands_once_in_order() -> None:
    paragraphs = paragraphs_of([(n, line, False) for n, line in enumerate(
        decode_text(PLAN.read_bytes()).split("\n"), 1)])
    structure = read_structure(paragraphs)
    assert [p.text for p in structure.paragraphs_in_order()] == [p.text for p in paragraphs]
    assert default_depth(structure) == 3
    assert structure.kind == "KẾ HOẠCH"
    assert structure.number is not None
    assert structure.number.startswith("Số 67")


_FORMS = {"roman": lambda n: f"{['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'][n - 1]}. ",
          "arabic": lambda n: f"{n}. ", "paren": lambda n: f"({n}) ",
          "letter": lambda n: f"{'abcdeghik'[n - 1]}) "}


@st.composite
def documents(draw: st.DrawFn) -> tuple[list[str], list[tuple[str, int]]]:
    """Lines of a document whose numbered levels nest as drawn, and the expected
    (reference, depth) of each section."""
    order = ["roman", "arabic", "paren", "letter"][:draw(st.integers(1, 4))]
    lines = ["KẾ HOẠCH", "về việc thử", "Thực hiện chỉ đạo của cấp trên, như sau:"]
    expected: list[tuple[str, int]] = []
    words = st.text(st.characters(categories=("Ll",)), min_size=2, max_size=8)

    def level(depth: int, prefix: str) -> None:
        for number in range(1, draw(st.integers(1, 3)) + 1):
            form = order[depth]
            label = _FORMS[form](number).strip().rstrip(".")
            part = f"({number})" if form == "paren" else label.rstrip(")")
            reference = f"{prefix}.{part}" if prefix else part
            lines.append(_FORMS[form](number) + " ".join(draw(st.lists(words, min_size=3,
                                                                          max_size=8))) + ".")
            expected.append((reference, depth + 1))
            for _ in range(draw(st.integers(0, 2))):
                lines.append("- " + " ".join(draw(st.lists(words, min_size=2, max_size=6))))
            if depth + 1 < len(order) and draw(st.booleans()):
                level(depth + 1, reference)

    level(0, "")
    lines += ["Nơi nhận:", "- Lưu."]
    return lines, expected


@settings(max_examples=60, deadline=None)
@given(documents())
def test_generated_documents_round_trip_to_their_tree(
        document: tuple[list[str], list[tuple[str, int]]]) -> None:
    lines, expected = document
    paragraphs = paragraphs_of([(n, line, False) for n, line in enumerate(lines, 1)])
    structure = read_structure(paragraphs)
    assert [(s.reference, s.depth) for s in structure.all_sections()] == expected
    assert [p.text for p in structure.paragraphs_in_order()] == [p.text for p in paragraphs]
    assert [p.text for p in structure.back] == ["Nơi nhận:", "- Lưu."]


def test_numbering_that_skips_or_repeats_and_a_heading_without_text() -> None:
    structure = read_structure(paragraphs_of([(n, t, False) for n, t in enumerate([
        "I. MỘT", "1. Mục một có nội dung đủ dài để đọc.", "3. Mục ba sau mục một.",
        "3. Mục ba lần nữa.", "II. HAI"], 1)]))
    assert [(line, code) for line, code, _ in structure.notes] == [
        (3, "doc_number_skips"), (4, "doc_number_repeats"), (5, "doc_heading_no_body")]


def test_a_document_without_structure_is_one_lesson_with_a_note(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "thu.txt"
    source.write_text("Kính gửi các đồng chí.\nNội dung không có mục nào.\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "pack", "new", str(source), "-o", str(tmp_path / "p"),
                           *apart(tmp_path))
    assert code == 0, err
    assert "không nhận ra mục đánh số nào" in err
    assert [p.name for p in (tmp_path / "p" / "lessons").iterdir()] == ["gioi-thieu.md"]


def test_a_word_plan_with_bold_headings_numbering_tables_and_split_runs(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = docx.Document()
    header = document.add_table(rows=2, cols=2)
    header.cell(0, 0).text = "ĐẢNG BỘ PHƯỜNG X"
    header.cell(0, 1).text = "ĐẢNG CỘNG SẢN VIỆT NAM"
    header.cell(1, 0).text = "Số 12-KH/ĐU"
    header.cell(1, 1).text = "X, ngày 2 tháng 12 năm 2026"
    document.add_paragraph().add_run("KẾ HOẠCH").bold = True
    document.add_paragraph("học tập nghị quyết")
    document.add_paragraph("Căn cứ chỉ đạo của cấp trên, Ban Thường vụ xây dựng kế hoạch:")
    heading = document.add_paragraph()
    heading.add_run("I. MỤC").bold = True
    heading.add_run(" ĐÍCH").bold = True  # a heading split over two runs
    body = document.add_paragraph("1. Nâng cao nhận thức cho cán bộ, đảng viên ")
    body.add_run().add_break()  # a soft line break inside the paragraph
    body.add_run("về <nghị quyết> *mới*.")
    document.add_paragraph("2. Tạo sự thống nhất trong hành động của chi bộ.")
    document.add_paragraph("II. TỔ CHỨC THỰC HIỆN")
    document.add_paragraph("- Các chi bộ triển khai thực hiện nghiêm túc./.")
    signature = document.add_table(rows=1, cols=2)
    signature.cell(0, 0).text = "Nơi nhận:\n- Lưu."
    signature.cell(0, 1).text = "T/M BAN THƯỜNG VỤ\nBÍ THƯ\nNguyễn Văn A"
    source = tmp_path / "ke-hoach-12.docx"
    document.save(str(source))
    target = tmp_path / "ke-hoach-12"
    code, _, err = run_cli(capsys, "pack", "new", str(source), "-o", str(target), "--depth", "2",
                           *apart(tmp_path))
    assert code == 0, err
    lessons = {path.stem: path.read_text(encoding="utf-8")
               for path in (target / "lessons").glob("*.md")}
    assert sorted(lessons) == ["gioi-thieu", "i", "i-1", "i-2", "ii"]
    assert "T/M BAN THƯỜNG VỤ" in lessons["gioi-thieu"]
    assert "Số 12-KH/ĐU" in lessons["gioi-thieu"]
    # The soft break is a space; markup stays text (escaped for Markdown).
    assert "cán bộ, đảng viên về \\<nghị quyết\\> \\*mới\\*." in lessons["i-1"]
    pack = tomllib.loads((target / "pack.toml").read_text(encoding="utf-8"))
    assert pack["source"] == "Kế hoạch số 12-KH/ĐU"
    assert load_catalog([target]).errors == []
    catalog = load_catalog([target]).catalog
    body = next(lesson for lesson in catalog.lessons if lesson.id == "i-1")
    # Shown as the document has it: the escapes are Markdown's, not text.
    assert "về <nghị quyết> *mới*." in parse_document(body.body).plain


def test_a_pdf_with_running_headers_page_numbers_and_broken_lines() -> None:
    pages = ["ĐẢNG BỘ PHƯỜNG X\nI. MỤC ĐÍCH\n1. Nâng cao nhận thức cho cán\nbộ, đảng viên.\n1",
             "ĐẢNG BỘ PHƯỜNG X\n2. Tạo sự thống nhất trong hành\nđộng.\nII. TỔ CHỨC\n2",
             "ĐẢNG BỘ PHƯỜNG X\n- Các chi bộ thực hiện./.\nTrang 3"]
    texts = [text for _, text, _ in pdf_paragraphs(pages)]
    assert texts == ["I. MỤC ĐÍCH", "1. Nâng cao nhận thức cho cán bộ, đảng viên.",
                     "2. Tạo sự thống nhất trong hành động.", "II. TỔ CHỨC",
                     "- Các chi bộ thực hiện./."]


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (apt-get install "
                                             "chromium) to print a PDF")
def test_a_printed_pdf_becomes_a_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]
                                      ) -> None:
    page = tmp_path / "plan.html"
    page.write_text("<meta charset=utf-8><p>KẾ HOẠCH</p><p>học tập nghị quyết</p>"
                    "<p>I. MỤC ĐÍCH, YÊU CẦU</p><p>1. Nâng cao nhận thức của cán bộ, đảng viên "
                    "về nghị quyết của Đảng.</p><p>2. Thống nhất hành động.</p>"
                    "<p>II. TỔ CHỨC THỰC HIỆN</p><p>Các chi bộ thực hiện./.</p>",
                    encoding="utf-8")
    pdf = tmp_path / "plan.pdf"
    subprocess.run([str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    code, _, err = run_cli(capsys, "pack", "new", str(pdf), "-o", str(tmp_path / "p"),
                           "--depth", "2", *apart(tmp_path))
    assert code == 0, err
    assert sorted(p.stem for p in (tmp_path / "p" / "lessons").iterdir()) == [
        "gioi-thieu", "i", "i-1", "i-2", "ii"]


def test_pdfs_that_cannot_be_read(tmp_path: Path) -> None:
    blank = tmp_path / "scan.pdf"
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=595, height=842)
    with blank.open("wb") as handle:
        writer.write(handle)
    locked = tmp_path / "locked.pdf"
    writer.encrypt("mat-khau")
    with locked.open("wb") as handle:
        writer.write(handle)
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n not really")
    for path, code in ((blank, "pdf_no_text"), (locked, "pdf_encrypted"),
                       (broken, "pdf_damaged")):
        with pytest.raises(DocumentError) as raised:
            read_document(path)
        assert raised.value.code == code


def test_text_encodings(tmp_path: Path) -> None:
    utf16 = tmp_path / "a.txt"
    utf16.write_bytes("I. MỤC ĐÍCH\n1. Nội dung.\n".encode("utf-16"))
    paragraphs, markdown = read_document(utf16)
    assert [p.text for p in paragraphs] == ["I. MỤC ĐÍCH", "1. Nội dung."]
    assert markdown
    latin = tmp_path / "b.txt"
    latin.write_bytes(b"I. MUC\n1. N\xe9i dung.\n")
    with pytest.raises(DocumentError) as raised:
        read_document(latin)
    assert raised.value.params == {"byte": "0xE9", "line": 2}
    escapes = tmp_path / "c.txt"
    escapes.write_text("I. MỤC\x1b]52;c;SGk=\x07 ĐÍCH\n1. Nội\x1b[31m dung.\n", encoding="utf-8")
    paragraphs, _ = read_document(escapes)
    assert "\x1b" not in repr([p.text for p in paragraphs])


def test_a_renamed_doc_a_legacy_font_and_an_existing_target(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    renamed = tmp_path / "cu.docx"
    renamed.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    code, _, err = run_cli(capsys, "pack", "new", str(renamed), "-o", str(tmp_path / "a"))
    assert code == 1
    assert "Word/Excel hoặc LibreOffice" in err
    assert not (tmp_path / "a").exists()
    legacy = docx.Document()
    run = legacy.add_paragraph().add_run("KÕ ho¹ch")
    run.font.name = ".VnTime"
    legacy.save(str(tmp_path / "vntime.docx"))
    code, _, err = run_cli(capsys, "pack", "new", str(tmp_path / "vntime.docx"), "-o",
                           str(tmp_path / "b"))
    assert code == 1
    assert ".vntime" in err
    assert "TCVN3" in err
    (tmp_path / "c").mkdir()
    code, _, err = run_cli(capsys, "pack", "new", str(PLAN), "-o", str(tmp_path / "c"))
    assert code == 2
    assert "đã có" in err


def test_all_caps_headings_without_numbers_stay_text() -> None:
    paragraphs = [Paragraph("KẾ HOẠCH", 1), Paragraph("MỤC ĐÍCH YÊU CẦU", 2),
                  Paragraph("Nội dung.", 3)]
    structure = read_structure(paragraphs)
    assert structure.sections == []
    assert [p.text for p in structure.front] == ["KẾ HOẠCH", "MỤC ĐÍCH YÊU CẦU", "Nội dung."]


@needs_plan
def test_draft_questions_are_answerable_from_the_text_and_never_drawn(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "p"
    assert run_cli(capsys, "pack", "new", str(PLAN), "-o", str(target), *apart(tmp_path))[0] == 0
    code, _out, err = run_cli(capsys, "pack", "draft-questions", str(target))
    assert code == 0, err
    result = load_catalog([target])
    assert result.errors == []
    [bank] = result.catalog.banks
    assert bank.id == "nhap-p"  # the pack's own: two packs' draft banks never clash
    assert bank.questions == ()  # drafts are kept apart: nothing draws them
    drafts = bank.drafts
    kinds = {q.type for q in drafts}
    assert {"multi", "fill", "single", "match"} <= kinds
    assert "order" not in kinds
    assert "truefalse" not in kinds
    assert "number" not in kinds
    plain = {lesson.id: parse_document(lesson.body).plain for lesson in result.catalog.lessons}
    for question in drafts:
        assert question.lesson in plain
        assert (question.explanation is not None and "Theo mục" in question.explanation) \
            or question.type == "match"
        if question.type == "fill":
            # The blanked phrase stands in quotation marks in its lesson's text.
            assert f"“{question.accepted[0]}”" in plain[question.lesson]
        if question.type == "multi":
            lesson_text = plain[question.lesson]
            for index in question.correct_choices:
                assert question.choices[index].rstrip(" …") in lesson_text
    assert not any(q.lesson == "gioi-thieu" for q in drafts)
    # Drafts on one passage give each other away: they share a group, and no group is a
    # group of one (issue 17).
    groups = Counter(q.group for q in drafts if q.group is not None)
    assert groups
    assert all(count >= 2 for count in groups.values())
    by_lesson: dict[str | None, set[str | None]] = {}
    for question in drafts:
        by_lesson.setdefault(question.lesson, set()).add(question.group)
    for lesson, found in by_lesson.items():
        if sum(q.lesson == lesson for q in drafts) > 1:
            assert len(found) == 1, (lesson, found)
            assert None not in found, lesson
    for match in (q for q in drafts if q.type == "match"):
        # The match shows an item of each sibling section: the questions on those
        # sections are answered by it.
        sections = [q for q in drafts if q.id.startswith("nhap-muc-")
                    and result.catalog.lesson(q.lesson or "").parent == match.lesson]
        assert sections
        assert all(q.group == match.group for q in sections), match.id
    code, _, err = run_cli(capsys, "validate", "--strict", str(target))
    assert "nhóm" not in err  # no group of one, no misspelt group
    code, _, err = run_cli(capsys, "validate", str(target))
    assert "câu hỏi nháp chờ duyệt" in err
    code, _, err = run_cli(capsys, "pack", "draft-questions", str(target))
    assert code == 2
    assert "đã có" in err


@pytest.mark.parametrize("text", ["5. Các tổ chức đảng trực thuộc", "- Chủ động nắm bắt",
                                  "1) mục", "> không phải trích dẫn", "+ cộng", "# số 1",
                                  "12. chữ *nghiêng* và [ngoặc] cùng `mã`"])
def test_a_word_paragraph_written_as_markdown_reads_back_as_its_text(text: str) -> None:
    """A paragraph of a .docx or .pdf is escaped so that it renders as it reads:
    `\\5.` would show its backslash (CommonMark escapes punctuation only)."""
    from studyapp.importing.pack_writer import escape_markdown  # noqa: PLC0415

    assert parse_document(escape_markdown(text)).plain.strip() == text


@needs_plan
def test_the_plan_typed_in_word_makes_a_pack_that_quotes_it_whole(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled plan as a ward office types it in Word (numbered headings in bold,
    runs split mid-word): every lesson quotes the source, 100% of it, no warning."""
    document = docx.Document()
    for line in PLAN.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        paragraph = document.add_paragraph()
        heading = line.split(" ", 1)[0].rstrip(".").strip("()").isdigit() or \
            line.split(" ", 1)[0] in ("I.", "II.", "III.", "IV.")
        middle = len(line) // 2
        for part in (line[:middle], line[middle:]):
            paragraph.add_run(part.replace("*", "")).bold = heading
    source = tmp_path / "ke-hoach.docx"
    document.save(source)
    target = tmp_path / "p"
    assert run_cli(capsys, "pack", "new", str(source), "-o", str(target))[0] == 0
    code, _out, err = run_cli(capsys, "validate", "--strict", str(target))
    assert code == 0, err
    assert "(100,0%)" in err
    assert "cảnh báo" not in err or " 0 cảnh báo" in err
