"""Simulated phones for the round's tests: an HTTP client with its own cookies
that reads the pages as a member would (the CSRF token, the question's form)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from html import unescape
from typing import Any

import httpx2 as httpx

from studyapp.content.catalog import Catalog
from studyapp.quiz.plan import SessionSettings, session_paper
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
    correct_response,
)
from studyapp.quiz.selection import PaperItem
from studyapp.store.models import AttendanceStatus, StudySession
from studyapp.store.papers import session_papers
from studyapp.store.phone import PhoneRound
from studyapp.store.store import Store
from studyapp.text import roster_key
from studyapp.web.server import RoundServer

ALL_TYPES = {"single", "multi", "truefalse", "fill", "number", "order", "match"}


def session_with_every_type(store: Store, catalog: Catalog, names: tuple[str, ...],
                            *, count: int = 12, time_limit_s: int | None = None
                            ) -> StudySession:
    """A session of `names`, all present, whose first member's paper holds every
    question type (the seed is searched for, deterministically)."""
    cell = store.ensure_cell("Chi bộ Khu phố 1")
    # Fixed member ids, so that the seed found is the same on every run.
    counter = iter(range(1, 10**6))
    store.database.new_id = lambda: f"00000000-0000-4000-8000-{next(counter):012d}"
    members = [store.add_member(cell.id, name, allow_duplicate=True) for name in names]
    settings: dict[str, Any] = {"count": count, "variants": True}
    if time_limit_s is not None:
        settings["time_limit_s"] = time_limit_s
    first = sorted(members, key=lambda m: roster_key(m.full_name))[0]
    for seed in range(1, 20000):
        paper = session_paper(catalog, [], SessionSettings.from_data(settings), seed, first.id)
        if {i.question.type for i in paper.items} != ALL_TYPES:
            continue
        session = store.open_session(cell.id, date(2026, 12, 2), topic="Học tập",
                                     pack_id=catalog.packs[0].id, lessons=[],
                                     settings=settings, seed=seed)
        for member in members:
            store.set_attendance(session.id, member.id, AttendanceStatus.PRESENT)
        assert session_papers(store, catalog, session.id)[0].member.id == first.id
        return session
    raise AssertionError("no seed gives a paper of every type")


def form_for(item: PaperItem, response: Response) -> dict[str, Any]:
    """The form fields a member sends to give `response` to `item` (the inverse
    of studyapp.web.forms.read_response)."""
    if isinstance(response, ChoiceResponse):
        return {"choice": [str(item.choice_order.index(i)) for i in sorted(response.chosen)]}
    if isinstance(response, TruthResponse):
        return {"truth": "1" if response.value else "0"}
    if isinstance(response, TextResponse):
        return {"text": response.text}
    if isinstance(response, OrderResponse):
        return {f"place-{item.item_order.index(written)}": str(place)
                for place, written in enumerate(response.order)}
    assert isinstance(response, MatchResponse)
    return {f"right-{left}": "" if right is None else str(item.right_order.index(right))
            for left, right in enumerate(response.rights)}


def right_form(item: PaperItem) -> dict[str, Any]:
    return form_for(item, correct_response(item.question))


def wrong_response(item: PaperItem) -> Response | None:
    """An answer that earns nothing, for the types where one is plain to make."""
    question = item.question
    if question.type == "truefalse":
        return TruthResponse(not question.truth)
    if question.type == "single":
        return ChoiceResponse(frozenset({next(i for i in range(len(question.choices))
                                              if i not in question.correct_choices)}))
    if question.type in ("fill", "number"):
        return TextResponse("không biết")
    return None


@contextmanager
def served(round_: PhoneRound) -> Iterator[RoundServer]:
    """The round served on 127.0.0.1, on a port the system picks."""
    server = RoundServer(round_, host="127.0.0.1", port=0)
    server.start()
    try:
        assert server.wait_started()
        yield server
    finally:
        server.stop()


CSRF = re.compile(r'name="csrf" value="([^"]+)"')
QUESTION = re.compile(r'name="q" value="([^"]+)"')
NUMBER = re.compile(r'name="n" value="(\d+)"')


class Phone:
    """One member's phone: `client` is an httpx client (a TestClient or a real one)."""

    def __init__(self, client: httpx.Client) -> None:
        self.client = client
        self.page = ""

    def get(self, url: str) -> httpx.Response:
        reply = self.client.get(url, follow_redirects=True)
        self.page = reply.text
        return reply

    def post(self, url: str, data: dict[str, Any], *, csrf: str | None = None
             ) -> httpx.Response:
        fields = {"csrf": self.csrf if csrf is None else csrf, **data}
        reply = self.client.post(url, data=fields, follow_redirects=True)
        self.page = reply.text
        return reply

    @property
    def csrf(self) -> str:
        found = CSRF.search(self.page)
        assert found, self.page[:500]
        return found.group(1)

    @property
    def question_id(self) -> str:
        found = QUESTION.search(self.page)
        assert found, self.page[:800]
        return unescape(found.group(1))

    @property
    def number(self) -> int:
        found = NUMBER.search(self.page)
        assert found, self.page[:800]
        return int(found.group(1))

    def join(self, code: str, member_id: str) -> httpx.Response:
        self.get("/")
        self.post("/code", {"code": code})
        self.post("/choose", {"member": member_id})
        return self.post("/claim", {"member": member_id})

    def answer(self, data: dict[str, Any], n: int | None = None,
               question_id: str | None = None) -> httpx.Response:
        return self.post("/answer", {"n": str(self.number if n is None else n),
                                     "q": self.question_id if question_id is None
                                     else question_id, **data})
