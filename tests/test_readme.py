"""The README gives two commands for a fresh machine, and .ci/run runs its test command."""

from __future__ import annotations

import re

from tests.conftest import REPO


def readme_commands() -> list[str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Cài đặt / Install", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_readme_gives_exactly_two_commands() -> None:
    install_and_start, install_and_test = readme_commands()
    assert install_and_start.endswith(".venv/bin/studyapp")
    assert "pip install ." in install_and_start
    assert install_and_test.endswith("python -m pytest")
    assert "'.[test]'" in install_and_test


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert readme_commands()[1] in ci.splitlines()
