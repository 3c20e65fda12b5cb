"""`studyapp session`: a cell session's printed papers, and entering them (docs/paper-entry.md).

    studyapp session papers --session ID -o FILE.html [--force]
    studyapp session enter --session ID (--member NAME | --code CODE) "1B 2AC 3Đ ..."
                           [--correct] [--pin PIN]
    studyapp session serve --session ID [--host H] [--port P] [--pin PIN]

The actions are subcommands of one `session` command, each in `_ACTIONS`, so
another action (`session serve`) is one more entry there.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from studyapp.cli.common import (
    CommandAdder,
    common_options,
    err,
    load_content,
    open_store,
    out,
)
from studyapp.config import Settings
from studyapp.errors import StudyappError, UsageError
from studyapp.i18n import format_date, format_decimal, tr
from studyapp.paths import ENV_PIN
from studyapp.text import fold, normalize, normalize_line

if TYPE_CHECKING:
    from studyapp.content.catalog import Catalog
    from studyapp.store.papers import MemberPaper
    from studyapp.store.store import Store


def add_commands(command: CommandAdder) -> None:
    session = command("session", cmd_session, "cli.cmd.session")
    actions = session.add_subparsers(dest="session_action", metavar="ACTION", required=True)

    papers = actions.add_parser("papers", help=tr("cli.cmd.session_papers"),
                                description=tr("cli.cmd.session_papers"))
    common_options(papers, top=False)
    papers.add_argument("--session", metavar="ID", required=True,
                        help=tr("cli.opt.session_id"))
    papers.add_argument("-o", "--output", metavar="FILE.html", required=True,
                        help=tr("cli.opt.papers_output"))
    papers.add_argument("--force", action="store_true", help=tr("cli.opt.papers_force"))

    enter = actions.add_parser("enter", help=tr("cli.cmd.session_enter"),
                               description=tr("cli.cmd.session_enter"))
    common_options(enter, top=False)
    enter.add_argument("--session", metavar="ID", required=True, help=tr("cli.opt.session_id"))
    who = enter.add_mutually_exclusive_group(required=True)
    who.add_argument("--member", metavar="NAME", help=tr("cli.opt.entry_member"))
    who.add_argument("--code", metavar="CODE", help=tr("cli.opt.entry_code"))
    enter.add_argument("answers", metavar="ANSWERS", help=tr("cli.arg.entry_answers"))
    enter.add_argument("--correct", action="store_true", help=tr("cli.opt.entry_correct"))
    enter.add_argument("--pin", help=tr("cli.opt.pin"))

    serve = actions.add_parser("serve", help=tr("cli.cmd.session_serve"),
                               description=tr("cli.cmd.session_serve"))
    common_options(serve, top=False)
    serve.add_argument("--session", metavar="ID", required=True, help=tr("cli.opt.session_id"))
    serve.add_argument("--host", metavar="H", help=tr("cli.opt.serve_host"))
    serve.add_argument("--port", metavar="P", type=int, help=tr("cli.opt.serve_port"))
    serve.add_argument("--pin", help=tr("cli.opt.serve_pin"))


def cmd_session(args: argparse.Namespace, settings: Settings) -> int:
    handler = {"papers": cmd_papers, "enter": cmd_enter,
               "serve": cmd_serve}[args.session_action]
    return handler(args, settings)


def session_id_of(store: Store, given: str) -> str:
    """A session by its id, or by the start of it (six characters at least, unambiguous)."""
    given = given.strip()
    matches = [s.id for s in store.sessions() if s.id == given or s.id.startswith(given)]
    if len(matches) == 1 and (len(given) >= 6 or matches[0] == given):
        return matches[0]
    raise StudyappError(tr("cli.no_session", id=given) if not matches
                        else tr("cli.ambiguous_session", id=given))


# --- papers ------------------------------------------------------------------------------


def cmd_papers(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.export.files import target_problem, write_atomically  # noqa: PLC0415
    from studyapp.store.papers import session_papers  # noqa: PLC0415

    path = Path(args.output).expanduser()
    # The same rule as every export (store/atomic.py): a link or anything but a regular
    # file is never written through, an existing file replaced only with --force.
    problem = target_problem(path.absolute(), force=args.force)
    if problem:
        raise UsageError(problem)
    store = open_store(settings)
    session_id = session_id_of(store, args.session)
    catalog = load_content(settings).catalog
    papers = session_papers(store, catalog, session_id)
    if not papers:
        raise StudyappError(tr("cli.papers_nobody"))
    page = render_papers(store, catalog, session_id, papers)
    data = page.encode("utf-8")

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    written = write_atomically(path, write, force=args.force)
    err(tr("cli.papers_written", count=len(papers), path=str(written)))
    return 0


def render_papers(store: Store, catalog: Catalog, session_id: str,
                  papers: list[MemberPaper]) -> str:
    """The session's papers as one A4 HTML document (export/paper.py)."""
    from studyapp.export.paper import render_session_papers  # noqa: PLC0415
    from studyapp.i18n import current_language  # noqa: PLC0415

    session = store.session(session_id)
    pack = next((p for p in catalog.packs if p.id == session.pack_id), None)
    return render_session_papers(papers, pack, cell=store.cell(session.cell_id).name,
                                 held_on=format_date(session.held_on),
                                 lang=current_language())


