"""The laptop's program SIGKILLed at random moments while phones answer: after
each restart of `studyapp session serve` the round has the same code, the
phones go on with their cookies where they were, and in the end every answer a
page acknowledged is stored, in one attempt per member (POSIX signals only)."""

from __future__ import annotations

import os
import random
import re
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import correct_response, response_to_data
from studyapp.store.database import Database
from studyapp.store.models import AttemptStatus
from studyapp.store.papers import MemberPaper, session_papers
from studyapp.store.phone import VIA_PHONE
from studyapp.store.store import Store
from tests.web.phones import Phone, form_for, session_with_every_type
from tests.web.test_phone_concurrent import answer_events, quick_check

pytestmark = pytest.mark.skipif(sys.platform == "win32",
                                reason="SIGKILL is POSIX-only: Windows has no such signal")

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")
KILLS = 4
ROOT = Path(__file__).resolve().parents[2]
CODE = re.compile(r"Mã vòng thi: (\d{6})")
ADDRESS = re.compile(r"Địa chỉ cho điện thoại: (http://\S+)")
QUESTION_SHOWN = re.compile(r"Câu (\d+)/\d+")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Laptop:
    """`studyapp session serve` in a process of its own, its output read as it comes."""

    def __init__(self, tmp_path: Path, db: Path, session_id: str, port: int) -> None:
        self.args = [sys.executable, "-m", "studyapp", "session", "serve", "--session",
                     session_id, "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1",
                    "STUDYAPP_CONFIG_DIR": str(tmp_path / "config"),
                    "STUDYAPP_DATA_DIR": str(tmp_path / "data"),
                    "STUDYAPP_CACHE_DIR": str(tmp_path / "cache")}
        self.env.pop("STUDYAPP_PIN", None)
        self.process: subprocess.Popen[str] | None = None
        self.lines: list[str] = []

    def start(self) -> tuple[str, str]:
        """Start it; the address and round code it printed."""
        self.process = subprocess.Popen(self.args, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True, env=self.env,
                                        encoding="utf-8")
        assert self.process.stdout is not None
        address = code = None
        deadline = time.monotonic() + 60
        while code is None and time.monotonic() < deadline:
            line = self.process.stdout.readline()
            if not line:
                break
            self.lines.append(line)
            if (found := ADDRESS.search(line)) and address is None:
                address = found.group(1)
            if found := CODE.search(line):
                code = found.group(1)
        assert address is not None, "".join(self.lines)
        assert code is not None, "".join(self.lines)
        threading.Thread(target=self._drain, args=(self.process,), daemon=True).start()
        return address, code

    def _drain(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.lines.append(line)

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()  # SIGKILL
        self.process.wait(timeout=30)
        assert self.process.returncode == -9


@dataclass
class Member:
    paper: MemberPaper
    acked: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    resumed: list[tuple[int, int, int]] = field(default_factory=list)
    """(last page seen, the one it was going to, the question shown after a restart)."""
    problems: list[str] = field(default_factory=list)
    finished: bool = False


def on_phone(url: str, code: str, member: Member, stop: threading.Event) -> None:
    """A member who keeps at it: any step the dead server did not answer is tried
    again once it is back; after a restart the phone first asks where it is."""
    with httpx.Client(base_url=url, timeout=10) as client:
        phone = Phone(client)

        def retried(step: Any, *, answering: bool = False) -> Any:
            failed = False
            while not stop.is_set():
                try:
                    if failed and answering:
                        phone.get("/q")
                        shown = QUESTION_SHOWN.search(phone.page)
                        member.resumed.append((seen[0], seen[0] + 1,
                                               int(shown.group(1)) - 1 if shown else -1))
                    return step()
                except httpx.TransportError:
                    failed = True
                    time.sleep(0.05)
            raise TimeoutError("the server did not come back")

        seen = [0]
        pace = random.Random(member.paper.member.id)
        try:
            def join() -> None:
                phone.get("/")
                if "Câu 1/" not in phone.page:  # not claimed before a kill
                    phone.join(code, member.paper.member.id)

            retried(join)
            for position, item in enumerate(member.paper.paper.items):
                response = correct_response(item.question)

                def step(position: int = position, item: Any = item,
                         response: Any = response) -> None:
                    phone.get(f"/q?n={position + 1}")
                    seen[0] = position
                    reply = phone.answer(form_for(item, response), n=position + 1,
                                         question_id=item.question.full_id)
                    if reply.status_code == 200 and \
                            f"Đã lưu câu {position + 1}." in phone.page:
                        member.acked.append((position, response_to_data(response)))
                    else:
                        member.problems.append(f"{position}: {reply.status_code}")

                retried(step, answering=True)
                time.sleep(pace.uniform(0.0, 0.08))  # reading the next question
            retried(lambda: phone.post("/finish", {}))
            member.finished = "Kết quả của bạn" in phone.page
        except Exception as error:
            member.problems.append(repr(error))


def test_killing_the_server_mid_round_loses_no_acknowledged_answer(
        tmp_path: Path, catalog: Catalog) -> None:
    db = tmp_path / "studyapp.sqlite3"
    store = Store(Database(db))
    session = session_with_every_type(store, catalog, NAMES)
    papers = session_papers(store, catalog, session.id)
    store.database.close()
    laptop = Laptop(tmp_path, db, session.id, free_port())
    url, code = laptop.start()
    members = [Member(paper) for paper in papers]
    stop = threading.Event()
    phones = [threading.Thread(target=on_phone, args=(url, code, m, stop)) for m in members]
    for thread in phones:
        thread.start()
    rng = random.Random(20261202)
    try:
        for _ in range(KILLS):
            time.sleep(rng.uniform(0.2, 1.2))
            laptop.kill()
            again_url, again = laptop.start()
            assert (again_url, again) == (url, code)  # the same round, the same code
        for thread in phones:
            thread.join(timeout=90)
    finally:
        stop.set()
        laptop.kill()
    assert not any(thread.is_alive() for thread in phones)
    for member in members:
        assert member.problems == [], (member.paper.label, member.problems)
        assert member.finished, member.paper.label
    # The kills fell while the phones were answering, and each phone, asking
    # after a restart, was shown the question it was on (or the one it was going to).
    resumed = [r for m in members for r in m.resumed]
    assert len(resumed) >= KILLS
    assert all(shown in (was, going) for was, going, shown in resumed), resumed

    store = Store(Database(db))
    events = answer_events(db)
    for member in members:
        (attempt,) = store.attempts(member_id=member.paper.member.id, session_id=session.id)
        assert attempt.status is AttemptStatus.FINISHED
        assert attempt.settings["via"] == VIA_PHONE
        stored = {a.position: a.response for a in store.answers(attempt.id)}
        assert stored == dict(member.acked)
        assert events[attempt.id] >= len(member.acked)
    assert quick_check(db) == "ok"
    assert store.database.check().healthy
