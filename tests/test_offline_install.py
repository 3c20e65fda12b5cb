"""The offline installer (issue 18): every target has a wheel of every dependency, the
scripts are right for their system; and the command line survives a console that is not
UTF-8. (The folder built, installed with the network blocked and started:
test_offline_folder_install.py.)"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from studyapp.dist import scripts
from studyapp.dist.targets import PLATFORMS, missing_wheels

REPO = Path(__file__).resolve().parents[1]


def wheel(folder: Path, filename: str, requires: list[str]) -> Path:
    """A minimal wheel: its name and tags in the file name, its requirements in METADATA."""
    name, version = filename.split("-")[:2]
    path = folder / filename
    with zipfile.ZipFile(path, "w") as archive:
        metadata = ["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}"]
        metadata += [f"Requires-Dist: {requirement}" for requirement in requires]
        archive.writestr(f"{name}-{version}.dist-info/METADATA", "\n".join(metadata) + "\n")
    return path


def test_a_target_without_a_wheel_is_named_with_what_it_lacks(tmp_path: Path) -> None:
    wheel(tmp_path, "studyapp-1.0-py3-none-any.whl",
          ["fast>=2", "winonly; sys_platform == 'win32'", "pure"])
    wheel(tmp_path, "fast-2.1-cp311-cp311-manylinux_2_17_x86_64.whl", [])
    wheel(tmp_path, "fast-2.1-cp311-cp311-win_amd64.whl", [])
    wheel(tmp_path, "winonly-1.0-py3-none-win_amd64.whl", [])
    wheel(tmp_path, "pure-3.0-py3-none-any.whl", ["fast>=2"])
    targets = [(PLATFORMS[key], "3.11") for key in ("windows", "linux", "macos-arm64")]
    # Windows and Linux are served (the Windows-only wheel is not needed on Linux);
    # the Mac lacks the compiled wheel, said once, with what needs it.
    assert missing_wheels(tmp_path, "studyapp", targets) == [
        "macOS Apple Silicon (arm64), Python 3.11: no wheel of fast>=2 (for pure)"]
    # A Python the compiled wheel was not built for is not served either.
    assert missing_wheels(tmp_path, "studyapp", [(PLATFORMS["linux"], "3.12")])


def test_scripts_suit_their_systems(tmp_path: Path) -> None:
    scripts.write_scripts(tmp_path, ("3.11", "3.12", "3.13"))
    for name in ("cai-dat.bat", "chay.bat"):
        data = (tmp_path / name).read_bytes()
        assert b"\r\n" in data
        assert data.count(b"\n") == data.count(b"\r\n")
        assert data.decode("utf-8").splitlines()[1] == "chcp 65001 >nul"  # before Vietnamese
    for name in ("cai-dat.sh", "chay.sh"):
        data = (tmp_path / name).read_bytes()
        assert b"\r" not in data
        assert data.startswith(b"#!/bin/sh\n")
        if sys.platform != "win32":
            assert os.access(tmp_path / name, os.X_OK)
    guide = (tmp_path / "HUONG-DAN.txt").read_text(encoding="utf-8")
    assert "python.org" in guide
    assert "Add python.exe to PATH" in guide
    assert "cai-dat.bat" in guide
    assert "chay.bat" in guide
    assert "--no-index" in (tmp_path / "cai-dat.sh").read_text(encoding="utf-8")


ENCODINGS = [{"LC_ALL": "POSIX", "PYTHONUTF8": "0"},
             {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}]


@pytest.mark.parametrize("locale", ENCODINGS, ids=["posix", "cp1252-console"])
def test_vietnamese_through_a_console_that_is_not_utf8(tmp_path: Path,
                                                      locale: dict[str, str]) -> None:
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path),
           "STUDYAPP_DATA_DIR": str(tmp_path / "d"), "STUDYAPP_CONFIG_DIR": str(tmp_path / "c"),
           "STUDYAPP_CACHE_DIR": str(tmp_path / "k"), "SYSTEMROOT": os.environ.get(
               "SYSTEMROOT", ""), **locale}

    def run(*args: str) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([sys.executable, "-X", "utf8=0", "-m", "studyapp", *args],
                              capture_output=True, env=env, timeout=120, check=False,
                              cwd=REPO)

    added = run("members", "add", "Nguyễn Thị Ánh", "--cell", "Chi bộ Khu phố 1")
    assert added.returncode == 0, added.stderr.decode("utf-8", "replace")
    listed = run("members", "list", "--cell", "Chi bộ Khu phố 1")
    assert listed.returncode == 0
    assert "Nguyễn Thị Ánh".encode() in listed.stdout  # UTF-8 out, whatever the locale
    assert b"Traceback" not in listed.stderr + added.stderr
    shown = run("lessons")
    assert shown.returncode == 0
    assert "Mục đích, yêu cầu".encode() in shown.stdout


def test_unit_tests_of_text_and_output_pass_without_utf8_mode(tmp_path: Path) -> None:
    """The unit tests of what writes text (the command line, exports, text handling)
    run again in a Python with UTF-8 mode off, a POSIX locale and a cp1252 console,
    as on a Windows machine whose console is not set to UTF-8."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHONUTF8", "LC_", "LANG", "PYTEST_XDIST"))}
    env |= {"LC_ALL": "POSIX", "PYTHONUTF8": "0", "PYTHONIOENCODING": "cp1252"}
    result = subprocess.run(
        [sys.executable, "-X", "utf8=0", "-m", "pytest", "-q", "-n0", "-p", "no:randomly",
         "tests/unit/test_text.py", "tests/unit/test_cli.py", "tests/unit/test_cli_store.py",
         "tests/unit/test_entry.py"],
        capture_output=True, text=True, encoding="utf-8", errors="replace", env=env,
        cwd=REPO, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert " passed" in result.stdout
