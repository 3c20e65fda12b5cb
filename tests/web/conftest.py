"""Fixtures of the phone round's tests: a real browser when the system has one."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.web.browser import MISSING, chromium


@pytest.fixture
def browser_or_none(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless chromium at a phone's viewport, or None without one."""
    if MISSING:
        yield None
        return
    with chromium(tmp_path_factory.mktemp("chromium-profile")) as driver:
        yield driver


@pytest.fixture
def browser(browser_or_none: Any) -> Any:
    if browser_or_none is None:
        pytest.skip(MISSING or "")
    return browser_or_none
