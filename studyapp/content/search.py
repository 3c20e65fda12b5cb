"""Search over lessons and questions, ignoring case and diacritics, ranked, with snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from studyapp.content.catalog import Catalog
from studyapp.text import fold, fold_chars, from_telex, from_vni, normalize_line

FieldName = Literal["title", "key_point", "body", "prompt", "answers", "explanation"]
Kind = Literal["lesson", "question"]

# A title match outranks any number of key-point or body matches, and a key
# point outranks the body: a lesson *about* the words beats one that mentions them.
FIELD_WEIGHT: dict[FieldName, float] = {
    "title": 1000.0, "key_point": 100.0, "body": 10.0,
    # Questions come after the lessons that say the same words: the passage
    # of the plan is what people look for, the questions lead back to it.
    "prompt": 8.0, "answers": 4.0, "explanation": 4.0,
}
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
    words: frozenset[str]
    """The folded text's words (runs of letters and digits)."""


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
    query: str = ""
    """The query that found it: as typed, or as read in Telex or VNI
    (`kieen ddinhj` finds "kiên định" as `kiên định`), to highlight."""


def reading_of(query: str, hits: Sequence[SearchHit]) -> str | None:
    """How `query` was read, to tell the user: the Telex or VNI reading that found
    the best of `hits` it found (`kieen ddinhj` -> `kiên định`; `hoas` -> `hóa` when
    "Hóa học" is among what `hoas` as typed found); None when every hit was found by
    the query as typed, or none was. Invisible and control characters pasted with
    the query are left out of it."""
    typed = fold(query)
    for hit in hits:
        if hit.query and fold(hit.query) != typed:
            return normalize_line(hit.query)
    return None


@dataclass(frozen=True, slots=True)
class _Item:
    kind: Kind
    id: str
    pack: str
    title: str
    order: int
    fields: tuple[Field, ...]
    everything: str
    """All folded fields joined: one `in` test rules most items out."""


_Place = tuple[float, Field, int, int]  # value, field, start, end
_HEADLINES: frozenset[FieldName] = frozenset({"title", "prompt"})


@dataclass(frozen=True, slots=True)
class _Scored:
    score: float
    best: _Place
    context: _Place | None
    as_phrase: bool


_WORD = re.compile(r"[^\W_]+")


def _item(kind: Kind, item_id: str, pack: str, title: str, order: int, *,
          texts: list[tuple[FieldName, int, str]]) -> _Item:
    fields = tuple(_field(name, index, text) for name, index, text in texts)
    everything = "\x00".join(field.folded for field in fields)
    return _Item(kind, item_id, pack, title, order, fields, everything)


def _field(name: FieldName, index: int, text: str) -> Field:
    folded = fold_chars(text)
    return Field(name, index, text, folded, frozenset(_WORD.findall(folded)))


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


def _best_place(field: Field, needle: str) -> tuple[float, int] | None:
    """The value and offset of the needle's best occurrence in a field: the
    first as a whole word, else the first of all (None if it is not there)."""
    first = field.folded.find(needle)
    if first == -1:
        return None
    weight = FIELD_WEIGHT[field.name]
    # A one-word needle that is not among the field's words occurs only
    # inside longer words: no need to look at each of its (many) places.
    if " " not in needle and needle not in field.words:
        return weight, first
    start = first
    while start != -1:
        if _whole_word(field.folded, start, start + len(needle)):
            return weight * WHOLE_WORD_FACTOR, start
        start = field.folded.find(needle, start + 1)
    return weight, first


def find_ranges(text: str, query: str, *, phrase_only: bool = False) -> list[tuple[int, int]]:
    """Every place in `text` where the query occurs, as (start, end) offsets
    of `text`, to highlight. With `phrase_only`, only the whole query counts;
    otherwise each of its words does too."""
    return _ranges(fold_chars(text), fold(query), phrase_only=phrase_only)


