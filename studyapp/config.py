"""Settings: from the command line, the environment and the user config file, in that order."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli

from studyapp import paths
from studyapp.errors import StudyappError
from studyapp.i18n import DEFAULT_LANG, LANGUAGES, Lang, tr


@dataclass(frozen=True)
class ContentDir:
    """A content folder and where it was named (for messages)."""

    path: Path
    origin: str


@dataclass(frozen=True)
class Settings:
    lang: Lang = DEFAULT_LANG
    content_dirs: tuple[ContentDir, ...] = ()
    db_path: Path = field(default_factory=paths.default_db_path)
    config_path: Path = field(default_factory=paths.config_file)
    cache_dir: Path | None = field(default_factory=paths.cache_dir)
    """Where parsed content is cached; None to read everything afresh."""
    notices: tuple[str, ...] = ()
    """Problems with the config file, already translated, to show the user."""
    keys: tuple[tuple[str, str], ...] = ()
    """Keys remapped in the config file's `[keys]` table: (binding id, keys)."""
    theme: str | None = None
    """The interface theme chosen in the config file (`theme = "textual-light"`)."""

    @property
    def content_paths(self) -> list[Path]:
        return [entry.path for entry in self.content_dirs]


@dataclass(frozen=True)
class UserConfig:
    """The user config file (`config.toml`): `lang` and `content` folders."""

    path: Path
    lang: Lang | None = None
    content: tuple[str, ...] = ()
    keys: tuple[tuple[str, str], ...] = ()
    theme: str | None = None
    problems: tuple[str, ...] = ()
    """Why parts of the file were ignored, untranslated details."""


def load_user_config(env: Mapping[str, str] = os.environ) -> UserConfig:
    """Read the config file; a missing one is no problem, a broken one is
    ignored with the reason kept for a notice."""
    path = paths.config_file(env)
    try:
        data: dict[str, Any] = tomli.loads(path.read_bytes().decode("utf-8-sig"))
    except FileNotFoundError:
        return UserConfig(path)
    except (OSError, UnicodeDecodeError, tomli.TOMLDecodeError) as error:
        return UserConfig(path, problems=(str(error),))
    problems: list[str] = []
    lang = data.get("lang")
    if lang is not None and lang not in LANGUAGES:
        problems.append("lang")
        lang = None
    content = data.get("content", [])
    if not (isinstance(content, list) and all(isinstance(p, str) for p in content)):
        problems.append("content")
        content = []
    keys = data.get("keys", {})
    if not (isinstance(keys, dict) and all(isinstance(v, str) for v in keys.values())):
        problems.append("keys")
        keys = {}
    theme = data.get("theme")
    if theme is not None and not isinstance(theme, str):
        problems.append("theme")
        theme = None
    return UserConfig(path, lang, tuple(content), tuple(keys.items()), theme, tuple(problems))


def _notice(config: UserConfig, problem: str, lang: Lang) -> str:
    if problem == "lang":
        reason = tr("cli.config_bad_key", lang, key="lang", expected='"vi" | "en"')
    elif problem == "content":
        reason = tr("cli.config_bad_key", lang, key="content",
                    expected=tr("type.string_list", lang))
    elif problem == "keys":
        reason = tr("cli.config_bad_key", lang, key="keys", expected=tr("config.keys_table", lang))
    elif problem == "theme":
        reason = tr("cli.config_bad_key", lang, key="theme", expected=tr("type.string", lang))
    else:
        reason = problem
    return tr("cli.config_problem", lang, path=config.path, reason=reason)


def resolve_settings(
    config: UserConfig,
    *,
    lang: str | None = None,
    content: Sequence[str] = (),
    with_bundled: bool = False,
    db: str | None = None,
    env: Mapping[str, str] = os.environ,
) -> Settings:
    """Combine the command line with the environment and the config file.

    Content (content-format.md): the bundled packs, then the config file's
    folders, then `STUDYAPP_CONTENT`, then `--content`; `--content` replaces
    the bundled packs unless `with_bundled`."""
    chosen: Lang = DEFAULT_LANG
    for candidate in (lang, config.lang):
        if candidate in LANGUAGES:
            chosen = candidate
            break
    notices = tuple(_notice(config, problem, chosen) for problem in config.problems)

    dirs: list[ContentDir] = []
    if not content or with_bundled:
        dirs.append(ContentDir(paths.bundled_content_dir(), "bundled"))
        user = paths.user_content_dir(env)
        if user.is_dir():  # what the interface imported or made (questions, packs)
            dirs.append(ContentDir(user, "user"))
    dirs.extend(ContentDir(Path(p).expanduser(), str(config.path)) for p in config.content)
    dirs.extend(ContentDir(p, paths.ENV_CONTENT) for p in paths.content_dirs_from_env(env))
    dirs.extend(ContentDir(Path(p).expanduser(), "--content") for p in content)

    db_path = Path(db).expanduser() if db else paths.default_db_path(env)
    return Settings(chosen, tuple(dirs), db_path, config.path, paths.cache_dir(env), notices,
                    config.keys, config.theme)


class ConfigWriteError(StudyappError):
    """The config file could not be changed (it is left as it was)."""


_TABLE = re.compile(r"^\s*\[")


def set_config_value(path: Path, key: str, value: str) -> None:
    """Set a top-level string `key` in the config file, keeping everything
    else (comments included) as written; the file is created if missing.

    A file that does not parse is not touched: the user's text is theirs."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        text = ""
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigWriteError(tr("config.cannot_write", path=path, reason=error)) from error
    try:
        tomli.loads(text)
    except tomli.TOMLDecodeError as error:
        raise ConfigWriteError(tr("config.cannot_write", path=path, reason=error)) from error
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    lines = text.splitlines()
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for index, existing in enumerate(lines):
        if _TABLE.match(existing):
            lines.insert(0, line)  # keys after a [table] header belong to that table
            break
        if pattern.match(existing):
            lines[index] = line
            break
    else:
        lines.insert(0, line)
    new_text = "\n".join(lines) + "\n"
    try:
        written = tomli.loads(new_text).get(key)
    except tomli.TOMLDecodeError as error:  # a multi-line value replaced only in part
        raise ConfigWriteError(tr("config.cannot_write", path=path, reason=error)) from error
    if written != value:
        raise ConfigWriteError(tr("config.cannot_write", path=path, reason=key))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".new")
        temporary.write_text(new_text, encoding="utf-8", newline="\n")
        os.replace(temporary, path)
    except OSError as error:
        raise ConfigWriteError(tr("config.cannot_write", path=path, reason=error)) from error
