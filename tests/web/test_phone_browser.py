"""A whole phone test in a real browser (Debian's chromium, headless, 390×844):
every type answered by tapping, ticking, picking and typing, each page fitting
the phone's width with targets a finger can hit; and the same with scripts off."""

from __future__ import annotations

import struct
from pathlib import Path
from typing import Any

import pytest

from studyapp.content.catalog import Catalog
from studyapp.store.database import Database
from studyapp.store.papers import session_papers
from studyapp.store.phone import PhoneRound
from studyapp.store.store import Store
from tests.web.browser import (
    MISSING,
    PIXEL_RATIO,
    WIDTH,
    BrowserPhone,
    chromium,
    stored_by_phone,
    to_telex,
    walk,
)
from tests.web.phones import ALL_TYPES, served, session_with_every_type

NAMES = ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(Database(tmp_path / "studyapp.sqlite3"))


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_member_takes_every_type_in_a_real_phone_browser(
        browser: Any, store: Store, catalog: Catalog, tmp_path: Path) -> None:
    session = session_with_every_type(store, catalog, NAMES)
    round_ = PhoneRound.open(store, catalog, session.id)
    first = session_papers(store, catalog, session.id)[0]
    assert {i.question.type for i in first.paper.items} == ALL_TYPES
    shot = tmp_path / "question-match.png"
    with served(round_) as server:
        phone = BrowserPhone(browser, server.url)
        phone.open("/")
        assert browser.execute_script("return window.innerWidth") == WIDTH
        assert "Nhập mã vòng thi" in phone.text
        items = walk(phone, round_, first, screenshot=shot)
        assert "Điểm: 10" in phone.text
        assert NAMES[1] not in phone.text
        assert NAMES[2] not in phone.text
        # The code page again: still only their result.
        phone.open("/")
        assert "Kết quả của bạn" in phone.text
    assert phone.problems == []
    assert phone.pages_checked >= len(items) + 5
    assert png_size(shot) == (WIDTH * PIXEL_RATIO, 844 * PIXEL_RATIO)
    stored_by_phone(store, round_, first, items)
    assert store.database.check().healthy


def test_the_pages_work_with_javascript_off(store: Store, catalog: Catalog,
                                           tmp_path: Path) -> None:
    if MISSING:
        pytest.skip(MISSING)
    session = session_with_every_type(store, catalog, NAMES)
    round_ = PhoneRound.open(store, catalog, session.id)
    second = session_papers(store, catalog, session.id)[1]
    with chromium(tmp_path / "profile", javascript=False) as driver, served(round_) as server:
        driver.get("data:text/html,<meta name=viewport content='width=device-width'>"
                   "<body><noscript>off</noscript>"
                   "<script>document.body.append('on')</script>")
        phone = BrowserPhone(driver, server.url)
        phone.look()
        assert phone.text == "off"  # scripts are off in this browser
        items = walk(phone, round_, second)
    assert phone.problems == []
    stored_by_phone(store, round_, second, items)


def test_telex_keys_spell_the_vietnamese() -> None:
    assert to_telex("kiên định") == "kieen ddinhj"
    assert to_telex("Đảng") == "Ddangr"
    assert to_telex("ương") == "uwowng"
