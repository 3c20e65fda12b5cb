"""A hostile database (written with sqlite3 behind every check's back) opened on
every kind of screen: nothing from it reaches the terminal as a control
character, an escape sequence or a bidi override."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from studyapp.export.run import FORMATS, prepare
from studyapp.store.exchange import Scope
from studyapp.text import UNWANTED_CHARACTERS
from studyapp.ui.app import StudyApp
from tests.conftest import T0 as NOW
from tests.ui.conftest import build_app, meeting, rendered_lines

# The clipboard (OSC 52), a hidden link (OSC 8), a screen clear, a C1 CSI, a
# window title (OSC 0 ended by BEL), and a right-to-left override.
HOSTILE = ("\x1b]52;c;aGk=\x1b\\\x1b]8;;http://x\x1b\\L\x1b]8;;\x1b\\\x1b[2J\x9b31m"
           "\u202eY\x1b]0;owned\x07\x07\x7f")


def poison(db: Path) -> None:
    """Every stored text a person or a bundle can set, made hostile."""
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE cells SET name = name || ?", (HOSTILE,))
        connection.execute("UPDATE members SET full_name = full_name || ?", (HOSTILE,))
        connection.execute("UPDATE attendance SET note = note || ?", (HOSTILE,))
        connection.execute("UPDATE sessions SET topic = topic || ?, run_by = ?",
                           (HOSTILE, HOSTILE))
        connection.execute("UPDATE attempts SET band = band || ? WHERE band IS NOT NULL",
                           (HOSTILE,))
        for answer_id, response in connection.execute(
                "SELECT id, response FROM answers").fetchall():
            data = json.loads(response)
            data = _poisoned(data)
            connection.execute("UPDATE answers SET response = ?, understood_as = ? "
                               "WHERE id = ?", (json.dumps(data), HOSTILE, answer_id))
        for event_id, response in connection.execute(
                "SELECT id, response FROM events WHERE response IS NOT NULL").fetchall():
            connection.execute("UPDATE events SET response = ? WHERE id = ?",
                               (json.dumps(_poisoned(json.loads(response))), event_id))
    connection.close()


def _poisoned(data: object) -> object:
    if isinstance(data, dict):
        return {key: (value + HOSTILE if key == "text" and isinstance(value, str)
                      else _poisoned(value)) for key, value in data.items()}
    if isinstance(data, list):
        return [_poisoned(value) for value in data]
    return data


def leaks(app: StudyApp) -> list[str]:
    return [line for line in rendered_lines(app) if UNWANTED_CHARACTERS.search(line)]


async def test_no_screen_writes_a_stored_escape(tmp_path: Path) -> None:
    db = tmp_path / "hostile.sqlite3"
    app = build_app(db=db, with_bundled=True)
    found: dict[str, list[str]] = {}
    shown_on: dict[str, tuple[str, bool]] = {}
    typed_shown: list[str] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        session_id = meeting(app)
        poison(db)
        store = app.store
        cell = store.session(session_id)
        cell_id = cell.cell_id
        members = store.members(cell_id)

        async def look(name: str, action: Callable[[], object], *keys: str) -> None:
            while len(app.screen_stack) > 1:
                app.pop_screen()
            await pilot.pause()
            action()
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await pilot.pause()
            if name.startswith("typed") and any("không phải đáp án" in line
                                                for line in rendered_lines(app)):
                typed_shown.append(name)
            shown_on[name] = (type(app.screen).__name__,
                              any("\\x1b]52" in line for line in rendered_lines(app)))
            if bad := leaks(app):
                found[name + " " + type(app.screen).__name__] = bad

        await look("home", lambda: None)
        await look("learners", app.learners.choose_learner)
        await look("sessions", lambda: app.sessions.show_sessions(store.cell(cell_id)))
        await look("roster", lambda: app.roster.open(store.cell(cell_id)))
        await look("turns", lambda: app.sessions.open_session(session_id))
        await look("attendance", lambda: app.sessions.edit_attendance(session_id))
        await look("summary", lambda: app.sessions.open_summary(session_id))
        await look("summary members", lambda: app.sessions.open_summary(session_id), "2")
        await look("summary questions", lambda: app.sessions.open_summary(session_id), "3")
        await look("question", lambda: app.sessions.open_summary(session_id), "3", "enter")
        for m in members:
            await look("history", lambda m=m: app.sessions.member_history(m))
        await look("export", lambda: app.exports.start(Scope(session_id=session_id),
                                                     cell=store.cell(cell_id).name))
        await look("member export", lambda: app.exports.start(Scope(member_id=members[0].id),
                                                            member=members[0].full_name))
        store.close_session(session_id)
        await look("closed summary", lambda: app.sessions.open_summary(session_id))
        await look("closed question", lambda: app.sessions.open_summary(session_id),
                   "3", "enter")
        attempts = store.attempts(session_id=session_id)
        for attempt in attempts:
            await look("results", lambda a=attempt: app.quizzes.review_attempt(a.id))
        for attempt in attempts[:1]:
            for step in range(4):  # every question of the paper, the typed answers among them
                await look(f"review {step + 1}",
                           lambda a=attempt: app.quizzes.review_attempt(a.id),
                           "enter", *["n"] * step)
        # Each typed answer, on the review page of its question.
        typed = sqlite3.connect(db).execute(
            "SELECT attempt_id, position FROM answers WHERE response LIKE '%\"text\"%'"
        ).fetchall()
        assert typed
        for attempt_id, position in typed:
            await look(f"typed answer {attempt_id}",
                       lambda a=attempt_id: app.quizzes.review_attempt(a),
                       "enter", *["n"] * position)
        # A paper naming a question by a hostile id: the review cannot open it and says so.
        with sqlite3.connect(db) as connection:
            paper = json.loads(attempts[0].paper and json.dumps(attempts[0].paper))
            paper["items"][0]["id"] = "demo/q1" + HOSTILE
            connection.execute("CREATE TEMP TABLE one AS SELECT * FROM attempts WHERE id = ?",
                               (attempts[0].id,))
            connection.execute("UPDATE one SET id = 'forged', session_id = NULL, paper = ?",
                               (json.dumps(paper),))
            connection.execute("INSERT INTO attempts SELECT * FROM one")
        connection.close()
        await look("forged review", lambda: app.quizzes.review_attempt("forged"))
        learner = store.learner(members[0])
        app.learners.set_learner(learner)
        await look("home with learner", lambda: None)
        await look("progress", app.progress.show_progress)
        await look("my results", app.progress.show_history)
        await look("my results review", app.progress.show_history, "enter")
        await look("lessons", app.library.open_lessons)
        await look("search", app.library.open_search, *"chi bộ", "enter")
        await look("help", app.action_help)
        await look("palette", app.action_palette)
    for name, lines in found.items():
        print(name)
        for line in lines:
            print("   ", repr(line))
    assert not found
    # The hostile text was there to be written, shown escaped (\x1b), on these screens.
    assert typed_shown  # the review pages of typed answers were looked at, answers on them
    assert shown_on["roster"] == ("RosterScreen", True)  # the secretary's roster (i14r)
    assert {screen for screen, seen in shown_on.values() if seen} >= {
        "LearnerScreen", "TurnsScreen", "AttendanceScreen", "SummaryScreen", "HistoryScreen",
        "HomeScreen"}


def exported_texts(fmt: str, data: bytes) -> list[str]:
    """The texts an export holds, as the program that opens it will read them."""
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            return [book.read(name).decode("utf-8") for name in book.namelist()
                    if name.endswith(".xml")]
    if fmt == "json":  # the file as shown by `cat` or an editor, and the same data
        json.loads(data)
    text = data.decode("utf-8-sig")
    return [text.replace("\r\n", "\n")]


def test_no_export_carries_a_stored_control_character(tmp_path: Path) -> None:
    db = tmp_path / "hostile.sqlite3"
    app = build_app(db=db, with_bundled=True)
    session_id = meeting(app)
    poison(db)
    store = app.store
    store.close_session(session_id)
    cell_id = store.session(session_id).cell_id
    member_id = store.members(cell_id)[0].id
    checked = 0
    for scope in (Scope(session_id=session_id), Scope(cell_id=cell_id),
                  Scope(member_id=member_id), Scope()):  # Scope(): the ward's report
        for fmt in FORMATS:
            out = io.BytesIO()
            prepare(store, app.catalog, scope, fmt, now=NOW).write(out)
            for text in exported_texts(fmt, out.getvalue()):
                found = UNWANTED_CHARACTERS.search(text)
                assert found is None, (fmt, scope, text[max(0, found.start() - 40):
                                                        found.end() + 40])
                if fmt == "html":
                    assert "<script" not in text.lower()
            checked += 1
    assert checked == 4 * len(FORMATS)


def _read_until_quiet(fd: int, seconds: float) -> bytes:
    """What the program writes to the terminal until it has been quiet a while."""
    import select  # noqa: PLC0415

    data = b""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            if data:
                break
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the program ended
            break
        if not chunk:
            break
        data += chunk
    return data


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal (pty)")
def test_the_real_terminal_bytes_hold_no_hostile_sequence(tmp_path: Path) -> None:
    """The program run for real in a pseudo-terminal on the hostile database:
    the bytes it writes hold Textual's own escapes only, never the stored ones."""
    import fcntl  # noqa: PLC0415
    import pty  # noqa: PLC0415
    import struct  # noqa: PLC0415
    import termios  # noqa: PLC0415

    db = tmp_path / "hostile.sqlite3"
    app = build_app(db=db, with_bundled=True)
    meeting(app)
    poison(db)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(Path.cwd())}
    process = subprocess.Popen([sys.executable, "-m", "studyapp", "--db", str(db)],
                               stdin=slave, stdout=slave, stderr=slave, env=env,
                               start_new_session=True)
    os.close(slave)
    written = b""
    try:
        written += _read_until_quiet(master, 30)
        # The learner picker, then the sessions of the cell, its turns and attendance.
        for keys in (b"n", b"\x1b", b"s", b"\r", b"e", b"\x1b", b"\x1b", b"\x1b"):
            os.write(master, keys)
            written += _read_until_quiet(master, 5)
        os.write(master, b"\x11")  # Ctrl+Q
        written += _read_until_quiet(master, 10)
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(10)
        os.close(master)
    text = written.decode("utf-8", errors="replace")
    for sequence in ("\x1b]52", "\x1b]8;;http://x", "\x1b]0;owned", "\x9b", "\u202e",
                     "\x1b[2J\x9b"):
        assert sequence not in text, repr(sequence)
    # The roster was on screen, each hostile name shown with its escapes visible.
    assert "Giang\\x1b]52;c;" in text
    assert "Điểm danh" in text  # the attendance screen too
