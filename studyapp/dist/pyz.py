"""`studyapp.pyz`: one file that runs with `python studyapp.pyz` on any
platform, made with the standard library's zipapp from the pure-Python wheels.

Every dependency of studyapp has a pure-Python wheel (tomli's compiled wheels
are only a speed-up of its pure one), so no platform needs its own file. The
cost: studyapp and Textual read their style sheets and the bundled content as
files, which Python cannot do inside a zip, so the first run unpacks the
archive (about 15 MB) into the user's cache folder and later runs reuse it;
and the pure tomli is slower than the compiled one (milliseconds here)."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import zipapp
import zipfile
from pathlib import Path

from packaging.utils import parse_wheel_filename

from studyapp.dist.targets import read_wheels

BOOTSTRAP = '''"""Unpack once into the user cache folder, then run studyapp from there."""
import os
import sys
import zipfile

if sys.version_info < (3, 11):
    sys.exit("studyapp cần Python 3.11 trở lên / needs Python 3.11 or newer")


def _cache():
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\\\AppData\\\\Local")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    return os.path.join(base, "studyapp", "pyz")


def _unpacked():
    archive = os.path.dirname(os.path.abspath(__file__))
    with zipfile.ZipFile(archive) as zipped:
        build = zipped.read("BUILD").decode("ascii").strip()
        target = os.path.join(os.environ.get("STUDYAPP_PYZ_DIR") or _cache(), build)
        if not os.path.isdir(target):
            partial = target + ".%d.part" % os.getpid()
            members = [n for n in zipped.namelist() if n.startswith("site/")]
            zipped.extractall(partial, members)
            try:
                os.replace(os.path.join(partial, "site"), target)
            except OSError:
                if not os.path.isdir(target):  # not another copy unpacking at once
                    raise
            import shutil
            shutil.rmtree(partial, ignore_errors=True)
    return target


sys.path.insert(0, _unpacked())
from studyapp.cli import main  # noqa: E402

sys.exit(main())
'''


def pure_wheels(folder: Path) -> list[Path]:
    """The newest pure-Python wheel (`py3-none-any`) of each project."""
    best: dict[str, Path] = {}
    for wheel in read_wheels(folder):
        if all(tag.abi == "none" and tag.platform == "any" for tag in wheel.tags):
            current = best.get(wheel.name)
            if current is None or parse_wheel_filename(current.name)[1] < wheel.version:
                best[wheel.name] = wheel.path
    return sorted(best.values())


def build_pyz(target: Path, wheels: Path, log: object = None) -> Path:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        site = root / "site"
        digest = hashlib.sha256()
        for wheel in pure_wheels(wheels):
            digest.update(wheel.read_bytes())
            with zipfile.ZipFile(wheel) as archive:
                archive.extractall(site)
        for cached in site.rglob("__pycache__"):
            shutil.rmtree(cached)
        (root / "BUILD").write_text(digest.hexdigest()[:16], encoding="ascii")
        (root / "__main__.py").write_text(BOOTSTRAP, encoding="utf-8")
        zipapp.create_archive(root, target, interpreter="/usr/bin/env python3",
                              compressed=True)
    return target