# --- entering a paper --------------------------------------------------------------------


def paper_for(store: Store, catalog: Catalog, session_id: str, *, member: str | None,
              code: str | None) -> MemberPaper:
    """The paper of the member named (or the member id, or the name typed
    without diacritics), among those present; or the paper with `code`."""
    from studyapp.store.papers import find_paper, session_papers  # noqa: PLC0415

    if code is not None:
        return find_paper(store, catalog, session_id, code)
    assert member is not None
    papers = session_papers(store, catalog, session_id)
    name = normalize_line(member).casefold()
    found = [p for p in papers if p.member.id == member or p.label.casefold() == name]
    if not found:  # the name alone: all of that name
        found = [p for p in papers if p.member.full_name.casefold() == name]
    if not found:
        found = [p for p in papers if fold(p.member.full_name) == fold(member)]
    if not found:
        raise StudyappError(tr("cli.entry_no_member", name=normalize_line(member)))
    if len(found) > 1:
        raise StudyappError(tr("cli.entry_twins", name=normalize_line(member), ids=", ".join(
            f"{p.member.id} ({p.label})" for p in found)))
    return found[0]


def cmd_enter(args: argparse.Namespace, settings: Settings) -> int:
    from studyapp.quiz.entry import EntryError  # noqa: PLC0415
    from studyapp.store.papers import enter_paper  # noqa: PLC0415

    store = open_store(settings)
    session_id = session_id_of(store, args.session)
    catalog = load_content(settings).catalog
    paper = paper_for(store, catalog, session_id, member=args.member, code=args.code)
    text = normalize(args.answers)
    pin = args.pin or os.environ.get(ENV_PIN) or None
    try:
        attempt = enter_paper(store, catalog, session_id, paper.member.id, text,
                              correct=args.correct, pin=pin)
    except EntryError as error:
        err(tr("cli.entry_problems", name=paper.label, count=len(error.problems)))
        for problem in error.problems:
            err(f"  {normalize_line(str(problem))}")
        return 1
    score = format_decimal(attempt.score) if attempt.score is not None else "—"
    out(tr("cli.entry_saved", name=paper.label, code=paper.code, answered=attempt.answered or 0,
           size=len(paper.paper.items), score=score, band=attempt.band or ""))
    return 0


# --- serve -------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    """Serve the session's phone round until Ctrl+C; print each member's progress
    as it changes (never a score). Ctrl+C ends the round when the PIN allows
    (`--pin` or STUDYAPP_PIN); otherwise the round stays open for the next
    `session serve` or the laptop's round screen, and the phones resume."""
    import signal  # noqa: PLC0415
    import threading  # noqa: PLC0415

    import segno  # noqa: PLC0415

    from studyapp.store.phone import PhoneRound  # noqa: PLC0415
    from studyapp.store.store import PinError  # noqa: PLC0415
    from studyapp.web.server import RoundServer  # noqa: PLC0415

    if args.port is not None and not 0 < args.port < 65536:
        raise UsageError(tr("cli.bad_port", port=args.port))
    store = open_store(settings)
    session_id = session_id_of(store, args.session)
    catalog = load_content(settings).catalog
    round_ = PhoneRound.open(store, catalog, session_id)
    session = store.session(session_id)
    server = RoundServer(round_, host=args.host, port=args.port,
                         who=f"{store.cell(session.cell_id).name} {format_date(session.held_on)}")
    stop = threading.Event()
    # Ctrl+C only sets `stop`: a KeyboardInterrupt raised wherever the main thread
    # happens to be (inside a store call, holding its lock) could leave the round
    # unable to end, the program waiting for ever (seen once in the suite).
    previous = signal.signal(signal.SIGINT, lambda *_: stop.set()) \
        if threading.current_thread() is threading.main_thread() else None
    server.start()
    try:
        if not server.wait_started():
            raise StudyappError(tr("phone.cannot_listen", host=server.host, port=server.port,
                                   reason="uvicorn"))
        for url in server.urls:
            out(tr("phone.serve_address", url=url))
        segno.make(server.url, error="m", micro=False).terminal(out=sys.stdout, compact=True)
        out(tr("phone.serve_code", code=round_.code))
        out(tr("phone.serve_stop"))
        sys.stdout.flush()
        shown: dict[str, str] = {}
        while not stop.wait(1.0):
            for row in round_.progress():
                line = tr(f"phone.stage.{row.stage}", name=row.label, k=row.position + 1,
                          n=row.size, answered=row.answered)
                if shown.get(row.member_id) != line:
                    shown[row.member_id] = line
                    out(line)
                    sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
        server.stop()
    pin = args.pin or os.environ.get(ENV_PIN) or None
    try:
        round_.end(pin)
    except PinError as error:
        err(normalize_line(str(error)))
        out(tr("phone.serve_paused"))
        return 0
    out(tr("phone.serve_ended"))
    return 0