def _ranges(folded: str, phrase: str, *, phrase_only: bool) -> list[tuple[int, int]]:
    """`find_ranges` on text and query already folded."""
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
        items: list[_Item] = []
        for lesson in catalog.lessons:
            texts: list[tuple[FieldName, int, str]] = [("title", 0, lesson.title)]
            texts.extend(("key_point", i, point) for i, point in enumerate(lesson.key_points))
            texts.append(("body", 0, catalog.document(lesson.id).plain))
            items.append(_item("lesson", lesson.id, lesson.pack_id, lesson.title, len(items),
                               texts=texts))
        for question in catalog.questions:
            answers = [*question.choices, *question.items, *question.accepted,
                       *(f"{left} — {right}" for left, right in question.pairs)]
            texts = [("prompt", 0, question.prompt)]
            texts.extend(("answers", i, text) for i, text in enumerate(answers))
            if question.explanation:
                texts.append(("explanation", 0, question.explanation))
            items.append(_item("question", question.full_id, catalog.pack_of(question),
                               question.prompt, len(items), texts=texts))
        self._items = items
        # Per reading of the query (as typed, Telex, VNI), the last one and
        # the items that contained it.
        self._last: dict[str, tuple[str, list[_Item]]] = {}

    def search(self, query: str, limit: int | None = 20) -> list[SearchHit]:
        """Items matching every word of `query`, best first: the query as
        typed and as read in Telex and in VNI (people without a Vietnamese
        input method type `kieen ddinhj` for "kiên định"), an item found by
        several readings counted once, at its best."""
        best: dict[tuple[Kind, str], tuple[_Scored, _Item, str, str]] = {}
        seen: set[str] = set()
        for reading, text in (("typed", query), ("telex", from_telex(query)),
                              ("vni", from_vni(query))):
            phrase = fold(text)
            if phrase in seen:
                continue
            seen.add(phrase)
            for found, item in self._scored(reading, phrase):
                key = (item.kind, item.id)
                if key not in best or found.score > best[key][0].score:
                    best[key] = (found, item, phrase, text)
        ranked = sorted(best.values(), key=lambda entry: (-entry[0].score, entry[1].order))
        if limit is not None:
            ranked = ranked[:limit]
        # Snippets only for what is returned.
        return [self._hit(item, found, phrase, text) for found, item, phrase, text in ranked]

    def _scored(self, reading: str, phrase: str) -> list[tuple[_Scored, _Item]]:
        """The items matching one folded reading of the query, with their scores."""
        terms = [term for term in phrase.split(" ") if term]
        if not terms:
            return []
        # The last query of this reading and the items that contained it: a
        # query typed one more letter can only match among those.
        last_phrase, last_items = self._last.get(reading, ("", self._items))
        candidates = last_items if last_phrase and phrase.startswith(last_phrase) else self._items
        matching = [item for item in candidates
                    if phrase in item.everything or all(t in item.everything for t in terms)]
        self._last[reading] = (phrase, matching)
        scored = []
        for item in matching:
            found = self._score(item, phrase, terms)
            if found is not None:
                scored.append((found, item))
        return scored

    @staticmethod
    def _hit(item: _Item, found: _Scored, phrase: str, query: str) -> SearchHit:
        _, field, start, end = found.best
        # A match in the title (or a question's prompt) is shown by the title
        # itself; the snippet then gives the words in context from the text
        # (or the explanation, which quotes the plan), when they occur there.
        context = found.context if field.name in _HEADLINES and found.context else found.best
        _, shown, shown_start, shown_end = context
        snippet, spans = _snippet(shown.text, shown_start, shown_end,
                                  _ranges(shown.folded, phrase, phrase_only=found.as_phrase))
        return SearchHit(item.kind, item.id, item.pack, item.title, found.score,
                         Match(field.name, field.index, start, end), snippet, spans, query)

    def _score(self, item: _Item, phrase: str, terms: list[str]) -> _Scored | None:
        best: tuple[float, Field, int, int] | None = None
        context: tuple[float, Field, int, int] | None = None  # best outside the title
        score = 0.0
        count = 0
        for field in item.fields:
            place = _best_place(field, phrase)
            if place is None:
                continue
            count += field.folded.count(phrase)
            value, start = place
            if field.name == "title":
                # The more of the title the query covers, the closer the topic.
                value *= 1 + len(phrase) / max(len(field.folded), 1)
            end = start + len(phrase)
            if best is None or value > best[0]:
                best = (value, field, start, end)
            if field.name not in _HEADLINES and (context is None or value > context[0]):
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
                    place = _best_place(field, term)
                    if place is not None and (term_best is None or place[0] > term_best[0]):
                        term_best = (place[0], field, place[1], place[1] + len(term))
                if term_best is None:
                    return None
                score += term_best[0] * ALL_TERMS_FACTOR / len(terms)
                if best is None or term_best[0] > best[0]:
                    best = term_best
        if best is None:
            return None
        return _Scored(score, best, context, as_phrase)


