"""What every command shares: output, errors, loading content, opening the store, options.

The command modules import this one and nothing else of `studyapp.cli`, so the
package has no circle: `studyapp.cli` (the parser, `main`) imports the command modules.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TextIO

from studyapp.config import Settings
from studyapp.content.loading import LoadResult, load_catalog
from studyapp.errors import UsageError
from studyapp.i18n import LANGUAGES, tr

if TYPE_CHECKING:
    from studyapp.store.store import Store

Handler = Callable[[argparse.Namespace, Settings], int]
CommandAdder = Callable[[str, Handler, str], argparse.ArgumentParser]
"""`build_parser`'s `command(name, handler, help_key)`: a subparser with the shared options."""


# --- output --------------------------------------------------------------------


def utf8(stream: TextIO) -> None:
    """Write UTF-8 whatever the locale (a Windows pipe defaults to cp1252)."""
    encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
    if encoding != "utf8" and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", errors="replace")


def out(text: str = "") -> None:
    print(text, file=sys.stdout)


def err(text: str) -> None:
    print(text, file=sys.stderr)


def print_json(value: object) -> None:
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


def report_load(result: LoadResult) -> int:
    """Errors to stderr (warnings only counted); 1 if there were errors."""
    for problem in result.errors:
        err(problem.format())
    if result.warnings:
        err(tr("cli.problems_hidden", warnings=len(result.warnings)))
    return 1 if result.errors else 0


# --- the store -----------------------------------------------------------------


_opened: list[Store] = []


def open_store(settings: Settings, *, read_only: bool = False) -> Store:
    """The store of `--db`; closed when the command ends (`main`), so that the
    database file alone holds everything (no data left in its WAL file).
    `read_only` for commands that only read: a database on read-only media
    can be read, and nothing of it is written."""
    from studyapp.store.database import Database  # noqa: PLC0415 - sqlite3 on demand
    from studyapp.store.store import Store  # noqa: PLC0415

    store = Store(Database(settings.db_path, read_only=read_only))
    _opened.append(store)
    return store


def close_stores() -> None:
    """Close every store a command opened (`main` calls it when the command ends)."""
    while _opened:
        _opened.pop().database.close()


# --- shared options --------------------------------------------------------------


def common_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
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


def secretary_pin(args: argparse.Namespace) -> str | None:
    """The secretary PIN: --pin, else STUDYAPP_PIN, else None (the store says
    when one is needed)."""
    import os  # noqa: PLC0415

    from studyapp.paths import ENV_PIN  # noqa: PLC0415

    return getattr(args, "pin", None) or os.environ.get(ENV_PIN) or None


def require_pins(store: Store, cell_ids: Iterable[str], pin: str | None) -> None:
    """The PIN of every PIN-protected cell among `cell_ids`, each try counted
    by the store (a wrong one raises PinError, naming the cell); a right
    PIN shorter than the rule is accepted with a request to change it."""
    from studyapp.store.store import PinError  # noqa: PLC0415

    for cell_id in dict.fromkeys(cell_ids):
        cell = store.cell(cell_id)
        if not cell.has_pin:
            continue
        try:
            store.check_pin(cell.id, pin)
        except PinError as error:
            raise PinError(f"{cell.name}: {error.message}") from error
        warn_weak_pin(store, pin)


def warn_weak_pin(store: Store, pin: str | None) -> None:
    """After a right PIN: ask to change it if it is shorter than the rule."""
    from studyapp.store import pin as pins  # noqa: PLC0415

    if pin and store.pin_weakness(pin) is not None:
        err(tr("pin.weak_change", digits=pins.MIN_DIGITS, letters=pins.MIN_PASSPHRASE))
