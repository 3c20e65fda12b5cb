"""Interface strings, one catalog per language (`vi.py`, `en.py`), and number formatting."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import PurePath
from typing import Literal, get_args

from studyapp.i18n import en, vi
from studyapp.text import shown

Lang = Literal["vi", "en"]
LANGUAGES: tuple[Lang, ...] = get_args(Lang)
DEFAULT_LANG: Lang = "vi"

_current: Lang = DEFAULT_LANG

CATALOGS: dict[Lang, dict[str, str]] = {"vi": vi.MESSAGES, "en": en.MESSAGES}


def set_language(lang: Lang) -> None:
    """Choose the language of every message from now on (one per process)."""
    global _current  # noqa: PLW0603 - one interface language per process
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _current = lang


def current_language() -> Lang:
    return _current


def tr(key: str, /, lang: Lang | None = None, **params: object) -> str:
    """The message `key` in `lang` (default: the current language), with
    `{name}` placeholders filled from `params`."""
    template = CATALOGS[lang or _current][key]
    if not params:
        return template
    # Every value is shown through `shown` (text.py): a file name, a TOML key
    # or a config id from outside must not write escape codes to the terminal.
    return template.format(**{name: _shown_value(value) for name, value in params.items()})


def _shown_value(value: object) -> object:
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, PurePath):
        return shown(str(value))
    return value


def has_message(key: str) -> bool:
    """Whether `key` names a message (rather than being text already)."""
    return key in CATALOGS[DEFAULT_LANG]


def format_decimal(value: Fraction | Decimal | float | int, places: int = 1,
                   lang: Lang | None = None) -> str:
    """`value` rounded half-up to `places` decimals, with a decimal comma and
    a dot between thousands in Vietnamese (`1.234,5`), the English way otherwise."""
    if isinstance(value, Fraction):
        number = Decimal(value.numerator) / Decimal(value.denominator)
    else:
        number = Decimal(str(value))
    quantum = Decimal(1).scaleb(-places)
    text = f"{number.quantize(quantum, rounding=ROUND_HALF_UP):,.{places}f}"
    if (lang or _current) == "vi":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def format_count(value: int, lang: Lang | None = None) -> str:
    """An integer with thousands grouped (`1.234` in Vietnamese)."""
    text = f"{value:,d}"
    return text.replace(",", ".") if (lang or _current) == "vi" else text


def format_date(day: date) -> str:
    """`26/11/2026`: the Vietnamese order, in both languages."""
    return day.strftime("%d/%m/%Y")


MIN_YEAR, MAX_YEAR = 2000, 2100
"""Dates outside these years are a typing mistake (`02/12/202`), refused."""


def parse_day(text: str) -> date | None:
    """A date as people type it, `26/11/2026` (or with `-` or `.`; a two-digit
    year is 20yy), or as scripts write it, `2026-11-26`; None if it is no
    date or its year is not within MIN_YEAR..MAX_YEAR."""
    value = text.strip()
    parts = value.replace("-", "/").replace(".", "/").split("/")
    if len(parts) != 3 or not all(part.isdecimal() and part.isascii() for part in parts):
        return None
    if len(parts[0]) == 4:  # year first: ISO
        year, month, day = (int(part) for part in parts)
    else:
        day, month, year = (int(part) for part in parts)
        if len(parts[2]) <= 2:
            year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def format_duration(spent: timedelta) -> str:
    """`5 phút 12 giây`, `1 giờ 3 phút`, `40 giây`."""
    seconds = round(spent.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return tr("duration.hours", hours=hours, minutes=minutes)
    if minutes:
        if not seconds:
            return tr("duration.whole_minutes", minutes=minutes)
        return tr("duration.minutes", minutes=minutes, seconds=seconds)
    return tr("duration.seconds", seconds=seconds)
