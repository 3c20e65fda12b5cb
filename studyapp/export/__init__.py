"""Exports: printed papers (and, later, score tables, bundles and reports). No UI here."""
