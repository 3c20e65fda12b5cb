"""Papers: filters, the spread across lessons, seeded shuffles, per-member variants."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.content.model import LETTERS, QUESTION_TYPES
from studyapp.quiz.selection import (
    Filters,
    NotEnoughQuestionsError,
    derive_seed,
    draw_paper,
    drawable_count,
    select_questions,
)

SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture],
                    deadline=None)
seeds = st.integers(min_value=0, max_value=2**63 - 1)


@st.composite
def filters(draw: st.DrawFn, catalog: Catalog) -> Filters:
    lessons = sorted({q.lesson for q in catalog.questions if q.lesson})
    tags = sorted({t for q in catalog.questions for t in q.tags})
    banks = sorted({b.id for b in catalog.banks})
    return Filters(
        banks=frozenset(draw(st.lists(st.sampled_from(banks), max_size=2))),
        lessons=frozenset(draw(st.lists(st.sampled_from(lessons), max_size=3))),
        tags=frozenset(draw(st.lists(st.sampled_from(tags), max_size=2))),
        types=frozenset(draw(st.lists(st.sampled_from(QUESTION_TYPES), max_size=3))),
        difficulties=frozenset(draw(st.lists(st.sampled_from([1, 2, 3]), max_size=2))),
    )


@SETTINGS
@given(data=st.data(), seed=seeds)
def test_papers_are_reproducible_complete_and_filtered(catalog: Catalog, data: st.DataObject,
                                                        seed: int) -> None:
    chosen = data.draw(filters(catalog))
    pool = select_questions(catalog, chosen)
    if not pool:
        return
    # A group of questions that give each other away fills one place on a paper.
    count = data.draw(st.integers(min_value=1, max_value=drawable_count(pool)))
    paper = draw_paper(pool, count, seed)
    assert paper == draw_paper(select_questions(catalog, chosen), count, seed)
    assert len(paper.items) == count
    assert len(set(paper.question_ids)) == count
    allowed = set(catalog.with_descendants(sorted(chosen.lessons)))
    for item in paper.items:
        question = item.question
        assert not chosen.banks or question.bank_id in chosen.banks
        assert not chosen.lessons or question.lesson in allowed
        assert not chosen.tags or set(question.tags) & chosen.tags
        assert not chosen.types or question.type in chosen.types
        assert not chosen.difficulties or question.difficulty in chosen.difficulties


@SETTINGS
@given(seed=seeds)
def test_shuffled_answer_key_names_the_same_text(catalog: Catalog, seed: int) -> None:
    paper = draw_paper(catalog.questions, 60, seed)
    for item in paper.items:
        question = item.question
        shown = item.shown_choices
        assert sorted(shown) == sorted(question.choices)
        right_text = {question.choices[i] for i in question.correct_choices}
        assert {shown[LETTERS.index(letter)] for letter in item.answer_letters} == right_text
        for letter in LETTERS[:len(shown)]:
            assert question.choices[item.written_choice(letter)] == shown[LETTERS.index(letter)]
        if question.type == "order":
            assert sorted(item.shown_items) == sorted(question.items)
            assert item.shown_items != list(question.items)  # never shown already in order
        if question.type == "match":
            assert sorted(item.shown_rights) == sorted(right for _, right in question.pairs)
        if not question.shuffle:
            assert item.choice_order == tuple(range(len(question.choices)))


@SETTINGS
@given(seed=seeds, count=st.integers(min_value=1, max_value=120))
def test_every_lesson_is_represented_when_the_count_allows(catalog: Catalog, seed: int,
                                                           count: int) -> None:
    pool = catalog.questions
    lessons = Counter(q.lesson for q in pool)
    paper = draw_paper(pool, count, seed)
    drawn = Counter(item.question.lesson for item in paper.items)
    if count >= len(lessons):
        assert set(drawn) == set(lessons)
    else:
        assert all(n == 1 for n in drawn.values())
    assert all(drawn[lesson] <= lessons[lesson] for lesson in drawn)


def test_rest_is_in_proportion_to_what_lessons_offer(catalog: Catalog) -> None:
    pool = [q for q in catalog.questions if q.lesson in ("ii-3-1", "iii")]
    sizes = Counter(q.lesson for q in pool)
    assert sizes["ii-3-1"] > sizes["iii"]
    paper = draw_paper(pool, 8, seed=1)
    drawn = Counter(item.question.lesson for item in paper.items)
    assert drawn["ii-3-1"] > drawn["iii"] >= 1


def test_different_seeds_give_different_papers(catalog: Catalog) -> None:
    papers = {tuple(draw_paper(catalog.questions, 20, seed).question_ids) for seed in range(10)}
    assert len(papers) == 10


def test_member_variants(catalog: Catalog) -> None:
    session_seed = 20261126
    seeds_ = {member: derive_seed(session_seed, member) for member in ("an", "binh", "chi")}
    assert len(set(seeds_.values())) == 3
    assert derive_seed(session_seed, "an") == seeds_["an"]  # stable
    papers = [draw_paper(catalog.questions, 10, seed).question_ids for seed in seeds_.values()]
    assert papers[0] != papers[1]


def test_too_many_questions_is_a_clear_error(catalog: Catalog) -> None:
    pool = select_questions(catalog, Filters(lessons=frozenset({"ii-4"})))
    with pytest.raises(NotEnoughQuestionsError) as raised:
        draw_paper(pool, len(pool) + 5, seed=1)
    assert raised.value.available == len(pool)
    assert f"chỉ có {len(pool)} câu" in raised.value.message


def test_a_lesson_includes_its_children(catalog: Catalog) -> None:
    pool = select_questions(catalog, Filters(lessons=frozenset({"bon-kien-dinh"})))
    lessons = {q.lesson for q in pool}
    assert "bkd-nhung-chuyen-doi" in lessons
    assert len(pool) >= 25
