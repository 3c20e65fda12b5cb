"""Where things live: the bundled content, and the user's config, data, cache and database."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME = "studyapp"
DB_FILENAME = "studyapp.sqlite3"
CONFIG_FILENAME = "config.toml"

# Environment variables that move things (documented in the README).
ENV_DB = "STUDYAPP_DB"
ENV_CONTENT = "STUDYAPP_CONTENT"
ENV_DATA_DIR = "STUDYAPP_DATA_DIR"
ENV_CONFIG_DIR = "STUDYAPP_CONFIG_DIR"
ENV_CACHE_DIR = "STUDYAPP_CACHE_DIR"
ENV_PIN = "STUDYAPP_PIN"

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_content_dir() -> Path:
    """The packs that ship with the program: inside the installed package, or,
    when running from a source checkout (an editable install), the repo's
    `content/` folder."""
    installed = _PACKAGE_DIR / "_bundled"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / "content"


def _env_path(env: Mapping[str, str], name: str) -> Path | None:
    value = env.get(name, "").strip()
    return Path(value).expanduser() if value else None


def data_dir(env: Mapping[str, str] = os.environ) -> Path:
    return _env_path(env, ENV_DATA_DIR) or platformdirs.user_data_path(APP_NAME, appauthor=False)


def config_dir(env: Mapping[str, str] = os.environ) -> Path:
    return _env_path(env, ENV_CONFIG_DIR) or platformdirs.user_config_path(APP_NAME,
                                                                           appauthor=False)


def cache_dir(env: Mapping[str, str] = os.environ) -> Path:
    return _env_path(env, ENV_CACHE_DIR) or platformdirs.user_cache_path(APP_NAME,
                                                                         appauthor=False)


def config_file(env: Mapping[str, str] = os.environ) -> Path:
    return config_dir(env) / CONFIG_FILENAME


def default_db_path(env: Mapping[str, str] = os.environ) -> Path:
    """`STUDYAPP_DB`, else the database file in the user data directory."""
    return _env_path(env, ENV_DB) or data_dir(env) / DB_FILENAME


USER_CONTENT = "noi-dung"


def user_content_dir(env: Mapping[str, str] = os.environ) -> Path:
    """The user's own content folder (packs and banks made in the interface): read
    after the bundled packs whenever it exists."""
    return data_dir(env) / USER_CONTENT


def content_dirs_from_env(env: Mapping[str, str] = os.environ) -> list[Path]:
    """The folders of `STUDYAPP_CONTENT`, joined with the OS path separator."""
    value = env.get(ENV_CONTENT, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]
