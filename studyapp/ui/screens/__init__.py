"""Screens: each owns one flow (home, lessons, search, help, content problems)."""
