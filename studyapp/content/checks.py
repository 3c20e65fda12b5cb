"""Checking TOML tables against a schema: unknown keys, missing keys, types, ids, text."""

from __future__ import annotations

import datetime
import math
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from studyapp.content.model import CONTENT_FORMAT
from studyapp.content.problems import ProblemLog, closest
from studyapp.content.source import KeyLocator, Location, TablePath
from studyapp.text import collapse_whitespace

ID_PATTERN = re.compile(r"[a-z0-9-]+")


@dataclass(frozen=True, slots=True)
class Field:
    """A key a table may carry: its name, expected kind and whether required."""

    name: str
    kind: str
    required: bool = False


_KINDS: dict[type, str] = {
    bool: "boolean", int: "integer", float: "number", str: "string", list: "array",
    dict: "table", datetime.date: "datetime", datetime.datetime: "datetime",
    datetime.time: "datetime",
}


def kind_of(value: object) -> str:
    # TOML values are exactly these types (tomli makes no subclasses).
    return _KINDS.get(type(value), type(value).__name__)


def _is_string_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


# TOML values are exactly these types (tomli makes no subclasses), so `type(x)
# is` is both right and the fastest test: a 10,000-question bank runs these
# checks 150,000 times.
_FITS: dict[str, Callable[[object], bool]] = {
    "string": lambda value: type(value) is str,
    "integer": lambda value: type(value) is int,
    # TOML allows nan and inf; no count, mark or weight of a pack can be one.
    "number": lambda value: type(value) is int or (type(value) is float and math.isfinite(value)),
    "boolean": lambda value: type(value) is bool,
    "array": lambda value: type(value) is list,
    "table": lambda value: type(value) is dict,
    "string_list": _is_string_list,
    "table_list": lambda value: type(value) is list and all(type(i) is dict for i in value),
    "string_or_list": lambda value: type(value) is str or _is_string_list(value),
}


_SCHEMAS: dict[int, dict[str, Callable[[object], bool]]] = {}


def _schema(fields: tuple[Field, ...]) -> dict[str, Callable[[object], bool]]:
    # Keyed on the tuple's identity: field tuples are module constants, and
    # hashing one (its dataclasses) on every question cost more than the check.
    schema = _SCHEMAS.get(id(fields))
    if schema is None:
        schema = _SCHEMAS[id(fields)] = {f.name: _FITS[f.kind] for f in fields}
    return schema


class TableChecker:
    """Checks the keys of one TOML table and reports at their locations.

    The text is scanned for key positions only when a problem is reported:
    valid files, the common case, never pay for it."""

    def __init__(self, path: Path, text: str, log: ProblemLog, line_offset: int = 0) -> None:
        self.path = path
        self.log = log
        self._text = text
        self._line_offset = line_offset
        self._locator: KeyLocator | None = None

    @property
    def locator(self) -> KeyLocator:
        if self._locator is None:
            self._locator = KeyLocator(self._text, self._line_offset)
        return self._locator

    def where(self, table: TablePath, at: str | None = None, /) -> Location:
        """Where the key `at` of `table` stands (the table's header if None)."""
        return self.locator.key(table, at) if at else self.locator.table(table)

    def error(self, table: TablePath, at: str | None, code: str, /, **params: object) -> None:
        location = self.where(table, at)
        self.log.error(self.path, location.line, location.column, code, **params)

    def warning(self, table: TablePath, at: str | None, code: str, /, **params: object) -> None:
        location = self.where(table, at)
        self.log.warning(self.path, location.line, location.column, code, **params)

    def check(self, data: Mapping[str, Any], table: TablePath, fields: tuple[Field, ...],
              suggestions: Iterable[str] | None = None) -> tuple[bool, dict[str, Any]]:
        """Unknown keys (with a suggestion among `suggestions`, by default the
        fields), missing keys, wrong types, all reported. Returns whether none
        was found, and the known keys whose values have the right type (later
        checks of values read only those)."""
        schema = _schema(fields)
        good: dict[str, Any] = {}
        ok = True
        for key, value in data.items():
            fits = schema.get(key)
            if fits is None:
                hint = closest(key, schema if suggestions is None else suggestions)
                self.error(table, key, "unknown_key", key=key, suggestion=hint)
                ok = False
            elif fits(value):
                good[key] = value
            elif type(value) is float and math.isnan(value) | math.isinf(value):
                self.error(table, key, "not_finite", key=key, value=value)
                ok = False
            else:
                kind = next(f.kind for f in fields if f.name == key)
                self.error(table, key, "wrong_type", key=key, expected=kind,
                           actual=kind_of(value))
                ok = False
        for spec in fields:
            if spec.required and spec.name not in data:
                self.error(table, None, "missing_key", key=spec.name)
                ok = False
        return ok, good

    def check_id(self, data: Mapping[str, Any], table: TablePath, key: str,
                 pattern: re.Pattern[str] = ID_PATTERN) -> bool:
        value = data.get(key)
        if isinstance(value, str) and not pattern.fullmatch(value):
            self.error(table, key, "bad_id", key=key, value=value)
            return False
        return True

    def check_text(self, data: Mapping[str, Any], table: TablePath, key: str) -> bool:
        """A string that must not be empty (after trimming)."""
        value = data.get(key)
        if isinstance(value, str) and not value.strip():
            self.error(table, key, "empty_value", key=key)
            return False
        return True

    def check_format(self, data: Mapping[str, Any], table: TablePath) -> bool:
        value = data.get("format")
        if value is not None and value != CONTENT_FORMAT:
            self.error(table, "format", "unknown_format", value=value, known=CONTENT_FORMAT)
            return False
        return True


def one_line(value: str) -> str:
    """A one-line field (title, source, key point, choice) with its spacing tidied."""
    return collapse_whitespace(value)


def fraction_of(value: int | float) -> Fraction:
    """A TOML number as an exact fraction: a float through str, so that 6.5 is
    exactly 13/2 and 0.1 is 1/10, not a binary float."""
    return Fraction(value) if isinstance(value, int) else Fraction(str(value))
