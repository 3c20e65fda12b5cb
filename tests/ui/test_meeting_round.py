"""A meeting's test round for a cell of 15, all three ways at once (issue 13, "Done when"):
five members on their phones (real HTTP clients against the laptop's server), five on
paper (entered by the secretary on the entry screen), five at the keyboard in turns, at
80×24. The summary and the CSV count all fifteen the same and say how each was taken;
the round fits in 20 minutes of simulated member time.

The member-time model (the laptop is one, so its turns and the paper entry follow each
other; phones and paper are written at the same time as the turns):

- every member reads and answers a question in READ seconds, whatever the way (the
  member's own keys or taps are part of it);
- a keyboard turn adds HANDOVER seconds (changing seats, finding the name, confirming);
- each key the secretary presses takes KEY seconds; picking a paper to enter PICK seconds;
- a phone needs JOIN seconds to scan the code and pick its name.
"""

from __future__ import annotations

import asyncio
import csv
import io
import threading
from datetime import date
from pathlib import Path

import httpx2 as httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from studyapp.quiz.scoring import correct_response
from studyapp.store.models import AttendanceStatus
from studyapp.store.papers import session_papers
from studyapp.store.report import session_report
from studyapp.ui.app import StudyApp
from studyapp.ui.modals.form import FormDialog
from studyapp.ui.paper_flow import line_text
from studyapp.ui.screens.paper_entry import PaperEntryScreen, PaperPickScreen, PaperReviewScreen
from studyapp.ui.screens.phone_round import PhoneRoundScreen
from studyapp.ui.screens.quiz import QuizScreen
from studyapp.ui.screens.turns import HandoverScreen, TurnsScreen
from tests.conftest import Clock, run_cli, wrong_response
from tests.ui.conftest import build_app, keys_for
from tests.ui.test_phone_round_ui import free_port
from tests.web.phones import Phone, form_for

PIN = "246813"
QUESTIONS = 5
READ = 30.0
KEY = 1.0
HANDOVER = 30.0
PICK = 10.0
JOIN = 60.0
NAMES = [
    "Lê Văn An", "Nguyễn Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Đỗ Văn Em",
    "Hoàng Thị Giang", "Vũ Văn Hải", "Bùi Thị Hoa", "Đặng Văn Khánh", "Ngô Thị Lan",
    "Dương Văn Minh", "Lý Thị Nga", "Mai Văn Phúc", "Cao Thị Quyên", "Tô Văn Sơn",
]


class Laptop:
    """The keys pressed at the laptop; the secretary's counted for the time model."""

    def __init__(self, pilot: Pilot[None]) -> None:
        self.pilot = pilot
        self.keys = 0
        self.member_keys = 0

    async def press(self, *keys: str, member: bool = False) -> None:
        if member:
            self.member_keys += len(keys)
        else:
            self.keys += len(keys)
        await self.pilot.press(*keys)
        await self.pilot.pause()


def phone_member(base: str, code: str, member_id: str, *, right: int,
                 acknowledged: list[tuple[str, int]], problems: list[str]) -> None:
    """One member's whole test on a phone: `right` questions right, then wrong ones."""
    with httpx.Client(base_url=base, timeout=30) as client:
        phone = Phone(client)
        try:
            phone.join(code, member_id)
            position = 0
            while "Nộp bài?" not in phone.page:
                number = phone.number
                item_id = phone.question_id
                item = ROUND_ITEMS[member_id][number - 1]
                assert item.question.full_id == item_id
                response = correct_response(item.question) if position < right \
                    else wrong_response(item.question)
                phone.answer(form_for(item, response))
                assert f"Đã lưu câu {number}." in phone.page, phone.page[:600]
                acknowledged.append((member_id, number))
                position += 1
            phone.post("/finish", {})
            assert "Kết quả của bạn" in phone.page
        except AssertionError as error:  # reported by the test, not lost in a thread
            problems.append(f"{member_id}: {error}")


ROUND_ITEMS: dict[str, tuple] = {}  # type: ignore[type-arg]


