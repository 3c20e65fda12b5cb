"""The core never imports Textual or Rich (architecture.md): checked in a clean interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE_MODULES = [
    "studyapp.text",
    "studyapp.i18n",
    "studyapp.paths",
    "studyapp.config",
    "studyapp.errors",
    "studyapp.content.loading",
    "studyapp.content.catalog",
    "studyapp.content.search",
    "studyapp.content.document",
    "studyapp.review.schedule",
    "studyapp.store.review",
    "studyapp.store.live",
    "studyapp.cli",
]


@pytest.mark.parametrize("module", CORE_MODULES)
def test_core_module_does_not_import_textual(module: str) -> None:
    code = (f"import sys, {module}; "
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'));"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""


def test_cli_subcommand_runs_without_textual() -> None:
    code = ("import sys; from studyapp.cli import main; main(['lessons', '--format', 'json']);"
            "sys.stderr.write(str(any(m.startswith('textual') for m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stderr.strip().endswith("False")


def test_the_first_frame_loads_no_database_scheduler_or_spreadsheet_code() -> None:
    """The home screen is drawn before the database is opened (performance.md):
    importing the app and its home screen must not pull in sqlite3, fsrs,
    openpyxl or plotext; they load when first used."""
    code = ("import sys, studyapp.ui.app, studyapp.ui.screens.home, studyapp.cli; "
            "studyapp.cli.build_parser(); "
            "print(','.join(sorted(m for m in ('sqlite3', 'fsrs', 'openpyxl', 'plotext') "
            "if m in sys.modules)))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
