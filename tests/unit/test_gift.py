"""GIFT import: every file of the GIFT-grammar-PEG.js corpus against its reference parse,
each question type, escapes, text formats, ids and tags, and bad input, at its line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.banks import load_bank
from studyapp.content.model import LETTERS
from studyapp.content.problems import ProblemLog
from studyapp.importing.common import (
    ImportedQuestion,
    ImportResult,
    SkippedItem,
    bank_table,
    dump_bank,
    number_value,
    refers_to_other_choices,
    text_id,
)
from studyapp.importing.gift import parse_gift
from studyapp.importing.textformats import html_to_text, markdown_to_text
from studyapp.text import collapse_whitespace, normalize
from tests.conftest import DATA, SHARED

CORPUS = SHARED / "external" / "gift-peg-tests"
CORPUS_FILES = sorted(CORPUS.glob("*.gift"))

# Items of the corpus the importer skips (position among the file's items, $CATEGORY
# lines aside), with the warning that says why. Our bank format has no essay and no
# description (a text with no question).
SKIPPED: dict[tuple[str, int], str] = {
    ("description1.gift", 0): "gift_description",
    ("descriptionTitleEscapedColon.gift", 0): "gift_description",
    ("descriptionWithID.gift", 0): "gift_description",
    ("markdown.gift", 0): "gift_description",
    ("markdown.gift", 1): "gift_description",
    ("markdown.gift", 2): "gift_description",
    ("markdown.gift", 3): "gift_description",
    ("essay1.gift", 0): "gift_essay",
    ("newlineAndLaTeX.gift", 0): "gift_essay",
    ("tag_id.gift", 0): "gift_essay",
    ("tag_id_and_two_tags.gift", 0): "gift_essay",
    ("tag_two_tags.gift", 0): "gift_essay",
}

# Where the reference parse and Moodle differ, we follow Moodle; these items show it.
# TF feedback: the reference names them by position (true, false); Moodle reads the
# first as the feedback for a wrong answer and the second for the right one.


def parse(text: str, name: str = "cau-hoi.gift") -> ImportResult:
    return parse_gift(text, Path(name))


def only(text: str) -> dict[str, Any]:
    """The one question of `text`, without its id."""
    questions = parse(text).questions
    assert len(questions) == 1, parse(text).problems
    return {key: value for key, value in questions[0].table.items() if key != "id"}


def codes(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(problem.line, str(problem.severity), problem.code) for problem in result.problems]


def load_questions(result: ImportResult, tmp_path: Path) -> list[Any]:
    """The result as a bank file, read back by the real loader (no error allowed)."""
    path = tmp_path / "ngan-hang.toml"
    path.write_text(dump_bank(bank_table(result.questions, bank_id="ngan-hang",
                                         title="Ngân hàng thử")), encoding="utf-8")
    log = ProblemLog()
    bank = load_bank(path, "goi-thu", log)
    assert bank is not None, [problem.format() for problem in log.errors]
    assert not log.errors
    return list(bank.questions)


# --- the reference corpus ------------------------------------------------------------------


def _text(part: dict[str, str] | None) -> str:
    """The reference's text made plain as ours is."""
    if part is None:
        return ""
    text = part["text"]
    if part["format"] == "html":
        text = html_to_text(text)
    elif part["format"] == "markdown":
        text = markdown_to_text(text)
    else:
        text = "\n".join(collapse_whitespace(line) for line in text.split("\n"))
    return normalize(text).strip()


def _explanation(general: str, lines: list[str]) -> dict[str, str]:
    parts = [part for part in [general, *lines] if part]
    return {"explanation": "\n".join(parts)} if parts else {}


def _labelled(choices: list[dict[str, Any]], labels: list[str]) -> list[str]:
    return [f"{label}: {_text(choice['feedback'])}"
            for choice, label in zip(choices, labels, strict=True) if _text(choice["feedback"])]


def _decimal(value: float) -> Decimal:
    return Decimal(str(value))


def _range(choice: dict[str, Any]) -> tuple[Decimal, Decimal]:
    if choice["type"] == "simple":
        return _decimal(choice["number"]), Decimal(0)
    if choice["type"] == "range":
        return _decimal(choice["number"]), _decimal(choice["range"])
    high, low = _decimal(choice["numberHigh"]), _decimal(choice["numberLow"])
    return (high + low) / 2, (high - low) / 2


