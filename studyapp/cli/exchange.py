"""`studyapp export` and `studyapp import`: score summaries out, bundles in (cli.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from studyapp.cli.common import (
    CommandAdder,
    err,
    load_content,
    open_store,
    out,
    require_pins,
    secretary_pin,
)
from studyapp.errors import StudyappError, UsageError
from studyapp.i18n import format_count, tr
from studyapp.i18n import parse_day as read_day
from studyapp.text import fold, normalize_line

if TYPE_CHECKING:
    from studyapp.config import Settings
    from studyapp.export.bundle import CheckedBundle
    from studyapp.store.exchange import MergeReport, Scope
    from studyapp.store.signing import KeyCheck
    from studyapp.store.store import Store

def parse_day(text: str) -> date:
    """`26/11/2026` (as people write it) or `2026-11-26` (as scripts do), of
    the years 2000..2100 (`02/12/202` is a typing mistake)."""
    day = read_day(text)
    if day is None:
        raise argparse.ArgumentTypeError(tr("cli.bad_date", value=text))
    return day


FORMATS = ("csv", "xlsx", "json", "md", "html")
"""`export.run.FORMATS`, spelled out: the parser is built on every start, the
interface's too, and must not load the exporters (sqlite3, csv, reports)."""


def add_commands(command: CommandAdder) -> None:
    export = command("export", cmd_export, "cli.cmd.export")
    export.add_argument("--session", metavar="ID", help=tr("cli.opt.export_session"))
    export.add_argument("--cell", metavar="NAME", help=tr("cli.opt.export_cell"))
    export.add_argument("--member", metavar="NAME", help=tr("cli.opt.export_member"))
    export.add_argument("--all", action="store_true", help=tr("cli.opt.export_all"))
    export.add_argument("--from", dest="date_from", type=parse_day, metavar="DATE",
                        help=tr("cli.opt.date_from"))
    export.add_argument("--to", dest="date_to", type=parse_day, metavar="DATE",
                        help=tr("cli.opt.date_to"))
    export.add_argument("--format", choices=FORMATS, required=True, help=tr("cli.opt.format"))
    export.add_argument("-o", "--output", metavar="FILE", help=tr("cli.opt.output"))
    export.add_argument("--decimal", choices=("comma", "point"), help=tr("cli.opt.decimal"))
    export.add_argument("--bundle-version", type=int, choices=(2, 3), default=3,
                        help=tr("cli.opt.bundle_version"))
    export.add_argument("--pin", help=tr("cli.opt.pin"))
    export.add_argument("--force", action="store_true", help=tr("cli.opt.force"))

    bring = command("import", cmd_import, "cli.cmd.import")
    bring.add_argument("file", metavar="FILE", help=tr("cli.arg.bundle"))
    bring.add_argument("--pin", help=tr("cli.opt.pin"))
    bring.add_argument("--accept-new-key", action="store_true",
                       help=tr("cli.opt.accept_new_key"))
    bring.add_argument("--merge-by-name", action="store_true", help=tr("cli.opt.merge_by_name"))


def _scope(store: Store, args: argparse.Namespace) -> Scope:
    from studyapp.store.exchange import Scope  # noqa: PLC0415

    chosen = [name for name in ("session", "member", "all") if getattr(args, name)]
    if len(chosen) > 1:
        raise UsageError(tr("cli.export_one_scope"))
    if not chosen and not args.cell and not (args.date_from or args.date_to):
        raise UsageError(tr("cli.export_needs_scope"))
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise UsageError(tr("cli.export_dates_reversed"))
    cell_id = None
    if args.cell:
        cell = store.cell_by_name(args.cell)
        if cell is None:  # typed without diacritics, as on most shared laptops
            folded = [c for c in store.cells() if fold(c.name) == fold(args.cell)]
            cell = folded[0] if len(folded) == 1 else None
        if cell is None:
            raise StudyappError(tr("store.no_cell", name=args.cell))
        cell_id = cell.id
    if args.session:
        return Scope(session_id=_session_id(store, args.session), cell_id=cell_id)
    if args.member:
        return Scope(member_id=_member_id(store, args.member, cell_id),
                     date_from=args.date_from, date_to=args.date_to)
    return Scope(cell_id=cell_id, date_from=args.date_from, date_to=args.date_to)


def _session_id(store: Store, given: str) -> str:
    """A session by its id, or by the start of it (as long as it is unambiguous)."""
    matches = [s.id for s in store.sessions() if s.id == given or s.id.startswith(given)]
    if len(matches) == 1 and (len(given) >= 6 or matches[0] == given):
        return matches[0]
    raise StudyappError(tr("cli.no_session", id=given) if not matches
                        else tr("cli.ambiguous_session", id=given))


