"""ruff and mypy --strict pass on the whole project (run as part of the test suite)."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True,
                          text=True, check=False)


def test_ruff() -> None:
    result = run("ruff", "check", "studyapp", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict() -> None:
    result = run("mypy", "--cache-dir", str(REPO / ".mypy_cache"))
    assert result.returncode == 0, result.stdout + result.stderr
