"""Word files (and plain text) as the lines a person reads, with what marks each span:
python-docx reads paragraphs in order, tables cell by cell, and the formatting of each
run; it does not expose the labels of Word's automatic numbering, so those are computed
here from numbering.xml (the abstract numbering's level text and format, counted per
list). Used by the question importer (`word`) and by `pack new` (`document_files`)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studyapp.content.model import LETTERS
from studyapp.importing.common import PackageError, check_package, shorten

MAX_PARAGRAPHS = 200_000


@dataclass
class Line:
    """One paragraph (docx) or line (txt): its text, where it is, which spans of
    it carry which marks, and what else it holds."""

    number: int
    text: str
    spans: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)
    media: bool = False
    list_label: str = ""
    """The label Word's automatic numbering shows before it (`Câu 3.`, `B.`)."""
    cell: tuple[int, int] | None = None
    """(table, row) of a paragraph in a table's cell."""

    def marks(self, start: int, end: int) -> frozenset[str]:
        """The marks every non-space character of text[start:end] carries."""
        common: frozenset[str] | None = None
        for index in range(start, end):
            if self.text[index].isspace() or self.text[index] in ".):*":
                continue
            here = frozenset().union(*(m for s, e, m in self.spans if s <= index < e))
            common = here if common is None else common & here
            if not common:
                return frozenset()
        return common or frozenset()


# --- reading the files ---------------------------------------------------------------------


def text_lines(text: str) -> list[Line]:
    """The lines of a plain-text question file (its clean text)."""
    return [Line(number, line) for number, line in enumerate(text.split("\n"), 1)]


def docx_lines(path: Path) -> list[Line]:
    """The paragraphs of a Word file in reading order, tables cell by cell.
    Raises PackageError for a file that is not a readable .docx."""
    check_package(path, "word/document.xml", opendocument="odt")
    docx = import_docx()
    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx and lxml raise many kinds for a damaged file
        raise PackageError("damaged", reason=shorten(str(error), 120)) from error
    numbering = _Numbering(document)
    lines: list[Line] = []
    for element, cell in _blocks(document.element.body):
        if len(lines) >= MAX_PARAGRAPHS:
            break
        lines.append(_line(element, len(lines) + 1, numbering, cell))
    return lines


def import_docx() -> Any:
    """python-docx, or PackageError when this copy of the program has none: the
    single-file `studyapp.pyz` carries pure-Python libraries only, and python-docx
    needs lxml, which is compiled."""
    try:
        import docx  # noqa: PLC0415 - only when a Word file is read or written
    except ImportError as error:
        raise PackageError("no_word_reader") from error
    return docx


def _blocks(body: Any) -> Iterator[tuple[Any, tuple[int, int] | None]]:
    """Paragraphs of the body in order; a table's cells row by row (a 2×2 table of
    choices reads A, B, C, D)."""
    from docx.oxml.ns import qn  # noqa: PLC0415

    tables = 0
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield child, None
        elif child.tag == qn("w:tbl"):
            tables += 1
            for number, row in enumerate(child.iterchildren(qn("w:tr"))):
                for cell in row.iterchildren(qn("w:tc")):
                    for paragraph in cell.iter(qn("w:p")):
                        yield paragraph, (tables, number)


def _run_marks(run: Any) -> frozenset[str]:
    from docx.enum.text import WD_UNDERLINE  # noqa: PLC0415

    marks = set()
    if run.bold:
        marks.add("bold")
    if run.underline not in (None, False, WD_UNDERLINE.NONE):
        marks.add("underline")
    font = run.font
    if font.highlight_color is not None:
        marks.add("highlight")
    try:
        rgb = font.color.rgb if font.color is not None and font.color.type is not None else None
    except (ValueError, AttributeError):
        rgb = None
    if rgb is not None and rgb[0] >= 0xC0 and rgb[1] <= 0x60 and rgb[2] <= 0x60:
        marks.add("red")
    return frozenset(marks)


