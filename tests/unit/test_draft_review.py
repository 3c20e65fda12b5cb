"""The author's decisions on draft questions written back to the bank file (issue 15,
part 3): comments, order and the other questions kept byte for byte; a bad edit refused
with the loader's located message and the file untouched; escape codes cleaned."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.content.banks import load_bank
from studyapp.content.problems import ProblemLog
from studyapp.importing.draft_review import DraftReviewError, accept, edit, reject

BANK = '''# Câu hỏi nháp: do người soạn duyệt
format = 1
id = "nhap"
title = "Câu hỏi nháp"

# Câu một: danh sách
[[questions]]
id = "nhap-1"
type = "single"
prompt = "Theo mục II.1, nội dung nào được nêu?"  # lời nhắc
choices = ["Một", "Hai", "Ba"]
answer = "B"
explanation = "Theo mục II.1: “Hai”"
status = "draft"

# Câu hai: điền
[[questions]]
id = "nhap-2"
type = "fill"
prompt = "Điền vào chỗ trống: “___”"
answer = "đi trước, mở đường"
status = "draft"

# Câu ba
[[questions]]
id = "nhap-3"
type = "multi"
prompt = "Những nội dung nào?"
choices = ["A1", "B1", "C1", "D1"]
answer = ["A", "C"]
status = "draft"
'''


def blocks(text: str) -> list[str]:
    """The file cut at each question's comment block: `# Câu …` to the next."""
    parts = text.split("\n# Câu ")
    return [parts[0], *("# Câu " + part for part in parts[1:])]


def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "nhap.toml"
    path.write_text(BANK, encoding="utf-8")
    return path


def loaded(path: Path):
    log = ProblemLog()
    bank = load_bank(path, "p", log)
    assert bank is not None
    assert not log.errors
    return bank


def test_accept_removes_only_the_status_line(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    accept(path, "nhap-2")
    text = path.read_text(encoding="utf-8")
    before, after = blocks(BANK), blocks(text)
    assert after[0] == before[0]
    assert after[1] == before[1]
    assert after[3] == before[3]
    assert after[2] == before[2].replace('status = "draft"\n', "")
    bank = loaded(path)
    assert [q.id for q in bank.questions] == ["nhap-2"]
    assert [q.id for q in bank.drafts] == ["nhap-1", "nhap-3"]


def test_reject_takes_the_question_and_its_comment_and_nothing_else(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    reject(path, "nhap-2")
    text = path.read_text(encoding="utf-8")
    before = blocks(BANK)
    assert blocks(text) == [before[0], before[1], before[3]]
    assert "Câu hai" not in text
    assert "nhap-2" not in text
    reject(path, "nhap-1")  # the first: its comment sits in the bank's own part
    assert blocks(path.read_text(encoding="utf-8")) == [before[0], before[3]]
    reject(path, "nhap-3")  # the last
    text = path.read_text(encoding="utf-8")
    assert text.startswith(before[0].rstrip("\n"))
    assert "[[questions]]" not in text
    assert "# Câu hỏi nháp: do người soạn duyệt" in text
    bank = loaded(path)
    assert bank.questions == ()
    assert bank.drafts == ()


def test_edit_sets_values_in_place_and_keeps_the_rest(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    edit(path, "nhap-1", {"prompt": "Theo mục II.1, điều gì được nêu?",
                          "choices": ["Một", "Hai", "Ba", "Bốn"], "answer": "D",
                          "explanation": "Theo mục II.1: “Bốn”"})
    text = path.read_text(encoding="utf-8")
    before, after = blocks(BANK), blocks(text)
    assert after[0] == before[0]
    assert after[2:] == before[2:]
    assert 'prompt = "Theo mục II.1, điều gì được nêu?"  # lời nhắc\n' in after[1]
    assert 'choices = ["Một", "Hai", "Ba", "Bốn"]\n' in after[1]
    question = loaded(path).drafts[0]
    assert question.choices[question.correct_choices[0]] == "Bốn"


def test_a_key_added_goes_after_the_last_key_not_under_the_next_comment(tmp_path: Path
                                                                         ) -> None:
    path = bank_file(tmp_path)
    edit(path, "nhap-2", {"explanation": "Theo mục I: “đi trước, mở đường”"})
    text = path.read_text(encoding="utf-8")
    before, after = blocks(BANK), blocks(text)
    assert after[3] == before[3]
    assert after[1] == before[1]
    assert after[2].endswith('status = "draft"\nexplanation = "Theo mục I: “đi trước, mở '
                             'đường”"\n')
    assert loaded(path).drafts[1].explanation == "Theo mục I: “đi trước, mở đường”"


def test_a_bad_edit_is_refused_at_its_place_and_the_file_untouched(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    with pytest.raises(DraftReviewError) as refused:
        edit(path, "nhap-1", {"answer": "E"})
    assert path.read_text(encoding="utf-8") == BANK
    problem = refused.value.problems[0]
    assert problem.path == path
    assert problem.line == 12
    assert "E" in problem.format()
    with pytest.raises(DraftReviewError):
        edit(path, "nhap-1", {"prompt": ""})  # a question needs its prompt
    assert path.read_text(encoding="utf-8") == BANK
    assert list(tmp_path.iterdir()) == [path]  # no temporary file left


def test_an_unknown_question_is_refused(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    with pytest.raises(DraftReviewError):
        accept(path, "khong-co")
    assert path.read_text(encoding="utf-8") == BANK


def test_escape_codes_in_an_edit_are_cleaned(tmp_path: Path) -> None:
    path = bank_file(tmp_path)
    edit(path, "nhap-1", {"prompt": "Theo \x1b[31mmục\x1b[0m II.1,\x07 nội dung\x1b]52;c;eA==\x07"
                                    " nào\u202e?",
                          "choices": ["Một\x1b[2J", "Hai\nba", "Ba"]})
    text = path.read_text(encoding="utf-8")
    assert "\\u001b" not in text
    assert "\\u0007" not in text
    assert "\u202e" not in text
    question = loaded(path).drafts[0]
    assert question.prompt == "Theo mục II.1, nội dung nào?"
    assert question.choices == ("Một", "Hai ba", "Ba")
