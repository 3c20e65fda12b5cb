"""Building the app for Pilot and snapshot tests, the same way the CLI does."""

from __future__ import annotations

from pathlib import Path

from studyapp.config import load_user_config, resolve_settings
from studyapp.content.loading import load_catalog
from studyapp.ui.app import StudyApp, make_app


def build_app(*content: Path, lang: str = "vi", with_bundled: bool = False) -> StudyApp:
    settings = resolve_settings(load_user_config(), lang=lang,
                                content=[str(path) for path in content],
                                with_bundled=with_bundled)
    return make_app(settings, load_catalog(settings.content_paths, settings.cache_dir))
