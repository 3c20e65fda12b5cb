"""Search over lessons, ignoring case and diacritics, ranked, with snippets and offsets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from studyapp.content.catalog import Catalog
from studyapp.text import fold, fold_chars

FieldName = Literal["title", "key_point", "body"]
Kind = Literal["lesson", "question"]

# A title match outranks any number of key-point or body matches, and a key
# point outranks the body: a lesson *about* the words beats one that mentions them.
FIELD_WEIGHT: dict[FieldName, float] = {"title": 1000.0, "key_point": 100.0, "body": 10.0}
WHOLE_WORD_FACTOR = 2.0
# The query as typed, found anywhere, outranks its words found apart: the
# words of a phrase are often common syllables ("tu", "ve") found everywhere.
PHRASE_TIER = 10_000.0
ALL_TERMS_FACTOR = 0.4  # every word found, but not as the phrase typed
SNIPPET_CONTEXT = 60


@dataclass(frozen=True, slots=True)
class Field:
    """One searchable text of an item, with its folded twin (same length)."""

    name: FieldName
    index: int
    text: str
    folded: str


@dataclass(frozen=True, slots=True)
class Match:
    """Where the query was found: in which field, at which offsets of its text."""

    field: FieldName
    field_index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    kind: Kind
    id: str
    pack: str
    title: str
    score: float
    match: Match
    snippet: str
    snippet_spans: tuple[tuple[int, int], ...]
    """Offsets of the query's words inside `snippet`, to highlight."""


@dataclass(frozen=True, slots=True)
class _Item:
    kind: Kind
    id: str
    pack: str
    title: str
    order: int
    fields: tuple[Field, ...]


def _is_word_char(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def _occurrences(folded: str, needle: str) -> list[int]:
    found = []
    start = folded.find(needle)
    while start != -1:
        found.append(start)
        start = folded.find(needle, start + 1)
    return found


def _whole_word(folded: str, start: int, end: int) -> bool:
    return not _is_word_char(folded, start - 1) and not _is_word_char(folded, end)


def contains_phrase(texts: Iterable[str], query: str) -> bool:
    """Whether the query, as typed (folded), occurs in any of `texts`."""
    phrase = fold(query)
    return bool(phrase) and any(phrase in fold_chars(text) for text in texts)


def find_ranges(text: str, query: str, *, phrase_only: bool = False) -> list[tuple[int, int]]:
    """Every place in `text` where the query occurs, as (start, end) offsets
    of `text`, to highlight. With `phrase_only`, only the whole query counts;
    otherwise each of its words does too."""
    phrase = fold(query)
    folded = fold_chars(text)
    ranges: set[tuple[int, int]] = set()
    if phrase:
        ranges.update((start, start + len(phrase)) for start in _occurrences(folded, phrase))
    if not phrase_only:
        for term in filter(None, phrase.split(" ")):
            ranges.update((start, start + len(term)) for start in _occurrences(folded, term))
    # Keep the longest of overlapping ranges, so the phrase wins over its words.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges, key=lambda r: (r[0], -r[1])):
        if merged and start < merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            continue
        merged.append((start, end))
    return merged


def _snippet(text: str, start: int, end: int, query_ranges: list[tuple[int, int]]
             ) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A window of `text` around `start:end`, cut at spaces, with the ranges
    that fall inside it shifted to the snippet's offsets."""
    left = max(0, start - SNIPPET_CONTEXT)
    right = min(len(text), end + SNIPPET_CONTEXT)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    window = text[left:right].replace("\n", " ")
    shift = len(prefix) - left
    spans = tuple((s + shift, e + shift) for s, e in query_ranges if s >= left and e <= right)
    return prefix + window + suffix, spans


class SearchIndex:
    """Folded copies of every searchable text, built once; a query costs one
    scan of the folded text per word."""

    def __init__(self, catalog: Catalog) -> None:
        items = []
        for order, lesson in enumerate(catalog.lessons):
            texts: list[tuple[FieldName, int, str]] = [("title", 0, lesson.title)]
            texts.extend(("key_point", i, point) for i, point in enumerate(lesson.key_points))
            texts.append(("body", 0, catalog.document(lesson.id).plain))
            fields = tuple(Field(name, index, text, fold_chars(text))
                           for name, index, text in texts)
            items.append(_Item("lesson", lesson.id, lesson.pack_id, lesson.title, order, fields))
        self._items = items

    def search(self, query: str, limit: int | None = 20) -> list[SearchHit]:
        """Items matching every word of `query`, best first."""
        phrase = fold(query)
        terms = [term for term in phrase.split(" ") if term]
        if not terms:
            return []
        hits = []
        for item in self._items:
            hit = self._score(item, phrase, terms)
            if hit is not None:
                hits.append((hit, item.order))
        hits.sort(key=lambda pair: (-pair[0].score, pair[1]))
        found = [hit for hit, _ in hits]
        return found[:limit] if limit is not None else found

    def _score(self, item: _Item, phrase: str, terms: list[str]) -> SearchHit | None:
        best: tuple[float, Field, int, int] | None = None
        context: tuple[float, Field, int, int] | None = None  # best outside the title
        score = 0.0
        count = 0
        for field in item.fields:
            weight = FIELD_WEIGHT[field.name]
            for start in _occurrences(field.folded, phrase):
                end = start + len(phrase)
                count += 1
                value = weight * (WHOLE_WORD_FACTOR if _whole_word(field.folded, start, end) else 1)
                if field.name == "title":
                    # The more of the title the query covers, the closer the topic.
                    value *= 1 + len(phrase) / max(len(field.folded), 1)
                if best is None or value > best[0]:
                    best = (value, field, start, end)
                if field.name != "title" and (context is None or value > context[0]):
                    context = (value, field, start, end)
        if best is not None:
            # More occurrences rank a little higher, never above a better field.
            score = PHRASE_TIER + best[0] + min(count, 50) * 0.1
        as_phrase = best is not None
        if best is None:
            # Not as a phrase: every word must still be somewhere in the item.
            for term in terms:
                term_best: tuple[float, Field, int, int] | None = None
                for field in item.fields:
                    for start in _occurrences(field.folded, term):
                        end = start + len(term)
                        whole = _whole_word(field.folded, start, end)
                        value = FIELD_WEIGHT[field.name] * (WHOLE_WORD_FACTOR if whole else 1)
                        if term_best is None or value > term_best[0]:
                            term_best = (value, field, start, end)
                if term_best is None:
                    return None
                score += term_best[0] * ALL_TERMS_FACTOR / len(terms)
                if best is None or term_best[0] > best[0]:
                    best = term_best
        if best is None:
            return None
        _, field, start, end = best
        # A title match is shown by the title itself; the snippet then gives
        # the words in context from the key points or the text, when they occur there.
        _, shown, shown_start, shown_end = context if field.name == "title" and context else best
        snippet, spans = _snippet(shown.text, shown_start, shown_end,
                                  find_ranges(shown.text, phrase, phrase_only=as_phrase))
        return SearchHit(item.kind, item.id, item.pack, item.title, score,
                         Match(field.name, field.index, start, end), snippet, spans)
