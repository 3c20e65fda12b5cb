"""Messages exist in both languages with the same placeholders; numbers read the Vietnamese way."""

from __future__ import annotations

import string
from decimal import Decimal
from fractions import Fraction

import pytest

from studyapp.i18n import CATALOGS, LANGUAGES, format_count, format_decimal, tr


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_catalog_has_the_same_keys() -> None:
    assert set(CATALOGS) == set(LANGUAGES)
    assert list(CATALOGS["en"]) == list(CATALOGS["vi"])


@pytest.mark.parametrize("key", sorted(CATALOGS["vi"]))
def test_message_in_every_language_with_the_same_placeholders(key: str) -> None:
    assert placeholders(CATALOGS["vi"][key]) == placeholders(CATALOGS["en"][key])
    assert all(CATALOGS[lang][key].strip() or key.startswith("problem.toml_near")
               for lang in LANGUAGES)


def test_decimal_comma_and_grouping() -> None:
    assert format_decimal(Fraction(17, 2), lang="vi") == "8,5"
    assert format_decimal(Fraction(17, 2), lang="en") == "8.5"
    assert format_decimal(Decimal("1234.56"), lang="vi") == "1.234,6"
    assert format_decimal(Fraction(7, 9) * 10, lang="vi") == "7,8"
    assert format_decimal(Fraction(1, 4) * 10, lang="vi") == "2,5"  # half up, not to even
    assert format_count(1234, lang="vi") == "1.234"
    assert format_count(1234, lang="en") == "1,234"


def test_tr_fills_placeholders() -> None:
    assert tr("search.count", "vi", count="3", query="x") == "3 kết quả cho “x”"
