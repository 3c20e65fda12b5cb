"""Every key binding of the interface, by id: what the config file's `[keys]` may remap."""

from __future__ import annotations

import importlib
import pkgutil

from textual.binding import Binding
from textual.dom import DOMNode

import studyapp.ui


def interface_classes() -> list[type[DOMNode]]:
    """The app, screens, dialogs and widgets of studyapp (their modules imported)."""
    for module in pkgutil.walk_packages(studyapp.ui.__path__, "studyapp.ui."):
        importlib.import_module(module.name)
    found: list[type[DOMNode]] = []
    pending: list[type[DOMNode]] = [DOMNode]
    while pending:
        cls = pending.pop()
        for sub in cls.__subclasses__():
            pending.append(sub)
            if sub.__module__.startswith("studyapp.ui.") and sub not in found:
                found.append(sub)
    return found


def all_bindings() -> list[tuple[type[DOMNode], Binding]]:
    """Each binding declared by studyapp's classes, with its class."""
    bindings = []
    for cls in interface_classes():
        for binding in cls.__dict__.get("BINDINGS", []):
            if isinstance(binding, Binding):
                bindings.append((cls, binding))
    return bindings


def all_binding_ids() -> set[str]:
    return {binding.id for _, binding in all_bindings() if binding.id}
