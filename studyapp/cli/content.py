"""Commands that read the content: validate, lessons, search, questions, paper."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from studyapp.cli.common import (
    CommandAdder,
    err,
    load_content,
    out,
    print_json,
    report_load,
)
from studyapp.config import Settings
from studyapp.content.banks import load_bank
from studyapp.content.catalog import Catalog
from studyapp.content.fidelity import Coverage
from studyapp.content.loading import PACK_FILE, load_catalog, load_lesson, load_pack_file
from studyapp.content.model import LETTERS, QUESTION_TYPES
from studyapp.content.problems import Problem, ProblemLog, closest
from studyapp.errors import UsageError
from studyapp.export.questions import question_data, written_answer
from studyapp.i18n import format_decimal, tr
from studyapp.quiz.selection import Filters, draw_paper, new_seed, select_questions


def add_commands(command: CommandAdder) -> None:
    validate = command("validate", cmd_validate, "cli.cmd.validate")
    validate.add_argument("paths", nargs="*", metavar="PATH", help=tr("cli.arg.paths"))
    validate.add_argument("--strict", action="store_true", help=tr("cli.opt.strict"))

    lessons = command("lessons", cmd_lessons, "cli.cmd.lessons")
    lessons.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.opt.format"))

    questions = command("questions", cmd_questions, "cli.cmd.questions")
    filter_options(questions)
    questions.add_argument("--format", choices=("text", "json"), default="text",
                           help=tr("cli.opt.format"))

    paper = command("paper", cmd_paper, "cli.cmd.paper")
    filter_options(paper)
    paper.add_argument("--count", type=int, required=True, metavar="N", help=tr("cli.opt.count"))
    paper.add_argument("--seed", type=int, metavar="S", help=tr("cli.opt.seed"))
    paper.add_argument("--format", choices=("json", "md", "html"), default="json",
                       help=tr("cli.opt.format"))
    paper.add_argument("--answer-key", action="store_true", help=tr("cli.opt.answer_key"))


def add_search(command: CommandAdder) -> None:
    """`search` comes after the store's commands in `--help`, as it always has."""
    search = command("search", cmd_search, "cli.cmd.search")
    search.add_argument("query", metavar="QUERY", help=tr("cli.arg.query"))
    search.add_argument("--format", choices=("text", "json"), default="text",
                        help=tr("cli.opt.format"))
    search.add_argument("--limit", type=int, default=20, metavar="N", help=tr("cli.opt.limit"))


def filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pack", action="append", metavar="ID", help=tr("cli.opt.pack"))
    parser.add_argument("--bank", action="append", metavar="ID", help=tr("cli.opt.bank"))
    parser.add_argument("--lesson", action="append", metavar="ID", help=tr("cli.opt.lesson"))
    parser.add_argument("--tag", action="append", metavar="T", help=tr("cli.opt.tag"))
    parser.add_argument("--type", action="append", choices=QUESTION_TYPES,
                        help=tr("cli.opt.type"))
    parser.add_argument("--difficulty", action="append", type=int, choices=(1, 2, 3),
                        help=tr("cli.opt.difficulty"))




# --- validate --------------------------------------------------------------------


def _where(path: Path) -> set[Path]:
    """The file as named (absolute) and where its links lead, if anywhere:
    a link that loops or leads outside is still the file the user named."""
    from studyapp.content.source import resolved  # noqa: PLC0415

    found = {Path(os.path.abspath(path))}
    target = resolved(path)
    if target is not None:
        found.add(target)
    return found


