"""The config file: read leniently, written without losing what the user wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import tomli

from studyapp.config import ConfigWriteError, load_user_config, resolve_settings, set_config_value
from tests.conftest import write


def config_file() -> Path:
    return Path(os.environ["STUDYAPP_CONFIG_DIR"]) / "config.toml"


def test_keys_and_theme_are_read() -> None:
    write(config_file(), 'theme = "textual-light"\n[keys]\n"quiz.flag" = "ctrl+f"\n')
    settings = resolve_settings(load_user_config())
    assert settings.theme == "textual-light"
    assert settings.keys == (("quiz.flag", "ctrl+f"),)
    assert settings.notices == ()


def test_bad_keys_and_theme_are_ignored_with_a_notice() -> None:
    write(config_file(), 'theme = 3\nkeys = ["ctrl+f"]\n')
    settings = resolve_settings(load_user_config())
    assert (settings.theme, settings.keys) == (None, ())
    assert len(settings.notices) == 2
    assert all("config.toml" in notice for notice in settings.notices)


def test_a_value_is_set_and_the_rest_kept_as_written() -> None:
    text = ('# Ngôn ngữ của giao diện\nlang = "vi"   # hoặc "en"\n'
            'content = [\n  "~/tai-lieu",\n]\n\n[keys]\n"quiz.flag" = "ctrl+f"\n')
    write(config_file(), text)
    set_config_value(config_file(), "lang", "en")
    new = config_file().read_text(encoding="utf-8")
    assert new == text.replace('lang = "vi"   # hoặc "en"', 'lang = "en"')
    set_config_value(config_file(), "theme", "textual-light")
    data = tomli.loads(config_file().read_text(encoding="utf-8"))
    assert data == {"theme": "textual-light", "lang": "en", "content": ["~/tai-lieu"],
                    "keys": {"quiz.flag": "ctrl+f"}}


def test_a_missing_file_is_created() -> None:
    set_config_value(config_file(), "lang", "en")
    assert load_user_config().lang == "en"


def test_a_key_inside_a_table_is_not_mistaken_for_the_top_level_one() -> None:
    write(config_file(), '[keys]\nlang = "x"\n')
    set_config_value(config_file(), "lang", "en")
    data = tomli.loads(config_file().read_text(encoding="utf-8"))
    assert data == {"lang": "en", "keys": {"lang": "x"}}


@pytest.mark.parametrize("text", ['lang = "vi\n', b"\xff\xfe lang", 'lang = """vi\n"""\n'])
def test_a_file_that_cannot_be_edited_safely_is_left_alone(text: str | bytes) -> None:
    write(config_file(), text)
    before = config_file().read_bytes()
    with pytest.raises(ConfigWriteError) as raised:
        set_config_value(config_file(), "lang", "en")
    assert str(config_file()) in raised.value.message
    assert config_file().read_bytes() == before
