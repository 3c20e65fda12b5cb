"""Search: case and diacritics ignored, title above body, whole words above parts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from studyapp.content.catalog import Catalog
from studyapp.content.loading import load_catalog
from studyapp.content.search import (
    PASSAGE_MIN_WORDS,
    SearchIndex,
    find_passage,
    find_ranges,
    locate_explanation,
    reading_of,
)
from studyapp.text import fold
from tests.conftest import lesson_text, make_pack


def small_catalog(tmp_path: Path) -> Catalog:
    make_pack(tmp_path, lessons={
        "a.md": lesson_text("trong-than", "Văn bản", "Nói về kiên định trong thân bài."),
        "b.md": lesson_text("trong-tieu-de", "Kiên định", "Thân bài khác."),
        "c.md": lesson_text("mot-phan", "Chuyện khác", "Những điềukiên địnhx không phải từ."),
        "d.md": lesson_text("y-chinh", "Y chính", "Không có.").replace(
            'source = "I.1"', 'source = "I.1"\nkey_points = ["Phải kiên định"]'),
        "e.md": lesson_text("tach-roi", "Tách rời", "Kiên trì và định hướng."),
    })
    result = load_catalog([tmp_path])
    assert not result.problems
    return result.catalog


def test_ranking_title_then_key_point_then_body(tmp_path: Path) -> None:
    hits = SearchIndex(small_catalog(tmp_path)).search("kien dinh")
    assert [hit.id for hit in hits] == [
        "trong-tieu-de", "y-chinh", "trong-than", "mot-phan", "tach-roi"]


def test_whole_word_outranks_part_of_a_word(tmp_path: Path) -> None:
    hits = {hit.id: hit.score for hit in SearchIndex(small_catalog(tmp_path)).search("KIÊN ĐỊNH")}
    assert hits["trong-than"] > hits["mot-phan"]


def test_snippet_and_offsets_point_at_the_match(tmp_path: Path) -> None:
    catalog = small_catalog(tmp_path)
    [hit] = [h for h in SearchIndex(catalog).search("kiên định") if h.id == "trong-than"]
    assert hit.match.field == "body"
    body = catalog.document("trong-than").plain
    assert body[hit.match.start:hit.match.end] == "kiên định"
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["kiên định"]


def test_the_phrase_outranks_its_words_apart(tmp_path: Path) -> None:
    make_pack(tmp_path, lessons={
        "a.md": lesson_text("rai-rac", "Tư tưởng về khả năng", "Nói về việc tự làm."),
        "b.md": lesson_text("lien-nhau", "Khác", "Có khả năng tự vệ từ sớm."),
    })
    hits = SearchIndex(load_catalog([tmp_path]).catalog).search("kha nang tu ve")
    assert [hit.id for hit in hits] == ["lien-nhau", "rai-rac"]


def test_every_word_must_be_found(tmp_path: Path) -> None:
    index = SearchIndex(small_catalog(tmp_path))
    assert index.search("kien xyz") == []
    assert index.search("   ") == []
    assert [h.id for h in index.search("kiên trì định")] == ["tach-roi"]


def test_limit(tmp_path: Path) -> None:
    assert len(SearchIndex(small_catalog(tmp_path)).search("kien", limit=2)) == 2


def test_find_ranges_in_original_offsets() -> None:
    text = "Kiên định, KIÊN ĐỊNH và kiên trì"
    assert find_ranges(text, "kien dinh", phrase_only=True) == [(0, 9), (11, 20)]
    assert [text[s:e] for s, e in find_ranges(text, "kien dinh")] == [
        "Kiên định", "KIÊN ĐỊNH", "kiên"]


def test_bundled_search_finds_bon_kien_dinh_first(catalog: Catalog) -> None:
    hits = SearchIndex(catalog).search("kien dinh")
    assert hits[0].id == "bon-kien-dinh"
    assert hits[0].title == "Bốn kiên định"
    assert SearchIndex(catalog).search("đoc lâp")[0].id in {"bon-kien-dinh",
                                                             "bkd-bon-dieu-kien-dinh"}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet="kiendhatgoư đ", min_size=1, max_size=10))
def test_typing_gives_the_same_results_as_a_fresh_search(catalog: Catalog, query: str) -> None:
    """The index narrows each search to what matched the previous prefix;
    that must never change what is found."""
    typing = SearchIndex(catalog)
    for end in range(1, len(query) + 1):
        typing.search(query[:end])
    fresh = SearchIndex(catalog)
    assert typing.search(query, limit=None) == fresh.search(query, limit=None)


# --- the passage an explanation quotes ---------------------------------------------------

PLAN = ("Quy định về công tác chính trị, tư tưởng trong Đảng là sự cụ thể hóa “Bốn kiên định” "
        "về chính trị, tư tưởng; không chỉ để “chống” mà quan trọng hơn là để “xây”.")


def test_a_quotation_is_found_despite_nested_quotes_and_diacritics() -> None:
    explanation = ("Mục II.2.(6): “… là sự cụ thể hoá “Bốn kiên định” về chính trị, tư "
                   "tưởng”. Xem thêm phần sau.")
    start, end = find_passage(PLAN, explanation) or (0, 0)
    assert PLAN[start:end] == "là sự cụ thể hóa “Bốn kiên định” về chính trị, tư tưởng"


def test_a_few_common_words_are_not_a_quotation() -> None:
    assert find_passage(PLAN, "Mục II.2.(6) nói về Đảng và chính trị") is None
    assert find_passage(PLAN, "") is None
    assert find_passage("", "không chỉ để chống mà") is None


def test_a_section_number_is_not_part_of_the_passage() -> None:
    text = "(10) Ban Chấp hành Trung ương Đảng đồng ý Tờ trình."
    start, end = find_passage(text, "Mục II.2.(10): Ban Chấp hành Trung ương Đảng đồng ý") or (0, 0)
    assert text[start:end] == "Ban Chấp hành Trung ương Đảng đồng ý"


@given(st.lists(st.sampled_from(["kiên", "định", "xây", "chống", "Đảng", "dân", "tư", "tưởng"]),
                min_size=6, max_size=40), st.integers(0, 30), st.integers(4, 10))
def test_any_quoted_run_is_found_where_it_stands(words: list[str], start: int,
                                                 length: int) -> None:
    text = " ".join(words)
    start = min(start, len(words) - 4)
    quoted = " ".join(words[start:start + length])
    found = find_passage(text, f"Mục I.1: “{quoted}”.")
    assert found is not None
    # The passage found says the quotation word for word (it may stand twice).
    assert fold(text[found[0]:found[1]]).split() == fold(quoted).split()


def test_every_bundled_explanation_leads_to_its_passage(catalog: Catalog) -> None:
    """A wrong answer always leads back to the sentence of the plan that answers it."""
    for question in catalog.questions:
        assert question.lesson is not None
        passage = locate_explanation(catalog, question.lesson, question.explanation or "")
        assert passage is not None, question.full_id
        plain = catalog.document(passage.lesson_id).plain
        assert plain[passage.match.start:passage.match.end] == passage.text
        assert len(passage.text.split()) >= PASSAGE_MIN_WORDS


# --- issue 14 item 21: a query typed in Telex or VNI ------------------------------------

def test_a_query_typed_in_telex_or_vni_finds_what_the_vietnamese_finds(tmp_path: Path) -> None:
    index = SearchIndex(small_catalog(tmp_path))
    wanted = [hit.id for hit in index.search("kiên định")]
    assert wanted  # the words are there
    assert [hit.id for hit in index.search("kieen ddinhj")] == wanted
    assert [hit.id for hit in index.search("kie6n d9inh5")] == wanted
    # Shown highlighted as the Vietnamese the keys spelled.
    [hit] = [h for h in index.search("kieen ddinhj") if h.id == "trong-than"]
    assert hit.query == "kiên định"
    assert [hit.snippet[s:e] for s, e in hit.snippet_spans] == ["kiên định"]


def test_the_query_as_typed_is_searched_too(tmp_path: Path) -> None:
    # "Oxford" read as Telex is "Ỡford": the word as typed must still be found,
    # and what its reading finds comes as well, each item once.
    make_pack(tmp_path, lessons={
        "a.md": lesson_text("tieng-anh", "Tiếng Anh", "Học ở Oxford năm ấy."),
        "b.md": lesson_text("hoa", "Hóa học", "Môn hóa."),
        "c.md": lesson_text("hoas", "Chữ lạ", "Viết là hoas trong sổ."),
    })
    index = SearchIndex(load_catalog([tmp_path]).catalog)
    [hit] = index.search("Oxford")
    assert (hit.id, hit.query) == ("tieng-anh", "Oxford")
    hits = index.search("hoas")
    assert sorted(hit.id for hit in hits) == ["hoa", "hoas"]
    assert {hit.id: hit.query for hit in hits} == {"hoas": "hoas", "hoa": "hóa"}


def test_how_the_query_was_read_is_said_when_a_reading_found_something(tmp_path: Path
                                                                       ) -> None:
    index = SearchIndex(small_catalog(tmp_path))
    for query, reading in (("kieen ddinhj", "kiên định"), ("kie6n d9inh5", "kiên định"),
                           ("KIEEN  ddinhj", "KIÊN định"), ("kiên định", None),
                           ("kien dinh", None), ("Kiên Định", None), ("zzqqj", None)):
        assert reading_of(query, index.search(query)) == reading, query
    assert reading_of("kieen ddinhj", []) is None  # nothing found: nothing was read
    # Pasted with invisible or control characters: they are not part of the reading.
    pasted = "kieen ddinhj \u200b\x1b"
    assert reading_of(pasted, index.search(pasted)) == "kiên định"
    # Found partly as typed and partly as read: the reading is said, for what it found.
    make_pack(tmp_path / "mixed", lessons={
        "b.md": lesson_text("hoa", "Hóa học", "Môn hóa."),
        "c.md": lesson_text("hoas", "Chữ lạ", "Viết là hoas trong sổ."),
    })
    mixed = SearchIndex(load_catalog([tmp_path / "mixed"]).catalog)
    assert reading_of("hoas", mixed.search("hoas")) == "hóa"
