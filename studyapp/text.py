"""Vietnamese text: normalise, fold for search, compare typed answers, sort names."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "ALPHABET",
    "UNWANTED_CHARACTERS",
    "AnswerMatch",
    "answer_key",
    "collapse_whitespace",
    "fold",
    "fold_chars",
    "has_unwanted",
    "match_answer",
    "normalize",
    "normalize_line",
    "roster_key",
    "sort_key",
    "strip_diacritics",
]

# --- normalisation ----------------------------------------------------------

# Terminal escape sequences are removed whole, not just their ESC byte, so that
# "\x1b[31m" does not leave "[31m" behind: CSI (ESC [ or the C1 byte 0x9b),
# OSC/DCS/APC/PM/SOS strings up to their terminator (or the end of the line,
# so an unterminated one cannot swallow a whole lesson), and two-byte escapes.
_ESCAPE_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)

# Control characters (Cc) other than newline and tab, and the invisible format
# characters (Cf: zero-width spaces and joiners, U+2060, the BOM, soft hyphen,
# bidi overrides). Every Cf character is invisible, so none is worth keeping
# in lesson text, answers or names.
UNWANTED_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u0600-\u0605\u061c"
                       r"\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
                       r"\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
                       r"\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                       r"\U000e0001\U000e0020-\U000e007f]")

_WHITESPACE = re.compile(r"\s+")


def has_unwanted(text: str) -> bool:
    """Whether `normalize` would remove anything from `text` (NFC aside)."""
    # Fast path: every character we remove is a control (Cc) or format (Cf)
    # character, which `isprintable` rejects; most text is clean.
    if text.replace("\n", "").replace("\t", "").isprintable():
        return False
    return UNWANTED_CHARACTERS.search(text) is not None


def normalize(text: str) -> str:
    """Return `text` as the program stores it: NFC, without escape sequences,
    control characters (newline and tab kept) or invisible characters."""
    # NFC first, so that NFC and NFD input lose exactly the same escape
    # sequences; again after removal, which can bring a letter and its
    # accent together ("a\u200b\u0301").
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if has_unwanted(text):
        text = UNWANTED_CHARACTERS.sub("", _ESCAPE_SEQUENCE.sub("", text))
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
    return text


_ODD_SPACE = re.compile(r"\s\s|[^\S ]")


def collapse_whitespace(text: str) -> str:
    """Collapse every run of white space to one space and trim the ends."""
    if _ODD_SPACE.search(text) is None:  # the common case: nothing to collapse
        return text.strip()
    return _WHITESPACE.sub(" ", text).strip()


def normalize_line(text: str) -> str:
    """Normalise a one-line value (a name, a typed answer): `normalize`, then
    white space collapsed, so that newlines and tabs become single spaces."""
    return collapse_whitespace(normalize(text))


# --- folding for search -----------------------------------------------------


def _fold_one(char: str) -> str:
    """Fold one character to exactly one character (so offsets survive)."""
    if char in "đĐ":
        return "d"
    if char.isspace():
        return " "
    base = "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))
    if len(base) != 1:
        base = char
    for candidate in (base.casefold(), base.lower()):
        if len(candidate) == 1:
            return candidate
    return base


class _FoldTable(dict[int, str]):
    """A `str.translate` table that computes and remembers each character's fold."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_one(chr(codepoint))
        self[codepoint] = folded
        return folded


_FOLD_TABLE = _FoldTable()


def fold_chars(text: str) -> str:
    """Fold each character of NFC `text` to one character: diacritics dropped,
    `đ` to `d`, lower case, every white-space character to a space.

    The result has the same length as `text`, so a match found in the folded
    text can be highlighted at the same offsets in the original."""
    return text.translate(_FOLD_TABLE)


_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Fold `text` for searching: `"KIÊN ĐỊNH"`, `"kiên định"` and `"kien  dinh"`
    all give `"kien dinh"`. Accepts NFC or NFD input."""
    folded = fold_chars(normalize(text))
    if _COMBINING.search(folded):
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return collapse_whitespace(folded)


def strip_diacritics(text: str) -> str:
    """Remove diacritics but keep case: `"Đỗ Văn Bình"` gives `"Do Van Binh"`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


# --- tones and typed answers -----------------------------------------------

# The five marked tones, in the Vietnamese tone order (ngang, the unmarked
# tone, is 0): huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_TONE_MARKS = "".join(_TONE_RANK)
_TONE_SUFFIX = {rank: mark for mark, rank in _TONE_RANK.items()}


def _split_tone(word: str) -> tuple[str, int]:
    """Split a syllable into its letters without the tone mark (NFC) and its tone."""
    decomposed = unicodedata.normalize("NFD", word)
    tone = 0
    letters = []
    for char in decomposed:
        rank = _TONE_RANK.get(char)
        if rank is None:
            letters.append(char)
        else:
            tone = rank
    return unicodedata.normalize("NFC", "".join(letters)), tone


