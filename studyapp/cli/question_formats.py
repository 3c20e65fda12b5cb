"""`import-questions` and `export-questions`: question banks to and from GIFT and Aiken."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from studyapp.cli.common import CommandAdder, err, load_content, report_load
from studyapp.config import Settings
from studyapp.content.problems import ProblemLog
from studyapp.errors import UsageError
from studyapp.i18n import tr
from studyapp.importing.convert import check_output, package_message, write_file

T = TypeVar("T")

if TYPE_CHECKING:
    pass

FORMATS = ("gift", "aiken")
IN_FORMATS = (*FORMATS, "excel", "word")
OUT_FORMATS = (*FORMATS, "xlsx", "docx")


def add_commands(command: CommandAdder) -> None:
    """Register both subcommands with the parser `command` adds to."""
    importing = command("import-questions", cmd_import_questions, "cli.cmd.import_questions")
    importing.add_argument("file", metavar="FILE", help=tr("cli.arg.questions_file"))
    importing.add_argument("--format", choices=IN_FORMATS,
                           help=tr("cli.opt.questions_in_format"))
    importing.add_argument("-o", "--output", metavar="BANK.toml", required=True,
                           help=tr("cli.opt.questions_bank_out"))
    importing.add_argument("--bank-id", metavar="ID", help=tr("cli.opt.questions_bank_id"))
    importing.add_argument("--lesson", metavar="ID", help=tr("cli.opt.questions_lesson"))

    exporting = command("export-questions", cmd_export_questions, "cli.cmd.export_questions")
    which = exporting.add_mutually_exclusive_group(required=True)
    which.add_argument("--bank", metavar="ID", help=tr("cli.opt.questions_bank"))
    which.add_argument("--template", choices=("xlsx",), help=tr("cli.opt.questions_template"))
    exporting.add_argument("--format", choices=OUT_FORMATS,
                           help=tr("cli.opt.questions_out_format"))
    exporting.add_argument("-o", "--output", metavar="FILE", help=tr("cli.opt.questions_out_file"))
    exporting.add_argument("--answers", choices=("inline", "table", "none"), default="inline",
                           help=tr("cli.opt.questions_answers"))


# --- writing a file whole or not at all ---------------------------------------------------


def _write_binary(path: Path, write: Callable[[BinaryIO], T]) -> T:
    """`write` into the file through the rule every export follows (`write_atomically`:
    beside it, synced, renamed; never through a link); an existing file is replaced."""
    from studyapp.export.files import write_atomically  # noqa: PLC0415

    values: list[T] = []
    write_atomically(path, lambda stream: values.append(write(stream)), force=True)
    return values[0]


# --- import-questions --------------------------------------------------------------------


def cmd_import_questions(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.content.checks import ID_PATTERN  # noqa: PLC0415 - this command only
    from studyapp.importing.convert import convert_questions  # noqa: PLC0415

    source, output = Path(args.file), Path(args.output)
    if not source.is_file():
        raise UsageError(tr("moodle.no_file", path=source))
    if output.exists() and output.resolve() == source.resolve():
        raise UsageError(tr("moodle.same_file", path=source))
    for option, value in (("--bank-id", args.bank_id), ("--lesson", args.lesson)):
        if value is not None and not ID_PATTERN.fullmatch(value):
            raise UsageError(tr("moodle.bad_id", option=option, value=value))
    check_output(output)
    lessons = _pack_lessons(output)
    if args.lesson is not None and lessons is not None and args.lesson not in lessons:
        raise UsageError(tr("moodle.unknown_lesson", lesson=args.lesson,
                            pack=output.resolve().parent.parent,
                            suggestion=_suggestion(args.lesson, lessons)))

    done = convert_questions(source, output, fmt=args.format, bank_id=args.bank_id,
                             lesson=args.lesson, lessons=lessons)
    for line in done.lines:
        err(line)
    return 1 if done.failed else 0


def _pack_lessons(output: Path) -> set[str] | None:
    """The lesson ids of the pack whose `banks/` folder `output` is in; None
    if it is in no pack."""
    from studyapp.content.loading import PACK_FILE, load_catalog  # noqa: PLC0415

    folder = output.resolve().parent
    if folder.name != "banks" or not (folder.parent / PACK_FILE).is_file():
        return None
    catalog = load_catalog([folder.parent], with_banks=False).catalog
    return {lesson.id for lesson in catalog.lessons}


def _suggestion(value: str, known: Iterable[str]) -> str:
    from studyapp.content.problems import closest  # noqa: PLC0415

    hint = closest(value, known)
    return tr("problem.did_you_mean", match=hint) if hint else ""


# --- export-questions --------------------------------------------------------------------


def cmd_export_questions(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.content.checks import TableChecker  # noqa: PLC0415
    from studyapp.content.model import Question  # noqa: PLC0415
    from studyapp.content.source import read_text  # noqa: PLC0415
    from studyapp.importing.moodle_out import write_aiken, write_gift  # noqa: PLC0415

    output = Path(args.output) if args.output else None
    if output is not None:
        check_output(output)
    if (args.template is not None or args.format in ("xlsx", "docx")) and output is None:
        raise UsageError(tr("sheet.needs_output"))
    if args.template is None and args.format is None:
        raise UsageError(tr("sheet.needs_format"))
    if args.template is not None and output is not None:
        from studyapp.importing.sheet_out import write_template  # noqa: PLC0415

        _write_binary(output, write_template)
        err(tr("sheet.template_written", path=output))
        return 0
    result = load_content(settings)
    bank = next((bank for bank in result.catalog.banks if bank.id == args.bank), None)
    if bank is None:
        report_load(result)  # the bank may be there but have errors
        raise UsageError(tr("cli.unknown_filter", kind=tr("cli.filter.bank"), value=args.bank,
                            suggestion=_suggestion(args.bank,
                                                   [bank.id for bank in result.catalog.banks])))

    if args.format in ("xlsx", "docx"):
        from studyapp.importing.sheet_out import write_workbook  # noqa: PLC0415
        from studyapp.importing.word_out import write_document  # noqa: PLC0415

        assert output is not None
        if args.format == "xlsx":
            count = _write_binary(output, lambda stream: write_workbook([bank], stream))
        else:
            from studyapp.importing.common import PackageError  # noqa: PLC0415
            from studyapp.importing.docx_reader import import_docx  # noqa: PLC0415

            try:
                import_docx()  # before anything is written: the pyz has no Word library
            except PackageError as error:
                err(package_message(error, output, "docx"))
                return 1
            count = _write_binary(output, lambda stream: write_document(
                [bank], stream, answers=args.answers))
        err(tr("moodle.export_summary", count=count, skipped=0, format=args.format.upper(),
               target=output))
        return report_load(result)

    log = ProblemLog()
    checkers: dict[Path, TableChecker] = {}

    def skip(question: Question, code: str, /, **params: object) -> None:
        # Said at the question's `[[questions]]` line of its bank file.
        checker = checkers.get(question.path)
        if checker is None:
            text = read_text(question.path, ProblemLog()) or ""
            checker = checkers[question.path] = TableChecker(question.path, text, ProblemLog())
        where = checker.where(("questions", question.index))
        log.warning(question.path, where.line, where.column, code, id=question.id, **params)

    if args.format == "gift":
        text, written = write_gift(bank.questions, skip, heading=f"{bank.id}: {bank.title}",
                                   category=bank.title)
    else:
        text, written = write_aiken(bank.questions, skip)
    for problem in log.sorted():
        err(problem.format())
    if not written:
        err(tr("moodle.export_nothing", bank=bank.id, format=args.format.upper()))
        return 1
    if output is None:
        sys.stdout.write(text)
    else:
        write_file(output, text)
    err(tr("moodle.export_summary", count=written, skipped=len(log), format=args.format.upper(),
            target=output if output is not None else tr("moodle.stdout")))
    return report_load(result)
