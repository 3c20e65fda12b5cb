"""Question groups: questions that give each other away never share a paper."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studyapp.content.loading import load_catalog
from studyapp.content.model import Question
from studyapp.quiz.plan import QuizPlan
from studyapp.quiz.selection import NotEnoughQuestionsError, draw_paper, drawable_count
from tests.conftest import lesson_text, make_pack, write

seeds = st.integers(min_value=0, max_value=2**63 - 1)


def _question(bank: str, index: int, lesson: str, group: str | None) -> Question:
    return Question(bank_id=bank, id=f"q{index}", type="truefalse", prompt=f"Câu {index}?",
                    content_hash=f"h{index}", lesson=lesson, truth=True, group=group)


@st.composite
def pools(draw: st.DrawFn) -> list[Question]:
    """Questions of two banks over three lessons, some in groups (the same
    group name in two banks is two different groups)."""
    size = draw(st.integers(min_value=1, max_value=30))
    questions = []
    for index in range(size):
        bank = draw(st.sampled_from(["b1", "b2"]))
        lesson = draw(st.sampled_from(["l1", "l2", "l3"]))
        group = draw(st.one_of(st.none(), st.sampled_from(["g1", "g2", "g3", "g4"])))
        questions.append(_question(bank, index, lesson, group))
    return questions


@settings(max_examples=200, deadline=None)
@given(pool=pools(), data=st.data(), seed=seeds)
def test_no_paper_holds_two_questions_of_one_group(pool: list[Question], data: st.DataObject,
                                                    seed: int) -> None:
    available = drawable_count(pool)
    count = data.draw(st.integers(min_value=1, max_value=available))
    paper = draw_paper(pool, count, seed)
    assert len(paper.items) == count
    assert paper == draw_paper(pool, count, seed)
    groups = [(item.question.bank_id, item.question.group) for item in paper.items
              if item.question.group is not None]
    assert len(groups) == len(set(groups)), paper.question_ids
    # Asking for more than one paper can hold is refused with the right number.
    with pytest.raises(NotEnoughQuestionsError) as raised:
        draw_paper(pool, available + 1, seed)
    assert raised.value.available == available


def test_every_member_of_a_group_can_be_drawn() -> None:
    pool = [_question("b", index, "l1", "g") for index in range(3)]
    pool.append(_question("b", 9, "l1", None))
    assert drawable_count(pool) == 2
    drawn = {item.question.id for seed in range(200) for item in draw_paper(pool, 2, seed).items}
    assert drawn == {"q0", "q1", "q2", "q9"}


def test_a_pool_without_groups_draws_as_before() -> None:
    # Papers already given (and their seeds kept in the store) must not change.
    pool = [_question("b", index, f"l{index % 3}", None) for index in range(12)]
    grouped = [*pool, _question("c", 99, "l9", "solo")]
    assert drawable_count(pool) == 12
    assert draw_paper(pool, 5, 7).question_ids == draw_paper(pool, 5, 7).question_ids
    assert "c/q99" in {qid for seed in range(50) for qid in draw_paper(grouped, 13, seed)
                       .question_ids}


def _bank(tmp_path: Path, questions: str) -> Path:
    folder = tmp_path / "packs"
    make_pack(folder, lessons={"a.md": lesson_text("a")})
    write(folder / "demo" / "banks" / "b.toml",
          'format = 1\nid = "b"\ntitle = "B"\nlesson = "a"\n' + questions)
    return folder


def _tf(qid: str, group: str | None) -> str:
    line = f'group = "{group}"\n' if group is not None else ""
    return (f'[[questions]]\nid = "{qid}"\ntype = "truefalse"\nprompt = "Câu {qid}?"\n'
            f'answer = true\nexplanation = "Mục I."\n{line}')


def test_groups_are_read_and_counted_once_by_the_plan(tmp_path: Path) -> None:
    result = load_catalog([_bank(tmp_path, _tf("q1", "g") + _tf("q2", "g") + _tf("q3", None))])
    assert not result.problems
    assert result.catalog.question("b/q1").group == "g"
    assert result.catalog.question("b/q3").group is None
    assert QuizPlan().available(result.catalog) == 2


def test_the_validator_checks_groups(tmp_path: Path) -> None:
    result = load_catalog([_bank(tmp_path, _tf("q1", "Nhóm 1") + _tf("q2", "lone")
                                 + _tf("q3", None))])
    codes = {(problem.code, problem.severity.value, problem.line) for problem in result.problems}
    assert ("bad_id", "error", 11) in codes  # `group = "Nhóm 1"` is not an id
    lone = tmp_path / "packs"
    result = load_catalog([_bank(lone, _tf("q1", "lone") + _tf("q2", None))])
    [problem] = result.problems
    assert (problem.code, problem.severity.value, problem.line) == ("group_of_one", "warning", 11)
    assert "lone" in problem.message()