def _syllable_form(word: str) -> str:
    """A form of the syllable that is the same whichever vowel carries the tone
    mark (`hoà` and `hòa`): the letters, then the tone mark at the end."""
    letters, tone = _split_tone(word)
    return letters + _TONE_SUFFIX[tone] if tone else letters


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and unicodedata.category(text[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(text[end - 1])[0] in "PS":
        end -= 1
    return text[start:end]


def answer_key(text: str, *, diacritics: bool = True) -> str:
    """The form in which two typed answers are compared: NFC, invisible
    characters removed, case folded, white space collapsed, surrounding
    punctuation trimmed, tone-mark placement ignored; and, with
    `diacritics=False`, every diacritic removed (`đ` becomes `d`)."""
    text = _strip_punctuation(normalize_line(text).casefold()).strip()
    if not diacritics:
        return fold(text)
    return " ".join(_syllable_form(word) for word in text.split(" "))


class AnswerMatch(enum.Enum):
    """How a typed answer matched the accepted ones."""

    EXACT = "exact"
    """It matched with its diacritics (case, spacing and tone placement aside)."""
    WITHOUT_DIACRITICS = "without_diacritics"
    """It matched only once diacritics were removed: say so to the learner."""
    NONE = "none"


def match_answer(typed: str, accepted: Iterable[str], *, strict: bool = False) -> AnswerMatch:
    """Compare a typed answer with the accepted strings (content-format.md)."""
    accepted = list(accepted)
    typed_key = answer_key(typed)
    if not typed_key:
        return AnswerMatch.NONE
    if any(typed_key == answer_key(option) for option in accepted):
        return AnswerMatch.EXACT
    if not strict:
        bare = answer_key(typed, diacritics=False)
        if any(bare == answer_key(option, diacritics=False) for option in accepted):
            return AnswerMatch.WITHOUT_DIACRITICS
    return AnswerMatch.NONE


# --- sorting ----------------------------------------------------------------

ALPHABET = ("a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z"  # noqa: SIM905
            .split())
"""The Vietnamese alphabet order (CLDR `vi`), with f, j, w, z in their Latin places."""

_LETTER_RANK = {letter: index for index, letter in enumerate(ALPHABET)}
_LETTER_BASE = 1000
_OTHER_BASE = 10_000

# Marks that make a letter of its own (ă â ê ô ơ ư); any other non-tone mark
# on a foreign letter is ignored at the primary level.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}


class _CharKey:
    __slots__ = ("case", "primary")

    def __init__(self, primary: tuple[int, ...], case: int) -> None:
        self.primary = primary
        self.case = case


def _char_key(char: str) -> _CharKey:
    lower = char.lower() if len(char.lower()) == 1 else char
    case = 0 if lower == char else 1
    if char.isspace():
        return _CharKey((1,), case)
    category = unicodedata.category(char)
    if category[0] == "P":
        return _CharKey((2, ord(char)), case)
    if category[0] == "S":
        return _CharKey((3, ord(char)), case)
    if category == "Nd":
        return _CharKey((4 + unicodedata.digit(char, 0),), case)
    decomposed = unicodedata.normalize("NFD", lower)
    letter_marks = "".join(c for c in decomposed[1:] if c in _LETTER_MARKS)
    letter = unicodedata.normalize("NFC", decomposed[0] + letter_marks)
    rank = _LETTER_RANK.get(letter)
    if rank is None:
        rank = _LETTER_RANK.get(decomposed[0])
    if rank is not None:
        return _CharKey((_LETTER_BASE + rank,), case)
    if unicodedata.combining(char):
        return _CharKey((), 0)
    return _CharKey((_OTHER_BASE + ord(lower),), case)


_CHAR_KEYS: dict[str, _CharKey] = {}

SortKey = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...], str]


def sort_key(text: str) -> SortKey:
    """A key that sorts Vietnamese text in dictionary order: letters in the
    order of `ALPHABET` first, then tones (ngang < huyền < hỏi < ngã < sắc <
    nặng) syllable by syllable, then lower case before upper case.

    The last element is the text itself, so different strings never tie."""
    text = unicodedata.normalize("NFC", text)
    primary: list[int] = []
    tones: list[int] = []
    cases: list[int] = []
    for word in text.split():
        if primary:
            primary.append(1)
        letters, tone = _split_tone(word)
        tones.append(tone)
        for char in letters:
            key = _CHAR_KEYS.get(char)
            if key is None:
                key = _CHAR_KEYS[char] = _char_key(char)
            primary.extend(key.primary)
            cases.append(key.case)
    return tuple(primary), tuple(tones), tuple(cases), text


def roster_key(full_name: str) -> tuple[SortKey, SortKey]:
    """The order of a cell roster: by given name (the last word), then by the
    whole name: Lê Văn An, Nguyễn Văn An, Trần Anh An, Nguyễn Thị Ánh, ..."""
    name = normalize_line(full_name)
    given = name.rsplit(" ", 1)[-1]
    return sort_key(given), sort_key(name)


def sorted_vietnamese(values: Sequence[str]) -> list[str]:
    """`values` in Vietnamese dictionary order."""
    return sorted(values, key=sort_key)
