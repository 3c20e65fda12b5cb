"""One export, from a scope and a format to bytes: for the CLI and for the UI's worker.

Everything is read and built before the file is opened, so a problem in the
data never leaves a file behind; the file itself is written atomically.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO, Literal, get_args

from studyapp.content.catalog import Catalog
from studyapp.export.bundle import VERSION, write_bundle
from studyapp.export.files import write_atomically
from studyapp.export.report import (
    build_report,
    member_report,
    to_html,
    to_markdown,
    verification_words,
)
from studyapp.export.table import DecimalSign, question_lines, write_csv, write_xlsx
from studyapp.i18n import format_decimal, tr
from studyapp.store.exchange import Scope, scoped_sessions, score_rows
from studyapp.store.signing import provenance
from studyapp.store.store import Store
from studyapp.text import strip_diacritics

ExportFormat = Literal["csv", "xlsx", "json", "md", "html"]
FORMATS: tuple[ExportFormat, ...] = get_args(ExportFormat)

Writer = Callable[[BinaryIO], None]


@dataclass(frozen=True)
class Prepared:
    """An export ready to write: what it holds, and how to write it."""

    write: Writer
    rows: int
    """Score rows (csv, xlsx), sessions (json, md, html)."""
    unit: str = "rows"
    """What `rows` counts: `rows` or `sessions` (message `export.count.<unit>`)."""


def prepare(store: Store, catalog: Catalog, scope: Scope, fmt: ExportFormat, *,
            now: datetime | None = None, decimal: DecimalSign | None = None,
            bundle_version: int = VERSION) -> Prepared:
    """`decimal`: the CSV's decimal sign (None: the interface language's; see
    `studyapp.export.table`); `bundle_version`: the JSON bundle's (2 for an office
    whose studyapp reads no later one)."""
    if fmt in ("csv", "xlsx"):
        rows = score_rows(store, scope)
        tested_at = sorted({row.session_id for row in rows if row.session_id})
        verified = {session_id: verification_words(found)
                    for session_id, found in provenance(store, tested_at).items()}
        if fmt == "csv":
            return Prepared(lambda stream: write_csv(rows, stream, decimal, verified), len(rows))
        questions = question_lines(store, catalog, rows)
        return Prepared(lambda stream: write_xlsx(rows, questions, stream, verified), len(rows))
    if fmt == "json":
        # Written as it is read (bounded memory): a fault half way leaves no file,
        # as `write_atomically` removes what it had begun.
        return Prepared(lambda stream: write_bundle(store, catalog, scope, stream, now=now,
                                                    version=bundle_version),
                        len(scoped_sessions(store, scope)), "sessions")
    sessions = scoped_sessions(store, scope)
    if scope.member_id is not None and scope.session_id is None:
        rows = score_rows(store, scope)
        lines = [(row.held_on, row.topic if row.topic is not None else tr("export.own_test"),
                  tr(f"attendance.{row.attendance.value}") if row.attendance else "",
                  format_decimal(row.score, 1) if row.score is not None else "",
                  row.band or "") for row in rows]
        document = member_report(store, catalog, scope.member_id, lines, now=now)
    else:
        document = build_report(store, catalog, [session.id for session in sessions], now=now,
                                period=(scope.date_from, scope.date_to))
    text = to_markdown(document) if fmt == "md" else to_html(document)
    data = text.encode("utf-8")
    return Prepared(_bytes(data), len(sessions), "sessions")


def _bytes(data: bytes) -> Writer:
    def write(stream: BinaryIO) -> None:
        stream.write(data)
    return write


def export_to(path: Path, prepared: Prepared, *, force: bool = False) -> Path:
    """Write it to `path` (all or nothing); the full path written. An
    existing file is replaced only with `force`."""
    return write_atomically(path, prepared.write, force=force)


def slug(text: str) -> str:
    """`Chi bộ Khu phố 1` → `chi-bo-khu-pho-1`: a file name any system takes."""
    plain = strip_diacritics(text).replace("đ", "d").replace("Đ", "D").lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60] or "studyapp"


def suggested_name(fmt: ExportFormat, *, cell: str | None = None, member: str | None = None,
                   day: date | None = None) -> str:
    """`ket-qua-chi-bo-khu-pho-1-2026-11-26.xlsx`."""
    parts = [tr("export.file_prefix")]
    if cell:
        parts.append(slug(cell))
    if member:
        parts.append(slug(member))
    if day:
        parts.append(day.isoformat())
    return f"{'-'.join(parts)}.{fmt}"