def _number_label(number: Decimal, tolerance: Decimal) -> str:
    return f"{number:f}" if not tolerance else f"{number:f} ± {tolerance:f}"


def expected_table(item: dict[str, Any]) -> dict[str, Any]:
    """The reference parse of one item mapped to our question table (id aside)."""
    # The reference writes "_____ ." where text follows the blank; Moodle "_____.".
    prompt = re.sub(r"_____ (?=[.,;:!?])", "_____", _text(item["stem"]))
    general = _text(item["globalFeedback"])
    kind = item["type"]
    table: dict[str, Any] = {"prompt": prompt}
    if kind == "TF":
        right, wrong = _text(item["falseFeedback"]), _text(item["trueFeedback"])
        table |= {"type": "truefalse", "answer": item["isTrue"]}
        truth = item["isTrue"]
        label = {True: "Nếu trả lời Đúng: ", False: "Nếu trả lời Sai: "}
        table |= _explanation(general, list(dict.fromkeys(
            label[value] + p for value, p in ((truth, right), (not truth, wrong)) if p)))
    elif kind == "MC":
        choices = item["choices"]
        texts = [collapse_whitespace(_text(choice["text"])) for choice in choices]
        correct = [index for index, choice in enumerate(choices) if choice["isCorrect"]]
        if len(correct) != 1:
            correct += [index for index, choice in enumerate(choices)
                        if not choice["isCorrect"] and (choice["weight"] or 0) > 0]
        letters = [LETTERS[index] for index in sorted(correct)]
        table |= {"type": "single" if len(letters) == 1 and len(correct) == 1
                  and sum(c["isCorrect"] for c in choices) == 1 else "multi",
                  "choices": texts}
        table["answer"] = letters[0] if table["type"] == "single" else letters
        if any(refers_to_other_choices(text) for text in texts):
            table["shuffle"] = False
        table |= _explanation(general, _labelled(choices, texts))
    elif kind == "Short":
        choices = item["choices"]
        texts = [collapse_whitespace(_text(choice["text"])) for choice in choices]
        accepted = [text for choice, text in zip(choices, texts, strict=True)
                    if choice["weight"] is None or choice["weight"] >= 100]
        table |= {"type": "fill", "answer": accepted[0] if len(accepted) == 1 else accepted}
        table |= _explanation(general, _labelled(choices, texts))
    elif kind == "Numerical":
        answers = item["choices"]
        if isinstance(answers, dict):
            number, tolerance = _range(answers)
            lines: list[str] = []
        else:
            weights = [100 if a["weight"] is None else a["weight"] for a in answers]
            ranges = [_range(a["text"]) for a in answers]
            number, tolerance = ranges[weights.index(max(weights))]
            lines = _labelled(answers, [_number_label(*pair) for pair in ranges])
        table |= {"type": "number", "answer": number_value(number)}
        if tolerance:
            table["tolerance"] = number_value(tolerance)
        table |= _explanation(general, lines)
    elif kind == "Matching":
        table |= {"type": "match", "pairs": [[_text(pair["subquestion"]), pair["subanswer"]]
                                             for pair in item["matchPairs"]]}
        table |= _explanation(general, [])
    else:  # pragma: no cover - the corpus has no other type
        raise AssertionError(kind)
    if item.get("tags"):
        table["tags"] = item["tags"]
    return table


