"""The phone pages over HTTP (Starlette's TestClient): a whole test of every type,
and every kind of bad input the issue names, each refused with nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import correct_response
from studyapp.store.database import Database
from studyapp.store.models import AttemptStatus
from studyapp.store.papers import session_papers
from studyapp.store.phone import VIA_PHONE, WRONG_CODES, PhoneRound
from studyapp.store.store import Store
from studyapp.web.app import COOKIE, MAX_BODY, create_app
from studyapp.web.forms import read_response, shown_response
from tests.web.phones import Phone, form_for, right_form, session_with_every_type

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


@pytest.fixture
def round_(store: Store, catalog: Catalog) -> PhoneRound:
    session = session_with_every_type(store, catalog, NAMES)
    return PhoneRound.open(store, catalog, session.id)


def phone(round_: PhoneRound) -> Phone:
    return Phone(TestClient(create_app(round_), base_url="http://192.168.1.5:8080"))


def member_ids(round_: PhoneRound) -> list[str]:
    return [p.member.id for p in round_.choosable()]


def test_a_member_takes_a_paper_of_every_type_and_sees_only_their_result(
        round_: PhoneRound, store: Store) -> None:
    first = member_ids(round_)[0]
    a = phone(round_)
    page = a.get("/")
    assert page.status_code == 200
    assert 'inputmode="numeric"' in page.text
    assert a.client.cookies.get(COOKIE)
    a.post("/code", {"code": round_.code})
    assert all(name in a.page for name in NAMES[:3])
    a.post("/choose", {"member": first})
    assert "Bạn là Nguyễn Văn An?" in a.page
    reply = a.post("/claim", {"member": first})
    assert "Câu 1/12" in reply.text
    view = round_.view(a.client.cookies[COOKIE])
    seen_types = set()
    for position, item in enumerate(view.paper.paper.items):
        assert f"Câu {position + 1}/12" in a.page
        assert a.question_id == item.question.full_id
        seen_types.add(item.question.type)
        reply = a.answer(right_form(item))
        assert reply.status_code == 200, reply.text
        # The next page says the answer is saved only after it was committed.
        assert f"Đã lưu câu {position + 1}." in a.page
        attempt = store.attempts(member_id=first, session_id=round_.session_id)[0]
        assert len(store.answers(attempt.id)) == position + 1
    assert seen_types == {"single", "multi", "truefalse", "fill", "number", "order", "match"}
    assert "Nộp bài?" in a.page
    a.post("/finish", {})
    assert "Kết quả của bạn" in a.page
    assert "Điểm: 10" in a.page
    assert NAMES[1] not in a.page
    assert NAMES[2] not in a.page
    attempt = store.attempts(member_id=first, session_id=round_.session_id)[0]
    assert attempt.status is AttemptStatus.FINISHED
    assert attempt.settings["via"] == VIA_PHONE
    # The member who finished no longer shows in the names list of another phone.
    b = phone(round_)
    b.get("/")
    b.post("/code", {"code": round_.code})
    assert NAMES[0] not in b.page
    assert NAMES[1] in b.page


def test_going_back_shows_the_stored_answer_and_a_change_replaces_it(
        round_: PhoneRound, store: Store) -> None:
    first = member_ids(round_)[0]
    a = phone(round_)
    a.join(round_.code, first)
    item = round_.view(a.client.cookies[COOKIE]).item
    a.answer(right_form(item))
    a.get("/q?n=1")
    assert "Đã lưu" not in a.page
    if item.question.type in ("single", "truefalse"):
        assert "chosen" in a.page
    attempt = store.attempts(member_id=first, session_id=round_.session_id)[0]
    a.answer(right_form(item), n=1)
    assert len(store.answers(attempt.id)) == 1


def test_wrong_codes_are_refused_then_slowed(round_: PhoneRound) -> None:
    a = phone(round_)
    a.get("/")
    wrong = "000000" if round_.code != "000000" else "111111"
    for _ in range(WRONG_CODES):
        reply = a.post("/code", {"code": wrong})
        assert reply.status_code == 403
        assert "Mã vòng thi không đúng" in reply.text
    reply = a.post("/code", {"code": round_.code})
    assert reply.status_code == 429
    assert "đợi" in reply.text
    assert not round_.admitted(a.client.cookies[COOKIE])


def test_a_taken_name_cannot_be_claimed_by_a_second_phone(round_: PhoneRound) -> None:
    first = member_ids(round_)[0]
    a, b = phone(round_), phone(round_)
    a.join(round_.code, first)
    b.get("/")
    b.post("/code", {"code": round_.code})
    assert NAMES[0] not in b.page  # not offered
    reply = b.post("/claim", {"member": first})
    assert reply.status_code == 409
    assert "điện thoại khác" in reply.text or "không có trong danh sách" in reply.text
    assert round_.claimed_by(b.client.cookies[COOKIE]) is None


def test_answers_for_another_paper_or_question_or_a_stale_form_change_nothing(
        round_: PhoneRound, store: Store, catalog: Catalog) -> None:
    first, second = member_ids(round_)[:2]
    a, b = phone(round_), phone(round_)
    a.join(round_.code, first)
    b.join(round_.code, second)
    item_b = round_.view(b.client.cookies[COOKIE]).item
    on_paper = {i.question.full_id for i in round_.view(a.client.cookies[COOKIE]).paper.paper.items}
    foreign = next(q for q in catalog.questions if q.full_id not in on_paper)
    # A question not on a's paper, at a's position 1.
    reply = a.answer({"text": "x", "choice": "0"}, n=1, question_id=foreign.full_id)
    assert reply.status_code == 409
    assert "không có trong đề của bạn" in reply.text
    # b's question id posted by a (different papers: variants).
    if item_b.question.full_id != round_.view(a.client.cookies[COOKIE]).item.question.full_id:
        a.get("/q?n=1")
        reply = a.answer(right_form(item_b), n=1, question_id=item_b.question.full_id)
        assert reply.status_code == 409
    # A form of phone b replayed with phone a's cookie: the CSRF token is the device's.
    b.get("/q?n=1")
    stolen = b.csrf
    reply = a.post("/answer", {"n": "1", "q": item_b.question.full_id, **right_form(item_b)},
                   csrf=stolen)
    assert reply.status_code == 403
    assert "Trang đã cũ" in reply.text
    # No cookie at all.
    bare = TestClient(create_app(round_))
    reply = bare.post("/answer", data={"n": "1", "q": "x", "csrf": stolen})
    assert reply.status_code == 403
    # Out of range, not a number.
    a.get("/q?n=1")
    assert a.answer({"choice": "99", "truth": "7", "text": ""}).status_code == 422
    for attempt in store.attempts(session_id=round_.session_id):
        assert store.answers(attempt.id) == []


def test_a_body_over_the_cap_is_refused_before_it_is_read(round_: PhoneRound) -> None:
    a = phone(round_)
    a.get("/")
    reply = a.client.post("/code", content=b"code=" + b"1" * (10 * 1024 * 1024),
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert reply.status_code == 413
    # Streamed without a length: counted as it arrives.
    def chunks() -> Iterator[bytes]:
        for _ in range(64):
            yield b"x" * 1024
    reply = a.client.post("/code", content=chunks(),
                          headers={"content-type": "application/x-www-form-urlencoded"})
    assert reply.status_code == 413
    assert MAX_BODY < 64 * 1024


def test_markup_and_escape_codes_are_escaped_in_names_and_answers(
        store: Store, catalog: Catalog) -> None:
    hostile = ("<script>alert(1)</script> An", "Bình \x1b]52;c;SGVsbG8=\x07 [b]x[/b]")
    session = session_with_every_type(store, catalog, hostile)
    round_ = PhoneRound.open(store, catalog, session.id)
    a = phone(round_)
    a.get("/")
    a.post("/code", {"code": round_.code})
    assert "<script>alert(1)</script>" not in a.page
    assert "&lt;script&gt;" in a.page
    assert "\x1b" not in a.page
    assert "\x07" not in a.page
    first = session_papers(store, catalog, session.id)[0]
    a.post("/choose", {"member": first.member.id})
    a.post("/claim", {"member": first.member.id})
    items = round_.view(a.client.cookies[COOKIE]).paper.paper.items
    fill = next(i for i, item in enumerate(items) if item.question.type == "fill")
    a.get(f"/q?n={fill + 1}")
    a.answer({"text": "<b>x</b>\x1b[2J\x1b]8;;http://x\x1b\\y"})
    a.get(f"/q?n={fill + 1}")
    assert "\x1b" not in a.page
    assert "<b>x</b>" not in a.page
    attempt = store.attempts(member_id=first.member.id, session_id=session.id)[0]
    stored = store.answers(attempt.id)[0]
    assert "\x1b" not in str(stored)


def test_after_the_round_ended_nothing_is_taken_but_a_finished_member_sees_their_result(
        round_: PhoneRound, store: Store) -> None:
    first, second = member_ids(round_)[:2]
    a, b = phone(round_), phone(round_)
    a.join(round_.code, first)
    b.join(round_.code, second)
    for item in round_.view(a.client.cookies[COOKIE]).paper.paper.items:
        a.answer(right_form(item))
    a.post("/finish", {})
    b_item = round_.view(b.client.cookies[COOKIE]).item
    b.get("/q")
    round_.end()
    reply = b.answer(right_form(b_item))
    assert reply.status_code == 410
    assert "đã kết thúc" in reply.text
    b_attempt = store.attempts(member_id=second, session_id=round_.session_id)[0]
    assert store.answers(b_attempt.id) == []
    c = phone(round_)
    assert c.get("/").status_code == 410
    assert "Kết quả của bạn" in a.get("/").text


def test_after_the_time_limit_answers_are_refused(store: Store, catalog: Catalog) -> None:
    now = [datetime(2026, 12, 2, 9, 0, tzinfo=UTC)]
    session = session_with_every_type(store, catalog, NAMES, time_limit_s=600)
    round_ = PhoneRound.open(store, catalog, session.id, clock=lambda: now[0])
    first = member_ids(round_)[0]
    a = phone(round_)
    a.join(round_.code, first)
    assert "Còn 10 phút" in a.page
    item = round_.view(a.client.cookies[COOKIE]).item
    now[0] += timedelta(minutes=11)
    reply = a.answer(right_form(item))
    assert "Kết quả của bạn" in reply.text or reply.status_code == 409
    attempt = store.attempts(member_id=first, session_id=session.id)[0]
    assert store.answers(attempt.id) == []
    assert attempt.status is AttemptStatus.FINISHED


def test_nothing_else_of_the_program_is_reachable(round_: PhoneRound) -> None:
    a = phone(round_)
    for path in ("/lessons", "/summary", "/export", "/admin", "/static/../pyproject.toml",
                 "/q/../../etc/passwd", "/result", "/.env"):
        reply = a.client.get(path, follow_redirects=False)
        assert reply.status_code in (303, 404), path
        assert "studyapp" not in reply.text.casefold() or reply.status_code == 404
    reply = a.client.put("/answer")
    assert reply.status_code == 404
    headers = a.client.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"


def test_every_response_kind_round_trips_through_the_form(round_: PhoneRound) -> None:
    a = phone(round_)
    a.join(round_.code, member_ids(round_)[0])
    for item in round_.view(a.client.cookies[COOKIE]).paper.paper.items:
        right = correct_response(item.question)
        values = {k: v if isinstance(v, list) else [v] for k, v in form_for(item, right).items()}
        assert read_response(item, values) == right
        shown = shown_response(item, right)
        if item.question.type == "order":
            assert sorted(p for p in shown.places if p is not None) == list(
                range(len(item.item_order)))


def test_a_claim_whose_reply_was_lost_goes_on_to_the_question(round_: PhoneRound) -> None:
    first = member_ids(round_)[0]
    a = phone(round_)
    a.get("/")
    a.post("/code", {"code": round_.code})
    a.post("/choose", {"member": first})
    csrf = a.csrf
    a.post("/claim", {"member": first})
    # The phone never saw that reply and sends its name again.
    reply = a.post("/choose", {"member": first}, csrf=csrf)
    assert reply.status_code == 200
    assert "Câu 1/12" in reply.text
