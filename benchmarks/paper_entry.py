"""Keystrokes to enter a paper answered on paper, counted with Pilot from the turns screen.

    python benchmarks/paper_entry.py

The secretary is on the turns screen of an open session; a member's paper of
ten single-choice questions lies on the table. Every key pressed from there
until the paper is saved (the entry screen, picking the member, ten letters,
the review, saving) is counted; so is the next paper, and the same with a
cell PIN. The target (issue 13) is at most 25 keystrokes for the first paper.
The paper is saved for real (the count is checked against the database).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

TARGET = 25
QUESTIONS = 10
PIN = "246813"


def write_pack(root: Path) -> Path:
    """A pack of twelve single-choice questions (the draw takes ten)."""
    folder = root / "pack-giay"
    (folder / "lessons").mkdir(parents=True)
    (folder / "banks").mkdir()
    (folder / "pack.toml").write_text(
        'format = 1\nid = "giay"\ntitle = "Đề trên giấy"\nsource = "Văn bản đo"\n',
        encoding="utf-8")
    (folder / "lessons" / "mot.md").write_text(
        '+++\nid = "mot"\ntitle = "Bài một"\nsource = "I"\n+++\nNội dung bài một.\n',
        encoding="utf-8")
    questions = []
    for number in range(1, 13):
        questions.append(
            f'[[questions]]\nid = "q{number:02d}"\ntype = "single"\n'
            f'prompt = "Câu hỏi số {number}?"\n'
            f'choices = ["Phương án một", "Phương án hai", "Phương án ba", "Phương án bốn"]\n'
            f'answer = "{"ABCD"[number % 4]}"\nlesson = "mot"\n')
    (folder / "banks" / "cau-hoi.toml").write_text(
        'format = 1\nid = "cau-hoi"\ntitle = "Câu hỏi đo"\n\n' + "\n".join(questions),
        encoding="utf-8")
    return folder


@dataclass
class Count:
    first: int
    next: int


class Counter:
    """`pilot.press`, counting every key."""

    def __init__(self, pilot: Any) -> None:
        self.pilot = pilot
        self.keys = 0

    async def press(self, *keys: str) -> None:
        self.keys += len(keys)
        await self.pilot.press(*keys)
        await self.pilot.pause()


async def count(pack: Path, db: Path, *, pin: str | None) -> Count:
    from studyapp.config import load_user_config, resolve_settings  # noqa: PLC0415
    from studyapp.content.loading import load_catalog  # noqa: PLC0415
    from studyapp.store.models import AttendanceStatus  # noqa: PLC0415
    from studyapp.store.papers import session_papers  # noqa: PLC0415
    from studyapp.ui.app import StudyApp, make_app  # noqa: PLC0415
    from studyapp.ui.screens.paper_entry import PaperEntryScreen, PaperPickScreen  # noqa: PLC0415
    from studyapp.ui.screens.turns import TurnsScreen  # noqa: PLC0415

    settings = resolve_settings(load_user_config(), content=[str(pack)], db=str(db))
    content = load_catalog(settings.content_paths, settings.cache_dir)
    app: StudyApp = make_app(settings, content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        store = app.store
        cell = store.ensure_cell("Chi bộ đo")
        members = [store.add_member(cell.id, name) for name in ("Lê Văn An", "Trần Thị Bình")]
        session = store.open_session(cell.id, date(2026, 12, 2), topic="Đo", pack_id="giay",
                                     lessons=[], settings={"count": QUESTIONS}, seed=3)
        for member in members:
            store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        if pin:
            store.set_pin(cell.id, pin)
        papers = session_papers(store, app.catalog, session.id)
        app.sessions.open_session(session.id)
        await pilot.pause()
        assert isinstance(app.screen, TurnsScreen)
        keys = Counter(pilot)

        async def one_paper(index: int) -> None:
            assert isinstance(app.screen, PaperPickScreen)
            await keys.press("enter")  # the highlighted member: the next still to enter
            assert isinstance(app.screen, PaperEntryScreen)
            assert app.screen.choice.member_id == papers[index].member.id
            letters = [item.answer_letters[0].lower() for item in papers[index].paper.items]
            await keys.press(*letters)
            await keys.press("enter")  # the review of the whole paper
            await keys.press("enter")  # saved
            assert isinstance(app.screen, PaperPickScreen)
            [attempt] = store.attempts(member_id=papers[index].member.id,
                                       session_id=session.id)
            assert attempt.settings["via"] == "paper"
            assert attempt.answered == attempt.correct == QUESTIONS

        await keys.press("n")  # the secretary's paper entry
        if pin:
            await keys.press(*pin, "enter")
        await one_paper(0)
        first = keys.keys
        await one_paper(1)
        app.store.database.close()
    return Count(first, keys.keys - first)


def measure() -> list[tuple[str, int]]:
    with tempfile.TemporaryDirectory() as temp:
        root = Path(temp)
        pack = write_pack(root)
        plain = asyncio.run(count(pack, root / "a.sqlite3", pin=None))
        guarded = asyncio.run(count(pack, root / "b.sqlite3", pin=PIN))
    return [("first paper, from the turns screen, cell without a PIN", plain.first),
            ("first paper, from the turns screen, cell with a 6-digit PIN", guarded.first),
            ("each next paper", plain.next)]


def main() -> None:
    rows = measure()
    print(f"Keystrokes to enter a paper of {QUESTIONS} single choices "
          f"(target: first paper ≤ {TARGET}):\n")
    print("| measure | keystrokes | target |")
    print("|---|---|---|")
    for name, keys in rows:
        verdict = "ok" if keys <= TARGET else "OVER"
        print(f"| {name} | **{keys}** | ≤ {TARGET} ({verdict}) |")


if __name__ == "__main__":
    main()
