"""GIFT and Aiken export, and round trips: bank → GIFT → bank gives the same questions."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.banks import load_bank
from studyapp.content.catalog import Catalog
from studyapp.content.model import Bank, Question
from studyapp.content.problems import ProblemLog
from studyapp.importing.aiken import parse_aiken
from studyapp.importing.common import (
    ImportedQuestion,
    ImportResult,
    SkippedItem,
    bank_table,
    dump_bank,
    number_value,
)
from studyapp.importing.gift import parse_gift
from studyapp.importing.moodle_out import gift_escape, write_aiken, write_gift
from tests.conftest import DATA


class Skips:
    """The questions an export could not write, with the reason's code."""

    def __init__(self) -> None:
        self.seen: list[tuple[str, str, dict[str, object]]] = []

    def __call__(self, question: Question, code: str, /, **params: object) -> None:
        self.seen.append((question.id, code, params))


def load(table: dict[str, Any], folder: Path) -> Bank:
    path = folder / f"{table['id']}-{len(list(folder.iterdir()))}.toml"
    path.write_text(tomli_w.dumps(table), encoding="utf-8")
    log = ProblemLog()
    bank = load_bank(path, "goi", log)
    assert bank is not None, [problem.format() for problem in log.errors]
    return bank


def to_bank(result: ImportResult, folder: Path, bank_id: str = "ngan-hang") -> Bank:
    assert not result.errors, [problem.format() for problem in result.errors]
    return load(bank_table(result.questions, bank_id=bank_id, title="Ngân hàng"), folder)


def gift_round_trip(bank: Bank, folder: Path) -> tuple[Bank, str, Skips]:
    skips = Skips()
    text, written = write_gift(bank.questions, skips, heading=f"{bank.id}: {bank.title}")
    assert written == len(bank.questions) - len(skips.seen)
    again = to_bank(parse_gift(text, Path("xuat.gift")), folder, bank.id)
    return again, text, skips


def test_gift_escape_covers_every_control_character() -> None:
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_sample_gift_to_bank_to_gift_to_bank(tmp_path: Path) -> None:
    path = DATA / "gift" / "chi-bo.gift"
    first = parse_gift(path.read_text(encoding="utf-8"), path)
    good: list[ImportedQuestion | SkippedItem] = [*first.questions]
    bank = to_bank(ImportResult(first.path, good), tmp_path)  # its bad questions left out
    again, text, skips = gift_round_trip(bank, tmp_path)
    assert skips.seen == []
    assert again.questions == bank.questions
    assert "\n// [tag:chinh-tri]\n" in text  # the one category is the title, not a tag
    assert "::bkd-01::Theo Kế hoạch" in text
    # Written again, the same text: the format is stable.
    third, text_again, _ = gift_round_trip(again, tmp_path)
    assert (text_again, third.questions) == (text, bank.questions)


def test_bundled_banks_survive_gift(catalog: Catalog, tmp_path: Path) -> None:
    """Every bundled question but `order` ones comes back equal: text, answers,
    explanation, lesson, tags, difficulty, points, shuffle, and so its hash."""
    for bank in catalog.banks:
        again, _, skips = gift_round_trip(bank, tmp_path)
        orders = [q.id for q in bank.questions if q.type == "order"]
        assert [(qid, code) for qid, code, _ in skips.seen] == [
            (qid, "export_not_gift") for qid in orders]
        kept = [q for q in bank.questions if q.type != "order"]
        assert again.questions == tuple(kept)
        assert [q.content_hash for q in again.questions] == [q.content_hash for q in kept]


def test_multi_weights_share_100_and_wrong_ones_take_away(tmp_path: Path) -> None:
    bank = load({"format": 1, "id": "nhieu", "title": "Nhiều đáp án", "questions": [
        {"id": "n1", "type": "multi", "prompt": "Chọn các ý đúng?",
         "choices": ["Một", "Hai", "Ba", "Bốn"], "answer": ["A", "C", "D"]}]}, tmp_path)
    text, _ = write_gift(bank.questions, Skips())
    assert "\t~%33.33333%Một\n\t~%-33.33333%Hai\n\t~%33.33333%Ba\n" in text
    again, _, _ = gift_round_trip(bank, tmp_path)
    assert again.questions == bank.questions