def test_the_corpus_is_all_there() -> None:
    assert len(CORPUS_FILES) == 39
    assert all(path.with_suffix(".json").is_file() for path in CORPUS_FILES)


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda path: path.name)
def test_corpus_file_converts_as_its_reference_parse(path: Path, tmp_path: Path) -> None:
    reference = [item for item in json.loads(path.with_suffix(".json").read_text("utf-8"))
                 if item["type"] != "Category"]
    result = parse_gift(path.read_text(encoding="utf-8"), path)
    assert len(result.items) == len(reference)
    for index, (item, ours) in enumerate(zip(reference, result.items, strict=True)):
        reason = SKIPPED.get((path.name, index))
        if reason is not None:
            assert isinstance(ours, SkippedItem)
            assert ours.code == reason
            assert (ours.line, "warning", reason) in codes(result)
            continue
        assert isinstance(ours, ImportedQuestion), (index, codes(result))
        table = {key: value for key, value in ours.table.items() if key != "id"}
        assert table == expected_table(item), index
        assert ours.title == item["title"]
        if item["id"] is not None:
            assert ours.table["id"] == item["id"]
    # A file of categories alone has no question: that is its only error.
    assert [p.code for p in result.errors] == ([] if reference else ["import_empty"])
    if result.questions:
        assert len(load_questions(result, tmp_path)) == len(result.questions)


def test_corpus_coverage() -> None:
    """76 of the corpus's 88 questions convert; 12 (5 essays, 7 descriptions) are skipped."""
    converted = skipped = 0
    for path in CORPUS_FILES:
        result = parse_gift(path.read_text(encoding="utf-8"), path)
        converted += len(result.questions)
        skipped += len(result.skipped)
    assert (converted, skipped) == (76, 12)
    assert len(SKIPPED) == 12


def test_category_only_files_have_no_question() -> None:
    for name in ("category1.gift", "categorySpecialCharacter.gift"):
        result = parse_gift((CORPUS / name).read_text(encoding="utf-8"), Path(name))
        assert result.items == []
        assert codes(result) == [(1, "error", "import_empty")]


# --- each type ------------------------------------------------------------------------------


def test_single_choice_with_one_equals() -> None:
    table = only("Thủ đô của Việt Nam là gì?{~Huế =Hà Nội ~Đà Nẵng}")
    assert table == {"type": "single", "prompt": "Thủ đô của Việt Nam là gì?",
                     "choices": ["Huế", "Hà Nội", "Đà Nẵng"], "answer": "B"}


def test_single_choice_drops_partial_credit_with_a_warning() -> None:
    result = parse("Câu hỏi khó.{\n~Sai hẳn\n~%50%Đúng một nửa\n=Đúng hoàn toàn\n}")
    assert result.questions[0].table["answer"] == "C"
    assert codes(result) == [(3, "warning", "gift_partial_credit")]
    assert "«Đúng một nửa» (50%)" in result.problems[0].message()


def test_multi_choice_positive_weights_are_right() -> None:
    result = parse("Những nội dung nào thuộc “Bốn kiên định”?{\n"
                   "~%33.33333%Kiên định chủ nghĩa Mác - Lênin\n"
                   "~%-100%Kiên định kinh tế thị trường tự do\n"
                   "~%33.33333%Kiên định mục tiêu độc lập dân tộc\n"
                   "~%33.33333%Kiên định đường lối đổi mới\n}")
    table = result.questions[0].table
    assert (table["type"], table["answer"]) == ("multi", ["A", "C", "D"])
    assert result.problems == []


def test_multi_choice_with_unequal_weights_warns() -> None:
    result = parse("Chọn các ý đúng.{~%75%Ý một ~%25%Ý hai ~%-100%Ý ba}")
    assert result.questions[0].table["answer"] == ["A", "B"]
    assert codes(result) == [(1, "warning", "gift_unequal_weights")]


def test_several_equals_make_a_multi_question_with_a_warning() -> None:
    result = parse("Các mùa trong năm\\:{=Xuân =Hạ ~Tết}")
    table = result.questions[0].table
    assert (table["type"], table["answer"]) == ("multi", ["A", "B"])
    assert codes(result) == [(1, "warning", "gift_several_right")]


@pytest.mark.parametrize(("mark", "truth"), [("T", True), ("TRUE", True), ("F", False),
                                             ("FALSE", False)])
def test_truefalse_marks(mark: str, truth: bool) -> None:
    assert only(f"Chi bộ họp mỗi tháng một lần.{{{mark}}}")["answer"] is truth


