"""The `studyapp` command: subcommands for scripts, and the terminal UI with none.

Textual is imported only when the UI starts, so scripted commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from studyapp import __version__
from studyapp.config import Settings, load_user_config, resolve_settings
from studyapp.content.banks import load_bank
from studyapp.content.catalog import Catalog
from studyapp.content.loading import (
    PACK_FILE,
    LoadResult,
    load_catalog,
    load_lesson,
    load_pack_file,
)
from studyapp.content.model import LETTERS, QUESTION_TYPES
from studyapp.content.problems import Problem, ProblemLog, closest
from studyapp.errors import StudyappError, UsageError
from studyapp.export.questions import question_data, written_answer
from studyapp.i18n import DEFAULT_LANG, LANGUAGES, Lang, format_count, set_language, tr
from studyapp.paths import ENV_PIN
from studyapp.quiz.selection import Filters, draw_paper, new_seed, select_questions

if TYPE_CHECKING:
    from studyapp.store.models import Cell
    from studyapp.store.store import Store

Handler = Callable[[argparse.Namespace, Settings], int]


# --- output --------------------------------------------------------------------


def _utf8(stream: TextIO) -> None:
    """Write UTF-8 whatever the locale (a Windows pipe defaults to cp1252)."""
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="replace")


def _out(text: str = "") -> None:
    print(text, file=sys.stdout)


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _print_json(value: object) -> None:
    import json  # noqa: PLC0415 - not needed to start the interface

    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# --- content -------------------------------------------------------------------


def load_content(settings: Settings, *, with_banks: bool = True) -> LoadResult:
    """The catalog in use; a `--content` folder that does not exist is a usage error."""
    for entry in settings.content_dirs:
        if entry.origin == "--content" and not entry.path.exists():
            raise UsageError(tr("cli.no_content_dir", path=entry.path, origin=entry.origin))
    return load_catalog(settings.content_paths, cache_dir=settings.cache_dir,
                        with_banks=with_banks)


def _report_load(result: LoadResult) -> int:
    """Errors to stderr (warnings only counted); 1 if there were errors."""
    for problem in result.errors:
        _err(problem.format())
    if result.warnings:
        _err(tr("cli.problems_hidden", warnings=len(result.warnings)))
    return 1 if result.errors else 0


# --- validate --------------------------------------------------------------------


def _enclosing_pack(path: Path) -> Path | None:
    for parent in list(path.resolve().parents)[:3]:
        if (parent / PACK_FILE).is_file():
            return parent
    return None


def _counts(catalog: Catalog) -> list[str]:
    """Per pack: its lessons, its questions, and its questions of each type."""
    lines = []
    for pack in catalog.packs:
        questions = [q for bank in catalog.banks if bank.pack_id == pack.id
                     for q in bank.questions]
        types = ", ".join(f"{kind} {sum(1 for q in questions if q.type == kind)}"
                          for kind in QUESTION_TYPES)
        lessons = sum(1 for lesson in catalog.lessons if lesson.pack_id == pack.id)
        lines.append(tr("cli.pack_counts", pack=pack.id, lessons=lessons,
                        questions=len(questions), types=types))
    return lines


def _validate_paths(paths: Sequence[Path]) -> tuple[list[Problem], int, Catalog | None]:
    """Check the given folders and files. A file inside a pack is checked with
    its pack (ids, parents), and only its own problems are reported."""
    log = ProblemLog()
    roots: list[Path] = []
    wanted_dirs: list[Path] = []
    wanted_files: set[Path] = set()
    standalone: list[Path] = []
    for path in paths:
        if path.is_dir():
            roots.append(path)
            wanted_dirs.append(path.resolve())
        elif path.is_file():
            pack_dir = _enclosing_pack(path)
            if pack_dir is None:
                standalone.append(path)
            else:
                roots.append(pack_dir)
                wanted_files.add(path.resolve())
        else:
            log.error(path, 1, 1, "not_found")
    files = 0
    catalog = None
    if roots:
        result = load_catalog(dict.fromkeys(roots))
        catalog = result.catalog
        files += result.files_read

        def wanted(problem: Problem) -> bool:
            resolved = problem.path.resolve()
            return resolved in wanted_files or any(
                resolved == d or d in resolved.parents for d in wanted_dirs)

        log.extend(p for p in result.problems if wanted(p))
    for path in standalone:
        files += 1
        if path.name == PACK_FILE:
            load_pack_file(path.parent, log)
        elif path.suffix == ".md":
            load_lesson(path, "", log)
        elif path.suffix == ".toml":
            load_bank(path, "", log)
        else:
            log.error(path, 1, 1, "not_content")
    return log.sorted(), files, catalog


def cmd_validate(args: argparse.Namespace, settings: Settings) -> int:
    catalog: Catalog | None
    if args.paths:
        problems, files, catalog = _validate_paths([Path(p) for p in args.paths])
    else:
        result = load_content(settings)
        problems, files, catalog = result.problems, result.files_read, result.catalog
    for problem in problems:
        _out(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    for line in _counts(catalog) if catalog is not None else ():
        _err(line)
    _err(tr("cli.validate_summary", files=files, errors=errors, warnings=warnings))
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


# --- lessons and search ----------------------------------------------------------------


def cmd_lessons(args: argparse.Namespace, settings: Settings) -> int:
    result = load_content(settings)
    catalog = result.catalog
    if args.format == "json":
        _print_json([
            {
                "id": lesson.id,
                "pack": lesson.pack_id,
                "title": lesson.title,
                "parent": lesson.parent,
                "source": lesson.source,
                "key_points": list(lesson.key_points),
                "text": catalog.document(lesson.id).plain,
                "depth": depth,
            }
            for lesson, depth in catalog.walk()
        ])
    else:
        if not len(catalog):
            _err(tr("cli.no_lessons"))
        for pack in catalog.packs:
            _out(f"{pack.title} — {pack.source}  [{pack.id}]")
            for lesson, depth in catalog.walk():
                if lesson.pack_id == pack.id:
                    _out(f"{'  ' * (depth + 1)}{lesson.source}  {lesson.title}  [{lesson.id}]")
    return _report_load(result)


def cmd_search(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.content.search import SearchIndex  # noqa: PLC0415 - only this command needs it
    from studyapp.text import fold  # noqa: PLC0415

    if not fold(args.query):
        raise UsageError(tr("cli.empty_query"))
    if args.limit < 1:
        raise UsageError(tr("cli.bad_limit"))
    result = load_content(settings)
    hits = SearchIndex(result.catalog).search(args.query, limit=args.limit)
    if args.format == "json":
        _print_json([
            {
                "kind": hit.kind,
                "id": hit.id,
                "pack": hit.pack,
                "title": hit.title,
                "snippet": hit.snippet,
                "field": hit.match.field,
                "score": round(hit.score, 3),
            }
            for hit in hits
        ])
    elif not hits:
        _err(tr("cli.no_results", query=args.query))
    else:
        for hit in hits:
            title = hit.title
            if hit.kind == "question":
                truefalse = result.catalog.question(hit.id).type == "truefalse"
                title = tr("search.question_truefalse" if truefalse else "search.question",
                           prompt=hit.title)
            _out(f"{title}  [{hit.id}]")
            _out(f"    {hit.snippet}")
    return _report_load(result)


# --- questions and papers ---------------------------------------------------------------


def _filters(args: argparse.Namespace, catalog: Catalog) -> Filters:
    """The FILTERS options as Filters; a name that matches nothing is a usage
    error with a suggestion (a typo must not silently select nothing)."""
    known = {
        "pack": {pack.id for pack in catalog.packs},
        "bank": {bank.id for bank in catalog.banks},
        "lesson": {lesson.id for lesson in catalog.lessons},
        "tag": {tag for question in catalog.questions for tag in question.tags},
    }
    for kind, values in known.items():
        for value in getattr(args, kind) or ():
            if value not in values:
                hint = closest(value, values)
                raise UsageError(tr("cli.unknown_filter", kind=tr(f"cli.filter.{kind}"),
                                    value=value,
                                    suggestion=tr("problem.did_you_mean", match=hint)
                                    if hint else ""))
    return Filters(
        packs=frozenset(args.pack or ()), banks=frozenset(args.bank or ()),
        lessons=frozenset(args.lesson or ()), tags=frozenset(args.tag or ()),
        types=frozenset(args.type or ()), difficulties=frozenset(args.difficulty or ()),
    )


def cmd_questions(args: argparse.Namespace, settings: Settings) -> int:
    result = load_content(settings)
    catalog = result.catalog
    questions = select_questions(catalog, _filters(args, catalog))
    if args.format == "json":
        _print_json([question_data(q, catalog) for q in questions])
    elif not questions:
        _err(tr("cli.no_questions"))
    else:
        for question in questions:
            where = f", {question.lesson}" if question.lesson else ""
            _out(f"{question.full_id}  ({question.type}, {question.difficulty}{where})")
            _out(f"  {question.prompt}")
            for index, choice in enumerate(question.choices):
                mark = "  ✓" if index in question.correct_choices else ""
                _out(f"    {LETTERS[index]}. {choice}{mark}")
            for index, item in enumerate(question.items, 1):
                _out(f"    {index}. {item}")
            for left, right in question.pairs:
                _out(f"    {left} — {right}")
            answer = written_answer(question)
            if question.type not in ("single", "multi", "order", "match"):
                _out(f"    → {answer}")
            if question.explanation:
                _out(f"    ({question.explanation})")
            _out()
    return _report_load(result)


def cmd_paper(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.export.paper import paper_to_data, render_paper  # noqa: PLC0415

    if args.answer_key and args.seed is None:
        raise UsageError(tr("cli.key_needs_seed"))
    result = load_content(settings)
    catalog = result.catalog
    pool = select_questions(catalog, _filters(args, catalog))
    seed = args.seed if args.seed is not None else new_seed()
    paper = draw_paper(pool, args.count, seed)
    packs = {catalog.pack_of(item.question) for item in paper.items}
    pack = catalog.pack(packs.pop()) if len(packs) == 1 else None
    if args.format == "json":
        _print_json(paper_to_data(paper))
    else:
        sys.stdout.write(render_paper(paper, pack, args.format, answer_key=args.answer_key,
                                      lang=settings.lang))
    return _report_load(result)


# --- the store: members, db, locate, demo -------------------------------------------------


_opened: list[Store] = []


def open_store(settings: Settings) -> Store:
    """The store of `--db`; closed when the command ends (`main`), so that the
    database file alone holds everything (no data left in its WAL file)."""
    from studyapp.store.database import Database  # noqa: PLC0415 - sqlite3 on demand
    from studyapp.store.store import Store  # noqa: PLC0415

    store = Store(Database(settings.db_path))
    _opened.append(store)
    return store


def _pin(args: argparse.Namespace) -> str | None:
    """The secretary PIN: --pin, else STUDYAPP_PIN, else None (the store says
    when one is needed)."""
    return args.pin or os.environ.get(ENV_PIN) or None


def _cell(store: Store, name: str, *, create: bool) -> Cell:
    cell = store.ensure_cell(name) if create else store.cell_by_name(name)
    if cell is None:
        raise StudyappError(tr("store.no_cell", name=name))
    return cell


def cmd_members(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.store.store import DuplicateMemberError  # noqa: PLC0415

    store = open_store(settings)
    action = args.action
    if action == "list":
        cells = [_cell(store, args.cell, create=False)] if args.cell else store.cells()
        listing = [(cell, store.members(cell.id)) for cell in cells]
        if args.format == "json":
            _print_json([{"id": m.id, "full_name": m.full_name, "cell": cell.name,
                          "active": m.active} for cell, members in listing for m in members])
        else:
            for cell, members in listing:
                _out(tr("members.heading", cell=cell.name, count=len(members)))
                for number, member in enumerate(members, 1):
                    _out(f"  {number:>3}. {member.full_name}")
        return 0
    if action == "add":
        cell = _cell(store, args.cell, create=True)
        try:
            member = store.add_member(cell.id, args.name, allow_duplicate=args.allow_duplicate,
                                      pin=_pin(args))
        except DuplicateMemberError as error:
            raise DuplicateMemberError(f"{error.message} {tr('members.allow_duplicate')}") \
                from error
        _err(tr("members.added", name=member.full_name, cell=cell.name))
        return 0
    if action == "import":
        try:
            lines = Path(args.name).read_bytes().decode("utf-8-sig").splitlines()
        except OSError as error:
            raise UsageError(tr("members.cannot_read", path=args.name,
                                reason=error.strerror or str(error))) from error
        except UnicodeDecodeError as error:
            raise StudyappError(tr("members.not_utf8", path=args.name)) from error
        cell = _cell(store, args.cell, create=True)
        report = store.import_members(cell.id, lines, pin=_pin(args))
        _err(tr("members.imported", added=len(report.added), cell=cell.name))
        for name in report.duplicates:
            _err(tr("members.import_duplicate", name=name))
        for line, reason in report.refused:
            _err(f"{args.name}:{line}: {reason}")
        return 1 if report.refused else 0
    if action == "remove":
        cell = _cell(store, args.cell, create=False)
        found = store.find_members(cell.id, args.name)
        if args.id:
            found = [m for m in found if m.id == args.id]
        if not found:
            raise StudyappError(tr("store.no_member", name=args.name))
        if len(found) > 1:
            raise StudyappError(tr("store.ambiguous_member", count=len(found), name=args.name))
        store.remove_member(found[0].id, pin=_pin(args))
        _err(tr("members.removed", name=found[0].full_name, cell=cell.name))
        return 0
    # pin: set, change or clear the cell's secretary PIN
    cell = _cell(store, args.cell, create=True)
    new_pin = None if args.clear else (args.new_pin or _ask_new_pin())
    store.set_pin(cell.id, new_pin, _pin(args))
    _err(tr("members.pin_cleared" if new_pin is None else "members.pin_set", cell=cell.name))
    return 0


def _ask_new_pin() -> str:
    if not sys.stdin.isatty():
        raise UsageError(tr("members.pin_how"))
    import getpass  # noqa: PLC0415

    first = getpass.getpass(tr("members.pin_prompt"))
    if not first or first != getpass.getpass(tr("members.pin_again")):
        raise UsageError(tr("members.pin_mismatch"))
    return first


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    store = open_store(settings)
    database = store.database
    if args.action == "backup":
        _err(tr("db.backup_done", path=database.backup(Path(args.output))))
        return 0
    report = database.check()
    if not report.healthy:
        _out(tr("db.check.unhealthy", path=report.path, version=report.schema_version))
        for problem in report.problems:
            _out(f"  {problem}")
        return 1
    counts = store.counts()
    _out(tr("db.check.healthy", None, path=report.path, version=report.schema_version,
            **{name: format_count(value) for name, value in counts.items()}))
    return 0


def cmd_locate(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp import paths  # noqa: PLC0415

    rows = [("config", settings.config_path), ("data", paths.data_dir()),
            ("cache", settings.cache_dir), ("database", settings.db_path),
            ("content", paths.bundled_content_dir())]
    for key, value in rows:
        _out(f"{tr(f'locate.{key}')}: {value}")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.demo import fill  # noqa: PLC0415

    result = load_content(settings)
    store = open_store(settings)
    report = fill(store, result.catalog, seed=args.seed, cells=args.cells, members=args.members,
                  sessions=args.sessions, questions=args.questions)
    _err(tr("demo.done", path=settings.db_path, cells=format_count(report.cells),
            members=format_count(report.members), sessions=format_count(report.sessions),
            attempts=format_count(report.attempts), answers=format_count(report.answers)))
    return 0


# --- the interface ---------------------------------------------------------------------


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    result = load_content(settings, with_banks=False)
    from studyapp.ui.app import make_app  # noqa: PLC0415 - Textual only when the UI starts

    app = make_app(settings, result, load_banks=True)
    app.run()
    return app.return_code or 0


# --- the parser --------------------------------------------------------------------------


def _common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Defaults are SUPPRESS below the top level, so that an option given
    # before the subcommand is not reset by the subcommand's own default.
    default: Any = None if top else argparse.SUPPRESS
    parser.add_argument("--content", action="append", metavar="DIR",
                        default=[] if top else argparse.SUPPRESS, help=tr("cli.opt.content"))
    parser.add_argument("--with-bundled", action="store_true",
                        default=False if top else argparse.SUPPRESS,
                        help=tr("cli.opt.with_bundled"))
    parser.add_argument("--db", metavar="PATH", default=default, help=tr("cli.opt.db"))
    parser.add_argument("--lang", choices=LANGUAGES, default=default, help=tr("cli.opt.lang"))


def _filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", action="append", metavar="ID", help=tr("cli.opt.pack"))
    parser.add_argument("--bank", action="append", metavar="ID", help=tr("cli.opt.bank"))
    parser.add_argument("--lesson", action="append", metavar="ID", help=tr("cli.opt.lesson"))
    parser.add_argument("--tag", action="append", metavar="T", help=tr("cli.opt.tag"))
    parser.add_argument("--type", action="append", choices=QUESTION_TYPES,
                        help=tr("cli.opt.type"))
    parser.add_argument("--difficulty", action="append", type=int, choices=(1, 2, 3),
                        help=tr("cli.opt.difficulty"))


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(tr("cli.not_positive", value=text))
    return value


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studyapp", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    _common_options(parser, top=True)
    parser.set_defaults(handler=cmd_ui)
    commands = parser.add_subparsers(metavar="COMMAND")

    def command(name: str, handler: Handler, help_key: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=tr(help_key), description=tr(help_key))
        _common_options(sub, top=False)
        sub.set_defaults(handler=handler)
        return sub

    validate = command("validate", cmd_validate, "cli.cmd.validate")
    validate.add_argument("paths", nargs="*", metavar="PATH", help=tr("cli.arg.paths"))
    validate.add_argument("--strict", action="store_true", help=tr("cli.opt.strict"))

    lessons = command("lessons", cmd_lessons, "cli.cmd.lessons")
    lessons.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.opt.format"))

    for name, handler, help_key in (("questions", cmd_questions, "cli.cmd.questions"),
                                    ("paper", cmd_paper, "cli.cmd.paper")):
        sub = command(name, handler, help_key)
        _filter_options(sub)
        if name == "questions":
            sub.add_argument("--format", choices=("text", "json"), default="text",
                             help=tr("cli.opt.format"))
        else:
            sub.add_argument("--count", type=int, required=True, metavar="N",
                             help=tr("cli.opt.count"))
            sub.add_argument("--seed", type=int, metavar="S", help=tr("cli.opt.seed"))
            sub.add_argument("--format", choices=("json", "md", "html"), default="json",
                             help=tr("cli.opt.format"))
            sub.add_argument("--answer-key", action="store_true", help=tr("cli.opt.answer_key"))

    members = command("members", cmd_members, "cli.cmd.members")
    members.add_argument("action", choices=("list", "add", "import", "remove", "pin"),
                         help=tr("cli.arg.members_action"))
    members.add_argument("name", nargs="?", metavar="FULL_NAME|FILE",
                         help=tr("cli.arg.members_name"))
    members.add_argument("--cell", metavar="NAME", help=tr("cli.opt.cell"))
    members.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.opt.format"))
    members.add_argument("--allow-duplicate", action="store_true",
                         help=tr("cli.opt.allow_duplicate"))
    members.add_argument("--id", help=tr("cli.opt.member_id"))
    members.add_argument("--pin", help=tr("cli.opt.pin"))
    members.add_argument("--new-pin", help=tr("cli.opt.new_pin"))
    members.add_argument("--clear", action="store_true", help=tr("cli.opt.clear_pin"))

    database = command("db", cmd_db, "cli.cmd.db")
    database.add_argument("action", choices=("check", "backup"))
    database.add_argument("-o", "--output", metavar="FILE", help=tr("cli.opt.output"))

    command("locate", cmd_locate, "cli.cmd.locate")

    demo = command("demo", cmd_demo, "cli.cmd.demo")
    demo.add_argument("--seed", type=int, default=1, help=tr("cli.opt.demo_seed"))
    demo.add_argument("--cells", type=_positive, default=3, help=tr("cli.opt.demo_cells"))
    demo.add_argument("--members", type=_positive, default=15, help=tr("cli.opt.demo_members"))
    demo.add_argument("--sessions", type=_positive, default=6, help=tr("cli.opt.demo_sessions"))
    demo.add_argument("--questions", type=_positive, default=10,
                      help=tr("cli.opt.demo_questions"))

    search = command("search", cmd_search, "cli.cmd.search")
    search.add_argument("query", metavar="QUERY", help=tr("cli.arg.query"))
    search.add_argument("--format", choices=("text", "json"), default="text",
                        help=tr("cli.opt.format"))
    search.add_argument("--limit", type=int, default=20, metavar="N", help=tr("cli.opt.limit"))

    from studyapp.cli_export import add_commands as add_exchange  # noqa: PLC0415

    add_exchange(command)

    from studyapp.importing.commands import add_commands as add_moodle  # noqa: PLC0415

    add_moodle(command)
    return parser


def _check_arguments(args: argparse.Namespace) -> None:
    """What argparse cannot say: which arguments each action needs."""
    if args.handler is cmd_members:
        needs_name = args.action in ("add", "import", "remove")
        if needs_name and not args.name:
            raise UsageError(tr("cli.members_needs_name", action=args.action))
        if args.action != "list" and not args.cell:
            raise UsageError(tr("cli.members_needs_cell", action=args.action))
    if args.handler is cmd_db and args.action == "backup" and not args.output:
        raise UsageError(tr("cli.backup_needs_output"))


def _language_in(argv: Sequence[str]) -> Lang | None:
    """`--lang` read ahead of parsing, so that help is in the right language."""
    for index, arg in enumerate(argv):
        value = None
        if arg == "--lang" and index + 1 < len(argv):
            value = argv[index + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return None


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _utf8(sys.stdout)
    _utf8(sys.stderr)
    config = load_user_config()
    set_language(_language_in(argv) or config.lang or DEFAULT_LANG)
    args = build_parser().parse_args(argv)
    settings = resolve_settings(
        config,
        lang=getattr(args, "lang", None),
        content=getattr(args, "content", []) or [],
        with_bundled=getattr(args, "with_bundled", False),
        db=getattr(args, "db", None),
    )
    set_language(settings.lang)
    for notice in settings.notices:
        _err(notice)
    handler: Handler = args.handler
    try:
        _check_arguments(args)
        return handler(args, settings)
    except StudyappError as error:
        _err(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        _err(tr("cli.interrupted"))
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    finally:
        while _opened:
            _opened.pop().database.close()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
