"""Lessons checked against the document they quote (`validate`, for a pack whose
`pack.toml` names a `source_file`): every block outside `> Ghi chú:` notes is a
quotation of the source after ERRATA.md's corrections, each erratum is real and
applied, and the coverage — the share of the source's sentences some lesson quotes —
is measured. The bundled pack's own tests made this check; every author gets it.

ERRATA.md is read as the bundled pack writes it (docs/packs-from-documents.md): a
Markdown table whose rows are `| LINE | ORIGINAL | CORRECTED | LESSON, LESSON |`, LINE
a line number of the source file. Other lines are prose and ignored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from studyapp.content.document import Document
from studyapp.content.model import Lesson, Pack
from studyapp.content.problems import ProblemLog
from studyapp.content.source import read_text
from studyapp.i18n import format_decimal
from studyapp.text import collapse_whitespace

ERRATA_FILE = "ERRATA.md"
_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
_LIST_NUMBER = re.compile(r"^\(?\d+[.)]\s+")
_MARKS = re.compile(r"[*_]")


@dataclass(frozen=True)
class Erratum:
    line: int
    original: str
    corrected: str
    lessons: tuple[str, ...]
    errata_line: int


@dataclass(frozen=True)
class Coverage:
    """How much of the source the lessons quote."""

    pack_id: str
    sentences: int
    quoted: int

    @property
    def share(self) -> float:
        return self.quoted / self.sentences if self.sentences else 1.0


def read_errata(path: Path, log: ProblemLog) -> list[Erratum]:
    if not path.is_file():
        return []
    text = read_text(path, log) or ""
    rows = []
    for number, line in enumerate(text.split("\n"), 1):
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[0].isdigit():
            rows.append(Erratum(int(cells[0]), cells[1], cells[2],
                                tuple(part.strip() for part in cells[3].split(",")
                                      if part.strip()), number))
    return rows


def _plain(text: str) -> str:
    """Text as compared: emphasis marks and list dashes gone, white space single,
    case folded (a list item may capitalise a quoted clause)."""
    text = _MARKS.sub("", text)
    text = re.sub(r"(?m)^\s*[-+]\s+", "", text)
    return collapse_whitespace(text).casefold()


def _segments(block_text: str) -> list[str]:
    """The quoted words of a block: list numbering, quotation marks around the
    whole and `…` where a quotation was cut are not part of them."""
    text = _LIST_NUMBER.sub("", block_text.strip())
    if text.startswith("“") and text.endswith(("”", "”;", "”.", "”,")):
        text = text[1:text.rindex("”")]
    return [part.strip(" ;,") for part in text.split("…") if part.strip(" ;,.")]


def check_fidelity(pack: Pack, lessons: Sequence[Lesson], documents: dict[str, Document],
                   log: ProblemLog) -> Coverage | None:
    """Warnings for what a pack's lessons say that its source does not; the coverage.
    None when the pack keeps no source."""
    if pack.source_file is None:
        return None
    source = read_text(pack.source_file, log)
    if source is None:
        return None
    lines = source.split("\n")
    errata = read_errata(pack.path / ERRATA_FILE, log)
    errata_path = pack.path / ERRATA_FILE
    for erratum in errata:
        if not 1 <= erratum.line <= len(lines) or erratum.original not in lines[erratum.line - 1]:
            log.warning(errata_path, erratum.errata_line, 1, "errata_not_in_source",
                        line=erratum.line, text=erratum.original[:60])
            continue
        lines[erratum.line - 1] = lines[erratum.line - 1].replace(erratum.original,
                                                                  erratum.corrected)
    corrected = _plain(" ".join(line for line in lines if line.strip()))
    by_id = {lesson.id: lesson for lesson in lessons}
    for erratum in errata:
        for lesson_id in erratum.lessons:
            lesson = by_id.get(lesson_id)
            document = documents.get(lesson_id)
            if lesson is None or document is None:
                log.warning(errata_path, erratum.errata_line, 1, "errata_unknown_lesson",
                            lesson=lesson_id)
            elif _plain(erratum.corrected) not in _plain(" ".join(
                    [document.plain, *lesson.key_points])):
                log.warning(errata_path, erratum.errata_line, 1, "errata_not_applied",
                            lesson=lesson_id, text=erratum.corrected[:60])
    quoted_text = []
    for lesson in lessons:
        document = documents.get(lesson.id)
        if document is None:
            continue
        quoted_text.append(document.plain)
        for block in document.blocks:
            if block.quoted:
                continue  # `> Ghi chú:` notes explain; they do not quote
            for segment in _segments(block.text):
                if _plain(segment) not in corrected:
                    line = lesson.body_line + document.plain.count("\n", 0, block.start)
                    log.warning(lesson.path, line, 1, "not_in_source",
                                words=" ".join(segment.split()[:8]))
                    break
    lessons_plain = _plain(" \n ".join(quoted_text))
    sentences = [part for line in lines if line.strip()
                 for part in _SENTENCE_END.split(_LIST_NUMBER.sub("", _plain(line)))
                 if part.strip(" .;:")]
    quoted = sum(1 for sentence in sentences if sentence in lessons_plain)
    coverage = Coverage(pack.id, len(sentences), quoted)
    if coverage.quoted < coverage.sentences:
        first = next(sentence for sentence in sentences if sentence not in lessons_plain)
        log.warning(pack.source_file, 1, 1, "coverage_below_full",
                    share=format_decimal(coverage.share * 100), missing=coverage.sentences - quoted,
                    words=" ".join(first.split()[:8]))
    return coverage