def test_truefalse_feedback_right_answer_first() -> None:
    # Moodle: the first feedback answers a wrong choice, the second the right one.
    table = only("Đảng viên phải sinh hoạt chi bộ.{TRUE#Chưa đúng, hãy xem Điều lệ.#Đúng.}")
    # Each labelled with the answer it is for (a learner who answered right must not
    # read "Chưa đúng" as meant for them).
    assert table["explanation"] == ("Nếu trả lời Đúng: Đúng.\n"
                                    "Nếu trả lời Sai: Chưa đúng, hãy xem Điều lệ.")


def test_short_answer_accepts_every_alternative() -> None:
    table = only("Bốn {=kiên định =kiên định về chính trị} là nội dung cốt lõi.")
    assert table == {"type": "fill", "prompt": "Bốn _____ là nội dung cốt lõi.",
                     "answer": ["kiên định", "kiên định về chính trị"]}
    assert only("Viết số một bằng chữ.{một}")["answer"] == "một"


def test_short_answer_only_full_marks_are_right_partial_ones_said() -> None:
    result = parse("Bác Hồ quê ở tỉnh nào?{=Nghệ An =%50%Nghệ Tĩnh =%0%Hà Tĩnh}")
    assert result.questions[0].table["answer"] == "Nghệ An"
    assert codes(result) == [(1, "warning", "gift_partial_accepted")]


def test_numerical_tolerance_and_range() -> None:
    assert only("Năm thành lập Đảng?{#1930:1}") | {} == {
        "type": "number", "prompt": "Năm thành lập Đảng?", "answer": 1930, "tolerance": 1}
    table = only("Tỷ lệ phần trăm?{#90..100}")
    assert (table["answer"], table["tolerance"]) == (95, 5)
    table = only("Số pi?{#3.141..3.142}")
    assert (Decimal(str(table["answer"])), Decimal(str(table["tolerance"]))) == (
        Decimal("3.1415"), Decimal("0.0005"))
    assert only("Giá trị của âm một?{#-1}")["answer"] == -1


def test_numerical_several_answers_keeps_the_full_one_with_a_warning() -> None:
    result = parse("Năm sinh Chủ tịch Hồ Chí Minh?{#\n=%50%1890:2#Gần đúng.\n=1890#Đúng.\n}")
    table = result.questions[0].table
    assert (table["answer"], "tolerance" in table) == (1890, False)
    assert table["explanation"] == "1890 ± 2: Gần đúng.\n1890: Đúng."
    assert codes(result) == [(1, "warning", "gift_numeric_several")]


@pytest.mark.parametrize("answer", ["một nghìn", "1e400", "NaN", "5:-1", "1..x"])
def test_numerical_not_a_number_is_an_error_at_its_line(answer: str) -> None:
    result = parse(f"Câu một?{{#1}}\n\nNăm nào?{{#\n={answer}\n}}")
    assert len(result.questions) == 1
    assert codes(result) == [(4, "error", "gift_not_a_number")]


def test_matching_pairs_and_a_dropped_distractor() -> None:
    result = parse("Ghép nội dung.{\n=Mục II.2 -> Tuyên truyền\n=Mục IV.1 -> Ban Xây dựng đảng\n"
                   "= -> Mặt trận Tổ quốc\n}")
    assert result.questions[0].table["pairs"] == [["Mục II.2", "Tuyên truyền"],
                                                  ["Mục IV.1", "Ban Xây dựng đảng"]]
    assert codes(result) == [(4, "warning", "gift_match_distractor")]


def test_matching_answer_without_arrow_is_an_error() -> None:
    result = parse("Ghép nội dung.{=Mục II.2 -> Tuyên truyền =Mục IV.1 -> Ban =Mục IV.2}")
    assert result.questions == []
    assert codes(result) == [(1, "error", "gift_match_format")]


def test_essay_and_description_are_skipped_with_warnings_at_their_lines() -> None:
    result = parse("Phần hai: câu hỏi tự luận.\n\n\nTrình bày suy nghĩ của đồng chí.{}\n")
    assert [item.code for item in result.skipped] == ["gift_description", "gift_essay"]
    assert codes(result) == [(1, "warning", "gift_description"), (4, "warning", "gift_essay")]


def test_several_answer_sets_are_skipped() -> None:
    result = parse("Điền {=Bốn} kiên định về {=chính trị}, tư tưởng.")
    assert codes(result) == [(1, "warning", "gift_extra_braces")]


