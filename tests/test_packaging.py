"""The built wheel carries the bundled content, and an installed copy finds it from anywhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(out), str(REPO)], check=True, capture_output=True)
    [built] = out.glob("studyapp-*.whl")
    return built


def test_wheel_contains_content_and_styles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    pack = "studyapp/_bundled/hoi-nghi-tw2-khoa-xiv"
    assert f"{pack}/pack.toml" in names
    assert f"{pack}/ERRATA.md" in names
    assert f"{pack}/lessons/bon-kien-dinh.md" in names
    assert sum(1 for n in names if n.startswith(f"{pack}/lessons/")) >= 47
    assert "studyapp/ui/screens/home.tcss" in names
    assert "studyapp/ui/app.tcss" in names


def test_installed_copy_finds_its_content_from_another_directory(wheel: Path,
                                                                 tmp_path: Path) -> None:
    """A non-editable install: the wheel unpacked into its own folder, run
    from an unrelated working directory, never reading the repo's content/."""
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    code = ("import json, studyapp, studyapp.paths as p, sys; from studyapp.cli import main; "
            "print(json.dumps([studyapp.__file__, str(p.bundled_content_dir())]));"
            "sys.exit(main(['lessons', '--format', 'json']))")
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    first_line, rest = result.stdout.split("\n", 1)
    module_file, content_dir = json.loads(first_line)
    assert module_file.startswith(str(target))
    assert content_dir.startswith(str(target))
    lessons = json.loads(rest)
    assert len(lessons) >= 47
    assert lessons[0]["id"] == "gioi-thieu"
