"""The offline installer (issue 18), end to end: the Linux folder is built, installs with
the network blocked from a path with a space, and the program starts. On a file of its
own, the suite's longest test (a minute or more: pip builds, downloads and installs),
so that `--dist loadfile` gives the other installer tests to another worker."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from studyapp.dist.offline import build

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(sys.platform != "linux", reason="builds and installs the Linux folder")
def test_the_folder_installs_without_network_and_starts(tmp_path: Path) -> None:
    made = tmp_path / "made"
    python = f"{sys.version_info.major}.{sys.version_info.minor}"
    # Skipped only where no package index answers at all; a build that fails where
    # pip can download is a failure of ours (a dependency without a wheel, say).
    probe = subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--only-binary=:all:", "-d", str(tmp_path / "probe"), "six"],
                           capture_output=True, text=True, timeout=120, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no package index reachable here: {probe.stderr[-200:]}")
    build(made, platforms=["linux"], pythons=[python])
    # Copied, as a ward office would, to a folder whose path has a space.
    usb = tmp_path / "usb stick" / "studyapp"
    shutil.copytree(made, usb)
    blocked = {key: value for key, value in os.environ.items()
               if not key.startswith(("PIP_", "VIRTUAL_ENV"))}
    blocked |= {"PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull, "PIP_FIND_LINKS": "",
                "HOME": str(tmp_path / "home"), "PYTHON": sys.executable,
                "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}
    result = subprocess.run(["sh", str(usb / "cai-dat.sh")], capture_output=True, text=True,
                            env=blocked, timeout=600, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    program = usb / "venv" / "bin" / "studyapp"
    check = subprocess.run([str(program), "validate"], capture_output=True, text=True,
                           env=blocked, timeout=120, check=False)
    assert check.returncode == 0, check.stderr
    assert "0 lỗi" in check.stderr
    # The single file runs where nothing can be installed (the Word readers aside).
    single = subprocess.run([sys.executable, str(usb / "studyapp.pyz"), "validate"],
                            capture_output=True, text=True, timeout=180, check=False,
                            env={**blocked, "STUDYAPP_PYZ_DIR": str(tmp_path / "pyz")})
    assert single.returncode == 0, single.stderr
    assert "0 lỗi" in single.stderr
    frame = subprocess.run([str(usb / "venv" / "bin" / "python"),
                            str(REPO / "benchmarks" / "first_frame.py"), "studyapp"],
                           capture_output=True, text=True, env=blocked, timeout=120,
                           check=False, cwd=tmp_path)
    assert frame.returncode == 0, frame.stderr
    assert "first_frame_at" in json.loads(frame.stdout.splitlines()[0])