def test_text_that_gift_would_misread_is_protected(tmp_path: Path) -> None:
    bank = load({"format": 1, "id": "la", "title": "Lạ", "questions": [
        {"id": "l1", "type": "single", "prompt": "[html]<b>không phải HTML</b>",
         "choices": ["%50% số phần trăm", "[markdown]**đậm**"], "answer": "A",
         "explanation": "Dòng một\n\nDòng ba: {a} = ~b #c \\d"},
        {"id": "l2", "type": "fill", "prompt": "Điền?", "answer": ["%25%", "TRUE"]},
        {"id": "l3", "type": "fill", "prompt": "Mũi tên?", "answer": "a -> b"},
        {"id": "l4", "type": "match", "prompt": "Ghép?",
         "pairs": [["a -> b", "c"], ["d", "e"]]},
        {"id": "l5", "type": "order", "prompt": "Sắp xếp?", "items": ["Một", "Hai", "Ba"]},
    ]}, tmp_path)
    again, _, skips = gift_round_trip(bank, tmp_path)
    assert [(qid, code) for qid, code, _ in skips.seen] == [
        ("l3", "export_gift_arrow"), ("l4", "export_gift_arrow"), ("l5", "export_not_gift")]
    assert again.questions == bank.questions[:2]


def test_aiken_writes_single_questions_and_reports_the_others(tmp_path: Path) -> None:
    bank = load({"format": 1, "id": "aiken", "title": "Aiken", "questions": [
        {"id": "a1", "type": "single", "prompt": "Ai là Tổng Bí thư đầu tiên\ncủa Đảng?",
         "choices": ["Trần Phú", "Lê Hồng Phong"], "answer": "A", "explanation": "Mất đi."},
        {"id": "a2", "type": "truefalse", "prompt": "Đúng không?", "answer": True},
        {"id": "a3", "type": "single", "prompt": "A. Câu bắt đầu như lựa chọn",
         "choices": ["Có", "Không"], "answer": "B"},
        {"id": "a4", "type": "single", "prompt": "Chọn một?", "choices": ["Có", "Không"],
         "answer": "B"},
    ]}, tmp_path)
    skips = Skips()
    text, written = write_aiken(bank.questions, skips)
    assert written == 2
    assert [(qid, code) for qid, code, _ in skips.seen] == [("a2", "export_not_aiken"),
                                                            ("a3", "export_aiken_prompt")]
    assert skips.seen[0][2] == {"type": "truefalse"}
    assert text == ("Ai là Tổng Bí thư đầu tiên của Đảng?\nA) Trần Phú\nB) Lê Hồng Phong\n"
                    "ANSWER: A\n\nChọn một?\nA) Có\nB) Không\nANSWER: B\n")
    back = parse_aiken(text, Path("xuat.txt"))
    assert back.problems == []
    assert [(q.table["prompt"], q.table["choices"], q.table["answer"])
            for q in back.questions] == [
        ("Ai là Tổng Bí thư đầu tiên của Đảng?", ["Trần Phú", "Lê Hồng Phong"], "A"),
        ("Chọn một?", ["Có", "Không"], "B")]


def test_nothing_to_write_gives_empty_text() -> None:
    assert write_aiken([], Skips()) == ("", 0)
    assert write_gift([], Skips()) == ("", 0)


# --- any bank survives GIFT ----------------------------------------------------------------

WORD = st.text(alphabet="aăâbdđeêghiklmnoôơpqrstuưvxyĐẢỆ{}=~#:\\%->[]<>&/_.19", min_size=1,
               max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=4).map(" ".join)