_MEDIA_TAGS = ("drawing", "pict", "object")
_MATH_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def _line(element: Any, number: int, numbering: _Numbering,
          cell: tuple[int, int] | None) -> Line:
    from docx.oxml.ns import qn  # noqa: PLC0415
    from docx.text.run import Run  # noqa: PLC0415

    parts: list[str] = []
    spans: list[tuple[int, int, frozenset[str]]] = []
    at = 0
    for run_element in element.iter(qn("w:r")):
        run = Run(run_element, None)  # type: ignore[arg-type]
        text = run.text
        if text:
            parts.append(text)
            spans.append((at, at + len(text), _run_marks(run)))
            at += len(text)
    media = any(True for tag in _MEDIA_TAGS for _ in element.iter(qn(f"w:{tag}"))) or any(
        True for _ in element.iter(f"{{{_MATH_NS}}}oMath"))
    return Line(number, "".join(parts), spans, media, numbering.label(element), cell)


class _Numbering:
    """Labels of Word's automatic numbering, counted as Word counts them: per
    abstract list and level, deeper levels restarting under a new item."""

    def __init__(self, document: Any) -> None:
        from docx.oxml.ns import qn  # noqa: PLC0415

        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.lists: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self._qn = qn
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        for abstract in root.iterchildren(qn("w:abstractNum")):
            levels = {}
            for level in abstract.iterchildren(qn("w:lvl")):
                fmt = level.find(qn("w:numFmt"))
                text = level.find(qn("w:lvlText"))
                start = level.find(qn("w:start"))
                levels[int(level.get(qn("w:ilvl"), "0"))] = (
                    fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                    text.get(qn("w:val"), "") if text is not None else "",
                    _int(start.get(qn("w:val"))) if start is not None else 1)
            self.levels[abstract.get(qn("w:abstractNumId"), "")] = levels
        for num in root.iterchildren(qn("w:num")):
            abstract_id = num.find(qn("w:abstractNumId"))
            overrides = {}
            for override in num.iterchildren(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                if start is not None:
                    overrides[int(override.get(qn("w:ilvl"), "0"))] = _int(start.get(qn("w:val")))
            self.lists[num.get(qn("w:numId"), "")] = (
                abstract_id.get(qn("w:val"), "") if abstract_id is not None else "", overrides)

    def label(self, paragraph: Any) -> str:
        qn = self._qn
        properties = paragraph.find(qn("w:pPr"))
        numbered = properties.find(qn("w:numPr")) if properties is not None else None
        if numbered is None:
            return ""
        num_id = numbered.find(qn("w:numId"))
        level_element = numbered.find(qn("w:ilvl"))
        list_id = num_id.get(qn("w:val"), "") if num_id is not None else ""
        level = _int(level_element.get(qn("w:val"))) if level_element is not None else 0
        if list_id not in self.lists:
            return ""
        abstract_id, overrides = self.lists[list_id]
        levels = self.levels.get(abstract_id, {})
        counters = self.counters.setdefault(abstract_id, {})
        if list_id not in self.started:
            self.started.add(list_id)
            for overridden, start in overrides.items():
                counters[overridden] = start - 1
        start = levels.get(level, ("decimal", "", 1))[2]
        counters[level] = counters.get(level, start - 1) + 1
        for deeper in [key for key in counters if key > level]:
            del counters[deeper]
        fmt, text, _ = levels.get(level, ("decimal", "%1.", 1))

        def value(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            count = counters.get(shown, levels.get(shown, ("", "", 1))[2])
            return _format_number(count, levels.get(shown, (fmt, "", 1))[0])

        return re.sub(r"%([1-9])", value, text)


def _int(value: str | None) -> int:
    try:
        return int(value or "0")
    except ValueError:
        return 0


def _format_number(count: int, fmt: str) -> str:
    if fmt in ("upperLetter", "lowerLetter"):
        letter = LETTERS[(count - 1) % len(LETTERS)] if count > 0 else "?"
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        roman = roman_numeral(count)
        return roman if fmt == "upperRoman" else roman.lower()
    return str(count)


def roman_numeral(count: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        while count >= value:
            out += numeral
            count -= value
    return out or "0"