# --- the passage an explanation quotes ---------------------------------------------------

PASSAGE_MIN_WORDS = 4
"""Fewer words in common are chance (“của Đảng”), not a quotation."""


@dataclass(frozen=True, slots=True)
class Passage:
    """Where in a lesson's text an explanation's quotation stands."""

    lesson_id: str
    match: Match
    text: str
    """The passage as the lesson writes it."""


def find_passage(text: str, explanation: str, *, min_words: int = PASSAGE_MIN_WORDS
                 ) -> tuple[int, int] | None:
    """The longest run of the explanation's words found, in order and
    contiguous, in `text`, as offsets of `text`; None under `min_words`.

    Case, diacritics, punctuation and quotation marks are ignored, so a
    quotation with nested quotes, an ellipsis or a different line break is
    still found. Runs grow from shared word triples."""
    words = [(found.start(), found.end(), found.group())
             for found in _WORD.finditer(fold_chars(text))]
    wanted = _WORD.findall(fold(explanation))
    seeds: dict[tuple[str, str, str], list[int]] = {}
    for index in range(len(words) - 2):
        key = (words[index][2], words[index + 1][2], words[index + 2][2])
        seeds.setdefault(key, []).append(index)
    best_length, best_start = 0, 0
    for offset in range(len(wanted) - 2):
        for start in seeds.get((wanted[offset], wanted[offset + 1], wanted[offset + 2]), ()):
            length = 3
            while (start + length < len(words) and offset + length < len(wanted)
                   and words[start + length][2] == wanted[offset + length]):
                length += 1
            if length > best_length:
                best_length, best_start = length, start
    # A section number the explanation names (“Mục II.2.(10)”) is not part of the quotation.
    while best_length and words[best_start][2].isdigit():
        best_start, best_length = best_start + 1, best_length - 1
    if best_length < max(min_words, 3):
        return None
    return words[best_start][0], words[best_start + best_length - 1][1]


def locate_explanation(catalog: Catalog, lesson_id: str, explanation: str) -> Passage | None:
    """The passage of the plan an explanation quotes: in the question's
    lesson first, else the lesson of the same pack quoting it at the greatest
    length (a topic lesson's question may quote its source part)."""
    if not catalog.has_lesson(lesson_id):
        return None
    candidates = [catalog.lesson(lesson_id)]
    pack_id = candidates[0].pack_id
    candidates += [lesson for lesson in catalog.lessons
                   if lesson.pack_id == pack_id and lesson.id != lesson_id]
    best: tuple[int, Passage] | None = None
    for place, lesson in enumerate(candidates):
        plain = catalog.document(lesson.id).plain
        found = find_passage(plain, explanation)
        if found is None:
            continue
        start, end = found
        # A line break ends the highlighted passage: it stays within one block.
        newline = plain.find("\n", start, end)
        end = newline if newline != -1 else end
        passage = Passage(lesson.id, Match("body", 0, start, end), plain[start:end])
        words = len(_WORD.findall(passage.text))
        if place == 0 and words >= 8:
            return passage  # the question's own lesson quotes it well enough
        if best is None or words > best[0]:
            best = (words, passage)
    return best[1] if best else None