TEXT = st.lists(LINE, min_size=1, max_size=2).map("\n".join)
CHOICES = st.lists(LINE, min_size=2, max_size=8, unique=True)


@st.composite
def question_tables(draw: st.DrawFn, number: int) -> dict[str, Any]:
    kind = draw(st.sampled_from(["single", "multi", "truefalse", "fill", "number", "match"]))
    table: dict[str, Any] = {"id": f"c{number}", "type": kind, "prompt": draw(TEXT)}
    if kind in ("single", "multi"):
        choices = draw(CHOICES)
        table["choices"] = choices
        letters = "ABCDEFGH"[:len(choices)]
        if kind == "single":
            table["answer"] = draw(st.sampled_from(letters))
        else:
            table["answer"] = sorted(draw(st.sets(st.sampled_from(letters), min_size=1)))
        table["shuffle"] = draw(st.booleans())
    elif kind == "truefalse":
        table["answer"] = draw(st.booleans())
    elif kind == "fill":
        table["answer"] = draw(st.lists(LINE.filter(lambda text: "->" not in text),
                                        min_size=1, max_size=3, unique=True))
        table["strict"] = draw(st.booleans())
    elif kind == "number":
        value = draw(st.decimals(min_value=-10_000, max_value=10_000, places=3,
                                 allow_nan=False, allow_infinity=False))
        table["answer"] = number_value(value)
        table["tolerance"] = number_value(draw(st.sampled_from([Decimal(0), Decimal("0.5"),
                                                                Decimal(2)])))
    else:
        lefts = draw(st.lists(LINE.filter(lambda text: "->" not in text), min_size=2,
                              max_size=8, unique=True))
        rights = draw(st.lists(LINE, min_size=len(lefts), max_size=len(lefts), unique=True))
        table["pairs"] = [list(pair) for pair in zip(lefts, rights, strict=True)]
    if draw(st.booleans()):
        table["explanation"] = draw(TEXT)
    table["tags"] = draw(st.lists(LINE, max_size=2, unique=True))
    table["difficulty"] = draw(st.integers(1, 3))
    table["points"] = draw(st.sampled_from([1, 2, 0.5, 1.25]))
    if draw(st.booleans()):
        table["lesson"] = "ii-2-6"
    if draw(st.booleans()):
        table["group"] = draw(st.sampled_from(["g1", "nhom-2"]))
    return table


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(1, 6).flatmap(lambda count: st.tuples(*(question_tables(n)
                                                           for n in range(count)))))
def test_any_bank_survives_gift(tables: tuple[dict[str, Any], ...]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bank = load({"format": 1, "id": "ngau-nhien", "title": "Ngẫu nhiên",
                     "questions": list(tables)}, Path(folder))
        again, _, skips = gift_round_trip(bank, Path(folder))
    assert skips.seen == []
    assert again.questions == bank.questions


@pytest.mark.parametrize("prompt", ["B) Câu hỏi", "ANSWER: A là gì", "x"])
def test_aiken_prompt_moodle_would_misread(prompt: str, tmp_path: Path) -> None:
    bank = load({"format": 1, "id": "a", "title": "A", "questions": [
        {"id": "a1", "type": "single", "prompt": prompt, "choices": ["Có", "Không"],
         "answer": "A"}]}, tmp_path)
    skips = Skips()
    assert write_aiken(bank.questions, skips) == ("", 0)
    assert [code for _, code, _ in skips.seen] == ["export_aiken_prompt"]


def test_round_trip_keeps_dump_bank_readable(tmp_path: Path) -> None:
    result = parse_gift("::Câu 1::Giải thích\\nnhiều dòng?{T####Dòng một\\nDòng hai}",
                        Path("a.gift"))
    text = dump_bank(bank_table(result.questions, bank_id="a", title="A"))
    assert 'explanation = """\nDòng một\nDòng hai"""' in text
    assert to_bank(result, tmp_path).questions[0].explanation == "Dòng một\nDòng hai"
