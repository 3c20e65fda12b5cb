"""The structure of a Vietnamese administrative or Party document, read as a person
reads the page (Nghị định 30/2020/NĐ-CP for state documents, Hướng dẫn 36-HD/VPTW for
Party ones): the header (issuing body, "ĐẢNG CỘNG SẢN VIỆT NAM", `Số 67-KH/ĐU`, place and
date), the kind (KẾ HOẠCH, NGHỊ QUYẾT …) and its summary line, the preamble (`Thực
hiện…`, `Căn cứ…`), the body's numbered levels, the closing (`./.`), `Nơi nhận` and the
signature block.

The levels are told apart by their form (`I.`, `1.`, `1.1.`, `(1)`, `a)`; `Phần`,
`Chương`, `Mục`, `Điều`), and nested in the order the document first nests them: a form
seen again closes the deeper ones. Bullets (`-`, `+`) never start a section; they stay in
the body of the section they are in. Nothing is paraphrased: every paragraph of the
document ends up, as it is, in exactly one place (a section's body, the front, the back).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from studyapp.text import collapse_whitespace, fold, normalize

KINDS_OF_DOCUMENT = ("KẾ HOẠCH", "NGHỊ QUYẾT", "CHỈ THỊ", "KẾT LUẬN", "HƯỚNG DẪN", "QUY ĐỊNH",
                     "QUYẾT ĐỊNH", "BÁO CÁO", "CÔNG VĂN", "THÔNG BÁO", "CHƯƠNG TRÌNH",
                     "QUY CHẾ", "ĐỀ ÁN", "TỜ TRÌNH", "NGHỊ ĐỊNH", "THÔNG TƯ", "LUẬT",
                     "CÔNG ĐIỆN", "HƯỚNG DẪN LIÊN NGÀNH")

# The forms of numbered headings, by name. Their depth is not fixed: it is learnt from
# the order in which the document nests them.
_FORMS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("phan", re.compile(r"^(phần\s+(?:thứ\s+\w+|[IVXLC]+|\d+))\b\s*[.:\-–]?\s*(.*)$",
                        re.IGNORECASE | re.DOTALL)),
    ("chuong", re.compile(r"^(chương\s+(?:[IVXLC]+|\d+))\b\s*[.:\-–]?\s*(.*)$",
                          re.IGNORECASE | re.DOTALL)),
    ("muc", re.compile(r"^(mục\s+\d+)\b\s*[.:\-–]?\s*(.*)$", re.IGNORECASE | re.DOTALL)),
    ("dieu", re.compile(r"^(điều\s+\d+)\s*[.:\-–]\s*(.*)$", re.IGNORECASE | re.DOTALL)),
    ("roman", re.compile(r"^([IVXLC]+)\s*[.:\-–]\s+(.*)$", re.DOTALL)),
    ("decimal", re.compile(r"^(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$", re.DOTALL)),
    ("arabic", re.compile(r"^(\d{1,2})\s*[.)]\s+(.*)$", re.DOTALL)),
    ("paren", re.compile(r"^\((\d{1,2})\)\s*(.*)$", re.DOTALL)),
    ("letter", re.compile(r"^([a-zđ])\)\s+(.*)$", re.DOTALL)),
)
_ROMAN = re.compile(r"^M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")
_NUMBER_AND_SYMBOL = re.compile(r"^số\s*[:.]?\s*\d+\s*[-–]?\s*[A-ZĐ]", re.IGNORECASE)
_PREAMBLE = re.compile(r"^(?:thực hiện|căn cứ|xét đề nghị|theo đề nghị|thi hành)\b",
                       re.IGNORECASE)
_RECIPIENTS = re.compile(r"^nơi\s*nhận\s*:?", re.IGNORECASE)
_SIGNATURE = re.compile(r"^(?:t/m|tm\.|kt\.|k/t|tl\.|t/l|tuq\.|q\.|thay mặt|"
                        r"bí thư|phó bí thư|chủ tịch|giám đốc)\b", re.IGNORECASE)
_CLOSING = re.compile(r"\./\.\s*$")
_MAX_HEADING_TITLE = 90


@dataclass
class Paragraph:
    """One paragraph of the normalised document: its text and where it was."""

    text: str
    line: int
    bold: bool = False


@dataclass
class Section:
    """A numbered part of the body: its form, its label (`II`, `2`, `(6)`), the
    reference to it (`II.2.(6)`), its title, its own paragraphs (its heading line
    first) and the sections under it."""

    form: str
    label: str
    reference: str
    title: str
    line: int
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    depth: int = 1

    def walk(self) -> list[Section]:
        return [self, *(section for child in self.children for section in child.walk())]

    def text_length(self) -> int:
        return sum(len(p.text) for p in self.paragraphs)


@dataclass
class Structure:
    """The whole document: the front (header, kind, summary, preamble and any text
    before the first section), the numbered body, the back (closing, recipients,
    signature), and what the reader noticed."""

    kind: str | None
    number: str | None
    summary: str | None
    front: list[Paragraph]
    sections: list[Section]
    back: list[Paragraph]
    notes: list[tuple[int, str, dict[str, object]]] = field(default_factory=list)
    """(line, message code, parameters): numbering that skips or repeats, a heading
    without a body, a document without recognisable structure."""

    def all_sections(self) -> list[Section]:
        return [section for top in self.sections for section in top.walk()]

    def paragraphs_in_order(self) -> list[Paragraph]:
        """Every paragraph of the document, in reading order, each once."""
        return [*self.front, *(p for s in self.all_sections() for p in s.paragraphs),
                *self.back]


def paragraphs_of(lines: Sequence[tuple[int, str, bool]]) -> list[Paragraph]:
    """(line, text, bold) items as paragraphs: normalised, empty ones dropped. A
    line of plain text is a paragraph (line breaks inside a paragraph are the
    reader's business: a PDF's are joined before)."""
    paragraphs = []
    for line, text, bold in lines:
        clean = collapse_whitespace(normalize(text))
        if clean:
            paragraphs.append(Paragraph(clean, line, bold))
    return paragraphs


def _heading(text: str) -> tuple[str, str, str] | None:
    """(form, label, rest) when the paragraph starts a numbered section."""
    plain = text.lstrip("*_ ")  # a heading set in bold or italics in Markdown
    for form, pattern in _FORMS:
        match = pattern.match(plain)
        if match is None:
            continue
        label = match.group(1)
        if form == "roman" and not _ROMAN.fullmatch(label):
            continue
        rest = match.group(2).strip()
        if form in ("arabic", "paren", "letter", "decimal", "roman") and not rest:
            continue  # a bare number is a page number or a table cell, not a heading
        return form, label, rest
    return None


def _title(rest: str) -> str:
    """A lesson title from the rest of a heading line: an emphasised part
    (`*Quy chế …*:`), else the text before a colon, else the whole line, cut at a
    word near the limit; all capitals made sentence case."""
    emphasised = re.match(r"^[*_]{1,2}(.+?)[*_]{1,2}\s*[:.]?", rest)
    rest = emphasised.group(1) if emphasised else re.split(r":\s|:$", rest, maxsplit=1)[0]
    rest = rest.strip(" *_:;,.")
    if rest.isupper():
        rest = rest[:1] + rest[1:].lower()
    if len(rest) > _MAX_HEADING_TITLE:
        cut = rest.rfind(" ", 0, _MAX_HEADING_TITLE)
        rest = rest[:cut if cut > 20 else _MAX_HEADING_TITLE].rstrip(" ,;") + "…"
    return rest


def _label_value(form: str, label: str) -> int | None:
    digits = re.search(r"\d+", label)
    if digits:
        return int(digits.group())
    if form == "roman" or form in ("phan", "chuong"):
        roman = label.rsplit(maxsplit=1)[-1].upper()
        values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
        total = 0
        for index, char in enumerate(roman):
            value = values.get(char)
            if value is None:
                return None
            following = values.get(roman[index + 1], 0) if index + 1 < len(roman) else 0
            total += -value if value < following else value
        return total
    if form == "letter":
        return "abcdđeghiklmnopqrstuvxy".find(label) + 1 or None
    return None


def _reference_part(form: str, label: str) -> str:
    if form in ("paren",):
        return f"({label})"
    if form in ("phan", "chuong", "muc", "dieu"):
        return label[:1].upper() + label[1:].lower()
    return label


def read_structure(paragraphs: Sequence[Paragraph]) -> Structure:
    """The document's structure; every paragraph lands in exactly one place."""
    kind, number, summary = None, None, None
    index = 0
    front: list[Paragraph] = []
    # The front: everything before the first numbered heading of the body.
    while index < len(paragraphs) and _heading(paragraphs[index].text) is None:
        paragraph = paragraphs[index]
        text = paragraph.text.strip("* ")
        if number is None and _NUMBER_AND_SYMBOL.match(text):
            number = re.sub(r"\s*-\s*", "-", text)
        elif kind is None and text.upper() in KINDS_OF_DOCUMENT:
            kind = text.upper()
            # The summary line (trích yếu), often broken over two lines, runs to the preamble.
            following = []
            for later in paragraphs[index + 1:index + 4]:
                if _PREAMBLE.match(later.text) or _heading(later.text) is not None:
                    break
                following.append(later.text.strip("* "))
            summary = " ".join(following) or None
        front.append(paragraph)
        index += 1
    sections: list[Section] = []
    stack: list[Section] = []
    notes: list[tuple[int, str, dict[str, object]]] = []
    back: list[Paragraph] = []
    last_value: dict[tuple[str, str], int] = {}
    closed = False
    for paragraph in paragraphs[index:]:
        text = paragraph.text
        if closed or _RECIPIENTS.match(text) or (stack and _SIGNATURE.match(text)
                                                  and len(text) < 60):
            closed = True
            back.append(paragraph)
            continue
        heading = _heading(text)
        if heading is None:
            stack[-1].paragraphs.append(paragraph) if stack else front.append(paragraph)
            if _CLOSING.search(text):
                closed = True
            continue
        form, label, rest = heading
        forms = [section.form for section in stack]
        if form in forms:
            del stack[forms.index(form):]
        parent = stack[-1] if stack else None
        reference = (f"{parent.reference}.{_reference_part(form, label)}" if parent
                     else _reference_part(form, label))
        section = Section(form, label, reference, _title(rest) or reference, paragraph.line,
                          [paragraph], depth=len(stack) + 1)
        value = _label_value(form, label)
        scope = (parent.reference if parent else "", form)
        previous = last_value.get(scope)
        if value is not None:
            if previous is not None and value == previous:
                notes.append((paragraph.line, "doc_number_repeats", {"reference": reference}))
            elif previous is not None and value > previous + 1:
                notes.append((paragraph.line, "doc_number_skips",
                              {"reference": reference, "after": previous}))
            last_value[scope] = value
        (parent.children if parent else sections).append(section)
        stack.append(section)
        if _CLOSING.search(text):
            closed = True
    for section in [s for top in sections for s in top.walk()]:
        # A title-like heading (`II. TỔ CHỨC`, `Chương III`) with nothing under it; a
        # numbered item with its text on the same line is content of its own.
        title_like = section.form in ("roman", "phan", "chuong", "muc") or \
            section.paragraphs[0].text.isupper()
        if len(section.paragraphs) == 1 and not section.children and title_like:
            notes.append((section.line, "doc_heading_no_body", {"reference": section.reference}))
    if not sections:
        notes.append((paragraphs[0].line if paragraphs else 1, "doc_no_structure", {}))
    return Structure(kind, number, summary, front, sections, back, notes)


def default_depth(structure: Structure, *, readable: int = 200) -> int:
    """The deepest level whose sections are, in the median, long enough to read as
    lessons of their own (like the bundled pack, where II.2.(6) is a lesson)."""
    by_depth: dict[int, list[int]] = {}
    for section in structure.all_sections():
        by_depth.setdefault(section.depth, []).append(section.text_length())
    depth = 1
    for level in sorted(by_depth):
        lengths = sorted(by_depth[level])
        if lengths[len(lengths) // 2] >= readable or level == 1:
            depth = level
        else:
            break
    return depth


def lesson_id(reference: str) -> str:
    """An id made from a reference: `II.2.(6)` gives `ii-2-6`, `Điều 5` `dieu-5`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(reference)).strip("-") or "muc"
