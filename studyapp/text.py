"""Vietnamese text: normalise, fold for search, compare typed answers, sort names."""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

__all__ = [
    "ALPHABET",
    "UNWANTED_CHARACTERS",
    "AnswerMatch",
    "TypedMatch",
    "answer_key",
    "collapse_whitespace",
    "fold",
    "fold_chars",
    "from_telex",
    "from_vni",
    "has_unwanted",
    "match_answer",
    "normalize",
    "normalize_line",
    "parse_number",
    "roster_key",
    "shown",
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


# --- Telex and VNI ------------------------------------------------------------------
#
# Many shared machines have no Vietnamese input method: people then type the
# keys an input method would have turned into letters. `kieen ddinhj` (Telex)
# and `kie6n d9inh5` (VNI) both spell "kiên định".

_VOWELS = "aăâeêioôơuưy"
_TELEX_TONES = {"s": "\u0301", "f": "\u0300", "r": "\u0309", "x": "\u0303", "j": "\u0323"}
_VNI_TONES = {"1": "\u0301", "2": "\u0300", "3": "\u0309", "4": "\u0303", "5": "\u0323"}
_TELEX_LETTERS = (("uow", "ươ"), ("uwow", "ươ"), ("aa", "â"), ("aw", "ă"), ("ee", "ê"),
                  ("oo", "ô"), ("ow", "ơ"), ("uw", "ư"), ("dd", "đ"), ("w", "ư"))
_VNI_MARKS = {"6": {"a": "â", "e": "ê", "o": "ô"}, "7": {"o": "ơ", "u": "ư"}, "8": {"a": "ă"},
              "9": {"d": "đ"}}


def _place_tone(syllable: str, tone: str) -> str:
    """Put the tone mark where the older Vietnamese spelling puts it (hòa,
    thủy, khỏe: the spelling of the source): on a vowel with a mark (â, ơ,
    ...); else, before a final consonant, on the last vowel; else on the
    first of two vowels and the middle of three. `qu` and `gi` count as
    consonants."""
    lower = syllable.lower()
    start = 2 if lower.startswith(("qu", "gi")) and len(lower) > 2 and lower[2] in _VOWELS \
        else 0
    positions = [i for i in range(start, len(lower)) if lower[i] in _VOWELS]
    if not positions:
        return syllable
    marked = [i for i in positions if lower[i] in "ăâêôơư"]
    if marked:
        target = marked[-1]  # ươ: on the ơ
    elif positions[-1] < len(lower) - 1:
        target = positions[-1]
    elif len(positions) >= 3:
        target = positions[1]
    else:
        target = positions[0]
    return unicodedata.normalize("NFC", syllable[:target + 1] + tone + syllable[target + 1:])


def _telex_word(word: str) -> str:
    lower = word.lower()
    tone = ""
    first_vowel = next((i for i, c in enumerate(lower) if c in "aeiouy"), None)
    if first_vowel is not None:
        # A tone key after the first vowel: never a consonant of the syllable
        # there (s, f, r, x, j begin syllables but never end them).
        kept = []
        for index, char in enumerate(word):
            if index > first_vowel and char.lower() in _TELEX_TONES:
                tone = _TELEX_TONES[char.lower()]
            elif index > first_vowel and char.lower() == "z":
                tone = ""
            else:
                kept.append(char)
        word = "".join(kept)
    for keys, letter in _TELEX_LETTERS:
        while keys in word.lower():
            at = word.lower().index(keys)
            replacement = letter.upper() if word[at].isupper() else letter
            word = word[:at] + replacement + word[at + len(keys):]
    return _place_tone(word, tone) if tone else word


def _vni_word(word: str) -> str:
    tone = ""
    letters: list[str] = []
    for char in word:
        if char in _VNI_TONES:
            tone = _VNI_TONES[char]
        elif char in _VNI_MARKS:
            # The mark goes on the nearest letter before it that can carry it.
            table = _VNI_MARKS[char]
            for index in range(len(letters) - 1, -1, -1):
                base = letters[index].lower()
                if base in table:
                    marked = table[base]
                    letters[index] = marked.upper() if letters[index].isupper() else marked
                    if char == "7" and base == "o" and index > 0 and letters[index - 1] in "uU":
                        letters[index - 1] = "ư" if letters[index - 1] == "u" else "Ư"
                    break
        else:
            letters.append(char)
    text = "".join(letters)
    return _place_tone(text, tone) if tone else text


def from_telex(text: str) -> str:
    """Read `text` as typed in Telex: `kieen ddinhj` gives `kiên định`."""
    return " ".join(_telex_word(word) if word.isalpha() and word.isascii() else word
                    for word in text.split(" "))


def from_vni(text: str) -> str:
    """Read `text` as typed in VNI: `kie6n d9inh5` gives `kiên định`. Words
    of digits alone (a year, a number) are left as they are."""
    return " ".join(_vni_word(word) if word.isascii() and word.isalnum()
                    and not word.isdigit() and not word.isalpha() else word
                    for word in text.split(" "))


class AnswerMatch(enum.Enum):
    """How a typed answer matched the accepted ones."""

    EXACT = "exact"
    """It matched with its diacritics (case, spacing and tone placement aside)."""
    WITHOUT_DIACRITICS = "without_diacritics"
    """It matched only once diacritics were removed: say so to the learner."""
    NONE = "none"


@dataclass(frozen=True, slots=True)
class TypedMatch:
    """The result of comparing a typed answer: how it matched, and, when it
    was read as Telex or VNI, the Vietnamese it was understood to spell."""

    kind: AnswerMatch
    understood_as: str | None = None

    @property
    def accepted(self) -> bool:
        return self.kind is not AnswerMatch.NONE


def _direct_match(typed: str, accepted: Sequence[str], strict: bool) -> AnswerMatch:
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


def match_answer(typed: str, accepted: Iterable[str], *, strict: bool = False) -> TypedMatch:
    """Compare a typed answer with the accepted strings (content-format.md):
    as typed first, then read as Telex, then as VNI."""
    accepted = list(accepted)
    found = _direct_match(typed, accepted, strict)
    if found is not AnswerMatch.NONE:
        return TypedMatch(found)
    typed = normalize_line(typed)
    for read in (from_telex, from_vni):
        converted = read(typed)
        if converted != typed:
            found = _direct_match(converted, accepted, strict)
            if found is not AnswerMatch.NONE:
                return TypedMatch(found, converted)
    return TypedMatch(AnswerMatch.NONE)


_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def parse_number(text: str) -> Decimal | None:
    """A typed number: a decimal comma or point (`3,5` or `3.5`); with both,
    the last one is the decimal mark and the other groups thousands
    (`1.234,5`). None if it is not a number."""
    text = normalize_line(text).replace(" ", "")
    if "," in text and "." in text:
        grouping = "." if text.rfind(",") > text.rfind(".") else ","
        text = text.replace(grouping, "")
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return None
    return Decimal(text)


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


# --- showing text that came from outside ------------------------------------

def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def shown(text: str) -> str:
    """`text` safe to write to a terminal, with nothing of it hidden: every
    control or invisible character (escape codes included; newline and tab
    kept) written as `\\x1b`, `\\u200b`. For names the program did not make
    itself and prints as they are (file names, TOML keys, config ids): a file
    name must stay findable, so nothing is dropped."""
    if not has_unwanted(text):
        return text
    return UNWANTED_CHARACTERS.sub(_escaped, text)
