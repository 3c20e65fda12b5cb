"""Dialogs shown over a screen: each collects one decision and returns it."""
