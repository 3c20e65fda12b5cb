"""Vietnamese text: normalisation, folding, typed-answer comparison and sorting."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from studyapp.text import (
    ALPHABET,
    AnswerMatch,
    answer_key,
    fold,
    fold_chars,
    from_telex,
    from_vni,
    match_answer,
    normalize,
    normalize_line,
    parse_number,
    roster_key,
    sort_key,
    strip_diacritics,
)

# Vietnamese letters in every tone, upper and lower case, plus other text.
VIETNAMESE_LETTERS = "".join(
    unicodedata.normalize("NFC", base + tone)
    for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
    for tone in ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
) + "bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX"
vietnamese_text = st.text(alphabet=VIETNAMESE_LETTERS + " ,.“”-", max_size=40)
any_text = st.text(max_size=40)


# --- examples from vietnamese.md -----------------------------------------------


def test_nfc_and_nfd_differ_but_normalise_alike() -> None:
    nfc = "kiên định"
    nfd = unicodedata.normalize("NFD", nfc)
    assert (len(nfc), len(nfd)) == (9, 11)
    assert nfc != nfd
    assert normalize(nfd) == nfc


def test_invisible_and_control_characters_are_removed() -> None:
    dirty = "ki\u200bên\u200c \u200dđ\u2060ịnh\ufeff\u00ad\x07\x00"
    assert normalize(dirty) == "kiên định"
    assert normalize("dòng 1\ndòng\t2") == "dòng 1\ndòng\t2"  # newline and tab are kept


def test_escape_sequences_are_removed_whole() -> None:
    assert normalize("\x1b[31mđỏ\x1b[0m") == "đỏ"
    assert normalize("a\x1b]0;tiêu đề\x07b") == "ab"
    # An unterminated OSC string stops at the end of the line, not the text.
    assert normalize("a\x1b]0;x\ndòng sau") == "a\ndòng sau"


def test_removing_an_invisible_character_recomposes_the_letter() -> None:
    assert normalize("a\u200b\u0301") == "á"


@pytest.mark.parametrize("text", ["KIÊN ĐỊNH", "kiên định", "kien dinh", "Kiên  Định",
                                  unicodedata.normalize("NFD", "kiên định")])
def test_fold_examples(text: str) -> None:
    assert fold(text) == "kien dinh"


def test_fold_maps_d_with_stroke() -> None:
    # NFD does not decompose đ/Đ: they are letters of their own.
    assert unicodedata.normalize("NFD", "đ") == "đ"
    assert fold("Đồng Nai đ") == "dong nai d"


def test_query_with_some_diacritics_folds_like_the_text() -> None:
    assert fold("đoc lâp") == fold("độc lập") == "doc lap"


def test_tone_mark_placement_is_ignored_in_answers() -> None:
    for old, new in (("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ")):
        assert old != new
        assert answer_key(old) == answer_key(new)
        assert match_answer(old, [new]).kind is AnswerMatch.EXACT


def test_answer_matching_rules() -> None:
    accepted = ["kiên định"]

    def kind(typed: str, strict: bool = False) -> AnswerMatch:
        return match_answer(typed, accepted, strict=strict).kind

    assert kind("  KIÊN   ĐỊNH. ") is AnswerMatch.EXACT
    assert kind("“kiên định”") is AnswerMatch.EXACT
    assert kind(unicodedata.normalize("NFD", "kiên định")) is AnswerMatch.EXACT
    assert kind("kien dinh") is AnswerMatch.WITHOUT_DIACRITICS
    assert kind("kien dinh", strict=True) is AnswerMatch.NONE
    assert kind("kiên quyết") is AnswerMatch.NONE
    assert kind("") is AnswerMatch.NONE
    assert kind("...") is AnswerMatch.NONE


@pytest.mark.parametrize(("typed", "spelled"), [
    ("kieen ddinhj", "kiên định"), ("KIEEN DDINHJ", "KIÊN ĐỊNH"), ("nguowif", "người"),
    ("hoaf", "hòa"), ("thuyr", "thủy"), ("khoer", "khỏe"), ("quyeets", "quyết"),
    ("giuwx nuwowcs", "giữ nước"), ("chuyeenr ddooir soos", "chuyển đổi số"),
    ("DDoongf Nai", "Đồng Nai"), ("khowi thoong", "khơi thông"), ("xaay", "xây"),
])
def test_telex(typed: str, spelled: str) -> None:
    assert from_telex(typed) == spelled


@pytest.mark.parametrize(("typed", "spelled"), [
    ("kie6n d9inh5", "kiên định"), ("nguo72i", "người"), ("ho2a", "hòa"),
    ("d9o6ng2 Nai", "đồng Nai"), ("chuye63n d9o63i so61", "chuyển đổi số"),
    ("kho7i tho6ng", "khơi thông"), ("xa6y", "xây"), ("2026", "2026"),
])
def test_vni(typed: str, spelled: str) -> None:
    assert from_vni(typed) == spelled


def test_telex_and_vni_answers_are_understood() -> None:
    for typed in ("kieen ddinhj", "kie6n d9inh5"):
        result = match_answer(typed, ["kiên định"])
        assert result.kind is AnswerMatch.EXACT
        assert result.understood_as == "kiên định"
    # Telex that still lacks some marks is accepted without diacritics, and said so.
    partly = match_answer("kieen dinh", ["kiên định"])
    assert partly.kind is AnswerMatch.WITHOUT_DIACRITICS
    # Plain words are not mistaken for Telex: "tas" is not an answer for "tá".
    assert match_answer("ta", ["tá"]).kind is AnswerMatch.WITHOUT_DIACRITICS
    assert match_answer("kien dinh", ["kiên định"]).understood_as is None
    assert not match_answer("xyz", ["kiên định"]).accepted


@pytest.mark.parametrize(("typed", "number"), [
    ("14", "14"), (" 3,5 ", "3.5"), ("3.5", "3.5"), ("-2", "-2"), ("1.234,5", "1234.5"),
    ("1,234.5", "1234.5"), ("2 026", "2026"),
])
def test_parse_number(typed: str, number: str) -> None:
    assert parse_number(typed) == Decimal(number)


@pytest.mark.parametrize("typed", ["", "mười bốn", "3,5,6", "1e5", "--2", "4 cấp"])
def test_parse_number_refuses(typed: str) -> None:
    assert parse_number(typed) is None


def test_tone_order_of_ta() -> None:
    words = ["tạ", "tá", "tã", "tả", "tà", "ta"]
    assert sorted(words, key=sort_key) == ["ta", "tà", "tả", "tã", "tá", "tạ"]


def test_sort_puts_accented_names_in_their_places() -> None:
    names = ["Út", "Dung", "Ơn", "Đức", "Ánh", "An", "Đào", "Bình", "Ông"]
    # Python's sorted() gets this wrong: accented initials go after every plain name.
    assert sorted(names) != sorted(names, key=sort_key)
    assert sorted(names, key=sort_key) == [
        "An", "Ánh", "Bình", "Dung", "Đào", "Đức", "Ông", "Ơn", "Út"]


def test_roster_order_from_vietnamese_md() -> None:
    roster = ["Đỗ Văn Bình", "Nguyễn Thị Ánh", "Trần Anh An", "Nguyễn Văn An", "Lê Văn An"]
    assert sorted(roster, key=roster_key) == [
        "Lê Văn An", "Nguyễn Văn An", "Trần Anh An", "Nguyễn Thị Ánh", "Đỗ Văn Bình"]


def test_normalize_line_flattens_names() -> None:
    assert normalize_line("  Nguyễn\tVăn\nAn \x1b[2J ") == "Nguyễn Văn An"


def test_strip_diacritics_keeps_case() -> None:
    assert strip_diacritics("Đỗ Văn Bình") == "Do Van Binh"


# --- properties -------------------------------------------------------------------


@given(any_text)
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)


@given(any_text)
def test_nfc_and_nfd_inputs_fold_alike(text: str) -> None:
    assert fold(unicodedata.normalize("NFD", text)) == fold(unicodedata.normalize("NFC", text))


@given(any_text)
def test_per_character_fold_keeps_length_on_nfc_text(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert len(fold_chars(nfc)) == len(nfc)


@given(st.text(alphabet=VIETNAMESE_LETTERS + " ", max_size=40))
def test_vietnamese_folds_to_ascii(text: str) -> None:
    assert fold(text).isascii()


@given(any_text)
def test_normalize_is_idempotent_and_clean(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert all(c in "\n\t" or unicodedata.category(c) not in ("Cc", "Cf") for c in once)


@given(vietnamese_text, vietnamese_text)
def test_sort_key_is_a_total_order(a: str, b: str) -> None:
    key_a, key_b = sort_key(a), sort_key(b)
    assert (key_a == key_b) == (unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b))
    assert (key_a < key_b) + (key_a > key_b) + (key_a == key_b) == 1


@given(st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=6),
       st.lists(st.sampled_from(ALPHABET), min_size=1, max_size=6))
def test_sort_key_agrees_with_the_alphabet_table(a: list[str], b: list[str]) -> None:
    """Words made of letters without tones compare as their letters' places
    in the Vietnamese alphabet, letter by letter."""
    rank = {letter: index for index, letter in enumerate(ALPHABET)}
    by_table = [rank[c] for c in a] < [rank[c] for c in b]
    assert (sort_key("".join(a)) < sort_key("".join(b))) == by_table


@given(vietnamese_text)
def test_answer_key_ignores_case_and_spacing(text: str) -> None:
    assert answer_key(text.upper()) == answer_key(f"  {text.lower()}  ")
