"""The compact entry of a paper's answers: the syntax, every located problem, and the round trip."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.content.model import Question
from studyapp.i18n import Lang, current_language, set_language
from studyapp.quiz.entry import (
    EntryError,
    format_entry,
    paper_code,
    parse_entry,
)
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
    correct_response,
    grade,
)
from studyapp.quiz.selection import Paper, PaperItem, draw_paper, ordered_paper
from studyapp.text import normalize_line


@contextmanager
def use_language(lang: Lang) -> Iterator[None]:
    before = current_language()
    set_language(lang)
    try:
        yield
    finally:
        set_language(before)


def question(kind: str, **fields: object) -> Question:
    return Question(bank_id="b", id=f"q-{kind}", type=kind, prompt="?",  # type: ignore[arg-type]
                    content_hash="x", **fields)  # type: ignore[arg-type]


SINGLE = question("single", choices=("a", "b", "c", "d"), correct_choices=(1,))
MULTI = question("multi", choices=("a", "b", "c", "d"), correct_choices=(0, 2))
TRUTH = question("truefalse", truth=True)
ORDER = question("order", items=("x", "y", "z"))
MATCH = question("match", pairs=(("1", "a"), ("2", "b"), ("3", "c")))
FILL = question("fill", accepted=("kiên định",))
NUMBER = question("number", number=Decimal("3.5"), tolerance=Decimal(0))


def mixed_paper() -> Paper:
    """Shown orders that are not the written ones, to catch a letter read as written."""
    return Paper(5, (
        PaperItem(SINGLE, choice_order=(3, 2, 1, 0)),   # shown C is written b: right
        PaperItem(MULTI, choice_order=(1, 0, 3, 2)),    # shown B, D are written a, c
        PaperItem(TRUTH),
        PaperItem(ORDER, item_order=(2, 0, 1)),         # shown A=z, B=x, C=y: right is BCA
        PaperItem(MATCH, right_order=(1, 2, 0)),        # shown A=b, B=c, C=a: right is CAB
        PaperItem(FILL),
        PaperItem(NUMBER),
    ))


def singles(count: int = 10) -> Paper:
    return Paper(1, tuple(PaperItem(SINGLE, choice_order=(0, 1, 2, 3)) for _ in range(count)))


def all_right(paper: Paper, entry_text: str) -> bool:
    entry = parse_entry(entry_text, paper)
    return all(grade(item.question, response).correct
               for item, response in zip(paper.items, entry.responses, strict=True))


def test_numbered_entry_of_every_type_in_the_letters_shown() -> None:
    paper = mixed_paper()
    assert all_right(paper, '1C 2BD 3Đ 4BCA 5CAB 6"kiên định" 7:3,5')
    entry = parse_entry('1c 2db 3d 4bca 5[1c 2a 3b] 6"kien dinh" 7=3.5', paper)
    assert entry.responses[0] == ChoiceResponse(frozenset({1}))
    assert entry.responses[1] == ChoiceResponse(frozenset({0, 2}))
    assert entry.responses[2] == TruthResponse(True)
    assert entry.responses[3] == OrderResponse((0, 1, 2))
    assert entry.responses[4] == MatchResponse((0, 1, 2))
    assert entry.responses[5] == TextResponse("kien dinh")
    assert entry.responses[6] == TextResponse("3.5")
    # The Telex/VNI and no-diacritics readings are the keyboard's: the same grade.
    assert grade(FILL, TextResponse("kieen ddinhj")).correct


def test_ordering_by_the_numbers_written_in_the_boxes() -> None:
    paper = mixed_paper()
    # Shown A=z, B=x, C=y: the member numbers the boxes A 3, B 1, C 2.
    assert parse_entry("1C 2BD 3S 4:312 5CAB 6- 7-", paper).responses[3] == \
        OrderResponse((0, 1, 2))


def test_matching_as_pairs_with_or_without_commas_and_blanks() -> None:
    paper = mixed_paper()
    for text in ("5:1c,2a,3b", "5:1c2a3b", "5[1c, 2a, 3b]", "5:3b,1c,2a"):
        entry = parse_entry(f"1- 2- 3- 4- {text} 6- 7-", paper)
        assert entry.responses[4] == MatchResponse((0, 1, 2)), text
    assert parse_entry("1- 2- 3- 4- 5C_B 6- 7-", paper).responses[4] == \
        MatchResponse((0, None, 2))
    assert parse_entry("1- 2- 3- 4- 5:1c 6- 7-", paper).responses[4] == \
        MatchResponse((0, None, None))


def test_ten_single_choices_in_ten_keystrokes_without_numbers() -> None:
    paper = singles()
    entry = parse_entry("BACDABCDAB", paper)
    assert [min(r.chosen) for r in entry.responses if isinstance(r, ChoiceResponse)] == \
        [1, 0, 2, 3, 0, 1, 2, 3, 0, 1]
    assert parse_entry("B A C D A B C D A B", paper) == entry
    assert parse_entry("1BACDA 6BCDAB", paper) == entry
    assert parse_entry("1B 2A 3C 4D 5A 6B 7C 8D 9A 10B", paper) == entry


def test_blanks_are_written_and_counted() -> None:
    paper = singles(4)
    entry = parse_entry("B-C-", paper)
    assert entry.answered == 2
    assert entry.responses[1] is None
    assert parse_entry("1B 2- 3C 4-", paper) == entry


def test_positional_entry_continues_after_a_type_that_takes_its_token() -> None:
    paper = mixed_paper()
    assert all_right(paper, 'C BD ĐBCA CAB "kiên định" "3,5"')


def problems(text: str, paper: Paper) -> list[tuple[int | None, str]]:
    with pytest.raises(EntryError) as caught:
        parse_entry(text, paper)
    return [(p.question, p.text) for p in caught.value.problems]


def test_too_many_and_too_few_answers_are_located() -> None:
    with use_language("en"):
        paper = singles(4)
        with pytest.raises(EntryError) as caught:
            parse_entry("BACDA", paper)
        assert "too many answers: the paper has 4 questions" in caught.value.message
        with pytest.raises(EntryError) as caught:
            parse_entry("BA", paper)
        assert "no answer for 3, 4" in caught.value.message
        with pytest.raises(EntryError) as caught:
            parse_entry("1B 3C", paper)
        assert "no answer for 2, 4" in caught.value.message


def test_a_letter_that_is_not_a_choice_is_named_with_its_question() -> None:
    with use_language("en"):
        paper = singles(4)
        with pytest.raises(EntryError) as caught:
            parse_entry("BAXE", paper)
        assert caught.value.message.splitlines() == [
            "question 3 (X): X is not one of its choices (A–D)",
            "question 4 (E): E is not one of its choices (A–D)",
        ]
    with use_language("vi"):
        with pytest.raises(EntryError) as caught:
            parse_entry("BAXD", paper)
        assert caught.value.message == "câu 3 (X): X không phải một phương án của câu này (A–D)"


def test_every_kind_of_mistake_is_refused_at_its_question() -> None:
    paper = mixed_paper()
    blanks = dict.fromkeys(range(1, 8), "-")

    def entry(**answers: str) -> str:
        given = dict(blanks)
        for key, value in answers.items():
            given[int(key[1:])] = value
        return " ".join(f"{number}{value}" for number, value in given.items())

    assert problems(entry(q2="BB"), paper) == [(2, "BB")]            # a letter twice
    assert problems(entry(q2="BX"), paper) == [(2, "BX")]            # not a choice
    assert problems(entry(q3="X"), paper) == [(3, "X")]              # not Đ/S
    assert problems(entry(q4="AB"), paper) == [(4, "AB")]            # an item missing
    assert problems(entry(q4=":112"), paper) == [(4, "112")]         # box numbers
    assert problems(entry(q5="AA_"), paper) == [(5, "AA_")]          # a right used twice
    assert problems(entry(q5=":4a"), paper) == [(5, "4a")]           # no left side 4
    assert problems(entry(q5=":1a,1b"), paper) == [(5, "1a,1b")]     # a left twice
    assert problems(entry(q5="AD_"), paper) == [(5, "AD_")]          # no right D
    assert problems(entry(q7=":ba"), paper) == [(7, "ba")]           # not a number
    # One letter runs on into question 2, which is then answered twice.
    assert problems(entry(q1="CD"), paper) == [(2, "-")]
    assert (None, "8C") in problems(entry() + " 8C", paper)          # no question 8
    assert (1, "1") in problems("1 2- 3- 4- 5- 6- 7-", paper)        # a number alone
    assert (2, "B") in problems(entry() + " 2B", paper)              # answered twice


def test_unclosed_quote_and_bracket() -> None:
    paper = mixed_paper()
    assert problems('1- 2- 3- 4- 5- 6"kiên 7-', paper) == [(None, '6"kiên 7-')]
    assert problems("1- 2- 3- 4- 5[1a 6- 7-", paper) == [(None, "5[1a 6- 7-")]


def test_the_paper_code_must_be_this_papers() -> None:
    paper = singles(3)
    code = paper_code(paper)
    assert len(code) == 6
    assert code.isdigit()
    assert parse_entry(f"#{code} BAC", paper).code == code
    assert paper_code(Paper(2, paper.items)) != code
    other = paper_code(Paper(2, paper.items))
    with use_language("en"), pytest.raises(EntryError) as caught:
        parse_entry(f"#{other} BAC", paper)
    assert caught.value.problems[0].question is None
    assert f"#{other} is not this paper's (#{code})" in caught.value.message


# --- the round trip: any paper, any answers -------------------------------------------------

_TEXT = st.text(st.characters(codec="utf-8", exclude_characters='"',
                              exclude_categories=("Cc", "Cs", "Zl", "Zp", "Zs", "Co", "Cn")),
                min_size=1, max_size=12)


@st.composite
def response_for(draw: st.DrawFn, item: PaperItem) -> Response | None:
    question = item.question
    kind = question.type
    if draw(st.integers(0, 6)) == 0:
        return None
    if kind == "single":
        return ChoiceResponse(frozenset({draw(st.sampled_from(range(len(question.choices))))}))
    if kind == "multi":
        return ChoiceResponse(frozenset(draw(st.sets(
            st.sampled_from(range(len(question.choices))), min_size=1))))
    if kind == "truefalse":
        return TruthResponse(draw(st.booleans()))
    if kind == "fill":
        words = draw(st.lists(_TEXT, min_size=1, max_size=3).filter(
            lambda words: normalize_line(" ".join(words)) != ""))
        return TextResponse(" ".join(words))
    if kind == "number":
        value = draw(st.decimals(-10_000, 10_000, places=2))
        return TextResponse(str(value).replace(".", draw(st.sampled_from([".", ","]))))
    if kind == "order":
        return OrderResponse(tuple(draw(st.permutations(range(len(question.items))))))
    size = len(question.pairs)
    rights = draw(st.permutations([*range(size), *([None] * size)]))[:size]
    return MatchResponse(tuple(rights))


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), seed=st.integers(0, 2**63 - 1), count=st.integers(1, 25),
       numbered=st.booleans(), with_code=st.booleans())
def test_format_then_parse_gives_the_same_answers(catalog: Catalog, data: st.DataObject, *,
                                                  seed: int, count: int, numbered: bool,
                                                  with_code: bool) -> None:
    paper = draw_paper(catalog.questions, count, seed)
    responses = [data.draw(response_for(item)) for item in paper.items]
    code = paper_code(paper) if with_code else None
    text = format_entry(paper, responses, numbered=numbered, code=code)
    entry = parse_entry(text, paper)
    normalized = [TextResponse(normalize_line(r.text)) if isinstance(r, TextResponse) else r
                  for r in responses]
    assert list(entry.responses) == normalized, text
    assert entry.code == code


def test_every_bundled_question_entered_right_is_graded_right(catalog: Catalog) -> None:
    paper = ordered_paper(catalog.questions, 3)  # every one: no draw keeps a whole group
    text = format_entry(paper, [correct_response(item.question) for item in paper.items],
                        numbered=False)
    assert all_right(paper, text)