# --- text -----------------------------------------------------------------------------------


def test_every_escape() -> None:
    table = only("Ký hiệu \\~ \\= \\# \\{ \\} \\: và \\\\ trong GIFT\\nlà gì?"
                 "{=Ký tự điều khiển \\= \\~#Đúng\\: phải thoát bằng \\\\ ~Chữ thường}")
    assert table["prompt"] == "Ký hiệu ~ = # { } : và \\ trong GIFT\nlà gì?"
    assert table["choices"] == ["Ký tự điều khiển = ~", "Chữ thường"]
    assert table["explanation"] == "Ký tự điều khiển = ~: Đúng: phải thoát bằng \\"


def test_html_text_is_made_plain() -> None:
    table = only("[html]<p>Nghị quyết <b>số&nbsp;57</b> &amp; <i>Kết luận</i></p><p>Chọn:</p>"
                 "<script>alert(1)</script>{=<p>Đúng</p>#<br><b>Chính xác</b> ~<p>Sai</p>}")
    assert table["prompt"] == "Nghị quyết số 57 & Kết luận\nChọn:"
    assert table["choices"] == ["Đúng", "Sai"]
    assert table["explanation"] == "Đúng: Chính xác"


def test_markdown_text_loses_its_marks_plain_and_moodle_keep_text() -> None:
    assert only("[markdown]Kế hoạch được **phổ biến** đến _toàn thể_ đảng viên?{T}")[
        "prompt"] == "Kế hoạch được phổ biến đến toàn thể đảng viên?"
    assert only("[plain]Chữ <b> giữ nguyên?{T}")["prompt"] == "Chữ <b> giữ nguyên?"
    assert only("[moodle]Câu hỏi\nxuống dòng trong tệp?{T}")["prompt"] == (
        "Câu hỏi xuống dòng trong tệp?")
    assert only("[latex]Không phải định dạng?{T}")["prompt"] == "[latex]Không phải định dạng?"


def test_answers_take_their_own_format() -> None:
    table = only("[html]<p>Chọn</p>{=[plain]<Đúng> ~[html]<b>Sai</b>}")
    assert table["choices"] == ["<Đúng>", "Sai"]


def test_text_is_nfc_without_control_characters() -> None:
    decomposed = unicodedata.normalize("NFD", "Kiên định chủ nghĩa Mác - Lênin?")
    table = only(f"[html]{decomposed}\x1b[31m{{=Đúng ~Sai}}")
    assert table["prompt"] == "Kiên định chủ nghĩa Mác - Lênin?"
    assert unicodedata.is_normalized("NFC", table["choices"][0])


def test_general_and_answer_feedback_make_the_explanation() -> None:
    table = only("Văn bản nào?{\n=Quy định 01#Đúng, mục II.2.(6).\n~Quy định 02\n"
                 "####Xem mục II.2.(6) của Kế hoạch.\n}")
    assert table["explanation"] == ("Xem mục II.2.(6) của Kế hoạch.\n"
                                    "Quy định 01: Đúng, mục II.2.(6).")


def test_choices_speaking_of_the_others_are_not_shuffled() -> None:
    table = only("Nội dung nào đúng?{~Ý một ~Ý hai =Cả A và B đều đúng}")
    assert table["shuffle"] is False
    assert "shuffle" not in only("Nội dung nào đúng?{~Ý một =Ý hai ~Định hướng trên mạng}")


# --- ids, titles, tags -----------------------------------------------------------------------


def test_ids_from_gift_ids_titles_or_text() -> None:
    result = parse("// [id:BKD 01]\n::Câu 1::Hỏi một?{T}\n\n::Câu 2::Hỏi hai?{T}\n\n"
                   "Hỏi ba?{T}\n\n// [id:cau-2]\nHỏi bốn?{T}\n")
    ids = [question.table["id"] for question in result.questions]
    assert ids == ["bkd-01", "cau-2-2", text_id("Hỏi ba?"), "cau-2"]
    assert codes(result) == [(2, "warning", "import_id_changed")]


