"""Fifteen phones at once against the real server (uvicorn on 127.0.0.1), with a
real browser answering too: every answer a page acknowledged is stored, once
per position, each POST exactly one stored event, the database whole."""

from __future__ import annotations

import random
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import Response, correct_response, response_to_data
from studyapp.store.database import Database
from studyapp.store.models import AttemptStatus
from studyapp.store.papers import MemberPaper, session_papers
from studyapp.store.phone import VIA_PHONE, PhoneRound
from studyapp.store.store import Store
from studyapp.web.server import DEFAULT_PORT, PORTS_TRIED, RoundServer
from tests.web.browser import BrowserPhone, stored_by_phone, walk
from tests.web.phones import Phone, form_for, served, session_with_every_type, wrong_response

PHONES = 15
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN = ("An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Minh", "Nam", "Thảo")


def names(count: int) -> tuple[str, ...]:
    return tuple(f"{FAMILY[i % len(FAMILY)]} Văn {GIVEN[i % len(GIVEN)]} {i + 1}"
                 for i in range(count))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


@dataclass
class Member:
    """One simulated member: what their pages acknowledged, and what went wrong."""

    paper: MemberPaper
    seed: int
    acked: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    """(position, response) of every POST whose next page said "Đã lưu câu N."."""
    problems: list[str] = field(default_factory=list)
    finished: bool = False


def take_test(url: str, code: str, member: Member, start: threading.Barrier) -> None:
    """A member on their phone: join, answer the whole paper (changing their mind
    now and then, tapping twice now and then), hand in."""
    rng = random.Random(member.seed)
    with httpx.Client(base_url=url, timeout=30) as client:
        phone = Phone(client)
        start.wait()
        try:
            reply = phone.join(code, member.paper.member.id)
            if reply.status_code != 200 or "Câu 1/" not in phone.page:
                member.problems.append(f"join: {reply.status_code} {phone.page[:200]}")
                return
            for position, item in enumerate(member.paper.paper.items):
                sends: list[Response] = [correct_response(item.question)]
                wrong = wrong_response(item)
                if wrong is not None and rng.random() < 0.3:
                    sends.insert(0, wrong)  # a first answer, then changed
                if rng.random() < 0.2:
                    sends.append(sends[-1])  # a double tap
                for response in sends:
                    if f'name="n" value="{position + 1}"' not in phone.page:
                        phone.get(f"/q?n={position + 1}")  # back to it
                    reply = phone.answer(form_for(item, response), n=position + 1,
                                         question_id=item.question.full_id)
                    if reply.status_code == 200 and f"Đã lưu câu {position + 1}." in phone.page:
                        member.acked.append((position, response_to_data(response)))
                    else:
                        member.problems.append(f"{position}: {reply.status_code} "
                                               f"{phone.page[:200]}")
            reply = phone.post("/finish", {})
            member.finished = "Kết quả của bạn" in phone.page
        except Exception as error:  # reported by the test, with the member's name
            member.problems.append(repr(error))


def run_phones(server: RoundServer, round_: PhoneRound, papers: list[MemberPaper],
               *, alongside: Any = None) -> list[Member]:
    """Every paper's member at once on a phone of their own; `alongside()` runs in
    this thread meanwhile (a real browser)."""
    members = [Member(paper, seed) for seed, paper in enumerate(papers)]
    start = threading.Barrier(len(members) + 1)
    threads = [threading.Thread(target=take_test, args=(server.url, round_.code, m, start))
               for m in members]
    for thread in threads:
        thread.start()
    start.wait()
    if alongside is not None:
        alongside()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads)
    return members


def answer_events(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        return dict(connection.execute(
            "SELECT attempt_id, COUNT(*) FROM events WHERE kind = 'answer' "
            "GROUP BY attempt_id").fetchall())


def quick_check(path: Path) -> str:
    with sqlite3.connect(path) as connection:
        return str(connection.execute("PRAGMA quick_check").fetchone()[0])


def check_stored(store: Store, round_: PhoneRound, members: list[Member]) -> None:
    """Each member's attempt is by phone and finished; it holds, at each position,
    the last answer acknowledged there, once; each acknowledged POST is one event."""
    events = answer_events(store.database.path)
    for member in members:
        assert member.problems == [], member.paper.label
        assert member.finished, member.paper.label
        (attempt,) = store.attempts(member_id=member.paper.member.id,
                                    session_id=round_.session_id)
        assert attempt.status is AttemptStatus.FINISHED
        assert attempt.settings["via"] == VIA_PHONE
        last = dict(member.acked)
        stored = store.answers(attempt.id)
        assert [a.position for a in stored] == sorted(last)
        assert {a.position: a.response for a in stored} == last
        assert events[attempt.id] == len(member.acked)


def test_fifteen_phones_and_a_browser_answer_at_once(
        browser_or_none: Any, store: Store, catalog: Catalog) -> None:
    session = session_with_every_type(store, catalog, names(PHONES + 1))
    round_ = PhoneRound.open(store, catalog, session.id)
    papers = session_papers(store, catalog, session.id)
    in_browser, on_phones = papers[0], papers[1:]
    assert len(on_phones) == PHONES
    walked: list[Any] = []
    with served(round_) as server:
        def in_the_browser() -> None:
            phone = BrowserPhone(browser_or_none, server.url)
            walked.extend(walk(phone, round_, in_browser))
            assert phone.problems == []

        members = run_phones(server, round_, on_phones,
                             alongside=in_the_browser if browser_or_none else None)
    check_stored(store, round_, members)
    assert sum(len(m.acked) for m in members) >= PHONES * len(on_phones[0].paper.items)
    if browser_or_none is not None:
        stored_by_phone(store, round_, in_browser, walked)
    assert quick_check(store.database.path) == "ok"
    assert store.database.check().healthy


def test_port_zero_serves_on_a_free_port_the_system_picks(
        store: Store, catalog: Catalog) -> None:
    session = session_with_every_type(store, catalog,
                                      ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"))
    round_ = PhoneRound.open(store, catalog, session.id)
    with served(round_) as server:
        assert server.port not in range(DEFAULT_PORT, DEFAULT_PORT + PORTS_TRIED)
        assert server.url == f"http://127.0.0.1:{server.port}/"
        reply = httpx.get(server.url)
        assert reply.status_code == 200
        assert "Nhập mã vòng thi" in reply.text
