"""Checking TOML tables against a schema: unknown keys, missing keys, types, ids, text."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Mapping, Sequence
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


def _fits(value: object, kind: str) -> bool:
    actual = kind_of(value)
    if kind == "number":
        return actual in ("integer", "number")
    if kind == "string_list":
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
    if kind == "table_list":
        return isinstance(value, list) and all(isinstance(item, dict) for item in value)
    if kind == "string_or_list":
        return isinstance(value, str) or _fits(value, "string_list")
    return actual == kind


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

    def check(self, data: Mapping[str, Any], table: TablePath, fields: Sequence[Field],
              suggestions: Iterable[str] | None = None) -> bool:
        """Unknown keys (with a suggestion among `suggestions`, by default the
        fields), missing keys, wrong types, all reported. True if none was
        found. `good` then keeps only the keys of the right type."""
        known = {f.name: f for f in fields}
        ok = True
        for key, value in data.items():
            spec = known.get(key)
            if spec is None:
                hint = closest(key, known if suggestions is None else suggestions)
                self.error(table, key, "unknown_key", key=key, suggestion=hint)
                ok = False
            elif not _fits(value, spec.kind):
                self.error(table, key, "wrong_type", key=key, expected=spec.kind,
                           actual=kind_of(value))
                ok = False
        for spec in fields:
            if spec.required and spec.name not in data:
                self.error(table, None, "missing_key", key=spec.name)
                ok = False
        return ok

    @staticmethod
    def good(data: Mapping[str, Any], fields: Sequence[Field]) -> dict[str, Any]:
        """The known keys of `data` whose values have the right type."""
        kinds = {f.name: f.kind for f in fields}
        return {k: v for k, v in data.items() if k in kinds and _fits(v, kinds[k])}

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
    """A TOML number as an exact fraction: through str, so that 6.5 is exactly
    13/2 and 0.1 is 1/10, not a binary float."""
    return Fraction(str(value))
