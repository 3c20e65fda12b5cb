"""Aiken import: Moodle's rules and each of Moodle's errors at Moodle's line, in Vietnamese."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.content.banks import load_bank
from studyapp.content.problems import ProblemLog
from studyapp.importing.aiken import parse_aiken
from studyapp.importing.common import ImportResult, bank_table, dump_bank
from tests.conftest import DATA


def parse(text: str) -> ImportResult:
    return parse_aiken(text, Path("cau-hoi.txt"))


def codes(result: ImportResult) -> list[tuple[int, str, str]]:
    return [(problem.line, str(problem.severity), problem.code) for problem in result.problems]


GOOD = """Ai là Tổng Bí thư đầu tiên của Đảng?
A) Trần Phú
B) Lê Hồng Phong
C) Hà Huy Tập
ANSWER: A

Hội nghị Trung ương lần thứ hai khóa XIV bàn về nội dung gì?
A. Công tác xây dựng Đảng
B. Kinh tế - xã hội
ANSWER: B
"""


def test_good_file_both_option_styles(tmp_path: Path) -> None:
    result = parse(GOOD)
    assert result.problems == []
    first, second = (question.table for question in result.questions)
    assert first == {"id": first["id"], "type": "single",
                     "prompt": "Ai là Tổng Bí thư đầu tiên của Đảng?",
                     "choices": ["Trần Phú", "Lê Hồng Phong", "Hà Huy Tập"], "answer": "A"}
    assert (second["choices"], second["answer"]) == (["Công tác xây dựng Đảng",
                                                      "Kinh tế - xã hội"], "B")
    path = tmp_path / "aiken.toml"
    path.write_text(dump_bank(bank_table(result.questions, bank_id="aiken", title="Aiken")),
                    encoding="utf-8")
    log = ProblemLog()
    bank = load_bank(path, "goi", log)
    assert bank is not None
    assert not log.errors
    assert [q.correct_choices for q in bank.questions] == [(0,), (1,)]


def test_moodle_error_file_errors_at_moodle_lines() -> None:
    """Moodle's own test file (question/format/aiken/tests/fixtures/aiken_errors.txt),
    in Vietnamese: the same errors at the same lines, the two good questions kept."""
    path = DATA / "aiken" / "loi-moodle.txt"
    result = parse_aiken(path.read_text(encoding="utf-8"), path)
    assert codes(result) == [
        (3, "error", "aiken_too_few_answers"),  # Question must have at least 2 answers
        (5, "error", "aiken_not_started"),  # Question not started
        (7, "error", "aiken_not_started"),
        (18, "error", "aiken_not_completed"),  # not completed before next question start
    ]
    assert "«Câu hỏi có quá ít lựa chọn»" in result.problems[0].message()
    assert "(dòng 14)" in result.problems[3].message()
    assert [q.table["prompt"] for q in result.questions] == ["Một câu hỏi đúng mẫu",
                                                             "Câu hỏi đúng mẫu thứ hai"]
    assert result.questions[1].table["choices"] == ["Sai (không có dấu cách)",
                                                    "Đúng (không có dấu cách)"]
    assert result.questions[1].table["answer"] == "B"
    assert [(item.line, item.code) for item in result.skipped] == [
        (1, "aiken_too_few_answers"), (14, "aiken_not_completed")]


def test_question_line_that_looks_like_an_option() -> None:
    path = DATA / "aiken" / "lenin.aiken"
    result = parse_aiken(path.read_text(encoding="utf-8"), path)
    assert codes(result) == [(1, "warning", "aiken_looks_like_option"),
                             (1, "error", "aiken_not_started"), (2, "error", "aiken_not_started"),
                             (3, "error", "aiken_not_started"), (4, "error", "aiken_not_started")]
    assert "«V.»" in result.problems[0].message()
    # The next question is read, and "Cả A và B đều sai" keeps its place.
    assert [q.table["prompt"] for q in result.questions] == ["Chủ tịch Hồ Chí Minh sinh năm nào?"]
    assert result.questions[0].table["shuffle"] is False


def test_option_out_of_order_inside_a_question_warns() -> None:
    text = ("Câu hỏi một?\nA) Một\nB) Hai\nC.Mác và Ph.Ăngghen là ai?\nANSWER: A\n")
    result = parse(text)
    assert codes(result) == []  # C is the next letter: an option, as Moodle reads it
    result = parse("Câu hỏi một?\nA) Một\nB) Hai\nV.I. Lênin là ai?\nANSWER: A\n")
    assert codes(result) == [(4, "warning", "aiken_looks_like_option")]
    assert result.questions[0].table["choices"] == ["Một", "Hai", "I. Lênin là ai?"]


def test_question_left_open_at_the_end() -> None:
    result = parse(GOOD + "\nCâu hỏi cuối chưa có đáp án?\nA) Có\nB) Không\n")
    assert codes(result) == [(12, "error", "aiken_unfinished")]
    assert len(result.questions) == 2


@pytest.mark.parametrize(("answer", "expected"), [("ANSWER: D", "aiken_bad_answer"),
                                                  ("ANSWER:", "aiken_bad_answer")])
def test_answer_letter_without_option(answer: str, expected: str) -> None:
    result = parse(f"Chọn một?\nA) Một\nB) Hai\nC) Ba\n{answer}\n\n" + GOOD)
    assert codes(result) == [(5, "error", expected)]
    assert len(result.questions) == 2


def test_lower_case_answer_letter_is_read() -> None:
    result = parse("Chọn một?\nA) Một\nB) Hai\nANSWER: b\n")
    assert result.questions[0].table["answer"] == "B"


def test_answer_line_written_another_way_is_said() -> None:
    result = parse("Chọn một?\nA) Một\nB) Hai\nĐáp án: B\n\nCâu sau?\nA) Có\nB) Không\n"
                   "ANSWER: A\n")
    assert codes(result) == [(4, "warning", "aiken_answer_spelling"),
                             (4, "error", "aiken_not_completed"),
                             (6, "error", "aiken_not_completed")]
    assert [q.table["prompt"] for q in result.questions] == ["Câu sau?"]


def test_more_choices_than_a_bank_takes_are_skipped() -> None:
    options = "\n".join(f"{letter}) Ý {letter}" for letter in "ABCDEFGHI")
    result = parse(f"Chọn một?\n{options}\nANSWER: A\n")
    assert codes(result) == [(1, "warning", "import_choice_count")]
    assert result.questions == []


def test_duplicate_or_empty_options_are_skipped() -> None:
    result = parse("Chọn một?\nA) Một\nB) Một\nANSWER: A\n\nChọn hai?\nA) Có\nB)\nANSWER: A\n")
    assert codes(result) == [(1, "warning", "import_duplicate_choice"),
                             (6, "warning", "import_empty_option")]


def test_empty_file_and_short_lines() -> None:
    assert codes(parse("")) == [(1, "error", "import_empty")]
    result = parse("x\n\nChọn một?\n \nA) Một\nB) Hai\nANSWER: A\n")
    assert result.problems == []  # lines of one character are ignored, as in Moodle
    assert result.questions[0].line == 3


def test_windows_and_old_mac_line_endings() -> None:
    result = parse("Chọn một?\r\nA) Một\r\nB) Hai\r\nANSWER: B\r\rCâu hai?\rA) Có\rB) Không\r"
                   "ANSWER: A")
    assert [q.table["answer"] for q in result.questions] == ["B", "A"]


def test_same_question_text_same_id_stable_across_files() -> None:
    first = parse(GOOD).questions[0].table["id"]
    again = parse("Dòng thừa\nA) x\nB) y\nANSWER: A\n\n" + GOOD).questions[1].table["id"]
    assert first == again
    assert first != parse(GOOD).questions[1].table["id"]
