"""`pack new`: a study pack from the Word, PDF or text file of next month's document."""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
from pathlib import Path

from studyapp.cli.common import CommandAdder, err, out
from studyapp.config import Settings
from studyapp.errors import UsageError
from studyapp.i18n import tr

_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"


def add_commands(command: CommandAdder) -> None:
    pack = command("pack", cmd_pack, "cli.cmd.pack")
    pack.add_argument("action", choices=("new", "draft-questions"),
                      help=tr("cli.arg.pack_action"))
    pack.add_argument("document", metavar="DOCUMENT|DIR", help=tr("cli.arg.pack_document"))
    pack.add_argument("-o", "--output", metavar="DIR", help=tr("cli.opt.pack_output"))
    pack.add_argument("--id", metavar="ID", help=tr("cli.opt.pack_id"))
    pack.add_argument("--title", metavar="T", help=tr("cli.opt.pack_title"))
    pack.add_argument("--depth", metavar="N", type=int, help=tr("cli.opt.pack_depth"))


def cmd_pack(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "draft-questions":
        return _draft_questions(Path(args.document))
    if not args.output:
        raise UsageError(tr("pack.needs_output"))
    return _new_pack(args)


def _new_pack(args: argparse.Namespace) -> int:
    import re  # noqa: PLC0415

    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.importing.common import PackageError, bank_id_from  # noqa: PLC0415
    from studyapp.importing.document import default_depth, read_structure  # noqa: PLC0415
    from studyapp.importing.document_files import DocumentError, read_document  # noqa: PLC0415
    from studyapp.importing.pack_writer import default_title, plan_pack  # noqa: PLC0415

    source, target = Path(args.document), Path(args.output)
    if args.id is not None and not re.fullmatch(_ID, args.id):
        raise UsageError(tr("pack.bad_id", value=args.id))
    if args.depth is not None and args.depth < 1:
        raise UsageError(tr("cli.not_positive", value=str(args.depth)))
    if target.exists():
        raise UsageError(tr("pack.target_exists", path=target))
    if not target.parent.is_dir():
        raise UsageError(tr("moodle.no_folder", folder=target.parent, path=target))
    try:
        paragraphs, markdown = read_document(source)
    except DocumentError as error:
        err(tr(f"document.{error.code}", None, path=source, **error.params))
        return 1
    except PackageError as error:
        err(tr(f"package.{error.code}", None, path=source, want="docx", **error.params))
        return 1
    if not paragraphs:
        err(tr("document.empty", path=source))
        return 1
    structure = read_structure(paragraphs)
    depth = args.depth or default_depth(structure)
    title = args.title or default_title(structure, source.stem)
    normalised = "\n\n".join(p.text for p in paragraphs) + "\n"
    plan = plan_pack(structure, pack_id=args.id or bank_id_from(target.name), title=title,
                     depth=depth, source_name=source.name, normalised=normalised,
                     markdown=markdown)
    _write_folder(target, plan.files)

    for line, code, params in sorted(structure.notes, key=lambda note: note[0]):
        err(f"{source}:{line}:1: warning: {tr(f'document.{code}', None, **params)}")
    levels = ", ".join(tr("pack.level", depth=level, count=count)
                       for level, count in sorted(plan.sections_per_depth.items()))
    out(tr("pack.report", path=target, lessons=len(plan.lessons), depth=depth,
           levels=levels or "0"))
    result = load_catalog([target])
    for problem in result.problems:
        err(problem.format())
    if result.errors:
        err(tr("pack.invalid", path=target))
        return 1
    out(tr("pack.next", path=target))
    return 0


def _write_folder(target: Path, files: dict[str, str]) -> None:
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


DRAFTS_FILE = "nhap.toml"


def _draft_questions(folder: Path) -> int:
    """A bank of draft questions from the pack's own lessons, into banks/nhap.toml."""
    from studyapp.content.loading import PACK_FILE, load_catalog  # noqa: PLC0415
    from studyapp.importing.common import ImportedQuestion, bank_table, dump_bank  # noqa: PLC0415
    from studyapp.importing.convert import write_file  # noqa: PLC0415
    from studyapp.importing.drafts import draft_questions  # noqa: PLC0415

    if not (folder / PACK_FILE).is_file():
        raise UsageError(tr("pack.not_a_pack", path=folder))
    target = folder / "banks" / DRAFTS_FILE
    if target.exists():
        raise UsageError(tr("pack.drafts_exist", path=target))
    result = load_catalog([folder])
    if result.errors:
        for problem in result.problems:
            err(problem.format())
        return 1
    catalog = result.catalog
    lessons = list(catalog.lessons)
    tables = draft_questions(lessons, {lesson.id: catalog.document(lesson.id)
                                       for lesson in lessons})
    if not tables:
        err(tr("pack.no_drafts", path=folder))
        return 1
    bank = bank_table([ImportedQuestion(table, 1) for table in tables], bank_id="nhap",
                      title="Câu hỏi nháp", description=tr("pack.drafts_description"))
    target.parent.mkdir(parents=True, exist_ok=True)
    write_file(target, dump_bank(bank))
    check = load_catalog([folder])
    for problem in check.problems:
        err(problem.format())
    out(tr("pack.drafts_written", path=target, count=len(tables)))
    return 1 if check.errors else 0
