"""The platforms and Python versions the offline folder serves, and a check,
by reading wheel tags and metadata, that every dependency has a wheel for each."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path

from packaging import tags
from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import NormalizedName, canonicalize_name, parse_wheel_filename
from packaging.version import Version

PYTHONS = ("3.11", "3.12", "3.13")
"""The Python versions studyapp supports (requires-python >= 3.11; 3.14 has
no wheel of every dependency's compiled variant yet, but the pure wheels of
the "any" target serve it)."""

_MANYLINUX = tuple(f"manylinux_2_{minor}_x86_64" for minor in range(28, 4, -1)) + (
    "manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64")


@dataclass(frozen=True)
class Platform:
    """One operating system and processor a laptop may have."""

    key: str
    label: str
    pip_platforms: tuple[str, ...]
    """Platform tags that `pip download --platform` is given, best first."""
    marker_env: tuple[tuple[str, str], ...]
    """Environment-marker values (PEP 508) of a Python on that platform."""


def _mac(machine: str) -> tuple[str, ...]:
    return tuple(tags.mac_platforms((11, 0), machine))


PLATFORMS: dict[str, Platform] = {
    "windows": Platform("windows", "Windows x86-64", ("win_amd64",),
                        (("sys_platform", "win32"), ("platform_system", "Windows"),
                         ("os_name", "nt"), ("platform_machine", "AMD64"))),
    "linux": Platform("linux", "Linux x86-64", _MANYLINUX,
                      (("sys_platform", "linux"), ("platform_system", "Linux"),
                       ("os_name", "posix"), ("platform_machine", "x86_64"))),
    "macos-x86_64": Platform("macos-x86_64", "macOS Intel (x86-64)", _mac("x86_64"),
                             (("sys_platform", "darwin"), ("platform_system", "Darwin"),
                              ("os_name", "posix"), ("platform_machine", "x86_64"))),
    "macos-arm64": Platform("macos-arm64", "macOS Apple Silicon (arm64)", _mac("arm64"),
                            (("sys_platform", "darwin"), ("platform_system", "Darwin"),
                             ("os_name", "posix"), ("platform_machine", "arm64"))),
}


def compatible_tags(platform: Platform, python: str) -> set[tags.Tag]:
    """Every wheel tag a CPython `python` on `platform` accepts."""
    major, minor = (int(part) for part in python.split("."))
    version = (major, minor)
    interpreter = f"cp{major}{minor}"
    platforms = list(platform.pip_platforms)
    found = set(tags.cpython_tags(version, platforms=platforms))
    found |= set(tags.compatible_tags(version, interpreter, platforms))
    return found


def marker_environment(platform: Platform, python: str) -> dict[str, str]:
    env: dict[str, str] = {k: str(v) for k, v in default_environment().items()}
    env.update({"python_version": python, "python_full_version": f"{python}.0",
                "implementation_name": "cpython",
                "platform_python_implementation": "CPython",
                "implementation_version": f"{python}.0", "platform_release": "",
                "platform_version": ""})
    env.update(dict(platform.marker_env))
    return env


@dataclass(frozen=True)
class Wheel:
    path: Path
    name: NormalizedName
    version: Version
    tags: frozenset[tags.Tag]

    def requirements(self) -> list[Requirement]:
        with zipfile.ZipFile(self.path) as archive:
            [metadata] = [n for n in archive.namelist()
                          if n.count("/") == 1 and n.endswith(".dist-info/METADATA")]
            text = archive.read(metadata).decode("utf-8")
        headers = HeaderParser().parsestr(text)
        return [Requirement(line) for line in headers.get_all("Requires-Dist") or []]


def read_wheels(folder: Path) -> list[Wheel]:
    wheels = []
    for path in sorted(folder.glob("*.whl")):
        name, version, _build, wheel_tags = parse_wheel_filename(path.name)
        wheels.append(Wheel(path, name, version, wheel_tags))
    return wheels


def missing_wheels(folder: Path, root: str, targets: Iterable[tuple[Platform, str]],
                   ) -> list[str]:
    """What a laptop of each target would not find in `folder`: one line per
    (platform, Python, requirement) with no compatible wheel, following the
    dependency tree from the wheel of `root` through each wheel's metadata
    and environment markers. Empty when every target is served."""
    wheels = read_wheels(folder)
    problems: list[str] = []
    for platform, python in targets:
        accepted = compatible_tags(platform, python)
        env = marker_environment(platform, python)
        pending = [(Requirement(root), "")]
        seen: set[tuple[str, frozenset[str]]] = set()
        while pending:
            requirement, wanted_by = pending.pop()
            key = (canonicalize_name(requirement.name), frozenset(requirement.extras))
            if key in seen:
                continue
            seen.add(key)
            candidates = [w for w in wheels if w.name == key[0]
                          and requirement.specifier.contains(w.version, prereleases=True)
                          and w.tags & accepted]
            if not candidates:
                problems.append(f"{platform.label}, Python {python}: no wheel of "
                                f"{requirement}" + (f" (for {wanted_by})" if wanted_by else ""))
                continue
            best = max(candidates, key=lambda w: w.version)
            for needed in best.requirements():
                extras = [""] + sorted(requirement.extras)
                if needed.marker is None or any(
                        needed.marker.evaluate({**env, "extra": extra}) for extra in extras):
                    needed.marker = None
                    pending.append((needed, best.name))
    return problems
