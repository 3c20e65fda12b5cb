"""Shared fixtures: every test runs with its own config, data and cache folders."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings as hypothesis_settings

from studyapp.content.catalog import Catalog
from studyapp.content.loading import LoadResult, load_catalog
from studyapp.content.model import Bank, Question
from studyapp.i18n import set_language
from studyapp.paths import bundled_content_dir
from studyapp.quiz.scoring import (
    ChoiceResponse,
    MatchResponse,
    OrderResponse,
    Response,
    TextResponse,
    TruthResponse,
)

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"


T0 = datetime(2026, 11, 26, 19, 0, tzinfo=UTC)
"""The moment tests start at (a frozen clock)."""


# Speed is measured in benchmarks/, never in tests: on a shared CI machine a
# property that once took 285 ms must not fail for it.
hypothesis_settings.register_profile("studyapp", deadline=None)
hypothesis_settings.load_profile("studyapp")

class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """No test reads or writes the developer's real config, data or cache;
    times are shown in UTC whatever the machine's zone."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    home = tmp_path / "home"
    for name, sub in (("STUDYAPP_CONFIG_DIR", "config"), ("STUDYAPP_DATA_DIR", "data"),
                      ("STUDYAPP_CACHE_DIR", "cache")):
        monkeypatch.setenv(name, str(home / sub))
    monkeypatch.delenv("STUDYAPP_CONTENT", raising=False)
    monkeypatch.delenv("STUDYAPP_DB", raising=False)
    set_language("vi")
    yield home
    set_language("vi")


@pytest.fixture(scope="session")
def bundled() -> LoadResult:
    return load_catalog([bundled_content_dir()])


@pytest.fixture(scope="session")
def catalog(bundled: LoadResult) -> Catalog:
    return bundled.catalog


def write(path: Path, text: str | bytes) -> Path:
    """Write a file (making its folder); bytes are written as they are."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_pack(root: Path, pack_id: str = "demo", lessons: dict[str, str] | None = None,
              pack_toml: str | None = None) -> Path:
    """A pack folder with the given lesson files (name -> text)."""
    folder = root / pack_id
    write(folder / "pack.toml", pack_toml if pack_toml is not None else
          f'format = 1\nid = "{pack_id}"\ntitle = "Gói {pack_id}"\nsource = "Văn bản {pack_id}"\n')
    for name, text in (lessons or {}).items():
        write(folder / "lessons" / name, text)
    return folder


def lesson_text(lesson_id: str, title: str = "Bài", body: str = "Nội dung.", **keys: str) -> str:
    """A lesson file with the given keys (values written as TOML strings)."""
    lines = ["+++", f'id = "{lesson_id}"', f'title = "{title}"', 'source = "I.1"']
    lines += [f'{key} = "{value}"' for key, value in keys.items()]
    return "\n".join([*lines, "+++", body, ""])


def wrong_response(question: Question) -> Response:
    """A response that earns nothing, for any type of question."""
    kind = question.type
    if kind in ("single", "multi"):
        others = set(range(len(question.choices))) - set(question.correct_choices)
        return ChoiceResponse(frozenset({min(others)}))
    if kind == "truefalse":
        return TruthResponse(not question.truth)
    if kind == "fill":
        return TextResponse("không phải đáp án")
    if kind == "number":
        assert question.number is not None
        return TextResponse(str(question.number + question.tolerance + 1000))
    if kind == "order":
        return OrderResponse(tuple(reversed(range(len(question.items)))))
    size = len(question.pairs)
    return MatchResponse(tuple((left + 1) % size for left in range(size)))


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`studyapp ARGS` in process: its exit code (argparse's own exits
    included), standard output and standard error."""
    from studyapp.cli import main  # noqa: PLC0415

    try:
        code = main(list(args))
    except SystemExit as exiting:  # argparse exits by itself
        code = int(exiting.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def written_bank(folder: Path, tables: list[dict[str, Any]], name: str) -> Bank:
    """Question tables written as a bank file the way importers write them, then read
    back by the loader (which must take it): for round trips through other formats."""
    from studyapp.content.banks import load_bank  # noqa: PLC0415
    from studyapp.content.problems import ProblemLog  # noqa: PLC0415
    from studyapp.importing.common import ImportedQuestion, bank_table, dump_bank  # noqa: PLC0415

    questions = [ImportedQuestion({"id": f"q{index}"} | t, 1) for index, t in enumerate(tables)]
    bank_file = folder / f"{name}.toml"
    bank_file.write_text(dump_bank(bank_table(questions, bank_id=name, title=name)),
                         encoding="utf-8")
    log = ProblemLog()
    bank = load_bank(bank_file, "", log)
    assert bank is not None, [p.format() for p in log.errors]
    return bank