def _enclosing_pack(path: Path) -> Path | None:
    # The folders above the file as named, not above where a link leads.
    for parent in list(Path(os.path.abspath(path)).parents)[:3]:
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
        drafts = sum(len(bank.drafts) for bank in catalog.banks if bank.pack_id == pack.id)
        if drafts:
            lines.append(tr("cli.pack_drafts", pack=pack.id, count=drafts))
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
            wanted_dirs.extend(_where(path))
        elif path.is_file() or path.is_symlink():  # a broken or looping link: said below
            pack_dir = _enclosing_pack(path)
            if pack_dir is None:
                standalone.append(path)
            else:
                roots.append(pack_dir)
                wanted_files.update(_where(path))
        else:
            log.error(path, 1, 1, "not_found")
    files = 0
    catalog = None
    if roots:
        result = load_catalog(dict.fromkeys(roots))
        catalog = result.catalog
        files += result.files_read

        def wanted(problem: Problem) -> bool:
            return any(place in wanted_files or any(
                place == d or d in place.parents for d in wanted_dirs)
                for place in _where(problem.path))

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
    coverages: list[Coverage] = []
    if catalog is not None:
        problems, coverages = _with_fidelity(list(problems), catalog)
    for problem in problems:
        out(problem.format())
    errors = sum(1 for p in problems if p.is_error)
    warnings = len(problems) - errors
    for line in _counts(catalog) if catalog is not None else ():
        err(line)
    for coverage in coverages:
        err(tr("cli.validate_coverage", pack=coverage.pack_id, quoted=coverage.quoted,
               sentences=coverage.sentences, share=format_decimal(coverage.share * 100)))
    err(tr("cli.validate_summary", files=files, errors=errors, warnings=warnings))
    failed = errors > 0 or (args.strict and warnings > 0)
    return 1 if failed else 0


def _with_fidelity(problems: list[Problem], catalog: Catalog
                   ) -> tuple[list[Problem], list[Coverage]]:
    """Each pack that keeps its source checked against it (content/fidelity.py)."""
    from studyapp.content.fidelity import check_fidelity  # noqa: PLC0415

    log = ProblemLog()
    coverages = []
    for pack in catalog.packs:
        lessons = [lesson for lesson in catalog.lessons if lesson.pack_id == pack.id]
        coverage = check_fidelity(pack, lessons,
                                  {lesson.id: catalog.document(lesson.id) for lesson in lessons},
                                  log)
        if coverage is not None:
            coverages.append(coverage)
    return problems + log.sorted(), coverages


# --- lessons and search ----------------------------------------------------------------


def cmd_lessons(args: argparse.Namespace, settings: Settings) -> int:
    result = load_content(settings)
    catalog = result.catalog
    if args.format == "json":
        print_json([
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
            err(tr("cli.no_lessons"))
        for pack in catalog.packs:
            out(f"{pack.title} — {pack.source}  [{pack.id}]")
            for lesson, depth in catalog.walk():
                if lesson.pack_id == pack.id:
                    out(f"{'  ' * (depth + 1)}{lesson.source}  {lesson.title}  [{lesson.id}]")
    return report_load(result)


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
        print_json([
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
        err(tr("cli.no_results", query=args.query))
    else:
        for hit in hits:
            title = hit.title
            if hit.kind == "question":
                truefalse = result.catalog.question(hit.id).type == "truefalse"
                title = tr("search.question_truefalse" if truefalse else "search.question",
                           prompt=hit.title)
            out(f"{title}  [{hit.id}]")
            out(f"    {hit.snippet}")
    return report_load(result)


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
        print_json([question_data(q, catalog) for q in questions])
    elif not questions:
        err(tr("cli.no_questions"))
    else:
        for question in questions:
            where = f", {question.lesson}" if question.lesson else ""
            out(f"{question.full_id}  ({question.type}, {question.difficulty}{where})")
            out(f"  {question.prompt}")
            for index, choice in enumerate(question.choices):
                mark = "  ✓" if index in question.correct_choices else ""
                out(f"    {LETTERS[index]}. {choice}{mark}")
            for index, item in enumerate(question.items, 1):
                out(f"    {index}. {item}")
            for left, right in question.pairs:
                out(f"    {left} — {right}")
            answer = written_answer(question)
            if question.type not in ("single", "multi", "order", "match"):
                out(f"    → {answer}")
            if question.explanation:
                out(f"    ({question.explanation})")
            out()
    return report_load(result)


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
        print_json(paper_to_data(paper))
    else:
        sys.stdout.write(render_paper(paper, pack, args.format, answer_key=args.answer_key,
                                      lang=settings.lang))
    return report_load(result)


