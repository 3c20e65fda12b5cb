"""Question banks: every validator error at its line, broken banks skipped, the rest loads."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from studyapp.cli import main
from studyapp.content.banks import MAX_QUESTIONS
from studyapp.content.loading import load_catalog
from tests.conftest import DATA, REPO, lesson_text, make_pack, write

BROKEN = DATA / "broken-banks"


@pytest.fixture(scope="module")
def result():  # type: ignore[no-untyped-def]
    return load_catalog([BROKEN])


def test_validator_lines_for_every_broken_bank(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(REPO)
    code = main(["validate", os.path.join("tests", "data", "broken-banks"), "--lang", "en"])
    out, err = capsys.readouterr()
    expected = (BROKEN / "expected-en.txt").read_text(encoding="utf-8")
    assert out == expected.replace("tests/data/broken-banks", os.path.join("tests", "data",
                                                                          "broken-banks"))
    assert code == 1
    assert "bp: 2 lessons, 4 questions (single 1, multi 0, truefalse 1, fill 1, number 1" in err


def test_broken_banks_are_skipped_and_the_rest_loads(result) -> None:  # type: ignore[no-untyped-def]
    catalog = result.catalog
    assert [bank.id for bank in catalog.banks] == ["ok-1", "ok-2", "nfd"]
    assert {path.name for path in result.skipped} >= {
        "03-syntax.toml", "04-latin1.toml", "09-letters.toml", "11-dup-bank.toml",
        "12-lesson.toml", "16-nested.toml"}


def test_question_ids_may_repeat_across_banks(result) -> None:  # type: ignore[no-untyped-def]
    catalog = result.catalog
    assert catalog.question("ok-1/q1").type == "single"
    assert catalog.question("ok-2/q1").type == "number"
    assert catalog.question("ok-2/q1").number == Decimal(14)


def test_markup_is_literal_and_escapes_are_removed(result) -> None:  # type: ignore[no-untyped-def]
    question = result.catalog.question("ok-1/q1")
    assert question.prompt == ("Ngoặc [b]đậm[/] [link=x]y[/link] [@click=app.quit]thoát[/] "
                               "đỏ?")
    assert question.choices == ("[/]", "[b]B", "C")
    assert question.correct_choices == (1,)
    assert question.explanation == "Mục I: [b]."


def test_defaults_and_full_ids(result) -> None:  # type: ignore[no-untyped-def]
    fill = result.catalog.question("ok-1/q2")
    assert fill.lesson == "l1"  # the bank's default lesson
    assert fill.accepted == ("xây", "xây dựng")
    assert fill.full_id == "ok-1/q2"


def test_content_hash_changes_with_what_is_asked(tmp_path: Path) -> None:
    def hashes(prompt: str, explanation: str) -> str:
        folder = tmp_path / prompt.replace(" ", "") / explanation.replace(" ", "")
        make_pack(folder, lessons={"a.md": lesson_text("a")})
        write(folder / "demo" / "banks" / "b.toml",
              f'format = 1\nid = "b"\ntitle = "B"\n[[questions]]\nid = "q"\ntype = "truefalse"\n'
              f'prompt = "{prompt}"\nanswer = true\nexplanation = "{explanation}"\nlesson = "a"\n')
        return load_catalog([folder]).catalog.question("b/q").content_hash

    first = hashes("Đúng không?", "Mục I.")
    assert hashes("Đúng không?", "Mục I, đoạn 2.") == first  # the explanation is not asked
    assert hashes("Sai không?", "Mục I.") != first


def test_a_bank_of_60000_questions_is_refused_clearly(tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={"a.md": lesson_text("a")})
    question = '[[questions]]\nid = "q{}"\ntype = "truefalse"\nprompt = "?"\nanswer = true\n'
    write(tmp_path / "demo" / "banks" / "huge.toml",
          'format = 1\nid = "huge"\ntitle = "Rất lớn"\n' +
          "".join(question.format(i) for i in range(60_000)))
    loaded = load_catalog([tmp_path])
    [problem] = loaded.errors
    assert problem.code == "too_many_questions"
    assert f"60000 questions, at most {MAX_QUESTIONS}" in problem.message("en")
    assert loaded.catalog.has_lesson("a")  # the rest of the pack still loads


def test_escape_codes_written_as_toml_escapes_are_removed_too(tmp_path: Path) -> None:
    """`"\\u001b[2J"` is plain ASCII in the file and an escape sequence once
    parsed: it is cleaned like one typed into the file, with a warning there."""
    folder = make_pack(tmp_path, "p", lessons={"a.md": lesson_text("l1")})
    write(folder / "banks" / "b.toml", 'format = 1\nid = "b"\ntitle = "B"\nlesson = "l1"\n\n'
          '[[questions]]\nid = "q1"\ntype = "truefalse"\n'
          'prompt = "Xoá màn hình \\u001b[2J và đỏ \\u001b[31mchữ\\u001b[0m\\u200b?"\n'
          'answer = true\nexplanation = "Vì \\u0065\\u0301 thế."\n')
    result = load_catalog([tmp_path])
    question = result.catalog.question("b/q1")
    assert question.prompt == "Xoá màn hình  và đỏ chữ?"
    assert question.explanation == "Vì é thế."  # NFC once parsed, like the file's own text
    [warning] = [p for p in result.problems if p.code == "control_chars"]
    assert (warning.path.name, warning.line) == ("b.toml", 9)  # the prompt
    assert not result.errors
