"""Build the offline installer folder (see `studyapp.dist`)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from studyapp.dist import scripts
from studyapp.dist.targets import PLATFORMS, PYTHONS, Platform, missing_wheels

SOURCE = Path(__file__).resolve().parents[2]
"""The project checkout this module sits in (its pyproject.toml builds the wheel)."""

WHEELS = "wheels"


class BuildError(Exception):
    """The folder could not be made; the message says why."""


Log = Callable[[str], None]


def _run(command: list[str], log: Log) -> None:
    log("$ " + " ".join(command[:6]) + (" …" if len(command) > 6 else ""))
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BuildError(f"{' '.join(command[:8])} …\n{result.stdout}{result.stderr}")


def build_studyapp_wheel(into: Path, log: Log, source: Path = SOURCE) -> Path:
    """studyapp's own wheel, built from the checkout (hatchling, no network
    when hatchling is installed here)."""
    if not (source / "pyproject.toml").is_file():
        raise BuildError(f"{source}: not a studyapp checkout (no pyproject.toml)")
    with tempfile.TemporaryDirectory() as scratch:
        command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", scratch]
        try:
            import hatchling  # noqa: F401, PLC0415 - only to know whether isolation is needed
            command.append("--no-build-isolation")
        except ImportError:
            pass
        _run([*command, str(source)], log)
        [built] = Path(scratch).glob("studyapp-*.whl")
        return Path(shutil.copy2(built, into / built.name))


def download(wheel: Path, into: Path, platform: Platform | None, python: str, log: Log,
             cache: Path | None) -> None:
    """Every dependency of `wheel` for one target, as wheels only. `platform`
    None asks for pure-Python wheels (`py3-none-any`), the fallback that
    serves any other platform and a newer Python. With `cache`, pip reads that
    folder only and never the network."""
    command = [sys.executable, "-m", "pip", "download", "-q", "--only-binary=:all:",
               "--python-version", python, "-d", str(into)]
    if platform is None:
        command += ["--platform", "any", "--implementation", "py"]
    else:
        command += ["--implementation", "cp"]
        for tag in platform.pip_platforms:
            command += ["--platform", tag]
    if cache is not None:
        command += ["--no-index", "--find-links", str(cache)]
    # The studyapp wheel itself is the requirement; it is already in `into`.
    _run([*command, "--find-links", str(wheel.parent), str(wheel)], log)


def pure_versions(wheels: Path, python: str, log: Log, cache: Path | None) -> None:
    """A pure-Python wheel, where its project publishes one, of each dependency that
    came as compiled wheels only (tomli has one; lxml, python-docx's XML parser, has
    none): they serve a newer Python and make up studyapp.pyz, which then runs
    without what has no pure wheel (the Word readers)."""
    from studyapp.dist.targets import read_wheels  # noqa: PLC0415

    found = read_wheels(wheels)
    pure = {w.name for w in found if all(t.platform == "any" for t in w.tags)}
    for name in sorted({w.name for w in found} - pure):
        version = max(w.version for w in found if w.name == name)
        command = [sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                   "--only-binary=:all:", "--platform", "any", "--implementation", "py",
                   "--python-version", python, "-d", str(wheels), f"{name}=={version}"]
        if cache is not None:
            command += ["--no-index", "--find-links", str(cache)]
        try:
            _run(command, log)
        except BuildError:
            log(f"{name} {version}: no pure-Python wheel (compiled code only)")


def build(out: Path, platforms: Sequence[str] = tuple(PLATFORMS),
          pythons: Sequence[str] = PYTHONS, cache: Path | None = None,
          pure_fallback: bool = True, pyz: bool = True,
          log: Log = lambda _line: None) -> list[str]:
    """Make the folder `out` (created; must be empty or absent). Returns the
    targets it was checked for; raises BuildError if any lacks a wheel."""
    if out.exists() and any(out.iterdir()):
        raise BuildError(f"{out}: the folder is not empty")
    unknown = [key for key in platforms if key not in PLATFORMS]
    if unknown:
        raise BuildError(f"unknown platform {', '.join(unknown)}: "
                         f"choose among {', '.join(PLATFORMS)}")
    wheels = out / WHEELS
    wheels.mkdir(parents=True)
    studyapp = build_studyapp_wheel(wheels, log)
    for key in platforms:
        for python in pythons:
            download(studyapp, wheels, PLATFORMS[key], python, log, cache)
    if pure_fallback:
        pure_versions(wheels, pythons[-1], log, cache)
    targets = [(PLATFORMS[key], python) for key in platforms for python in pythons]
    problems = missing_wheels(wheels, "studyapp", targets)
    if problems:
        raise BuildError("\n".join(problems))
    scripts.write_scripts(out, pythons)
    if pyz:
        from studyapp.dist.pyz import build_pyz  # noqa: PLC0415

        build_pyz(out / "studyapp.pyz", wheels, log)
    return [f"{platform.label}, Python {python}" for platform, python in targets]
