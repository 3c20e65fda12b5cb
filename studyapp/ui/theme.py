"""Theme colours for Rich renderables, which cannot read Textual's `$variables`."""

from __future__ import annotations

from textual.app import App
from textual.color import Color, ColorParseError


def _rich_word(variables: dict[str, str], word: str) -> str:
    if not word.startswith("$"):
        return word
    value = variables.get(word[1:], "")
    try:
        return Color.parse(value).hex if value else ""
    except ColorParseError:
        # `auto 60%` (muted text) is relative to the background: dim it.
        return "dim" if value.startswith("auto") else ""


def rich_style(app: App[object] | None, style: str) -> str:
    """`style` with each `$variable` replaced by the theme's colour (dropped
    when there is no app yet), for a Rich `Text` or `Table`."""
    variables = app.theme_variables if app is not None else {}
    return " ".join(word for word in (_rich_word(variables, w) for w in style.split()) if word)
