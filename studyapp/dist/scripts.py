"""The install and start scripts and the guide written into the offline folder.

The .bat files have CRLF line endings (cmd.exe mislocates labels in LF-only
batch files) and switch the console to UTF-8 (`chcp 65001`) before their first
Vietnamese line; the .sh files have LF endings and are executable."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

VENV = "venv"

_CHECK = ("import sys; v = sys.version_info[:2]; "
          "sys.exit(0 if (3, 11) <= v else 1)")

INSTALL_SH = """#!/bin/sh
# Cài studyapp từ các tệp bên cạnh, không cần mạng.
set -e
cd "$(dirname "$0")"
PY="${{PYTHON:-python3}}"
if ! "$PY" -c "{check}" 2>/dev/null; then
    echo "Cần Python 3.11 trở lên ({pythons}). Cài Python từ python.org rồi chạy lại." >&2
    exit 1
fi
"$PY" -m venv {venv}
PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1 \\
    {venv}/bin/python -m pip install --no-index --find-links wheels studyapp
echo
echo "Đã cài xong. Chạy chương trình: ./chay.sh"
"""

RUN_SH = """#!/bin/sh
# Chạy studyapp (đã cài bằng cai-dat.sh).
cd "$(dirname "$0")"
if [ ! -x {venv}/bin/studyapp ]; then
    echo "Chưa cài: chạy ./cai-dat.sh trước." >&2
    exit 1
fi
exec {venv}/bin/studyapp "$@"
"""

INSTALL_BAT = """@echo off
chcp 65001 >nul
rem Cài studyapp từ các tệp bên cạnh, không cần mạng.
cd /d "%~dp0"
set "PY=python"
where py >nul 2>nul && set "PY=py -3"
%PY% -c "{check}" >nul 2>nul
if errorlevel 1 goto :nopython
%PY% -m venv {venv}
if errorlevel 1 goto :failed
set PIP_NO_INDEX=1
set PIP_DISABLE_PIP_VERSION_CHECK=1
{venv}\\Scripts\\python.exe -m pip install --no-index --find-links wheels studyapp
if errorlevel 1 goto :failed
echo.
echo Đã cài xong. Chạy chương trình: bấm đúp vào chay.bat
pause
exit /b 0
:nopython
echo Cần Python 3.11 trở lên ({pythons}). Cài Python từ python.org (đánh dấu "Add python.exe to PATH") rồi chạy lại.
pause
exit /b 1
:failed
echo Cài không thành công. Xem thông báo ở trên.
pause
exit /b 1
"""

RUN_BAT = """@echo off
chcp 65001 >nul
cd /d "%~dp0"
if not exist {venv}\\Scripts\\studyapp.exe (
    echo Chưa cài: bấm đúp vào cai-dat.bat trước.
    pause
    exit /b 1
)
{venv}\\Scripts\\studyapp.exe %*
"""

GUIDE = """CÀI STUDYAPP TRÊN MÁY KHÔNG CÓ MẠNG
====================================

Thư mục này có đủ mọi thứ để cài studyapp mà không cần Internet
(Windows, Linux, macOS; Python {pythons}).

Trước tiên: máy cần có Python 3.11 trở lên.
  - Windows: tải bộ cài từ https://www.python.org/downloads/ (tải trước
    trên một máy có mạng rồi chép sang), chạy bộ cài và ĐÁNH DẤU ô
    "Add python.exe to PATH" trước khi bấm "Install Now".
  - Linux, macOS: thường đã có sẵn Python 3; gõ "python3 --version" để xem.

Bước 1. Chép cả thư mục này vào máy (ví dụ vào thư mục Tài liệu), rồi cài:
  - Windows: bấm đúp vào cai-dat.bat
  - Linux, macOS: mở Terminal trong thư mục này, gõ  sh cai-dat.sh

Bước 2. Chạy chương trình:
  - Windows: bấm đúp vào chay.bat
  - Linux, macOS: gõ  sh chay.sh

Chỉ cần cài một lần. Những lần sau chỉ làm bước 2.
Nên mở chương trình trong Windows Terminal (có sẵn trên Windows 11) để chữ
tiếng Việt hiện đúng.

Nếu máy có Python mà không cài được: chạy thẳng  python studyapp.pyz
(cần Python 3.11 trở lên; không phải cài gì thêm).
"""


def write_scripts(out: Path, pythons: Sequence[str]) -> None:
    values = {"venv": VENV, "check": _CHECK, "pythons": ", ".join(pythons)}
    for name, template, ending in (("cai-dat.sh", INSTALL_SH, "\n"),
                                   ("chay.sh", RUN_SH, "\n"),
                                   ("cai-dat.bat", INSTALL_BAT, "\r\n"),
                                   ("chay.bat", RUN_BAT, "\r\n"),
                                   ("HUONG-DAN.txt", GUIDE, "\r\n")):
        text = template.format(**values).replace("\n", ending)
        path = out / name
        # A byte-order mark lets an old Notepad read the guide as UTF-8.
        encoding = "utf-8-sig" if name.endswith(".txt") else "utf-8"
        path.write_bytes(text.encode(encoding))
        if name.endswith(".sh"):
            path.chmod(0o755)
