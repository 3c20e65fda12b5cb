"""`studyapp members`: list, add (with a note telling namesakes apart), import and remove a
cell's members; its secretary PIN (docs/roster.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from studyapp.cli.common import (
    CommandAdder,
    err,
    open_store,
    out,
    print_json,
    secretary_pin,
    warn_weak_pin,
)
from studyapp.config import Settings
from studyapp.errors import StudyappError, UsageError
from studyapp.i18n import tr
from studyapp.text import normalize_line

if TYPE_CHECKING:
    from studyapp.store.models import Cell
    from studyapp.store.store import Store


def add_commands(command: CommandAdder) -> None:
    members = command("members", cmd_members, "cli.cmd.members")
    members.epilog = tr("cli.dash_name_hint")
    members.add_argument("action", choices=("list", "add", "import", "remove", "pin"),
                         help=tr("cli.arg.members_action"))
    members.add_argument("name", nargs="?", metavar="FULL_NAME|FILE",
                         help=tr("cli.arg.members_name"))
    members.add_argument("--cell", metavar="NAME", help=tr("cli.opt.cell"))
    members.add_argument("--format", choices=("text", "json"), default="text",
                         help=tr("cli.opt.format"))
    members.add_argument("--allow-duplicate", action="store_true",
                         help=tr("cli.opt.allow_duplicate"))
    members.add_argument("--note", metavar="TEXT", default="", help=tr("cli.opt.member_note"))
    members.add_argument("--id", help=tr("cli.opt.member_id"))
    members.add_argument("--pin", help=tr("cli.opt.pin"))
    members.add_argument("--new-pin", help=tr("cli.opt.new_pin"))
    members.add_argument("--clear", action="store_true", help=tr("cli.opt.clear_pin"))


def check_arguments(args: argparse.Namespace) -> None:
    """What argparse cannot say: which arguments each action needs."""
    needs_name = args.action in ("add", "import", "remove")
    if needs_name and not args.name:
        raise UsageError(tr("cli.members_needs_name", action=args.action))
    if args.action != "list" and not args.cell:
        raise UsageError(tr("cli.members_needs_cell", action=args.action))
    if args.note and args.action != "add":
        raise UsageError(tr("cli.members_note_only_add"))


def _pin(args: argparse.Namespace) -> str | None:
    return secretary_pin(args)


def _cell(store: Store, name: str, *, create: bool) -> Cell:
    cell = store.ensure_cell(name) if create else store.cell_by_name(name)
    if cell is None:
        raise StudyappError(tr("store.no_cell", name=name))
    return cell


def cmd_members(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.store.models import member_label  # noqa: PLC0415
    from studyapp.store.store import DuplicateMemberError  # noqa: PLC0415

    check_arguments(args)
    store = open_store(settings, read_only=args.action == "list")
    action = args.action
    if action == "list":
        cells = [_cell(store, args.cell, create=False)] if args.cell else store.cells()
        listing = [(cell, store.members(cell.id)) for cell in cells]
        if args.format == "json":
            print_json([{"id": m.id, "full_name": m.full_name, "note": m.note,
                          "cell": cell.name, "active": m.active}
                         for cell, members in listing for m in members])
        else:
            for cell, members in listing:
                out(tr("members.heading", cell=cell.name, count=len(members)))
                for number, member in enumerate(members, 1):
                    out(f"  {number:>3}. {member_label(member, members)}")
        return 0
    if action == "add":
        cell = _cell(store, args.cell, create=True)
        try:
            member = store.add_member(cell.id, args.name, note=args.note, pin=_pin(args))
        except DuplicateMemberError as error:
            raise DuplicateMemberError(f"{error.message} {tr('members.give_note')}") from error
        err(tr("members.added", name=member_label(member), cell=cell.name))
        if cell.has_pin:
            warn_weak_pin(store, _pin(args))
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
        err(tr("members.imported", added=len(report.added), cell=cell.name))
        if cell.has_pin:
            warn_weak_pin(store, _pin(args))
        for name in report.duplicates:
            err(tr("members.import_duplicate", name=name))
        for line, reason in report.refused:
            err(f"{args.name}:{line}: {reason}")
        return 1 if report.refused else 0
    if action == "remove":
        cell = _cell(store, args.cell, create=False)
        found = store.find_members(cell.id, args.name)
        if not found:  # the name with its note, as `members list` writes it
            wanted = normalize_line(args.name).casefold()
            roster = store.members(cell.id)
            found = [m for m in roster if member_label(m, roster).casefold() == wanted]
        if args.id:
            found = [m for m in found if m.id == args.id]
        if not found:
            raise StudyappError(tr("store.no_member", name=args.name))
        if len(found) > 1:
            raise StudyappError(tr("store.ambiguous_member", count=len(found), name=args.name)
                                + " " + tr("members.name_with_note", names="; ".join(
                                    member_label(m, found) for m in found)))
        store.remove_member(found[0].id, pin=_pin(args))
        err(tr("members.removed", name=member_label(found[0]), cell=cell.name))
        if cell.has_pin:
            warn_weak_pin(store, _pin(args))
        return 0
    # pin: set, change or clear the cell's secretary PIN
    cell = _cell(store, args.cell, create=True)
    new_pin = None if args.clear else (args.new_pin or _ask_new_pin())
    store.set_pin(cell.id, new_pin, _pin(args))
    err(tr("members.pin_cleared" if new_pin is None else "members.pin_set", cell=cell.name))
    return 0


def _ask_new_pin() -> str:
    if not sys.stdin.isatty():
        raise UsageError(tr("members.pin_how"))
    import getpass  # noqa: PLC0415

    first = getpass.getpass(tr("members.pin_prompt"))
    if not first or first != getpass.getpass(tr("members.pin_again")):
        raise UsageError(tr("members.pin_mismatch"))
    return first

