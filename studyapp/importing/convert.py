"""A question file made into banks of a pack, for `import-questions` and for the
interface's "Nhập câu hỏi từ Word/Excel": the format told from the file (Word, text in
the Word convention, Excel, GIFT, Aiken), every problem kept, each bank written whole
and only once the loader itself accepts it."""

from __future__ import annotations

import dataclasses
import os
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from studyapp.content.problems import Problem, ProblemLog
from studyapp.errors import StudyappError, UsageError
from studyapp.i18n import tr
from studyapp.importing.common import ImportResult, PackageError, bank_id_from, slug

SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm")
GENERIC_SHEET_TITLES = ("sheet", "sheet1", "trang tinh1", "trang tinh 1", "cau hoi", "questions")


@dataclass
class Conversion:
    """What converting one file did: the lines to show (problems at their place, what
    was written), the banks written with their question counts, and the outcome."""

    lines: list[str] = field(default_factory=list)
    written: list[tuple[Path, int]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    failed: bool = False


# --- writing a file whole or not at all ---------------------------------------------------


def check_output(path: Path) -> None:
    """A usage error now, before any work, if `path` cannot be a file we write."""
    if not path.parent.is_dir():
        raise UsageError(tr("moodle.no_folder", folder=path.parent, path=path))
    if path.is_dir():
        raise UsageError(tr("moodle.is_folder", path=path))


def write_file(path: Path, text: str,
               verify: Callable[[Path], list[Problem]] | None = None) -> list[Problem]:
    """Write `text` to `path` through a temporary file in the same folder,
    renamed over `path` only when complete (and, with `verify`, only if it
    finds no problem in it: its problems are returned, nothing is written)."""
    check_output(path)
    temporary = path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp"
    try:
        with temporary.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        problems = verify(temporary) if verify is not None else []
        if not problems:
            os.replace(temporary, path)
        return problems
    except OSError as error:
        raise StudyappError(tr("moodle.cannot_write", path=path,
                               reason=error.strerror or str(error))) from error
    finally:
        temporary.unlink(missing_ok=True)


def package_message(error: PackageError, path: Path, kind: str) -> str:
    """What to tell about an Office file that cannot be read (kind: xlsx or docx)."""
    return tr(f"package.{error.code}", None, path=path, want=kind, **error.params)


# --- converting -------------------------------------------------------------------------


def convert_questions(source: Path, output: Path, *, fmt: str | None = None,
                      bank_id: str | None = None, lesson: str | None = None,
                      lessons: set[str] | None = None) -> Conversion:
    """Convert `source` into the bank `output` (several sheets: `OUTPUT-<sheet>.toml`).
    `lessons`: the lesson ids of the pack the bank goes into, when known."""
    from studyapp.content.source import read_text  # noqa: PLC0415
    from studyapp.importing.aiken import parse_aiken  # noqa: PLC0415
    from studyapp.importing.common import detect_format  # noqa: PLC0415
    from studyapp.importing.gift import parse_gift  # noqa: PLC0415

    done = Conversion()
    suffix = source.suffix.lower()
    if fmt == "excel" or (fmt is None and suffix in SPREADSHEET_SUFFIXES):
        _workbook(done, source, output, bank_id=bank_id, lesson=lesson, lessons=lessons)
        return done
    if fmt in (None, "word") and suffix == ".docx":
        _document(done, source, output, bank_id=bank_id, lesson=lesson, lessons=lessons)
        return done
    log = ProblemLog()
    text = read_text(source, log)
    if text is not None and not text.strip():
        log.error(source, 1, 1, "import_empty")
        text = None
    if text is None:  # not UTF-8, unreadable, too large, empty: said at its line
        _said(done, log.sorted())
        done.failed = True
        return done
    kind = fmt or detect_format(source, text)
    if kind is None:
        raise UsageError(tr("moodle.unknown_format", path=source))
    if kind == "word":
        from studyapp.importing.docx_reader import text_lines  # noqa: PLC0415
        from studyapp.importing.word import parse_lines  # noqa: PLC0415

        result = parse_lines(text_lines(text), source)
    else:
        result = (parse_gift if kind == "gift" else parse_aiken)(text, source)
    _write_bank(done, result, log, output, lessons,
                bank_id=bank_id or bank_id_from(source.stem), title=result.title or source.stem,
                lesson=lesson,
                description=tr("moodle.bank_description", name=source.name,
                               format=kind.upper()))
    return done


def _said(done: Conversion, problems: list[Problem]) -> None:
    done.problems.extend(problems)
    done.lines.extend(problem.format() for problem in problems)


def _document(done: Conversion, source: Path, output: Path, *, bank_id: str | None,
              lesson: str | None, lessons: set[str] | None) -> None:
    """A Word file in the Vietnamese quiz convention, as one bank."""
    from studyapp.importing.docx_reader import docx_lines  # noqa: PLC0415
    from studyapp.importing.word import parse_lines  # noqa: PLC0415

    try:
        result = parse_lines(docx_lines(source), source)
    except PackageError as error:
        done.lines.append(package_message(error, source, "docx"))
        done.failed = True
        return
    _write_bank(done, result, ProblemLog(), output, lessons,
                bank_id=bank_id or bank_id_from(source.stem),
                title=result.title or source.stem, lesson=lesson,
                description=tr("moodle.bank_description", name=source.name, format="Word"))


def _workbook(done: Conversion, source: Path, output: Path, *, bank_id: str | None,
              lesson: str | None, lessons: set[str] | None) -> None:
    """Each sheet with a question header becomes a bank: one sheet into `output`,
    several into `OUTPUT-<sheet>.toml` beside it."""
    from studyapp.importing.spreadsheet import parse_workbook  # noqa: PLC0415
    from studyapp.text import fold  # noqa: PLC0415

    try:
        sheets = parse_workbook(source)
    except PackageError as error:
        done.lines.append(package_message(error, source, "xlsx"))
        done.failed = True
        return
    base_id = bank_id or bank_id_from(source.stem)
    several = len(sheets) > 1
    for title, result in sheets:
        part = slug(title) or "sheet"
        target = output.with_name(f"{output.stem}-{part}{output.suffix}") if several else output
        generic = " ".join(fold(title).split()) in GENERIC_SHEET_TITLES
        _write_bank(done, result, ProblemLog(), target, lessons,
                    bank_id=f"{base_id}-{bank_id_from(title)}" if several else base_id,
                    title=source.stem if generic and not several else title, lesson=lesson,
                    description=tr("moodle.bank_description", name=f"{source.name} › {title}",
                                   format="Excel"))


def _write_bank(done: Conversion, result: ImportResult, log: ProblemLog, output: Path,
                lessons: set[str] | None, *, bank_id: str, title: str, lesson: str | None,
                description: str) -> None:
    """Check `result`'s questions against the pack, write them as a bank the loader
    takes, and say what was done."""
    from studyapp.content.banks import load_bank  # noqa: PLC0415
    from studyapp.importing.common import bank_table, dump_bank  # noqa: PLC0415

    log.extend(result.problems)
    if lessons is not None:
        # Lessons named in the file (our own export writes them) must be lessons
        # of the pack the bank goes into, or the pack would refuse the bank.
        for question in result.questions:
            named = question.table.get("lesson")
            if named is not None and named not in lessons:
                del question.table["lesson"]
                log.warning(result.path, question.line, question.column,
                            "import_unknown_lesson", lesson=named)
    _said(done, log.sorted())
    if log.errors:
        done.failed = True
    questions = result.questions
    if not questions:
        done.lines.append(tr("moodle.nothing_written", path=output))
        done.failed = True
        return
    bank = bank_table(questions, bank_id=bank_id, title=title, lesson=lesson,
                      description=description)

    def verify(written: Path) -> list[Problem]:
        # The bank must be one the loader takes: checked by the loader itself.
        check = ProblemLog()
        load_bank(written, "", check)
        return [dataclasses.replace(problem, path=output) for problem in check.errors]

    failed = write_file(output, dump_bank(bank), verify)
    if failed:
        _said(done, failed)
        done.lines.append(tr("moodle.check_failed", path=output))
        done.failed = True
        return
    done.written.append((output, len(questions)))
    done.lines.append(tr("moodle.import_summary", count=len(questions), path=output,
                         skipped=len(result.skipped), errors=len(log.errors),
                         warnings=len(log.warnings)))


IMPORTED_PACK = "cau-hoi-nhap"
_IMPORTED_PACK_TOML = """format = 1
id = "{id}"
title = "{title}"
source = "{source}"
language = "vi"
"""


def imported_banks_folder(content_root: Path) -> Path:
    """The `banks/` folder of the pack that holds question sets imported in the
    interface (made in `content_root`, the user's content folder, when missing)."""
    pack = content_root / IMPORTED_PACK
    banks = pack / "banks"
    banks.mkdir(parents=True, exist_ok=True)
    toml = pack / "pack.toml"
    if not toml.exists():
        write_file(toml, _IMPORTED_PACK_TOML.format(
            id=IMPORTED_PACK, title=tr("import_ui.pack_title"), source=tr("import_ui.pack_source")))
    return banks


def free_bank_path(banks: Path, source: Path) -> Path:
    """A bank file named after `source` that does not exist yet (`de-thi-2.toml`)."""
    base = "nhap-" + bank_id_from(source.stem)  # never the id of a bundled bank
    path, number = banks / f"{base}.toml", 2
    while path.exists() or any(banks.glob(f"{path.stem}-*.toml")):
        path, number = banks / f"{base}-{number}.toml", number + 1
    return path
