"""The database and the machine: `db` (check, backup), `locate`, `demo`."""

from __future__ import annotations

import argparse
from pathlib import Path

from studyapp.cli.common import CommandAdder, err, load_content, open_store, out
from studyapp.config import Settings
from studyapp.errors import UsageError
from studyapp.i18n import format_count, tr


def add_commands(command: CommandAdder) -> None:
    database = command("db", cmd_db, "cli.cmd.db")
    database.add_argument("action", choices=("check", "backup"))
    database.add_argument("-o", "--output", metavar="FILE", help=tr("cli.opt.output"))
    database.add_argument("--force", action="store_true", help=tr("cli.opt.force"))

    command("locate", cmd_locate, "cli.cmd.locate")

    demo = command("demo", cmd_demo, "cli.cmd.demo")
    demo.add_argument("--seed", type=int, default=1, help=tr("cli.opt.demo_seed"))
    demo.add_argument("--cells", type=positive, default=3, help=tr("cli.opt.demo_cells"))
    demo.add_argument("--members", type=positive, default=15, help=tr("cli.opt.demo_members"))
    demo.add_argument("--sessions", type=positive, default=6, help=tr("cli.opt.demo_sessions"))
    demo.add_argument("--questions", type=positive, default=10,
                      help=tr("cli.opt.demo_questions"))


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(tr("cli.not_positive", value=text))
    return value


def cmd_db(args: argparse.Namespace, settings: Settings) -> int:
    if args.action == "backup" and not args.output:
        raise UsageError(tr("cli.backup_needs_output"))
    store = open_store(settings, read_only=True)  # check and backup only read
    database = store.database
    if args.action == "backup":
        err(tr("db.backup_done", path=database.backup(Path(args.output), force=args.force)))
        return 0
    report = database.check()
    if not report.healthy:
        out(tr("db.check.unhealthy", path=report.path, version=report.schema_version))
        for problem in report.problems:
            out(f"  {problem}")
        return 1
    counts = store.counts()
    out(tr("db.check.healthy", None, path=report.path, version=report.schema_version,
            **{name: format_count(value) for name, value in counts.items()}))
    return 0


def cmd_locate(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp import paths  # noqa: PLC0415

    rows = [("config", settings.config_path), ("data", paths.data_dir()),
            ("cache", settings.cache_dir), ("database", settings.db_path),
            ("content", paths.bundled_content_dir())]
    for key, value in rows:
        out(f"{tr(f'locate.{key}')}: {value}")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.demo import fill  # noqa: PLC0415

    result = load_content(settings)
    store = open_store(settings)
    report = fill(store, result.catalog, seed=args.seed, cells=args.cells, members=args.members,
                  sessions=args.sessions, questions=args.questions)
    err(tr("demo.done", path=settings.db_path, cells=format_count(report.cells),
            members=format_count(report.members), sessions=format_count(report.sessions),
            attempts=format_count(report.attempts), answers=format_count(report.answers)))
    return 0