def test_generated_ids_are_stable() -> None:
    first = parse("Ai là người sáng lập Đảng?{=Hồ Chí Minh ~Trần Phú}").questions[0]
    again = parse("\n\nAi là người sáng lập Đảng?{\n=Hồ Chí Minh\n~Lê Duẩn}").questions[0]
    other = parse("Ai là Tổng Bí thư đầu tiên?{=Trần Phú ~Hồ Chí Minh}").questions[0]
    assert first.table["id"] == again.table["id"] != other.table["id"]


def test_repeated_ids_are_renamed_with_a_warning() -> None:
    result = parse("// [id:c1]\nMột?{T}\n\n// [id:c1]\nHai?{F}\n")
    assert [q.table["id"] for q in result.questions] == ["c1", "c1-2"]
    assert codes(result) == [(5, "warning", "import_duplicate_id")]


def test_category_and_tags_become_tags() -> None:
    result = parse("$CATEGORY: $course$/top/Hội nghị Trung ương 2/Bốn kiên định\n\n"
                   "// [tag:chinh-tri] [tag:tu tuong\\]]\nMột?{T}\n\n$CATEGORY: Chương 2\n\n"
                   "Hai?{F}\n")
    assert [q.table.get("tags") for q in result.questions] == [
        ["Hội nghị Trung ương 2/Bốn kiên định", "chinh-tri", "tu tuong]"], ["Chương 2"]]


def test_our_own_comments_are_read_and_bad_ones_reported() -> None:
    result = parse("// [lesson:ii-2-6] [difficulty:3] [points:2.5] [shuffle:false]\n"
                   "Chọn?{=Một ~Hai}\n\n// [strict:true] [difficulty:9]\nĐiền?{=Bốn}\n")
    first, second = (q.table for q in result.questions)
    assert (first["lesson"], first["difficulty"], first["points"], first["shuffle"]) == (
        "ii-2-6", 3, 2.5, False)
    assert second["strict"] is True
    assert "difficulty" not in second
    assert codes(result) == [(5, "warning", "import_bad_meta")]


# --- bad input ------------------------------------------------------------------------------


def test_the_sample_file_good_questions_converted_bad_ones_said(tmp_path: Path) -> None:
    path = DATA / "gift" / "chi-bo.gift"
    result = parse_gift(path.read_text(encoding="utf-8"), path)
    assert codes(result) == [(38, "warning", "gift_essay"), (40, "warning", "gift_description"),
                             (42, "error", "gift_unclosed_brace"),
                             (44, "error", "gift_no_right_answer")]
    assert result.errors[0].column == 25  # at the brace
    assert [q.table["type"] for q in result.questions] == [
        "single", "multi", "truefalse", "fill", "number", "number", "match", "single",
        "truefalse"]
    questions = load_questions(result, tmp_path)
    first = questions[0]
    assert first.id == "bkd-01"
    # The file's one category is the bank's title, not a tag of every question.
    assert result.title == "Hội nghị Trung ương 2/Bốn kiên định"
    assert first.tags == ("chinh-tri",)
    assert first.correct_choices == (0,)
    assert questions[7].prompt == "Trong GIFT, dấu { và } viết thế nào?"
    assert questions[7].choices == ("Thêm dấu \\ phía trước", "Viết hai lần liền")


@pytest.mark.parametrize(("text", "expected"), [
    ("Câu hỏi {=Đúng ~Sai\n\nCâu sau?{T}", [(1, "error", "gift_unclosed_brace")]),
    ("Câu hỏi =Đúng ~Sai}\n\nCâu sau?{T}", [(1, "error", "gift_unopened_brace")]),
    ("Câu hỏi?{~Một ~Hai}\n\nCâu sau?{T}", [(1, "error", "gift_no_right_answer")]),
    ("Câu hỏi?{~%0%Một =%0%Hai}\n\nCâu sau?{T}", []),
    ("Câu hỏi?{#=%0%1}\n\nCâu sau?{T}", [(1, "error", "gift_no_right_answer")]),
    ("Câu hỏi?{~Chỉ một}\n\nCâu sau?{T}", [(1, "error", "gift_too_few_answers")]),
])
def test_bad_question_said_the_next_one_converted(text: str,
                                                  expected: list[tuple[int, str, str]]) -> None:
    result = parse(text)
    assert codes(result) == expected
    assert result.questions[-1].table["prompt"] == "Câu sau?"


