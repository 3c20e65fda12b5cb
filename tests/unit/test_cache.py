"""The content cache: reused when nothing changed, never stale, never a reason to fail."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from studyapp.content import loading
from studyapp.content.loading import load_catalog
from tests.conftest import lesson_text, make_pack


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The lesson files actually parsed (not served from the cache)."""
    parsed: list[Path] = []
    original = loading.load_lesson

    def counting(path: Path, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(path)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(loading, "load_lesson", counting)
    return parsed


def test_unchanged_files_come_from_the_cache(tmp_path: Path, counted: list[Path]) -> None:
    pack = make_pack(tmp_path / "content", lessons={
        "a.md": lesson_text("a"), "b.md": lesson_text("b", parent="a"),
        "c.md": lesson_text("c", body="Chữ\x07 lạ.")})
    first = load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    assert len(counted) == 3
    second = load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    assert len(counted) == 3  # nothing parsed again
    assert second.problems == first.problems  # the warning about c.md is kept
    assert [lesson.id for lesson in second.catalog.lessons] == ["a", "b", "c"]
    # An edited file (new size and time) is parsed again, alone.
    path = pack / "lessons" / "b.md"
    path.write_text(lesson_text("b", "Đã sửa", parent="a"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    third = load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    assert counted[3:] == [path]
    assert third.catalog.lesson("b").title == "Đã sửa"


def test_duplicate_reported_at_its_line_from_cache(tmp_path: Path) -> None:
    make_pack(tmp_path / "one", "p1", {"a.md": lesson_text("x")})
    make_pack(tmp_path / "two", "p2", {"b.md": lesson_text("x").replace('id = "x"',
                                                                        '\n\nid = "x"')})
    roots = [tmp_path / "one", tmp_path / "two"]
    load_catalog(roots, cache_dir=tmp_path / "cache")
    result = load_catalog(roots, cache_dir=tmp_path / "cache")
    [problem] = result.errors
    assert (problem.code, problem.line) == ("duplicate_lesson", 4)


def test_corrupt_cache_is_ignored(tmp_path: Path) -> None:
    make_pack(tmp_path / "content", lessons={"a.md": lesson_text("a")})
    load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    [cache_file] = (tmp_path / "cache").rglob("*.pickle")
    cache_file.write_bytes(b"\x80\x05 not a pickle")
    result = load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    assert [lesson.id for lesson in result.catalog.lessons] == ["a"]
    assert not result.problems
    # ... and replaced by a good one.
    assert isinstance(pickle.loads(cache_file.read_bytes()), dict)


def test_unwritable_cache_is_no_problem(tmp_path: Path) -> None:
    make_pack(tmp_path / "content", lessons={"a.md": lesson_text("a")})
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    result = load_catalog([tmp_path / "content"], cache_dir=blocker)
    assert [lesson.id for lesson in result.catalog.lessons] == ["a"]


def test_a_cache_from_another_program_is_ignored(tmp_path: Path, counted: list[Path]) -> None:
    make_pack(tmp_path / "content", lessons={"a.md": lesson_text("a")})
    load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    [cache_file] = (tmp_path / "cache").rglob("*.pickle")
    data = pickle.loads(cache_file.read_bytes())
    data["program"] = "an older studyapp"
    cache_file.write_bytes(pickle.dumps(data))
    load_catalog([tmp_path / "content"], cache_dir=tmp_path / "cache")
    assert len(counted) == 2
