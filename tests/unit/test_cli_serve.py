"""`studyapp session serve`: the round served from the command line, its address and
code printed, a phone served, Ctrl+C ending it; ports refused with a message."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2 as httpx
import pytest

from studyapp.content.catalog import Catalog
from studyapp.store.phone import META_PREFIX, RoundState
from tests.conftest import run_cli
from tests.unit.test_cli_session import Capture, Meeting

ROOT = Path(__file__).parents[2]


@pytest.fixture
def meeting(tmp_path: Path, catalog: Catalog) -> Meeting:
    return Meeting(tmp_path, catalog)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve(meeting: Meeting, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "STUDYAPP_LANG": "vi"}
    return subprocess.Popen(
        [sys.executable, "-m", "studyapp", "session", "serve", "--session", meeting.session_id,
         "--db", meeting.db, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        encoding="utf-8", cwd=ROOT, env=env)


def read_until(process: subprocess.Popen[str], pattern: str, seconds: float = 30) -> str:
    assert process.stdout is not None
    seen = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        seen.append(line)
        if re.search(pattern, line):
            return "".join(seen)
    process.kill()
    raise AssertionError("".join(seen) + (process.stderr.read() if process.stderr else ""))


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl+C is sent as SIGINT (POSIX)")
def test_serve_prints_the_address_and_code_serves_a_phone_and_ends_on_ctrl_c(
        meeting: Meeting) -> None:
    port = free_port()
    process = serve(meeting, "--host", "127.0.0.1", "--port", str(port))
    try:
        text = read_until(process, r"Mã vòng thi: \d{6}")
        assert f"Địa chỉ cho điện thoại: http://127.0.0.1:{port}/" in text
        assert "█" in text or "▀" in text  # the QR code
        code = re.search(r"Mã vòng thi: (\d{6})", text).group(1)  # type: ignore[union-attr]
        store = meeting.store()
        kept = store.meta_value(META_PREFIX + meeting.session_id)
        assert kept is not None
        assert RoundState.from_json(kept).code == code
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=10) as client:
            page = client.get("/")
            assert page.status_code == 200
            assert "Nhập mã vòng thi" in page.text
            csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)  # type: ignore[union-attr]
            names = client.post("/code", data={"csrf": csrf, "code": code},
                                follow_redirects=True)
            assert "Nguyễn Văn An" in names.text
            assert "Lê Văn Cường" not in names.text  # absent
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
        assert process.returncode == 0, err
        assert "Đã kết thúc vòng thi" in out
        kept = meeting.store().meta_value(META_PREFIX + meeting.session_id)
        assert kept is not None
        assert RoundState.from_json(kept).ended_at is not None
        with pytest.raises(httpx.ConnectError):
            httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
    finally:
        if process.poll() is None:
            process.kill()


def test_a_taken_port_is_refused_with_a_message(capsys: Capture, meeting: Meeting) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        code, _out, err = run_cli(capsys, "session", "serve", "--session", meeting.session_id,
                                  "--db", meeting.db, "--host", "127.0.0.1", "--port", str(port))
    assert code == 1
    assert f"127.0.0.1:{port}" in err
    assert "cổng" in err
    # The lease was given back: a next try on a free port is not refused as "another round".
    assert "một vòng" not in err


def test_a_port_out_of_range_is_a_usage_error(capsys: Capture, meeting: Meeting) -> None:
    code, _out, err = run_cli(capsys, "session", "serve", "--session", meeting.session_id,
                              "--db", meeting.db, "--port", "70000")
    assert code == 2
    assert "70000" in err