def test_fifteen_members_on_phones_paper_and_keyboard(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    db = tmp_path / "chi-bo.sqlite3"
    acknowledged: list[tuple[str, int]] = []
    problems: list[str] = []

    async def run() -> tuple[str, float, int, dict[str, str]]:
        app = build_app(db=db, clock=Clock())
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app, StudyApp)
            store = app.store
            cell = store.ensure_cell("Chi bộ Khu phố 2")
            members = {name: store.add_member(cell.id, name) for name in NAMES}
            session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                         pack_id=app.catalog.packs[0].id, lessons=[],
                                         settings={"count": QUESTIONS, "variants": True},
                                         seed=67)
            for member in members.values():
                store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
            store.set_pin(cell.id, PIN)
            papers = session_papers(store, app.catalog, session.id)
            roster = [p.member.full_name for p in papers]
            on_paper, on_phones, at_keyboard = roster[:5], roster[5:10], roster[10:]
            ways = {**dict.fromkeys(on_paper, "paper"), **dict.fromkeys(on_phones, "phone"),
                    **dict.fromkeys(at_keyboard, "laptop")}
            for paper in papers:
                ROUND_ITEMS[paper.member.id] = paper.paper.items
            laptop = Laptop(pilot)
            app.sessions.open_session(session.id)
            await pilot.pause()
            assert isinstance(app.screen, TurnsScreen)

            # 1. The secretary starts the phone round: d, the PIN, where to listen.
            await laptop.press("d", *PIN, "enter")
            dialog = app.screen
            assert isinstance(dialog, FormDialog)
            port = free_port()
            dialog.query_one("#field-host", Input).value = "127.0.0.1"
            dialog.query_one("#field-port", Input).value = str(port)
            await laptop.press("enter")
            assert isinstance(app.screen, PhoneRoundScreen)
            code = app.screen.code
            threads = [threading.Thread(target=phone_member, args=(
                f"http://127.0.0.1:{port}", code, members[name].id), kwargs={
                    "right": QUESTIONS - i % 3, "acknowledged": acknowledged,
                    "problems": problems}) for i, name in enumerate(on_phones)]
            for thread in threads:
                thread.start()
            await laptop.press("escape")  # back to the turns: the round goes on

            # 2. Five at the keyboard, in turns, while the phones answer.
            for i, name in enumerate(at_keyboard):
                turns = app.screen
                assert isinstance(turns, TurnsScreen)
                names = [row.member.full_name for row in turns.present]
                await laptop.press("home", *["down"] * names.index(name), "enter", "c",
                                   member=True)
                quiz = app.screen
                assert isinstance(quiz, QuizScreen), app.screen
                for position, item in enumerate(quiz.quiz.session.paper.items):
                    await quiz.go_to_question(position)
                    await laptop.press(*keys_for(item, right=i % 2 == 0 or position < 3),
                                       member=True)
                await laptop.press("n", member=True)  # hand in
                assert isinstance(app.screen, HandoverScreen)
                await laptop.press("enter", member=True)

            # 3. The papers written meanwhile, entered by the secretary: n, the PIN once.
            await laptop.press("n", *PIN, "enter")
            pick = app.screen
            assert isinstance(pick, PaperPickScreen)
            for name in on_paper:
                await laptop.press("enter")  # the next paper still to enter
                entry = app.screen
                assert isinstance(entry, PaperEntryScreen)
                assert entry.choice.label == name
                paper = next(p for p in papers if p.member.full_name == name)
                for item in paper.paper.items:
                    keys = list(line_text(item, correct_response(item.question)))
                    sheet = entry.sheet
                    index = sheet.current
                    await laptop.press(*keys)
                    if sheet.current == index:
                        await laptop.press("enter")
                assert isinstance(app.screen, PaperReviewScreen)
                await laptop.press("enter")  # saved
                assert app.screen is pick
            await laptop.press("escape")

            # 4. The phones are done; the secretary ends the round (the PIN).
            for thread in threads:
                await asyncio.to_thread(thread.join, 60)
            assert problems == []
            await laptop.press("d", "k", "k", *PIN, "enter")
            assert isinstance(app.screen, TurnsScreen)
            assert app.phone_rounds.server is None
            turns_text = app.screen.report
            assert sum(1 for row in turns_text.rows if row.counted) == 15
            return session.id, _minutes(laptop.keys), laptop.keys, ways

    session_id, minutes, keys, ways = asyncio.run(run())
    with capsys.disabled():
        print(f"\nround: {minutes:.1f} simulated minutes, {keys} keys by the secretary")
    assert minutes <= 20, f"{minutes:.1f} simulated minutes ({keys} keys at the laptop)"

    # Every acknowledged phone answer is stored, once.
    from studyapp.store.database import Database  # noqa: PLC0415
    from studyapp.store.store import Store  # noqa: PLC0415

    store = Store(Database(db))
    stored = []
    for attempt in store.attempts(session_id=session_id):
        if attempt.settings.get("via") == "phone":
            stored += [(attempt.member_id, a.position + 1) for a in store.answers(attempt.id)]
    assert sorted(stored) == sorted(acknowledged)
    assert len(stored) == 5 * QUESTIONS

    # The summary counts fifteen, whichever way they answered.
    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.paths import bundled_content_dir  # noqa: PLC0415

    catalog = load_catalog([bundled_content_dir()]).catalog
    report = session_report(store, catalog, session_id)
    assert report.figures.tested == 15
    store.database.close()

    # The CSV says how each member was taken, one row each.
    target = tmp_path / "buoi.csv"
    code, _out, err = run_cli(capsys, "export", "--session", session_id, "--format", "csv",
                              "-o", str(target), "--db", str(db), "--pin", PIN)
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    via = header.index("Cách làm bài")
    name = header.index("Đảng viên")
    by_name = {row[name]: row[via] for row in body}
    assert len(by_name) == 15
    words = {"paper": "giấy", "phone": "điện thoại", "laptop": "máy"}
    for member, way in ways.items():
        assert words[way] in by_name[member], (member, by_name[member])


def _minutes(laptop_keys: int) -> float:
    """The round's simulated length: the longest of the phones, and the laptop's
    five turns followed by the five papers' entry."""
    per_test = QUESTIONS * READ
    phones = JOIN + per_test
    turns = 5 * (per_test + HANDOVER)
    entry = 5 * PICK
    laptop = turns + entry + laptop_keys * KEY
    return max(phones, per_test, laptop) / 60
