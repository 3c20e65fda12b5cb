"""Key bindings whose descriptions are message keys, shown in the interface language."""

from __future__ import annotations

import dataclasses

from textual.binding import Binding
from textual.dom import DOMNode

from studyapp.i18n import has_message, tr


def translate_bindings(node: DOMNode) -> None:
    """Replace, on this node only, each binding description (and tooltip) that
    is a message key (`"key.next"`) with its text in the current language.

    Bindings are declared once per class, before the language is known; the
    footer and the help screen read descriptions from the node's own map."""
    bindings = node._bindings.key_to_bindings  # Textual 8.2.8 keeps a node's bindings here
    for key, items in bindings.items():
        bindings[key] = [_translated(binding) for binding in items]


def _translated(binding: Binding) -> Binding:
    description = tr(binding.description) if has_message(binding.description) else None
    tooltip = tr(binding.tooltip) if has_message(binding.tooltip) else None
    if description is None and tooltip is None:
        return binding
    return dataclasses.replace(binding, description=description or binding.description,
                               tooltip=tooltip or binding.tooltip)
