"""`pack new`: a study pack from the Word, PDF or text file of next month's document."""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import CommandAdder, err, load_content, out
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
    return _new_pack(args, settings)


def _new_pack(args: argparse.Namespace, settings: Settings) -> int:
    import re  # noqa: PLC0415

    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.importing.common import PackageError, bank_id_from  # noqa: PLC0415
    from studyapp.importing.document_files import DocumentError  # noqa: PLC0415
    from studyapp.importing.new_pack import plan_for, read_for_pack, write_folder  # noqa: PLC0415

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
        read = read_for_pack(source)
    except DocumentError as error:
        err(tr(f"document.{error.code}", None, path=source, **error.params))
        return 1
    except PackageError as error:
        err(tr(f"package.{error.code}", None, path=source, want="docx", **error.params))
        return 1
    if read is None:
        err(tr("document.empty", path=source))
        return 1
    structure = read.structure
    depth = args.depth or read.depth
    # The lesson ids beside the content this program reads (as the interface's "Thêm
    # tài liệu mới" does): a clash with them prefixes every id with the pack's.
    beside = load_content(settings, with_banks=False).catalog
    plan = plan_for(read, pack_id=args.id or bank_id_from(target.name),
                    title=args.title or read.title, depth=depth, beside=beside)
    write_folder(target, plan.files)

    for line, code, params in sorted(structure.notes, key=lambda note: note[0]):
        err(f"{source}:{line}:1: warning: {tr(f'document.{code}', None, **params)}")
    levels = ", ".join(tr("pack.level", depth=level, count=count)
                       for level, count in sorted(plan.sections_per_depth.items()))
    out(tr("pack.report", path=target, lessons=len(plan.lessons), depth=depth,
           levels=levels or "0"))
    if plan.id_prefix:
        out(tr("pack.ids_prefixed", prefix=plan.id_prefix))
    result = load_catalog([target])
    for problem in result.problems:
        err(problem.format())
    if result.errors:
        err(tr("pack.invalid", path=target))
        return 1
    out(tr("pack.next", path=target))
    return 0


def _draft_questions(folder: Path) -> int:
    """A bank of draft questions from the pack's own lessons, into banks/nhap.toml."""
    from studyapp.content.loading import PACK_FILE  # noqa: PLC0415
    from studyapp.importing.new_pack import DRAFTS_FILE, write_drafts  # noqa: PLC0415

    if not (folder / PACK_FILE).is_file():
        raise UsageError(tr("pack.not_a_pack", path=folder))
    target = folder / "banks" / DRAFTS_FILE
    if target.exists():
        raise UsageError(tr("pack.drafts_exist", path=target))
    # The bank's id is the pack's own, as the interface writes it: bank ids are shared
    # by every pack the program reads, and two packs' `nhap` banks would clash.
    done = write_drafts(folder, bank_id=f"nhap-{folder.resolve().name}",
                        description=tr("pack.drafts_description"))
    for problem in done.problems:
        err(problem.format())
    if done.failed and not done.count:
        return 1
    if not done.count:
        err(tr("pack.no_drafts", path=folder))
        return 1
    out(tr("pack.drafts_written", path=target, count=done.count))
    return 1 if done.failed else 0
