"""Key bindings whose descriptions are message keys, shown in the interface language."""

from __future__ import annotations

from textual.binding import Binding

from studyapp.i18n import has_message, tr


def binding_text(binding: Binding) -> str:
    """A binding's description in the current language.

    Bindings are declared once per class with a message key (`"key.next"`)
    as description, and read at display time, so that switching the
    language changes every key bar and help screen at once."""
    description = binding.description
    return tr(description) if has_message(description) else description
