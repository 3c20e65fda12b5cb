"""A study pack made from a document, for `studyapp pack new` and the interface's
"Thêm tài liệu mới": the document read and its structure found (`read_for_pack`), the
pack written whole into a new folder (`create_pack`), and a first draft of questions
from its own lessons (`write_drafts`)."""

from __future__ import annotations

import os
import re
import secrets
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.content.catalog import Catalog
from studyapp.content.problems import Problem
from studyapp.importing.document import Paragraph, Structure, default_depth, read_structure
from studyapp.importing.pack_writer import PackPlan, default_title, plan_pack

DRAFTS_FILE = "nhap.toml"
DRAFTS_BANK = "nhap"


@dataclass
class DocumentRead:
    """A document read for a pack: its paragraphs, structure and suggestions."""

    source: Path
    paragraphs: list[Paragraph]
    markdown: bool
    structure: Structure
    depth: int
    """The depth suggested: lessons of readable length (`default_depth`)."""
    title: str
    """The title suggested: the kind and the summary line."""
    levels: dict[int, int] = field(default_factory=dict)
    """Sections per level of the body (level 1 is `I.`, `Chương I` …)."""

    @property
    def deepest(self) -> int:
        return max(self.levels, default=1)

    def lessons_at(self, depth: int) -> int:
        """How many lessons a pack cut at `depth` has (the introduction included)."""
        intro = 1 if self.structure.front or self.structure.back else 0
        return intro + sum(count for level, count in self.levels.items() if level <= depth)

    @property
    def normalised(self) -> str:
        return "\n\n".join(p.text for p in self.paragraphs) + "\n"


def read_for_pack(source: Path) -> DocumentRead | None:
    """The document and its structure; None when it has no text. DocumentError or
    PackageError when it cannot be read."""
    from studyapp.importing.document_files import read_document  # noqa: PLC0415

    paragraphs, markdown = read_document(source)
    if not paragraphs:
        return None
    structure = read_structure(paragraphs)
    levels: dict[int, int] = {}
    for section in structure.all_sections():
        levels[section.depth] = levels.get(section.depth, 0) + 1
    return DocumentRead(source, paragraphs, markdown, structure, default_depth(structure),
                        default_title(structure, source.stem), levels)


def plan_for(read: DocumentRead, *, pack_id: str, title: str, depth: int,
             beside: Catalog | None = None) -> PackPlan:
    """The pack's files, to sit `beside` the content the program reads (`pack new`
    and "Thêm tài liệu mới" both give theirs): lesson ids are shared by every pack,
    so when one of them is already a lesson there, all are prefixed with the pack's
    id (`gioi-thieu` -> `<pack>-gioi-thieu`), never some of them."""
    taken = {lesson.id for lesson in beside.lessons} if beside is not None else set()
    plan = plan_pack(read.structure, pack_id=pack_id, title=title, depth=depth,
                     source_name=read.source.name, normalised=read.normalised,
                     markdown=read.markdown)
    if any(lesson.id in taken for lesson in plan.lessons):
        plan = plan_pack(read.structure, pack_id=pack_id, title=title, depth=depth,
                         source_name=read.source.name, normalised=read.normalised,
                         markdown=read.markdown, id_prefix=f"{pack_id}-")
    return plan


def write_folder(target: Path, files: dict[str, str]) -> None:
    """Every file into a new folder beside `target`, renamed to `target` when all are
    written: a killed `pack new` leaves no half-made pack under the name asked for."""
    temporary = target.parent / f".{target.name}.{secrets.token_hex(4)}.tmp"
    try:
        for name, text in files.items():
            path = temporary / name
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            shutil.rmtree(temporary, ignore_errors=True)


def free_pack_folder(root: Path, title: str) -> Path:
    """A folder of `root` named after the title that does not exist yet."""
    from studyapp.importing.common import bank_id_from  # noqa: PLC0415

    base = bank_id_from(title)[:40].rstrip("-") or "tai-lieu"
    path, number = root / base, 2
    while path.exists():
        path, number = root / f"{base}-{number}", number + 1
    return path


@dataclass
class DraftsWritten:
    path: Path
    count: int
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False


def write_drafts(folder: Path, *, bank_id: str = DRAFTS_BANK,
                 title: str = "Câu hỏi nháp", description: str = "") -> DraftsWritten:
    """A bank of draft questions from the pack's own lessons, into banks/nhap.toml
    (the caller checks that it does not exist yet). `count` 0: none could be made."""
    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.importing.common import ImportedQuestion, bank_table, dump_bank  # noqa: PLC0415
    from studyapp.importing.convert import write_file  # noqa: PLC0415
    from studyapp.importing.drafts import draft_questions  # noqa: PLC0415

    target = folder / "banks" / DRAFTS_FILE
    result = load_catalog([folder])
    if result.errors:
        return DraftsWritten(target, 0, list(result.problems), failed=True)
    catalog = result.catalog
    lessons = list(catalog.lessons)
    tables = draft_questions(lessons, {lesson.id: catalog.document(lesson.id)
                                       for lesson in lessons})
    if not tables:
        return DraftsWritten(target, 0)
    if bank_id != DRAFTS_BANK:  # question ids need not change: they are the bank's
        bank_id = re.sub(r"[^a-z0-9_.-]+", "-", bank_id)
    bank = bank_table([ImportedQuestion(table, 1) for table in tables], bank_id=bank_id,
                      title=title, description=description or None)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, dump_bank(bank))
    check = load_catalog([folder])
    return DraftsWritten(target, len(tables), list(check.problems), failed=bool(check.errors))
