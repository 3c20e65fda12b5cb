"""The phone round's core: code, claims, answers refused or stored, a restart that resumes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from studyapp.content.catalog import Catalog
from studyapp.quiz.scoring import correct_response
from studyapp.store.database import Database
from studyapp.store.models import AttemptStatus, AttendanceStatus
from studyapp.store.phone import (
    VIA_PHONE,
    WRONG_CODES,
    PhoneRound,
    PhoneRoundError,
    RoundEndedError,
    ThrottledError,
)
from studyapp.store.store import Store
from tests.unit.test_papers import open_session


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def joined(round_: PhoneRound, token: str, index: int = 0) -> str:
    round_.enter_code(token, round_.code)
    member_id = round_.choosable()[index].member.id
    round_.claim(token, member_id)
    return member_id


def test_a_whole_test_on_a_phone_is_stored_as_taken_on_the_phone(store: Store,
                                                                catalog: Catalog) -> None:
    session = open_session(store, catalog)
    round_ = PhoneRound.open(store, catalog, session.id)
    assert len(round_.code) == 6
    assert round_.code.isdigit()
    member_id = joined(round_, "phone-a")
    view = round_.view("phone-a")
    for position, item in enumerate(view.paper.paper.items):
        round_.answer("phone-a", member_id, position, item.question.full_id,
                      correct_response(item.question))
    result = round_.finish("phone-a")
    assert result.score.earned == result.score.possible
    attempt = store.attempts(member_id=member_id, session_id=session.id)[0]
    assert attempt.status is AttemptStatus.FINISHED
    assert attempt.settings["via"] == VIA_PHONE
    assert len(store.answers(attempt.id)) == view.size
    assert [p.stage for p in round_.progress()] == ["finished"]


def test_refusals_change_nothing(store: Store, catalog: Catalog) -> None:
    clock = Clock()
    session = open_session(store, catalog, names=("An", "Bình", "Cường", "Dũng"))
    round_ = PhoneRound.open(store, catalog, session.id, clock=clock)
    a = joined(round_, "phone-a")
    b = joined(round_, "phone-b")
    round_.enter_code("phone-c", round_.code)
    with pytest.raises(PhoneRoundError, match="điện thoại khác"):
        round_.claim("phone-c", a)
    item_a = round_.view("phone-a").item
    item_b = round_.view("phone-b").item
    with pytest.raises(PhoneRoundError, match="người khác"):
        round_.answer("phone-a", b, 0, item_b.question.full_id, correct_response(item_b.question))
    paper_ids = {i.question.full_id for i in round_.view("phone-a").paper.paper.items}
    foreign = next(q for q in catalog.questions if q.full_id not in paper_ids)
    with pytest.raises(PhoneRoundError, match="không có trong đề"):
        round_.answer("phone-a", a, 0, foreign.full_id, correct_response(foreign))
    with pytest.raises(PhoneRoundError, match="không có trong đề"):
        round_.answer("phone-a", a, 99, item_a.question.full_id, correct_response(item_a.question))
    assert all(not store.answers(x.id) for x in store.attempts(session_id=session.id))


def test_wrong_codes_are_throttled_per_device(store: Store, catalog: Catalog) -> None:
    session = open_session(store, catalog)
    round_ = PhoneRound.open(store, catalog, session.id)
    wrong = "000000" if round_.code != "000000" else "111111"
    for _ in range(WRONG_CODES):
        with pytest.raises(PhoneRoundError, match="không đúng"):
            round_.enter_code("bot", wrong)
    with pytest.raises(ThrottledError):
        round_.enter_code("bot", round_.code)  # even the right one, for a minute
    round_.enter_code("phone-a", round_.code)  # another device is not slowed
    assert round_.admitted("phone-a")
    assert not round_.admitted("bot")


def test_time_limit_and_end_of_round_refuse_answers(store: Store, catalog: Catalog) -> None:
    clock = Clock()
    session = open_session(store, catalog)
    round_ = PhoneRound.open(store, catalog, session.id, clock=clock)
    a = joined(round_, "phone-a")
    b = joined(round_, "phone-b")
    quiz = round_._quiz(a)
    quiz.session.time_limit = timedelta(minutes=10)
    item = round_.view("phone-a").item
    clock.now += timedelta(minutes=11)
    with pytest.raises(PhoneRoundError, match="hết giờ"):
        round_.answer("phone-a", a, 0, item.question.full_id, correct_response(item.question))
    round_.end()
    item_b = round_._quiz(b).session.paper.items[0]
    with pytest.raises(RoundEndedError):
        round_.answer("phone-b", b, 0, item_b.question.full_id, correct_response(item_b.question))
    assert not any(store.answers(x.id) for x in store.attempts(session_id=session.id))


def test_a_restarted_round_resumes_code_claims_and_answers(tmp_path: Path,
                                                           catalog: Catalog) -> None:
    store = Store(Database(tmp_path / "db.sqlite3"))
    session = open_session(store, catalog)
    round_ = PhoneRound.open(store, catalog, session.id)
    a = joined(round_, "phone-a")
    item = round_.view("phone-a").item
    round_.answer("phone-a", a, 0, item.question.full_id, correct_response(item.question))
    code = round_.code
    store.database.close()
    again = Store(Database(tmp_path / "db.sqlite3"))
    resumed = PhoneRound.open(again, catalog, session.id)
    assert resumed.code == code
    assert resumed.claimed_by("phone-a") == a
    view = resumed.view("phone-a")
    assert 0 in view.answered
    assert len(again.attempts(session_id=session.id)) == 1


def test_each_paper_is_drawn_once_for_the_round_not_at_every_page(
        store: Store, catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    # Every page asked for every member's paper, drawn again each time: 110 ms a
    # page for a cell of 31, under the round's lock, so 30 phones waited in turn.
    from studyapp.store import papers  # noqa: PLC0415

    draws: list[str] = []
    draw = papers.session_paper

    def counted(*args: object) -> object:
        draws.append(str(args[-1]))
        return draw(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(papers, "session_paper", counted)
    session = open_session(store, catalog, names=("An", "Bình", "Cường", "Dũng"))
    round_ = PhoneRound.open(store, catalog, session.id)
    member_id = joined(round_, "phone-a")
    view = round_.view("phone-a")
    assert sorted(draws) == sorted(p.member.id for p in round_._papers())  # once each
    drawn = len(draws)
    for position, item in enumerate(view.paper.paper.items):
        round_.view("phone-a", position)
        round_.answer("phone-a", member_id, position, item.question.full_id,
                      correct_response(item.question))
        round_.progress()
    round_.finish("phone-a")
    assert len(draws) == drawn
    # The roster is still read anew: a member marked absent is no longer offered.
    other = round_.choosable()[0].member
    store.set_attendance(session.id, other.id, AttendanceStatus.ABSENT)
    assert other.id not in {p.member.id for p in round_.choosable()}
    assert len(draws) == drawn