def _member_id(store: Store, given: str, cell_id: str | None) -> str:
    from studyapp.store.models import member_label  # noqa: PLC0415

    name = normalize_line(given).casefold()
    everyone = store.members(cell_id, include_inactive=True)
    # The name with its note ("Nguyễn Văn An (sinh 1960)", as every export writes it) names
    # one of two namesakes; the name alone, all of them.
    found = [m for m in everyone if m.id == given or member_label(m).casefold() == name]
    if not found:
        found = [m for m in everyone if m.full_name.casefold() == name]
    if not found:  # typed without diacritics: "le hong bich"
        found = [m for m in everyone
                 if fold(given) in (fold(m.full_name), fold(member_label(m)))]
    if not found:
        raise StudyappError(tr("cli.no_member", name=given))
    if len(found) > 1:
        cells = {m.cell_id: store.cell(m.cell_id).name for m in found}
        raise StudyappError(tr("cli.ambiguous_member", name=given, count=len(found),
                               ids=", ".join(f"{m.id} ({member_label(m)}, {cells[m.cell_id]})"
                                             for m in found)))
    return found[0].id


def _scope_cells(store: Store, scope: Scope) -> list[str]:
    """The cells whose results an export of `scope` shows."""
    if scope.session_id is not None:
        return [store.session(scope.session_id).cell_id]
    if scope.cell_id is not None:
        return [scope.cell_id]
    if scope.member_id is not None:
        return [store.member(scope.member_id).cell_id]
    return [cell.id for cell in store.cells()]


def _bundle_cells(store: Store, rows: list[dict[str, object]]) -> list[str]:
    """Our cells that a bundle's cells are merged into (by id, else by name)."""
    found = []
    known = {cell.id for cell in store.cells()}
    for row in rows:
        cell_id, name = row.get("id"), row.get("name")
        if isinstance(cell_id, str) and cell_id in known:
            found.append(cell_id)
        elif isinstance(name, str):
            cell = store.cell_by_name(name)
            if cell is not None:
                found.append(cell.id)
    return found


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.export.run import export_to, prepare  # noqa: PLC0415

    if args.format == "xlsx" and not args.output and sys.stdout.isatty():
        raise UsageError(tr("cli.xlsx_needs_output"))
    store = open_store(settings, read_only=True)
    scope = _scope(store, args)
    cells = _scope_cells(store, scope)
    if args.format == "json" or any(store.cell(cell_id).has_pin for cell_id in cells):
        # PIN tries are counted in the database (issue 21), and a database's signing key
        # is made with its first bundle: those exports write that much.
        store = open_store(settings)
        scope = _scope(store, args)
    # What the interface asks the PIN for, the command line asks too.
    require_pins(store, cells, secretary_pin(args))
    catalog = load_content(settings).catalog
    prepared = prepare(store, catalog, scope, args.format, decimal=args.decimal,
                       bundle_version=args.bundle_version)
    if args.output:
        path = export_to(Path(args.output), prepared, force=args.force)
        err(tr("cli.exported", path=str(path), what=tr(f"export.count.{prepared.unit}",
                                                         count=format_count(prepared.rows))))
        return 0
    stream = sys.stdout.buffer
    sys.stdout.flush()
    prepared.write(stream)
    stream.flush()
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.export.bundle import read_bundle  # noqa: PLC0415
    from studyapp.store.exchange import existing_question_ids  # noqa: PLC0415

    store = open_store(settings)
    catalog = load_content(settings).catalog
    path = Path(args.file)

    def known(question_id: str) -> bool:
        return bool(existing_question_ids(store, [question_id]))

    bundle = read_bundle(path, catalog, known)
    try:
        return _merge_checked(store, bundle, args)
    finally:
        bundle.close()  # the staged rows


def _merge_checked(store: Store, bundle: CheckedBundle, args: argparse.Namespace) -> int:
    from studyapp.store.exchange import (  # noqa: PLC0415
        MergeConflictError,
        NameMergeError,
        merge_tables,
    )

    path = bundle.path
    # Members and closed sessions of a PIN-protected cell are its secretary's.
    require_pins(store, _bundle_cells(store, list(bundle.tables.get("cells", []))),
                 secretary_pin(args))
    keys = _check_keys(store, bundle, accept_new=args.accept_new_key)
    if keys is None:
        return 1
    try:
        report = merge_tables(store, bundle.tables, merge_by_name=args.merge_by_name)
    except NameMergeError as error:
        err(tr("import.merge_by_name", count=len(error.report.by_name)))
        for line in error.report.by_name[:50]:
            err(f"  {line}")
        return 1
    except MergeConflictError as error:
        err(tr("import.rejected", path=str(path), count=len(error.report.conflicts)))
        for conflict in error.report.conflicts[:50]:
            err(f"  {conflict}")
        return 1
    for line in merge_summary(report, str(path), bundle.tables):
        out(line)
    _trust_keys(store, keys)
    if bundle.signer is not None or report.changed:
        # What the ward report says of each session: a signed bundle vouches for its
        # sessions even when nothing was new; an unsigned one only for what it brought.
        from studyapp.store.signing import record_sources  # noqa: PLC0415

        record_sources(store, [(row["id"], row["cell_id"]) for row in bundle.tables["sessions"]],
                       bundle.signer)
    return 0


