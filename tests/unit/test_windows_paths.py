"""The code paths taken on Windows (issue 18), run here with `sys.platform` patched
where that is honest: the branches only choose between standard-library calls that
exist on both systems."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

from studyapp.store import atomic, leases


def test_a_rename_is_not_followed_by_a_folder_fsync_on_windows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    temporary, target = tmp_path / ".x.part", tmp_path / "x"
    temporary.write_text("mới", encoding="utf-8")
    opened: list[str] = []
    real_open = os.open

    def watching(path: str | os.PathLike[str], flags: int, *args: int) -> int:
        opened.append(str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", watching)
    monkeypatch.setattr(sys, "platform", "win32")
    atomic.put_in_place(temporary, target)
    assert target.read_text(encoding="utf-8") == "mới"
    assert str(tmp_path) not in opened  # Windows cannot open a folder to fsync it
    monkeypatch.setattr(sys, "platform", "linux")
    temporary.write_text("lại", encoding="utf-8")
    atomic.put_in_place(temporary, target)
    assert str(tmp_path) in opened  # elsewhere the rename itself is made durable


def test_leftovers_of_a_dead_process_are_told_by_age_on_windows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_kill(pid: int, signal: int) -> None:
        raise AssertionError("os.kill(pid, 0) does not test a process on Windows")

    monkeypatch.setattr(os, "kill", no_kill)
    monkeypatch.setattr(sys, "platform", "win32")
    fresh, old = tmp_path / "fresh", tmp_path / "old"
    fresh.write_text("", encoding="utf-8")
    old.write_text("", encoding="utf-8")
    past = time.time() - atomic.WINDOWS_AGE - 60
    os.utime(old, (past, past))
    other = os.getpid() + 1
    assert atomic._process_gone(other, fresh) is False  # it may still be writing
    assert atomic._process_gone(other, old) is True
    assert atomic._process_gone(os.getpid(), old) is False  # never our own


def test_a_lease_is_never_taken_from_a_live_looking_process_on_windows(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def no_kill(pid: int, signal: int) -> None:
        raise AssertionError("os.kill(pid, 0) would end the process on Windows")

    monkeypatch.setattr(os, "kill", no_kill)
    monkeypatch.setattr(sys, "platform", "win32")
    assert leases._gone(os.getpid() + 1) is False  # expiry alone frees it there