def test_blank_line_inside_braces_ends_the_question_as_in_moodle() -> None:
    result = parse("Câu hỏi?{\n=Đúng\n\n~Sai\n}\n")
    assert codes(result) == [(1, "error", "gift_unclosed_brace"),
                             (5, "error", "gift_unopened_brace")]


@pytest.mark.parametrize("text", ["", "\n\n  \n", "// chỉ có chú thích\n// [id:x]\n"])
def test_empty_file_is_an_error_at_line_1(text: str) -> None:
    result = parse(text)
    assert result.items == []
    assert codes(result) == [(1, "error", "import_empty")]


def test_too_many_choices_are_skipped() -> None:
    answers = " ".join(f"~Ý {number}" for number in range(9))
    result = parse(f"Chọn một?{{=Đúng {answers}}}")
    assert codes(result) == [(1, "warning", "import_choice_count")]


def test_duplicate_choices_are_skipped() -> None:
    result = parse("Chọn một?{=Đúng ~Sai ~sai ~Sai}")
    assert codes(result) == [(1, "warning", "import_duplicate_choice")]


def test_line_endings_of_every_kind() -> None:
    result = parse("Một?{T}\r\n\r\nHai\rba?{F}\r\rBốn?{T}")
    assert [q.table["prompt"] for q in result.questions] == ["Một?", "Hai ba?", "Bốn?"]


WORDS = st.sampled_from(["Đảng", " viên", " chi bộ", " kiên định", " ", "\\=", "\\~", "\\#",
                         "\\{", "\\}", "\\:", "\\\\", "\\n", "=", "~", "#", ":", "->", "%50%",
                         "\\", "..", "<b>", "&amp;", "**", "_", "[html]", "\u0301", "\x1b[2J",
                         "A)", "1", "2.5", "-3", "\n"])
TEXT = st.lists(WORDS, min_size=1, max_size=6).map("".join)
MARKS = st.sampled_from(["=", "~", "~%50%", "=%25%", "~%-100%", "~%33.3%", ""])
ANSWER = st.tuples(MARKS, TEXT, st.sampled_from(["", "#"]), st.sampled_from(["", "Vì sao"])
                   ).map("".join)
BODY = st.one_of(
    st.lists(ANSWER, max_size=9).map(" ".join),
    st.sampled_from(["T", "F", "TRUE#Sai#Đúng", "FALSE####Giải thích", ""]),
    st.lists(st.sampled_from(["1930", "1930:2", "90..100", "=%50%1:1", "=x", "~#sai"]),
             min_size=1, max_size=3).map(lambda parts: "#" + " ".join(parts)),
    st.lists(st.tuples(TEXT, TEXT).map(lambda pair: f"={pair[0]} -> {pair[1]}"),
             max_size=9).map(" ".join),
)
QUESTION = st.tuples(st.sampled_from(["", "// [id:Câu 1]\n", "::Tiêu đề::", "[html]",
                                      "[markdown]", "$CATEGORY: Chương 1\n"]),
                     TEXT, BODY, st.sampled_from(["", "{", "}", " đúng không?", "\n{#1}"])
                     ).map(lambda parts: f"{parts[0]}{parts[1]}{{{parts[2]}}}{parts[3]}")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(QUESTION, min_size=1, max_size=6).map("\n\n".join))
def test_any_gift_gives_questions_the_loader_takes(text: str) -> None:
    import tempfile  # noqa: PLC0415 - Hypothesis runs the test many times

    result = parse(text)
    assert len(result.items) >= 1 or result.errors
    for problem in result.problems:
        assert problem.line >= 1
        assert problem.message()
    if result.questions:
        with tempfile.TemporaryDirectory() as folder:
            questions = load_questions(result, Path(folder))
        assert len(questions) == len(result.questions)


def test_importing_modules_leave_textual_out() -> None:
    modules = ", ".join(f"studyapp.importing.{name}" for name in
                        ("gift", "aiken", "common", "moodle_out", "textformats"))
    code = (f"import sys, {modules}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))")
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert output.stdout.strip() == "[]"
