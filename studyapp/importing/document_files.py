"""A document's paragraphs from the file the ward sends: Word (.docx, through the same
reader as question sets), PDF with a text layer (pypdf), or text (.txt/.md in UTF-8,
UTF-8 with a byte-order mark, or UTF-16 with one). PDF page headers, footers and page
numbers are dropped and lines broken by the page layout joined into paragraphs."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from studyapp.importing.common import shorten
from studyapp.importing.document import Paragraph, paragraphs_of

MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
LEGACY_FONTS = (".vntime", ".vntimeh", "vni-times", "vni-", "vntime", ".vnarial", "vk times")


class DocumentError(Exception):
    """The document cannot be read: a message code (`document.CODE`) and parameters."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params


def read_document(path: Path) -> tuple[list[Paragraph], bool]:
    """The paragraphs of `path`, and whether its text is Markdown already (a .txt or
    .md, whose `*` and `-` mean what they mean in the bundled pack)."""
    if not path.is_file():
        raise DocumentError("missing")
    size = path.stat().st_size
    if size > MAX_DOCUMENT_BYTES:
        raise DocumentError("too_large", size=size, limit=MAX_DOCUMENT_BYTES)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return _docx(path), False
    if suffix == ".pdf":
        return _pdf(path), False
    if suffix in (".txt", ".md", ".markdown", ""):
        return _text(path), True
    raise DocumentError("unknown_kind", suffix=suffix)


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM accepted) or UTF-16 with its BOM; DocumentError at the first byte
    that is neither, with its line."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise DocumentError("not_text", byte=f"0x{data[error.start]:02X}",
                                line=data.count(b"\n\x00", 0, error.start) + 1) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise DocumentError("not_text", byte=f"0x{data[error.start]:02X}",
                            line=data.count(b"\n", 0, error.start) + 1) from error


def _text(path: Path) -> list[Paragraph]:
    text = decode_text(path.read_bytes()).replace("\r\n", "\n").replace("\r", "\n")
    return paragraphs_of([(number, line, False)
                          for number, line in enumerate(text.split("\n"), 1)])


def _docx(path: Path) -> list[Paragraph]:
    from studyapp.importing.docx_reader import docx_lines  # noqa: PLC0415

    lines = docx_lines(path)  # PackageError for a renamed .doc, a zip bomb, damage
    _check_fonts(path)
    items = []
    for line in lines:
        text = f"{line.list_label} {line.text}" if line.list_label else line.text
        bold = bool(line.spans) and all("bold" in marks for start, end, marks in line.spans
                                        if line.text[start:end].strip())
        # A soft line break inside a paragraph is a space to a reader.
        items.append((line.number, text.replace("\n", " "), bold))
    return paragraphs_of(items)


def _check_fonts(path: Path) -> None:
    """A document typed in a legacy Vietnamese font encoding (TCVN3 `.VnTime`, VNI)
    shows as garbage once read: say so rather than make lessons of it."""
    import zipfile  # noqa: PLC0415

    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        fonts = package.read("word/fontTable.xml").decode("utf-8", "replace").lower() \
            if "word/fontTable.xml" in names else ""
        body = package.read("word/document.xml").decode("utf-8", "replace").lower()
    used = [font for font in LEGACY_FONTS if f'w:ascii="{font}' in body or
            (f'w:name="{font}' in fonts and f'"{font}' in body)]
    if used:
        raise DocumentError("legacy_font", font=used[0])


_PAGE_NUMBER = re.compile(r"^\s*(?:trang\s*)?[-–]?\s*\d{1,4}\s*[-–]?\s*(?:/\s*\d{1,4})?\s*$",
                          re.IGNORECASE)
_ENDS_SENTENCE = re.compile(r"[.:;!?…”\")]\s*$|\./\.\s*$")
_STARTS_BLOCK = re.compile(r"^\s*(?:[-+•]\s|\(\d{1,2}\)|\d{1,2}[.)]\s|[IVXLC]+\s*[.:\-–]\s|"
                           r"[a-zđ]\)\s|điều\s+\d|chương\s|phần\s|mục\s+\d)", re.IGNORECASE)


def _pdf(path: Path) -> list[Paragraph]:
    try:
        import pypdf  # noqa: PLC0415

        reader = pypdf.PdfReader(str(path))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DocumentError("pdf_encrypted")
            except (NotImplementedError, pypdf.errors.PyPdfError) as error:
                raise DocumentError("pdf_encrypted") from error
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except Exception as error:  # pypdf raises many kinds for a damaged file
        raise DocumentError("pdf_damaged", reason=shorten(str(error), 120)) from error
    if not "".join(pages).strip():
        raise DocumentError("pdf_no_text", pages=len(pages))
    return paragraphs_of(pdf_paragraphs(pages))


def pdf_paragraphs(pages: list[str]) -> list[tuple[int, str, bool]]:
    """Lines of the pages joined into paragraphs: a line that repeats at the top or
    bottom of most pages (a running header or footer) and page numbers dropped; a line
    that does not end a sentence joined to the next unless that starts a block."""
    split = [[line.strip() for line in page.split("\n")] for page in pages]
    edges: Counter[str] = Counter()
    for lines in split:
        kept = [line for line in lines if line]
        for line in {*kept[:2], *kept[-2:]}:
            edges[re.sub(r"\d+", "#", line)] += 1
    running = {line for line, count in edges.items() if len(pages) >= 3 and count >= 0.6 *
               len(pages)}
    items: list[tuple[int, str, bool]] = []
    number = 0
    current = ""
    start = 0
    for lines in split:
        for line in lines:
            number += 1
            if not line or _PAGE_NUMBER.match(line) or re.sub(r"\d+", "#", line) in running:
                continue
            if current and (_ENDS_SENTENCE.search(current) or _STARTS_BLOCK.match(line)):
                items.append((start, current, False))
                current = ""
            if not current:
                current, start = line, number
            elif current.endswith("-") and line[:1].islower():
                current = current[:-1] + line  # a word hyphenated at the line's end
            else:
                current = f"{current} {line}"
    if current:
        items.append((start, current, False))
    return items


