"""Issue 21 items 7, 17 and 19: a name that begins with `-`, typed answers with
control characters, dates outside a plausible range."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from studyapp.i18n import parse_day, set_language
from studyapp.quiz.scoring import TextResponse, response_from_data, response_to_data
from studyapp.store.database import Database
from studyapp.store.store import Store
from tests.conftest import run_cli

Capture = pytest.CaptureFixture[str]


@pytest.fixture(autouse=True)
def _vietnamese() -> None:
    set_language("vi")


# --- item 7 ------------------------------------------------------------------------------------


def test_a_name_beginning_with_a_dash_is_added_after_two_dashes(capsys: Capture,
                                                               tmp_path: Path) -> None:
    db = str(tmp_path / "x.sqlite3")
    code, _, err = run_cli(capsys, "members", "add", "-3+4", "--cell", "Chi bộ", "--db", db)
    assert code == 2
    assert "“--”" in err
    assert "-- -3+4" in err
    code, _, err = run_cli(capsys, "members", "add", "--cell", "Chi bộ", "--db", db, "--", "-3+4")
    assert code == 0, err
    store = Store(Database(Path(db)))
    assert [m.full_name for m in store.members()] == ["-3+4"]
    _, out, _ = run_cli(capsys, "members", "--help")
    assert "--cell TÊN -- -3+4" in " ".join(out.split())
    code, _, err = run_cli(capsys, "members", "list", "--db", db, "--", "x", "y")
    assert code == 2


# --- item 17 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("control", [
    "\x07", "\x0e", "\x0f", "\x7f", "\x1b[2J", "\x1b]52;c;aGk=\x07",
    "\u202e", "\n",
])
def test_typed_answers_are_cleaned_when_made_and_when_read_back(control: str) -> None:
    typed = TextResponse(f"đổi{control}mới")
    assert typed.text in ("đổimới", "đổi mới")
    assert response_to_data(typed)["text"] == typed.text
    # Stored raw by an older version or a bundle: cleaned when read back too.
    again = response_from_data({"kind": "text", "text": f"kiên {control}định"})
    assert isinstance(again, TextResponse)
    assert again.text.isprintable()


# --- item 19 -----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["02/12/202", "02/12/0202", "1/1/1999", "1/1/2101",
                                   "0202-12-02", "31/02/2026", "26/11", "٢٦/١١/٢٠٢٦", ""])
def test_dates_outside_a_plausible_range_are_refused(typed: str) -> None:
    assert parse_day(typed) is None


@pytest.mark.parametrize(("typed", "day"), [
    ("26/11/2026", date(2026, 11, 26)), ("2/12/26", date(2026, 12, 2)),
    ("26-11-2026", date(2026, 11, 26)), ("26.11.2026", date(2026, 11, 26)),
    ("2026-11-26", date(2026, 11, 26)), ("1/1/2000", date(2000, 1, 1)),
    ("31/12/2100", date(2100, 12, 31)),
])
def test_plausible_dates_are_read(typed: str, day: date) -> None:
    assert parse_day(typed) == day


def test_the_command_line_refuses_a_three_digit_year(capsys: Capture, tmp_path: Path) -> None:
    code, _, err = run_cli(capsys, "export", "--all", "--from", "02/12/202", "--format", "csv",
                           "--db", str(tmp_path / "x.sqlite3"))
    assert code == 2
    assert "02/12/202" in err
    assert "2000 đến 2100" in err
    assert not (tmp_path / "x.sqlite3").exists()
