"""studyapp's Vietnamese sort agrees with ICU's `vi` collator (CLDR)."""

from __future__ import annotations

import random

import pytest

from studyapp.text import sort_key
from tests.conftest import DATA

RECORDED = DATA / "icu" / "icu_vi_order.txt"


def recorded_words() -> list[str]:
    return RECORDED.read_text(encoding="utf-8").splitlines()


def test_sort_matches_the_order_icu_recorded() -> None:
    """icu_vi_order.txt was sorted by PyICU (see make_icu_order.py next to it)."""
    words = recorded_words()
    assert len(words) > 800
    shuffled = words[:]
    random.Random(7).shuffle(shuffled)
    assert sorted(shuffled, key=sort_key) == words


def test_sort_matches_live_icu() -> None:
    icu = pytest.importorskip("icu", reason="PyICU is optional (it needs libicu)")
    collator = icu.Collator.createInstance(icu.Locale("vi"))
    words = [*recorded_words(), "Đào", "Dung", "Út", "Ánh", "Ơn", "ta", "tà", "tả", "tã", "tá",
             "tạ"]
    assert sorted(words, key=sort_key) == sorted(words, key=collator.getSortKey)