def _check_keys(store: Store, bundle: CheckedBundle, *, accept_new: bool
                ) -> list[KeyCheck] | None:
    """The signer's key against each cell's key seen before (trust on first use);
    None, with the reason said, when a known cell comes signed by another key."""
    from studyapp.store.signing import check_keys, fingerprint  # noqa: PLC0415

    if bundle.signer is None:
        err(tr("import.unsigned", path=str(bundle.path)))
        return []
    checks = check_keys(store, [(cell["id"], cell["name"]) for cell in bundle.content["cells"]],
                        bundle.signer)
    changed = [check for check in checks if check.status == "changed"]
    if changed and not accept_new:
        for check in changed:
            err(tr("import.key_changed", cell=check.cell_name, key=fingerprint(check.key),
                   known=fingerprint(check.known_key or "")))
        return None
    return checks


def _trust_keys(store: Store, checks: list[KeyCheck]) -> None:
    from studyapp.store.signing import fingerprint, trust  # noqa: PLC0415

    for check in checks:
        key = fingerprint(check.key)
        out(tr("import.key_accepted", cell=check.cell_name, key=key,
               known=fingerprint(check.known_key)) if check.known_key and check.status ==
            "changed" else tr(f"import.key_{check.status}", cell=check.cell_name, key=key))
    trust(store, checks)


PLAIN_TABLES = ("cells", "members", "sessions", "attempts")
"""What an import's summary counts: the rows a ward clerk knows (not attendance
lines, events or answers, which mean nothing to her: issue 14, item 12)."""


def merge_summary(report: MergeReport, path: str,
                  tables: Mapping[str, Iterable[dict[str, Any]]] | None = None) -> list[str]:
    """What an import did, in words: added, updated, already here, matched by
    name; then each session of the bundle, as its attendance and tests."""
    def counts(values: dict[str, int]) -> str:
        return ", ".join(tr(f"import.count.{table}", count=format_count(values[table]))
                         for table in PLAIN_TABLES if values.get(table))

    if not report.changed:
        return [tr("import.nothing_new", path=path)]
    lines = [tr("import.done", path=path)]
    if counts(report.added):
        lines.append(f"  {tr('import.added', what=counts(report.added))}")
    if any(report.updated.values()):
        updated = counts(report.updated) or tr("import.details")
        lines.append(f"  {tr('import.updated', what=updated)}")
    if counts(report.unchanged):
        lines.append(f"  {tr('import.unchanged', what=counts(report.unchanged))}")
    if any(report.matched_by_name.values()):
        lines.append(f"  {tr('import.matched', what=counts(report.matched_by_name))}")
    lines += [f"  {line}" for line in session_lines(tables or {})]
    return lines


def session_lines(tables: Mapping[str, Iterable[dict[str, Any]]]) -> list[str]:
    """Each session of a bundle in a line: its cell and day, who came, who was tested.
    One pass over each table: a bundle's rows may be read from its file as a stream."""
    from studyapp.i18n import format_date  # noqa: PLC0415

    cells = {row["id"]: row["name"] for row in tables.get("cells", [])}
    all_marks: dict[str, list[str]] = {}
    for row in tables.get("attendance", []):
        all_marks.setdefault(row["session_id"], []).append(row["status"])
    all_tested: dict[str, set[str]] = {}
    for row in tables.get("attempts", []):
        if row["status"] == "finished" and row["session_id"] is not None:
            all_tested.setdefault(row["session_id"], set()).add(row["member_id"])
    lines = []
    for session in sorted(tables.get("sessions", []),
                          key=lambda row: (str(row["held_on"]), cells.get(row["cell_id"], ""))):
        marks = all_marks.get(session["id"], [])
        tested = all_tested.get(session["id"], set())
        lines.append(tr("import.session_line", cell=cells.get(session["cell_id"], "?"),
                        date=format_date(date.fromisoformat(str(session["held_on"]))),
                        present=marks.count("present") + marks.count("not_tested"),
                        total=len(marks), excused=marks.count("excused"),
                        absent=marks.count("absent"), tested=len(tested)))
    return lines
