"""Widgets: show state and post messages; never grade, query SQL or read files."""
