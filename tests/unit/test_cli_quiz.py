"""`studyapp questions` and `studyapp paper` in every format, and search over questions."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS
from tests.conftest import lesson_text, make_pack, run_cli, write

Capture = pytest.CaptureFixture[str]




def test_questions_json_shape(capsys: Capture, catalog: Catalog) -> None:
    code, out, _ = run_cli(capsys, "questions", "--format", "json")
    assert code == 0
    questions = json.loads(out)
    assert len(questions) == len(catalog.questions) >= 200
    keys = {"id", "bank", "pack", "type", "prompt", "choices", "answer", "items", "pairs",
            "explanation", "lesson", "tags", "difficulty", "points"}
    for question in questions:
        assert keys <= set(question)
        kind = question["type"]
        assert (question["choices"] is None) == (kind not in ("single", "multi"))
        assert (question["items"] is None) == (kind != "order")
        assert (question["pairs"] is None) == (kind != "match")
        assert (question["answer"] is None) == (kind in ("order", "match"))
        if kind == "single":
            assert question["answer"] in LETTERS[:len(question["choices"])]


def test_questions_filters(capsys: Capture) -> None:
    _, out, _ = run_cli(capsys, "questions", "--format", "json", "--lesson", "bon-kien-dinh",
                    "--type", "fill", "--difficulty", "1", "--difficulty", "2")
    questions = json.loads(out)
    assert questions
    assert {q["type"] for q in questions} == {"fill"}
    assert {q["difficulty"] for q in questions} <= {1, 2}
    assert all(q["lesson"] == "bon-kien-dinh" or q["lesson"].startswith("bkd-")
               for q in questions)


def test_a_filter_that_names_nothing_is_a_usage_error(capsys: Capture) -> None:
    code, _, err = run_cli(capsys, "questions", "--lesson", "bon-kien-dnh")
    assert code == 2
    assert "bon-kien-dinh" in err  # did you mean


def test_questions_text(capsys: Capture) -> None:
    code, out, _ = run_cli(capsys, "questions", "--bank", "bon-kien-dinh", "--type", "single")
    assert code == 0
    assert "bon-kien-dinh/bkd-" in out
    assert "  ✓" in out


def test_paper_is_the_same_for_the_same_seed(capsys: Capture) -> None:
    _, first, _ = run_cli(capsys, "paper", "--count", "20", "--seed", "7", "--format", "json")
    _, again, _ = run_cli(capsys, "paper", "--count", "20", "--seed", "7", "--format", "json")
    _, other, _ = run_cli(capsys, "paper", "--count", "20", "--seed", "8", "--format", "json")
    assert first == again
    assert first != other
    paper = json.loads(first)
    assert paper["seed"] == 7
    assert len(paper["questions"]) == 20
    assert len({q["id"] for q in paper["questions"]}) == 20


def test_paper_json_answers_use_the_letters_shown(capsys: Capture, catalog: Catalog) -> None:
    _, out, _ = run_cli(capsys, "paper", "--count", "60", "--seed", "3", "--format", "json")
    for shown in json.loads(out)["questions"]:
        question = catalog.question(shown["id"])
        if question.type == "single":
            right = question.choices[question.correct_choices[0]]
            assert shown["choices"][LETTERS.index(shown["answer"])] == right
        if question.type == "order":
            in_order = [shown["items"][LETTERS.index(letter)] for letter in shown["answer"]]
            assert in_order == list(question.items)
        if question.type == "match":
            rights = [shown["pairs"][LETTERS.index(letter)][1] for letter in shown["answer"]]
            assert rights == [right for _, right in question.pairs]


def test_paper_markdown_and_answer_key(capsys: Capture) -> None:
    _, paper, _ = run_cli(capsys, "paper", "--count", "12", "--seed", "5", "--format", "md")
    _, key, _ = run_cli(capsys, "paper", "--count", "12", "--seed", "5", "--format", "md",
                    "--answer-key")
    assert paper.startswith("# BÀI KIỂM TRA")
    assert "Mã đề: 5" in paper
    assert "Họ và tên:" in paper
    assert len(re.findall(r"^\*\*Câu \d+\.\*\*", paper, re.MULTILINE)) == 12
    assert key.startswith("# ĐÁP ÁN")
    assert len(re.findall(r"^\*\*Câu \d+:\*\*", key, re.MULTILINE)) == 12
    assert "Mục " in key  # explanations name the passage


def test_paper_html_is_self_contained_and_escaped(capsys: Capture) -> None:
    _, page, _ = run_cli(capsys, "paper", "--count", "30", "--seed", "9", "--format", "html")
    assert page.startswith("<!DOCTYPE html>")
    assert "@page { size: A4" in page
    assert "http://" not in page
    assert "https://" not in page
    assert "<script" not in page
    assert page.count('class="question"') == 30


def test_paper_html_escapes_content(capsys: Capture, tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={"a.md": lesson_text("a")})
    write(tmp_path / "demo" / "banks" / "b.toml",
          'format = 1\nid = "b"\ntitle = "B"\nlesson = "a"\n[[questions]]\nid = "q"\n'
          'type = "single"\nprompt = "<script>alert(1)</script> & [b]?"\n'
          'choices = ["<b>x</b>", "y & z"]\nanswer = "A"\nexplanation = "<i>"\n')
    for key in ([], ["--answer-key"]):
        _, page, _ = run_cli(capsys, "paper", "--content", str(tmp_path), "--count", "1",
                         "--seed", "1", "--format", "html", *key)
        assert "<script>" not in page
        assert "<b>x</b>" not in page
        assert "<i>" not in page.split("</style>")[1]
        if not key:
            assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; [b]?" in page
            assert "&lt;b&gt;x&lt;/b&gt;" in page


def test_paper_errors(capsys: Capture) -> None:
    code, _, err = run_cli(capsys, "paper", "--count", "5000")
    assert code == 1
    assert "chỉ có" in err
    assert "Traceback" not in err
    code, _, err = run_cli(capsys, "paper", "--count", "5", "--answer-key")
    assert code == 2
    assert "--seed" in err


def test_search_finds_the_lesson_and_the_questions_about_it(capsys: Capture) -> None:
    _, out, _ = run_cli(capsys, "search", "đồng nai", "--format", "json", "--limit", "10")
    hits = json.loads(out)
    assert hits[0] == {**hits[0], "kind": "lesson", "id": "ii-2-13"}
    questions = [hit for hit in hits if hit["kind"] == "question"]
    assert questions
    assert all("Đồng Nai" in hit["title"] or "đồng nai" in hit["snippet"].lower()
               for hit in questions)
