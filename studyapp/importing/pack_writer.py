"""A study pack made from a document's structure (`studyapp pack new`): a lesson per
section down to a depth, the deeper ones kept in their lesson's body, an introduction
lesson with the front (header, kind, summary, preamble) and the back (closing,
recipients, signature), the normalised document as `source.txt`, and an `ERRATA.md` stub.
Lesson bodies are the document's own paragraphs; nothing is paraphrased and no key point
is invented (the format makes them optional)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from studyapp.importing.document import Paragraph, Section, Structure, lesson_id

INTRO_ID = "gioi-thieu"
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")
_LINE_START = re.compile(r"^(\s*)([>+=~]|\d+[.)](?=\s)|-(?=\s))")


@dataclass
class Lesson:
    id: str
    title: str
    source: str
    body: str
    parent: str | None = None
    order: int = 0


@dataclass
class PackPlan:
    """What `pack new` writes: the files by their path in the pack, and the report."""

    files: dict[str, str]
    lessons: list[Lesson]
    sections_per_depth: dict[int, int] = field(default_factory=dict)
    id_prefix: str = ""
    """What went before every lesson id ("" for none)."""


def escape_markdown(text: str) -> str:
    """A paragraph of a Word or PDF document as Markdown that renders as its text."""
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    """The backslash goes before the punctuation: CommonMark escapes punctuation only,
    so `\\5.` would show its backslash, while `5\\.` is the text `5.`, not a list."""
    indent, mark = match.group(1), match.group(2)
    if mark[0].isdigit():
        return indent + mark[:-1] + "\\" + mark[-1]
    return indent + "\\" + mark


def _body(paragraphs: Sequence[Paragraph], markdown: bool) -> str:
    shown = [p.text if markdown else escape_markdown(p.text) for p in paragraphs]
    return "\n\n".join(shown) + "\n"


def _front_matter(values: dict[str, Any]) -> str:
    import tomli_w  # noqa: PLC0415

    return "+++\n" + tomli_w.dumps({k: v for k, v in values.items() if v is not None}) + "+++\n"


def plan_pack(structure: Structure, *, pack_id: str, title: str, depth: int,
              source_name: str, normalised: str, markdown: bool,
              id_prefix: str = "") -> PackPlan:
    """The pack's files. `markdown`: the document's text is already Markdown-like
    (a .txt or .md); otherwise its special characters are escaped. `id_prefix` goes
    before every lesson id (lesson ids are shared by every pack the program reads: a
    pack made beside the bundled one must not reuse its `gioi-thieu`, `ii-3-1`)."""
    lessons: list[Lesson] = []
    intro_id = id_prefix + INTRO_ID
    taken: set[str] = {intro_id}

    def unique(base: str) -> str:
        base = id_prefix + base
        made, number = base, 2
        while made in taken:
            made = f"{base}-{number}"
            number += 1
        taken.add(made)
        return made

    intro = [*structure.front, *structure.back]
    if intro:
        lessons.append(Lesson(intro_id, _intro_title(structure, title),
                              "Phần mở đầu; Nơi nhận" if structure.back else "Phần mở đầu",
                              _body(intro, markdown), None, 0))

    def visit(section: Section, parent: str | None, order: int) -> None:
        own = list(section.paragraphs)
        if section.depth >= depth:
            for child in section.children:
                own += [p for below in child.walk() for p in below.paragraphs]
        made = unique(lesson_id(section.reference))
        lessons.append(Lesson(made, section.title, section.reference, _body(own, markdown),
                              parent, order))
        if section.depth < depth:
            for number, child in enumerate(section.children, 1):
                visit(child, made, number)

    for number, section in enumerate(structure.sections, 1):
        visit(section, None, number)

    files: dict[str, str] = {}
    for lesson in lessons:
        files[f"lessons/{lesson.id}.md"] = _front_matter({
            "id": lesson.id, "title": lesson.title, "parent": lesson.parent,
            "order": lesson.order, "source": lesson.source}) + lesson.body
    import tomli_w  # noqa: PLC0415

    source_ref = " ".join(part for part in (
        structure.kind.capitalize() if structure.kind else None,
        (structure.number[:1].lower() + structure.number[1:]) if structure.number else None)
        if part) or source_name
    files["pack.toml"] = tomli_w.dumps({"format": 1, "id": pack_id, "title": title,
                                        "source": source_ref, "language": "vi",
                                        "source_file": "source.txt"})
    files["source.txt"] = normalised
    files["ERRATA.md"] = ERRATA_STUB.format(name=source_name)
    per_depth: dict[int, int] = {}
    for section in structure.all_sections():
        per_depth[section.depth] = per_depth.get(section.depth, 0) + 1
    return PackPlan(files, lessons, per_depth, id_prefix)


def _intro_title(structure: Structure, title: str) -> str:
    if structure.kind and structure.number:
        number = structure.number
        return f"Giới thiệu {structure.kind.capitalize()} {number[:1].lower()}{number[1:]}"
    return f"Giới thiệu: {title}"


ERRATA_STUB = """# Đính chính (ERRATA)

Các lỗi của bản `{name}` đã sửa khi soạn bài học (lỗi quét, lỗi chính tả rõ ràng). Mỗi
dòng một chỗ sửa: không thêm, bớt hay thay đổi từ ngữ nào khác của văn bản.

| Dòng | Nguyên bản | Đã sửa thành | Bài học |
|---|---|---|---|
"""


def default_title(structure: Structure, fallback: str) -> str:
    """The pack's title: the kind and the summary line (`Kế hoạch tuyên truyền …`)."""
    if structure.kind and structure.summary:
        summary = structure.summary.strip(" *_")
        return f"{structure.kind.capitalize()} {summary[:1].lower()}{summary[1:]}"
    return fallback
