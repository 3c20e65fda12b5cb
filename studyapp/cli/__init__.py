"""The `studyapp` command: subcommands for scripts, and the terminal UI with none.

The parser is assembled here from the command modules (`content`, `members`,
`database`, `exchange`, `question_formats`, `session`), which share `common` and nothing
else. Textual is imported only when the UI starts, so scripted commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from studyapp import __version__
from studyapp.cli import content, database, exchange, members, pack, question_formats, session
from studyapp.cli.common import (
    Handler,
    close_stores,
    common_options,
    err,
    load_content,
    utf8,
)
from studyapp.config import Settings, load_user_config, resolve_settings
from studyapp.errors import StudyappError
from studyapp.i18n import DEFAULT_LANG, LANGUAGES, Lang, set_language, tr

__all__ = ["build_parser", "main"]


# --- the interface ---------------------------------------------------------------------


def cmd_ui(args: argparse.Namespace, settings: Settings) -> int:
    result = load_content(settings, with_banks=False)
    from studyapp.ui.app import make_app  # noqa: PLC0415 - Textual only when the UI starts

    app = make_app(settings, result, load_banks=True)
    app.run()
    return app.return_code or 0


# --- the parser --------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="studyapp", description=tr("cli.description"))
    parser.add_argument("--version", action="version", version=f"studyapp {__version__}")
    common_options(parser, top=True)
    parser.set_defaults(handler=cmd_ui)
    commands = parser.add_subparsers(metavar="COMMAND")

    def command(name: str, handler: Handler, help_key: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=tr(help_key), description=tr(help_key))
        common_options(sub, top=False)
        sub.set_defaults(handler=handler)
        return sub

    # In the order `--help` has always listed them.
    content.add_commands(command)
    pack.add_commands(command)
    members.add_commands(command)
    database.add_commands(command)
    content.add_search(command)
    exchange.add_commands(command)
    question_formats.add_commands(command)
    session.add_commands(command)
    return parser


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


def _name_after_dashes(parser: argparse.ArgumentParser, args: argparse.Namespace,
                       extra: list[str]) -> None:
    """`members add --cell C -- -3+4`: a name that begins with `-` comes after
    `--` (argparse of Python 3.11 takes the optional name before it sees `--`)."""
    if len(extra) == 2 and extra[0] == "--" and getattr(args, "name", "") is None:
        args.name = extra[1]
        return
    message = tr("cli.unrecognized", args=" ".join(extra))
    if any(arg.startswith("-") for arg in extra) and hasattr(args, "name"):
        message += " " + tr("cli.dash_name_hint")
    parser.error(message)


def _recovered(arg: str) -> str:
    """An argument as typed. Under a POSIX/ASCII locale with UTF-8 mode off, Python
    decodes the command line as ASCII and keeps each other byte as a lone surrogate
    (`Nguy\udcc3\udcban`): those are the UTF-8 bytes the terminal sent. Windows passes
    the command line as text, so nothing there changes."""
    if not any("\udc80" <= char <= "\udcff" for char in arg):
        return arg
    return os.fsencode(arg).decode("utf-8", "replace")


def main(argv: Sequence[str] | None = None) -> int:
    argv = [_recovered(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    utf8(sys.stdout)
    utf8(sys.stderr)
    config = load_user_config()
    set_language(_language_in(argv) or config.lang or DEFAULT_LANG)
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:
        _name_after_dashes(parser, args, extra)
    settings = resolve_settings(
        config,
        lang=getattr(args, "lang", None),
        content=getattr(args, "content", []) or [],
        with_bundled=getattr(args, "with_bundled", False),
        db=getattr(args, "db", None),
    )
    set_language(settings.lang)
    for notice in settings.notices:
        err(notice)
    handler: Handler = args.handler
    try:
        return handler(args, settings)
    except StudyappError as error:
        err(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        err(tr("cli.interrupted"))
        return 130
    except BrokenPipeError:
        # The reader (`| head`) went away: not an error of ours.
        sys.stderr.close()
        return 0
    finally:
        close_stores()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
