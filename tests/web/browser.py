"""A real phone browser for the round's tests: Debian's chromium, headless, driven
by Selenium through Debian's chromium-driver at a 390×844 phone viewport.

Nothing is downloaded: the driver's path is given, so Selenium Manager is
never asked for one; when either package is missing the tests that need a
browser skip with a message naming both.
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    TextResponse,
    TruthResponse,
    correct_response,
    grade,
)
from studyapp.quiz.selection import PaperItem
from studyapp.store.models import AttemptStatus
from studyapp.store.papers import MemberPaper
from studyapp.store.phone import VIA_PHONE, PhoneRound
from studyapp.store.store import Store
from studyapp.web.app import COOKIE

WIDTH, HEIGHT = 390, 844
PIXEL_RATIO = 2
MIN_TARGET = 44
"""CSS pixels: the least height of anything a finger must hit."""
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = next((p for p in ("/usr/bin/chromedriver", shutil.which("chromedriver"))
                     if p and Path(p).is_file()), None)
MISSING = None if CHROMIUM and CHROMEDRIVER else (
    "needs Debian's chromium and chromium-driver (apt-get install chromium chromium-driver) "
    "to drive a real phone browser")
ANDROID = ("Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/150.0.0.0 Mobile Safari/537.36")
TARGETS = "button, a.button, a.step, select, input[type=text], label.choice"

_TONES = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
_MARKS = {"\u0302": lambda base: base + base, "\u0306": lambda base: base + "w",
          "\u031b": lambda base: base + "w"}


def to_telex(text: str) -> str:
    """The keys a member types in Telex for `text`: `kiên định` → `kieen ddinhj`."""
    words = []
    for word in text.split(" "):
        keys: list[str] = []
        tone = ""
        for char in unicodedata.normalize("NFD", word):
            if char in _TONES:
                tone = _TONES[char]
            elif char in _MARKS and keys:
                keys[-1] = _MARKS[char](keys[-1])
            elif char in "đĐ":
                keys.append("dd" if char == "đ" else "Dd")
            else:
                keys.append(char)
        words.append("".join(keys) + tone)
    return " ".join(words)


def typed_answer(item: PaperItem) -> str:
    """What a member types for a fill or number question: the accepted answer in
    Telex keys when it has diacritics and Telex reads it right, else as written."""
    response = correct_response(item.question)
    assert isinstance(response, TextResponse)
    telex = to_telex(response.text)
    if item.question.type == "fill" and telex != response.text and \
            grade(item.question, TextResponse(telex)).correct:
        return telex
    return response.text


@contextmanager
def chromium(user_data: Path, *, javascript: bool = True) -> Iterator[Any]:
    """A headless chromium showing pages as a 390×844 phone; `javascript=False`
    turns scripts off for every page."""
    from selenium import webdriver  # noqa: PLC0415 - only where a browser is run
    from selenium.webdriver.chrome.service import Service  # noqa: PLC0415

    assert CHROMIUM, MISSING
    assert CHROMEDRIVER, MISSING
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={user_data}"):
        options.add_argument(argument)
    metrics = {"width": WIDTH, "height": HEIGHT, "pixelRatio": PIXEL_RATIO}
    if javascript:
        options.add_experimental_option("mobileEmulation", {"deviceMetrics": metrics,
                                                            "userAgent": ANDROID})
    else:
        options.add_argument("--blink-settings=scriptEnabled=false")
    # The driver's own path: Selenium Manager (which would download one) is not run.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    if not javascript:
        # chromedriver's taps hang under its mobile emulation with scripts off (it
        # waits on a script); the same phone screen set through DevTools does not.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": WIDTH, "height": HEIGHT, "deviceScaleFactor": PIXEL_RATIO, "mobile": True})
        driver.execute_cdp_cmd("Emulation.setUserAgentOverride", {"userAgent": ANDROID})
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()


class BrowserPhone:
    """A member at a real browser: taps buttons, ticks boxes, picks in selects and
    types, one page at a time, and reads what each page says."""

    def __init__(self, driver: Any, base_url: str) -> None:
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.pages_checked = 0
        self.problems: list[str] = []
        """Layout problems of every page seen (see `look`)."""
        self.text = ""
        """The text of the page shown, as it reads."""

    # --- looking ---------------------------------------------------------------------------

    def cookie(self, name: str) -> str:
        found = self.driver.get_cookie(name)
        assert found, f"no cookie {name}"
        return str(found["value"])

    def look(self) -> None:
        """Read the page just shown: its text, and what on it breaks the phone
        layout (a page wider than the screen, a touch target lower than
        MIN_TARGET), in one script: one round trip to the browser."""
        url, text, width, heights = self.driver.execute_script(
            "return [location.href, document.body.innerText,"
            " document.documentElement.scrollWidth,"
            " Array.from(document.querySelectorAll(arguments[0]))"
            ".map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])]",
            TARGETS)
        self.text = str(text)
        if width > WIDTH:
            self.problems.append(f"{url}: {width} px wide")
        self.problems += [f"{url}: {html!r} is {height:.0f} px high"
                          for html, height in heights if height < MIN_TARGET]
        self.pages_checked += 1

    # --- doing -----------------------------------------------------------------------------

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)
        self.look()

    def _find(self, css: str) -> Any:
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        return self.driver.find_element(By.CSS_SELECTOR, css)

    def tap(self, element: Any) -> None:
        """Tap what sends the form (or follows a link), and wait for the next page."""
        from selenium.common.exceptions import WebDriverException  # noqa: PLC0415
        from selenium.webdriver.support.wait import WebDriverWait  # noqa: PLC0415

        # Each page loaded has its own time origin: the next one is there when
        # the origin changed and it is loaded whole.
        here = "return [performance.timeOrigin, document.readyState]"
        before = self.driver.execute_script(here)[0]
        element.click()  # scrolled into view first, as a thumb would

        def next_page(driver: Any) -> bool:
            origin, state = driver.execute_script(here)
            return bool(origin != before and state == "complete")

        WebDriverWait(self.driver, 15, poll_frequency=0.02,
                      ignored_exceptions=(WebDriverException,)).until(next_page)
        self.look()

    def join(self, code: str, label: str) -> None:
        """The code page, the names, the confirmation: to question 1."""
        from selenium.webdriver.common.by import By  # noqa: PLC0415

        self.open("/")
        self._find("#code").send_keys(code)
        self.tap(self._find("form[action='/code'] button[type=submit]"))
        self.tap(self.driver.find_element(
            By.XPATH, f"//button[@name='member'][normalize-space()='{label}']"))
        assert label in self.text
        self.tap(self._find("form[action='/claim'] button[type=submit]"))

    def answer(self, item: PaperItem) -> None:
        """Give the right answer to `item`, the question on the page, as a member
        would: tap, tick, pick, type, then the button that sends it."""
        from selenium.webdriver.support.select import Select  # noqa: PLC0415

        kind = item.question.type
        response = correct_response(item.question)
        if kind == "single":
            assert isinstance(response, ChoiceResponse)
            (chosen,) = response.chosen
            self.tap(self._find(f"button[name=choice][value='{item.choice_order.index(chosen)}']"))
            return
        if kind == "truefalse":
            assert isinstance(response, TruthResponse)
            self.tap(self._find(f"button[name=truth][value='{int(response.value)}']"))
            return
        if kind == "multi":
            assert isinstance(response, ChoiceResponse)
            for chosen in sorted(response.chosen):
                box = self._find(f"input[name=choice][value='{item.choice_order.index(chosen)}']")
                # The finger lands on the big label around the box.
                box.find_element("xpath", "./ancestor::label").click()
                assert box.is_selected()
        elif kind in ("fill", "number"):
            field = self._find("#text")
            field.clear()
            field.send_keys(typed_answer(item))
        elif kind == "order":
            assert isinstance(response, OrderResponse)
            for place, written in enumerate(response.order):
                Select(self._find(f"#place-{item.item_order.index(written)}")) \
                    .select_by_value(str(place))
        else:
            assert isinstance(response, MatchResponse)
            for left, right in enumerate(response.rights):
                assert right is not None
                Select(self._find(f"#right-{left}")).select_by_value(
                    str(item.right_order.index(right)))
        self.tap(self._find("button[name=go][value=next]"))

    def hand_in(self) -> None:
        self.tap(self._find("form[action='/finish'] button[type=submit]"))


def walk(phone: BrowserPhone, round_: PhoneRound, paper: MemberPaper, *,
         screenshot: Path | None = None) -> list[PaperItem]:
    """Join as the paper's member, answer every question right, hand in."""
    phone.join(round_.code, paper.label)
    items = list(round_.view(phone.cookie(COOKIE)).paper.paper.items)
    assert [i.question.full_id for i in items] == \
        [i.question.full_id for i in paper.paper.items]
    for position, item in enumerate(items):
        assert f"Câu {position + 1}/{len(items)}" in phone.text
        assert item.question.prompt.split()[0] in phone.text
        if screenshot is not None and item.question.type == "match":
            phone.driver.save_screenshot(str(screenshot))
        phone.answer(item)
        # Said only after the commit returned.
        assert f"Đã lưu câu {position + 1}." in phone.text
    assert "Nộp bài?" in phone.text
    phone.hand_in()
    assert "Kết quả của bạn" in phone.text
    return items


def stored_by_phone(store: Store, round_: PhoneRound, paper: MemberPaper,
                    items: list[PaperItem]) -> None:
    (attempt,) = store.attempts(member_id=paper.member.id, session_id=round_.session_id)
    assert attempt.status is AttemptStatus.FINISHED
    assert attempt.settings["via"] == VIA_PHONE
    answers = store.answers(attempt.id)
    assert [a.position for a in answers] == list(range(len(items)))
    for answer, item in zip(answers, items, strict=True):
        assert answer.question_id == item.question.full_id
        assert answer.credit == 1, (item.question.type, answer.response)
        if item.question.type == "fill" and typed_answer(item) != item.question.accepted[0]:
            # Typed in Telex, understood as the Vietnamese it spells.
            assert answer.understood_as is not None
    assert attempt.score is not None
